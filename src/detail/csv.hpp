#pragma once
// routemap::detail is not public API: it may change in any release.
// An RFC 4180 CSV tokenizer and writer: comma-separated, fields quoted with '"' (a quote inside a
// quoted field is doubled), quoted fields may hold commas, quotes and line breaks. Records end with
// CRLF or LF. The tokenizer keeps the line and column of every field, so that errors can point at
// it, and reports every malformed field rather than stopping at the first.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace routemap::detail {

struct CsvField {
    std::string value;
    std::uint32_t line = 0;    // 1-based physical line where the field starts
    std::uint32_t column = 0;  // 1-based, in code points
};

struct CsvRow {
    std::vector<CsvField> fields;
    std::uint32_t line = 0;  // physical line where the row starts
};

struct CsvProblem {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct CsvTable {
    std::vector<CsvRow> rows;  // blank lines are left out
    std::vector<CsvProblem> problems;
};

// Tokenizes the whole text; a UTF-8 byte order mark at the start is skipped. Malformed fields
// (a quote inside an unquoted field, text after a closing quote, an unterminated quote) are
// reported in `problems` and kept as read. `separator` replaces the comma (';' or TAB: what
// spreadsheets in many locales save as "CSV").
CsvTable parse_csv(std::string_view text, char separator = ',');

// The separator of a file's header line: ';' or TAB when it holds no comma but those, else ','.
char detect_csv_separator(std::string_view text);

// The first byte that is not well-formed UTF-8, with its line and column as the tokenizer counts them.
std::optional<CsvProblem> find_invalid_utf8(std::string_view text);

// Appends one record, quoting the fields that need it, ended by CRLF.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);
// One field as written: neutralised (below), then quoted when it holds a comma, quote, CR or LF, or
// starts or ends with a space.
std::string csv_field(std::string_view value);

// Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with = + - @ TAB
// or CR. Such a value is written with a leading apostrophe, which spreadsheets show as text; a plain
// number ("-1", "+2.5e3") is left as it is. So that reading gives back exactly what was written, a
// value that already starts with apostrophes followed by one of those characters gets one more, and
// restore_formula() takes exactly one off a cell of that shape.
std::string neutralise_formula(std::string_view value);
std::string restore_formula(std::string_view cell);

}  // namespace routemap::detail
