#include "toml_guard.hpp"

#include <cstdio>

#include <routemap/limits.hpp>

namespace routemap::detail {

namespace {

// toml++ builds and walks its tree recursively (parsing, then its region update and destruction), once
// per level of table, dotted-key segment, array or inline table: 100,000 levels of dotted keys in a
// 200 KB file overflowed the stack. Every level counts, whichever way it was written.
constexpr int max_depth = static_cast<int>(limits::max_nesting_depth);
constexpr char32_t invalid_utf8 = 0x110000;

bool is_bare_key_char(char32_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
bool is_quote(char32_t c) { return c == '"' || c == '\''; }
bool is_blank(char32_t c) { return c == ' ' || c == '\t'; }
bool is_control(char32_t c) { return (c < 0x20 && c != '\t') || c == 0x7F; }
bool is_hex(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// toml++'s is_value_terminator() for ASCII: whitespace (TAB, space, LF..CR), ']', '}', ',' and '#'.
bool ends_value(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == ']' || c == '}' || c == ',' || c == '#'; }

// The code points for which toml++ 3.3.0's is_non_ascii_horizontal_whitespace() reaches
// TOML_UNREACHABLE: three blocks of its lookup table have no case, only an exception or two.
bool breaks_whitespace_test(char32_t c) {
    return (c > 0xA0 && c < 0x49A) || (c >= 0x2C5E && c < 0x3058 && c != 0x3000) || (c >= 0xFB26 && c < 0xFEFF);
}
// The non-ASCII code points toml++ 3.3.0 takes for horizontal whitespace.
bool is_wide_blank(char32_t c) {
    return c == 0xA0 || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

struct CodePoint {
    char32_t value = invalid_utf8;
    std::size_t size = 1;
};

// Strict UTF-8 (no overlong forms, surrogates or values past U+10FFFF), as toml++'s decoder.
CodePoint decode(std::string_view s, std::size_t pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) return {b0, 1};
    std::size_t size = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
    if (b0 < 0xC2 || b0 > 0xF4 || pos + size > s.size()) return {};
    char32_t value = b0 & (0x7F >> size);
    for (std::size_t i = 1; i < size; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0) != 0x80) return {};
        value = (value << 6) | (b & 0x3F);
    }
    const bool overlong = (size == 3 && value < 0x800) || (size == 4 && value < 0x10000);
    if (overlong || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) return {};
    return {value, size};
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    // Byte offsets of the code points to write as \uXXXX escapes (see multi_line_string()).
    const std::vector<std::size_t>& escapes() const { return escapes_; }
    std::vector<TomlHeader>& headers() { return headers_; }

    std::optional<GuardFinding> run() {
        if (document()) return std::nullopt;
        if (finding_) return finding_;
        // toml++ stops at stop_ with an error of its own and reads no further. Should this model of its
        // grammar ever be wrong there, a code point that breaks its whitespace test could still be
        // reached later on, so the syntax error is reported here instead if one follows.
        for (std::size_t p = stop_offset_; p < text_.size();) {
            const auto cp = decode(text_, p);
            if (cp.value != invalid_utf8 && breaks_whitespace_test(cp.value)) return stop_;
            p += cp.size;
        }
        return std::nullopt;
    }

private:
    // ---- cursor: one code point at a time, line and column as toml++ counts them
    bool at_end() const { return pos_ >= text_.size(); }
    char32_t peek() const {
        if (at_end()) return 0;
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        return byte < 0x80 ? byte : decode(text_, pos_).value;
    }
    char peek_byte(std::size_t ahead) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    bool starts_with(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }

    void advance() {
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        if (byte == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
        pos_ += byte < 0x80 ? 1 : decode(text_, pos_).size;
    }
    // Moves over printable ASCII other than the quote and the backslash, all at once: most of the
    // bytes of a file are the text of its basic strings.
    void skip_plain_string_text() {
        const auto start = pos_;
        while (pos_ < text_.size()) {
            const auto byte = static_cast<unsigned char>(text_[pos_]);
            if (byte < 0x20 || byte >= 0x7F || byte == '"' || byte == '\\') break;
            ++pos_;
        }
        column_ += static_cast<std::uint32_t>(pos_ - start);
    }
    // Moves over one character of a string or comment.
    bool step() {
        if (peek() == invalid_utf8) return unsafe(describe());
        advance();
        return true;
    }
    bool skip_blanks() {
        const auto start = pos_;
        while (!at_end() && is_blank(peek())) advance();
        return pos_ != start;
    }

    std::string describe() const {
        if (at_end()) return "the end of the file";
        const char32_t c = peek();
        char buffer[40];
        if (c == invalid_utf8) std::snprintf(buffer, sizeof buffer, "invalid UTF-8 byte 0x%02X", static_cast<unsigned char>(text_[pos_]));
        else if (c == '\n') return "a new line";
        else if (c < 0x20 || c >= 0x7F) std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
        else return std::string("'") + static_cast<char>(c) + "'";
        return buffer;
    }

    // ---- outcomes
    // An input toml++ 3.3.0 cannot be trusted with: reported as it is.
    bool unsafe(std::string message) {
        finding_ = GuardFinding{std::move(message), line_, column_};
        return false;
    }
    // An input past one of routemap's limits (docs/limits.md), at the given place.
    bool too_big(std::string message, std::uint32_t line, std::uint32_t column) {
        finding_ = GuardFinding{std::move(message), line, column, true};
        return false;
    }
    bool too_deep() {
        return too_big("keys, tables and arrays are nested more than " + std::to_string(max_depth) +
                           " levels deep, routemap's limit (docs/limits.md)",
                       line_, column_);
    }
    // A syntax error toml++ reports by itself, safely.
    bool halt(std::string message) {
        stop_ = GuardFinding{std::move(message), line_, column_};
        stop_offset_ = pos_;
        return false;
    }
    // A syntax error outside strings. toml++ runs its whitespace test on a non-ASCII character found
    // there (and TOML allows none), so such a character is reported as unsafe.
    bool expected(const std::string& what) {
        if (!at_end() && static_cast<unsigned char>(text_[pos_]) >= 0x80) {
            if (peek() == invalid_utf8) return unsafe(describe());
            return unsafe("unexpected character " + describe() + " outside a string or comment");
        }
        return halt("expected " + what + ", found " + describe());
    }

    // ---- grammar, following toml++'s parser
    bool document() {
        while (!at_end()) {
            skip_blanks();
            if (at_end()) break;
            const char32_t c = peek();
            if (c == '\n' || c == '\r') {
                if (!line_break()) return false;
            } else if (c == '#') {
                if (!comment()) return false;
            } else if (c == '[') {
                if (!table_header() || !end_of_line("a table header")) return false;
            } else if (is_bare_key_char(c) || is_quote(c)) {
                if (!key_value(header_depth_) || !end_of_line("a value")) return false;
            } else {
                return expected("a key, a table header or a comment");
            }
        }
        return true;
    }

    bool line_break() {
        if (peek() == '\r') {
            advance();
            if (peek() != '\n') return halt("expected a new line after a carriage return, found " + describe());
        }
        if (peek() != '\n') return halt("expected a new line, found " + describe());
        advance();
        return true;
    }

    bool comment() {
        advance();  // '#'
        while (!at_end()) {
            const char32_t c = peek();
            if (c == '\n' || c == '\r') return line_break();
            if (is_control(c)) return halt("control character " + describe() + " in a comment");
            if (!step()) return false;
        }
        return true;
    }

    bool end_of_line(const std::string& after) {
        skip_blanks();
        if (at_end()) return true;
        if (peek() == '#') return comment();
        if (peek() == '\n' || peek() == '\r') return line_break();
        return expected("a new line or a comment after " + after);
    }

    bool table_header() {
        TomlHeader header;
        header.line = line_;
        header.line_start = pos_;
        while (header.line_start > 0 && is_blank(static_cast<unsigned char>(text_[header.line_start - 1]))) --header.line_start;
        advance();  // '['
        const bool spaced = skip_blanks();
        bool array = false;
        if (peek_byte(0) == '[') {
            if (spaced) return halt("the brackets of an array-of-tables header must touch");
            array = true;
            advance();
            skip_blanks();
        }
        // toml++ asserts that a key starts here.
        if (at_end()) return unsafe("unterminated table header: expected a key");
        if (!is_bare_key_char(peek()) && !is_quote(peek()))
            return unsafe("invalid table header: expected a key, found " + describe());
        const auto key_start = pos_;
        if (!key(0, header_depth_)) return false;
        auto key_end = pos_;
        while (key_end > key_start && is_blank(static_cast<unsigned char>(text_[key_end - 1]))) --key_end;
        for (int i = array ? 2 : 1; i > 0; --i) {
            if (peek_byte(0) != ']') return expected(array ? "']]' to close the table header" : "']' to close the table header");
            advance();
        }
        header.array = array;
        header.key = text_.substr(key_start, key_end - key_start);
        headers_.push_back(header);
        return true;
    }

    // A dotted key, and the blanks after it; its segments sit at depths base + 1 .. depth.
    bool key(int base, int& depth) {
        depth = base;
        while (true) {
            const char32_t c = peek();
            if (++depth > max_depth) return too_deep();
            if (!at_end() && is_bare_key_char(c)) {
                const auto start = pos_;
                const auto line = line_, column = column_;
                while (!at_end() && is_bare_key_char(peek())) advance();
                if (pos_ - start > limits::max_string_bytes) return too_long("key", pos_ - start, line, column);
            } else if (!at_end() && is_quote(c)) {
                const auto line = line_, column = column_;
                bool multi_line = false;
                if (!string(multi_line)) return false;
                if (multi_line) {
                    stop_ = GuardFinding{"a multi-line string cannot be a key", line, column};
                    stop_offset_ = pos_;
                    return false;
                }
            } else {
                return expected("a key");
            }
            skip_blanks();
            if (peek_byte(0) != '.') return true;
            advance();
            skip_blanks();
        }
    }

    // `base`: the depth of the table the key is in.
    bool key_value(int base) {
        int depth = 0;
        if (!key(base, depth)) return false;
        if (peek_byte(0) != '=') return expected("'=' after the key");
        advance();
        skip_blanks();
        if (at_end() || ends_value(peek())) return halt("expected a value after '=', found " + describe());
        return value(depth);
    }

    // A value at `depth` (its key's); the elements of an array and the keys of an inline table go deeper.
    bool value(int depth) {
        if (depth > max_depth) return too_deep();
        const char32_t c = peek();
        if (c >= 0x80) return expected("a value");
        if (is_control(c)) return halt("expected a value, found " + describe());
        if (c == '[') return array(depth);
        if (c == '{') return inline_table(depth);
        if (is_quote(c)) {
            bool multi_line = false;
            return string(multi_line);
        }
        return bare_value();
    }

    // A number, date, time, boolean, inf or nan: toml++ reads on to the next value terminator.
    bool bare_value() {
        const std::size_t start = pos_;
        bool extended = false;
        while (true) {
            while (!at_end() && !ends_value(peek())) {
                if (peek() >= 0x80) return expected("a value terminator");
                if (!time_follows_date(start)) return false;
                advance();
            }
            if (!time_follows_date(start)) return false;
            // A space and a digit may go on a date ("1979-05-27 07:32:00"). Reading on in other cases
            // too only checks more of an input toml++ rejects.
            if (extended || peek_byte(0) != ' ' || peek_byte(1) < '0' || peek_byte(1) > '9') return true;
            extended = true;
            advance();
            // toml++ asserts when that digit stands alone ("1979-05-27 1 ").
            const auto line = line_, column = column_;
            advance();
            if (!at_end() && ends_value(peek())) {
                finding_ = GuardFinding{"invalid date-time: expected a time after the date, found a single digit", line, column};
                return false;
            }
        }
    }

    // toml++ asserts that a digit follows the 'T' of a date-time ("1979-05-27T:00").
    bool time_follows_date(std::size_t start) {
        if (pos_ != start + 11) return true;
        static constexpr std::string_view shape = "dddd-dd-ddT";
        for (std::size_t i = 0; i < shape.size(); ++i) {
            const char c = text_[start + i];
            const bool fits = shape[i] == 'd' ? c >= '0' && c <= '9' : shape[i] == 'T' ? c == 'T' || c == 't' : c == shape[i];
            if (!fits) return true;
        }
        const char32_t c = peek();
        if (!at_end() && c >= '0' && c <= '9') return true;
        return unsafe("invalid date-time: expected a digit after 'T', found " + describe());
    }

    bool array(int depth) {
        advance();  // '['
        bool after_value = false;
        while (true) {
            while (!at_end()) {
                const char32_t c = peek();
                if (is_blank(c)) advance();
                else if (c == '\n' || c == '\r' || c == '\v' || c == '\f') { if (!line_break()) return false; }
                else if (c == '#') { if (!comment()) return false; }
                else break;
            }
            if (at_end()) return halt("unterminated array: expected ']'");
            const char32_t c = peek();
            if (c == ']') {
                advance();
                return true;
            }
            if (c == ',') {
                if (!after_value) return halt("expected a value or ']', found ','");
                after_value = false;
                advance();
                continue;
            }
            if (after_value) return expected("',' or ']' in the array");
            // toml++ asserts that no value starts with '}'.
            if (c == '}') return unsafe("expected a value or ']' in the array, found '}'");
            after_value = true;
            if (!value(depth + 1)) return false;
        }
    }

    bool inline_table(int depth) {
        advance();  // '{'
        enum class Last { open, comma, pair } last = Last::open;
        while (true) {
            skip_blanks();
            if (at_end()) return halt("unterminated inline table: expected '}'");
            const char32_t c = peek();
            if (c == '}') {
                if (last == Last::comma) return halt("expected a key after ',' in the inline table, found '}'");
                advance();
                return true;
            }
            if (c == ',') {
                if (last != Last::pair) return halt("expected a key or '}', found ','");
                last = Last::comma;
                advance();
                continue;
            }
            if (last == Last::pair) return expected("',' or '}' in the inline table");
            if (!is_bare_key_char(c) && !is_quote(c)) return expected("a key or '}' in the inline table");
            last = Last::pair;
            if (!key_value(depth)) return false;
        }
    }

    // ---- strings
    bool too_long(const char* what, std::size_t bytes, std::uint32_t line, std::uint32_t column) {
        return too_big(std::string("a ") + what + " of " + std::to_string(bytes) + " bytes: strings and keys are at most " +
                           std::to_string(limits::max_string_bytes) + " bytes, routemap's limit (docs/limits.md)",
                       line, column);
    }

    bool string(bool& multi_line) {
        const auto start = pos_;
        const auto line = line_, column = column_;
        if (!quoted(multi_line)) return false;
        // The text between the quotes, as written (an escape counts as written, not as what it stands for).
        const std::size_t bytes = pos_ - start - (multi_line ? 6 : 2);
        if (bytes > limits::max_string_bytes) return too_long("string", bytes, line, column);
        return true;
    }

    bool quoted(bool& multi_line) {
        const char32_t quote = peek();
        multi_line = starts_with(quote == '"' ? "\"\"\"" : "'''");
        if (!multi_line) {
            advance();
            return quote == '"' ? basic_string() : literal_string();
        }
        for (int i = 0; i < 3; ++i) advance();
        if ((peek_byte(0) == '\n' || peek_byte(0) == '\r') && !line_break()) return false;
        return multi_line_string(quote);
    }

    bool basic_string() {
        while (!at_end()) {
            skip_plain_string_text();
            if (at_end()) break;
            const char32_t c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (c == '\\') {
                advance();
                if (!escape()) return false;
                continue;
            }
            if (is_control(c)) return halt("expected the closing '\"' of the string, found " + describe());
            if (!step()) return false;
        }
        return halt("unterminated string");
    }

    bool literal_string() {
        while (!at_end()) {
            const char32_t c = peek();
            if (c == '\'') {
                advance();
                return true;
            }
            if (is_control(c)) return halt("expected the closing ''' of the string, found " + describe());
            if (!step()) return false;
        }
        return halt("unterminated string");
    }

    // After a backslash in a basic string.
    bool escape() {
        const char32_t c = peek();
        if (at_end()) return halt("unterminated string");
        if (c == 'b' || c == 't' || c == 'n' || c == 'f' || c == 'r' || c == '"' || c == '\\') {
            advance();
            return true;
        }
        if (c == 'u' || c == 'U') {
            advance();
            for (int i = c == 'u' ? 4 : 8; i > 0; --i) {
                if (!is_hex(peek())) return halt("expected a hex digit, found " + describe());
                advance();
            }
            return true;
        }
        return halt("unknown escape sequence: a backslash followed by " + describe());
    }

    bool multi_line_string(char32_t quote) {
        bool after_backslash = false;  // toml++'s skipping_whitespace: the line was continued
        while (!at_end()) {
            const char32_t c = peek();
            if (c == quote) {
                std::size_t run = 0;
                while (run < 5 && peek_byte(run) == static_cast<char>(quote)) ++run;
                for (std::size_t i = 0; i < run; ++i) advance();
                if (run >= 3) return true;
                after_backslash = false;
            } else if (c == '\\' && quote == '"') {
                advance();
                if (!continued_line(after_backslash)) return false;
            } else if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                if (!line_break()) return false;
            } else if (is_control(c)) {
                return halt("control character " + describe() + " in a string");
            } else {
                if (after_backslash) {
                    // toml++ runs its whitespace test on each character until the first one that is not
                    // blank, and that test breaks on some letters (é, §, ...). Such a letter is valid TOML:
                    // it is handed to toml++ as the equivalent escape (\u00E9), which it reads safely.
                    if (breaks_whitespace_test(c)) escapes_.push_back(pos_);
                    after_backslash = is_blank(c) || is_wide_blank(c);
                }
                if (!step()) return false;
            }
        }
        return halt("unterminated multi-line string");
    }

    // After a backslash in a multi-line basic string: an escape, or a backslash that ends the line.
    bool continued_line(bool& after_backslash) {
        after_backslash = false;
        const char32_t c = peek();
        // toml++ runs its whitespace test on the character after the backslash, and on each one after
        // that up to the first that is neither a space nor a tab.
        if (!at_end() && c >= 0x80)
            return unsafe("invalid escape sequence: a backslash followed by " + describe());
        if (!is_blank(c) && !(c >= '\n' && c <= '\r')) return escape();
        skip_blanks();
        if (!at_end() && peek() >= 0x80)
            return unsafe("a line-ending backslash must be the last non-blank character on its line, found " + describe());
        if (peek() != '\n' && peek() != '\r') return halt("a line-ending backslash must be the last non-blank character on its line");
        if (!line_break()) return false;
        after_backslash = true;
        return true;
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    std::optional<GuardFinding> finding_, stop_;
    std::size_t stop_offset_ = 0;
    int header_depth_ = 0;  // of the last table header: where its keys start
    std::vector<std::size_t> escapes_;
    std::vector<TomlHeader> headers_;
};

}  // namespace

GuardResult guard_toml(std::string_view text) {
    GuardResult result;
    if (text.size() > limits::max_file_bytes) {
        result.finding = GuardFinding{"the text is " + std::to_string(text.size()) + " bytes long: routemap reads at most " +
                                          std::to_string(limits::max_file_bytes) + " bytes (docs/limits.md)",
                                      1, 1, true};
        return result;
    }
    // toml++ skips a UTF-8 byte order mark at the very start.
    const std::size_t offset = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    Scanner scanner(text.substr(offset));
    result.finding = scanner.run();
    if (result.finding) return result;
    if (scanner.escapes().empty()) {
        result.headers = std::move(scanner.headers());
        for (auto& h : result.headers) h.line_start += offset;  // `key` already points into `text`
        return result;
    }
    result.rewritten = true;
    std::size_t from = 0;
    for (const auto at : scanner.escapes()) {
        const auto cp = decode(text, offset + at);
        result.text.append(text.substr(from, offset + at - from));
        char escape[12];
        std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(cp.value));  // all below U+FFFF
        result.text += escape;
        from = offset + at + cp.size;
    }
    result.text.append(text.substr(from));
    return result;
}

std::optional<GuardFinding> find_unsafe_toml(std::string_view text) { return guard_toml(text).finding; }

}  // namespace routemap::detail
