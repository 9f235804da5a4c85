#pragma once
// Inter-rater agreement: Krippendorff's alpha (nominal, ordinal, interval) from the coincidence
// matrix, with missing ratings, percent agreement, and a seeded bootstrap interval over units.
// Definitions: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability"; docs/panels.md.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace routemap {

enum class AlphaMetric { nominal, ordinal, interval };
// "nominal", "ordinal", "interval".
std::string_view to_string(AlphaMetric metric) noexcept;
// From its name; throws Error otherwise.
AlphaMetric alpha_metric_from_name(std::string_view name);

// Reliability data: one row per rater, one column per unit (every row the same length); NaN is a
// missing rating. Values are numbers; for the ordinal metric their order is the scale's order.
using ReliabilityData = std::vector<std::vector<double>>;

// Krippendorff's alpha. NaN when it is undefined: no unit has two ratings, or the pairable values
// do not vary (no expected disagreement). Throws Error when the rows differ in length.
[[nodiscard]] double krippendorff_alpha(const ReliabilityData& data, AlphaMetric metric);

// The mean, over units with at least two ratings, of the share of pairs of ratings that are
// equal. NaN when no unit has two ratings.
[[nodiscard]] double percent_agreement(const ReliabilityData& data);

struct BootstrapOptions {
    std::size_t resamples = 1000;       // 0: no interval
    std::uint64_t seed = 20110101;      // std::mt19937_64's seed: same seed, same interval everywhere
    double level = 0.95;                // two-sided; percentiles (1-level)/2 and (1+level)/2
};

struct AlphaEstimate {
    AlphaMetric metric = AlphaMetric::ordinal;
    double alpha = 0.0;         // NaN when undefined
    double low = 0.0;           // the bootstrap interval (NaN without resamples, or when none gave an alpha)
    double high = 0.0;
    double level = 0.95;
    std::size_t resamples = 0;  // asked for
    std::size_t valid_resamples = 0;  // resamples whose alpha was defined (the interval uses these)
    std::size_t units = 0;            // all units (columns)
    std::size_t pairable_units = 0;   // units with at least two ratings
    std::size_t pairable_values = 0;  // n: ratings in pairable units
    double percent_agreement = 0.0;
};

// Alpha with a percentile bootstrap interval: `resamples` times, draw as many units as there are
// (columns, with replacement, uniformly, with std::mt19937_64 seeded by `seed`) and compute alpha on
// them; the interval is the (1-level)/2 and (1+level)/2 quantiles (linear interpolation, numpy's
// default) of the defined values.
[[nodiscard]] AlphaEstimate estimate_alpha(const ReliabilityData& data, AlphaMetric metric,
                                           const BootstrapOptions& options = {});

}  // namespace routemap
