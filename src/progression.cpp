#include <routemap/progression.hpp>

#include <algorithm>
#include <numeric>
#include <tuple>

#include <routemap/dependency_graph.hpp>
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
    std::vector<bool> in_gap(criteria.size(), false);
    std::vector<Status> status(criteria.size(), Status::unknown);
    for (const auto& item : gap.items) {
        in_gap[item.criterion] = true;
        status[item.criterion] = item.status;
    }

    // Tie-break rank: tier, domain, area, higher weight first, document order.
    std::vector<std::size_t> by_key(criteria.size());
    std::iota(by_key.begin(), by_key.end(), 0);
    std::sort(by_key.begin(), by_key.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = criteria[a];
        const auto& y = criteria[b];
        return std::make_tuple(x.tier, x.domain, x.area, -x.weight, x.index) <
               std::make_tuple(y.tier, y.domain, y.area, -y.weight, y.index);
    });
    std::vector<std::size_t> rank(criteria.size());
    for (std::size_t r = 0; r < by_key.size(); ++r) rank[by_key[r]] = r;

    ProgressionPath path;
    path.framework_id = framework.id();
    // The gap holds every unmet prerequisite, so a topological order of the whole graph, filtered to
    // the gap, is a valid order for the gap; the rank breaks ties among ready criteria.
    std::vector<std::size_t> phase(criteria.size(), 0);
    for (const auto v : graph.topological_order(rank)) {
        if (!in_gap[v]) continue;
        PathStep step;
        step.criterion = v;
        step.id = criteria[v].id;
        step.status = status[v];
        std::size_t depth = 0;
        for (const auto p : graph.transitive_prerequisites(v)) {
            if (!in_gap[p]) continue;
            depth = std::max(depth, phase[p]);
            step.waits_for.push_back(criteria[p].id);
        }
        phase[v] = depth + 1;
        step.phase = phase[v];
        path.steps.push_back(std::move(step));
    }
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
        const auto p = path.steps[i].phase;
        if (path.phases.size() < p) path.phases.resize(p);
        path.phases[p - 1].push_back(i);
    }
    return path;
}

}  // namespace routemap
