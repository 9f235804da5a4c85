// Progression paths: the gap's criteria in dependency order, grouped into phases.

#include "common.hpp"
#include "views.hpp"

#include <routemap/progression.hpp>

namespace routemap::python {

namespace {

using Path = Bound<ProgressionPath>;
using Step = Bound<PathStep>;

std::vector<Step> bound_steps(const std::vector<PathStep>& steps, const Framework& f) {
    std::vector<Step> out;
    for (const auto& s : steps) out.emplace_back(s, f);
    return out;
}

const Criterion& criterion_of(const Step& s) { return s.framework.criteria()[s.criterion]; }

}  // namespace

void bind_progression(py::module_& m) {
    py::class_<Step>(m, "PathStep", "One criterion on a progression path.")
        .def_readonly("id", &Step::id, "The criterion id.")
        .def_property_readonly("criterion", [](const Step& s) { return criterion_ref(s.framework, s.criterion); }, "The Criterion.")
        .def_readonly("phase", &Step::phase, "1 = can start now; n = after n-1 rounds of prerequisites.")
        .def_readonly("status", &Step::status, "Its current status.")
        .def_readonly("waits_for", &Step::waits_for, "The gap criteria it directly requires: each is in an earlier phase, so earlier in the path.")
        .def_property_readonly("owner", [](const Step& s) { return optional_text(s.owner); },
                               "Who is to close it, from the assessment (None when not given).")
        .def_property_readonly("due", [](const Step& s) { return optional_text(s.due); },
                               "When it is due, as written in the assessment (None when not given).")
        .def_readonly("overdue", &Step::overdue, "The due date is an ISO date before the assessment's date.")
        .def_property_readonly("tier", [](const Step& s) { return s.framework.tiers()[criterion_of(s).tier].id; }, "Its tier id.")
        .def_property_readonly("area_id", [](const Step& s) { return s.framework.areas()[criterion_of(s).area].id; }, "Its area id.")
        .def_property_readonly("domain_id", [](const Step& s) { return s.framework.domains()[criterion_of(s).domain].id; }, "Its domain id.")
        .def_property_readonly("text", [](const Step& s) { return criterion_of(s).text; }, "What must be true.")
        .def("__repr__", [](const Step& s) {
            return "<PathStep phase " + std::to_string(s.phase) + ": " + s.id + " (" + std::string(to_string(s.status)) +
                   ownership_suffix(s.owner, s.due, s.overdue) + ")>";
        });

    py::class_<Path>(m, "ProgressionPath",
                     "The gap's criteria in an order that respects every dependency (lower tier first, then domain, "
                     "area, weight), grouped into phases by dependency depth.")
        .def_readonly("framework_id", &Path::framework_id, "The framework's id.")
        .def_property_readonly("steps", [](const Path& p) { return bound_steps(p.steps, p.framework); },
                               "Every PathStep, in the order to work in.")
        .def_property_readonly("phases",
                               [](const Path& p) {
                                   std::vector<std::vector<Step>> out;
                                   for (const auto& phase : p.phases) {
                                       auto& steps = out.emplace_back();
                                       for (const auto i : phase) steps.emplace_back(p.steps[i], p.framework);
                                   }
                                   return out;
                               },
                               "The steps grouped by phase: phases[0] can start now.")
        .def_property_readonly("phase_count", &Path::phase_count, "How many phases.")
        .def_readonly("framework", &Path::framework, "The Framework.")
        .def("next_steps", [](const Path& p, std::size_t n) { return bound_steps(p.next_steps(n), p.framework); },
             py::arg("n") = 0, "Up to n steps that can be started today (phase 1), in path order; n=0: all of them.")
        .def("__len__", [](const Path& p) { return p.steps.size(); }, "The number of steps.")
        .def("__iter__", [](const Path& p) { return py::iter(py::cast(bound_steps(p.steps, p.framework))); },
             "Iterate over the steps in order.")
        .def("__repr__", [](const Path& p) {
            return "<ProgressionPath " + p.framework_id + ": " + std::to_string(p.steps.size()) + " steps in " +
                   std::to_string(p.phase_count()) + " phases>";
        });

    m.def("progression_path",
          [](const Bound<GapAnalysis>& gap) { return Path(progression_path(gap.framework, gap), gap.framework); }, py::arg("gap"),
          R"doc(The order in which to close a gap: its criteria in dependency order, grouped into phases.

Phase 1 holds what can start now; each later phase waits for an earlier one (a lower tier of the
same area, or a `requires` prerequisite). routemap.path(framework, assessment, target) does gap()
and this in one call; GapAnalysis.path() is the same.

Parameters
----------
gap : GapAnalysis

Returns
-------
ProgressionPath
    .phases (lists of PathStep: criterion, status, owner, due, overdue, waits_for); .to_frame().

Examples
--------
>>> p = routemap.progression_path(routemap.gap(fw, a, "intermediate"))
>>> p.phases[0][0].phase
1
)doc");
}

}  // namespace routemap::python
