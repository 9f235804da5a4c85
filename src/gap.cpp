#include <routemap/gap.hpp>

#include <algorithm>

#include <routemap/assessment.hpp>
#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>
#include <routemap/scoring_plan.hpp>

#include "detail/known_records.hpp"
#include "scoring/tier_plan.hpp"

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

// The staged level of every area, from the same plan the staged model scores with.
std::vector<std::int32_t> staged_levels(const Framework& framework, std::span<const Status> statuses) {
    const auto plan = detail::make_tier_plan(detail::TierModelKind::staged, framework, {});
    std::vector<std::uint8_t> codes(statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) codes[i] = static_cast<std::uint8_t>(statuses[i]);
    BatchScores out;
    out.allocate(1, framework.areas().size(), framework.domains().size(), framework.tiers().size(), batch_levels);
    plan->run(codes.data(), codes.size(), 0, 1, out);
    return {out.area_levels.begin(), out.area_levels.end()};
}

GapSummary blank_summary(std::string id, std::string name, std::size_t tiers) {
    GapSummary s;
    s.id = std::move(id);
    s.name = std::move(name);
    s.to_close_by_tier.assign(tiers, 0);
    return s;
}

}  // namespace

GapAnalysis analyse_gap(const Framework& framework, std::span<const Status> statuses, const Target& target) {
    target.validate(framework);
    const auto criteria = framework.criteria();
    if (statuses.size() != criteria.size())
        throw Error("expected " + std::to_string(criteria.size()) + " statuses, got " + std::to_string(statuses.size()));
    for (const auto s : statuses)
        if (static_cast<std::size_t>(s) >= status_count)
            throw Error("invalid status code " + std::to_string(static_cast<int>(s)) + " in the gap analysis");
    const auto tiers = framework.tiers().size();
    const auto levels = staged_levels(framework, statuses);
    GapAnalysis gap;
    gap.framework_id = framework.id();
    gap.target = target;
    for (const auto& t : framework.tiers()) gap.tier_ids.push_back(t.id);

    // 1. Each area's own target: its unmet applicable criteria of tiers up to the target.
    enum class Role : std::uint8_t { none, own_met, own, prerequisite };
    std::vector<Role> role(criteria.size(), Role::none);
    std::vector<std::size_t> frontier;
    std::vector<int> target_level(framework.areas().size());
    for (const auto& area : framework.areas()) {
        target_level[area.index] = static_cast<int>(target.level_for(framework, area));
        for (const auto& c : framework.criteria_of(area)) {
            const auto s = statuses[c.index];
            if (s == Status::not_applicable || static_cast<int>(c.tier) >= target_level[area.index]) continue;
            if (s == Status::met) {
                role[c.index] = Role::own_met;
                continue;
            }
            role[c.index] = Role::own;
            frontier.push_back(c.index);
        }
    }
    // 2. One traversal from all of them through unmet applicable prerequisites; it stops at met and
    // not-applicable ones, and visits each criterion once.
    const auto& graph = framework.graph();
    while (!frontier.empty()) {
        const auto v = frontier.back();
        frontier.pop_back();
        for (const auto p : graph.direct_prerequisites(v)) {
            if (satisfied(statuses[p]) || role[p] == Role::own || role[p] == Role::prerequisite) continue;
            role[p] = Role::prerequisite;
            frontier.push_back(p);
        }
    }
    // 3. Items, area rows and sums, in one pass in framework order.
    gap.total = blank_summary(framework.id(), framework.name(), tiers);
    for (const auto& d : framework.domains()) gap.domains.push_back(blank_summary(d.id, d.name, tiers));
    for (const auto& area : framework.areas()) {
        AreaGap a;
        a.area_id = area.id;
        a.domain_id = framework.domains()[area.domain].id;
        a.name = area.name;
        a.current_level = levels[area.index];
        a.applicable = a.current_level != not_applicable_level;
        a.target_level = target_level[area.index];
        auto& domain = gap.domains[area.domain];
        for (const auto& c : framework.criteria_of(area)) {
            const auto r = role[c.index];
            if (r == Role::none) continue;
            ++a.required;
            if (r == Role::own_met) {
                ++a.met;
                continue;
            }
            const auto s = statuses[c.index];
            a.to_close.push_back(c.index);
            if (s == Status::partial) ++a.partial;
            if (r == Role::prerequisite) ++a.prerequisites;
            ++domain.to_close_by_tier[c.tier];
            ++gap.total.to_close_by_tier[c.tier];
            GapItem item;
            item.criterion = c.index;
            item.id = c.id;
            item.status = s;
            item.partial = s == Status::partial;
            item.prerequisite = r == Role::prerequisite;
            if (item.prerequisite)
                for (const auto d : graph.direct_dependents(c.index))
                    if (role[d] == Role::own || role[d] == Role::prerequisite) item.required_by.push_back(criteria[d].id);
            gap.items.push_back(std::move(item));
        }
        for (auto* summary : {&domain, &gap.total}) {
            summary->to_close += a.to_close.size();
            summary->prerequisites += a.prerequisites;
            summary->partial += a.partial;
            summary->required += a.required;
            summary->met += a.met;
        }
        gap.areas.push_back(std::move(a));
    }
    return gap;
}

bool is_overdue(std::string_view due, std::string_view as_of) noexcept {
    // ISO dates compare as strings.
    return is_iso_date(due) && is_iso_date(as_of) && due < as_of;
}

GapAnalysis analyse_gap(const Framework& framework, const Assessment& assessment, const Target& target) {
    assessment.validate(framework);
    // One walk of the records gives both the statuses and each criterion's record, for owners and due
    // dates (a search of the ordered records per gap item was a third of a big gap analysis).
    const auto n = framework.criteria().size();
    std::vector<Status> statuses(n, Status::unknown);
    std::vector<const CriterionRecord*> record_of(n, nullptr);
    detail::for_each_known_record(framework, assessment, [&](const Criterion& c, const CriterionRecord& record, const Answer* answer) {
        statuses[c.index] = detail::counted_status(record, answer);
        record_of[c.index] = &record;
    });
    auto gap = analyse_gap(framework, statuses, target);
    for (auto& item : gap.items) {
        const auto* record = record_of[item.criterion];
        if (!record) continue;
        item.owner = record->owner;
        item.due = record->due;
        item.overdue = is_overdue(item.due, assessment.date);
    }
    return gap;
}

}  // namespace routemap
