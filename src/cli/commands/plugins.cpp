// routemap plugins check: opens every plugin on the search path in a short-lived child process, so
// that a plugin that crashes, hangs or fails while loading is named without harming anything else.

#include <algorithm>
#include <iostream>
#include <system_error>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/terminal.hpp"
#include "output/wrap.hpp"
#include "plugin_check.hpp"

namespace routemap::cli {

CommandInfo plugins_info() {
    return {"plugins", "check the compiled plugins on the search path, each in a separate process", "check [options]",
            "Plugins are shared libraries that run inside the process that loads them (routemap, or Python). 'routemap "
            "plugins check' opens each plugins/*.so on the search path in a short-lived child process and reports "
            "whether it loads, and if not why: refused, failed while registering, crashed (with the signal) or hung. "
            "Every other command runs the same check before loading a plugin, and skips plugins altogether with "
            "--no-plugins or ROUTEMAP_NO_PLUGINS=1. Exit status 1 when any plugin fails its check.",
            "routemap plugins check\nroutemap --path ./my-plugins plugins check"};
}

int run_plugins(Context& context, const std::vector<std::string>& args) {
    CommandLine command(plugins_info());
    command.positional("action", 1);
    if (!command.parse(args, context)) return exit_ok;
    const auto action = command.required("action", "ACTION (check)");
    if (action != "check") throw UsageError("unknown action '" + action + "' (the only one is 'check')", command.name());
    std::vector<std::filesystem::path> files;
    for (const auto& directory : context.search_path()) {
        std::error_code ec;
        std::vector<std::filesystem::path> here;
        for (std::filesystem::directory_iterator it(directory / "plugins", ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".so" && it->is_regular_file(ec)) here.push_back(it->path());
        std::sort(here.begin(), here.end());
        files.insert(files.end(), here.begin(), here.end());
    }
    std::string out;
    std::size_t failed = 0;
    for (const auto& file : files) {
        const auto check = check_plugin_in_child(file);
        if (check.ok) {
            out += file.string() + ": ok (" + check.name + (check.version.empty() ? "" : " " + check.version) + ")\n";
        } else {
            ++failed;
            out += file.string() + ": refused: " + check.problem + "\n";
        }
    }
    out += plural(files.size(), "plugin") + " checked: " + std::to_string(files.size() - failed) + " ok, " +
           std::to_string(failed) + " refused\n";
    std::cout << escape_controls(out);
    return failed ? exit_findings : exit_ok;
}

}  // namespace routemap::cli
