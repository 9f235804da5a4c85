// routemap::detail is not public API: the HTML report's evidence (criteria met or partly met, with
// what the assessors gave) and the comparison with a previous assessment.

#include "html.hpp"

namespace routemap::detail::report {

namespace {

std::string delta_cell(const LevelChange& change) {
    if (change.changed_applicability())
        return std::string("<td class=\"num muted\">") + (change.after_applicable ? "now applicable" : "now not applicable") +
               "</td>";
    if (!change.after_applicable) return "<td class=\"num muted\">n/a</td>";
    const int delta = change.delta();
    if (delta > 0) return "<td class=\"num delta-up\">▲ +" + std::to_string(delta) + "</td>";
    if (delta < 0) return "<td class=\"num delta-down\">▼ " + std::to_string(delta) + "</td>";
    return "<td class=\"num muted\">no change</td>";
}

std::string change_list(const ReportData& data, const std::vector<CriterionChange>& changes) {
    std::string out = "<ul class=\"criteria\">";
    for (const auto& change : changes) {
        const auto* c = data.framework.find_criterion(change.id);
        out += "<li>" + status_badge(change.before) + " → " + status_badge(change.after) + " " +
               (c ? escape(c->text) : std::string()) + "<div class=\"meta\"><span class=\"id\">" + escape(change.id) +
               "</span></div></li>";
    }
    return out + "</ul>\n";
}

}  // namespace

std::string comparison_section(const ReportData& data) {
    if (!data.comparison) return {};
    const auto& cmp = *data.comparison;
    const auto& f = data.framework;
    const auto newly = cmp.newly_met();
    const auto regressed = cmp.regressed();
    const auto excluded = cmp.of_kind(ChangeKind::excluded);
    const auto reinstated = cmp.of_kind(ChangeKind::reinstated);
    const auto improved = cmp.counts()[static_cast<std::size_t>(ChangeKind::improved)];
    std::string out = "<section id=\"progress\" class=\"long\">\n<h2>Progress since " + escape(cmp.before_date) + "</h2>\n";
    out += "<p>Overall level: <span class=\"pill " + level_class(cmp.overall.before_level) + "\">" +
           escape(data.level_label(cmp.overall.before_level)) + "</span> → <span class=\"pill " +
           level_class(cmp.overall.after_level) + "\">" + escape(data.level_label(cmp.overall.after_level)) + "</span>. " +
           std::to_string(newly.size()) + (newly.size() == 1 ? " criterion" : " criteria") + " newly met, " + std::to_string(regressed.size()) + " regressed, " +
           std::to_string(improved) + " improved to partly met, " + std::to_string(excluded.size()) +
           " excluded (now not applicable).</p>\n";
    out += "<table>\n<thead><tr><th>Domain / area</th><th>Before</th><th>After</th><th class=\"num\">Change</th></tr>\n</thead>\n";
    for (const auto& d : f.domains()) {
        const auto& dc = cmp.domains[d.index];
        out += "<tr><td><strong>" + escape(d.name) + "</strong></td><td>" + escape(data.level_label(dc.before_level)) +
               "</td><td>" + escape(data.level_label(dc.after_level)) + "</td>" + delta_cell(dc) + "</tr>\n";
        for (const auto& area : f.areas_of(d)) {
            if (area.implicit) continue;
            const auto& ac = cmp.areas[area.index];
            out += "<tr><td style=\"padding-left:22px\">" + escape(area.name) + "</td><td>" +
                   escape(data.level_label(ac.before_level)) + "</td><td>" + escape(data.level_label(ac.after_level)) + "</td>" +
                   delta_cell(ac) + "</tr>\n";
        }
    }
    out += "</table>\n";
    if (!newly.empty()) out += "<h3>Newly met (" + std::to_string(newly.size()) + ")</h3>\n" + change_list(data, newly);
    if (!regressed.empty()) out += "<h3>Regressed (" + std::to_string(regressed.size()) + ")</h3>\n" + change_list(data, regressed);
    if (!excluded.empty())
        out += "<h3>Excluded: now not applicable (" + std::to_string(excluded.size()) + ")</h3>\n" + change_list(data, excluded);
    if (!reinstated.empty())
        out += "<h3>Reinstated: applicable again (" + std::to_string(reinstated.size()) + ")</h3>\n" +
               change_list(data, reinstated);
    return out + "</section>\n";
}

std::string evidence_section(const ReportData& data) {
    const auto& f = data.framework;
    std::string out = "<section id=\"evidence\" class=\"long break-before\">\n<h2>Evidence</h2>\n"
                      "<p class=\"small muted\">Every criterion assessed as met or partly met, with the evidence the "
                      "assessors gave.</p>\n";
    bool any = false;
    for (const auto& d : f.domains()) {
        std::string rows;
        for (const auto& c : f.criteria_of(d)) {
            const auto it = data.assessment.records.find(c.id);
            if (it == data.assessment.records.end()) continue;
            const auto& record = it->second;
            if (record.status != Status::met && record.status != Status::partial) continue;
            rows += "<tr><td>" + escape(c.text) + "<div class=\"id\">" + escape(c.id) + " · " + escape(f.tiers()[c.tier].name) +
                    "</div></td><td>" + status_badge(record.status) + "</td><td class=\"evidence\">" +
                    (record.evidence.empty() ? std::string("<em class=\"muted\">No evidence recorded</em>")
                                             : escape_lines(record.evidence));
            if (!record.note.empty()) rows += "<div class=\"note\">Note: " + escape_lines(record.note) + "</div>";
            if (!record.owner.empty() || !record.due.empty())
                rows += "<div class=\"note\">" + (record.owner.empty() ? std::string() : "Owner: " + escape(record.owner)) +
                        (!record.owner.empty() && !record.due.empty() ? " · " : "") +
                        (record.due.empty() ? std::string() : "Due: " + escape(record.due)) + "</div>";
            rows += "</td></tr>\n";
        }
        if (rows.empty()) continue;
        any = true;
        out += "<div class=\"domain-block\">\n<h3>" + escape(d.name) + "</h3>\n<table>\n<thead><tr><th style=\"width:44%\">Criterion</th>"
               "<th style=\"width:12%\">Status</th><th>Evidence</th></tr>\n</thead>\n" + rows + "</table>\n</div>\n";
    }
    if (!any) out += "<p class=\"callout\">No criterion is assessed as met or partly met yet.</p>\n";
    return out + "</section>\n";
}

}  // namespace routemap::detail::report
