#include "csv.hpp"

#include <cstdio>

namespace routemap::detail {

namespace {

class Tokenizer {
public:
    Tokenizer(std::string_view text, char separator) : text_(text), separator_(separator) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    }

    CsvTable run() {
        while (pos_ < text_.size()) {
            CsvRow row;
            row.line = line_;
            bool blank = true;
            for (;;) {
                bool quoted = false;
                row.fields.push_back(field(quoted));
                blank = blank && !quoted && row.fields.size() == 1 && row.fields.back().value.empty();
                if (pos_ < text_.size() && text_[pos_] == separator_) {
                    blank = false;
                    advance();
                    continue;
                }
                end_of_line();
                break;
            }
            if (!blank) table_.rows.push_back(std::move(row));
        }
        return std::move(table_);
    }

private:
    bool at_line_end() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

    void advance() {
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        ++pos_;
        // LF, CRLF and a lone CR each end one physical line.
        if (byte == '\n' || (byte == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) {
            ++line_;
            column_ = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++column_;  // count code points, not continuation bytes
        }
    }

    void end_of_line() {
        if (pos_ < text_.size() && text_[pos_] == '\r') advance();
        if (pos_ < text_.size() && text_[pos_] == '\n') advance();
    }

    void problem(std::string message, std::uint32_t line, std::uint32_t column) {
        table_.problems.push_back(CsvProblem{std::move(message), line, column});
    }

    CsvField field(bool& quoted) {
        CsvField f{{}, line_, column_};
        if (pos_ < text_.size() && text_[pos_] == '"') {
            quoted = true;
            advance();
            bool closed = false;
            while (pos_ < text_.size()) {
                if (text_[pos_] == '"') {
                    advance();
                    if (pos_ < text_.size() && text_[pos_] == '"') {
                        f.value += '"';
                        advance();
                        continue;
                    }
                    closed = true;
                    break;
                }
                f.value += text_[pos_];
                advance();
            }
            if (!closed) {
                problem("unterminated quoted field: the closing '\"' is missing", f.line, f.column);
                return f;
            }
            if (pos_ < text_.size() && text_[pos_] != separator_ && !at_line_end()) {
                problem("unexpected text after the closing quote of a field (a quote inside a quoted field is written \"\")",
                        line_, column_);
                while (pos_ < text_.size() && text_[pos_] != separator_ && !at_line_end()) {
                    f.value += text_[pos_];
                    advance();
                }
            }
            return f;
        }
        bool reported = false;
        while (pos_ < text_.size() && text_[pos_] != separator_ && !at_line_end()) {
            if (text_[pos_] == '"' && !reported) {
                problem("a quote inside an unquoted field: quote the whole field and double the quote (\"\")", line_, column_);
                reported = true;
            }
            f.value += text_[pos_];
            advance();
        }
        return f;
    }

    std::string_view text_;
    char separator_ = ',';
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    CsvTable table_;
};

}  // namespace

CsvTable parse_csv(std::string_view text, char separator) { return Tokenizer(text, separator).run(); }

char detect_csv_separator(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (const char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        commas += c == ',';
        semicolons += c == ';';
        tabs += c == '\t';
    }
    if (commas == 0 && semicolons > 0 && semicolons >= tabs) return ';';
    if (commas == 0 && tabs > 0) return '\t';
    return ',';
}

namespace {

bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// [+-]?(digits[.digits] | .digits)([eE][+-]?digits)?, which a spreadsheet reads as a number.
bool is_plain_number(std::string_view v) {
    std::size_t i = 0, digits = 0;
    auto run = [&] {
        std::size_t n = 0;
        while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i, ++n;
        return n;
    };
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    digits += run();
    if (i < v.size() && v[i] == '.') {
        ++i;
        digits += run();
    }
    if (digits == 0) return false;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
        if (run() == 0) return false;
    }
    return i == v.size();
}

// '*[=+-@\t\r]: a formula, or an apostrophe-escaped one.
bool looks_like_formula(std::string_view v) {
    const auto first = v.find_first_not_of('\'');
    return first != std::string_view::npos && starts_formula(v[first]);
}

}  // namespace

std::string neutralise_formula(std::string_view value) {
    if (!looks_like_formula(value) || is_plain_number(value)) return std::string(value);
    return "'" + std::string(value);
}

std::string restore_formula(std::string_view cell) {
    if (!cell.empty() && cell.front() == '\'' && looks_like_formula(cell)) cell.remove_prefix(1);
    return std::string(cell);
}

std::optional<CsvProblem> find_invalid_utf8(std::string_view text) {
    std::uint32_t line = 1, column = 1;
    for (std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t extra = b < 0x80 ? 0 : (b >> 5) == 0x6 ? 1 : (b >> 4) == 0xE ? 2 : (b >> 3) == 0x1E ? 3 : 9;
        bool ok = extra != 9 && i + extra < text.size() + (extra == 0 ? 1 : 0);
        std::uint32_t cp = b & (extra ? 0x3F >> extra : 0x7F);
        for (std::size_t k = 1; ok && k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            ok = (c & 0xC0) == 0x80;
            cp = (cp << 6) | (c & 0x3F);
        }
        constexpr std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (ok && extra != 9) ok = cp >= minimum[extra] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!ok) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", b);
            return CsvProblem{std::string("invalid UTF-8 byte ") + hex + " (save the file as UTF-8)", line, column};
        }
        // Lines as the tokenizer counts them: LF, CRLF and a lone CR each end one.
        if (b == '\n' || (b == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += extra + 1;
    }
    return std::nullopt;
}

std::string csv_field(std::string_view raw) {
    const std::string neutral = neutralise_formula(raw);
    const std::string_view value = neutral;
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needs_quotes) return std::string(value);
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += "\r\n";
}

}  // namespace routemap::detail
