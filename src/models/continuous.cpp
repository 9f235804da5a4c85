#include "models.hpp"

#include <routemap/error.hpp>

#include "scoring/tier_plan.hpp"

namespace routemap::models {

std::string ContinuousModel::description() const {
    return "Partial credit, like OWASP SAMM: met 1, partial 0.5, not met and unknown 0, an answer of an answer scale "
           "its own credit, not applicable left out. "
           "A tier's completion is the weighted mean credit of its applicable criteria; an area's score adds its "
           "used tiers' completions, each counted for the levels from the used tier below up to it (0 when blank, "
           "the highest used tier when all met); a domain's score is the mean of its areas', the framework's the "
           "mean of its domains'.";
}

ModelParameters ContinuousModel::default_parameters() const {
    return {{"partial_credit", 0.5}, {"level_threshold", 1.0}};
}

std::shared_ptr<const ScoringPlan> ContinuousModel::prepare(const Framework& framework,
                                                           const ModelParameters& parameters) const {
    const double partial = parameters.at("partial_credit"), threshold = parameters.at("level_threshold");
    if (!(partial >= 0.0 && partial <= 1.0))
        throw Error("continuous: partial_credit must be between 0 and 1, got " + std::to_string(partial));
    if (!(threshold > 0.0 && threshold <= 1.0))
        throw Error("continuous: level_threshold must be above 0 and at most 1 (at 0 a tier nobody worked on "
                    "would be reached), got " + std::to_string(threshold));
    return detail::make_tier_plan(detail::TierModelKind::continuous, framework, {partial, threshold});
}

ScoreResult ContinuousModel::score(const Framework& framework, std::span<const Status> statuses,
                               const ModelParameters& parameters) const {
    return score_codes(framework, status_codes(statuses), parameters);
}

ScoreResult ContinuousModel::score_codes(const Framework& framework, std::span<const std::uint8_t> codes,
                                     const ModelParameters& parameters) const {
    return score_by_plan(*prepare(framework, parameters), framework, codes, name(), parameters,
                         static_cast<double>(framework.tiers().size()));
}

}  // namespace routemap::models
