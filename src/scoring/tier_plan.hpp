#pragma once
// routemap::detail: not public API.
// The compiled plan shared by the three built-in tier models (staged, continuous, coverage): one
// kernel, so that their rules for unused tiers and not-applicable nodes cannot drift apart.

#include <memory>

#include <routemap/framework.hpp>
#include <routemap/scoring_plan.hpp>

namespace routemap::detail {

enum class TierModelKind { staged, continuous, coverage };

struct TierParameters {
    double partial_credit = 0.5;   // continuous: the credit of a partial criterion
    double level_threshold = 1.0;  // continuous, coverage: the completion a tier needs to be reached
};

std::shared_ptr<const ScoringPlan> make_tier_plan(TierModelKind kind, const Framework& framework,
                                                  const TierParameters& parameters);

}  // namespace routemap::detail
