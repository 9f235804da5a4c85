#include <cmath>

#include "models.hpp"

namespace routemap::models {

std::string CoverageModel::description() const {
    return "Weighted share of applicable criteria that are met (0 to 1), per tier, per area, per domain and "
           "overall, each pooled over the criteria it holds. A node's level is the highest tier up to which "
           "every tier's coverage reaches the threshold (default 1).";
}

ModelParameters CoverageModel::default_parameters() const { return {{"level_threshold", 1.0}}; }

ScoreResult CoverageModel::score(const Framework& framework, std::span<const Status> statuses,
                                 const ModelParameters& parameters) const {
    auto result = make_score_skeleton(framework, statuses, name(), parameters);
    result.level_labels = tier_level_labels(framework);
    const double threshold = parameters.at("level_threshold");
    const auto tiers = framework.tiers().size();

    struct Sums {
        std::vector<double> met, all;
    };
    auto blank = [&] { return Sums{std::vector<double>(tiers, 0.0), std::vector<double>(tiers, 0.0)}; };
    std::vector<Sums> areas(framework.areas().size(), blank()), domains(framework.domains().size(), blank());
    Sums overall = blank();
    for (const auto& c : framework.criteria()) {
        const auto s = statuses[c.index];
        if (s == Status::not_applicable) continue;
        for (auto* sums : {&areas[c.area], &domains[c.domain], &overall}) {
            sums->all[c.tier] += c.weight;
            if (s == Status::met) sums->met[c.tier] += c.weight;
        }
    }
    auto fill = [&](ScoreNode& node, const Sums& sums) {
        node.max_score = 1.0;
        double met = 0.0, all = 0.0;
        int level = 0;
        bool blocked = false;
        for (std::size_t t = 0; t < tiers; ++t) {
            met += sums.met[t];
            all += sums.all[t];
            if (sums.all[t] > 0.0) node.tier_scores[t] = sums.met[t] / sums.all[t];
            if (!blocked && (std::isnan(node.tier_scores[t]) || node.tier_scores[t] + 1e-12 >= threshold))
                level = static_cast<int>(t) + 1;
            else
                blocked = true;
        }
        node.score = all > 0.0 ? met / all : 0.0;
        node.level = node.applicable ? level : 0;
        node.label = result.level_labels[node.level];
    };
    for (std::size_t i = 0; i < areas.size(); ++i) fill(result.areas[i], areas[i]);
    for (std::size_t i = 0; i < domains.size(); ++i) fill(result.domains[i], domains[i]);
    fill(result.overall, overall);
    return result;
}

}  // namespace routemap::models
