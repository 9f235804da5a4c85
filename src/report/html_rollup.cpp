// The roll-up section of the HTML report: an organisation view built from its services, with the
// services that hold each node down. Reuses the report's escaping, colours and stylesheet.

#include <routemap/rollup.hpp>

#include <routemap/framework.hpp>
#include <routemap/version.hpp>

#include "report/html.hpp"

namespace routemap {

namespace {

namespace r = detail::report;

std::string level_cell(int level, const std::vector<std::string>& labels) {
    if (level < 0) return "<td>n/a</td>";
    const auto label = static_cast<std::size_t>(level) < labels.size() ? labels[static_cast<std::size_t>(level)] : std::to_string(level);
    return "<td class=\"" + r::level_class(level) + "\">" + std::to_string(level) + " " + r::escape(label) + "</td>";
}

std::string names(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : "; ") + r::escape(item);
    return out.empty() ? "—" : out;
}

}  // namespace

std::string rollup_html_section(const Rollup& rollup, const Framework& framework) {
    const auto& labels = rollup.score.level_labels;
    std::string html = "<section id=\"rollup\">\n<h2>Organisation view rolled up from " + std::to_string(rollup.parts.size()) +
                       " services</h2>\n";
    html += "<p>A draft to review, computed through the crosswalk " + r::escape(rollup.mapping_file) + " from the latest " +
            r::escape(rollup.from_framework) + " assessment of each service, rule <strong>" +
            r::escape(std::string(to_string(rollup.options.rule))) + "</strong>" +
            (rollup.options.rule == RollupRule::share ? " (at least " + r::percent(rollup.options.share) + " of services)" : std::string()) +
            ". Criteria no service evidence reaches stay unknown. Overall level: " +
            r::escape(rollup.score.overall.label) + ".</p>\n";
    html += "<table class=\"rollup\">\n<caption>Level per domain and area; each service's level through the crosswalk</caption>\n"
            "<thead><tr><th scope=\"col\">Domain / area</th><th scope=\"col\">Rolled up</th>";
    for (const auto& part : rollup.parts) html += "<th scope=\"col\">" + r::escape(part) + "</th>";
    html += "<th scope=\"col\">Held down by</th></tr></thead>\n<tbody>\n";
    auto row = [&](const RolledNode& node, bool domain) {
        html += std::string("<tr") + (domain ? " class=\"domain\"" : "") + "><th scope=\"row\">" + (domain ? "" : "&nbsp;&nbsp;") +
                r::escape(node.name) + "</th>" + level_cell(node.level, labels);
        for (const auto& [part, level] : node.part_levels) html += level_cell(level, labels);
        html += "<td>" + names(node.held_down_by) + "</td></tr>\n";
    };
    for (const auto& d : framework.domains()) {
        row(rollup.domains[d.index], true);
        for (const auto& a : framework.areas_of(d))
            if (!a.implicit) row(rollup.areas[a.index], false);
    }
    html += "</tbody>\n</table>\n";
    html += "<h3>Criteria not met by every service</h3>\n<table class=\"rollup-criteria\">\n<thead><tr><th scope=\"col\">Criterion</th>"
            "<th scope=\"col\">Rolled up</th><th scope=\"col\">Held down by</th></tr></thead>\n<tbody>\n";
    for (const auto& c : rollup.criteria) {
        if (c.held_down_by.empty()) continue;
        const auto* criterion = framework.find_criterion(c.id);
        html += "<tr><th scope=\"row\"><code>" + r::escape(c.id) + "</code>" +
                (criterion ? "<br><span class=\"hint\">" + r::escape(criterion->text) + "</span>" : std::string()) + "</th><td>" +
                r::status_badge(c.status) + "</td><td>" + names(c.held_down_by) + "</td></tr>\n";
    }
    return html + "</tbody>\n</table>\n</section>\n";
}

std::string rollup_report_html(const Rollup& rollup, const Framework& framework) {
    const int max_level = static_cast<int>(rollup.score.level_labels.size()) - 1;
    const std::string title = "Roll-up — " + framework.name();
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"routemap " + std::string(version_string) + "\">\n<title>" + r::escape(title) +
           "</title>\n<style>" + r::stylesheet(max_level) + "</style>\n</head>\n<body>\n<main>\n<h1>" + r::escape(title) +
           "</h1>\n" + rollup_html_section(rollup, framework) + "</main>\n</body>\n</html>\n";
}

}  // namespace routemap
