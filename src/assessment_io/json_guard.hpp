#pragma once
// routemap::detail is not public API. See json_guard.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace routemap::detail {

struct JsonFinding {
    std::string message;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// Where every key of every object is written (nlohmann::json keeps no positions), in the order of the
// text, so that errors of type or content can point at their key. nlohmann's parser reports the same
// keys in the same order (as far as the text is valid JSON), so its k-th key is written at at[k].
struct JsonKeys {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> at;  // line, column of each key's opening quote
};

// The first number out of range, value nested too deeply or string too long, with its position; and
// the positions of keys, when `keys` is given.
std::optional<JsonFinding> check_json(std::string_view text, JsonKeys* keys = nullptr);

}  // namespace routemap::detail
