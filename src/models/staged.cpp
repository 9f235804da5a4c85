#include <algorithm>

#include "models.hpp"

namespace routemap::models {

std::vector<std::string> tier_level_labels(const Framework& framework) {
    std::vector<std::string> labels{"Not yet"};
    for (const auto& tier : framework.tiers()) labels.push_back(tier.name);
    return labels;
}

std::vector<const ScoreNode*> area_nodes(const ScoreResult& result, const Framework& framework, const Domain& domain) {
    std::vector<const ScoreNode*> nodes;
    for (const auto& area : framework.areas_of(domain)) nodes.push_back(&result.areas[area.index]);
    return nodes;
}

std::vector<const ScoreNode*> domain_nodes(const ScoreResult& result) {
    std::vector<const ScoreNode*> nodes;
    for (const auto& d : result.domains) nodes.push_back(&d);
    return nodes;
}

void label_levels(ScoreResult& result) {
    for (auto* nodes : {&result.areas, &result.domains})
        for (auto& node : *nodes) node.label = result.level_labels[node.level];
    result.overall.label = result.level_labels[result.overall.level];
}

std::string StagedModel::description() const {
    return "Are we there yet? An area's level is the highest tier whose applicable criteria, and those of every "
           "lower tier, are all met; a domain's level is the lowest of its areas', the framework's the lowest of "
           "its domains'.";
}

ScoreResult StagedModel::score(const Framework& framework, std::span<const Status> statuses,
                               const ModelParameters& parameters) const {
    auto result = make_score_skeleton(framework, statuses, name(), parameters);
    result.level_labels = tier_level_labels(framework);
    const auto tiers = framework.tiers().size();
    const auto max = static_cast<double>(tiers);

    // A tier is complete in a node when every applicable criterion of that tier is met.
    auto tier_complete = [](const StatusCounts& c) { return c[Status::met] == c.applicable(); };
    for (auto& area : result.areas) {
        area.max_score = max;
        for (std::size_t t = 0; t < tiers; ++t)
            if (area.counts_by_tier[t].applicable() > 0)
                area.tier_scores[t] = tier_complete(area.counts_by_tier[t]) ? 1.0 : 0.0;
        if (!area.applicable) continue;
        int level = 0;
        while (level < static_cast<int>(tiers) && tier_complete(area.counts_by_tier[level])) ++level;
        area.level = level;
        area.score = level;
    }
    auto min_of = [&](ScoreNode& parent, const std::vector<const ScoreNode*>& children) {
        parent.max_score = max;
        int level = static_cast<int>(tiers);
        bool any = false;
        for (const auto* child : children) {
            if (!child->applicable) continue;
            level = std::min(level, child->level);
            any = true;
        }
        parent.level = any ? level : 0;
        parent.score = parent.level;
        for (std::size_t t = 0; t < tiers; ++t)
            if (parent.counts_by_tier[t].applicable() > 0)
                parent.tier_scores[t] = tier_complete(parent.counts_by_tier[t]) ? 1.0 : 0.0;
    };
    for (const auto& domain : framework.domains())
        min_of(result.domains[domain.index], area_nodes(result, framework, domain));
    min_of(result.overall, domain_nodes(result));
    label_levels(result);
    return result;
}

}  // namespace routemap::models
