// Collections: many assessments read at once from folders, files and glob patterns, grouped by
// subject and framework, with the problems found (docs/collections.md).

#include "common.hpp"

#include <routemap/collection.hpp>

namespace routemap::python {

namespace {

// str, os.PathLike, or a list of either.
std::vector<std::string> path_list(const py::object& paths) {
    const auto fspath = py::module_::import("os").attr("fspath");
    std::vector<std::string> out;
    if (py::isinstance<py::str>(paths) || py::hasattr(paths, "__fspath__")) {
        out.push_back(fspath(paths).cast<std::string>());
    } else {
        for (const auto& item : paths) out.push_back(fspath(item).cast<std::string>());
    }
    return out;
}

struct PyCollection {
    Collection collection;
    std::shared_ptr<Registry> registry;

    BoundAssessment bound(const Assessment& a) const {
        const auto& r = registry_or_default(registry);
        return BoundAssessment(a, r.contains(a.framework_id) ? std::optional<Framework>(r.get(a.framework_id)) : std::nullopt);
    }
    std::vector<BoundAssessment> bound(const std::vector<const Assessment*>& list) const {
        std::vector<BoundAssessment> out;
        for (const auto* a : list) out.push_back(bound(*a));
        return out;
    }
};

}  // namespace

void bind_collection(py::module_& m) {
    py::class_<CollectionProblem>(m, "CollectionProblem", "A file of a collection that could not be used, and why.")
        .def_property_readonly("kind", [](const CollectionProblem& p) { return std::string(to_string(p.kind)); },
                               "'unreadable', 'invalid', 'duplicate' or 'conflict'.")
        .def_readonly("message", &CollectionProblem::message, "What happened, naming the files.")
        .def_readonly("files", &CollectionProblem::files, "Every file concerned.")
        .def_readonly("diagnostics", &CollectionProblem::diagnostics, "The positioned errors of an unreadable or invalid file.")
        .def("__repr__", [](const CollectionProblem& p) { return "<CollectionProblem " + std::string(to_string(p.kind)) + ": " + p.message + ">"; });

    py::class_<PyCollection>(m, "Collection",
                             "Many assessments (subjects x dates x frameworks) read at once from folders (recursively), "
                             "files and glob patterns, grouped by subject and framework. Duplicates and conflicting files "
                             "are reported in .problems, never merged (docs/collections.md).")
        .def(py::init([](const py::object& paths, const std::shared_ptr<Registry>& registry, bool check) {
                 const auto inputs = path_list(paths);
                 const auto& r = registry_or_default(registry);
                 return PyCollection{Collection::read(inputs, check ? &r : nullptr), registry};
             }),
             py::arg("path_or_paths"), py::arg("registry") = py::none(), py::arg("check") = true,
             "Read a folder, a file, a glob pattern, or a list of them. With check=True, each assessment is checked "
             "against its framework and those that do not fit are reported (kind 'invalid') and left out.")
        .def_property_readonly("subjects", [](const PyCollection& c) { return c.collection.subjects(); },
                               "The subjects, sorted.")
        .def_property_readonly("framework_ids", [](const PyCollection& c) { return c.collection.framework_ids(); },
                               "The frameworks assessed, sorted.")
        .def_property_readonly("dates", [](const PyCollection& c) { return c.collection.dates(); }, "The distinct dates, sorted.")
        .def_property_readonly("problems", [](const PyCollection& c) { return c.collection.problems(); },
                               "Every CollectionProblem: unreadable, invalid, duplicate and conflicting files.")
        .def_property_readonly("assessments", [](const PyCollection& c) {
                std::vector<BoundAssessment> out;
                for (const auto& a : c.collection.assessments()) out.push_back(c.bound(a));
                return out;
            }, "Every assessment used, in path order.")
        .def("history",
             [](const PyCollection& c, const std::string& subject, const std::optional<std::string>& framework) {
                 return c.bound(c.collection.history(subject, framework.value_or("")));
             },
             py::arg("subject"), py::arg("framework") = py::none(),
             "A subject's assessments, oldest first (only those of one framework when given). NotFoundError for an "
             "unknown subject.")
        .def("latest",
             [](const PyCollection& c, const std::optional<std::string>& framework) {
                 return c.bound(c.collection.latest(framework.value_or("")));
             },
             py::arg("framework") = py::none(), "The newest assessment of each subject (and framework).")
        .def("__len__", [](const PyCollection& c) { return c.collection.assessments().size(); })
        .def("__repr__", [](const PyCollection& c) {
            return "<Collection " + std::to_string(c.collection.assessments().size()) + " assessments of " +
                   std::to_string(c.collection.subjects().size()) + " subjects, " +
                   std::to_string(c.collection.problems().size()) + " problems>";
        });
}

}  // namespace routemap::python
