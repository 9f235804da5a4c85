// routemap._core: the compiled half of the routemap Python package. One bind_<area>() per concept;
// the pure-Python package (python/routemap) re-exports these and adds pandas and matplotlib helpers.

#include "common.hpp"

#include <routemap/error.hpp>
#include <routemap/search_path.hpp>
#include <routemap/version.hpp>

namespace routemap::python {

// Declared here rather than in common.hpp, so that adding it did not rebuild every binding file.
void bind_panel(py::module_& m);

std::shared_ptr<Registry> default_registry(bool reload) {
    // Leaked on purpose: it must outlive every Python object at interpreter exit, and its plugins'
    // code is never unloaded anyway.
    static auto* registry = new std::shared_ptr<Registry>();
    if (reload || !*registry) *registry = std::make_shared<Registry>(default_search_path());
    return *registry;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

const Framework& framework_for(const BoundAssessment& assessment, const std::optional<Framework>& given) {
    if (given) return *given;
    if (assessment.framework) return *assessment.framework;
    throw py::type_error("this assessment has no framework attached: pass framework=..., or create it with "
                         "routemap.Assessment(framework) / read_assessment(path, framework)");
}

}  // namespace routemap::python

PYBIND11_MODULE(_core, m) {
    using namespace routemap::python;
    m.doc() = "routemap's compiled core (pybind11). Use the `routemap` package rather than this module directly.";
    m.attr("__version__") = ROUTEMAP_VERSION_STRING;
    m.attr("plugin_api_version") = ROUTEMAP_PLUGIN_API_VERSION;

    // Classes and functions say they belong to `routemap`, the package that re-exports them and the
    // name users import: reprs read <class 'routemap.Framework'>, pybind11's signatures read
    // `framework: routemap.Framework`, and pickles name routemap.Assessment (which still resolves).
    m.attr("__name__") = "routemap";
    bind_errors(m);
    bind_diagnostic(m);
    bind_framework(m);
    bind_registry(m);
    bind_assessment(m);
    bind_scoring(m);
    bind_target(m);
    bind_gap(m);
    bind_progression(m);
    bind_compare(m);
    bind_aggregate(m);
    bind_batch(m);
    bind_report(m);
    bind_form(m);
    bind_panel(m);
    bind_collection(m);
    bind_crosswalk(m);
    m.attr("__name__") = "routemap._core";
}
