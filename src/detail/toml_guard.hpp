#pragma once
// routemap::detail is not public API.
// toml++ 3.3.0 (Debian 12) reaches an assertion or undefined behaviour on some malformed input
// (upstream issues 190, 294, PR 301): a table header that does not start with a key (`[)[`, `[&`,
// `[[[`), a non-ASCII character outside strings (U+FEFE after a key), and a non-ASCII character right
// after a line-ending backslash in a multi-line basic string. This scanner finds those inputs first,
// so that they get an ordinary error with line and column instead of reaching the parser.

#include <optional>
#include <string_view>

#include <routemap/diagnostic.hpp>

namespace routemap::detail {

struct GuardFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

std::optional<GuardFinding> find_unsafe_toml(std::string_view text);

}  // namespace routemap::detail
