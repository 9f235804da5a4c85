#include "models.hpp"

#include <routemap/error.hpp>

#include "scoring/tier_plan.hpp"

namespace routemap::models {

std::string CoverageModel::description() const {
    return "Weighted share of applicable criteria that are met (an answer of an answer scale: its credit; 0 to 1), "
           "per tier, per area, per domain and "
           "overall, each pooled over the criteria it holds. A node reaches a tier it has applicable criteria at "
           "when that tier's coverage, and that of every used tier below, reaches the threshold (default 1).";
}

ModelParameters CoverageModel::default_parameters() const { return {{"level_threshold", 1.0}}; }

std::shared_ptr<const ScoringPlan> CoverageModel::prepare(const Framework& framework,
                                                         const ModelParameters& parameters) const {
    const double threshold = parameters.at("level_threshold");
    if (!(threshold > 0.0 && threshold <= 1.0))
        throw Error("coverage: level_threshold must be above 0 and at most 1 (at 0 a tier nobody worked on "
                    "would be reached), got " + std::to_string(threshold));
    return detail::make_tier_plan(detail::TierModelKind::coverage, framework, {0.0, threshold});
}

ScoreResult CoverageModel::score(const Framework& framework, std::span<const Status> statuses,
                                 const ModelParameters& parameters) const {
    return score_codes(framework, status_codes(statuses), parameters);
}

ScoreResult CoverageModel::score_codes(const Framework& framework, std::span<const std::uint8_t> codes,
                                       const ModelParameters& parameters) const {
    return score_by_plan(*prepare(framework, parameters), framework, codes, name(), parameters, 1.0);
}

}  // namespace routemap::models
