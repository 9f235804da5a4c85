#include <algorithm>
#include <cmath>

#include "models.hpp"

namespace routemap::models {

std::string ContinuousModel::description() const {
    return "Partial credit, like OWASP SAMM: met 1, partial 0.5, not met and unknown 0, not applicable left out. "
           "A tier's completion is the weighted mean credit of its applicable criteria; an area's score is the sum "
           "of its tiers' completions (0 to the number of tiers); a domain's the mean of its areas', the "
           "framework's the mean of its domains'.";
}

ModelParameters ContinuousModel::default_parameters() const {
    return {{"partial_credit", 0.5}, {"level_threshold", 1.0}};
}

namespace {

double credit(Status s, double partial) {
    switch (s) {
        case Status::met: return 1.0;
        case Status::partial: return partial;
        default: return 0.0;
    }
}

// The highest tier t such that every tier up to t with applicable criteria reaches the threshold.
int level_from_tiers(const std::vector<double>& completion, double threshold) {
    int level = 0;
    for (std::size_t t = 0; t < completion.size(); ++t) {
        if (!std::isnan(completion[t]) && completion[t] + 1e-12 < threshold) break;
        level = static_cast<int>(t) + 1;
    }
    return level;
}

}  // namespace

ScoreResult ContinuousModel::score(const Framework& framework, std::span<const Status> statuses,
                                   const ModelParameters& parameters) const {
    auto result = make_score_skeleton(framework, statuses, name(), parameters);
    result.level_labels = tier_level_labels(framework);
    const double partial = parameters.at("partial_credit");
    const double threshold = parameters.at("level_threshold");
    const auto tiers = framework.tiers().size();
    const double max = static_cast<double>(tiers);

    for (const auto& area : framework.areas()) {
        auto& node = result.areas[area.index];
        node.max_score = max;
        std::vector<double> weighted(tiers, 0.0), weights(tiers, 0.0);
        for (const auto& c : framework.criteria_of(area)) {
            const auto s = statuses[c.index];
            if (s == Status::not_applicable) continue;
            weighted[c.tier] += c.weight * credit(s, partial);
            weights[c.tier] += c.weight;
        }
        double sum = 0.0;
        std::size_t present = 0;
        for (std::size_t t = 0; t < tiers; ++t) {
            if (weights[t] <= 0.0) continue;
            node.tier_scores[t] = weighted[t] / weights[t];
            sum += node.tier_scores[t];
            ++present;
        }
        if (!node.applicable) continue;
        // Tiers an area does not use are left out, and the sum rescaled, so that every area's score
        // runs from 0 to the number of tiers.
        node.score = present ? sum * max / static_cast<double>(present) : 0.0;
        node.level = level_from_tiers(node.tier_scores, threshold);
    }

    auto mean_of = [&](ScoreNode& parent, const std::vector<const ScoreNode*>& children) {
        parent.max_score = max;
        double sum = 0.0;
        std::size_t n = 0;
        int level = static_cast<int>(tiers);
        std::vector<double> tier_sum(tiers, 0.0);
        std::vector<std::size_t> tier_n(tiers, 0);
        for (const auto* child : children) {
            if (!child->applicable) continue;
            sum += child->score;
            ++n;
            level = std::min(level, child->level);
            for (std::size_t t = 0; t < tiers; ++t)
                if (!std::isnan(child->tier_scores[t])) {
                    tier_sum[t] += child->tier_scores[t];
                    ++tier_n[t];
                }
        }
        parent.score = n ? sum / static_cast<double>(n) : 0.0;
        parent.level = n ? level : 0;
        for (std::size_t t = 0; t < tiers; ++t)
            if (tier_n[t]) parent.tier_scores[t] = tier_sum[t] / static_cast<double>(tier_n[t]);
    };
    for (const auto& domain : framework.domains())
        mean_of(result.domains[domain.index], area_nodes(result, framework, domain));
    mean_of(result.overall, domain_nodes(result));
    label_levels(result);
    return result;
}

}  // namespace routemap::models
