#pragma once
// Scoring models behind one interface. Built in: staged, continuous, coverage (docs/scoring.md);
// plugins may add more through the Registry.
//
// One meaning everywhere: an area can only *reach* a tier at which it has an applicable criterion
// (tiers it does not use are passed through, never reached on their own), so a blank assessment is
// level 0 and scores 0 in every built-in model; and a node whose criteria are all not applicable has
// no level and no score (level not_applicable_level, score NaN, label "Not applicable").

#include <array>
#include <cstdint>
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
class ScoringPlan;

// The level of a node that is not applicable: never a real level (levels run from 0).
inline constexpr int not_applicable_level = -1;
// At or above this share of applicable criteria still unknown, the CLI and the report warn that an
// assessment is incomplete: unknown counts as not met, so its levels and scores are a floor.
inline constexpr double incomplete_unknown_share = 0.2;
inline constexpr std::string_view not_applicable_label = "Not applicable";

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
    int level = 0;           // 0 = below the first tier / band; not_applicable_level when !applicable
    std::string label;       // the level's name ("Not yet" for level 0, "Not applicable")
    double score = 0.0;      // on the model's scale, 0..max_score; NaN when !applicable
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
    // (defaults merged with the framework's and the caller's values). Must be safe to call from
    // several threads at once (score_many does).
    [[nodiscard]] virtual ScoreResult score(const Framework& framework, std::span<const Status> statuses,
                                            const ModelParameters& parameters) const = 0;
    // The same for one code per criterion (Assessment::codes: the statuses' codes, and answer codes
    // when the framework has answer scales). The default gives score() each answer's meaning; the
    // built-in models use the answers' credits.
    [[nodiscard]] virtual ScoreResult score_codes(const Framework& framework, std::span<const std::uint8_t> codes,
                                                  const ModelParameters& parameters) const;
    // A compiled plan for scoring many rows of this framework with these parameters (batch.hpp), or
    // nullptr when the model has none; score_many then calls score() row by row. Models that have a
    // plan compute score() with it too, so that single and batch scoring cannot disagree.
    [[nodiscard]] virtual std::shared_ptr<const ScoringPlan> prepare(const Framework& framework,
                                                                     const ModelParameters& parameters) const;
};

// Defaults, then the framework file's [scoring.parameters.<model>], then `overrides`.
// Throws Error on a parameter the model does not know.
ModelParameters resolve_parameters(const ScoringModel& model, const Framework& framework,
                                   const ModelParameters& overrides = {});

// Scores an assessment (validated against the framework first). An empty model name means the
// framework's default model.
ScoreResult score(const Registry& registry, const Framework& framework, const Assessment& assessment,
                  std::string_view model = {}, const ModelParameters& overrides = {});
// Scores one status per criterion (framework order) with a model; the result's not-applicable nodes
// are normalised (level not_applicable_level, NaN score, "Not applicable") whatever the model did.
ScoreResult score_statuses(const ScoringModel& model, const Framework& framework, std::span<const Status> statuses,
                           const ModelParameters& parameters);
// The same for codes (Assessment::codes; answers included). Throws Error on a code the criterion
// does not accept.
ScoreResult score_codes(const ScoringModel& model, const Framework& framework, std::span<const std::uint8_t> codes,
                        const ModelParameters& parameters);

std::vector<std::shared_ptr<const ScoringModel>> builtin_models();

// Helpers for model authors: counts per area / domain / overall and per tier, with the
// applicability flags set (and not-applicable nodes already at not_applicable_level, NaN score and
// "Not applicable"), so that a model only fills in levels and scores of applicable nodes.
ScoreResult make_score_skeleton(const Framework& framework, std::span<const Status> statuses, std::string model,
                                const ModelParameters& parameters);
// Sets every applicable node's label from result.level_labels and its level (levels outside the
// labels are an Error), and enforces the not-applicable rule on the others.
void label_levels(ScoreResult& result);

}  // namespace routemap
