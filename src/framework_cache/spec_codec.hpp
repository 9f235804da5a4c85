#pragma once
// routemap::detail is not public API.
// A FrameworkSpec as bytes and back, for the framework cache (framework_cache.hpp). Pure functions:
// no files, no hashing. The bytes are only ever read back by the build that wrote them (the cache's
// header names the build), so they are in this machine's byte order and carry no field names.

#include <optional>
#include <string>
#include <string_view>

#include <routemap/framework_spec.hpp>

namespace routemap::detail {

// Locations whose file is `spec.file` are written without it, and read back with the file they are
// read for: the same text at another path reports that path.
std::string encode_spec(const FrameworkSpec& spec);

// Nothing, never an exception or a crash, for bytes that are not exactly what encode_spec wrote:
// short, long, a count past what the rest could hold, an enum out of range, nesting past the limit.
std::optional<FrameworkSpec> decode_spec(std::string_view bytes, const std::string& file);

}  // namespace routemap::detail
