// Gap analysis: what stands between an assessment and a target.

#include "common.hpp"
#include "views.hpp"

#include <routemap/gap.hpp>
#include <routemap/progression.hpp>

namespace routemap::python {

namespace {

using Gap = Bound<GapAnalysis>;
using BoundAreaGap = Bound<AreaGap>;
using BoundGapItem = Bound<GapItem>;

std::vector<BoundAreaGap> areas_of(const Gap& g) {
    std::vector<BoundAreaGap> out;
    for (const auto& a : g.areas) out.emplace_back(a, g.framework);
    return out;
}

std::vector<BoundGapItem> items_of(const Gap& g) {
    std::vector<BoundGapItem> out;
    for (const auto& i : g.items) out.emplace_back(i, g.framework);
    return out;
}

const Criterion& criterion_of(const BoundGapItem& i) { return i.framework.criteria()[i.criterion]; }

}  // namespace

void bind_gap(py::module_& m) {
    py::class_<BoundGapItem>(m, "GapItem", "One criterion that must become met to reach the target.")
        .def_readonly("id", &BoundGapItem::id, "The criterion id.")
        .def_property_readonly("criterion", [](const BoundGapItem& i) { return criterion_ref(i.framework, i.criterion); },
                               "The Criterion.")
        .def_readonly("status", &BoundGapItem::status, "Its current status.")
        .def_readonly("partial", &BoundGapItem::partial, "Already partly there.")
        .def_readonly("prerequisite", &BoundGapItem::prerequisite,
                      "Not required by its own area's target, but by another criterion in the gap.")
        .def_readonly("required_by", &BoundGapItem::required_by, "For a prerequisite: the gap criteria that directly require it.")
        .def_property_readonly("owner", [](const BoundGapItem& i) { return optional_text(i.owner); },
                               "Who is to close it, from the assessment (None when not given).")
        .def_property_readonly("due", [](const BoundGapItem& i) { return optional_text(i.due); },
                               "When it is due, as written in the assessment (None when not given).")
        .def_readonly("overdue", &BoundGapItem::overdue, "The due date is an ISO date before the assessment's date.")
        .def_property_readonly("tier", [](const BoundGapItem& i) { return i.framework.tiers()[criterion_of(i).tier].id; }, "Its tier id.")
        .def_property_readonly("area_id", [](const BoundGapItem& i) { return i.framework.areas()[criterion_of(i).area].id; }, "Its area id.")
        .def_property_readonly("domain_id", [](const BoundGapItem& i) { return i.framework.domains()[criterion_of(i).domain].id; },
                               "Its domain id.")
        .def_property_readonly("text", [](const BoundGapItem& i) { return criterion_of(i).text; }, "What must be true.")
        .def("__repr__", [](const BoundGapItem& i) {
            return "<GapItem " + i.id + " (" + std::string(to_string(i.status)) + (i.prerequisite ? ", prerequisite" : "") +
                   ownership_suffix(i.owner, i.due, i.overdue) + ")>";
        });

    py::class_<BoundAreaGap>(m, "AreaGap", "One area's current level, target level and the criteria to close.")
        .def_readonly("area_id", &BoundAreaGap::area_id, "The area id.")
        .def_readonly("domain_id", &BoundAreaGap::domain_id, "Its domain id.")
        .def_readonly("name", &BoundAreaGap::name, "The area's name.")
        .def_readonly("applicable", &BoundAreaGap::applicable, "False when nothing in the area applies.")
        .def_property_readonly("current_level",
                               [](const BoundAreaGap& a) { return a.applicable ? std::optional(a.current_level) : std::nullopt; },
                               "The staged level now; None when the area is not applicable.")
        .def_readonly("target_level", &BoundAreaGap::target_level, "The level aimed for.")
        .def_property_readonly("to_close",
                               [](const BoundAreaGap& a) {
                                   std::vector<std::string> out;
                                   for (const auto i : a.to_close) out.push_back(a.framework.criteria()[i].id);
                                   return out;
                               },
                               "Ids of this area's criteria that must become met, framework order.")
        .def_readonly("partial", &BoundAreaGap::partial, "How many of them are partial.")
        .def_readonly("prerequisites", &BoundAreaGap::prerequisites,
                      "How many of to_close are prerequisites that other areas' targets need.")
        .def_readonly("required", &BoundAreaGap::required,
                      "Applicable criteria at or below the target in this area, plus its prerequisites in the gap.")
        .def_readonly("met", &BoundAreaGap::met, "Of which met.")
        .def_property_readonly("reached", &BoundAreaGap::reached, "Whether the area is at its target.")
        .def("__repr__", [](const BoundAreaGap& a) {
            return "<AreaGap " + a.area_id + ": level " + (a.applicable ? std::to_string(a.current_level) : "n/a") + " -> " +
                   std::to_string(a.target_level) + ", " + std::to_string(a.to_close.size()) + " to close>";
        });

    py::class_<GapSummary>(m, "GapSummary", "Totals for a domain or the whole framework.")
        .def_readonly("id", &GapSummary::id, "The domain id, or the framework id for the total.")
        .def_readonly("name", &GapSummary::name, "The display name.")
        .def_readonly("to_close", &GapSummary::to_close, "Criteria to close.")
        .def_readonly("prerequisites", &GapSummary::prerequisites, "Of which prerequisites of other gap criteria.")
        .def_readonly("partial", &GapSummary::partial, "Of which partial.")
        .def_readonly("required", &GapSummary::required, "Applicable criteria at or below the target.")
        .def_readonly("met", &GapSummary::met, "Of which met.")
        .def_readonly("to_close_by_tier", &GapSummary::to_close_by_tier, "Criteria to close per tier, lowest first.")
        .def_property_readonly("done_share", &GapSummary::done_share, "Share of the way done: met / required (1 when nothing is required).")
        .def("__repr__", [](const GapSummary& s) {
            return "<GapSummary " + s.id + ": " + std::to_string(s.met) + "/" + std::to_string(s.required) + " met, " +
                   std::to_string(s.to_close) + " to close>";
        });

    py::class_<Gap>(m, "GapAnalysis", "What stands between an assessment and a target, by area, domain and tier.")
        .def_readonly("framework_id", &Gap::framework_id, "The framework's id.")
        .def_readonly("target", &Gap::target, "The Target analysed.")
        .def_property_readonly("areas", &areas_of, "An AreaGap per area, framework order.")
        .def_property_readonly("items", &items_of, "Every criterion to close (GapItem), framework order, each once.")
        .def_readonly("domains", &Gap::domains, "A GapSummary per domain.")
        .def_readonly("total", &Gap::total, "The GapSummary of the whole framework.")
        .def_readonly("tier_ids", &Gap::tier_ids, "Tier ids, lowest first (the order of to_close_by_tier).")
        .def_readonly("framework", &Gap::framework, "The Framework analysed.")
        .def_property_readonly("done_share", [](const Gap& g) { return g.total.done_share(); }, "Share of the way done overall.")
        .def_property_readonly("reached", [](const Gap& g) { return g.items.empty(); }, "Whether the target is reached everywhere.")
        .def("area", [](const Gap& g, std::string_view id) { return BoundAreaGap(g.area(id), g.framework); }, py::arg("id"),
             "The AreaGap of an area; raises NotFoundError if there is none.")
        .def("find_item",
             [](const Gap& g, std::string_view id) -> std::optional<BoundGapItem> {
                 if (const auto* i = g.find_item(id)) return BoundGapItem(*i, g.framework);
                 return std::nullopt;
             },
             py::arg("criterion_id"), "The GapItem of a criterion, or None when it is not in the gap.")
        .def("__len__", [](const Gap& g) { return g.items.size(); }, "The number of criteria to close.")
        .def("__repr__", [](const Gap& g) {
            return "<GapAnalysis " + g.framework_id + ": " + std::to_string(g.items.size()) + " criteria to close, " +
                   std::to_string(static_cast<int>(g.total.done_share() * 100.0 + 0.5)) + "% done>";
        });

    m.def("gap",
          [](const Framework& framework, const BoundAssessment& assessment, const std::optional<Target>& target) {
              return Gap(analyse_gap(framework, assessment, target.value_or(Target{}).normalised(framework)), framework);
          },
          py::arg("framework"), py::arg("assessment"), py::arg("target") = py::none(),
          R"doc(What is left to do to reach a target: per area, the criteria not yet met up to the target tier,
plus the unmet prerequisites they need.

Parameters
----------
framework : Framework
assessment : Assessment
target : Target or str, optional
    A Target (one tier by default, others per domain or area), or a tier's id or name in any case
    ('intermediate', 'Intermediate'). Default: the highest tier everywhere.

Returns
-------
GapAnalysis
    .items (GapItem: criterion, status, owner, due, overdue), .areas, .domains, .total;
    .to_frame(); .path() for the progression path.

Raises
------
TargetError
    An unknown tier, domain or area in the target.
AssessmentError
    The assessment does not fit the framework.

Examples
--------
>>> g = routemap.gap(fw, a, "intermediate")
>>> g.total.to_close > 0 and g.total.met <= g.total.required
True
)doc");
}

}  // namespace routemap::python
