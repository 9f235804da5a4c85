// The built-in HTML report: one self-contained file (inline CSS and SVG, no scripts, no network)
// that a board can read on screen or print on A4. The sections live in src/report/; this file
// assembles them and registers the writer.

#include <routemap/report.hpp>
#include <routemap/version.hpp>

#include "report/html.hpp"

namespace routemap {

namespace {

class HtmlReportWriter final : public ReportWriter {
public:
    std::string format() const override { return "html"; }
    std::string description() const override {
        return "One self-contained HTML file for a board: a first page with the overall level and what moves it, why, "
               "the trend, each domain against the target and the top priorities with owners; then appendices with "
               "levels by area, progress, gaps, the path and the evidence. Prints on A4.";
    }
    std::string render(const ReportRequest& request) const override;
};

std::string HtmlReportWriter::render(const ReportRequest& request) const {
    namespace r = detail::report;
    const auto data = r::analyse(request);
    const auto& a = data.assessment;
    std::string title = (a.subject.empty() ? std::string("Assessment") : a.subject) + " — " + data.framework.name();
    if (!a.date.empty()) title += " (" + a.date + ")";
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       "<meta name=\"generator\" content=\"routemap " + std::string(version_string) + "\">\n"
                       "<title>" + r::escape(title) + "</title>\n<style>" + r::stylesheet(data.max_level()) +
                       "</style>\n</head>\n<body>\n<main>\n";
    // The first printed page is for the board; the detail follows as appendices.
    html += r::cover_section(data);
    html += r::board_section(data);
    html += r::about_section(data);
    html += r::notes_section(data);
    char letter = 'A';
    const auto appendix = [&letter](std::string section) {
        if (const auto heading = section.find("<h2>"); heading != std::string::npos)
            section.insert(heading + 4, std::string("Appendix ") + letter++ + ": ");
        return section;
    };
    html += appendix(r::heatmap_section(data));
    html += appendix(r::comparison_section(data));
    html += appendix(r::panel_section(data));
    html += appendix(r::gaps_section(data));
    html += appendix(r::path_section(data));
    html += appendix(r::evidence_section(data));
    html += r::footer(data);
    return html + "</main>\n</body>\n</html>\n";
}

}  // namespace

const Assessment* latest_earlier(const std::vector<const Assessment*>& history, std::string_view date) {
    const Assessment* best = nullptr;
    for (const auto* a : history)
        if ((date.empty() || a->date <= date) && (!best || a->date >= best->date)) best = a;
    if (best) return best;
    for (const auto* a : history)
        if (!best || a->date >= best->date) best = a;
    return best;
}

std::vector<std::shared_ptr<const ReportWriter>> builtin_report_writers() {
    return {std::make_shared<HtmlReportWriter>()};
}

}  // namespace routemap
