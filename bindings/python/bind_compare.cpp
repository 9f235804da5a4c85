// Comparing two assessments of the same subject (the pledge's annual summary of progress).

#include "common.hpp"

#include <routemap/compare.hpp>

namespace routemap::python {

namespace {

std::string kind_name(ChangeKind kind) { return std::string(to_string(kind)); }

}  // namespace

void bind_compare(py::module_& m) {
    py::class_<LevelChange>(m, "LevelChange", "Level and score of an area, domain or the framework, before and after.")
        .def_readonly("id", &LevelChange::id, "The area or domain id (the framework id overall).")
        .def_readonly("name", &LevelChange::name, "The display name.")
        .def_readonly("before_level", &LevelChange::before_level, "Level in the earlier assessment.")
        .def_readonly("after_level", &LevelChange::after_level, "Level in the later assessment.")
        .def_readonly("before_score", &LevelChange::before_score, "Score in the earlier assessment.")
        .def_readonly("after_score", &LevelChange::after_score, "Score in the later assessment.")
        .def_property_readonly("delta", &LevelChange::delta, "after_level - before_level.")
        .def("__repr__", [](const LevelChange& c) {
            return "<LevelChange " + c.id + ": " + std::to_string(c.before_level) + " -> " + std::to_string(c.after_level) + ">";
        });

    py::class_<CriterionChange>(m, "CriterionChange", "A criterion whose status changed.")
        .def_readonly("id", &CriterionChange::id, "The criterion id.")
        .def_readonly("before", &CriterionChange::before, "The earlier status.")
        .def_readonly("after", &CriterionChange::after, "The later status.")
        .def_property_readonly("kind", [](const CriterionChange& c) { return kind_name(c.kind); },
                               "'newly_met', 'regressed', 'improved' (to partial) or 'other'.")
        .def("__repr__", [](const CriterionChange& c) {
            return "<CriterionChange " + c.id + ": " + std::string(to_string(c.before)) + " -> " +
                   std::string(to_string(c.after)) + " (" + kind_name(c.kind) + ")>";
        });

    py::class_<Comparison>(m, "Comparison", "Two assessments of one subject compared: levels gained or lost, criteria newly met or regressed.")
        .def_readonly("framework_id", &Comparison::framework_id, "The framework's id.")
        .def_readonly("subject", &Comparison::subject, "The subject of both assessments.")
        .def_readonly("before_date", &Comparison::before_date, "Date of the earlier assessment.")
        .def_readonly("after_date", &Comparison::after_date, "Date of the later assessment.")
        .def_readonly("model", &Comparison::model, "The scoring model used.")
        .def_readonly("overall", &Comparison::overall, "The framework's LevelChange.")
        .def_readonly("domains", &Comparison::domains, "A LevelChange per domain.")
        .def_readonly("areas", &Comparison::areas, "A LevelChange per area.")
        .def_readonly("changes", &Comparison::changes, "Every criterion whose status changed (CriterionChange), framework order.")
        .def("newly_met", &Comparison::newly_met, "Criteria not met before and met now.")
        .def("regressed", &Comparison::regressed, "Criteria met before and not now, or partial before and not_met/unknown now.")
        .def("__repr__", [](const Comparison& c) {
            return "<Comparison " + c.framework_id + " '" + c.subject + "' " + c.before_date + " -> " + c.after_date +
                   ": level " + std::to_string(c.overall.before_level) + " -> " + std::to_string(c.overall.after_level) +
                   ", " + std::to_string(c.newly_met().size()) + " newly met, " + std::to_string(c.regressed().size()) +
                   " regressed>";
        });

    m.def("compare",
          [](const Framework& framework, const BoundAssessment& before, const BoundAssessment& after,
             const std::optional<std::string>& model, const std::shared_ptr<Registry>& registry) {
              return compare(registry_or_default(registry), framework, before, after, model.value_or(""));
          },
          py::arg("framework"), py::arg("before"), py::arg("after"), py::arg("model") = py::none(),
          py::arg("registry") = py::none(),
          "Compare two assessments of the same subject. Raises AssessmentError when the subjects differ or either "
          "does not fit the framework.");
}

}  // namespace routemap::python
