#include <cmath>

#include "models.hpp"

namespace routemap::models {

std::vector<std::string> tier_level_labels(const Framework& framework) {
    std::vector<std::string> labels{"Not yet"};
    for (const auto& tier : framework.tiers()) labels.push_back(tier.name);
    return labels;
}

ScoreResult score_by_plan(const ScoringPlan& plan, const Framework& framework, std::span<const Status> statuses,
                          std::string model, const ModelParameters& parameters, double max_score) {
    auto result = make_score_skeleton(framework, statuses, std::move(model), parameters);
    result.level_labels = tier_level_labels(framework);
    std::vector<std::uint8_t> codes(statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) codes[i] = static_cast<std::uint8_t>(statuses[i]);
    BatchScores out;
    const auto tiers = framework.tiers().size();
    out.allocate(1, result.areas.size(), result.domains.size(), tiers, batch_levels | batch_scores | batch_tier_scores);
    plan.run(codes.data(), codes.size(), 0, 1, out);

    auto fill = [&](ScoreNode& node, std::uint8_t applicable, std::int32_t level, double score, const double* tier_scores) {
        node.max_score = max_score;
        node.applicable = applicable != 0;
        node.level = level;
        node.score = score;
        node.tier_scores.assign(tier_scores, tier_scores + tiers);
    };
    for (std::size_t a = 0; a < result.areas.size(); ++a)
        fill(result.areas[a], out.area_applicable[a], out.area_levels[a], out.area_scores[a], &out.area_tier_scores[a * tiers]);
    for (std::size_t d = 0; d < result.domains.size(); ++d)
        fill(result.domains[d], out.domain_applicable[d], out.domain_levels[d], out.domain_scores[d],
             &out.domain_tier_scores[d * tiers]);
    fill(result.overall, out.overall_applicable[0], out.overall_levels[0], out.overall_scores[0], out.overall_tier_scores.data());
    label_levels(result);
    return result;
}

}  // namespace routemap::models
