#include <routemap/progression.hpp>

#include <algorithm>
#include <thread>
#include <tuple>

#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "detail/parallel.hpp"

namespace routemap {

std::vector<PathStep> ProgressionPath::next_steps(std::size_t n) const {
    std::vector<PathStep> out;
    if (phases.empty()) return out;
    for (const auto i : phases.front()) {
        if (n != 0 && out.size() == n) break;
        out.push_back(steps[i]);
    }
    return out;
}

ProgressionPath progression_path(const Framework& framework, const GapAnalysis& gap) {
    const auto criteria = framework.criteria();
    const auto& graph = framework.graph();
    constexpr std::size_t absent = static_cast<std::size_t>(-1);
    std::vector<std::size_t> item_of(criteria.size(), absent);  // criterion -> index into gap.items
    for (std::size_t i = 0; i < gap.items.size(); ++i) {
        const auto c = gap.items[i].criterion;
        if (c >= criteria.size() || criteria[c].id != gap.items[i].id)
            throw Error("progression_path: the gap analysis was made for another framework than '" + framework.id() + "'");
        item_of[c] = i;
    }

    // Phases by Kahn's algorithm on the gap's own subgraph: one pass over its direct edges.
    std::vector<std::size_t> waiting(gap.items.size(), 0), phase(gap.items.size(), 1), ready;
    for (std::size_t i = 0; i < gap.items.size(); ++i) {
        for (const auto p : graph.direct_prerequisites(gap.items[i].criterion))
            if (item_of[p] != absent) ++waiting[i];
        if (waiting[i] == 0) ready.push_back(i);
    }
    std::size_t done = 0;
    while (!ready.empty()) {
        const auto i = ready.back();
        ready.pop_back();
        ++done;
        for (const auto d : graph.direct_dependents(gap.items[i].criterion)) {
            const auto j = item_of[d];
            if (j == absent) continue;
            phase[j] = std::max(phase[j], phase[i] + 1);
            if (--waiting[j] == 0) ready.push_back(j);
        }
    }
    if (done != gap.items.size()) throw Error("progression_path: the dependency graph has a cycle");

    // The order: by phase, then tier, domain, area, heavier first, framework order. The keys are laid
    // out once, so that sorting compares neighbours in memory instead of reaching into the framework.
    struct Key {
        std::size_t phase, tier, domain, area;
        double weight;
        std::size_t index, item;
        bool operator<(const Key& o) const {
            return std::tie(phase, tier, domain, area, o.weight, index) < std::tie(o.phase, o.tier, o.domain, o.area, weight, o.index);
        }
    };
    std::vector<Key> order;
    order.reserve(gap.items.size());
    for (std::size_t i = 0; i < gap.items.size(); ++i) {
        const auto& c = criteria[gap.items[i].criterion];
        order.push_back({phase[i], c.tier, c.domain, c.area, c.weight, c.index, i});
    }
    std::sort(order.begin(), order.end());

    ProgressionPath path;
    path.framework_id = framework.id();
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto p = order[k].phase;
        if (path.phases.size() < p) path.phases.resize(p);
        path.phases[p - 1].push_back(k);
    }
    // The steps, each with copies of ids, owner and due date: most of a big path's time, so made in
    // contiguous runs on several threads (each writes only its own steps).
    path.steps.resize(order.size());
    const auto make = [&](std::size_t k) {
        const auto& item = gap.items[order[k].item];
        auto& step = path.steps[k];
        step.criterion = item.criterion;
        step.id = item.id;
        step.status = item.status;
        step.phase = order[k].phase;
        step.owner = item.owner;
        step.due = item.due;
        step.overdue = item.overdue;
        const auto prerequisites = graph.direct_prerequisites(item.criterion);
        std::size_t waits = 0;
        for (const auto q : prerequisites) waits += item_of[q] != absent;
        step.waits_for.reserve(waits);
        for (const auto q : prerequisites)
            if (item_of[q] != absent) step.waits_for.push_back(criteria[q].id);
    };
    // A thread per 8,192 steps at most: fewer are made faster than a thread starts.
    const auto parts = std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), order.size() / 8192 + 1);
    detail::run_parts(parts, [&](std::size_t part) {
        for (auto k = order.size() * part / parts; k < order.size() * (part + 1) / parts; ++k) make(k);
    });
    return path;
}

}  // namespace routemap
