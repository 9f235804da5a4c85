#include "output/table.hpp"

#include <algorithm>
#include <numeric>

namespace routemap::cli {

namespace {

constexpr std::size_t gap = 2;  // spaces between columns

// A cell's lines at `width` columns; leading spaces are kept on every continuation line.
std::vector<std::string> cell_lines(const std::string& cell, std::size_t width, bool wrap_it) {
    if (!wrap_it || display_width(cell) <= width) return {cell};
    const auto lead = cell.find_first_not_of(' ');
    const std::string indent(lead == std::string::npos ? 0 : lead, ' ');
    const auto usable = width > indent.size() + 4 ? width - indent.size() : std::max<std::size_t>(width, 4);
    auto lines = wrap(std::string_view(cell).substr(indent.size()), usable);
    for (auto& line : lines) line = indent + line;
    return lines;
}

void trim_right(std::string& line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
}

}  // namespace

void Table::add_row(std::vector<std::string> cells) {
    cells.resize(columns_.size());
    rows_.push_back(std::move(cells));
    notes_.emplace_back();
}

void Table::add_note(std::string text) {
    if (notes_.empty()) return;
    if (!notes_.back().empty()) notes_.back() += '\n';
    notes_.back() += text;
}

std::string Table::render(std::size_t width, std::string_view indent) const {
    const auto n = columns_.size();
    std::vector<std::size_t> widths(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
        widths[c] = display_width(columns_[c].header);
        for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
    }
    const auto available = width > display_width(indent) ? width - display_width(indent) : width;
    auto total = [&] { return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + gap * (n ? n - 1 : 0); };
    // Shrink the widest wrapping column, one column at a time, until the table fits.
    while (total() > available) {
        std::size_t widest = n;
        for (std::size_t c = 0; c < n; ++c) {
            const auto floor = std::max(columns_[c].min_width, display_width(columns_[c].header));
            if (columns_[c].wrap && widths[c] > floor && (widest == n || widths[c] > widths[widest])) widest = c;
        }
        if (widest == n) break;
        const auto floor = std::max(columns_[widest].min_width, display_width(columns_[widest].header));
        widths[widest] = std::max(floor, widths[widest] - std::min(widths[widest] - floor, total() - available));
    }

    std::string out;
    auto emit = [&](const std::vector<std::string>& cells) {
        std::vector<std::vector<std::string>> lines(n);
        std::size_t height = 1;
        for (std::size_t c = 0; c < n; ++c) {
            lines[c] = cell_lines(cells[c], widths[c], columns_[c].wrap);
            height = std::max(height, lines[c].size());
        }
        for (std::size_t h = 0; h < height; ++h) {
            std::string line(indent);
            for (std::size_t c = 0; c < n; ++c) {
                const std::string text = h < lines[c].size() ? lines[c][h] : std::string();
                line += columns_[c].align == Align::right ? pad_left(text, widths[c]) : pad_right(text, widths[c]);
                if (c + 1 < n) line.append(gap, ' ');
            }
            trim_right(line);
            out += line + '\n';
        }
    };
    std::vector<std::string> header;
    for (const auto& column : columns_) header.push_back(column.header);
    emit(header);
    std::string rule(indent);
    for (std::size_t c = 0; c < n; ++c) {
        rule.append(widths[c], '-');
        if (c + 1 < n) rule.append(gap, ' ');
    }
    out += rule + '\n';
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        emit(rows_[r]);
        if (!notes_[r].empty()) out += wrap_block(notes_[r], width, std::string(indent) + "  ");
    }
    return out;
}

}  // namespace routemap::cli
