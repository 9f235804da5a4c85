#pragma once
// Scoring many assessments at once, for research: a matrix of status codes in, columnar arrays out.

#include <cstddef>
#include <cstdint>
#include <vector>

#include <routemap/framework_spec.hpp>

namespace routemap {

class Framework;
class ScoringModel;

// What score_many computes; ask for less to write less.
enum BatchOutput : unsigned {
    batch_levels = 1u << 0,
    batch_scores = 1u << 1,
    batch_tier_scores = 1u << 2,  // rows x nodes x tiers; off by default (T times larger)
    batch_default_outputs = batch_levels | batch_scores,
};

struct BatchOptions {
    unsigned outputs = batch_default_outputs;
    unsigned threads = 0;  // 0 = every core the machine has; rows are split into contiguous blocks
};

// Row-major arrays, one row per assessment. The applicable masks are always filled: 0 where every
// criterion below a node is not applicable, in which case its level is not_applicable_level (-1) and
// its scores NaN. Arrays not asked for stay empty.
struct BatchScores {
    std::size_t rows = 0, areas = 0, domains = 0, tiers = 0;
    unsigned outputs = batch_default_outputs;
    std::vector<std::uint8_t> area_applicable, domain_applicable, overall_applicable;  // rows x n
    std::vector<std::int32_t> area_levels, domain_levels, overall_levels;              // rows x n
    std::vector<double> area_scores, domain_scores, overall_scores;                    // rows x n
    std::vector<double> area_tier_scores, domain_tier_scores, overall_tier_scores;     // rows x n x tiers

    // Sizes every array asked for by `outputs` (the contents are then written by a plan).
    void allocate(std::size_t rows, std::size_t areas, std::size_t domains, std::size_t tiers, unsigned outputs);
};

// `codes` holds rows x criteria status codes, row-major, each row in framework order; row r starts at
// codes + r * row_stride. Codes: 0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable (Status),
// and, when the framework has answer scales, first_answer_code + k (5 + k) for the k-th answer of
// Framework::answers() (Answer::code), which a criterion accepts when the answer is on its own scale
// (Assessment::codes gives them). Gives exactly what scoring each row on its own gives (both run the
// model's plan; models without one are called row by row, with each answer's meaning). Throws Error
// on a code a criterion does not accept, naming the first such row and column.
BatchScores score_many(const ScoringModel& model, const Framework& framework, const std::uint8_t* codes,
                       std::size_t rows, std::size_t row_stride, const ModelParameters& parameters,
                       const BatchOptions& options = {});

}  // namespace routemap
