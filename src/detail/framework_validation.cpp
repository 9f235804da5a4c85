#include "framework_validation.hpp"

#include <regex>

namespace routemap::detail {

bool is_framework_id(const std::string& id) {
    static const std::regex pattern("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    return std::regex_match(id, pattern);
}

bool is_id_segment(const std::string& id) {
    static const std::regex pattern("^[a-z0-9]+(-[a-z0-9]+)*$");
    return std::regex_match(id, pattern);
}

bool is_local_criterion_id(const std::string& id) {
    static const std::regex pattern("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*$");
    return std::regex_match(id, pattern);
}

FrameworkValidator::FrameworkValidator(const FrameworkSpec& spec, std::vector<Diagnostic>& out)
    : spec_(spec), out_(&out) {
    if (spec.format_version < 1 || spec.format_version > framework_format_version)
        error("unsupported format_version " + std::to_string(spec.format_version) + " (this routemap reads 1 to " +
                  std::to_string(framework_format_version) + ")",
              spec.location);
    if (!is_framework_id(spec.info.id))
        error("bad framework id '" + spec.info.id + "': use lowercase letters, digits and single hyphens", spec.location);
    if (spec.tiers.empty()) error("a framework needs at least one tier", spec.location);
    if (spec.domains.empty()) error("a framework needs at least one domain", spec.location);
    if (spec.info.status != "published" && spec.info.status != "draft")
        error("framework status must be 'published' or 'draft', not '" + spec.info.status + "'", spec.location);
}

SourceLocation FrameworkValidator::at(const SourceLocation& where) const {
    if (!where.file.empty() || spec_.file.empty()) return where;
    SourceLocation located = where;
    located.file = spec_.file;
    return located;
}

void FrameworkValidator::error(std::string message, const SourceLocation& where, std::string criterion) {
    out_->push_back(Diagnostic{Severity::error, std::move(message), at(where), spec_.info.id, std::move(criterion)});
}

void FrameworkValidator::warning(std::string message, const SourceLocation& where, std::string criterion) {
    out_->push_back(Diagnostic{Severity::warning, std::move(message), at(where), spec_.info.id, std::move(criterion)});
}

std::vector<Diagnostic> FrameworkValidator::warnings() const {
    std::vector<Diagnostic> out;
    for (const auto& d : *out_)
        if (d.severity == Severity::warning) out.push_back(d);
    return out;
}

bool FrameworkValidator::check_unique(std::unordered_map<std::string, SourceLocation>& seen, const std::string& what,
                                      const std::string& id, const SourceLocation& where, const std::string& criterion) {
    const auto [it, inserted] = seen.emplace(id, at(where));
    if (inserted) return true;
    error("duplicate " + what + " id '" + id + "' (first defined at " + to_string(it->second) + ")", where, criterion);
    return false;
}

bool FrameworkValidator::add_tier(const TierSpec& tier) {
    if (!is_id_segment(tier.id)) {
        error("bad tier id '" + tier.id + "': use lowercase letters, digits and single hyphens", tier.location);
        return false;
    }
    return check_unique(tiers_, "tier", tier.id, tier.location);
}

bool FrameworkValidator::add_domain(const DomainSpec& domain) {
    bool ok = true;
    if (!is_id_segment(domain.id)) {
        error("bad domain id '" + domain.id + "': use lowercase letters, digits and single hyphens", domain.location);
        ok = false;
    }
    if (ok) ok = check_unique(domains_, "domain", domain.id, domain.location);
    if (domain.areas.empty()) error("domain '" + domain.id + "' has no areas and no criteria", domain.location);
    const bool has_implicit = std::any_of(domain.areas.begin(), domain.areas.end(), [](auto& a) { return a.implicit; });
    if (has_implicit && domain.areas.size() > 1)
        error("domain '" + domain.id + "' has both `areas` and `criteria`: use one or the other", domain.location);
    return ok;
}

bool FrameworkValidator::add_area(const DomainSpec& domain, const AreaSpec& area, const std::string& full_id) {
    if (!area.implicit && !is_id_segment(area.id)) {
        error("bad area id '" + area.id + "': use lowercase letters, digits and single hyphens", area.location);
        return false;
    }
    if (!check_unique(areas_, "area", full_id, area.location)) return false;
    if (area.criteria.empty()) {
        if (area.implicit)
            error("domain '" + domain.id + "' has an empty `criteria` array", area.location);
        else
            error("area '" + full_id + "' has no criteria", area.location);
    }
    return true;
}

std::optional<std::size_t> FrameworkValidator::add_criterion(const CriterionSpec& c, const std::string& full_id,
                                                             const IdIndex& tiers,
                                                             std::size_t tier_count) {
    bool ok = true;
    if (!is_local_criterion_id(c.id)) {
        error("bad criterion id '" + c.id + "': use id segments (lowercase letters, digits, hyphens) joined by dots",
              c.location, full_id);
        ok = false;
    }
    if (ok && !check_unique(criteria_, "criterion", full_id, c.location, full_id)) ok = false;
    if (!(c.weight > 0.0)) {
        // Reported, but the criterion stays in the graph so that its other problems are found too.
        error("criterion '" + full_id + "' has weight " + std::to_string(c.weight) + ": weights must be positive",
              c.location, full_id);
    }
    if (c.text.empty()) error("criterion '" + full_id + "' has empty text", c.location, full_id);
    std::optional<std::size_t> tier;
    if (c.tier.empty()) {
        if (tier_count == 1) tier = 0;
        else {
            error("criterion '" + full_id + "' has no tier (required when a framework has more than one tier)",
                  c.location, full_id);
        }
    } else if (const auto it = tiers.find(c.tier); it != tiers.end()) {
        tier = it->second;
    } else {
        std::string known;
        for (const auto& t : spec_.tiers) known += (known.empty() ? "" : ", ") + t.id;
        error("criterion '" + full_id + "' names unknown tier '" + c.tier + "' (known tiers: " + known + ")",
              c.tier_location.known() ? c.tier_location : c.location, full_id);
    }
    if (ok && tier) specs_.emplace(full_id, &c);
    return ok ? tier : std::nullopt;
}

std::vector<DependencyEdge> FrameworkValidator::edges(const std::vector<Criterion>& criteria,
                                                      const std::vector<Area>& areas,
                                                      const IdIndex& index) {
    std::vector<DependencyEdge> edges;
    // Implicit: each criterion depends on every criterion of the nearest lower tier present in its area.
    for (const auto& area : areas) {
        const auto first = area.first_criterion, last = area.first_criterion + area.criterion_count;
        for (auto i = first; i < last; ++i) {
            std::optional<std::size_t> below;
            for (auto j = first; j < last; ++j)
                if (criteria[j].tier < criteria[i].tier && (!below || criteria[j].tier > *below)) below = criteria[j].tier;
            if (!below) continue;
            for (auto j = first; j < last; ++j)
                if (criteria[j].tier == *below) edges.push_back({i, j, EdgeKind::implicit_tier});
        }
    }
    for (const auto& c : criteria) {
        const auto* spec = specs_.at(c.id);
        for (std::size_t k = 0; k < c.requires_ids.size(); ++k) {
            const auto& target = c.requires_ids[k];
            const auto where = k < spec->requires_locations.size() ? spec->requires_locations[k] : c.location;
            const auto it = index.find(target);
            if (it == index.end()) {
                error("criterion '" + c.id + "' requires unknown criterion '" + target + "'", where, c.id);
                continue;
            }
            const auto& required = criteria[it->second];
            if (required.area == c.area && required.tier > c.tier)
                warning("criterion '" + c.id + "' requires '" + required.id +
                            "', which is of a higher tier in the same area",
                        where, c.id);
            edges.push_back({c.index, required.index, EdgeKind::explicit_requires});
        }
    }
    return edges;
}

void FrameworkValidator::check_cycle(const DependencyGraph& graph, const std::vector<Criterion>& criteria) {
    const auto cycle = graph.find_cycle();
    if (!cycle) return;
    std::string path;
    for (const auto i : *cycle) path += criteria[i].id + " -> ";
    path += criteria[cycle->front()].id;
    error("dependency cycle: " + path, criteria[cycle->front()].location, criteria[cycle->front()].id);
}

std::vector<std::size_t> FrameworkValidator::area_tiers(const AreaSpec& spec, const std::string& area_id,
                                                       std::span<const Criterion> criteria,
                                                       const IdIndex& tier_index) {
    const auto tier_count = spec_.tiers.size();
    std::vector<bool> used(tier_count, false);
    for (const auto& c : criteria)
        if (c.tier < tier_count) used[c.tier] = true;
    auto tier_list = [&](const std::vector<std::size_t>& indices) {
        std::string out;
        for (const auto t : indices) out += (out.empty() ? "" : ", ") + spec_.tiers[t].id;
        return out;
    };
    if (spec.tiers.empty()) {
        if (spec.implicit || tier_count < 2 || criteria.empty()) return {};
        std::vector<std::size_t> skipped;
        for (std::size_t t = 0; t < tier_count; ++t)
            if (!used[t]) skipped.push_back(t);
        if (!skipped.empty())
            warning("area '" + area_id + "' has no criteria at tier" + (skipped.size() > 1 ? "s " : " ") +
                        tier_list(skipped) + ": it passes through " + (skipped.size() > 1 ? "them" : "it") +
                        " on its way up and can never reach " + (skipped.size() > 1 ? "them" : "it") +
                        " on its own. If that is on purpose, say so with `tiers = [...]` in the area",
                    spec.location);
        return {};
    }
    std::vector<std::size_t> declared;
    std::vector<bool> is_declared(tier_count, false);
    for (std::size_t k = 0; k < spec.tiers.size(); ++k) {
        const auto where = k < spec.tier_locations.size() ? spec.tier_locations[k] : spec.tiers_location;
        const auto it = tier_index.find(spec.tiers[k]);
        if (it == tier_index.end()) {
            std::string known;
            for (const auto& t : spec_.tiers) known += (known.empty() ? "" : ", ") + t.id;
            error("area '" + area_id + "' declares unknown tier '" + spec.tiers[k] + "' (known tiers: " + known + ")", where);
            continue;
        }
        if (is_declared[it->second]) {
            error("area '" + area_id + "' declares tier '" + spec.tiers[k] + "' twice", where);
            continue;
        }
        is_declared[it->second] = true;
        declared.push_back(it->second);
        if (!used[it->second])
            error("area '" + area_id + "' declares tier '" + spec.tiers[k] + "' but has no criterion at it", where);
    }
    for (const auto& c : criteria)
        if (c.tier < tier_count && !is_declared[c.tier])
            error("criterion '" + c.id + "' is at tier '" + spec_.tiers[c.tier].id + "', which its area '" + area_id +
                      "' does not declare (tiers = [" + tier_list(declared) + "])",
                  c.location, c.id);
    std::sort(declared.begin(), declared.end());
    return declared;
}

}  // namespace routemap::detail
