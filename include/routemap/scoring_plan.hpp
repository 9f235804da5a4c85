#pragma once
// A compiled scoring plan: what a model needs to know about one framework and one set of parameters
// (column -> area and tier, area -> domain, weights, credits), prepared once and then run over any
// number of rows without allocating per row. Single scoring and score_many both run it.

#include <cstddef>
#include <cstdint>

#include <routemap/batch.hpp>

namespace routemap {

class ScoringPlan {
public:
    virtual ~ScoringPlan() = default;
    // Scores rows [begin, end) of `codes` (row r at codes + r * row_stride, one code per criterion,
    // each already checked to be one the criterion accepts: 0..4, or an answer code
    // of its scale) into the same rows of `out`, which is allocated for them.
    // Writes only the outputs `out.outputs` asks for, plus the applicable masks. Must be safe to run
    // on disjoint row ranges from several threads at once.
    virtual void run(const std::uint8_t* codes, std::size_t row_stride, std::size_t begin, std::size_t end,
                     BatchScores& out) const = 0;
};

}  // namespace routemap
