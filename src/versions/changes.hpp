#pragma once
// routemap::detail is not public API. Reading [[changes]] of a framework file: the framework loader
// checks them (positioned errors) and migration reads them again from the file.

#include <vector>

#include <toml++/toml.h>

#include <routemap/migration.hpp>

#include "detail/toml_reader.hpp"

namespace routemap::detail {

void read_changes(TomlReader& r, const toml::table& root, std::vector<FrameworkChange>& out);

}  // namespace routemap::detail
