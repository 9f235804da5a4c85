#pragma once
// Scoring models behind one interface. Built in: staged, continuous, coverage (docs/scoring.md);
// plugins may add more through the Registry.

#include <array>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/framework_spec.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Assessment;
class Framework;
class Registry;

struct StatusCounts {
    std::array<std::size_t, status_count> by_status{};

    [[nodiscard]] std::size_t operator[](Status s) const noexcept { return by_status[static_cast<std::size_t>(s)]; }
    void add(Status s, std::size_t n = 1) noexcept { by_status[static_cast<std::size_t>(s)] += n; }
    void add(const StatusCounts& other) noexcept {
        for (std::size_t i = 0; i < status_count; ++i) by_status[i] += other.by_status[i];
    }
    [[nodiscard]] std::size_t total() const noexcept;
    [[nodiscard]] std::size_t applicable() const noexcept { return total() - (*this)[Status::not_applicable]; }
    friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

// The result for one area, one domain, or the whole framework.
struct ScoreNode {
    std::string id;  // area or domain id; the framework id for the overall node
    std::string name;
    bool applicable = true;  // false when every criterion below is not applicable (then left out of its parent)
    int level = 0;           // 0 = below the first tier / band
    std::string label;       // the level's name (tier or band name; "Not yet" for level 0)
    double score = 0.0;      // on the model's scale, 0..max_score
    double max_score = 0.0;
    std::vector<double> tier_scores;  // per tier, the model's completion (NaN when no applicable criteria)
    StatusCounts counts;
    std::vector<StatusCounts> counts_by_tier;
};

struct ScoreResult {
    std::string model;
    std::string framework_id;
    std::string framework_version;
    ModelParameters parameters;  // as used
    std::vector<std::string> level_labels;  // label of each level, from 0
    ScoreNode overall;
    std::vector<ScoreNode> domains;  // framework order
    std::vector<ScoreNode> areas;    // framework order

    [[nodiscard]] const ScoreNode& area(std::string_view id) const;
    [[nodiscard]] const ScoreNode& domain(std::string_view id) const;
};

class ScoringModel {
public:
    virtual ~ScoringModel() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string description() const = 0;
    // Every parameter the model reads, with its default. Unknown parameters are refused.
    [[nodiscard]] virtual ModelParameters default_parameters() const { return {}; }
    // `statuses` holds one status per criterion in framework order; `parameters` is complete
    // (defaults merged with the framework's and the caller's values).
    [[nodiscard]] virtual ScoreResult score(const Framework& framework, std::span<const Status> statuses,
                                            const ModelParameters& parameters) const = 0;
};

// Defaults, then the framework file's [scoring.parameters.<model>], then `overrides`.
// Throws Error on a parameter the model does not know.
ModelParameters resolve_parameters(const ScoringModel& model, const Framework& framework,
                                   const ModelParameters& overrides = {});

// Scores an assessment (validated against the framework first). An empty model name means the
// framework's default model.
ScoreResult score(const Registry& registry, const Framework& framework, const Assessment& assessment,
                  std::string_view model = {}, const ModelParameters& overrides = {});

std::vector<std::shared_ptr<const ScoringModel>> builtin_models();

// Helpers for model authors: counts per area / domain / overall and per tier, with the
// applicability flags set, so that a model only fills in levels and scores.
ScoreResult make_score_skeleton(const Framework& framework, std::span<const Status> statuses, std::string model,
                                const ModelParameters& parameters);

}  // namespace routemap
