#pragma once
// routemap::detail is not public API.
// read_framework_spec with a say in how a big file is read (toml_sections.hpp), so that tests can read
// one text in pieces, on several threads, and whole, and compare.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/framework_spec.hpp>

#include "toml_sections.hpp"

namespace routemap::detail {

std::optional<FrameworkSpec> read_framework_spec(std::string_view text, const std::string& source_name,
                                                 std::vector<Diagnostic>& diagnostics, const SplitReading& reading);

}  // namespace routemap::detail
