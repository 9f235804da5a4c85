#pragma once
// CSV (RFC 4180, for spreadsheets) and Markdown tables (for issue trackers and wikis).

#include <string>
#include <string_view>
#include <vector>

namespace routemap::cli {

// One CSV record ended by "\n"; fields holding a comma, quote or line break are quoted, and a field
// that a spreadsheet would run as a formula (= + - @ TAB CR first) gets a leading apostrophe.
std::string csv_row(const std::vector<std::string>& fields);

// A Markdown pipe table. Cells are written as given, so that they may hold `code` or **bold**:
// pass user text through markdown_escape first.
class MarkdownTable {
public:
    MarkdownTable(std::vector<std::string> headers, std::vector<bool> right_aligned = {});
    void add_row(std::vector<std::string> cells);
    [[nodiscard]] std::string render() const;

private:
    std::vector<std::string> headers_;
    std::vector<bool> right_;
    std::vector<std::vector<std::string>> rows_;
};

// Text safe inside Markdown: characters that would start formatting are escaped.
std::string markdown_escape(std::string_view text);

}  // namespace routemap::cli
