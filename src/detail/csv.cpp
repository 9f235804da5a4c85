#include "csv.hpp"

namespace routemap::detail {

namespace {

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {
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
                if (pos_ < text_.size() && text_[pos_] == ',') {
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
            if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
                problem("unexpected text after the closing quote of a field (a quote inside a quoted field is written \"\")",
                        line_, column_);
                while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
                    f.value += text_[pos_];
                    advance();
                }
            }
            return f;
        }
        bool reported = false;
        while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
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
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1, column_ = 1;
    CsvTable table_;
};

}  // namespace

CsvTable parse_csv(std::string_view text) { return Tokenizer(text).run(); }

std::string csv_field(std::string_view value) {
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
