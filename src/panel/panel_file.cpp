// One file holding each rater's status per criterion (docs/file-formats.md, "One file for a panel"):
// read into one ordinary Assessment per rater, so that everything else sees ordinary ratings.

#include <cstdio>
#include <set>

#include <routemap/error.hpp>
#include <routemap/panel.hpp>

#include "detail/input_file.hpp"
#include "detail/toml_reader.hpp"

namespace routemap {

namespace {

std::string date_of(detail::TomlReader& r, const toml::table& t) {
    const auto* n = t.get("date");
    if (!n) return {};
    if (const auto* d = n->as_date()) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", unsigned(d->get().year) % 10000u, unsigned(d->get().month),
                      unsigned(d->get().day));
        return buffer;
    }
    auto date = r.string(t, "date", "[panel]", false).value_or("");
    if (!date.empty() && !is_iso_date(date)) r.error("key 'date' in [panel] must be a real day as YYYY-MM-DD, not '" + date + "'", r.where(*n));
    return date;
}

// An array of one string per rater (or nothing when the key is absent).
std::vector<std::string> per_rater(detail::TomlReader& r, const toml::table& t, std::string_view key, const std::string& id,
                                   std::size_t raters) {
    const auto* n = t.get(key);
    if (!n) return {};
    const auto context = "criterion '" + id + "'";
    auto values = r.strings(t, key, context);
    if (values.size() != raters) {
        r.error("key '" + std::string(key) + "' of " + context + " needs one entry per rater (" + std::to_string(raters) +
                    "), not " + std::to_string(values.size()),
                r.where(*n), id);
        return {};
    }
    return values;
}

}  // namespace

std::vector<Assessment> parse_panel_file(std::string_view text, const std::string& source_name) {
    std::vector<Diagnostic> problems;
    auto root = detail::parse_toml(text, source_name, problems);
    if (!root) throw AssessmentError(problems);
    detail::TomlReader r(source_name, problems);
    const auto version = r.integer(*root, "format_version", "the file", true);
    if (version && *version != 1)
        r.error("format_version " + std::to_string(*version) + " is not supported (this routemap reads 1)", r.where(*root->get("format_version")));
    r.unknown_keys(*root, {"format_version", "panel", "criteria"}, "the file");
    const auto* panel = r.table(*root, "panel", "the file", true);
    Assessment common;
    std::vector<std::string> raters;
    if (panel) {
        common.framework_id = r.string(*panel, "framework", "[panel]", true).value_or("");
        common.framework_version = r.string(*panel, "framework_version", "[panel]", true).value_or("");
        common.subject = r.string(*panel, "subject", "[panel]", false).value_or("");
        common.date = date_of(r, *panel);
        common.notes = r.string(*panel, "notes", "[panel]", false).value_or("");
        raters = r.strings(*panel, "raters", "[panel]");
        if (raters.empty()) r.error("[panel] needs 'raters', a list of the raters' names", r.where(*panel));
        std::set<std::string> seen;
        for (const auto& name : raters)
            if (name.empty() || !seen.insert(name).second)
                r.error("[panel] raters must be distinct, non-empty names ('" + name + "')", r.where(*panel));
        r.unknown_keys(*panel, {"framework", "framework_version", "subject", "date", "raters", "notes"}, "[panel]");
    }
    std::vector<Assessment> out(raters.size(), common);
    for (std::size_t k = 0; k < raters.size(); ++k) {
        out[k].assessors = {raters[k]};
        out[k].file = source_name;
    }
    if (const auto* criteria = r.table(*root, "criteria", "the file", false)) {
        for (const auto& [key, node] : *criteria) {
            const std::string id(key.str());
            const auto* t = node.as_table();
            if (!t) {
                r.error("criteria.\"" + id + "\" must be a table with 'statuses'", r.where(node), id);
                continue;
            }
            r.unknown_keys(*t, {"statuses", "reasons", "evidence"}, "criterion '" + id + "'");
            if (!t->get("statuses")) {
                r.error("criterion '" + id + "' needs 'statuses', one per rater", r.where(node), id);
                continue;
            }
            const auto statuses = per_rater(r, *t, "statuses", id, raters.size());
            const auto reasons = per_rater(r, *t, "reasons", id, raters.size());
            const auto evidence = per_rater(r, *t, "evidence", id, raters.size());
            for (std::size_t k = 0; k < statuses.size(); ++k) {
                const auto status = parse_status(statuses[k]);
                if (!status) {
                    r.error("unknown status '" + statuses[k] + "' for criterion '" + id + "' (rater '" + raters[k] +
                                "'): use met, partial, not_met, not_applicable or unknown",
                            r.where(node), id);
                    continue;
                }
                const std::string reason_text = reasons.empty() ? std::string() : reasons[k];
                CriterionRecord record;
                record.status = *status;
                record.evidence = evidence.empty() ? std::string() : evidence[k];
                record.location = r.where(node);
                if (*status == Status::not_applicable) {
                    const auto reason = parse_exclusion(reason_text);
                    if (!reason) {
                        r.error("criterion '" + id + "' is not_applicable for rater '" + raters[k] +
                                    "' and needs a reason in 'reasons': not_relevant, out_of_scope or owned_elsewhere",
                                r.where(node), id);
                        continue;
                    }
                    record.exclusion = reason;
                } else if (!reason_text.empty()) {
                    r.error("criterion '" + id + "' has a reason for rater '" + raters[k] + "', whose status is not not_applicable",
                            r.where(node), id);
                    continue;
                }
                if (record.status != Status::unknown || !record.evidence.empty()) out[k].records[id] = std::move(record);
            }
        }
    }
    for (const auto& d : problems)
        if (d.severity == Severity::error) throw AssessmentError(problems);
    return out;
}

std::vector<Assessment> read_panel_file(const std::filesystem::path& file) {
    return parse_panel_file(detail::read_text_file(file.string()), file.string());
}

bool is_panel_file(const std::filesystem::path& file) {
    if (file.extension() != ".toml") return false;
    std::vector<Diagnostic> ignored;
    const auto root = detail::parse_toml(detail::read_text_file(file.string()), file.string(), ignored);
    return root && root->get("panel") && root->get("panel")->is_table();
}

}  // namespace routemap
