#pragma once
// routemap::detail: not public API.
// score_many's output arrays are large (hundreds of MB for 10^6 rows) and new at every call, so their
// first touch, one page fault per 4 KiB page, can cost more than scoring the rows. Asking Linux for
// transparent huge pages on them (madvise, where the system allows it: "madvise" or "always" in
// /sys/kernel/mm/transparent_hugepage/enabled) makes that one fault per 2 MiB instead.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace routemap::detail {

// Advice only: nothing happens on systems without it, or when the kernel refuses.
void advise_huge_pages(void* data, std::size_t bytes) noexcept;

// v.resize(n) on an empty vector, with the buffer advised before its first touch (the writes that
// fill it, or the zeroing of a std::vector).
template <class Vector>
void resize_large(Vector& v, std::size_t n) {
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(typename Vector::value_type));
    v.resize(n);
}

}  // namespace routemap::detail
