#pragma once
// The subcommands, one file each in this directory. main.cpp dispatches to them by name.

#include <string>
#include <vector>

#include "cli.hpp"

namespace routemap::cli {

struct Command {
    CommandInfo (*info)();
    int (*run)(Context& context, const std::vector<std::string>& args);
};

// In the order `routemap --help` lists them.
const std::vector<Command>& all_commands();

#define ROUTEMAP_CLI_COMMAND(name)    \
    CommandInfo name##_info();        \
    int run_##name(Context& context, const std::vector<std::string>& args);

ROUTEMAP_CLI_COMMAND(list)
ROUTEMAP_CLI_COMMAND(show)
ROUTEMAP_CLI_COMMAND(validate)
ROUTEMAP_CLI_COMMAND(template)
ROUTEMAP_CLI_COMMAND(convert)
ROUTEMAP_CLI_COMMAND(form)
ROUTEMAP_CLI_COMMAND(score)
ROUTEMAP_CLI_COMMAND(gap)
ROUTEMAP_CLI_COMMAND(path)
ROUTEMAP_CLI_COMMAND(compare)
ROUTEMAP_CLI_COMMAND(aggregate)
ROUTEMAP_CLI_COMMAND(report)
ROUTEMAP_CLI_COMMAND(plugins)
ROUTEMAP_CLI_COMMAND(panel)
ROUTEMAP_CLI_COMMAND(history)
ROUTEMAP_CLI_COMMAND(crosswalk)
ROUTEMAP_CLI_COMMAND(project)
ROUTEMAP_CLI_COMMAND(rollup)
ROUTEMAP_CLI_COMMAND(migrate)
ROUTEMAP_CLI_COMMAND(import_matrix)

#undef ROUTEMAP_CLI_COMMAND

}  // namespace routemap::cli
