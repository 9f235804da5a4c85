#include "models.hpp"

#include "scoring/tier_plan.hpp"

namespace routemap::models {

std::string StagedModel::description() const {
    return "Are we there yet? An area reaches a tier it has applicable criteria at when those criteria, and "
           "every applicable criterion of the tiers below, are all met; tiers it does not use are passed "
           "through, never reached on their own. A domain's level is the lowest of its areas', the framework's "
           "the lowest of its domains'.";
}

std::shared_ptr<const ScoringPlan> StagedModel::prepare(const Framework& framework, const ModelParameters&) const {
    return detail::make_tier_plan(detail::TierModelKind::staged, framework, {});
}

ScoreResult StagedModel::score(const Framework& framework, std::span<const Status> statuses,
                               const ModelParameters& parameters) const {
    return score_codes(framework, status_codes(statuses), parameters);
}

ScoreResult StagedModel::score_codes(const Framework& framework, std::span<const std::uint8_t> codes,
                                     const ModelParameters& parameters) const {
    return score_by_plan(*prepare(framework, parameters), framework, codes, name(), parameters,
                         static_cast<double>(framework.tiers().size()));
}

}  // namespace routemap::models
