#include <routemap/gap.hpp>

#include <algorithm>
#include <map>

#include <routemap/assessment.hpp>
#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>

namespace routemap {

const AreaGap& GapAnalysis::area(std::string_view id) const {
    for (const auto& a : areas)
        if (a.area_id == id) return a;
    throw NotFoundError("no area '" + std::string(id) + "' in this gap analysis");
}

const GapItem* GapAnalysis::find_item(std::string_view id) const noexcept {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

namespace {

bool satisfied(Status s) { return s == Status::met || s == Status::not_applicable; }

int staged_level(const Framework& framework, const Area& area, std::span<const Status> statuses) {
    const auto tiers = framework.tiers().size();
    std::vector<bool> complete(tiers, true);
    for (const auto& c : framework.criteria_of(area))
        if (!satisfied(statuses[c.index])) complete[c.tier] = false;
    int level = 0;
    while (level < static_cast<int>(tiers) && complete[level]) ++level;
    return level;
}

}  // namespace

GapAnalysis analyse_gap(const Framework& framework, std::span<const Status> statuses, const Target& target) {
    target.validate(framework);
    if (statuses.size() != framework.criteria().size())
        throw Error("expected " + std::to_string(framework.criteria().size()) + " statuses, got " +
                    std::to_string(statuses.size()));
    const auto tiers = framework.tiers().size();
    GapAnalysis gap;
    gap.framework_id = framework.id();
    gap.target = target;
    for (const auto& t : framework.tiers()) gap.tier_ids.push_back(t.id);

    std::vector<bool> in_gap(framework.criteria().size(), false), own(framework.criteria().size(), false);
    std::map<std::size_t, std::vector<std::string>> required_by;
    std::vector<bool> counted(framework.criteria().size(), false);  // in some area's required set
    for (const auto& area : framework.areas()) {
        AreaGap a;
        a.area_id = area.id;
        a.domain_id = framework.domains()[area.domain].id;
        a.name = area.name;
        a.target_level = static_cast<int>(target.level_for(framework, area));
        a.current_level = staged_level(framework, area, statuses);
        bool any_applicable = false;
        for (const auto& c : framework.criteria_of(area)) {
            const auto s = statuses[c.index];
            if (s != Status::not_applicable) any_applicable = true;
            if (s == Status::not_applicable || static_cast<int>(c.tier) >= a.target_level) continue;
            ++a.required;
            counted[c.index] = true;
            if (s == Status::met) {
                ++a.met;
                continue;
            }
            a.to_close.push_back(c.index);
            if (s == Status::partial) ++a.partial;
            in_gap[c.index] = own[c.index] = true;
        }
        a.applicable = any_applicable;
        gap.areas.push_back(std::move(a));
    }
    // Unmet prerequisites of every gap criterion, transitively, in any area.
    const auto& graph = framework.graph();
    for (std::size_t i = 0; i < in_gap.size(); ++i) {
        if (!own[i]) continue;
        for (const auto p : graph.transitive_prerequisites(i)) {
            if (satisfied(statuses[p])) continue;
            in_gap[p] = true;
            if (!own[p]) required_by[p].push_back(framework.criteria()[i].id);
        }
    }
    GapSummary total{framework.id(), framework.name(), 0, 0, 0, 0, std::vector<std::size_t>(tiers, 0)};
    std::vector<GapSummary> domains;
    for (const auto& d : framework.domains())
        domains.push_back(GapSummary{d.id, d.name, 0, 0, 0, 0, std::vector<std::size_t>(tiers, 0)});
    for (const auto& c : framework.criteria()) {
        const auto s = statuses[c.index];
        const bool required = counted[c.index] || in_gap[c.index];
        if (!required) continue;
        for (auto* summary : {&domains[c.domain], &total}) {
            ++summary->required;
            if (s == Status::met) ++summary->met;
            if (in_gap[c.index]) {
                ++summary->to_close;
                ++summary->to_close_by_tier[c.tier];
                if (s == Status::partial) ++summary->partial;
            }
        }
        if (!in_gap[c.index]) continue;
        GapItem item;
        item.criterion = c.index;
        item.id = c.id;
        item.status = s;
        item.partial = s == Status::partial;
        item.prerequisite = !own[c.index];
        if (item.prerequisite) item.required_by = required_by[c.index];
        gap.items.push_back(std::move(item));
    }
    gap.domains = std::move(domains);
    gap.total = std::move(total);
    return gap;
}

GapAnalysis analyse_gap(const Framework& framework, const Assessment& assessment, const Target& target) {
    assessment.validate(framework);
    return analyse_gap(framework, assessment.statuses(framework), target);
}

}  // namespace routemap
