#pragma once
// Where frameworks and plugins are found, in order of precedence:
//   1. the directories on ROUTEMAP_PATH (colon-separated),
//   2. the user's data directory: $XDG_DATA_HOME/routemap, default ~/.local/share/routemap,
//   3. the installation's share/routemap (found next to the installed library, so that a pip-installed
//      wheel finds its own bundled frameworks wherever it lives).
// In each directory: frameworks/*.toml and plugins/*.so. Directories that do not exist are skipped.

#include <filesystem>
#include <vector>

namespace routemap {

std::vector<std::filesystem::path> default_search_path();
std::filesystem::path user_data_directory();
std::filesystem::path install_data_directory();

// Splits a colon-separated list, dropping empty entries.
std::vector<std::filesystem::path> split_path_list(const std::string& list);

}  // namespace routemap
