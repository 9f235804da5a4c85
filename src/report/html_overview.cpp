// routemap::detail is not public API: the HTML report's cover, "at a glance" summary and footer.

#include <filesystem>

#include <routemap/version.hpp>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

std::string describe_target(const ReportData& data) {
    const auto& f = data.framework;
    const auto& t = data.gap.target;
    auto tier_name = [&](const std::string& id) {
        const auto* tier = id.empty() ? &f.tiers().back() : f.find_tier(id);
        return tier ? tier->name : id;
    };
    std::string out = tier_name(t.tier) + (t.domains.empty() && t.areas.empty() ? " in every area" : " by default");
    for (const auto& [id, tier] : t.domains) {
        const auto* d = f.find_domain(id);
        out += "; " + (d ? d->name : id) + ": " + tier_name(tier);
    }
    for (const auto& [id, tier] : t.areas) {
        const auto* a = f.find_area(id);
        out += "; " + (a ? a->name : id) + ": " + tier_name(tier);
    }
    return out;
}

// Steps of a staircase, one per level: reached ones filled with their level's colour.
std::string ladder_svg(const ReportData& data) {
    const int levels = data.max_level();
    if (levels <= 0) return {};
    const double width = 200, height = 74, gap = 5;
    const double bar = (width - gap * (levels - 1)) / levels;
    std::string svg = "<svg width=\"200\" height=\"92\" viewBox=\"0 0 200 92\" role=\"img\" aria-label=\"Level " +
                      std::to_string(data.score.overall.level) + " of " + std::to_string(levels) + "\">";
    for (int i = 1; i <= levels; ++i) {
        const double h = 18 + (height - 18) * i / levels;
        const double x = (i - 1) * (bar + gap);
        const bool reached = i <= data.score.overall.level;
        const auto colour = level_colour(i, levels);
        svg += "<rect x=\"" + number(x, 2) + "\" y=\"" + number(height - h, 2) + "\" width=\"" + number(bar, 2) +
               "\" height=\"" + number(h, 2) + "\" rx=\"3\" fill=\"" + (reached ? colour.background : "#ffffff") +
               "\" stroke=\"" + (reached ? colour.background : "#9aa5b1") + "\" stroke-width=\"1.5\"" +
               (reached ? "" : " stroke-dasharray=\"4 3\"") + "><title>" + escape(data.level_label(i)) +
               (reached ? ": reached" : ": not yet") + "</title></rect>";
        svg += "<text x=\"" + number(x + bar / 2, 2) + "\" y=\"88\" text-anchor=\"middle\" font-size=\"10\" fill=\"#556170\">" +
               (levels > 3 ? std::to_string(i) : escape(data.level_label(i))) + "</text>";
    }
    return svg + "</svg>";
}

std::string figure(const std::string& n, const std::string& text) {
    return "<div class=\"figure\"><div class=\"n\">" + n + "</div><div class=\"t\">" + text + "</div></div>";
}

}  // namespace

std::string cover_section(const ReportData& data) {
    const auto& f = data.framework;
    const auto& info = f.info();
    const auto& a = data.assessment;
    std::string assessors;
    for (const auto& name : a.assessors) assessors += (assessors.empty() ? "" : ", ") + escape(name);
    std::string out = "<header class=\"cover\" id=\"cover\">\n<div class=\"kicker\">Maturity assessment report</div>\n";
    out += "<h1>" + (a.subject.empty() ? std::string("Untitled assessment") : escape(a.subject)) + "</h1>\n<dl class=\"meta\">\n";
    out += "<dt>Framework</dt><dd>" + escape(info.name) + ", version " + escape(info.version) + " <span class=\"id\">" +
           escape(info.id) + "</span></dd>\n";
    out += "<dt>Source</dt><dd>" + escape(info.source) + "</dd>\n";
    if (!info.publisher.empty())
        out += "<dt>Publisher</dt><dd>" + escape(info.publisher) + (info.year ? ", " + std::to_string(info.year) : "") + "</dd>\n";
    out += "<dt>Assessment date</dt><dd>" + (a.date.empty() ? std::string("not given") : escape(a.date)) + "</dd>\n";
    out += "<dt>Assessors</dt><dd>" + (assessors.empty() ? std::string("not given") : assessors) + "</dd>\n";
    out += "<dt>Scoring model</dt><dd>" + escape(data.score.model) + "</dd>\n";
    out += "<dt>Target</dt><dd>" + escape(describe_target(data)) + "</dd>\n";
    if (data.previous)
        out += "<dt>Compared with</dt><dd>the assessment of " + escape(data.previous->date) + "</dd>\n";
    return out + "</dl>\n</header>\n";
}

std::string glance_section(const ReportData& data) {
    const auto& s = data.score;
    const auto& c = s.overall.counts;
    const int level = s.overall.level;
    std::string out = "<section id=\"summary\">\n<h2>At a glance</h2>\n<div class=\"glance\">\n";
    out += "<div class=\"overall\"><div class=\"caption muted\">Overall level</div><div class=\"level\"><span class=\"pill " +
           level_class(level) + "\" style=\"font-size:24px;padding:2px 14px;border-radius:14px\">" + escape(s.overall.label) +
           "</span></div><div class=\"small muted\" style=\"margin-top:6px\">" +
           (s.overall.applicable ? "level " + std::to_string(level) + " of " + std::to_string(data.max_level()) + " · score " +
                                       number(s.overall.score, 2) + " / " + number(s.overall.max_score, 2)
                                 : std::string("every criterion is not applicable: no level, no score")) +
           "</div>" + ladder_svg(data) + "</div>\n<div>\n<div class=\"figures\">\n";
    out += figure(std::to_string(c[Status::met]) + " <span class=\"small muted\">of " + std::to_string(c.applicable()) + "</span>",
                  "applicable criteria met (" + std::to_string(c[Status::partial]) + " partly met)");
    const auto& total = data.gap.total;
    out += figure(std::to_string(total.to_close),
                  total.to_close ? "criteria to close to reach the target (" + percent(total.done_share()) + " of the way)"
                                 : "criteria to close: the target is reached");
    const auto next = data.path.phases.empty() ? 0 : data.path.phases.front().size();
    out += figure(std::to_string(next), "steps can start now (phase 1 of " + std::to_string(data.path.phase_count()) + ")");
    out += "</div>\n";
    if (data.comparison) {
        const auto& cmp = *data.comparison;
        std::size_t gained = 0, lost = 0;
        for (const auto& area : cmp.areas) {
            if (area.delta() > 0) ++gained;
            if (area.delta() < 0) ++lost;
        }
        out += "<p class=\"callout small\">Since " + escape(cmp.before_date) + ": " + std::to_string(gained) +
               (gained == 1 ? " area" : " areas") + " gained a level, " + std::to_string(lost) + " lost one; " +
               std::to_string(cmp.newly_met().size()) + " criteria newly met, " + std::to_string(cmp.regressed().size()) +
               " regressed, " + std::to_string(cmp.of_kind(ChangeKind::excluded).size()) +
               " excluded (now not applicable).</p>\n";
    }
    out += "<table class=\"domains\">\n<thead><tr><th>Domain</th><th>Level</th><th class=\"num\">Met</th><th class=\"num\">To close</th></tr>\n</thead>\n";
    for (const auto& d : data.framework.domains()) {
        const auto& node = s.domains[d.index];
        const auto& gap = data.gap.domains[d.index];
        out += "<tr><td>" + escape(d.name) + "</td><td><span class=\"pill " + level_class(node.level) + "\">" +
               (node.applicable ? escape(node.label) : std::string("Not applicable")) + "</span></td><td class=\"num\">" +
               std::to_string(node.counts[Status::met]) + " / " + std::to_string(node.counts.applicable()) +
               "</td><td class=\"num\">" + std::to_string(gap.to_close) + "</td></tr>\n";
    }
    out += "</table>\n</div>\n</div>\n</section>\n";
    // The notes are a section of their own, so that the summary above still fits under the cover.
    if (!data.assessment.notes.empty())
        out += "<section id=\"notes\">\n<h2>Assessors' notes</h2>\n<p class=\"callout\">" + escape_lines(data.assessment.notes) +
               "</p>\n</section>\n";
    return out;
}

std::string footer(const ReportData& data) {
    const auto file = data.assessment.file.empty() ? std::string()
                                                   : std::filesystem::path(data.assessment.file).filename().string();
    return "<footer>Generated by routemap " + std::string(version_string) + (file.empty() ? "" : " from " + escape(file)) +
           ". Framework: " + escape(data.framework.info().source) + "</footer>\n";
}

}  // namespace routemap::detail::report
