#include <routemap/target.hpp>

#include <algorithm>
#include <cctype>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "detail/toml_reader.hpp"

namespace routemap {

Target Target::parse(std::string_view text, const std::string& source_name) {
    std::vector<Diagnostic> problems;
    auto root = detail::parse_toml(text, source_name, problems);
    if (!root) throw TargetError(std::move(problems));
    detail::TomlReader r(source_name, problems);
    Target target;
    target.location = SourceLocation{source_name, 1, 1};
    r.unknown_keys(*root, {"tier", "domains", "areas"}, "the target file");
    target.tier = r.string(*root, "tier", "the target file", false).value_or("");
    // An unknown tier is reported where it is written, not at 1:1.
    if (const auto* tier = root->get("tier")) target.location = r.where(*tier);
    for (const auto* key : {"domains", "areas"}) {
        const auto* table = r.table(*root, key, "the target file", false);
        if (!table) continue;
        auto& out = std::string_view(key) == "domains" ? target.domains : target.areas;
        for (const auto& [id, value] : *table) {
            const std::string name(id.str());
            if (const auto* s = value.as_string()) {
                out[name] = s->get();
                target.locations[name] = r.where(value);
            } else {
                r.error("target for '" + name + "' must be a tier id (a string)", r.where(value));
            }
        }
    }
    // Unknown keys are warnings elsewhere; in a target a typo silently changes the goal, so refuse it.
    for (auto& d : problems) d.severity = Severity::error;
    if (!problems.empty()) throw TargetError(std::move(problems));
    return target;
}

Target Target::load(const std::filesystem::path& file) {
    return parse(detail::read_text_file(file.string()), file.string());
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string tier_id_for(const Framework& framework, const std::string& written) {
    if (written.empty() || framework.find_tier(written)) return written;
    for (const auto& tier : framework.tiers())
        if (equal_ignoring_case(tier.id, written) || equal_ignoring_case(tier.name, written)) return tier.id;
    return written;
}

}  // namespace

Target Target::normalised(const Framework& framework) const {
    Target out = *this;
    out.tier = tier_id_for(framework, tier);
    for (auto& [id, t] : out.domains) t = tier_id_for(framework, t);
    for (auto& [id, t] : out.areas) t = tier_id_for(framework, t);
    return out;
}

std::vector<Diagnostic> Target::check(const Framework& framework) const {
    std::vector<Diagnostic> out;
    auto where = [&](const std::string& id) {
        const auto it = locations.find(id);
        return it == locations.end() ? location : it->second;
    };
    auto check_tier = [&](const std::string& tier, const std::string& what, const SourceLocation& at) {
        if (tier.empty() || framework.find_tier(tier)) return;
        std::string known;
        for (const auto& t : framework.tiers()) known += (known.empty() ? "" : ", ") + t.id;
        out.push_back({Severity::error, "unknown tier '" + tier + "' in target" + what + " (tiers of '" + framework.id() +
                                            "': " + known + ")",
                       at, framework.id(), {}});
    };
    check_tier(tier, "", location);
    for (const auto& [id, t] : domains) {
        if (!framework.find_domain(id))
            out.push_back({Severity::error, "unknown domain '" + id + "' in target", where(id), framework.id(), {}});
        check_tier(t, " for domain '" + id + "'", where(id));
    }
    for (const auto& [id, t] : areas) {
        if (!framework.find_area(id))
            out.push_back({Severity::error, "unknown area '" + id + "' in target", where(id), framework.id(), {}});
        check_tier(t, " for area '" + id + "'", where(id));
    }
    return out;
}

void Target::validate(const Framework& framework) const {
    if (auto problems = check(framework); !problems.empty()) throw TargetError(std::move(problems));
}

std::size_t Target::level_for(const Framework& framework, const Area& area) const {
    auto level_of = [&](const std::string& tier_id) -> std::size_t { return framework.tier(tier_id).index + 1; };
    if (const auto it = areas.find(area.id); it != areas.end()) return level_of(it->second);
    const auto& domain = framework.domains()[area.domain];
    if (const auto it = domains.find(domain.id); it != domains.end()) return level_of(it->second);
    return tier.empty() ? framework.tiers().size() : level_of(tier);
}

}  // namespace routemap
