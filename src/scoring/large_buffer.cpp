// routemap::detail: not public API. See large_buffer.hpp.
#include "large_buffer.hpp"

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace routemap::detail {

void advise_huge_pages(void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t page = 4096, huge = std::uintptr_t{1} << 21;
    if (bytes < 2 * huge) return;  // too small to hold an aligned huge page worth the call
    const auto begin = (reinterpret_cast<std::uintptr_t>(data) + page - 1) & ~(page - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(page - 1);
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    (void)data;
    (void)bytes;
#endif
}

}  // namespace routemap::detail
