// A banded rating model in the style of the NHS Equality Delivery System 2022 (EDS 2022).
//
// EDS 2022 rates each outcome Undeveloped (0), Developing (1), Achieving (2) or Excelling (3), adds the
// outcome scores up, and rates the total in bands (for its 11 outcomes: under 8 Undeveloped, 8-21
// Developing, 22-32 Achieving, 33 Excelling). Here an area plays the part of an outcome: its rating
// comes from the weighted credit share of its applicable criteria, and domain and overall ratings come
// from the totals, with EDS's bands expressed as shares of the maximum so that they scale with the
// number of areas. All thresholds are parameters (docs/scoring.md), set per framework in
// [scoring.parameters.eds-rating] or per call.

#include <cmath>
#include <memory>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/plugin.hpp>
#include <routemap/scoring.hpp>

namespace {

using namespace routemap;

const std::vector<std::string> labels{"Undeveloped", "Developing", "Achieving", "Excelling"};

int band(double share, double developing, double achieving, double excelling) {
    constexpr double eps = 1e-12;  // shares like 22/33 must reach the 22/33 band
    if (share + eps >= excelling) return 3;
    if (share + eps >= achieving) return 2;
    if (share + eps >= developing) return 1;
    return 0;
}

class EdsRatingModel final : public ScoringModel {
public:
    std::string name() const override { return "eds-rating"; }
    std::string description() const override {
        return "NHS EDS 2022 style banded rating: each area Undeveloped / Developing / Achieving / Excelling "
               "(0-3) from its criteria's credit share; domain and overall ratings from the totals of area "
               "ratings, banded as shares of the maximum.";
    }
    ModelParameters default_parameters() const override {
        return {{"partial_credit", 0.5},
                {"developing", 0.25},
                {"achieving", 0.6},
                {"excelling", 0.9},
                {"total_developing", 8.0 / 33.0},
                {"total_achieving", 22.0 / 33.0},
                {"total_excelling", 1.0}};
    }

    ScoreResult score(const Framework& framework, std::span<const Status> statuses,
                      const ModelParameters& p) const override {
        check_order(p, "developing", "achieving", "excelling");
        check_order(p, "total_developing", "total_achieving", "total_excelling");
        auto result = make_score_skeleton(framework, statuses, name(), p);
        result.level_labels = labels;
        const double partial = p.at("partial_credit");

        for (const auto& area : framework.areas()) {
            auto& node = result.areas[area.index];
            node.max_score = 3.0;
            double credit = 0.0, weight = 0.0;
            for (const auto& c : framework.criteria_of(area)) {
                const auto s = statuses[c.index];
                if (s == Status::not_applicable) continue;
                weight += c.weight;
                credit += c.weight * (s == Status::met ? 1.0 : s == Status::partial ? partial : 0.0);
            }
            if (!node.applicable) continue;
            node.level = band(credit / weight, p.at("developing"), p.at("achieving"), p.at("excelling"));
            node.score = node.level;
        }
        auto total = [&](ScoreNode& parent, std::span<const Area> areas) {
            double sum = 0.0, max = 0.0;
            for (const auto& area : areas) {
                const auto& child = result.areas[area.index];
                if (!child.applicable) continue;
                sum += child.score;
                max += 3.0;
            }
            parent.max_score = max;
            if (!parent.applicable) return;  // already marked by the skeleton: no level, NaN score
            parent.score = sum;
            parent.level = band(sum / max, p.at("total_developing"), p.at("total_achieving"), p.at("total_excelling"));
        };
        for (const auto& domain : framework.domains()) total(result.domains[domain.index], framework.areas_of(domain));
        total(result.overall, framework.areas());

        label_levels(result);  // not-applicable nodes keep "Not applicable"
        return result;
    }

private:
    static void check_order(const ModelParameters& p, const char* a, const char* b, const char* c) {
        const double x = p.at(a), y = p.at(b), z = p.at(c);
        if (!(0.0 <= x && x <= y && y <= z && z <= 1.0))
            throw Error(std::string("eds-rating: parameters must satisfy 0 <= ") + a + " <= " + b + " <= " + c +
                        " <= 1 (got " + std::to_string(x) + ", " + std::to_string(y) + ", " + std::to_string(z) + ")");
    }
};

void register_plugin(Registry& registry) { registry.add_model(std::make_shared<EdsRatingModel>(), "eds-rating plugin"); }

}  // namespace

ROUTEMAP_PLUGIN("eds-rating", "1.0.0", register_plugin)
