// The Registry (frameworks, scoring models, report writers and plugins found along the search path),
// and the module-level shortcuts that use the default one.

#include "common.hpp"

#include <routemap/error.hpp>
#include <routemap/report.hpp>
#include <routemap/scoring.hpp>
#include <routemap/search_path.hpp>

namespace routemap::python {

namespace {

std::vector<std::filesystem::path> search_path_or_default(const std::optional<std::vector<std::filesystem::path>>& path) {
    return path ? *path : default_search_path();
}

// Loads a plugin now; a refused plugin raises PluginError naming the file and the reason.
bool load_plugin_or_raise(Registry& registry, const std::filesystem::path& file) {
    const auto before = registry.problems().size();
    if (registry.load_plugin(file)) return true;
    std::vector<Diagnostic> errors;
    for (auto i = before; i < registry.problems().size(); ++i)
        if (registry.problems()[i].severity == Severity::error) errors.push_back(registry.problems()[i]);
    if (errors.empty()) return false;  // only a warning: already loaded under that name
    throw PluginError(std::move(errors));
}

}  // namespace

void bind_registry(py::module_& m) {
    py::class_<FrameworkSummary>(m, "FrameworkSummary", "What Registry.frameworks() lists about one framework.")
        .def_readonly("id", &FrameworkSummary::id, "The framework id.")
        .def_readonly("name", &FrameworkSummary::name, "The display name.")
        .def_readonly("version", &FrameworkSummary::version, "The framework's version.")
        .def_readonly("level", &FrameworkSummary::level, "organisation, service, individual, ...")
        .def_readonly("status", &FrameworkSummary::status, "'published', 'draft', ...")
        .def_readonly("origin", &FrameworkSummary::origin, "The file it came from, or 'plugin:<name>'.")
        .def_readonly("domains", &FrameworkSummary::domains, "Number of domains.")
        .def_readonly("areas", &FrameworkSummary::areas, "Number of areas.")
        .def_readonly("criteria", &FrameworkSummary::criteria, "Number of criteria.")
        .def_readonly("actions", &FrameworkSummary::actions, "Number of route-map actions, at every depth.")
        .def_readonly("criteria_per_tier", &FrameworkSummary::criteria_per_tier, "Criteria per tier, lowest first.")
        .def("__repr__", [](const FrameworkSummary& s) {
            return "<FrameworkSummary " + s.id + " " + s.version + " (" + s.level + "): " + std::to_string(s.domains) +
                   " domains, " + std::to_string(s.areas) + " areas, " + std::to_string(s.criteria) + " criteria>";
        });

    py::class_<PluginRecord>(m, "PluginRecord", "A compiled plugin that was loaded.")
        .def_readonly("name", &PluginRecord::name, "The plugin's name.")
        .def_readonly("version", &PluginRecord::version, "The plugin's own version.")
        .def_readonly("file", &PluginRecord::file, "The shared library it was loaded from.")
        .def("__repr__", [](const PluginRecord& p) {
            return "<PluginRecord " + p.name + " " + p.version + " from " + p.file.string() + ">";
        });

    py::class_<ScoringModel, std::shared_ptr<ScoringModel>>(m, "ScoringModel",
                                                            "A scoring model (staged, continuous, coverage, or from a plugin).")
        .def_property_readonly("name", &ScoringModel::name, "The model's name, as passed to score(model=...).")
        .def_property_readonly("description", &ScoringModel::description, "What the model computes.")
        .def_property_readonly("default_parameters", &ScoringModel::default_parameters,
                               "Every parameter the model reads, with its default (dict).")
        .def("__repr__", [](const ScoringModel& s) { return "<ScoringModel " + s.name() + ": " + s.description() + ">"; });

    py::class_<Registry, std::shared_ptr<Registry>>(m, "Registry",
                                                    "Frameworks, scoring models, report writers and plugins found along a "
                                                    "search path. Registry() scans the default path: ROUTEMAP_PATH, the "
                                                    "user's data directory, then the installation's share/routemap.")
        .def(py::init([](const std::optional<std::vector<std::filesystem::path>>& search_path, bool load_plugins,
                         bool builtin_models) {
                 Registry::Options options;
                 options.load_plugins = load_plugins;
                 options.builtin_models = builtin_models;
                 return std::make_shared<Registry>(search_path_or_default(search_path), std::move(options));
             }),
             py::arg("search_path") = py::none(), py::arg("load_plugins") = true, py::arg("builtin_models") = true,
             "Scan `search_path` (a list of directories holding frameworks/ and plugins/; default: the standard path).")
        .def_property_readonly("search_path", &Registry::search_path, "The directories scanned, in order.")
        .def("frameworks", &Registry::list, "A FrameworkSummary for every framework found, in the order found.")
        .def("ids", &Registry::ids, "Every framework id found.")
        .def("__contains__", &Registry::contains, py::arg("id"), "Whether a framework with this id was found.")
        .def("__len__", [](const Registry& r) { return r.ids().size(); }, "The number of frameworks.")
        .def("get", &Registry::get, py::arg("id"),
             "The framework with this id; raises NotFoundError (a KeyError) naming the known ids.")
        .def("__getitem__", &Registry::get, py::arg("id"), "Same as get(id).")
        .def("load", &Registry::load, py::arg("id_or_path"),
             "A framework by id, or from a file when given a path (anything with '/' or ending in .toml).")
        .def("add", &Registry::add, py::arg("framework"), py::arg("origin") = "python",
             "Add a framework; returns False (and records a warning) when its id is already taken.")
        .def("models", &Registry::model_names, "The names of every scoring model (built in and from plugins).")
        .def("model", [](const Registry& r, std::string_view name) { return &r.model(name); }, py::arg("name"),
             py::return_value_policy::reference_internal,
             "The scoring model with this name; raises NotFoundError naming the known models.")
        .def("report_formats", &Registry::report_formats, "The report formats available (built in and from plugins).")
        .def_property_readonly("plugins", &Registry::plugins, "Every plugin loaded (a list of PluginRecord).")
        .def_property_readonly("problems", &Registry::problems,
                               "Duplicates, files that failed to load and refused plugins (a list of Diagnostic).")
        .def("load_plugin", &load_plugin_or_raise, py::arg("file"),
             "Load one plugin file now. Returns True when loaded, False when a plugin of that name was already "
             "loaded; raises PluginError when the plugin is refused (wrong API version, no entry point, failed).")
        .def("__repr__", [](const Registry& r) {
            return "<Registry " + std::to_string(r.ids().size()) + " frameworks (" + join(r.ids()) + "), models " +
                   join(r.model_names()) + ", " + std::to_string(r.plugins().size()) + " plugins>";
        });

    m.def("registry", &default_registry, py::arg("reload") = false,
          "The default Registry used when a function is given none. reload=True scans the search path again "
          "(after changing ROUTEMAP_PATH, for example).");
    m.def("frameworks", [](const std::shared_ptr<Registry>& r) { return registry_or_default(r).list(); },
          py::arg("registry") = py::none(), "A FrameworkSummary for every framework on the search path.");
    m.def("load", [](std::string_view id_or_path, const std::shared_ptr<Registry>& r) { return registry_or_default(r).load(id_or_path); },
          py::arg("id_or_path"), py::arg("registry") = py::none(),
          R"doc(A framework by its id (from the search path) or from a TOML file.

Parameters
----------
id_or_path : str
    A framework id such as 'newham-organisation' (see frameworks()), or a path to a .toml file.
registry : Registry, optional
    Default: registry(), whose search path is ROUTEMAP_PATH, the user's data directory and the
    installation's frameworks (default_search_path()).

Returns
-------
Framework

Raises
------
NotFoundError
    No framework of that id on the search path (with the ids it knows).
FrameworkError
    The file is not a valid framework (every problem, file:line:column).

Examples
--------
>>> fw = routemap.load("newham-organisation")
>>> len(fw.domains)
6
)doc");
    m.def("models", [](const std::shared_ptr<Registry>& r) { return registry_or_default(r).model_names(); },
          py::arg("registry") = py::none(), "The names of every scoring model available.");
    m.def("plugins", [](const std::shared_ptr<Registry>& r) { return registry_or_default(r).plugins(); },
          py::arg("registry") = py::none(), "Every plugin loaded (a list of PluginRecord).");
    m.def("default_search_path", &default_search_path,
          "The directories searched by default: ROUTEMAP_PATH, the user's data directory, the installation's share/routemap.");
    m.def("install_data_directory", &install_data_directory,
          "The installation's share/routemap directory (inside the package for a pip install).");
    m.def("user_data_directory", &user_data_directory, "The user's data directory ($XDG_DATA_HOME/routemap).");
}

}  // namespace routemap::python
