// import_matrix: a maturity matrix kept in a spreadsheet (CSV) as a framework skeleton
// (docs/framework-authoring.md, "Starting from a spreadsheet").

#include <routemap/authoring.hpp>

#include <algorithm>
#include <map>
#include <set>

#include <routemap/framework.hpp>
#include <routemap/limits.hpp>

#include "detail/csv.hpp"
#include "detail/framework_validation.hpp"

namespace routemap {

namespace {

constexpr std::size_t id_words = 6;  // ids made from names keep at most this many words

std::string trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

// Runs of white space (line breaks included) as one space.
std::string one_line(std::string_view text) {
    std::string out;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// An id segment from a name: at most id_words words; "item" when nothing is left.
std::string id_from(std::string_view name, std::string_view fallback) {
    auto id = detail::slug(name);
    std::size_t words = 0;
    for (std::size_t i = 0; i < id.size(); ++i)
        if (id[i] == '-' && ++words == id_words) {
            id.resize(i);
            break;
        }
    if (id.size() > 48) {
        id.resize(48);
        while (!id.empty() && id.back() == '-') id.pop_back();
    }
    return id.empty() ? std::string(fallback) : id;
}

// `id`, or id-2, id-3, ... : the first not in `taken` (which then holds it).
std::string unique(std::string id, std::set<std::string>& taken) {
    if (taken.insert(id).second) return id;
    for (int n = 2;; ++n)
        if (auto candidate = id + "-" + std::to_string(n); taken.insert(candidate).second) return candidate;
}

// The bullets of a cell whose non-empty lines all start with "- ", "* " or "• "; empty otherwise.
std::vector<std::string> bullets(const std::string& cell) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= cell.size()) {
        const auto end = std::min(cell.find('\n', start), cell.size());
        const auto item = trim(std::string_view(cell).substr(start, end - start));
        start = end + 1;
        if (item.empty()) continue;
        std::size_t marker = 0;
        if (item.starts_with("- ") || item.starts_with("* ")) marker = 2;
        else if (item.starts_with("\xE2\x80\xA2")) marker = 3;  // U+2022 BULLET
        if (marker == 0) {
            if (out.empty()) return {};
            out.back() += " " + item;  // a bullet's text going on over another line
            continue;
        }
        out.push_back(trim(item.substr(marker)));
    }
    return out;
}

// Sentences in a text, roughly: ends of sentence followed by a space and a capital letter, or the end.
std::size_t sentences(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        if (i >= 3 && (text.substr(i - 3, 4) == "e.g." || text.substr(i - 3, 4) == "i.e.")) continue;
        if (i + 1 == text.size()) ++n;
        else if (i + 2 < text.size() && text[i + 1] == ' ' && text[i + 2] >= 'A' && text[i + 2] <= 'Z') ++n;
    }
    return std::max<std::size_t>(n, 1);
}

}  // namespace

MatrixImport import_matrix(std::string_view csv_text, const std::string& source_name, const MatrixImportOptions& options) {
    MatrixImport result;
    auto note = [&](std::string message, std::uint32_t line = 0, std::uint32_t column = 0) {
        result.notes.push_back({Severity::warning, std::move(message), {source_name, line, column}, {}, {}});
    };
    auto fail = [&](std::string message, std::uint32_t line = 0, std::uint32_t column = 0) {
        result.notes.push_back({Severity::error, std::move(message), {source_name, line, column}, {}, {}});
    };
    if (csv_text.size() > limits::max_file_bytes) {
        fail("the file is larger than routemap's limit of " + std::to_string(limits::max_file_bytes) + " bytes");
        return result;
    }
    if (const auto bad = detail::find_invalid_utf8(csv_text)) {
        fail("malformed CSV: " + bad->message + " (save the spreadsheet as CSV UTF-8)", bad->line, bad->column);
        return result;
    }
    const auto table = detail::parse_csv(csv_text);
    for (const auto& p : table.problems) fail("malformed CSV: " + p.message, p.line, p.column);
    if (!table.problems.empty()) return result;
    if (table.rows.empty()) {
        fail("the file is empty: expected a header row (step or domain, area, then one column per tier)", 1, 1);
        return result;
    }
    const auto& header = table.rows.front();
    if (header.fields.size() < 3) {
        fail("the header has " + std::to_string(header.fields.size()) +
                 " columns: a matrix needs a step or domain column, an area column and at least one tier column",
             header.line, 1);
        return result;
    }
    auto cell = [](const detail::CsvField& f) { return trim(detail::restore_formula(f.value)); };

    FrameworkSpec spec;
    auto& info = spec.info;
    info.name = options.name;
    info.id = options.id;
    if (info.id.empty()) {
        auto base = std::string(source_name);
        if (const auto slash = base.find_last_of('/'); slash != std::string::npos) base.erase(0, slash + 1);
        if (const auto dot = base.rfind('.'); dot != std::string::npos && dot > 0) base.erase(dot);
        info.id = id_from(info.name.empty() ? base : info.name, "imported-matrix");
        while (!info.id.empty() && !(info.id.front() >= 'a' && info.id.front() <= 'z')) info.id.erase(0, 1);
        if (!info.id.empty() && info.id.front() == '-') info.id.erase(0, 1);
        if (info.id.empty()) info.id = "imported-matrix";
        note("framework id '" + info.id + "' made from the " + (info.name.empty() ? "file name" : "name") +
             ": give --id to choose another");
    }
    if (info.name.empty()) info.name = info.id;
    info.version = "0.1.0";
    info.level = "to be completed";
    info.publisher = "to be completed";
    info.year = 0;
    info.source = "to be completed: the citation of the matrix (imported from " + source_name + ")";
    info.status = "draft";
    note("the framework is a draft: complete version, level, publisher, year and source in [framework]");

    std::set<std::string> tier_ids;
    for (std::size_t c = 2; c < header.fields.size(); ++c) {
        const auto name = one_line(cell(header.fields[c]));
        TierSpec tier;
        tier.name = name.empty() ? "Tier " + std::to_string(c - 1) : name;
        tier.id = unique(id_from(tier.name, "tier"), tier_ids);
        if (name.empty())
            note("tier column " + std::to_string(c + 1) + " has no name in the header: called '" + tier.name + "'",
                 header.fields[c].line, header.fields[c].column);
        spec.tiers.push_back(std::move(tier));
    }
    {
        std::string tiers;
        for (const auto& t : spec.tiers) tiers += (tiers.empty() ? "" : ", ") + t.name;
        note("tiers, lowest first, from the header: " + tiers + " (reorder the [[tiers]] if the columns were not)",
             header.line, 3);
    }

    std::set<std::string> domain_ids;
    std::map<std::string, std::set<std::string>> area_ids;  // by domain id
    DomainSpec* domain = nullptr;
    AreaSpec* area = nullptr;
    std::vector<std::map<std::size_t, std::size_t>> counts;  // per area (flat), per tier: criteria so far
    std::size_t split_cells = 0, long_cells = 0;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.fields.size() > header.fields.size()) {
            fail("row " + std::to_string(r) + " (line " + std::to_string(row.line) + ") has " +
                     std::to_string(row.fields.size()) + " cells, more than the header's " +
                     std::to_string(header.fields.size()),
                 row.line, row.fields[header.fields.size()].column);
            continue;
        }
        const bool empty = std::all_of(row.fields.begin(), row.fields.end(), [&](const auto& f) { return cell(f).empty(); });
        if (empty) continue;
        const auto step = one_line(cell(row.fields[0]));
        const auto area_name = row.fields.size() > 1 ? one_line(cell(row.fields[1])) : std::string();
        if (!step.empty() && (!domain || step != domain->name)) {
            spec.domains.emplace_back();
            domain = &spec.domains.back();
            domain->name = step;
            domain->id = unique(id_from(step, "domain"), domain_ids);
            domain->location = {source_name, row.line, row.fields[0].column};
            area = nullptr;
        }
        if (!domain) {
            fail("row " + std::to_string(r) + " (line " + std::to_string(row.line) +
                     ") has no step or domain, and no row above it has one",
                 row.line, 1);
            continue;
        }
        if (!area_name.empty() || !area) {
            domain->areas.emplace_back();
            area = &domain->areas.back();
            area->name = area_name.empty() ? domain->name : area_name;
            area->id = unique(id_from(area->name, "area"), area_ids[domain->id]);
            area->location = {source_name, row.line, row.fields.size() > 1 ? row.fields[1].column : 1};
            counts.emplace_back();
            if (area_name.empty())
                note("row " + std::to_string(r) + " has no area: its cells make an area named after its domain ('" +
                         domain->name + "')",
                     row.line, 1);
        } else if (area_name.empty()) {
            note("row " + std::to_string(r) + " has no area: its cells are added to the area above ('" + area->name + "')",
                 row.line, 1);
        }
        for (std::size_t c = 2; c < row.fields.size(); ++c) {
            const auto text = cell(row.fields[c]);
            if (text.empty()) continue;
            const auto tier = c - 2;
            auto items = bullets(text);
            const bool listed = !items.empty();
            if (!listed) items = {one_line(text)};
            if (listed && items.size() > 1) ++split_cells;
            for (const auto& item : items) {
                CriterionSpec criterion;
                criterion.tier = spec.tiers[tier].id;
                criterion.id = criterion.tier + "." + std::to_string(++counts.back()[tier]);
                criterion.text = one_line(item);
                criterion.location = {source_name, row.fields[c].line, row.fields[c].column};
                if (!listed && sentences(criterion.text) > 1) {
                    if (long_cells++ < 20)
                        note("the cell of '" + area->name + "' at " + spec.tiers[tier].name + " holds " +
                                 std::to_string(sentences(criterion.text)) +
                                 " sentences, imported as one criterion: split it if they can be met apart",
                             row.fields[c].line, row.fields[c].column);
                }
                area->criteria.push_back(std::move(criterion));
            }
        }
    }
    if (long_cells > 20) note(std::to_string(long_cells - 20) + " more cells hold several sentences");
    if (split_cells) note(std::to_string(split_cells) + " cells held bullet lists: one criterion per bullet");
    // What a framework must have, and what an author should look at.
    for (auto& d : spec.domains) {
        std::erase_if(d.areas, [&](const AreaSpec& a) {
            if (!a.criteria.empty()) return false;
            note("area '" + a.name + "' of '" + d.name + "' has no cells: left out", a.location.line, a.location.column);
            return true;
        });
        for (const auto& a : d.areas) {
            std::vector<bool> used(spec.tiers.size());
            for (const auto& c : a.criteria)
                for (std::size_t t = 0; t < spec.tiers.size(); ++t) used[t] = used[t] || spec.tiers[t].id == c.tier;
            std::string missing;
            for (std::size_t t = 0; t < used.size(); ++t)
                if (!used[t]) missing += (missing.empty() ? "" : ", ") + spec.tiers[t].id;
            if (!missing.empty())
                note("area '" + d.id + "." + a.id + "' has no cell at " + missing +
                         ": if that is on purpose, say so with `tiers = [...]` in the area",
                     a.location.line, a.location.column);
        }
    }
    std::erase_if(spec.domains, [](const DomainSpec& d) { return d.areas.empty(); });
    if (spec.domains.empty()) fail("the matrix has no cells below its header: nothing to import", header.line, 1);
    note("ids were made from the names (domains, areas, tiers) and criteria numbered TIER.N in each area: read them "
         "over before anyone records an assessment, since assessments name criteria by id");
    note("no `requires` were made: criteria of each area depend on those of the tier below (implicit edges); add "
         "dependencies across areas, or set implicit_edges = \"none\" and state them all");
    if (has_errors(result.notes)) return result;

    // The skeleton must load: checked here, so that nothing invalid is ever written.
    std::vector<Diagnostic> problems;
    const auto built = Framework::build(spec, problems);
    for (auto& p : problems)
        if (p.severity == Severity::error) result.notes.push_back(std::move(p));
    if (!built) return result;
    result.spec = std::move(spec);
    result.toml = format_framework_spec(result.spec);
    return result;
}

}  // namespace routemap
