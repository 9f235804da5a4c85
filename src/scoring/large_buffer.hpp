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

// v.resize(n) on an empty vector (a BatchArray: its elements are not written), with the buffer advised
// before its first touch. Then one byte per page is written here, so that the pages are mapped (and
// cleared by the system) once, on this thread: measured on the development machine, page faults taken
// by two scoring threads at once cost more than they saved (staged scoring, memory-bound, ran no faster
// on two threads than on one), while a full zeroing pass, as std::vector's, doubled the writes.
//
// A vector that already holds n elements is left as it is, memory and values (score_many_into).
template <class Vector>
void resize_large(Vector& v, std::size_t n) {
    if (v.size() == n) return;
    Vector().swap(v);  // let go of the old buffer first: it is not copied, and the peak stays one buffer
    v.reserve(n);
    const std::size_t size = n * sizeof(typename Vector::value_type);
    advise_huge_pages(v.data(), size);
    v.resize(n);
    auto* bytes = reinterpret_cast<volatile unsigned char*>(v.data());
    for (std::size_t at = 0; at < size; at += 4096) bytes[at] = 0;
}

}  // namespace routemap::detail
