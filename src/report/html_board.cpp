// routemap::detail is not public API: the report's first printed page, written for a board. It
// answers, in this order: where are we (the level and two measures that move), why (the areas that
// hold the level down), can we trust it (completeness), are we moving (trend), where are we against
// the target (red / amber / green per domain, always with a word and a symbol), and what comes next
// (the first steps that can start now, with their owners and due dates).

#include <algorithm>
#include <cmath>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

// Three, so that the page still fits when criteria are long (the Newham ones run to four lines).
constexpr std::size_t priorities_shown = 3;
constexpr std::size_t areas_named = 4;
// A domain is amber, not red, once this share of the criteria its target needs is met.
constexpr double amber_share = 0.5;

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}


// The staged score is the level again, which can stand still for years: there, the count of
// criteria met moves instead. Other models' scores move with every criterion.
std::string measure_that_moves(const ReportData& data) {
    const auto& overall = data.score.overall;
    if (data.score.model == "staged") {
        const auto& c = overall.counts;
        return "<div class=\"measure\"><div class=\"n\">" + std::to_string(c[Status::met]) + "<span class=\"of\"> / " +
               std::to_string(c.applicable()) + "</span></div><div class=\"t\">applicable criteria met (" +
               std::to_string(c[Status::partial]) + " partly); level " + std::to_string(overall.level) + " of " +
               std::to_string(data.max_level()) + "</div></div>";
    }
    return "<div class=\"measure\"><div class=\"n\">" + number(overall.score, 2) + "<span class=\"of\"> / " +
           number(overall.max_score, 2) + "</span></div><div class=\"t\">" + escape(data.score.model) + " score; level " +
           std::to_string(overall.level) + " of " + std::to_string(data.max_level()) + "</div></div>";
}

std::string headline(const ReportData& data) {
    const auto& overall = data.score.overall;
    std::string out = "<div class=\"headline\"><div><div class=\"caption muted\">Overall level</div><span class=\"pill big " +
                      level_class(overall.level) + "\">" + escape(overall.applicable ? overall.label : "Not applicable") +
                      "</span></div>";
    if (overall.applicable)
        out += "<div class=\"measure\"><div class=\"n\">" + percent(data.gap.total.done_share()) +
               "</div><div class=\"t\">of the way to the target (" + std::to_string(data.gap.total.met) + " of " +
               std::to_string(data.gap.total.required) + " criteria it needs are met)</div></div>" +
               measure_that_moves(data);
    return out + "</div>\n";
}

// The areas at the overall level: the ones that hold it where it is.
std::string reason(const ReportData& data) {
    const auto& f = data.framework;
    const auto& overall = data.score.overall;
    if (!overall.applicable) return "<p class=\"reason\">Every criterion is marked not applicable: there is no level.</p>\n";
    if (overall.level >= data.max_level())
        return "<p class=\"reason\"><strong>Why:</strong> every applicable area has reached the highest level.</p>\n";
    std::vector<const Area*> lowest;
    int lowest_level = data.max_level() + 1;
    for (const auto& area : f.areas()) {
        const auto& node = data.score.areas[area.index];
        if (!node.applicable) continue;
        if (node.level < lowest_level) {
            lowest_level = node.level;
            lowest.clear();
        }
        if (node.level == lowest_level) lowest.push_back(&area);
    }
    std::string names;
    for (std::size_t i = 0; i < std::min(lowest.size(), areas_named); ++i)
        names += (i ? (i + 1 == std::min(lowest.size(), areas_named) && lowest.size() <= areas_named ? " and " : ", ") : "") +
                 escape(lowest[i]->implicit ? f.domains()[lowest[i]->domain].name : lowest[i]->name);
    if (lowest.size() > areas_named) names += " and " + std::to_string(lowest.size() - areas_named) + " more";
    std::string out = "<p class=\"reason\"><strong>Why:</strong> " + plural(lowest.size(), "area is", "areas are") + " at " +
                      escape(data.level_label(lowest_level)) + ": " + names + ". ";
    if (lowest_level == overall.level) {
        out += "The overall level is the lowest area's (each domain is at its lowest area's level, the whole at its lowest "
               "domain's)";
        out += lowest_level < data.max_level()
                   ? ": raising " + std::string(lowest.size() == 1 ? "this area" : "these areas") + " to " +
                         escape(data.level_label(lowest_level + 1)) + " moves it."
                   : ".";
    } else {
        out += "The overall level follows the " + escape(data.score.model) + " model's score; these are the lowest areas.";
    }
    return out + "</p>\n";
}

std::string completeness(const ReportData& data) {
    const auto& counts = data.score.overall.counts;
    const auto applicable = counts.applicable();
    const auto unknown = counts[Status::unknown];
    if (applicable == 0 || static_cast<double>(unknown) < incomplete_unknown_share * static_cast<double>(applicable)) return {};
    return "<p class=\"warning\" role=\"note\"><strong>⚠ Incomplete assessment:</strong> " + std::to_string(unknown) + " of " +
           std::to_string(applicable) + " applicable criteria (" +
           percent(static_cast<double>(unknown) / static_cast<double>(applicable)) +
           ") are still unknown, and unknown counts as not met. The level and scores below are a floor until they are "
           "assessed.</p>\n";
}

std::string change_arrow(double before, double after) {
    if (std::isnan(before) || std::isnan(after) || std::abs(after - before) < 1e-9) return "<span class=\"muted\">=</span>";
    return after > before ? "<span class=\"delta-up\">▲</span>" : "<span class=\"delta-down\">▼</span>";
}

std::string trend(const ReportData& data) {
    if (data.trend.size() < 2) return {};
    // The staged score is the level again: a column of its own would say nothing more.
    const bool show_score = data.score.model != "staged";
    std::string out = "<h3>Trend</h3>\n<table class=\"trend\">\n<thead><tr><th>Assessed</th><th>Overall level</th>";
    if (show_score) out += "<th class=\"num\">" + escape(data.score.model) + " score</th>";
    out += "<th class=\"num\">Of the way to the target</th><th class=\"num\">Criteria met</th></tr></thead>\n";
    for (std::size_t i = 0; i < data.trend.size(); ++i) {
        const auto& p = data.trend[i];
        const auto* before = i ? &data.trend[i - 1] : nullptr;
        const bool now = i + 1 == data.trend.size();
        out += std::string("<tr") + (now ? " class=\"now\"" : "") + "><td>" + escape(p.date.empty() ? "date not given" : p.date) +
               (now ? " (this report)" : "") + "</td><td><span class=\"pill " + level_class(p.level) + "\">" +
               escape(p.applicable ? p.label : "n/a") + "</span></td>";
        if (show_score)
            out += "<td class=\"num\">" + (before ? change_arrow(before->score, p.score) + " " : std::string()) +
                   number(p.score, 2) + " / " + number(p.max_score, 2) + "</td>";
        out += "<td class=\"num\">" + (before ? change_arrow(before->done_share, p.done_share) + " " : std::string()) +
               percent(p.done_share) + "</td><td class=\"num\">" +
               (before ? change_arrow(static_cast<double>(before->met), static_cast<double>(p.met)) + " " : std::string()) +
               std::to_string(p.met) + "</td></tr>\n";
    }
    return out + "</table>\n";
}

struct Rag {
    const char* css;
    const char* symbol;
    const char* word;
};

Rag rag_of(const GapSummary& gap, bool applicable) {
    if (!applicable) return {"rag-na", "–", "Not applicable"};
    if (gap.to_close == 0) return {"rag-green", "✓", "On target"};
    if (gap.done_share() >= amber_share) return {"rag-amber", "◐", "Part way"};
    return {"rag-red", "✗", "Far from target"};
}

std::string domains_against_target(const ReportData& data) {
    const auto& f = data.framework;
    std::vector<std::size_t> overdue(f.domains().size(), 0);
    for (const auto& item : data.gap.items)
        if (item.overdue) ++overdue[f.criteria()[item.criterion].domain];
    std::string out = "<h3>Domains against the target</h3>\n<table class=\"against-target\">\n<thead><tr><th>Domain</th><th>Against target</th>"
                      "<th>Level</th><th class=\"num\">Met</th><th class=\"num\">Open</th><th class=\"num\">Late</th></tr>"
                      "</thead>\n";
    for (const auto& d : f.domains()) {
        const auto& node = data.score.domains[d.index];
        const auto& gap = data.gap.domains[d.index];
        const auto rag = rag_of(gap, node.applicable);
        out += "<tr><td>" + escape(d.name) + "</td><td><span class=\"rag " + rag.css + "\">" + rag.symbol + " " + rag.word +
               "</span></td><td><span class=\"pill " + level_class(node.level) + "\">" +
               escape(node.applicable ? node.label : "Not applicable") + "</span></td><td class=\"num\">" + std::to_string(gap.met) +
               " / " + std::to_string(gap.required) + "</td><td class=\"num\">" +
               std::to_string(gap.to_close) + "</td><td class=\"num\">" +
               (overdue[d.index] ? "<strong>" + std::to_string(overdue[d.index]) + "</strong>" : std::string("0")) + "</td></tr>\n";
    }
    return out + "</table>\n<p class=\"small muted\">Met: of the criteria the target needs. Open: still to close. Late: open "
                 "past their due date. ✓ On target: nothing open. ◐ Part way: at least " +
           percent(amber_share) + " met. ✗ Far from target: fewer.</p>\n";
}

std::string priorities(const ReportData& data) {
    const auto& f = data.framework;
    const auto& path = data.path;
    if (path.steps.empty()) return "<h3>Top priorities</h3>\n<p class=\"callout\">✓ The target is reached: nothing left to do.</p>\n";
    const auto& now = path.phases.front();
    const auto shown = std::min(now.size(), priorities_shown);
    std::string out = "<h3>Top priorities</h3>\n<p class=\"small muted\">The first " + plural(shown, "step", "steps") + " of the " +
                      std::to_string(now.size()) + " that can start now (phase 1 of " + std::to_string(path.phase_count()) +
                      "); the full path is in the appendix.</p>\n<table class=\"priorities\">\n<thead><tr><th>#</th><th>What</th>"
                      "<th>Owner</th><th>Due</th></tr></thead>\n";
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& step = path.steps[now[i]];
        const auto& c = f.criteria()[step.criterion];
        const auto& area = f.areas()[c.area];
        out += "<tr><td class=\"num\">" + std::to_string(i + 1) + "</td><td>" + escape(c.text) +
               (step.status == Status::partial ? " " + status_badge(step.status) : std::string()) + "<div class=\"meta\">" +
               escape(area.implicit ? f.domains()[area.domain].name : area.name) + " · " + escape(f.tiers()[c.tier].name) +
               "</div></td><td>" + (step.owner.empty() ? "<span class=\"muted\">no owner</span>" : escape(step.owner)) +
               "</td><td class=\"due\">" + (step.due.empty() ? "<span class=\"muted\">no date</span>" : escape(step.due)) +
               (step.overdue ? " <span class=\"overdue\">⚠ overdue</span>" : "") + "</td></tr>\n";
    }
    return out + "</table>\n";
}

}  // namespace

std::string board_section(const ReportData& data) {
    std::string out = "<section id=\"board\" class=\"board\">\n<h2>Summary for the board</h2>\n";
    out += headline(data);
    out += reason(data);
    out += completeness(data);
    out += trend(data);
    out += domains_against_target(data);
    out += priorities(data);
    return out + "</section>\n";
}

}  // namespace routemap::detail::report
