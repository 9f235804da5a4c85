// Krippendorff's alpha from the coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
// Alpha-Reliability", sections A and C), percent agreement, and a bootstrap interval over units.
//
// A unit's ratings, counted per value, add (count_c * (count_k - [c == k])) / (m_u - 1) to the
// coincidence o_ck (m_u: the unit's ratings; units with fewer than two add nothing). With
// n_c = sum_k o_ck and n = sum_c n_c:  alpha = 1 - (n - 1) * sum o_ck d_ck / sum n_c n_k d_ck.

#include <routemap/agreement.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <routemap/error.hpp>

namespace routemap {

std::string_view to_string(AlphaMetric metric) noexcept {
    switch (metric) {
        case AlphaMetric::nominal: return "nominal";
        case AlphaMetric::interval: return "interval";
        case AlphaMetric::ordinal: break;
    }
    return "ordinal";
}

AlphaMetric alpha_metric_from_name(std::string_view name) {
    for (const auto m : {AlphaMetric::nominal, AlphaMetric::ordinal, AlphaMetric::interval})
        if (to_string(m) == name) return m;
    throw Error("unknown alpha metric '" + std::string(name) + "': use nominal, ordinal or interval");
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// The data as value indices: the sorted distinct values, and per pairable unit its (value, count) pairs.
struct Units {
    std::vector<double> values;
    struct Unit {
        std::vector<std::pair<std::size_t, double>> counts;
        double m = 0;
    };
    std::vector<Unit> units;  // one per column; units with fewer than two ratings have m < 2
};

Units tabulate(const ReliabilityData& data) {
    Units out;
    const std::size_t columns = data.empty() ? 0 : data.front().size();
    for (const auto& row : data) {
        if (row.size() != columns)
            throw Error("reliability data: every rater needs one rating (or NaN) per unit; rows have " +
                        std::to_string(columns) + " and " + std::to_string(row.size()) + " units");
        for (const double v : row)
            if (!std::isnan(v)) out.values.push_back(v);
    }
    std::sort(out.values.begin(), out.values.end());
    out.values.erase(std::unique(out.values.begin(), out.values.end()), out.values.end());
    out.units.resize(columns);
    for (std::size_t u = 0; u < columns; ++u) {
        std::vector<double> count(out.values.size(), 0.0);
        for (const auto& row : data) {
            if (std::isnan(row[u])) continue;
            const auto at = std::lower_bound(out.values.begin(), out.values.end(), row[u]) - out.values.begin();
            count[static_cast<std::size_t>(at)] += 1;
        }
        auto& unit = out.units[u];
        for (std::size_t v = 0; v < count.size(); ++v)
            if (count[v] > 0) {
                unit.counts.emplace_back(v, count[v]);
                unit.m += count[v];
            }
    }
    return out;
}

double distance(AlphaMetric metric, const std::vector<double>& values, const std::vector<double>& n_c, std::size_t c,
                std::size_t k) {
    if (c == k) return 0.0;
    switch (metric) {
        case AlphaMetric::nominal: return 1.0;
        case AlphaMetric::interval: return (values[c] - values[k]) * (values[c] - values[k]);
        case AlphaMetric::ordinal: break;
    }
    const auto lo = std::min(c, k), hi = std::max(c, k);
    double between = 0;
    for (std::size_t g = lo; g <= hi; ++g) between += n_c[g];
    const double d = between - (n_c[lo] + n_c[hi]) / 2.0;
    return d * d;
}

// Alpha over units drawn with the given multiplicities (weight[u] copies of unit u).
double alpha_of(const Units& t, AlphaMetric metric, const std::vector<double>& weight) {
    const std::size_t V = t.values.size();
    std::vector<double> o(V * V, 0.0);
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        const auto& unit = t.units[u];
        if (unit.m < 2 || weight[u] == 0) continue;
        const double scale = weight[u] / (unit.m - 1);
        for (const auto& [c, nc] : unit.counts)
            for (const auto& [k, nk] : unit.counts) o[c * V + k] += scale * nc * (nk - (c == k ? 1.0 : 0.0));
    }
    std::vector<double> n_c(V, 0.0);
    double n = 0;
    for (std::size_t c = 0; c < V; ++c) {
        for (std::size_t k = 0; k < V; ++k) n_c[c] += o[c * V + k];
        n += n_c[c];
    }
    if (n <= 1) return nan;
    double observed = 0, expected = 0;
    for (std::size_t c = 0; c < V; ++c)
        for (std::size_t k = 0; k < V; ++k) {
            if (c == k) continue;
            const double d = distance(metric, t.values, n_c, c, k);
            observed += o[c * V + k] * d;
            expected += n_c[c] * n_c[k] * d;
        }
    if (expected == 0) return nan;
    return 1.0 - (n - 1) * observed / expected;
}

// A uniform index below `bound`, by rejection, so that the draws are the same on every platform
// (std::uniform_int_distribution is implementation-defined).
std::size_t draw(std::mt19937_64& rng, std::size_t bound) {
    const auto range = std::mt19937_64::max();
    const auto limit = range - (range % bound + 1) % bound;  // accept [0, limit]
    std::uint64_t r;
    do r = rng();
    while (r > limit);
    return static_cast<std::size_t>(r % bound);
}

double quantile(const std::vector<double>& sorted, double p) {
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    if (lo + 1 >= sorted.size()) return sorted.back();
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

}  // namespace

double krippendorff_alpha(const ReliabilityData& data, AlphaMetric metric) {
    const auto t = tabulate(data);
    return alpha_of(t, metric, std::vector<double>(t.units.size(), 1.0));
}

double percent_agreement(const ReliabilityData& data) {
    const auto t = tabulate(data);
    double sum = 0;
    std::size_t units = 0;
    for (const auto& unit : t.units) {
        if (unit.m < 2) continue;
        double agreeing = 0;
        for (const auto& [c, nc] : unit.counts) agreeing += nc * (nc - 1);
        sum += agreeing / (unit.m * (unit.m - 1));
        ++units;
    }
    return units ? sum / static_cast<double>(units) : nan;
}

AlphaEstimate estimate_alpha(const ReliabilityData& data, AlphaMetric metric, const BootstrapOptions& options) {
    if (!(options.level > 0 && options.level < 1)) throw Error("the bootstrap level must lie strictly between 0 and 1");
    const auto t = tabulate(data);
    AlphaEstimate out;
    out.metric = metric;
    out.level = options.level;
    out.resamples = options.resamples;
    out.units = t.units.size();
    for (const auto& unit : t.units)
        if (unit.m >= 2) {
            ++out.pairable_units;
            out.pairable_values += static_cast<std::size_t>(unit.m);
        }
    out.alpha = alpha_of(t, metric, std::vector<double>(t.units.size(), 1.0));
    out.percent_agreement = percent_agreement(data);
    out.low = out.high = nan;
    if (options.resamples == 0 || t.units.empty()) return out;
    std::mt19937_64 rng(options.seed);
    std::vector<double> alphas;
    alphas.reserve(options.resamples);
    std::vector<double> weight(t.units.size());
    for (std::size_t r = 0; r < options.resamples; ++r) {
        std::fill(weight.begin(), weight.end(), 0.0);
        for (std::size_t i = 0; i < t.units.size(); ++i) weight[draw(rng, t.units.size())] += 1;
        const double a = alpha_of(t, metric, weight);
        if (!std::isnan(a)) alphas.push_back(a);
    }
    out.valid_resamples = alphas.size();
    if (alphas.empty()) return out;
    std::sort(alphas.begin(), alphas.end());
    out.low = quantile(alphas, (1 - options.level) / 2);
    out.high = quantile(alphas, (1 + options.level) / 2);
    return out;
}

}  // namespace routemap
