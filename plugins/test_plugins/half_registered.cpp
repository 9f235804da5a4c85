// A plugin that registers a framework and then throws: the loader must refuse it and keep nothing it
// registered (registrations are staged and committed only when the registration function returns).
#include <stdexcept>

#include <routemap/framework_loader.hpp>
#include <routemap/plugin.hpp>

namespace {
void register_plugin(routemap::Registry& registry) {
    registry.add(routemap::parse_framework(R"(format_version = 1
[framework]
id = "half-registered"
name = "Half registered"
version = "1.0.0"
level = "service"
publisher = "Test"
year = 2024
source = "Test"
[[tiers]]
id = "one"
name = "One"
[[domains]]
id = "d"
name = "D"
[[domains.criteria]]
id = "c"
text = "C."
)", "half_registered.so"),
                 "plugin:half-registered");
    throw std::runtime_error("second step failed");
}
}  // namespace

ROUTEMAP_PLUGIN("half-registered", "0.0.1", register_plugin)
