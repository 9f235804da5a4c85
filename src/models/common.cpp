#include <cmath>

#include "models.hpp"

#include "scoring/codes.hpp"

namespace routemap::models {

std::vector<std::string> tier_level_labels(const Framework& framework) {
    std::vector<std::string> labels{"Not yet"};
    for (const auto& tier : framework.tiers()) labels.push_back(tier.name);
    return labels;
}

std::vector<std::uint8_t> status_codes(std::span<const Status> statuses) {
    std::vector<std::uint8_t> codes(statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) codes[i] = static_cast<std::uint8_t>(statuses[i]);
    return codes;
}

std::vector<Status> code_meanings(const Framework& framework, std::span<const std::uint8_t> codes) {
    std::vector<Status> statuses(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i)
        // Codes past the scales stay as they are, for make_score_skeleton to refuse.
        statuses[i] = codes[i] < framework.code_count() ? framework.meaning(codes[i]) : static_cast<Status>(codes[i]);
    return statuses;
}

ScoreResult score_by_plan(const ScoringPlan& plan, const Framework& framework, std::span<const std::uint8_t> codes,
                          std::string model, const ModelParameters& parameters, double max_score) {
    if (codes.size() == framework.criteria().size()) detail::CodeRanges(framework).check(codes.data(), codes.size(), model + ": ");
    auto result = make_score_skeleton(framework, code_meanings(framework, codes), std::move(model), parameters);
    result.level_labels = tier_level_labels(framework);
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
