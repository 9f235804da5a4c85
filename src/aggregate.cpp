#include <routemap/aggregate.hpp>

#include <algorithm>

#include <routemap/assessment.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/registry.hpp>
#include <routemap/scoring.hpp>

namespace routemap {

namespace {

double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Collector {
    Distribution out;
    std::vector<double> levels, scores;

    void add(const ScoreNode& node) {
        if (!node.applicable) return;
        const auto level = static_cast<std::size_t>(node.level);
        if (out.level_counts.size() <= level) out.level_counts.resize(level + 1, 0);
        ++out.level_counts[level];
        levels.push_back(node.level);
        scores.push_back(node.score);
    }
    Distribution finish(std::size_t level_count) {
        out.level_counts.resize(std::max(out.level_counts.size(), level_count), 0);
        out.count = levels.size();
        out.median_level = median(levels);
        out.median_score = median(scores);
        double sum = 0.0;
        for (const auto s : scores) sum += s;
        out.mean_score = scores.empty() ? 0.0 : sum / static_cast<double>(scores.size());
        if (!levels.empty()) {
            out.min_level = static_cast<int>(*std::min_element(levels.begin(), levels.end()));
            out.max_level = static_cast<int>(*std::max_element(levels.begin(), levels.end()));
        }
        return out;
    }
};

}  // namespace

Aggregate aggregate(const Registry& registry, const Framework& framework, std::span<const Assessment> assessments,
                    std::string_view model) {
    std::vector<Diagnostic> problems;
    for (const auto& a : assessments) {
        auto found = a.check(framework);
        problems.insert(problems.end(), found.begin(), found.end());
    }
    if (!problems.empty()) throw AssessmentError(std::move(problems));
    Aggregate out;
    out.framework_id = framework.id();
    out.model = std::string(model.empty() ? std::string_view(framework.scoring().default_model) : model);
    Collector overall;
    overall.out.id = framework.id();
    overall.out.name = framework.name();
    std::vector<Collector> domains(framework.domains().size()), areas(framework.areas().size());
    for (const auto& d : framework.domains()) domains[d.index].out.id = d.id, domains[d.index].out.name = d.name;
    for (const auto& a : framework.areas()) areas[a.index].out.id = a.id, areas[a.index].out.name = a.name;
    for (const auto& assessment : assessments) {
        const auto result = score(registry, framework, assessment, out.model);
        if (out.level_labels.empty()) out.level_labels = result.level_labels;
        out.subjects.push_back(assessment.subject);
        overall.add(result.overall);
        for (std::size_t i = 0; i < result.domains.size(); ++i) domains[i].add(result.domains[i]);
        for (std::size_t i = 0; i < result.areas.size(); ++i) areas[i].add(result.areas[i]);
    }
    if (out.level_labels.empty()) {
        const auto& m = registry.model(out.model);
        std::vector<Status> blank(framework.criteria().size(), Status::unknown);
        out.level_labels = m.score(framework, blank, resolve_parameters(m, framework)).level_labels;
    }
    const auto levels = out.level_labels.size();
    out.overall = overall.finish(levels);
    for (auto& d : domains) out.domains.push_back(d.finish(levels));
    for (auto& a : areas) out.areas.push_back(a.finish(levels));
    return out;
}

}  // namespace routemap
