#pragma once
// --target for gap, path and report: a tier id, or a target file (include/routemap/target.hpp).

#include <routemap/framework.hpp>
#include <routemap/target.hpp>

#include "cli.hpp"

namespace routemap::cli {

void target_option(CommandLine& command);
// The target given, validated against the framework; the framework's highest tier when none is.
Target target_from(Context& context, const CommandLine& command, const Framework& framework);

}  // namespace routemap::cli
