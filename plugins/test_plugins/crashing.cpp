// A plugin that crashes (a write through a null pointer) while registering. In-process it would take
// the host down; `routemap plugins check` and the CLI's pre-load check open it in a child process and
// refuse it by name.
#include <routemap/plugin.hpp>

namespace {
void register_plugin(routemap::Registry&) {
    volatile int* nowhere = nullptr;
    *nowhere = 42;
}
}  // namespace

ROUTEMAP_PLUGIN("crashing", "0.0.1", register_plugin)
