// routemap::detail: not public API. See block_kernel.hpp.
#include "block_kernel.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace routemap::detail {

namespace block_baseline {
#include "block_kernel.inl"
}  // namespace block_baseline

namespace block_avx2 {  // block_kernel_avx2.cpp
void run(TierModelKind kind, const TierLayout& L, const TierParameters& p, const std::uint8_t* codes,
         std::size_t row_stride, std::size_t begin, std::size_t end, BatchScores& out);
}  // namespace block_avx2

bool block_kernel_fits(const TierLayout& layout, bool answer_scales) {
    if (answer_scales || layout.tiers >= 255) return false;
    return std::all_of(layout.slots.begin(), layout.slots.end(), [](const TierSlot& s) { return s.count <= 255; }) &&
           std::all_of(layout.weights.begin(), layout.weights.end(), [](double w) { return w > 0.0; });
}

void run_block_kernel(TierModelKind kind, const TierLayout& layout, const TierParameters& parameters,
                      const std::uint8_t* codes, std::size_t row_stride, std::size_t begin, std::size_t end,
                      BatchScores& out, BlockKernelBuild build) {
#if defined(__x86_64__) || defined(__i386__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (avx2 && build == BlockKernelBuild::best) return block_avx2::run(kind, layout, parameters, codes, row_stride, begin, end, out);
#endif
    block_baseline::run(kind, layout, parameters, codes, row_stride, begin, end, out);
}

}  // namespace routemap::detail
