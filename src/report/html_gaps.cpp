// routemap::detail is not public API: the HTML report's gaps to target (per domain) and the next
// phase of the progression path.

#include <algorithm>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

std::string progress_bar(double share) {
    const double width = 180;
    const auto filled = number(width * std::clamp(share, 0.0, 1.0), 1);
    return "<svg width=\"180\" height=\"10\" viewBox=\"0 0 180 10\" aria-hidden=\"true\">"
           "<rect x=\"0.5\" y=\"0.5\" width=\"179\" height=\"9\" rx=\"4.5\" fill=\"#ffffff\" stroke=\"#9aa5b1\"/>"
           "<rect x=\"0.5\" y=\"0.5\" width=\"" + filled + "\" height=\"9\" rx=\"4.5\" fill=\"#0b4a85\"/></svg>";
}

// " · owner Jo · due 2026-03-31 ⚠ overdue", escaped; empty when the assessment gives neither.
std::string ownership(const std::string& owner, const std::string& due, bool overdue) {
    std::string out;
    if (!owner.empty()) out += " · owner <strong>" + escape(owner) + "</strong>";
    if (!due.empty()) out += " · due " + escape(due) + (overdue ? " <span class=\"overdue\">⚠ overdue</span>" : "");
    return out;
}

std::string criterion_item(const ReportData& data, const GapItem& item) {
    const auto& f = data.framework;
    const auto& c = f.criteria()[item.criterion];
    std::string out = "<li>" + status_badge(item.status) + " " + escape(c.text) + "<div class=\"meta\"><span class=\"id\">" +
                      escape(c.id) + "</span> · " + escape(f.tiers()[c.tier].name);
    if (item.prerequisite) {
        std::string by;
        for (const auto& id : item.required_by) by += (by.empty() ? "" : ", ") + escape(id);
        out += " · needed first by " + by;
    }
    return out + ownership(item.owner, item.due, item.overdue) + "</div></li>";
}

std::string area_path(const Framework& f, const Criterion& c) {
    const auto& d = f.domains()[c.domain];
    const auto& a = f.areas()[c.area];
    return a.implicit ? d.name : d.name + " › " + a.name;
}

}  // namespace

std::string gaps_section(const ReportData& data) {
    const auto& f = data.framework;
    const auto& total = data.gap.total;
    std::string out = "<section id=\"gaps\" class=\"long break-before\">\n<h2>Gaps to target</h2>\n";
    if (total.to_close == 0) return out + "<p class=\"callout\">✓ The target is reached in every area.</p>\n</section>\n";
    out += "<p>" + std::to_string(total.met) + " of " + std::to_string(total.required) +
           (total.required == 1 ? " criterion" : " criteria") + " required for the target are met (" + percent(total.done_share()) + "). " +
           std::to_string(total.to_close) + " remain to close" +
           (total.partial ? ", " + std::to_string(total.partial) + " of them partly met" : std::string()) + ".</p>\n";
    // The gap item of each criterion, so that each area's row lists its items in one pass.
    std::vector<const GapItem*> item_of(f.criteria().size(), nullptr);
    for (const auto& item : data.gap.items) item_of[item.criterion] = &item;
    for (const auto& d : f.domains()) {
        const auto& summary = data.gap.domains[d.index];
        out += "<div class=\"domain-block\">\n<h3><span>" + escape(d.name) + "</span><span class=\"small muted\">" +
               (summary.to_close ? std::to_string(summary.to_close) + " to close" : std::string("✓ target reached")) +
               "</span></h3>\n";
        out += "<div class=\"bar\">" + progress_bar(summary.done_share()) + "<span>" + std::to_string(summary.met) + " of " +
               std::to_string(summary.required) + " required criteria met (" + percent(summary.done_share()) + ")</span></div>\n";
        out += "<table>\n<thead><tr><th style=\"width:24%\">Area</th><th style=\"width:13%\">Now</th><th style=\"width:13%\">Target</th>"
               "<th>Criteria to close</th></tr>\n</thead>\n";
        for (const auto& area : f.areas_of(d)) {
            const auto& gap = data.gap.areas[area.index];
            const auto& node = data.score.areas[area.index];
            const std::string name = area.implicit ? "All criteria" : area.name;
            out += "<tr><td>" + escape(name) + "</td>";
            if (!gap.applicable) {
                out += "<td colspan=\"3\" class=\"muted\">Not applicable</td></tr>\n";
                continue;
            }
            out += "<td><span class=\"pill " + level_class(node.level) + "\">" + escape(node.label) + "</span></td><td>" +
                   escape(data.level_label(gap.target_level)) + "</td><td>";
            std::string items;
            for (const auto i : gap.to_close) items += criterion_item(data, *item_of[i]);
            out += items.empty() ? "<span class=\"status met\">✓ Target reached</span>" : "<ul class=\"criteria\">" + items + "</ul>";
            out += "</td></tr>\n";
        }
        out += "</table>\n</div>\n";
    }
    return out + "</section>\n";
}

std::string path_section(const ReportData& data) {
    const auto& f = data.framework;
    const auto& path = data.path;
    std::string out = "<section id=\"next-phase\">\n<h2>Next phase of the progression path</h2>\n";
    if (path.steps.empty()) return out + "<p class=\"callout\">✓ Nothing left on the path: the target is reached.</p>\n</section>\n";
    out += "<p>The " + std::to_string(path.steps.size()) + (path.steps.size() == 1 ? " criterion" : " criteria") + " to close, ordered so that prerequisites come first, fall into " +
           std::to_string(path.phase_count()) + (path.phase_count() == 1 ? " phase" : " phases") +
           ". Phase 1 can start now; each later phase waits for the one before.</p>\n<div class=\"phases\">";
    for (std::size_t p = 0; p < path.phases.size(); ++p)
        out += "<span class=\"phase" + std::string(p == 0 ? " now" : "") + "\">Phase " + std::to_string(p + 1) + " · " +
               std::to_string(path.phases[p].size()) + (path.phases[p].size() == 1 ? " step" : " steps") +
               (p == 0 ? " · can start now" : "") + "</span>";
    out += "</div>\n<h3>Phase 1: what can start now</h3>\n<ol class=\"steps\">\n";
    for (const auto i : path.phases.front()) {
        const auto& step = path.steps[i];
        const auto& c = f.criteria()[step.criterion];
        out += "<li>" + escape(c.text) + (step.status == Status::partial ? " " + status_badge(step.status) : std::string()) +
               "<div class=\"meta\">" + escape(area_path(f, c)) + " · " + escape(f.tiers()[c.tier].name) +
               " · <span class=\"id\">" + escape(c.id) + "</span>" + ownership(step.owner, step.due, step.overdue) +
               "</div></li>\n";
    }
    return out + "</ol>\n</section>\n";
}

}  // namespace routemap::detail::report
