#pragma once
// routemap::detail is not public API. See json_guard.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace routemap::detail {

struct JsonFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// Where the keys of the first three levels of objects are (nlohmann::json keeps no positions), so
// that errors of type or content can point at their key. A key's path is its keys from the top,
// joined by '\x1f'; keys written with escapes are left out (their text is not their value).
struct JsonKeys {
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> at;  // path -> line, column
    std::vector<std::pair<std::string, std::pair<std::uint32_t, std::uint32_t>>> duplicates;  // key, where
};

// The first number out of range, value nested too deeply or string too long, with its position; and
// the positions of keys, when `keys` is given.
std::optional<JsonFinding> check_json(std::string_view text, JsonKeys* keys = nullptr);

}  // namespace routemap::detail
