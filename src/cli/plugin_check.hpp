#pragma once
// Plugins run in the process that loads them (docs/cpp.md, "Plugins"), so a plugin that crashes while
// loading would take any routemap command down with it. Before the CLI loads a plugin, it opens it in
// a short-lived child process: this very executable, run with the hidden subcommand
// `__check-plugin FILE`, which loads the plugin into an empty registry and reports back on a pipe. A
// plugin whose check crashes, ends abnormally or hangs is refused by name; only one whose check
// completed is loaded here.

#include <filesystem>
#include <string>
#include <vector>

namespace routemap::cli {

inline constexpr const char* check_plugin_command = "__check-plugin";

struct PluginCheck {
    bool ok = false;
    std::string name, version;  // when it loaded
    std::string problem;        // why not, when it did not
};

// Runs the check in a child process. Never throws for anything the plugin does.
PluginCheck check_plugin_in_child(const std::filesystem::path& file);

// The child's side: loads FILE, writes one line to standard output, exits 0 if it got that far.
int run_check_plugin_child(const std::vector<std::string>& args);

}  // namespace routemap::cli
