#pragma once
// routemap::detail is not public API.
// The environment's on/off switches (ROUTEMAP_NO_PLUGINS, ROUTEMAP_NO_CACHE), read one way: set to
// anything but "" or "0" is on, so that `VAR=0` and `VAR=` turn a switch back off.

#include <cstdlib>
#include <string_view>

namespace routemap::detail {

inline bool environment_flag(const char* name) noexcept {
    const char* value = std::getenv(name);
    return value && *value && std::string_view(value) != "0";
}

}  // namespace routemap::detail
