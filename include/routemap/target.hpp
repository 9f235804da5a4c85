#pragma once
// A target: the tier an organisation aims for, for everything or with overrides per domain and area.
//
// TOML form (docs/file-formats.md):
//     tier = "intermediate"            # the default for every area
//     [domains]
//     workforce = "advanced"           # every area of this domain
//     [areas]
//     "understanding.analysis" = "fundamental"   # one area (wins over its domain)

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>

namespace routemap {

class Framework;
struct Area;

struct Target {
    std::string tier;  // tier id; empty = the framework's highest tier
    std::map<std::string, std::string> domains;  // domain id -> tier id
    std::map<std::string, std::string> areas;    // full area id -> tier id

    static Target uniform(std::string tier_id) {
        Target target;
        target.tier = std::move(tier_id);
        return target;
    }
    // Reads the TOML form; throws TargetError with file, line and column.
    static Target parse(std::string_view toml_text, const std::string& source_name = "<string>");
    static Target load(const std::filesystem::path& file);

    // The same target with every tier written as its id: a tier given in another case, or by its name
    // ("Intermediate" for "intermediate"), is matched ignoring ASCII case, as statuses are. Tiers that
    // match nothing are kept as written, for check() to report.
    [[nodiscard]] Target normalised(const Framework& framework) const;
    // Every unknown tier, domain or area, as diagnostics.
    [[nodiscard]] std::vector<Diagnostic> check(const Framework& framework) const;
    // Throws TargetError listing what does not fit the framework.
    void validate(const Framework& framework) const;
    // The target level (1-based tier level) for an area.
    [[nodiscard]] std::size_t level_for(const Framework& framework, const Area& area) const;

    SourceLocation location;  // where it was read, when it was
    std::map<std::string, SourceLocation> locations;  // of each override, by id
};

}  // namespace routemap
