// A plugin that claims another plugin API version: the loader must refuse it before calling it.
#include <stdexcept>

#include <routemap/plugin.hpp>

namespace {
void register_plugin(routemap::Registry&) { throw std::logic_error("must never be called"); }
}  // namespace

extern "C" __attribute__((visibility("default"))) const routemap::PluginEntry* routemap_plugin_entry() {
    static const routemap::PluginEntry entry{ROUTEMAP_PLUGIN_API_VERSION + 41, "wrong-api", "0.0.1", register_plugin};
    return &entry;
}
