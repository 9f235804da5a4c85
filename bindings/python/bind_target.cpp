// Targets: the tier aimed for, for everything or per domain / area. A plain tier name converts to a
// Target wherever one is expected.

#include "common.hpp"
#include "views.hpp"

#include <routemap/error.hpp>
#include <routemap/target.hpp>

namespace routemap::python {

void bind_target(py::module_& m) {
    py::class_<Target>(m, "Target",
                       "The tier an organisation aims for: one tier for everything (empty: the highest tier), with "
                       "overrides per domain and per area (an area's override wins over its domain's).")
        .def(py::init([](std::string tier, std::map<std::string, std::string> domains, std::map<std::string, std::string> areas) {
                 Target t;
                 t.tier = std::move(tier);
                 t.domains = std::move(domains);
                 t.areas = std::move(areas);
                 return t;
             }),
             py::arg("tier") = "", py::arg("domains") = std::map<std::string, std::string>{},
             py::arg("areas") = std::map<std::string, std::string>{},
             "Target(tier='intermediate', domains={'workforce': 'advanced'}, areas={'understanding.analysis': 'fundamental'}).")
        .def_static("uniform", &Target::uniform, py::arg("tier"), "The same tier everywhere.")
        .def_static("parse", &Target::parse, py::arg("text"), py::arg("source_name") = "<string>",
                    "Read the TOML form (tier = ..., [domains], [areas]); raises TargetError with file:line:column.")
        .def_static("load", &Target::load, py::arg("file"), "Read a target TOML file; raises TargetError or IoError.")
        .def_readwrite("tier", &Target::tier, "The default tier id ('' = the framework's highest tier).")
        .def_readwrite("domains", &Target::domains, "Overrides by domain id (dict of tier ids).")
        .def_readwrite("areas", &Target::areas, "Overrides by full area id (dict of tier ids).")
        .def("check", &Target::check, py::arg("framework"), "Every unknown tier, domain or area (a list of Diagnostic).")
        .def("validate", &Target::validate, py::arg("framework"), "Raise TargetError listing what does not fit the framework.")
        .def("level_for",
             [](const Target& t, const Framework& f, const std::string& area_id) { return t.level_for(f, f.area(area_id)); },
             py::arg("framework"), py::arg("area_id"), "The target level (1-based tier level) of an area.")
        .def("__eq__", [](const Target& a, const Target& b) {
            return a.tier == b.tier && a.domains == b.domains && a.areas == b.areas;
        })
        .def("__repr__", [](const Target& t) {
            std::string out = "<Target " + (t.tier.empty() ? std::string("highest tier") : t.tier);
            for (const auto& [id, tier] : t.domains) out += ", " + id + "=" + tier;
            for (const auto& [id, tier] : t.areas) out += ", " + id + "=" + tier;
            return out + ">";
        });
    py::implicitly_convertible<py::str, Target>();
}

}  // namespace routemap::python
