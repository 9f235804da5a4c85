// routemap::detail: not public API. The block kernel compiled for AVX2 (src/CMakeLists.txt gives this
// file -mavx2); block_kernel.cpp calls it only on CPUs that have AVX2.
#include "block_kernel.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <limits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace routemap::detail::block_avx2 {
#include "block_kernel.inl"
}  // namespace routemap::detail::block_avx2
