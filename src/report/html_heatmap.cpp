// routemap::detail is not public API: the HTML report's domain × area heatmap. One row per domain,
// one cell per area, coloured by level on a light-to-dark scale and always labelled in words, so
// that it reads in greyscale and for colour-blind readers. A strip of small boxes in each cell
// shows how much of each tier is met.

#include <algorithm>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

constexpr std::size_t cells_per_row = 4;

std::string tier_strip(const ReportData& data, const ScoreNode& node) {
    const auto tiers = data.framework.tiers();
    const double box = 16, gap = 3;
    const auto width = static_cast<double>(tiers.size()) * (box + gap);
    std::string svg = "<svg width=\"" + number(width, 0) + "\" height=\"9\" viewBox=\"0 0 " + number(width, 0) +
                      " 9\" aria-hidden=\"true\">";
    for (std::size_t t = 0; t < tiers.size(); ++t) {
        const auto& counts = node.counts_by_tier[t];
        const auto applicable = counts.applicable();
        const double share = applicable ? static_cast<double>(counts[Status::met]) / static_cast<double>(applicable) : 0.0;
        const auto x = static_cast<double>(t) * (box + gap);
        svg += "<rect x=\"" + number(x + 0.5, 1) + "\" y=\"0.5\" width=\"" + number(box - 1, 1) +
               "\" height=\"8\" rx=\"1.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\"" +
               (applicable ? "" : " stroke-dasharray=\"2 2\"") + "/>";
        if (share > 0)
            svg += "<rect x=\"" + number(x + 0.5, 1) + "\" y=\"0.5\" width=\"" + number((box - 1) * share, 2) +
                   "\" height=\"8\" rx=\"1.5\" fill=\"currentColor\"/>";
        svg += "<title>" + escape(tiers[t].name) + ": " + std::to_string(counts[Status::met]) + " of " +
               std::to_string(applicable) + " met</title>";
    }
    return svg + "</svg>";
}

std::string cell(const ReportData& data, const Area& area, const std::string& width) {
    const auto& node = data.score.areas[area.index];
    const auto& gap = data.gap.areas[area.index];
    const std::string name = area.implicit ? "All criteria" : area.name;
    if (!node.applicable)
        return "<td class=\"cell na\"" + width + "><div class=\"area\">" + escape(name) +
               "</div><div class=\"lvl\">Not applicable</div></td>";
    const bool reached = gap.reached();
    std::string out = "<td class=\"cell " + level_class(node.level) + "\"" + width + "><div class=\"area\">" + escape(name) + "</div>";
    out += "<div class=\"lvl\">" + escape(node.label) + "</div>";
    // The staged score is the level again; other models' scores say how far along the area is.
    if (data.score.model != "staged")
        out += "<div class=\"sub score\">score " + number(node.score, 2) + " / " + number(node.max_score, 2) + "</div>";
    out += "<div class=\"sub\">target " + escape(data.framework.tiers()[static_cast<std::size_t>(gap.target_level) - 1].name) +
           (reached ? " · ✓ reached" : " · " + std::to_string(gap.to_close.size()) + " to close") + "</div>";
    out += "<div class=\"sub\">" + tier_strip(data, node) + "</div></td>";
    return out;
}

}  // namespace

std::string heatmap_section(const ReportData& data) {
    const auto& f = data.framework;
    std::size_t columns = 1;
    for (const auto& d : f.domains()) columns = std::max(columns, std::min(cells_per_row, d.area_count));
    // The domain names take about a quarter of the width; the areas share the rest equally.
    const std::string width = " style=\"width:" + number(73.0 / static_cast<double>(columns), 1) + "%\"";
    std::string out = "<section id=\"heatmap\">\n<h2>Levels by domain and area</h2>\n";
    out += "<p class=\"small muted\">Each cell is one area of the matrix: the level it has reached (" + escape(data.score.model) +
           " model), its target, and under it one box per tier (" ;
    for (const auto& t : f.tiers()) out += (t.index ? ", " : "") + escape(t.name);
    out += "), filled by the share of that tier's criteria met. Darker cells are further along.</p>\n";
    out += "<table class=\"heatmap\">\n";
    for (const auto& d : f.domains()) {
        const auto areas = f.areas_of(d);
        const auto rows = (areas.size() + cells_per_row - 1) / cells_per_row;
        const auto& node = data.score.domains[d.index];
        for (std::size_t r = 0; r < std::max<std::size_t>(rows, 1); ++r) {
            out += "<tr>";
            if (r == 0)
                out += "<th class=\"domain\" scope=\"row\"" + (rows > 1 ? " rowspan=\"" + std::to_string(rows) + "\"" : std::string()) +
                       ">" + escape(d.name) + "<br><span class=\"pill " + level_class(node.level) + "\">" +
                       (node.applicable ? escape(node.label) : std::string("Not applicable")) + "</span>" +
                       (data.score.model != "staged" && node.applicable
                            ? "<div class=\"small muted\">score " + number(node.score, 2) + " / " + number(node.max_score, 2) + "</div>"
                            : std::string()) +
                       "</th>";
            std::size_t used = 0;
            for (std::size_t i = r * cells_per_row; i < std::min(areas.size(), (r + 1) * cells_per_row); ++i, ++used)
                out += cell(data, areas[i], width);
            for (; used < columns; ++used) out += "<td class=\"empty\"></td>";
            out += "</tr>\n";
        }
    }
    out += "</table>\n<div class=\"legend\"><strong>Levels:</strong>";
    for (int level = 0; level <= data.max_level(); ++level)
        out += "<span><span class=\"swatch " + level_class(level) + "\"></span>" + std::to_string(level) + " " +
               escape(data.level_label(level)) + "</span>";
    out += "<span><span class=\"swatch\" style=\"background:repeating-linear-gradient(45deg,#f3f4f6,#f3f4f6 3px,#e4e7eb 3px,#e4e7eb 6px)\"></span>Not applicable</span>";
    return out + "</div>\n</section>\n";
}

}  // namespace routemap::detail::report
