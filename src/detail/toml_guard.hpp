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
// points) before they reach the parser. Valid TOML passes: a continued line of a multi-line basic
// string that starts with one of those code points, which toml++ 3.3.0 cannot read, is handed to it
// with that code point written as the equivalent \uXXXX escape (columns after it on that line are
// then 5 more in toml++'s own messages).
// The scan also enforces routemap's limits (docs/limits.md) on size, string length and nesting depth:
// toml++ recurses once per level of dotted key or table header, so deep keys overflowed the stack.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace routemap::detail {

struct GuardFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    bool limit = false;  // past one of routemap's limits, rather than malformed
};

// A table header, as the scan found it, for callers that cut a document at its headers
// (toml_sections.hpp). Offsets are into the text given to guard_toml.
struct TomlHeader {
    std::size_t line_start = 0;  // where the header's line starts: only blanks stand before '['
    std::uint32_t line = 0;      // 1-based
    bool array = false;          // [[...]]
    std::string_view key;        // as written between the brackets: quotes and inner blanks kept
};

struct GuardResult {
    std::optional<GuardFinding> finding;
    bool rewritten = false;  // when true, give `text` to toml++ instead of the input
    std::string text;
    std::vector<TomlHeader> headers;  // every table header, in order; empty when rewritten or unsafe
};

GuardResult guard_toml(std::string_view text);
std::optional<GuardFinding> find_unsafe_toml(std::string_view text);

}  // namespace routemap::detail
