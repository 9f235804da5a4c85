#pragma once
// routemap::detail is not public API. The built-in HTML report, in pieces: the analysis it shows
// (always from the library's own score, gap, path and compare, never recomputed here), escaping,
// the stylesheet, and one function per section. Every piece of user or framework text goes
// through escape(): an assessment is untrusted input.

#include <optional>
#include <string>
#include <string_view>

#include <routemap/assessment.hpp>
#include <routemap/compare.hpp>
#include <routemap/framework.hpp>
#include <routemap/gap.hpp>
#include <routemap/progression.hpp>
#include <routemap/report.hpp>
#include <routemap/scoring.hpp>

namespace routemap::detail::report {

// One assessment on the trend line: its date and headline figures under the report's model and target.
struct TrendPoint {
    std::string date;
    int level = 0;
    std::string label;
    bool applicable = true;
    double score = 0;
    double max_score = 0;
    double done_share = 0;  // of the way to the target
    std::size_t met = 0;
    std::size_t unknown = 0;
};

struct ReportData {
    const Framework& framework;
    const Assessment& assessment;
    const Assessment* previous = nullptr;
    ScoreResult score;
    GapAnalysis gap;
    ProgressionPath path;
    std::optional<Comparison> comparison;
    std::vector<TrendPoint> trend;  // oldest first, the current assessment last; empty without history
    const Panel* panel = nullptr;

    [[nodiscard]] int max_level() const { return static_cast<int>(score.level_labels.size()) - 1; }
    [[nodiscard]] std::string level_label(int level) const;
};

// Runs the analyses the report shows; throws what they throw (unknown model, bad target, ...).
ReportData analyse(const ReportRequest& request);

// Safe in element content and in quoted attribute values.
std::string escape(std::string_view text);
// Escaped, with line breaks kept as <br>.
std::string escape_lines(std::string_view text);

// Level colours: a sequential scale, light to dark, so that it reads in greyscale too.
struct LevelColour {
    std::string background;
    std::string text;
};
LevelColour level_colour(int level, int max_level);
std::string level_class(int level);  // "lv2"
std::string stylesheet(int max_level);

// "<span class="status met">✓ Met</span>": a symbol and a word, never colour alone.
std::string status_badge(Status status);
std::string number(double value, int decimals = 1);
std::string percent(double share);

std::string cover_section(const ReportData& data);
// Framework, source, publisher, date, assessors, model, target, compared with: after the board's page.
std::string about_section(const ReportData& data);
// The first printed page: headline, why the level is what it is, completeness, trend, domains
// against the target (red / amber / green, with words and symbols), top priorities with owners.
std::string board_section(const ReportData& data);
std::string notes_section(const ReportData& data);
std::string heatmap_section(const ReportData& data);
std::string comparison_section(const ReportData& data);
std::string gaps_section(const ReportData& data);
std::string path_section(const ReportData& data);
std::string evidence_section(const ReportData& data);
std::string footer(const ReportData& data);

std::string panel_section(const ReportData& data);  // html_panel.cpp; empty without a panel

}  // namespace routemap::detail::report
