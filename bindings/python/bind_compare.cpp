// Comparing two assessments of the same subject (the pledge's annual summary of progress).

#include "common.hpp"

#include <routemap/compare.hpp>

namespace routemap::python {

namespace {

std::string kind_name(ChangeKind kind) { return std::string(to_string(kind)); }

// Not applicable is never a number: None.
std::optional<int> level_or_none(bool applicable, int level) { return applicable ? std::optional(level) : std::nullopt; }
std::string level_text(bool applicable, int level) { return applicable ? std::to_string(level) : "n/a"; }

}  // namespace

void bind_compare(py::module_& m) {
    py::class_<LevelChange>(m, "LevelChange", "Level and score of an area, domain or the framework, before and after.")
        .def_readonly("id", &LevelChange::id, "The area or domain id (the framework id overall).")
        .def_readonly("name", &LevelChange::name, "The display name.")
        .def_property_readonly("before_level", [](const LevelChange& c) { return level_or_none(c.before_applicable, c.before_level); },
                               "Level in the earlier assessment (None when not applicable then).")
        .def_property_readonly("after_level", [](const LevelChange& c) { return level_or_none(c.after_applicable, c.after_level); },
                               "Level in the later assessment (None when not applicable now).")
        .def_readonly("before_score", &LevelChange::before_score, "Score in the earlier assessment (NaN when not applicable).")
        .def_readonly("after_score", &LevelChange::after_score, "Score in the later assessment (NaN when not applicable).")
        .def_readonly("before_applicable", &LevelChange::before_applicable, "Whether it was applicable before.")
        .def_readonly("after_applicable", &LevelChange::after_applicable, "Whether it is applicable now.")
        .def_property_readonly("delta",
                               [](const LevelChange& c) {
                                   return c.before_applicable && c.after_applicable ? std::optional(c.delta()) : std::nullopt;
                               },
                               "after_level - before_level; None when either side is not applicable.")
        .def("__repr__", [](const LevelChange& c) {
            return "<LevelChange " + c.id + ": " + level_text(c.before_applicable, c.before_level) + " -> " +
                   level_text(c.after_applicable, c.after_level) + ">";
        });

    py::class_<CriterionChange>(m, "CriterionChange", "A criterion whose status changed.")
        .def_readonly("id", &CriterionChange::id, "The criterion id.")
        .def_readonly("before", &CriterionChange::before, "The earlier status.")
        .def_readonly("after", &CriterionChange::after, "The later status.")
        .def_property_readonly("kind", [](const CriterionChange& c) { return kind_name(c.kind); },
                               "'newly_met', 'regressed', 'improved' (to partial), 'excluded' (now not applicable), "
                               "'reinstated' (applicable again) or 'other' (not met <-> unknown); the table is in "
                               "docs/scoring.md.")
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
        .def("excluded", [](const Comparison& c) { return c.of_kind(ChangeKind::excluded); },
             "Criteria applicable before and not applicable now (met -> not applicable among them).")
        .def("of_kind",
             [](const Comparison& c, const std::string& kind) {
                 for (std::size_t k = 0; k < change_kind_count; ++k)
                     if (to_string(static_cast<ChangeKind>(k)) == kind) return c.of_kind(static_cast<ChangeKind>(k));
                 throw py::value_error("unknown change kind '" + kind +
                                       "': use newly_met, regressed, improved, excluded, reinstated or other");
             },
             py::arg("kind"), "The changes of one kind.")
        .def_property_readonly("summary",
                               [](const Comparison& c) {
                                   py::dict out;
                                   const auto counts = c.counts();
                                   for (std::size_t k = 0; k < change_kind_count; ++k)
                                       out[py::str(std::string(to_string(static_cast<ChangeKind>(k))))] = counts[k];
                                   return out;
                               },
                               "How many changes of each kind (dict kind -> count, every kind present).")
        .def("__repr__", [](const Comparison& c) {
            return "<Comparison " + c.framework_id + " '" + c.subject + "' " + c.before_date + " -> " + c.after_date +
                   ": level " + level_text(c.overall.before_applicable, c.overall.before_level) + " -> " +
                   level_text(c.overall.after_applicable, c.overall.after_level) + ", " +
                   std::to_string(c.newly_met().size()) + " newly met, " + std::to_string(c.regressed().size()) +
                   " regressed, " + std::to_string(c.of_kind(ChangeKind::excluded).size()) + " excluded>";
        });

    m.def("compare",
          [](const Framework& framework, const BoundAssessment& before, const BoundAssessment& after,
             const std::optional<std::string>& model, const std::shared_ptr<Registry>& registry) {
              return compare(registry_or_default(registry), framework, before, after, model.value_or(""));
          },
          py::arg("framework"), py::arg("before"), py::arg("after"), py::arg("model") = py::none(),
          py::arg("registry") = py::none(),
          R"doc(What changed between two assessments of the same subject: levels per node and status per
criterion.

Parameters
----------
framework : Framework
before, after : Assessment
    The earlier and the later assessment.
model : str, optional
    As for score().
registry : Registry, optional

Returns
-------
Comparison
    .overall, .domains and .areas (LevelChange), .changes (CriterionChange per criterion whose
    status changed), .newly_met() and .regressed(); .to_frame().

Raises
------
AssessmentError
    The subjects differ, or either assessment does not fit the framework.
)doc");
}

}  // namespace routemap::python
