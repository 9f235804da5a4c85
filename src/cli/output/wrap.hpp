#pragma once
// Text layout for the terminal: display width of UTF-8 text, word wrapping and padding.
// Widths count code points, which is right for the Latin text of the bundled frameworks (an em dash
// takes one column); wide East Asian characters would be under-counted.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace routemap::cli {

// The width text output is laid out for: an 80-column terminal, whatever the terminal really is,
// so that output is the same in a pipe, a file and a test.
inline constexpr std::size_t text_width = 80;

std::size_t display_width(std::string_view utf8);

// Greedy word wrap into lines of at most `width` columns; a word longer than a line is split.
// Line breaks in the text are kept; runs of spaces collapse.
std::vector<std::string> wrap(std::string_view text, std::size_t width);

// The text wrapped to `width` columns, the first line after `first`, the others after `rest`
// (usually spaces as wide as `first`); every line ends with '\n'.
std::string wrap_block(std::string_view text, std::size_t width, std::string_view first, std::string_view rest);
inline std::string wrap_block(std::string_view text, std::size_t width, std::string_view indent) {
    return wrap_block(text, width, indent, indent);
}

std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Numbers as people read them: "2", "1.5", "0.67".
std::string format_number(double value, int decimals = 2);
std::string format_percent(double share);  // 0.5 -> "50%"

}  // namespace routemap::cli
