// routemap::detail is not public API: the HTML report's stylesheet and level colours.
// Screen: a centred page on a grey desk. Print: A4, colours kept, sections not split.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "html.hpp"

namespace routemap::detail::report {

namespace {

struct Rgb {
    double r, g, b;
};

Rgb mix(Rgb a, Rgb b, double t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

std::string hex(Rgb c) {
    char buffer[8];
    auto channel = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 255.0))); };
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", channel(c.r), channel(c.g), channel(c.b));
    return buffer;
}

double luminance(Rgb c) {
    auto linear = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

}  // namespace

LevelColour level_colour(int level, int max_level) {
    // Level 0 ("not yet") is a pale warm tint; reached tiers run from light to dark blue, so that
    // darker always means further along, in colour and in greyscale.
    constexpr Rgb not_yet{253, 238, 233};
    constexpr Rgb stops[] = {{198, 220, 241}, {120, 172, 215}, {44, 112, 178}, {11, 58, 110}};
    Rgb colour = not_yet;
    if (level > 0) {
        const double t = max_level <= 1 ? 1.0 : static_cast<double>(level - 1) / static_cast<double>(max_level - 1);
        const double position = t * 3.0;
        const auto i = std::min<std::size_t>(2, static_cast<std::size_t>(position));
        colour = mix(stops[i], stops[i + 1], position - static_cast<double>(i));
    }
    return {hex(colour), luminance(colour) < 0.3 ? "#ffffff" : "#14202e"};
}

std::string stylesheet(int max_level) {
    std::string css = R"CSS(
:root { --ink:#14202e; --muted:#556170; --rule:#d8dee6; --accent:#0b4a85; --panel:#f3f6f9; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #e9edf2; color: var(--ink);
  font: 15px/1.5 "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1060px; margin: 24px auto; background: #fff; padding: 36px 48px 24px;
  box-shadow: 0 1px 6px rgba(20,32,46,.12); }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 14px; }
h2 { font-size: 21px; color: var(--accent); margin: 0 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p { margin: 0 0 10px; }
.kicker { font-size: 12px; font-weight: 700; letter-spacing: .09em; text-transform: uppercase; color: var(--accent); }
.muted { color: var(--muted); }
.small { font-size: 13px; }
code, .id { font-family: "DejaVu Sans Mono", Consolas, Menlo, monospace; font-size: 12px; color: var(--muted); }
header.cover { border-bottom: 4px solid var(--accent); padding-bottom: 12px; margin-bottom: 22px; }
header.cover .subtitle { color: var(--muted); margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 5px 18px; margin: 0; font-size: 14px; }
dl.meta dt { color: var(--muted); font-weight: 600; }
dl.meta dd { margin: 0; }
dl.levels { margin: 0; font-size: 14px; }
dl.levels dt { font-weight: 700; margin-top: 6px; }
dl.levels dd { margin: 0 0 0 18px; }
.prose p:last-child { margin-bottom: 0; }
.prose ul, .prose ol { margin: 0 0 8px; padding-left: 22px; }
section { margin: 0 0 34px; page-break-inside: avoid; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; break-inside: avoid; }
table.heatmap { border-collapse: separate; border-spacing: 4px; margin: 0 -4px; }
table.heatmap th.domain { width: 27%; font-size: 14px; text-transform: none; letter-spacing: 0; color: var(--ink);
  border: 0; vertical-align: middle; padding-left: 0; }
table.heatmap td.cell { border: 0; border-radius: 6px; padding: 8px 10px; }
table.heatmap td.empty { border: 0; }
table.heatmap .area { font-size: 13px; font-weight: 600; line-height: 1.3; }
table.heatmap .lvl { font-size: 15px; font-weight: 700; margin-top: 3px; }
table.heatmap .sub { font-size: 11.5px; opacity: .9; }
table.heatmap td.na { background: repeating-linear-gradient(45deg, #f3f4f6, #f3f4f6 6px, #e4e7eb 6px, #e4e7eb 12px); color: var(--ink); }
.pill { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12.5px; font-weight: 700; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 12.5px; margin: 10px 0 0; align-items: center; }
.legend .swatch { display: inline-block; width: 16px; height: 16px; border-radius: 4px; vertical-align: -3px; margin-right: 5px;
  border: 1px solid rgba(0,0,0,.15); }
.status { display: inline-block; white-space: nowrap; font-size: 12px; font-weight: 700; border-radius: 10px; padding: 0 8px;
  border: 1px solid; }
.status.met { color: #175c2c; border-color: #8cc79c; background: #e8f5ec; }
.status.partial { color: #7a4a00; border-color: #e5b766; background: #fdf3e1; }
.status.not-met { color: #8a1c1c; border-color: #e3a0a0; background: #fbeaea; }
.status.unknown { color: #4a5563; border-color: #c2c9d2; background: #f3f5f7; }
.status.na { color: #4a5563; border-color: #d5dae0; background: #fff; }
.domain-block { margin: 0 0 22px; }
.domain-block h3 { display: flex; justify-content: space-between; gap: 12px; align-items: baseline;
  border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
.bar { display: flex; align-items: center; gap: 10px; font-size: 13px; color: var(--muted); margin: 4px 0 8px; }
ul.criteria { list-style: none; margin: 0; padding: 0; }
ul.criteria li { margin: 0 0 8px; }
ul.criteria .meta { font-size: 12px; color: var(--muted); }
ol.steps { margin: 0; padding-left: 26px; }
ol.steps li { margin: 0 0 10px; padding-left: 4px; }
ol.steps .meta { font-size: 12px; color: var(--muted); }
.phases { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 14px; }
.phase { border: 1px solid var(--rule); border-radius: 8px; padding: 4px 10px; font-size: 13px; }
.phase.now { border-color: var(--accent); color: var(--accent); font-weight: 700; }
.delta-up { color: #175c2c; font-weight: 700; }
.delta-down { color: #8a1c1c; font-weight: 700; }
.evidence { white-space: normal; }
.note { font-size: 13px; color: var(--muted); margin-top: 3px; }
.callout { background: var(--panel); border-left: 4px solid var(--accent); padding: 10px 14px; border-radius: 0 6px 6px 0; }
.board .headline { display: grid; grid-template-columns: auto 1fr 1fr; gap: 14px; align-items: center; margin: 0 0 10px; }
.board .caption { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; }
.pill.big { font-size: 22px; padding: 2px 14px; border-radius: 14px; white-space: normal; }
.measure { background: var(--panel); border-radius: 8px; padding: 8px 12px; }
.measure .n { font-size: 24px; font-weight: 700; line-height: 1.1; }
.measure .n .of { font-size: 14px; color: var(--muted); font-weight: 400; }
.measure .t { font-size: 12.5px; color: var(--muted); }
.reason { margin: 0 0 8px; }
.warning { background: #fdf3e1; border-left: 4px solid #b86e00; padding: 8px 12px; border-radius: 0 6px 6px 0; }
.board h3 { margin: 14px 0 6px; }
table.trend tr.now td { font-weight: 700; }
.rag { display: inline-block; white-space: nowrap; font-size: 12px; font-weight: 700; border-radius: 10px; padding: 0 8px; border: 1px solid; }
.rag-green { color: #175c2c; border-color: #8cc79c; background: #e8f5ec; }
.rag-amber { color: #7a4a00; border-color: #e5b766; background: #fdf3e1; }
.rag-red { color: #8a1c1c; border-color: #e3a0a0; background: #fbeaea; }
.rag-na { color: #4a5563; border-color: #d5dae0; background: #fff; }
table.priorities .meta { font-size: 12px; color: var(--muted); }
/* Fixed layouts, so that long domain names and criteria wrap in their own column, not the numbers. */
table.against-target, table.priorities { table-layout: fixed; }
table.against-target th:nth-child(1) { width: 42%; }
table.against-target th:nth-child(2) { width: 18%; }
table.against-target th:nth-child(3) { width: 15%; }
table.against-target th:nth-child(4) { width: 11%; }
table.against-target th:nth-child(5), table.against-target th:nth-child(6) { width: 7%; }
table.priorities th:nth-child(1) { width: 4%; }
table.priorities th:nth-child(2) { width: 62%; }
table.priorities th:nth-child(3) { width: 20%; }
table.priorities th:nth-child(4) { width: 14%; }
td.due { white-space: nowrap; }
.overdue { color: #8a1c1c; font-weight: 700; white-space: nowrap; }
footer { border-top: 1px solid var(--rule); padding-top: 10px; font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { background: #fff; font-size: 9.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h1 { font-size: 17pt; }
  header.cover { margin-bottom: 10px; padding-bottom: 6px; }
  header.cover .subtitle { font-size: 8.5pt; }
  section#board { break-after: page; page-break-after: always; }
  section#board { page-break-inside: auto; break-inside: auto; }
  dl.meta { font-size: 9pt; gap: 2px 14px; grid-template-columns: max-content 1fr max-content 1fr; }
  section#about .prose, dl.levels { font-size: 8.5pt; }
  section { margin-bottom: 22px; }
  h2 { font-size: 14pt; }
  h3 { font-size: 11pt; }
  table { font-size: 9pt; }
  th, td { padding: 4px 6px; }
  /* Short sections stay whole; long ones (class "long") may break, but never inside a row or item. */
  section { page-break-inside: avoid; break-inside: avoid; }
  section.long { page-break-inside: auto; break-inside: auto; }
  .domain-block h3, tr, td.cell, ol.steps li, ul.criteria li { page-break-inside: avoid; break-inside: avoid; }
  h2, h3, .bar { page-break-after: avoid; break-after: avoid; }
  thead { display: table-header-group; }
  section.break-before { page-break-before: always; break-before: page; }
  header.cover h1 { margin: 0 0 6px; }
  .board h3 { margin: 8px 0 4px; }
  .board table { font-size: 8pt; }
  .board th, .board td { padding: 1.5px 5px; }
  .board p { margin: 0 0 5px; font-size: 8.5pt; }
  .board p.small { font-size: 7.5pt; }
  table.priorities .meta { font-size: 7pt; }
  code, .id { font-size: 7pt; }
  /* The appendices are reference: smaller type, so that their length stays proportionate. */
  section#progress, section#gaps, section#next-phase, section#evidence { font-size: 8pt; }
  section#progress table, section#gaps table, section#evidence table { font-size: 7.5pt; }
  ul.criteria li { margin-bottom: 4px; }
  ul.criteria .meta, ol.steps .meta, .note { font-size: 7pt; }
  .board .headline { margin-bottom: 4px; }
  .board h2 { margin-bottom: 6px; }
  .board .status { padding: 0 4px; }
  .board th { letter-spacing: 0; font-size: 7pt; }
  .board .caption { font-size: 7pt; }
  .board .pill, .board .rag, .board .status { font-size: 7.5pt; }
  .pill.big { font-size: 15pt; }
  .measure { padding: 4px 10px; }
  .measure .n { font-size: 15pt; }
  .measure .t { font-size: 8pt; }
  table.heatmap td.cell { padding: 5px 7px; }
  table.heatmap .area { font-size: 8.5pt; }
  table.heatmap .lvl { font-size: 10pt; margin-top: 1px; }
  table.heatmap .sub { font-size: 7.5pt; }
  table.heatmap th.domain { font-size: 9pt; }
}
)CSS";
    for (int level = 0; level <= max_level; ++level) {
        const auto colour = level_colour(level, max_level);
        css += "." + level_class(level) + " { background: " + colour.background + "; color: " + colour.text + "; }\n";
    }
    return css;
}

}  // namespace routemap::detail::report
