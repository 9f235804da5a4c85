#pragma once
// routemap::detail-level code: the built-in scoring models (formulas in docs/scoring.md).

#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>

namespace routemap::models {

// Level names shared by the tier-based models: "Not yet", then the tiers' names.
std::vector<std::string> tier_level_labels(const Framework& framework);

// For models that combine children into parents: a domain's area nodes, and all domain nodes.
std::vector<const ScoreNode*> area_nodes(const ScoreResult& result, const Framework& framework, const Domain& domain);
std::vector<const ScoreNode*> domain_nodes(const ScoreResult& result);
// Sets every node's label from result.level_labels and its level.
void label_levels(ScoreResult& result);

class StagedModel final : public ScoringModel {
public:
    std::string name() const override { return "staged"; }
    std::string description() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
};

class ContinuousModel final : public ScoringModel {
public:
    std::string name() const override { return "continuous"; }
    std::string description() const override;
    ModelParameters default_parameters() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
};

class CoverageModel final : public ScoringModel {
public:
    std::string name() const override { return "coverage"; }
    std::string description() const override;
    ModelParameters default_parameters() const override;
    ScoreResult score(const Framework&, std::span<const Status>, const ModelParameters&) const override;
};

}  // namespace routemap::models
