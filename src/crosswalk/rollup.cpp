// Roll-up: each part projected through the crosswalk (uncapped: the parts together cover the whole),
// then one status per target criterion by the chosen rule, scored, with the parts that hold it down.

#include <routemap/rollup.hpp>

#include <algorithm>
#include <cmath>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/registry.hpp>

namespace routemap {

std::string_view to_string(RollupRule rule) noexcept {
    switch (rule) {
        case RollupRule::weakest: return "weakest";
        case RollupRule::median: return "median";
        case RollupRule::share: return "share";
    }
    return "weakest";
}

RollupRule rollup_rule_from_name(std::string_view name) {
    for (auto r : {RollupRule::weakest, RollupRule::median, RollupRule::share})
        if (name == to_string(r)) return r;
    throw Error("unknown roll-up rule '" + std::string(name) + "': expected weakest, median or share");
}

namespace {

int rank(Status s) { return s == Status::met ? 2 : s == Status::partial ? 1 : 0; }

// Rank 0 is not_met when some part is not met, else unknown (no part shows anything).
Status bottom(const std::vector<Status>& statuses) {
    return std::any_of(statuses.begin(), statuses.end(), [](Status s) { return s == Status::not_met; }) ? Status::not_met
                                                                                                         : Status::unknown;
}

Status combine(std::vector<Status> statuses, const RollupOptions& options) {
    if (statuses.empty()) return Status::not_applicable;
    auto by_rank = statuses;
    std::stable_sort(by_rank.begin(), by_rank.end(), [](Status a, Status b) { return rank(a) < rank(b); });
    int chosen = 0;
    switch (options.rule) {
        case RollupRule::weakest: chosen = rank(by_rank.front()); break;
        case RollupRule::median: chosen = rank(by_rank[(by_rank.size() - 1) / 2]); break;
        case RollupRule::share: {
            const double n = static_cast<double>(statuses.size());
            const auto at_least = [&](int r) {
                return static_cast<double>(std::count_if(statuses.begin(), statuses.end(), [&](Status s) { return rank(s) >= r; })) / n;
            };
            chosen = at_least(2) >= options.share ? 2 : at_least(1) >= options.share ? 1 : 0;
            break;
        }
    }
    return chosen == 2 ? Status::met : chosen == 1 ? Status::partial : bottom(statuses);
}

void node_provenance(RolledNode& node, int top) {
    if (node.part_levels.empty()) return;
    int lowest = top;
    for (const auto& [part, level] : node.part_levels)
        if (level >= 0) lowest = std::min(lowest, level);
    if (lowest >= top) return;
    for (const auto& [part, level] : node.part_levels)
        if (level == lowest) node.held_down_by.push_back(part);
}

}  // namespace

Rollup rollup(const Registry& registry, const Framework& to, std::span<const Assessment* const> parts, const Mapping& mapping,
              const RollupOptions& options) {
    if (parts.empty()) throw Error("nothing to roll up: no assessment of '" + mapping.from_framework + "' was given");
    if (options.rule == RollupRule::share && !(options.share > 0.0 && options.share <= 1.0))
        throw Error("the share for the share rule must be above 0 and at most 1");
    const auto& from = registry.get(mapping.from_framework);
    Mapping whole = mapping;
    whole.scope = MappingScope::same;  // the parts together stand for the whole

    Rollup out;
    out.framework_id = to.id();
    out.from_framework = from.id();
    out.mapping_file = mapping.file;
    out.options = options;
    std::vector<Projection> projections;
    std::vector<ScoreResult> part_scores;
    for (const auto* part : parts) {
        projections.push_back(project(from, to, *part, whole));
        part_scores.push_back(score(registry, to, projections.back().draft, options.model));
        out.parts.push_back(part->subject);
        out.files.push_back(part->file);
    }

    out.draft.framework_id = to.id();
    out.draft.framework_version = to.version();
    out.draft.subject = "Roll-up of " + std::to_string(parts.size()) + " assessments of " + from.id();
    std::string latest;
    for (const auto* part : parts) latest = std::max(latest, part->date);
    out.draft.date = latest;
    out.draft.notes = "DRAFT rolled up by routemap from the latest assessments of " + std::to_string(parts.size()) + " parts (" +
                      from.id() + ") through " + (mapping.file.empty() ? mapping.name : mapping.file) + ", rule " +
                      std::string(to_string(options.rule)) + ". Every status is a suggestion to review.";

    // Every projection reaches the same criteria (one mapping), in target order.
    for (std::size_t k = 0; k < projections.front().criteria.size(); ++k) {
        RolledCriterion rolled;
        rolled.id = projections.front().criteria[k].id;
        std::vector<Status> counted;
        for (std::size_t p = 0; p < projections.size(); ++p) {
            const auto& projected = projections[p].criteria[k];
            const bool all_na = std::all_of(projected.sources.begin(), projected.sources.end(),
                                            [](const ProjectionSource& s) { return s.status == Status::not_applicable; });
            const auto status = all_na ? Status::not_applicable : projected.status;
            rolled.parts.push_back({out.parts[p], status});
            ++rolled.counts[static_cast<std::size_t>(status)];
            if (status != Status::not_applicable) counted.push_back(status);
        }
        rolled.status = combine(counted, options);
        if (!counted.empty()) {
            int lowest = 2;
            for (const auto s : counted) lowest = std::min(lowest, rank(s));
            if (lowest < 2)
                for (const auto& ps : rolled.parts)
                    if (ps.status != Status::not_applicable && rank(ps.status) == lowest) rolled.held_down_by.push_back(ps.subject);
        }
        auto& record = out.draft.records[rolled.id];
        if (rolled.status == Status::not_applicable) {
            // Not applicable for every part: left unknown (a reason would be an assessor's call).
            record.status = Status::unknown;
        } else {
            record.status = rolled.status;
        }
        std::string evidence = std::string(rolled.status == Status::met ? "MET BY ROLL-UP, not assessed: " : "Rolled up: ") +
                               "rule " + std::string(to_string(options.rule)) + " over " + std::to_string(counted.size()) +
                               " parts;";
        for (const auto& ps : rolled.parts) evidence += " " + ps.subject + ": " + std::string(to_string(ps.status)) + ";";
        evidence.back() = '.';
        record.evidence = std::move(evidence);
        record.note = std::string(review_marker) + " rolled up through a crosswalk; confirm or change." +
                      (rolled.held_down_by.empty() ? std::string() : " Held down by: " + [&] {
                          std::string names;
                          for (const auto& n : rolled.held_down_by) names += (names.empty() ? "" : "; ") + n;
                          return names;
                      }() + ".");
        out.criteria.push_back(std::move(rolled));
    }

    out.score = score(registry, to, out.draft, options.model);
    const int top = static_cast<int>(out.score.level_labels.size()) - 1;
    auto nodes = [&](const std::vector<ScoreNode>& rolled_nodes, auto pick) {
        std::vector<RolledNode> result;
        for (std::size_t i = 0; i < rolled_nodes.size(); ++i) {
            RolledNode node{rolled_nodes[i].id, rolled_nodes[i].name, rolled_nodes[i].level, {}, {}};
            for (std::size_t p = 0; p < part_scores.size(); ++p)
                node.part_levels.emplace_back(out.parts[p], pick(part_scores[p])[i].level);
            node_provenance(node, top);
            result.push_back(std::move(node));
        }
        return result;
    };
    out.domains = nodes(out.score.domains, [](const ScoreResult& r) -> const std::vector<ScoreNode>& { return r.domains; });
    out.areas = nodes(out.score.areas, [](const ScoreResult& r) -> const std::vector<ScoreNode>& { return r.areas; });
    return out;
}

}  // namespace routemap
