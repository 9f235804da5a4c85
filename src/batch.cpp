#include <routemap/batch.hpp>

#include <algorithm>
#include <exception>
#include <limits>
#include <type_traits>
#include <thread>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>
#include <routemap/scoring_plan.hpp>

#include "scoring/block_kernel.hpp"
#include "scoring/codes.hpp"
#include "scoring/large_buffer.hpp"

namespace routemap {

void BatchScores::allocate(std::size_t rows_, std::size_t areas_, std::size_t domains_, std::size_t tiers_,
                           unsigned outputs_) {
    rows = rows_, areas = areas_, domains = domains_, tiers = tiers_, outputs = outputs_;
    // Huge pages where the system gives them (large_buffer.hpp): at 10^6 rows the first touch of the
    // output costs more than the scoring otherwise. The elements are not zeroed (BatchArray): the
    // plan writes each once (large_buffer.hpp maps the pages in, one byte each).
    auto size = [](auto& v, bool wanted, std::size_t n) {
        if (wanted) detail::resize_large(v, n);
        else std::decay_t<decltype(v)>().swap(v);
    };
    size(area_applicable, true, rows * areas);
    size(domain_applicable, true, rows * domains);
    size(overall_applicable, true, rows);
    const bool levels = outputs & batch_levels, scores = outputs & batch_scores, tier_scores = outputs & batch_tier_scores;
    size(area_levels, levels, rows * areas);
    size(domain_levels, levels, rows * domains);
    size(overall_levels, levels, rows);
    size(area_scores, scores, rows * areas);
    size(domain_scores, scores, rows * domains);
    size(overall_scores, scores, rows);
    size(area_tier_scores, tier_scores, rows * areas * tiers);
    size(domain_tier_scores, tier_scores, rows * domains * tiers);
    size(overall_tier_scores, tier_scores, rows * tiers);
}

namespace {

// The first code a criterion does not accept in rows [begin, end), as a thrown Error naming its row
// and column.
void check_codes(const detail::CodeRanges& ranges, const std::uint8_t* codes, std::size_t row_stride,
                 std::size_t columns, std::size_t begin, std::size_t end) {
    const auto limit = ranges.code_count();
    if (ranges.uniform()) {
        if (limit > 255) return;  // every byte is a code some answer has
        // The largest code of the rows, as one flat pass when they are contiguous (a byte max
        // vectorises at -O3); only when it is out of range are the rows checked one by one.
        std::uint8_t largest = 0;
        if (row_stride == columns) {
            const auto* first = codes + begin * row_stride;
            for (std::size_t i = 0; i < (end - begin) * columns; ++i) largest = std::max(largest, first[i]);
        } else {
            for (std::size_t r = begin; r < end; ++r)
                for (std::size_t c = 0; c < columns; ++c) largest = std::max(largest, codes[r * row_stride + c]);
        }
        if (largest < limit) return;
    }
    for (std::size_t r = begin; r < end; ++r) {
        const auto* row = codes + r * row_stride;
        unsigned bad = 0;
        for (std::size_t c = 0; c < columns; ++c) bad |= !ranges.accepts(c, row[c]);
        if (bad) ranges.check(row, columns, "score_many: ", static_cast<long long>(r));
    }
}

// Models without a plan: each row scored on its own, copied into the arrays.
void score_rows_one_by_one(const ScoringModel& model, const Framework& framework, const std::uint8_t* codes,
                           std::size_t row_stride, std::size_t begin, std::size_t end, const ModelParameters& parameters,
                           BatchScores& out) {
    const auto columns = framework.criteria().size();
    auto put = [&](const ScoreNode& node, std::size_t i, BatchArray<std::uint8_t>& applicable,
                   BatchArray<std::int32_t>& levels, BatchArray<double>& scores, BatchArray<double>& tiers) {
        applicable[i] = node.applicable ? 1 : 0;
        if (out.outputs & batch_levels) levels[i] = node.level;
        if (out.outputs & batch_scores) scores[i] = node.score;
        if (out.outputs & batch_tier_scores)
            for (std::size_t t = 0; t < out.tiers; ++t)
                tiers[i * out.tiers + t] = t < node.tier_scores.size() ? node.tier_scores[t]
                                                                       : std::numeric_limits<double>::quiet_NaN();
    };
    for (std::size_t r = begin; r < end; ++r) {
        const auto* row = codes + r * row_stride;
        const auto result = score_codes(model, framework, std::span<const std::uint8_t>(row, columns), parameters);
        for (std::size_t a = 0; a < out.areas; ++a)
            put(result.areas[a], r * out.areas + a, out.area_applicable, out.area_levels, out.area_scores, out.area_tier_scores);
        for (std::size_t d = 0; d < out.domains; ++d)
            put(result.domains[d], r * out.domains + d, out.domain_applicable, out.domain_levels, out.domain_scores,
                out.domain_tier_scores);
        put(result.overall, r, out.overall_applicable, out.overall_levels, out.overall_scores, out.overall_tier_scores);
    }
}

// Whether the input [codes, codes + bytes) shares a byte with any array of `out`.
bool overlaps(const BatchScores& out, const std::uint8_t* codes, std::size_t bytes) {
    if (bytes == 0) return false;
    const auto first = reinterpret_cast<std::uintptr_t>(codes), last = first + bytes;
    auto hits = [&](const auto& v) {
        if (v.empty()) return false;
        const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
        return begin < last && first < begin + v.size() * sizeof(v[0]);
    };
    return hits(out.area_applicable) || hits(out.domain_applicable) || hits(out.overall_applicable) ||
           hits(out.area_levels) || hits(out.domain_levels) || hits(out.overall_levels) || hits(out.area_scores) ||
           hits(out.domain_scores) || hits(out.overall_scores) || hits(out.area_tier_scores) ||
           hits(out.domain_tier_scores) || hits(out.overall_tier_scores);
}

}  // namespace

BatchScores score_many(const ScoringModel& model, const Framework& framework, const std::uint8_t* codes,
                       std::size_t rows, std::size_t row_stride, const ModelParameters& parameters,
                       const BatchOptions& options) {
    BatchScores out;
    score_many_into(out, model, framework, codes, rows, row_stride, parameters, options);
    return out;
}

void score_many_into(BatchScores& out, const ScoringModel& model, const Framework& framework,
                     const std::uint8_t* codes, std::size_t rows, std::size_t row_stride,
                     const ModelParameters& parameters, const BatchOptions& options) {
    const auto columns = framework.criteria().size();
    if (rows > 0 && row_stride < columns)
        throw Error("score_many: each row needs " + std::to_string(columns) + " status codes");
    // The rows are read while other rows are written: an input inside the output would change under
    // the code check, and a code changed after its check could index past a plan's tables.
    if (rows > 0 && overlaps(out, codes, (rows - 1) * row_stride + columns))
        throw Error("score_many: the status codes lie in the memory of the output arrays");
    out.allocate(rows, framework.areas().size(), framework.domains().size(), framework.tiers().size(), options.outputs);
    const auto plan = model.prepare(framework, parameters);
    const detail::CodeRanges ranges(framework);

    auto work = [&](std::size_t begin, std::size_t end) {
        check_codes(ranges, codes, row_stride, columns, begin, end);
        if (plan) plan->run(codes, row_stride, begin, end, out);
        else score_rows_one_by_one(model, framework, codes, row_stride, begin, end, parameters, out);
    };

    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t wanted = options.threads == 0 ? cores : options.threads;
    // A block of fewer than ~1,000 rows costs less than starting a thread.
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(wanted, rows / 1024));
    if (threads == 1) {
        work(0, rows);
        return;
    }
    // Contiguous blocks, one per thread: each writes only its own rows. The first failing block's
    // error is the one reported, so the message names the first bad row whatever the thread count.
    // Blocks start at multiples of the block kernel's rows, so that only the last one has a short block.
    auto split = [&](std::size_t t) {
        if (t == threads) return rows;
        return rows * t / threads / detail::block_rows * detail::block_rows;
    };
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (std::size_t t = 0; t < threads; ++t) {
        const auto begin = split(t), end = split(t + 1);
        pool.emplace_back([&, t, begin, end] {
            try {
                work(begin, end);
            } catch (...) {
                errors[t] = std::current_exception();
            }
        });
    }
    for (auto& thread : pool) thread.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace routemap
