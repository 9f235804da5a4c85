#pragma once
// Reading frameworks from TOML (format documented in docs/framework-format.md).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/framework.hpp>
#include <routemap/framework_cache.hpp>

namespace routemap {

// Loads and validates a framework file. Throws FrameworkError listing every problem found (each with
// file, line and column), or IoError when the file cannot be read. A big file is looked up in (and,
// read cleanly, kept in) the cache the environment names (framework_cache.hpp).
Framework load_framework(const std::filesystem::path& file);

// Same for text in memory; `source_name` stands for the file name in messages.
Framework parse_framework(std::string_view toml_text, const std::string& source_name = "<string>");

// Never throws for bad content: the framework when it is valid, and every diagnostic (errors and
// warnings) either way.
struct FrameworkLoadResult {
    std::optional<Framework> framework;
    std::vector<Diagnostic> diagnostics;
};
FrameworkLoadResult try_load_framework(const std::filesystem::path& file);
// The same with this cache, or none (nullptr): the text is then always read.
FrameworkLoadResult try_load_framework(const std::filesystem::path& file, const FrameworkCache* cache);
FrameworkLoadResult try_parse_framework(std::string_view toml_text, const std::string& source_name = "<string>");

// The TOML-to-specification step alone (syntax, keys and types); Framework::build does the rest.
std::optional<FrameworkSpec> read_framework_spec(std::string_view toml_text, const std::string& source_name,
                                                 std::vector<Diagnostic>& diagnostics);

}  // namespace routemap
