#pragma once
// routemap::detail is not public API.

#include <string_view>

namespace routemap::detail {

// Well-formed UTF-8: no overlong forms, surrogates or code points past U+10FFFF.
bool is_valid_utf8(std::string_view s);

}  // namespace routemap::detail
