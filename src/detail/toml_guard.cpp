#include "toml_guard.hpp"

#include <cstdio>

namespace routemap::detail {

namespace {

bool is_bare_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::optional<GuardFinding> run() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                if (depth_ == 0) in_value_ = false;
                line_start_ = true;
                advance();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                advance();
            } else if (c == '#') {
                skip_comment();
            } else if (c == '"' || c == '\'') {
                line_start_ = false;
                if (auto f = skip_string(c)) return f;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                return finding("unexpected character " + code_point_name() + " outside a string or comment");
            } else if (c == '[' && line_start_ && !in_value_) {
                line_start_ = false;
                if (auto f = check_table_header()) return f;
            } else {
                line_start_ = false;
                if (c == '=' && depth_ == 0) in_value_ = true;
                if (in_value_ && (c == '[' || c == '{')) ++depth_;
                if (in_value_ && (c == ']' || c == '}') && depth_ > 0) --depth_;
                advance();
            }
        }
        return std::nullopt;
    }

private:
    void advance() {
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        ++pos_;
        if (byte == '\n') {
            ++line_;
            column_ = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column_;  // count code points, not continuation bytes
        }
    }

    bool starts_with(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

    GuardFinding finding(std::string message) const { return GuardFinding{std::move(message), line_, column_}; }

    std::string code_point_name() const {
        // Decode one UTF-8 sequence for the message; invalid sequences are named by their first byte.
        const auto b0 = static_cast<unsigned char>(text_[pos_]);
        unsigned cp = b0;
        int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : b0 >= 0xC0 ? 1 : -1;
        if (extra > 0 && pos_ + extra < text_.size() + 1) {
            cp = b0 & (0x3F >> extra);
            for (int i = 1; i <= extra; ++i) {
                if (pos_ + i >= text_.size()) { extra = -1; break; }
                const auto b = static_cast<unsigned char>(text_[pos_ + i]);
                if ((b & 0xC0) != 0x80) { extra = -1; break; }
                cp = (cp << 6) | (b & 0x3F);
            }
        }
        char buffer[32];
        if (extra <= 0 && b0 >= 0x80) std::snprintf(buffer, sizeof buffer, "byte 0x%02X", b0);
        else std::snprintf(buffer, sizeof buffer, "U+%04X", cp);
        return buffer;
    }

    void skip_comment() {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance();
    }

    std::optional<GuardFinding> check_table_header() {
        advance();  // '['
        if (pos_ < text_.size() && text_[pos_] == '[') advance();
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) advance();
        if (pos_ >= text_.size())
            return finding("unterminated table header: expected a key");
        const char c = text_[pos_];
        if (!is_bare_key_char(c) && c != '"' && c != '\'') {
            if (static_cast<unsigned char>(c) >= 0x80)
                return finding("invalid table header: expected a key, found " + code_point_name());
            return finding(std::string("invalid table header: expected a key, found '") + c + "'");
        }
        return std::nullopt;
    }

    std::optional<GuardFinding> skip_string(char quote) {
        const bool multi = starts_with(quote == '"' ? "\"\"\"" : "'''");
        const std::string_view close = multi ? (quote == '"' ? "\"\"\"" : "'''") : std::string_view(&quote, 1);
        for (std::size_t i = 0; i < close.size(); ++i) advance();
        while (pos_ < text_.size()) {
            if (starts_with(close)) {
                for (std::size_t i = 0; i < close.size(); ++i) advance();
                // A multi-line string may end with up to two extra quotes before the closing three.
                while (multi && pos_ < text_.size() && text_[pos_] == quote) advance();
                return std::nullopt;
            }
            const char c = text_[pos_];
            if (c == '\n' && !multi) return std::nullopt;  // the parser reports the unterminated string
            if (c == '\\' && quote == '"') {
                advance();
                if (multi) {
                    if (auto f = check_line_ending_backslash()) return f;
                    continue;
                }
                if (pos_ < text_.size()) advance();
                continue;
            }
            advance();
        }
        return std::nullopt;
    }

    // After a backslash in a multi-line basic string: if it ends the line, the parser skips the
    // following whitespace and newlines, and toml++ 3.3.0 fails on a non-ASCII character there.
    std::optional<GuardFinding> check_line_ending_backslash() {
        std::size_t p = pos_;
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        if (p >= text_.size() || (text_[p] != '\n' && text_[p] != '\r')) {
            if (pos_ < text_.size()) advance();  // an ordinary escape: skip the escaped character
            return std::nullopt;
        }
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            advance();
        if (pos_ < text_.size() && static_cast<unsigned char>(text_[pos_]) >= 0x80)
            return finding("unsupported: " + code_point_name() +
                           " directly after a line-ending backslash in a multi-line string; "
                           "start the continued line with an ASCII character");
        return std::nullopt;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    bool line_start_ = true, in_value_ = false;
    int depth_ = 0;
};

}  // namespace

std::optional<GuardFinding> find_unsafe_toml(std::string_view text) {
    // A UTF-8 byte order mark is allowed at the very start.
    std::size_t offset = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    return Scanner(text.substr(offset)).run();
}

}  // namespace routemap::detail
