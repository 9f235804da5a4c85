// A plugin whose registration throws: the loader reports it and carries on.
#include <stdexcept>

#include <routemap/plugin.hpp>

namespace {
void register_plugin(routemap::Registry&) { throw std::runtime_error("database of ratings not found"); }
}  // namespace

ROUTEMAP_PLUGIN("throwing", "0.0.1", register_plugin)
