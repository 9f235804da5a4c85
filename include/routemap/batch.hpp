#pragma once
// Scoring many assessments at once, for research: a matrix of status codes in, columnar arrays out.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
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

namespace detail {
// std::allocator, but an element made without a value is left uninitialised, as `new T` leaves it.
template <class T>
struct uninitialised_allocator : std::allocator<T> {
    using std::allocator<T>::allocator;
    template <class U>
    struct rebind {
        using other = uninitialised_allocator<U>;
    };
    template <class U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
        ::new (static_cast<void*>(p)) U;
    }
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};
}  // namespace detail

// An output array of score_many: a std::vector whose new elements are not zeroed first. score_many
// writes every element (each thread its own rows), so zeroing hundreds of MB on the calling thread
// first only doubled the writes to memory.
template <class T>
using BatchArray = std::vector<T, detail::uninitialised_allocator<T>>;

// Row-major arrays, one row per assessment. The applicable masks are always filled: 0 where every
// criterion below a node is not applicable, in which case its level is not_applicable_level (-1) and
// its scores NaN. Arrays not asked for stay empty.
struct BatchScores {
    std::size_t rows = 0, areas = 0, domains = 0, tiers = 0;
    unsigned outputs = batch_default_outputs;
    BatchArray<std::uint8_t> area_applicable, domain_applicable, overall_applicable;  // rows x n
    BatchArray<std::int32_t> area_levels, domain_levels, overall_levels;              // rows x n
    BatchArray<double> area_scores, domain_scores, overall_scores;                    // rows x n
    BatchArray<double> area_tier_scores, domain_tier_scores, overall_tier_scores;     // rows x n x tiers

    // Sizes every array asked for by `outputs`, leaving the contents to the plan that writes them. An
    // array that already has its size keeps its memory (score_many_into); arrays not asked for are
    // emptied.
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

// score_many writing into the arrays of an earlier result, as numpy's `out=`: an array that already
// has the size asked for is written in place, so a loop over batches of one shape takes its output
// memory once. New memory is the one part of score_many that does not scale with threads: the system
// clears each fresh page on first touch, which on the development machine cost as much as staged
// scoring itself. Arrays of another size are made anew; arrays not asked for are emptied. Throws
// Error, before writing anything, when `codes` overlaps one of out's arrays; on an invalid code, the
// rows of out already written by then hold new values and the others old ones.
void score_many_into(BatchScores& out, const ScoringModel& model, const Framework& framework,
                     const std::uint8_t* codes, std::size_t rows, std::size_t row_stride,
                     const ModelParameters& parameters, const BatchOptions& options = {});

}  // namespace routemap
