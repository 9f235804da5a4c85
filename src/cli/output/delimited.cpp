#include "output/delimited.hpp"

#include "detail/csv.hpp"

namespace routemap::cli {

// The library's own writer, so that every CSV routemap writes is quoted and neutralised against
// formula injection the same way (detail/csv.hpp).
std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += detail::csv_field(fields[i]);
    }
    return out + '\n';
}

std::string markdown_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
                out += '\\';
                out += c;
                break;
            case '\r': break;
            case '\n': out += ' '; break;
            default: out += c;
        }
    }
    return out;
}

MarkdownTable::MarkdownTable(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_(std::move(right_aligned)) {
    right_.resize(headers_.size(), false);
}

void MarkdownTable::add_row(std::vector<std::string> cells) {
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string MarkdownTable::render() const {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const auto& cell : cells) out += ' ' + (cell.empty() ? std::string() : cell) + " |";
        return out + '\n';
    };
    std::string out = line(headers_);
    out += '|';
    for (std::size_t i = 0; i < headers_.size(); ++i) out += right_[i] ? " ---: |" : " --- |";
    out += '\n';
    for (const auto& row : rows_) out += line(row);
    return out;
}

}  // namespace routemap::cli
