#pragma once
// routemap::detail: not public API.
// score_many's fast path for the built-in tier models: rows scored 32 at a time, one SIMD lane per
// row. A block's codes are transposed so that each criterion is a vector of 32 codes; every step of
// the count, the level walk and the scores is then a whole-vector operation. It gives exactly the
// numbers of TierPlan's row-at-a-time paths (the same sums in the same order), which tests check.

#include <cstddef>
#include <cstdint>

#include <routemap/batch.hpp>

#include "tier_layout.hpp"
#include "tier_plan.hpp"

namespace routemap::detail {

// Rows per block: one byte lane each in a 256-bit vector. Threads split rows at multiples of it.
inline constexpr std::size_t block_rows = 32;

// Whether the block kernel can score this layout: no answer scales (their credits come by code; the
// row-at-a-time path handles them), at most 255 criteria per slot and 254 tiers (byte-wide counts and
// levels), and positive weights (a slot is used exactly when its applicable weight is not 0; the
// loader refuses other weights anyway).
bool block_kernel_fits(const TierLayout& layout, bool answer_scales);

// Which compiled build of the kernel runs: `best` is the AVX2 one when the CPU has AVX2, else the
// baseline x86-64 one; tests ask for `baseline` to check it on machines that have AVX2.
enum class BlockKernelBuild { best, baseline };

// Scores rows [begin, end) into `out` (levels, scores, masks; no per-tier outputs).
void run_block_kernel(TierModelKind kind, const TierLayout& layout, const TierParameters& parameters,
                      const std::uint8_t* codes, std::size_t row_stride, std::size_t begin, std::size_t end,
                      BatchScores& out, BlockKernelBuild build = BlockKernelBuild::best);

}  // namespace routemap::detail
