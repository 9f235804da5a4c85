#pragma once
// routemap::detail is not public API.
// The id of a framework file, read from the top of its text without parsing the file, so that the
// registry need not load every framework on the search path to find one. Conservative: an answer is
// given only where any valid TOML file must mean that id; otherwise (an unusual layout, a multi-line
// string before the id, a file too long before it) there is none, and the file has to be loaded to
// know. A broken file may be given an id: loading it still decides whether it counts.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace routemap::detail {

// `head` is the start of the file; `whole` says whether it is all of it.
std::optional<std::string> peek_framework_id(std::string_view head, bool whole);

// Reads at most the first 64 KiB of the file; nothing when it cannot be read.
std::optional<std::string> peek_framework_id(const std::filesystem::path& file);

}  // namespace routemap::detail
