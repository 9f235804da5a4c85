#pragma once
// The plain, mutable description of a framework: what a TOML file (or a plugin, in code) states.
// Framework::build turns it into an immutable, validated, indexed Framework.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/status.hpp>

namespace routemap {

inline constexpr int framework_format_version = 1;  // the newest framework file format this build reads

struct Action {
    std::string text;
    std::vector<Action> children;
    SourceLocation location;

    friend bool operator==(const Action&, const Action&) = default;
};

struct TierSpec {
    std::string id;
    std::string name;
    std::string description;
    SourceLocation location;
    SourceLocation id_location;  // of the `id` value, when known

    friend bool operator==(const TierSpec&, const TierSpec&) = default;
};

// How the edges inside an area that nobody wrote are made (`implicit_edges` in [framework]).
enum class ImplicitEdges : std::uint8_t {
    previous_tier,  // each criterion depends on every criterion of the nearest lower tier of its area (default)
    none,           // none: the dependencies are the `requires` the file states, and only those
};

// One answer of an answer scale: what an assessment may record for a criterion instead of met,
// partial or not met (`[[answers]]`, or `[[domains.answers]]` for one domain; docs/framework-format.md).
struct AnswerSpec {
    std::string id;
    std::string name;
    std::string description;
    double credit = 0.0;            // 0 to 1: its worth to the continuous and coverage models
    std::optional<Status> meaning;  // met, partial or not_met for the staged model and gap analysis;
                                    // unstated: met at credit 1, not_met at 0, partial between
    SourceLocation location;
    SourceLocation id_location, credit_location, meaning_location;  // of those values, when known

    friend bool operator==(const AnswerSpec&, const AnswerSpec&) = default;
};

struct CriterionSpec {
    std::string id;  // local id inside its area, e.g. "fundamental.2"
    std::string tier;  // empty: the framework's only tier
    SourceLocation tier_location;  // of the `tier` value, when known
    std::string text;
    std::vector<std::string> details;
    std::vector<std::string> requires_ids;  // full ids
    std::vector<SourceLocation> requires_locations;  // parallel to requires_ids when known
    double weight = 1.0;
    std::vector<std::string> tags;
    std::string source;
    SourceLocation location;
    SourceLocation id_location;      // of the `id` value, when known
    SourceLocation weight_location;  // of the `weight` value, when given

    friend bool operator==(const CriterionSpec&, const CriterionSpec&) = default;
};

struct AreaSpec {
    std::string id;  // local id inside its domain; for an implicit area, the domain's id
    std::string name;
    std::string description;
    bool implicit = false;  // criteria held directly by the domain
    // The tiers the area uses, when its author states them (`tiers = [...]`): every criterion must be
    // at one of them and each must have a criterion. Unstated, an area that skips a tier is warned about.
    std::vector<std::string> tiers;
    std::vector<SourceLocation> tier_locations;  // parallel to tiers when known
    SourceLocation tiers_location;               // of the `tiers` key, when given
    std::vector<CriterionSpec> criteria;
    SourceLocation location;
    SourceLocation id_location;  // of the `id` value, when known

    friend bool operator==(const AreaSpec&, const AreaSpec&) = default;
};

struct DomainSpec {
    std::string id;
    std::string name;
    std::string step;  // the matrix's STEP label when it differs from name
    std::string summary;
    std::string description;
    std::vector<Action> actions;
    std::vector<AreaSpec> areas;
    SourceLocation location;
    SourceLocation id_location;  // of the `id` value, when known
    // The domain's own answer scale, replacing the framework's for its criteria (empty: the framework's).
    std::vector<AnswerSpec> answers;

    friend bool operator==(const DomainSpec&, const DomainSpec&) = default;
};

// Parameters of one scoring model, by name (for example band thresholds).
using ModelParameters = std::map<std::string, double>;

struct ScoringDefaults {
    std::string default_model = "staged";
    std::map<std::string, ModelParameters> parameters;  // by model name

    friend bool operator==(const ScoringDefaults&, const ScoringDefaults&) = default;
};

struct FrameworkInfo {
    std::string id;
    std::string name;
    std::string version;
    std::string level;
    std::string publisher;
    int year = 0;
    std::string source;
    std::string description;
    std::string status = "published";
    std::map<std::string, std::vector<std::string>> metadata;

    friend bool operator==(const FrameworkInfo&, const FrameworkInfo&) = default;
};

struct FrameworkSpec {
    int format_version = framework_format_version;
    FrameworkInfo info;
    ScoringDefaults scoring;
    std::vector<TierSpec> tiers;
    std::vector<DomainSpec> domains;
    std::string file;  // where it was read from, if anywhere
    SourceLocation location;  // of the [framework] table
    SourceLocation id_location;  // of its `id` value, when known
    ImplicitEdges implicit_edges = ImplicitEdges::previous_tier;
    // The answer scale of every domain that does not declare its own (empty: the built-in statuses only).
    std::vector<AnswerSpec> answers;

    friend bool operator==(const FrameworkSpec&, const FrameworkSpec&) = default;
};

}  // namespace routemap
