#pragma once
// routemap::detail is not public API.
// toml++ 3.3.0 (Debian 12) reaches an assertion or undefined behaviour on some malformed input
// (upstream issues 190, 294, PR 301). Two faults are behind every case found so far:
//  - parse_key() and parse_value() assert on their first character: a table header that does not
//    start with a key (`[)[`, `[&`, `[[[`) and `}` where an array expects a value (`a = [}`).
//  - is_non_ascii_horizontal_whitespace() hits TOML_UNREACHABLE for most code points in
//    U+00A1..U+0499, U+2C5E..U+3057 and U+FB26..U+FEFE. The parser asks it about every character
//    it reads outside a string (after a key, inside a number or date: `a§`, `b = 1'§`) and about
//    the characters after a backslash in a multi-line basic string (`"""\§`, `"""\` + newline + `§`).
// find_unsafe_toml() follows toml++'s grammar just far enough to know where its strings are, and
// answers such inputs with an ordinary error (line and column counted like toml++: 1-based, in code
// points) before they reach the parser. Valid TOML passes, except a continued line of a multi-line
// basic string that starts with one of those code points, which toml++ 3.3.0 cannot read.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace routemap::detail {

struct GuardFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

std::optional<GuardFinding> find_unsafe_toml(std::string_view text);

}  // namespace routemap::detail
