// Trends: every assessment of every subject in a collection, scored, oldest first.

#include <routemap/collection.hpp>

#include <routemap/framework.hpp>
#include <routemap/registry.hpp>

namespace routemap {

std::vector<SubjectTrend> trends(const Registry& registry, const Collection& collection, std::string_view model) {
    std::vector<SubjectTrend> out;
    for (const auto& series : collection.series()) {
        const auto& framework = registry.get(series.framework_id);
        SubjectTrend trend{series.subject, series.framework_id, {}, {}, {}};
        for (const auto i : series.entries) {
            const auto& assessment = collection.assessments()[i];
            auto result = score(registry, framework, assessment, model);
            if (trend.model.empty()) {
                trend.model = result.model;
                trend.level_labels = result.level_labels;
            }
            trend.points.push_back({assessment.date, assessment.file, assessment.framework_version,
                                    std::move(result.overall), std::move(result.domains)});
        }
        out.push_back(std::move(trend));
    }
    return out;
}

}  // namespace routemap
