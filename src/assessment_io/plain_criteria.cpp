// routemap::detail is not public API. See plain_criteria.hpp.

#include "plain_criteria.hpp"

#include <algorithm>

#include "common.hpp"

namespace routemap::detail {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

bool bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::optional<PlainCriteria> run() {
        PlainCriteria out;
        auto& sections = out.sections;
        sections.reserve(text_.size() / 48);  // a header and a status take about 50 bytes
        out.values.reserve(text_.size() / 48);
        while (pos_ < text_.size()) {
            auto at = pos_;
            while (at < text_.size() && blank(text_[at])) ++at;
            if (at == text_.size() || text_[at] == '\n' || text_[at] == '\r') {  // a blank line
                pos_ = at;
                if (!end_of_line()) return std::nullopt;
            } else if (text_[at] == '[') {
                // At the start of its line, as routemap writes it (the table's position is then column 1).
                static constexpr std::string_view opening = "[criteria.";
                if (at != line_start_ || text_.substr(at, opening.size()) != opening) return std::nullopt;
                pos_ = at + opening.size();
                const auto line = line_;
                const auto id = quoted();
                if (!id || id->empty() || pos_ >= text_.size() || text_[pos_] != ']') return std::nullopt;
                ++pos_;
                if (!end_of_line()) return std::nullopt;
                sections.push_back({*id, line, static_cast<std::uint32_t>(out.values.size()), 0});
                given_ = 0;
            } else {
                if (sections.empty() || !key_value(at, out.values)) return std::nullopt;
                ++sections.back().value_count;
            }
        }
        // In id order, as toml++ keeps a table's keys; a criterion given twice is toml++'s error to word.
        std::sort(sections.begin(), sections.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
        if (std::adjacent_find(sections.begin(), sections.end(), [](const auto& x, const auto& y) { return x.id == y.id; }) !=
            sections.end())
            return std::nullopt;
        return out;
    }

private:
    // key = "text", the key one of the record's, not given before in the section.
    bool key_value(std::size_t at, std::vector<PlainValue>& values) {
        const auto start = at;
        while (at < text_.size() && bare_key_char(text_[at])) ++at;
        const auto key = text_.substr(start, at - start);
        const auto known = std::find(record_keys.begin(), record_keys.end(), key);
        if (known == record_keys.end()) return false;
        const auto index = static_cast<std::uint8_t>(known - record_keys.begin());
        if (given_ & (1u << index)) return false;
        given_ |= 1u << index;
        while (at < text_.size() && blank(text_[at])) ++at;
        if (at >= text_.size() || text_[at] != '=') return false;
        ++at;
        while (at < text_.size() && blank(text_[at])) ++at;
        if (at >= text_.size() || text_[at] != '"') return false;
        // Everything before the quote on this line is ASCII: its column in bytes is toml++'s in characters.
        const auto column = static_cast<std::uint32_t>(at - line_start_ + 1);
        pos_ = at;
        const auto text = quoted();
        if (!text) return false;
        values.push_back({index, *text, line_, column});
        return end_of_line();
    }

    // A basic string starting at pos_ ('"'): its text, when it holds no escape, control character or
    // tab, and is valid UTF-8. pos_ ends past the closing quote.
    std::optional<std::string_view> quoted() {
        if (pos_ >= text_.size() || text_[pos_] != '"') return std::nullopt;
        const auto start = ++pos_;
        bool high = false;
        for (; pos_ < text_.size(); ++pos_) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') break;
            if (c < 0x20 || c == 0x7F || c == '\\') return std::nullopt;
            high = high || c >= 0x80;
        }
        if (pos_ == text_.size()) return std::nullopt;
        const auto text = text_.substr(start, pos_ - start);
        ++pos_;
        if (high && !is_valid_utf8(text)) return std::nullopt;
        return text;
    }

    // Blanks, then the end of the line ("\n" or "\r\n") or of the text.
    bool end_of_line() {
        while (pos_ < text_.size() && blank(text_[pos_])) ++pos_;
        if (pos_ == text_.size()) return true;
        if (text_[pos_] == '\r') {
            if (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n') return false;
            ++pos_;
        }
        if (text_[pos_] != '\n') return false;
        line_start_ = ++pos_;
        ++line_;
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 1;
    std::uint32_t given_ = 0;  // the keys of the current section so far, a bit each
};

}  // namespace

std::optional<PlainCriteria> scan_plain_criteria(std::string_view piece) { return Scanner(piece).run(); }

}  // namespace routemap::detail
