#pragma once
// Text meant for a terminal: file text (names, criterion text, ids quoted in messages) may hold
// control characters that would move the cursor, recolour or retitle the terminal (ESC sequences, C1
// controls). They are written as visible escapes instead (\x1b, \u009b), and so are bytes that are not
// UTF-8 (\xff). Tab and line feed stay.

#include <string>
#include <string_view>

namespace routemap::cli {

std::string escape_controls(std::string_view text);

}  // namespace routemap::cli
