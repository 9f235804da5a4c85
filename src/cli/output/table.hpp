#pragma once
// Aligned text tables for an 80-column terminal. Columns marked `wrap` give up width when the table
// is too wide, and their cells wrap onto continuation lines (keeping a cell's leading indent, so
// that nested rows such as areas under their domain stay visibly nested).

#include <cstddef>
#include <string>
#include <vector>

#include "output/wrap.hpp"

namespace routemap::cli {

class Table {
public:
    enum class Align { left, right };
    struct Column {
        std::string header;
        Align align = Align::left;
        bool wrap = false;
        std::size_t min_width = 12;  // a wrapping column is never squeezed below this
    };

    explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

    // Missing cells are blank; extra cells are an error in the caller and are dropped.
    void add_row(std::vector<std::string> cells);
    // A line of text under the last row, across the whole table, indented and wrapped.
    void add_note(std::string text);
    [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }

    // The header, a rule of dashes, then the rows; no line is wider than `width` unless a
    // non-wrapping column alone needs more. Lines have no trailing spaces.
    [[nodiscard]] std::string render(std::size_t width = text_width, std::string_view indent = "") const;

private:
    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::string> notes_;  // parallel to rows_
};

}  // namespace routemap::cli
