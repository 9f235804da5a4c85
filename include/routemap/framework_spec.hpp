#pragma once
// The plain, mutable description of a framework: what a TOML file (or a plugin, in code) states.
// Framework::build turns it into an immutable, validated, indexed Framework.

#include <map>
#include <string>
#include <vector>

#include <routemap/diagnostic.hpp>

namespace routemap {

inline constexpr int framework_format_version = 1;  // the newest framework file format this build reads

struct Action {
    std::string text;
    std::vector<Action> children;
    SourceLocation location;
};

struct TierSpec {
    std::string id;
    std::string name;
    std::string description;
    SourceLocation location;
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
};

// Parameters of one scoring model, by name (for example band thresholds).
using ModelParameters = std::map<std::string, double>;

struct ScoringDefaults {
    std::string default_model = "staged";
    std::map<std::string, ModelParameters> parameters;  // by model name
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
};

struct FrameworkSpec {
    int format_version = framework_format_version;
    FrameworkInfo info;
    ScoringDefaults scoring;
    std::vector<TierSpec> tiers;
    std::vector<DomainSpec> domains;
    std::string file;  // where it was read from, if anywhere
    SourceLocation location;  // of the [framework] table
};

}  // namespace routemap
