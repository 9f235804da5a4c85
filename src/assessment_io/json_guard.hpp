#pragma once
// routemap::detail is not public API. See json_guard.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace routemap::detail {

struct JsonFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// The first number out of range, value nested too deeply or string too long, with its position.
std::optional<JsonFinding> check_json(std::string_view text);

}  // namespace routemap::detail
