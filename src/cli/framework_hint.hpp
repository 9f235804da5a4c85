#pragma once
// The framework an assessment file names, read from its first 64 KiB without reading the file, so that
// the CLI can load the framework on another thread while it reads the assessment
// (Context::prefetch_framework_of). Only a hint: framework_for decides, from the assessment read.

#include <optional>
#include <string>
#include <string_view>

namespace routemap::cli {

// The id under [assessment] (TOML) or in "assessment": {"framework": ...} (JSON) of a regular file
// named *.toml or *.json; nothing when not found there, not plain (letters, digits, '-', '_', '.'), or
// the file cannot be read.
std::optional<std::string> framework_named_in(const std::string& file);

// The same, from the start of a file's text.
std::optional<std::string> framework_named_in_toml(std::string_view head);
std::optional<std::string> framework_named_in_json(std::string_view head);

}  // namespace routemap::cli
