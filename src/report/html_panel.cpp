// routemap::detail is not public API: the HTML report's "Where assessors disagree" section, shown
// when the request carries a panel (several raters, panel.hpp): agreement (Krippendorff's alpha with
// its interval), the level each rater alone would give, disagreement per domain, and every disputed
// criterion with who said what.

#include <routemap/panel.hpp>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

std::string alpha_text(const AlphaEstimate& a) {
    std::string out = number(a.alpha, 2);
    if (a.valid_resamples > 0)
        out += " <span class=\"muted\">(" + percent(a.level) + " interval " + number(a.low, 2) + " to " + number(a.high, 2) + ")</span>";
    return out;
}

std::string level_pill(const ReportData& data, const ScoreNode& node) {
    return "<span class=\"pill " + level_class(node.level) + "\">" + escape(data.level_label(node.level)) + "</span>";
}

// "Farida Begum" for "Farida Begum (Clinical Lead)": a column header.
std::string short_name(const std::string& name) {
    const auto at = name.find(" (");
    return at == std::string::npos || at == 0 ? name : name.substr(0, at);
}

}  // namespace

std::string panel_section(const ReportData& data) {
    if (!data.panel) return {};
    const auto& p = *data.panel;
    const auto& f = data.framework;
    const auto& ag = p.agreement;
    std::string names;
    for (std::size_t r = 0; r < p.raters.size(); ++r) names += (r ? ", " : "") + escape(p.raters[r].name);
    std::string out = "<section id=\"panel\" class=\"long break-before\">\n<h2>Where assessors disagree</h2>\n";
    out += "<p>" + std::to_string(p.raters.size()) + " assessors rated this subject independently: " + names +
           ". This report shows their consensus by the <strong>" + escape(to_string(p.rule)) + "</strong> rule. They disagree on " +
           std::to_string(p.overall.disputed) + " of " + std::to_string(p.overall.compared) +
           " criteria that at least two of them rated (" + std::to_string(p.overall.spread_two) +
           " with met against not met).</p>\n";
    out += "<p>Krippendorff's alpha, ordinal: <strong>" + alpha_text(ag.ordinal) + "</strong>; nominal: " + alpha_text(ag.nominal) +
           "; pairwise agreement " + percent(ag.nominal.percent_agreement) + ". " + std::to_string(ag.ordinal.valid_resamples) +
           " bootstrap resamples of criteria. Alpha 1 is perfect agreement, 0 no better than chance; 0.667 is a "
           "common lowest acceptable value for tentative conclusions.</p>\n";

    // Rows: overall and each domain; columns: each assessor (short name, full name on hover), then the consensus.
    out += "<h3>The level each assessor alone would give</h3>\n<table>\n<thead><tr><th style=\"width:30%\">Domain</th>";
    for (const auto& r : p.raters) out += "<th title=\"" + escape(r.name) + "\">" + escape(short_name(r.name)) + "</th>";
    out += "<th>Consensus</th></tr></thead>\n";
    auto row = [&](const std::string& name, auto node_of) {
        out += "<tr><td>" + name + "</td>";
        for (const auto& s : p.rater_scores) out += "<td>" + level_pill(data, node_of(s)) + "</td>";
        out += "<td>" + level_pill(data, node_of(p.consensus_score)) + "</td></tr>\n";
    };
    row("<strong>Overall</strong>", [](const ScoreResult& s) -> const ScoreNode& { return s.overall; });
    for (const auto& d : f.domains())
        row(escape(d.name), [&](const ScoreResult& s) -> const ScoreNode& { return s.domains[d.index]; });
    out += "</table>\n";

    out += "<h3>Disagreement by domain</h3>\n<table>\n<thead><tr><th>Domain</th><th>Rated by two or more</th>"
           "<th>Disputed</th><th>Met against not met</th><th>Alpha (ordinal)</th></tr></thead>\n";
    for (const auto& d : f.domains()) {
        const auto& n = p.domains[d.index];
        out += "<tr><td>" + escape(d.name) + "</td><td>" + std::to_string(n.compared) + "</td><td>" + std::to_string(n.disputed) +
               "</td><td>" + std::to_string(n.spread_two) + "</td><td>" + alpha_text(ag.domains[d.index].ordinal) + "</td></tr>\n";
    }
    out += "</table>\n";

    out += "<h3>Disputed criteria</h3>\n";
    if (p.overall.disputed == 0) return out + "<p class=\"callout\">✓ The assessors agree on every criterion.</p>\n</section>\n";
    out += "<table>\n<thead><tr><th style=\"width:40%\">Criterion</th><th>Who said what</th><th>Consensus</th></tr></thead>\n";
    for (const auto& c : p.criteria) {
        if (!c.disputed) continue;
        const auto& cr = f.criteria()[c.criterion];
        out += "<tr><td>" + escape(cr.text) + "<div class=\"meta\"><span class=\"id\">" + escape(cr.id) + "</span> · " +
               escape(f.tiers()[cr.tier].name) + " · spread " + std::to_string(c.spread) + "</div></td><td><ul class=\"criteria\">";
        for (std::size_t r = 0; r < p.raters.size(); ++r)
            out += "<li>" + escape(p.raters[r].name) + ": " + status_badge(c.votes[r]) + "</li>";
        out += "</ul></td><td>" + status_badge(c.consensus) + "</td></tr>\n";
    }
    return out + "</table>\n</section>\n";
}

}  // namespace routemap::detail::report
