#include "commands/targeting.hpp"

namespace routemap::cli {

void target_option(CommandLine& command) {
    command.options().add_options()("target,t", po::value<std::string>()->value_name("TIER|FILE"),
                                    "target: a tier id for every area, or a target TOML file with per-domain and "
                                    "per-area tiers (default: the highest tier)");
}

Target target_from(Context& context, const CommandLine& command, const Framework& framework) {
    if (!command.has("target")) return Target{};
    return context.target(command.string("target"), framework);
}

}  // namespace routemap::cli
