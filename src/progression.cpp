#include <routemap/progression.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>

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

    std::vector<std::size_t> order(gap.items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = criteria[gap.items[a].criterion];
        const auto& y = criteria[gap.items[b].criterion];
        return std::make_tuple(phase[a], x.tier, x.domain, x.area, -x.weight, x.index) <
               std::make_tuple(phase[b], y.tier, y.domain, y.area, -y.weight, y.index);
    });

    ProgressionPath path;
    path.framework_id = framework.id();
    path.steps.reserve(order.size());
    for (const auto i : order) {
        const auto& item = gap.items[i];
        PathStep step;
        step.criterion = item.criterion;
        step.id = item.id;
        step.status = item.status;
        step.phase = phase[i];
        step.owner = item.owner;
        step.due = item.due;
        step.overdue = item.overdue;
        for (const auto p : graph.direct_prerequisites(item.criterion))
            if (item_of[p] != absent) step.waits_for.push_back(criteria[p].id);
        if (path.phases.size() < step.phase) path.phases.resize(step.phase);
        path.phases[step.phase - 1].push_back(path.steps.size());
        path.steps.push_back(std::move(step));
    }
    return path;
}

}  // namespace routemap
