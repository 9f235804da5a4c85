#pragma once
// routemap::detail is not public API.
// Reading TOML written plainly, line by line, without building a tree: table headers at the start of
// their lines, `key = "text"` and `key = ["text", ...]` on one line each, blank lines and comments. Each step says
// whether the text is written that way; the scans built on it (assessment criteria,
// ../assessment_io/plain_criteria.hpp; framework domains, plain_domains.hpp) decline a piece at the
// first thing written otherwise, and toml++ reads it. Positions are toml++'s: 1-based lines, columns
// in code points.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "utf8.hpp"

namespace routemap::detail {

// Which of a table's known keys (at most 32) were given: a key given twice is TOML's error.
class GivenKeys {
public:
    // The index of `key` among `known`, when it is one of them and not given before.
    std::optional<std::size_t> take(std::string_view key, std::span<const std::string_view> known) {
        const auto found = std::find(known.begin(), known.end(), key);
        if (found == known.end()) return std::nullopt;
        const auto index = static_cast<std::size_t>(found - known.begin());
        const auto bit = std::uint32_t{1} << index;
        if (bits_ & bit) return std::nullopt;
        bits_ |= bit;
        return index;
    }
    bool has(std::size_t index) const { return bits_ & (std::uint32_t{1} << index); }
    void clear() { bits_ = 0; }

private:
    std::uint32_t bits_ = 0;
};

struct PlainString {
    std::string_view text;  // the value: the text between the quotes, which holds no escape
    std::uint32_t line = 0, column = 0;  // of the opening quote
};

class PlainToml {
public:
    explicit PlainToml(std::string_view text) : text_(text) {}

    bool at_end() const { return pos_ >= text_.size(); }
    std::uint32_t line() const { return line_; }

    // A line of blanks only, or a comment line (or the blanks before the end of the text): consumed.
    bool blank_line() {
        const auto at = pos_;
        skip_blanks();
        if (pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '#') {
            if (end_of_line()) return true;
        }
        pos_ = at;
        return false;
    }

    // `header` (e.g. "[[domains]]") alone on its line (but for a comment), at its start: consumed.
    bool header(std::string_view header) {
        if (pos_ != line_start_ || text_.substr(pos_, header.size()) != header) return false;
        const auto at = pos_;
        pos_ += header.size();
        if (end_of_line()) return true;
        pos_ = at;
        return false;
    }

    // At a line's start: `[` with nothing before it.
    bool at_bracket() const { return pos_ == line_start_ && pos_ < text_.size() && text_[pos_] == '['; }

    // `literal` here: consumed.
    bool literal(std::string_view literal) {
        if (text_.substr(pos_, literal.size()) != literal) return false;
        pos_ += literal.size();
        return true;
    }

    // Blanks, a bare key, blanks, '=', blanks: the key, with the value next.
    std::optional<std::string_view> key_equals() {
        skip_blanks();
        const auto start = pos_;
        while (pos_ < text_.size() && bare_key_char(text_[pos_])) ++pos_;
        const auto key = text_.substr(start, pos_ - start);
        skip_blanks();
        if (key.empty() || pos_ >= text_.size() || text_[pos_] != '=') return std::nullopt;
        ++pos_;
        skip_blanks();
        return key;
    }

    // A basic string here with no escape, control character or tab, in valid UTF-8.
    std::optional<PlainString> string() {
        if (pos_ >= text_.size() || text_[pos_] != '"') return std::nullopt;
        PlainString out{{}, line_, column()};
        const auto start = ++pos_;
        bool high = false;
        for (; pos_ < text_.size(); ++pos_) {
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') break;
            if (c < 0x20 || c == 0x7F || c == '\\') return std::nullopt;
            high = high || c >= 0x80;
        }
        if (pos_ == text_.size()) return std::nullopt;
        out.text = text_.substr(start, pos_ - start);
        ++pos_;
        if (high && !is_valid_utf8(out.text)) return std::nullopt;
        return out;
    }

    // ["a", "b"] on one line (blanks between, a comma after the last allowed, [] empty); `at` is where
    // the array starts.
    std::optional<std::vector<PlainString>> string_array(PlainString& at) {
        if (pos_ >= text_.size() || text_[pos_] != '[') return std::nullopt;
        at = {{}, line_, column()};
        ++pos_;
        std::vector<PlainString> out;
        for (;;) {
            skip_blanks();
            if (pos_ < text_.size() && text_[pos_] == ']') break;
            auto element = string();
            if (!element) return std::nullopt;
            out.push_back(*element);
            skip_blanks();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ >= text_.size() || text_[pos_] != ']') return std::nullopt;
            break;
        }
        ++pos_;
        return out;
    }

    // Blanks and a comment, if any, then the end of the line ("\n" or "\r\n") or of the text: consumed.
    // A comment holds no control character but tabs, and is valid UTF-8, as toml++ requires.
    bool end_of_line() {
        skip_blanks();
        if (pos_ < text_.size() && text_[pos_] == '#') {
            const auto start = pos_;
            bool high = false;
            for (; pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r'; ++pos_) {
                const auto c = static_cast<unsigned char>(text_[pos_]);
                if ((c < 0x20 && c != '\t') || c == 0x7F) return false;
                high = high || c >= 0x80;
            }
            if (high && !is_valid_utf8(text_.substr(start, pos_ - start))) return false;
        }
        if (pos_ >= text_.size()) return true;
        auto at = pos_;
        if (text_[at] == '\r') {
            if (at + 1 >= text_.size() || text_[at + 1] != '\n') return false;
            ++at;
        }
        if (text_[at] != '\n') return false;
        pos_ = line_start_ = at + 1;
        ++line_;
        return true;
    }

private:
    static bool blank(char c) { return c == ' ' || c == '\t'; }
    static bool bare_key_char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
    void skip_blanks() {
        while (pos_ < text_.size() && blank(text_[pos_])) ++pos_;
    }
    // In code points, as toml++ counts (a line may hold non-ASCII strings before this one).
    std::uint32_t column() const {
        std::uint32_t column = 1;
        for (auto i = line_start_; i < pos_; ++i) column += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
        return column;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 1;
};

}  // namespace routemap::detail
