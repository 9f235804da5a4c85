#pragma once
// routemap::detail is not public API (see README.md beside this file).

#include <string>
#include <string_view>

namespace routemap::detail {

// `value` with at most `decimals` decimals and no trailing zeros ("2.5", "3", never "-0");
// `nan_text` for NaN. Shared by the CLI's tables and the HTML report so that both print alike.
std::string format_decimal(double value, int decimals, std::string_view nan_text);

}  // namespace routemap::detail
