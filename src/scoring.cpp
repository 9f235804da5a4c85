#include <routemap/scoring.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include <routemap/assessment.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/registry.hpp>
#include <routemap/scoring_plan.hpp>

#include "models/models.hpp"
#include "scoring/codes.hpp"

namespace routemap {

std::size_t StatusCounts::total() const noexcept {
    std::size_t n = 0;
    for (const auto v : by_status) n += v;
    return n;
}

namespace {

void mark_not_applicable(ScoreNode& node) {
    node.applicable = false;
    node.level = not_applicable_level;
    node.label = std::string(not_applicable_label);
    node.score = std::numeric_limits<double>::quiet_NaN();
    std::fill(node.tier_scores.begin(), node.tier_scores.end(), std::numeric_limits<double>::quiet_NaN());
}

template <class Nodes>
const ScoreNode& find_node(const Nodes& nodes, std::string_view id, std::string_view what) {
    for (const auto& node : nodes)
        if (node.id == id) return node;
    throw NotFoundError("no " + std::string(what) + " '" + std::string(id) + "' in this score");
}
}  // namespace

const ScoreNode& ScoreResult::area(std::string_view id) const { return find_node(areas, id, "area"); }
const ScoreNode& ScoreResult::domain(std::string_view id) const { return find_node(domains, id, "domain"); }

ModelParameters resolve_parameters(const ScoringModel& model, const Framework& framework, const ModelParameters& overrides) {
    auto parameters = model.default_parameters();
    auto apply = [&](const ModelParameters& values, const std::string& from) {
        for (const auto& [key, value] : values) {
            if (!parameters.contains(key)) {
                std::string known;
                for (const auto& [k, v] : model.default_parameters()) known += (known.empty() ? "" : ", ") + k;
                throw Error("scoring model '" + model.name() + "' has no parameter '" + key + "' (given " + from +
                            "; known: " + (known.empty() ? "none" : known) + ")");
            }
            if (!std::isfinite(value))
                throw Error("parameter '" + key + "' of scoring model '" + model.name() + "' must be a finite number");
            parameters[key] = value;
        }
    };
    if (const auto it = framework.scoring().parameters.find(model.name()); it != framework.scoring().parameters.end())
        apply(it->second, "in framework '" + framework.id() + "'");
    apply(overrides, "by the caller");
    return parameters;
}

std::shared_ptr<const ScoringPlan> ScoringModel::prepare(const Framework&, const ModelParameters&) const {
    return nullptr;
}

ScoreResult ScoringModel::score_codes(const Framework& framework, std::span<const std::uint8_t> codes,
                                      const ModelParameters& parameters) const {
    const auto statuses = models::code_meanings(framework, codes);
    return score(framework, statuses, parameters);
}

ScoreResult score_statuses(const ScoringModel& model, const Framework& framework, std::span<const Status> statuses,
                           const ModelParameters& parameters) {
    auto result = model.score(framework, statuses, parameters);
    // Whatever a (plugin) model did, a node with nothing applicable below it has no level or score.
    for (auto* nodes : {&result.areas, &result.domains})
        for (auto& node : *nodes)
            if (!node.applicable) mark_not_applicable(node);
    if (!result.overall.applicable) mark_not_applicable(result.overall);
    return result;
}

ScoreResult score_codes(const ScoringModel& model, const Framework& framework, std::span<const std::uint8_t> codes,
                        const ModelParameters& parameters) {
    if (codes.size() != framework.criteria().size())
        throw Error("expected " + std::to_string(framework.criteria().size()) + " codes for framework '" + framework.id() +
                    "', got " + std::to_string(codes.size()));
    detail::CodeRanges(framework).check(codes.data(), codes.size(), "");
    auto result = model.score_codes(framework, codes, parameters);
    for (auto* nodes : {&result.areas, &result.domains})
        for (auto& node : *nodes)
            if (!node.applicable) mark_not_applicable(node);
    if (!result.overall.applicable) mark_not_applicable(result.overall);
    return result;
}

ScoreResult score(const Registry& registry, const Framework& framework, const Assessment& assessment,
                  std::string_view model_name, const ModelParameters& overrides) {
    assessment.validate(framework);
    const auto& model = registry.model(model_name.empty() ? framework.scoring().default_model : model_name);
    const auto codes = assessment.codes(framework);
    return score_codes(model, framework, codes, resolve_parameters(model, framework, overrides));
}

ScoreResult make_score_skeleton(const Framework& framework, std::span<const Status> statuses, std::string model,
                                const ModelParameters& parameters) {
    if (statuses.size() != framework.criteria().size())
        throw Error("expected " + std::to_string(framework.criteria().size()) + " statuses for framework '" +
                    framework.id() + "', got " + std::to_string(statuses.size()));
    const auto tiers = framework.tiers().size();
    ScoreResult result;
    result.model = std::move(model);
    result.framework_id = framework.id();
    result.framework_version = framework.version();
    result.parameters = parameters;
    auto blank = [&](std::string id, std::string name) {
        ScoreNode node;
        node.id = std::move(id);
        node.name = std::move(name);
        node.counts_by_tier.assign(tiers, {});
        node.tier_scores.assign(tiers, std::numeric_limits<double>::quiet_NaN());
        return node;
    };
    result.overall = blank(framework.id(), framework.name());
    result.domains.reserve(framework.domains().size());
    result.areas.reserve(framework.areas().size());
    for (const auto& domain : framework.domains()) result.domains.push_back(blank(domain.id, domain.name));
    for (const auto& area : framework.areas()) result.areas.push_back(blank(area.id, area.name));
    for (const auto& c : framework.criteria()) {
        const auto s = statuses[c.index];
        if (static_cast<std::size_t>(s) >= status_count)
            throw Error("invalid status code " + std::to_string(static_cast<int>(s)) + " for criterion '" + c.id + "'");
        for (auto* node : {&result.areas[c.area], &result.domains[c.domain], &result.overall}) {
            node->counts.add(s);
            node->counts_by_tier[c.tier].add(s);
        }
    }
    auto settle = [](ScoreNode& node) {
        node.applicable = node.counts.applicable() > 0;
        if (!node.applicable) mark_not_applicable(node);
    };
    for (auto* nodes : {&result.areas, &result.domains})
        for (auto& node : *nodes) settle(node);
    settle(result.overall);
    return result;
}

void label_levels(ScoreResult& result) {
    auto label = [&](ScoreNode& node) {
        if (!node.applicable) return mark_not_applicable(node);
        if (node.level < 0 || static_cast<std::size_t>(node.level) >= result.level_labels.size())
            throw Error("scoring model '" + result.model + "' gave level " + std::to_string(node.level) + " to '" +
                        node.id + "', outside its " + std::to_string(result.level_labels.size()) + " level labels");
        node.label = result.level_labels[static_cast<std::size_t>(node.level)];
    };
    for (auto* nodes : {&result.areas, &result.domains})
        for (auto& node : *nodes) label(node);
    label(result.overall);
}

std::vector<std::shared_ptr<const ScoringModel>> builtin_models() {
    return {std::make_shared<models::StagedModel>(), std::make_shared<models::ContinuousModel>(),
            std::make_shared<models::CoverageModel>()};
}

}  // namespace routemap
