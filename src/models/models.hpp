#pragma once
// routemap::detail-level code: the built-in scoring models (formulas in docs/scoring.md). All three
// are tier models: their numbers come from one compiled plan (src/scoring/tier_plan.cpp).

#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>
#include <routemap/scoring_plan.hpp>

namespace routemap::models {

// Level names shared by the tier-based models: "Not yet", then the tiers' names.
std::vector<std::string> tier_level_labels(const Framework& framework);

// One row of codes (statuses, and answers when the framework has answer scales) scored by a plan,
// with the counts, labels and names of a full ScoreResult.
ScoreResult score_by_plan(const ScoringPlan& plan, const Framework& framework, std::span<const std::uint8_t> codes,
                          std::string model, const ModelParameters& parameters, double max_score);
// Statuses as codes.
std::vector<std::uint8_t> status_codes(std::span<const Status> statuses);
// Codes as the statuses they count as (answers as their meanings).
std::vector<Status> code_meanings(const Framework& framework, std::span<const std::uint8_t> codes);

class StagedModel final : public ScoringModel {
public:
    std::string name() const override { return "staged"; }
    std::string description() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
    ScoreResult score_codes(const Framework&, std::span<const std::uint8_t>, const ModelParameters&) const override;
    std::shared_ptr<const ScoringPlan> prepare(const Framework&, const ModelParameters&) const override;
};

class ContinuousModel final : public ScoringModel {
public:
    std::string name() const override { return "continuous"; }
    std::string description() const override;
    ModelParameters default_parameters() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
    ScoreResult score_codes(const Framework&, std::span<const std::uint8_t>, const ModelParameters&) const override;
    std::shared_ptr<const ScoringPlan> prepare(const Framework&, const ModelParameters&) const override;
};

class CoverageModel final : public ScoringModel {
public:
    std::string name() const override { return "coverage"; }
    std::string description() const override;
    ModelParameters default_parameters() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
    ScoreResult score_codes(const Framework&, std::span<const std::uint8_t>, const ModelParameters&) const override;
    std::shared_ptr<const ScoringPlan> prepare(const Framework&, const ModelParameters&) const override;
};

}  // namespace routemap::models
