#include <routemap/framework_loader.hpp>

#include <routemap/error.hpp>

#include <iterator>

#include "detail/parallel.hpp"
#include "detail/plain_domains.hpp"
#include "detail/suggest.hpp"
#include "detail/toml_reader.hpp"
#include "detail/framework_reading.hpp"
#include "detail/toml_sections.hpp"
#include "versions/changes.hpp"

namespace routemap {

namespace {

using detail::TomlReader;

// Where the value of `key` is written, when the key is there.
SourceLocation value_at(TomlReader& r, const toml::table& t, std::string_view key) {
    const auto* node = t.get(key);
    return node ? r.where(*node) : SourceLocation{};
}

std::vector<AnswerSpec> read_answers(TomlReader& r, const toml::table& t, const std::string& context) {
    std::vector<AnswerSpec> answers;
    for (const auto* a : r.tables(t, "answers", context, false)) {
        AnswerSpec answer;
        answer.location = r.where(*a);
        answer.id = r.string(*a, "id", "an answer of " + context, true).value_or("");
        answer.id_location = value_at(r, *a, "id");
        const auto where = "answer '" + answer.id + "' of " + context;
        r.unknown_keys(*a, {"id", "name", "description", "credit", "counts_as"}, where);
        answer.name = r.string(*a, "name", where, true).value_or("");
        answer.description = r.string(*a, "description", where, false).value_or("");
        answer.credit = r.number(*a, "credit", where, true).value_or(0.0);
        answer.credit_location = value_at(r, *a, "credit");
        if (const auto meaning = r.string(*a, "counts_as", where, false)) {
            answer.meaning_location = value_at(r, *a, "counts_as");
            const auto status = parse_status(*meaning);
            if (status == Status::met || status == Status::partial || status == Status::not_met) {
                answer.meaning = status;
            } else {
                r.error("answer '" + answer.id + "' of " + context + " counts as '" + *meaning +
                            "': an answer counts as met, partial or not_met" +
                            detail::did_you_mean(*meaning, std::vector<std::string_view>{"met", "partial", "not_met"}),
                        answer.meaning_location);
            }
        }
        answers.push_back(std::move(answer));
    }
    return answers;
}

std::vector<Action> read_actions(TomlReader& r, const toml::table& t, std::string_view key, const std::string& context) {
    std::vector<Action> actions;
    for (const auto* a : r.tables(t, key, context, false)) {
        r.unknown_keys(*a, {"text", "children"}, "an action of " + context);
        Action action;
        action.location = r.where(*a);
        action.text = r.string(*a, "text", "an action of " + context, true).value_or("");
        action.children = read_actions(r, *a, "children", context);
        actions.push_back(std::move(action));
    }
    return actions;
}

CriterionSpec read_criterion(TomlReader& r, const toml::table& t, const std::string& owner) {
    CriterionSpec c;
    c.location = r.where(t);
    c.id = r.string(t, "id", "a criterion of " + owner, true).value_or("");
    c.id_location = value_at(r, t, "id");
    const auto context = c.id.empty() ? "a criterion of " + owner : "criterion '" + c.id + "' of " + owner;
    r.unknown_keys(t, {"id", "tier", "text", "details", "requires", "weight", "tags", "source"}, context);
    c.tier = r.string(t, "tier", context, false).value_or("");
    if (const auto* tier = t.get("tier")) c.tier_location = r.where(*tier);
    c.text = r.string(t, "text", context, true).value_or("");
    c.details = r.strings(t, "details", context);
    c.requires_ids = r.strings(t, "requires", context, &c.requires_locations);
    c.weight = r.number(t, "weight", context, false).value_or(1.0);
    c.weight_location = value_at(r, t, "weight");
    c.tags = r.strings(t, "tags", context);
    c.source = r.string(t, "source", context, false).value_or("");
    return c;
}

AreaSpec read_area(TomlReader& r, const toml::table& t, const std::string& domain) {
    AreaSpec a;
    a.location = r.where(t);
    a.id = r.string(t, "id", "an area of domain '" + domain + "'", true).value_or("");
    a.id_location = value_at(r, t, "id");
    const auto context = "area '" + a.id + "' of domain '" + domain + "'";
    r.unknown_keys(t, {"id", "name", "description", "tiers", "criteria"}, context);
    a.name = r.string(t, "name", context, true).value_or("");
    a.tiers = r.strings(t, "tiers", context, &a.tier_locations);
    if (const auto* tiers = t.get("tiers")) a.tiers_location = r.where(*tiers);
    a.description = r.string(t, "description", context, false).value_or("");
    for (const auto* c : r.tables(t, "criteria", context, true)) a.criteria.push_back(read_criterion(r, *c, context));
    return a;
}

DomainSpec read_domain(TomlReader& r, const toml::table& t) {
    DomainSpec d;
    d.location = r.where(t);
    d.id = r.string(t, "id", "a domain", true).value_or("");
    d.id_location = value_at(r, t, "id");
    const auto context = "domain '" + d.id + "'";
    r.unknown_keys(t, {"id", "name", "step", "summary", "description", "actions", "answers", "areas", "criteria"}, context);
    d.answers = read_answers(r, t, context);
    d.name = r.string(t, "name", context, true).value_or("");
    d.step = r.string(t, "step", context, false).value_or("");
    d.summary = r.string(t, "summary", context, false).value_or("");
    d.description = r.string(t, "description", context, false).value_or("");
    d.actions = read_actions(r, t, "actions", context);
    for (const auto* a : r.tables(t, "areas", context, false)) d.areas.push_back(read_area(r, *a, d.id));
    if (t.get("criteria")) {
        AreaSpec implicit;
        implicit.implicit = true;
        implicit.id = d.id;
        implicit.name = d.name;
        implicit.description = d.description;
        implicit.location = r.where(*t.get("criteria"));
        for (const auto* c : r.tables(t, "criteria", context, false))
            implicit.criteria.push_back(read_criterion(r, *c, context));
        d.areas.push_back(std::move(implicit));
    }
    return d;
}

void read_info(TomlReader& r, const toml::table& t, FrameworkSpec& spec) {
    auto& info = spec.info;
    const std::string context = "[framework]";
    r.unknown_keys(t,
                   {"id", "name", "version", "level", "publisher", "year", "source", "description", "status", "metadata",
                    "implicit_edges"},
                   context);
    info.id = r.string(t, "id", context, true).value_or("");
    spec.id_location = value_at(r, t, "id");
    if (const auto edges = r.string(t, "implicit_edges", context, false)) {
        if (*edges == "previous-tier") spec.implicit_edges = ImplicitEdges::previous_tier;
        else if (*edges == "none") spec.implicit_edges = ImplicitEdges::none;
        else
            r.error("implicit_edges in [framework] is '" + *edges + "': use \"previous-tier\" (each criterion depends on "
                    "the criteria of the nearest lower tier of its area, the default) or \"none\" (only `requires`)" +
                        detail::did_you_mean(*edges, std::vector<std::string_view>{"previous-tier", "none"}),
                    value_at(r, t, "implicit_edges"));
    }
    info.name = r.string(t, "name", context, true).value_or("");
    info.version = r.string(t, "version", context, true).value_or("");
    info.level = r.string(t, "level", context, true).value_or("");
    info.publisher = r.string(t, "publisher", context, true).value_or("");
    if (const auto year = r.integer(t, "year", context, true)) {
        // Kept in an int: a year past 9999 is a typo, and would otherwise be shown cut to 32 bits.
        if (*year < 0 || *year > 9999)
            r.error("year " + std::to_string(*year) + " in [framework] is not a year (expected 0 to 9999)",
                    r.where(*t.get("year")));
        else
            info.year = static_cast<int>(*year);
    }
    info.source = r.string(t, "source", context, true).value_or("");
    info.description = r.string(t, "description", context, false).value_or("");
    info.status = r.string(t, "status", context, false).value_or("published");
    if (const auto* metadata = r.table(t, "metadata", context, false)) {
        for (const auto& [key, value] : *metadata) {
            const std::string k(key.str());
            if (const auto* s = value.as_string()) info.metadata[k] = {s->get()};
            else if (value.is_array()) info.metadata[k] = r.strings(*metadata, k, "[framework.metadata]");
            else r.error("metadata '" + k + "' must be a string or an array of strings", r.where(value));
        }
    }
}

void read_scoring(TomlReader& r, const toml::table& t, ScoringDefaults& scoring) {
    r.unknown_keys(t, {"default_model", "parameters"}, "[scoring]");
    scoring.default_model = r.string(t, "default_model", "[scoring]", false).value_or("staged");
    if (const auto* parameters = r.table(t, "parameters", "[scoring]", false)) {
        for (const auto& [model, table] : *parameters) {
            const std::string name(model.str());
            const auto* values = table.as_table();
            if (!values) {
                r.error("[scoring.parameters." + name + "] must be a table of numbers", r.where(table));
                continue;
            }
            auto& out = scoring.parameters[name];
            for (const auto& [key, value] : *values) {
                if (auto number = r.number(*values, key.str(), "[scoring.parameters." + name + "]", true))
                    out[std::string(key.str())] = *number;
            }
        }
    }
}

}  // namespace

namespace {

// Reads the root of a framework file into `spec`, in one order whatever way the domains were parsed
// (read_domains), so that diagnostics come in the same order. False: stop (a format version this
// routemap does not read).
template <class ReadDomains>
bool read_root(TomlReader& r, const toml::table& root, FrameworkSpec& spec, ReadDomains&& read_domains) {
    r.unknown_keys(root, {"format_version", "framework", "scoring", "tiers", "domains", "changes", "answers"}, "the file");
    if (const auto version = r.integer(root, "format_version", "the file", true)) {
        spec.format_version = static_cast<int>(*version);
        if (*version < 1 || *version > framework_format_version) {
            r.error("unsupported format_version " + std::to_string(*version) + ": this routemap reads format versions 1 to " +
                        std::to_string(framework_format_version),
                    r.where(*root.get("format_version")));
            return false;  // a newer format may mean anything: do not guess
        }
    }
    if (const auto* info = r.table(root, "framework", "the file", true)) {
        spec.location = r.where(*info);
        read_info(r, *info, spec);
    }
    if (const auto* scoring = r.table(root, "scoring", "the file", false)) read_scoring(r, *scoring, spec.scoring);
    for (const auto* t : r.tables(root, "tiers", "the file", true)) {
        TierSpec tier;
        tier.location = r.where(*t);
        tier.id = r.string(*t, "id", "a tier", true).value_or("");
        tier.id_location = value_at(r, *t, "id");
        r.unknown_keys(*t, {"id", "name", "description"}, "tier '" + tier.id + "'");
        tier.name = r.string(*t, "name", "tier '" + tier.id + "'", true).value_or("");
        tier.description = r.string(*t, "description", "tier '" + tier.id + "'", false).value_or("");
        spec.tiers.push_back(std::move(tier));
    }
    spec.answers = read_answers(r, root, "the framework");
    read_domains();
    {
        std::vector<FrameworkChange> changes;  // checked here, read again when migrating (src/versions/)
        detail::read_changes(r, root, changes);
    }
    return true;
}

// The domains of a piece of the file (toml_sections.hpp). False: the piece is not what the whole file
// would make of it (it does not parse alone, or holds more than [[domains]]): read the whole file.
bool read_domain_piece(const detail::TomlPiece& piece, const std::string& file, std::vector<DomainSpec>& domains,
                       std::vector<Diagnostic>& diagnostics) {
    if (auto plain = detail::scan_plain_domains(piece.text, file, piece.line_offset)) {  // nothing to report: no tree needed
        std::move(plain->begin(), plain->end(), std::back_inserter(domains));
        return true;
    }
    const auto root = detail::parse_checked_toml(piece.text, file, piece.line_offset, nullptr);
    if (!root || root->size() != 1) return false;
    const auto* array = root->get_as<toml::array>("domains");
    if (!array) return false;
    TomlReader r(file, diagnostics, piece.line_offset);
    for (const auto& node : *array) {
        const auto* t = node.as_table();
        if (!t) return false;
        domains.push_back(read_domain(r, *t));
    }
    return true;
}

// A big file, read in pieces on several threads. nullopt: read it whole instead (nothing was added to
// `diagnostics`). Otherwise what the whole file's reading gives, diagnostics in the same order.
std::optional<std::optional<FrameworkSpec>> read_split(const detail::TomlSplit& split, const std::string& file,
                                                       std::size_t threads, std::vector<Diagnostic>& diagnostics) {
    struct Part {
        std::vector<DomainSpec> domains;
        std::vector<Diagnostic> diagnostics;
        bool ok = true;
    };
    const auto bounds = detail::piece_bounds(split, threads);
    std::vector<Part> parts(bounds.size() - 1);
    auto read_part = [&](std::size_t p) {
        auto& part = parts[p];
        for (std::size_t i = bounds[p]; i < bounds[p + 1] && part.ok; ++i)
            part.ok = read_domain_piece(split.pieces[i], file, part.domains, part.diagnostics);
    };

    FrameworkSpec spec;
    spec.file = file;
    spec.location = SourceLocation{file, 1, 1};
    std::vector<Diagnostic> root_diagnostics;
    std::size_t domains_at = 0;  // where, among the root's diagnostics, the domains' go
    bool rest_ok = false, supported = true;
    detail::run_parts(parts.size(), [&](std::size_t p) {
        if (p != 0) return read_part(p);
        // The rest of the file, on the caller's thread while the other threads read their domains.
        const auto root = detail::parse_checked_toml(split.rest, file, 0, nullptr);
        if (!root || root->contains("domains")) return;
        rest_ok = true;
        TomlReader r(file, root_diagnostics);
        supported = read_root(r, *root, spec, [&] {
            domains_at = root_diagnostics.size();
            read_part(0);
        });
    });
    // A format version this build does not read stops the reading before the domains: whether the
    // file is even TOML is then for the whole file's parse to say (a piece left unread may not be).
    if (!rest_ok || !supported) return std::nullopt;
    for (const auto& part : parts)
        if (!part.ok) return std::nullopt;

    diagnostics.insert(diagnostics.end(), root_diagnostics.begin(), root_diagnostics.begin() + domains_at);
    for (auto& part : parts) {
        diagnostics.insert(diagnostics.end(), part.diagnostics.begin(), part.diagnostics.end());
        for (auto& d : part.domains) spec.domains.push_back(std::move(d));
    }
    diagnostics.insert(diagnostics.end(), root_diagnostics.begin() + domains_at, root_diagnostics.end());
    return std::optional<FrameworkSpec>{std::move(spec)};
}

}  // namespace

namespace detail {

std::optional<FrameworkSpec> read_framework_spec(std::string_view text, const std::string& source_name,
                                                 std::vector<Diagnostic>& diagnostics, const SplitReading& reading) {
    const auto first = diagnostics.size();
    const auto checked = detail::check_toml(text, source_name, diagnostics);
    if (!checked) return std::nullopt;
    auto name_framework = [&](std::optional<FrameworkSpec> spec) {
        if (spec)
            for (auto i = first; i < diagnostics.size(); ++i) diagnostics[i].framework_id = spec->info.id;
        return spec;
    };
    // Pieces of 64 KiB (the default) keep toml++'s lookup of arrays of tables short and still cost more
    // than a call each.
    if (reading.enabled && !checked->rewritten) {
        const auto threads = reading.threads ? reading.threads : reading_threads(text.size());
        if (const auto split = split_toml(text, checked->headers, "domains", CutAt::array_element, reading.piece_bytes))
            if (auto spec = read_split(*split, source_name, threads, diagnostics)) return name_framework(std::move(*spec));
    }
    const auto root =
        detail::parse_checked_toml(checked->rewritten ? std::string_view(checked->text) : text, source_name, 0, &diagnostics);
    if (!root) return std::nullopt;
    TomlReader r(source_name, diagnostics);
    FrameworkSpec spec;
    spec.file = source_name;
    spec.location = SourceLocation{source_name, 1, 1};
    const bool supported = read_root(r, *root, spec, [&] {
        for (const auto* d : r.tables(*root, "domains", "the file", true)) spec.domains.push_back(read_domain(r, *d));
    });
    if (!supported) return std::nullopt;
    return name_framework(std::move(spec));
}

}  // namespace detail

std::optional<FrameworkSpec> read_framework_spec(std::string_view text, const std::string& source_name,
                                                 std::vector<Diagnostic>& diagnostics) {
    return detail::read_framework_spec(text, source_name, diagnostics, {});
}

namespace {
FrameworkLoadResult build_framework(std::optional<FrameworkSpec> spec, std::vector<Diagnostic> diagnostics) {
    FrameworkLoadResult result;
    result.diagnostics = std::move(diagnostics);
    if (!spec) return result;
    // Schema errors and semantic errors are reported together; build even when the schema step
    // found problems, so that one run shows them all, but never return a framework then.
    const bool schema_ok = !has_errors(result.diagnostics);
    auto framework = Framework::build(std::move(*spec), result.diagnostics);
    if (schema_ok) result.framework = std::move(framework);
    return result;
}
}  // namespace

FrameworkLoadResult try_parse_framework(std::string_view text, const std::string& source_name) {
    std::vector<Diagnostic> diagnostics;
    auto spec = read_framework_spec(text, source_name, diagnostics);
    return build_framework(std::move(spec), std::move(diagnostics));
}

FrameworkLoadResult try_load_framework(const std::filesystem::path& file, const FrameworkCache* cache) {
    std::string text;
    try {
        text = detail::read_text_file(file.string());
    } catch (const Error& e) {
        return FrameworkLoadResult{std::nullopt, e.diagnostics()};
    }
    const auto name = file.string();
    const bool cached = cache && cache->wants(text.size());
    if (cached)
        if (auto spec = cache->find(text, name)) return build_framework(std::move(spec), {});
    std::vector<Diagnostic> diagnostics;
    auto spec = read_framework_spec(text, name, diagnostics);
    // Only a clean reading is kept, so that every message about a file still comes from its text.
    if (cached && spec && diagnostics.empty()) cache->store(text, *spec);
    return build_framework(std::move(spec), std::move(diagnostics));
}

FrameworkLoadResult try_load_framework(const std::filesystem::path& file) {
    const auto cache = FrameworkCache::from_environment();
    return try_load_framework(file, cache ? &*cache : nullptr);
}

namespace {
Framework unwrap(FrameworkLoadResult result) {
    if (!result.framework) throw FrameworkError(std::move(result.diagnostics));
    return std::move(*result.framework);
}
}  // namespace

Framework load_framework(const std::filesystem::path& file) {
    std::error_code ec;  // other failures (a symlink loop, no permission) are reported by the reader
    if (std::filesystem::status(file, ec).type() == std::filesystem::file_type::not_found) {
        // A bare name is most likely a framework id given to the file loader.
        const bool bare = !file.has_parent_path() && file.extension() != ".toml";
        throw IoError("framework file '" + file.string() + "' does not exist" +
                          (bare ? " (to load a framework by id, use Registry::load or routemap.load in Python)" : ""),
                      SourceLocation{file.string(), 0, 0});
    }
    return unwrap(try_load_framework(file));
}

Framework parse_framework(std::string_view text, const std::string& source_name) {
    return unwrap(try_parse_framework(text, source_name));
}

}  // namespace routemap
