// routemap::detail is not public API: the HTML report's analysis, escaping and small formatters.

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <routemap/detail/format.hpp>
#include <routemap/detail/html.hpp>
#include <routemap/error.hpp>

#include "html.hpp"

namespace routemap::detail::report {

std::string ReportData::level_label(int level) const {
    if (level == not_applicable_level) return "n/a";
    if (level >= 0 && static_cast<std::size_t>(level) < score.level_labels.size())
        return score.level_labels[static_cast<std::size_t>(level)];
    return "Level " + std::to_string(level);
}

namespace {

TrendPoint trend_point(const Assessment& assessment, const ScoreResult& score, const GapAnalysis& gap) {
    return {assessment.date,     score.overall.level,     score.overall.label,  score.overall.applicable,
            score.overall.score, score.overall.max_score, gap.total.done_share(), score.overall.counts[Status::met],
            score.overall.counts[Status::unknown]};
}

// Each earlier assessment (history and previous, each once) scored with the report's model and
// measured against its target, oldest first, then the current one.
std::vector<TrendPoint> trend_of(const ReportRequest& request, const Framework& framework, const ReportData& data) {
    std::vector<const Assessment*> earlier = request.history;
    if (request.previous) earlier.push_back(request.previous);
    std::sort(earlier.begin(), earlier.end());
    earlier.erase(std::unique(earlier.begin(), earlier.end()), earlier.end());
    std::erase(earlier, nullptr);
    std::erase(earlier, request.assessment);
    if (earlier.empty()) return {};
    std::stable_sort(earlier.begin(), earlier.end(), [](const auto* a, const auto* b) { return a->date < b->date; });
    std::vector<TrendPoint> trend;
    for (const auto* a : earlier) {
        if (a->framework_id != framework.id())
            throw AssessmentError("the assessment of " + (a->date.empty() ? std::string("an unknown date") : a->date) +
                             " is against '" + a->framework_id + "', not '" + framework.id() + "': it cannot be on the trend");
        const auto score = routemap::score(*request.registry, framework, *a, request.model);
        trend.push_back(trend_point(*a, score, analyse_gap(framework, *a, request.target)));
    }
    trend.push_back(trend_point(data.assessment, data.score, data.gap));
    return trend;
}

}  // namespace

ReportData analyse(const ReportRequest& request) {
    if (!request.framework || !request.assessment || !request.registry)
        throw Error("an HTML report needs a framework, an assessment and a registry");
    const auto& framework = *request.framework;
    ReportData data{framework, *request.assessment, request.previous, {}, {}, {}, std::nullopt, {}, nullptr};
    data.score = routemap::score(*request.registry, framework, *request.assessment, request.model);
    data.gap = analyse_gap(framework, *request.assessment, request.target);
    data.path = progression_path(framework, data.gap);
    if (request.previous)
        data.comparison = compare(*request.registry, framework, *request.previous, *request.assessment, request.model);
    data.trend = trend_of(request, framework, data);
    data.panel = request.panel;
    return data;
}

std::string escape(std::string_view text) { return detail::escape_html(text); }

std::string escape_lines(std::string_view text) {
    std::string out;
    for (const auto& c : escape(text)) {
        if (c == '\n') out += "<br>";
        else out += c;
    }
    return out;
}

std::string level_class(int level) { return "lv" + std::to_string(std::max(level, 0)); }

std::string status_badge(Status status) {
    switch (status) {
        case Status::met: return R"(<span class="status met">✓ Met</span>)";
        case Status::partial: return R"(<span class="status partial">◐ Partial</span>)";
        case Status::not_met: return R"(<span class="status not-met">✗ Not met</span>)";
        case Status::not_applicable: return R"(<span class="status na">– Not applicable</span>)";
        case Status::unknown: break;
    }
    return R"(<span class="status unknown">? Unknown</span>)";
}

std::string number(double value, int decimals) { return detail::format_decimal(value, decimals, "–"); }

std::string percent(double share) {
    if (std::isnan(share)) return "–";
    return std::to_string(static_cast<long>(std::lround(share * 100.0))) + "%";
}

}  // namespace routemap::detail::report
