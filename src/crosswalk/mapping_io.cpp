// Mapping files: reading their shape (with positions) and checking their ids against both frameworks.

#include <routemap/crosswalk.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "detail/input_file.hpp"
#include "detail/toml_reader.hpp"

namespace routemap {

std::string_view to_string(Relationship relationship) noexcept {
    switch (relationship) {
        case Relationship::equal: return "equal";
        case Relationship::subset: return "subset";
        case Relationship::superset: return "superset";
        case Relationship::intersects: return "intersects";
    }
    return "intersects";
}

std::optional<Relationship> parse_relationship(std::string_view text) noexcept {
    for (auto r : {Relationship::equal, Relationship::subset, Relationship::superset, Relationship::intersects})
        if (text == to_string(r)) return r;
    return std::nullopt;
}

Relationship inverse(Relationship relationship) noexcept {
    switch (relationship) {
        case Relationship::subset: return Relationship::superset;
        case Relationship::superset: return Relationship::subset;
        default: return relationship;
    }
}

std::string_view to_string(MappingScope scope) noexcept {
    switch (scope) {
        case MappingScope::same: return "same";
        case MappingScope::part: return "part";
        case MappingScope::whole: return "whole";
    }
    return "same";
}

std::string_view to_string(ItemKind kind) noexcept {
    switch (kind) {
        case ItemKind::domain: return "domain";
        case ItemKind::area: return "area";
        case ItemKind::criterion: return "criterion";
    }
    return "criterion";
}

Mapping Mapping::reversed() const {
    Mapping out = *this;
    std::swap(out.from_framework, out.to_framework);
    std::swap(out.from_version, out.to_version);
    out.scope = scope == MappingScope::part ? MappingScope::whole : scope == MappingScope::whole ? MappingScope::part : scope;
    for (auto& link : out.links) {
        std::swap(link.from, link.to);
        link.relationship = inverse(link.relationship);
    }
    return out;
}

namespace {
// True when `item` is `scope` or lies under it ("a.b.c" under "a" and "a.b").
bool within(std::string_view item, std::string_view scope) {
    return item == scope || (item.size() > scope.size() && item.starts_with(scope) && item[scope.size()] == '.');
}
}  // namespace

std::vector<const MappingLink*> Mapping::links_from(std::string_view item) const {
    std::vector<const MappingLink*> out;
    for (const auto& link : links)
        if (within(link.from, item) || within(item, link.from)) out.push_back(&link);
    return out;
}

inline constexpr int mapping_format_version = 1;

Mapping parse_mapping(std::string_view text, const std::string& source_name) {
    std::vector<Diagnostic> diagnostics;
    auto root = detail::parse_toml(text, source_name, diagnostics);
    if (!root) throw FrameworkError(std::move(diagnostics));
    detail::TomlReader r(source_name, diagnostics);
    Mapping m;
    m.file = source_name;
    r.unknown_keys(*root, {"format_version", "mapping", "links"}, "the file");
    if (const auto version = r.integer(*root, "format_version", "the file", true))
        if (*version != mapping_format_version)
            r.error("unsupported format_version " + std::to_string(*version) + ": this routemap reads mapping format version 1",
                    r.where(*root->get("format_version")));
    if (const auto* info = r.table(*root, "mapping", "the file", true)) {
        r.unknown_keys(*info, {"name", "description", "from", "from_version", "to", "to_version", "scope"}, "[mapping]");
        m.name = r.string(*info, "name", "[mapping]", true).value_or("");
        m.description = r.string(*info, "description", "[mapping]", false).value_or("");
        m.from_framework = r.string(*info, "from", "[mapping]", true).value_or("");
        m.from_version = r.string(*info, "from_version", "[mapping]", false).value_or("");
        m.to_framework = r.string(*info, "to", "[mapping]", true).value_or("");
        m.to_version = r.string(*info, "to_version", "[mapping]", false).value_or("");
        if (const auto scope = r.string(*info, "scope", "[mapping]", false)) {
            if (*scope == "same") m.scope = MappingScope::same;
            else if (*scope == "part") m.scope = MappingScope::part;
            else if (*scope == "whole") m.scope = MappingScope::whole;
            else r.error("unknown scope '" + *scope + "' in [mapping]: expected same, part or whole", r.where(*info->get("scope")));
        }
        if (!m.from_framework.empty() && m.from_framework == m.to_framework)
            r.error("[mapping] maps framework '" + m.from_framework + "' to itself", r.where(*info));
    }
    for (const auto* t : r.tables(*root, "links", "the file", true)) {
        MappingLink link;
        link.location = r.where(*t);
        const std::string context = "a link";
        r.unknown_keys(*t, {"from", "to", "relationship", "rationale"}, context);
        link.from = r.string(*t, "from", context, true).value_or("");
        link.to = r.string(*t, "to", context, true).value_or("");
        link.rationale = r.string(*t, "rationale", context, true).value_or("");
        if (const auto rel = r.string(*t, "relationship", context, true)) {
            if (const auto parsed = parse_relationship(*rel)) link.relationship = *parsed;
            else
                r.error("unknown relationship '" + *rel + "' in link '" + link.from + "' -> '" + link.to +
                            "': expected equal, subset, superset or intersects",
                        r.where(*t->get("relationship")));
        }
        if (link.rationale.empty() && t->get("rationale"))
            r.error("link '" + link.from + "' -> '" + link.to + "' has an empty rationale: say why they are related",
                    r.where(*t->get("rationale")));
        m.links.push_back(std::move(link));
    }
    if (has_errors(diagnostics)) throw FrameworkError(std::move(diagnostics));
    return m;
}

Mapping read_mapping(const std::filesystem::path& file) {
    return parse_mapping(detail::read_text_file(file.string()), file.string());
}

std::optional<ItemKind> item_kind(const Framework& framework, std::string_view id) noexcept {
    if (framework.find_criterion(id)) return ItemKind::criterion;
    if (const auto* area = framework.find_area(id); area && !area->implicit) return ItemKind::area;
    if (framework.find_domain(id)) return ItemKind::domain;
    return std::nullopt;
}

namespace {

std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const auto above = row[j];
            row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The closest domain, area or criterion id, when close enough to be a likely typo.
std::string closest_item(const Framework& framework, std::string_view id) {
    if (id.size() > 200) return {};
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(4, id.size() / 4));
    std::string best;
    std::size_t best_distance = limit + 1;
    auto consider = [&](const std::string& candidate) {
        const auto longer = std::max(candidate.size(), id.size()), shorter = std::min(candidate.size(), id.size());
        if (longer - shorter > limit) return;
        if (const auto d = distance(id, candidate); d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    };
    for (const auto& d : framework.domains()) consider(d.id);
    for (const auto& a : framework.areas())
        if (!a.implicit) consider(a.id);
    for (const auto& c : framework.criteria()) consider(c.id);
    return best;
}

void check_side(const Framework& framework, const std::string& id, const char* side, const MappingLink& link,
                std::vector<Diagnostic>& out) {
    if (item_kind(framework, id)) return;
    std::string message = "unknown " + std::string(side) + " item '" + id + "' (not a domain, area or criterion of " +
                          framework.id() + ")";
    if (const auto hint = closest_item(framework, id); !hint.empty()) message += " (did you mean '" + hint + "'?)";
    out.push_back({Severity::error, message, link.location, framework.id(), id});
}

}  // namespace

std::vector<Diagnostic> check_mapping(const Mapping& mapping, const Framework& from, const Framework& to) {
    std::vector<Diagnostic> out;
    const SourceLocation top{mapping.file, 0, 0};
    if (mapping.from_framework != from.id())
        out.push_back({Severity::error, "the mapping is from '" + mapping.from_framework + "', not '" + from.id() + "'", top, from.id(), {}});
    if (mapping.to_framework != to.id())
        out.push_back({Severity::error, "the mapping is to '" + mapping.to_framework + "', not '" + to.id() + "'", top, to.id(), {}});
    if (!mapping.from_version.empty() && mapping.from_version != from.version())
        out.push_back({Severity::error,
                       "the mapping is for " + from.id() + " " + mapping.from_version + ", the framework is version " + from.version(),
                       top, from.id(), {}});
    if (!mapping.to_version.empty() && mapping.to_version != to.version())
        out.push_back({Severity::error,
                       "the mapping is for " + to.id() + " " + mapping.to_version + ", the framework is version " + to.version(),
                       top, to.id(), {}});
    std::map<std::pair<std::string, std::string>, SourceLocation> seen;
    for (const auto& link : mapping.links) {
        check_side(from, link.from, "from", link, out);
        check_side(to, link.to, "to", link, out);
        auto [it, inserted] = seen.try_emplace({link.from, link.to}, link.location);
        if (!inserted)
            out.push_back({Severity::error,
                           "link '" + link.from + "' -> '" + link.to + "' is given twice (first at line " +
                               std::to_string(it->second.line) + ")",
                           link.location, {}, link.from});
    }
    return out;
}

}  // namespace routemap
