#pragma once
// Compiled plugins: shared libraries that add frameworks, scoring models and report writers.
//
// A plugin defines one registration function and names it with ROUTEMAP_PLUGIN:
//
//     static void register_me(routemap::Registry& registry) {
//         registry.add_model(std::make_shared<MyModel>(), "my-plugin");
//     }
//     ROUTEMAP_PLUGIN("my-plugin", "1.0.0", register_me)
//
// The macro exports one extern "C" entry point, `routemap_plugin_entry`, returning a PluginEntry
// whose first field is the plugin API version the plugin was compiled against. The loader reads that
// field first and refuses a plugin built for another version without calling anything else in it.

#include <routemap/registry.hpp>
#include <routemap/version.hpp>

namespace routemap {

using PluginRegisterFunction = void (*)(Registry& registry);

// The layout of this struct is part of the plugin ABI: fields are only ever appended, and the
// api_version field stays first. Changing anything else means bumping ROUTEMAP_PLUGIN_API_VERSION.
struct PluginEntry {
    int api_version;
    const char* name;
    const char* version;
    PluginRegisterFunction register_plugin;
};

}  // namespace routemap

#define ROUTEMAP_PLUGIN_ENTRY_SYMBOL "routemap_plugin_entry"

#define ROUTEMAP_PLUGIN(plugin_name, plugin_version, register_function)                                  \
    extern "C" __attribute__((visibility("default"))) const ::routemap::PluginEntry* routemap_plugin_entry() { \
        static const ::routemap::PluginEntry entry{ROUTEMAP_PLUGIN_API_VERSION, plugin_name, plugin_version,     \
                                                   register_function};                                       \
        return &entry;                                                                                       \
    }
