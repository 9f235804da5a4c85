#pragma once
// Scoring many assessments at once, for research: a matrix of status codes in, arrays out.

#include <cstdint>
#include <vector>

#include <routemap/framework_spec.hpp>

namespace routemap {

class Framework;
class ScoringModel;

struct BatchScores {
    std::size_t rows = 0, areas = 0, domains = 0;
    std::vector<std::int32_t> area_levels;    // rows x areas, row-major
    std::vector<double> area_scores;          // rows x areas
    std::vector<std::int32_t> domain_levels;  // rows x domains
    std::vector<double> domain_scores;        // rows x domains
    std::vector<std::int32_t> overall_levels; // rows
    std::vector<double> overall_scores;       // rows
};

// `codes` holds rows x criteria status codes (see Status), row-major, each row in framework order;
// row r starts at codes + r * row_stride. Gives exactly what scoring each row on its own gives.
// Throws Error on a code outside 0..4 (naming the row and column).
BatchScores score_many(const ScoringModel& model, const Framework& framework, const std::uint8_t* codes,
                       std::size_t rows, std::size_t row_stride, const ModelParameters& parameters);

}  // namespace routemap
