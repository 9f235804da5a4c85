#pragma once
// routemap::detail is not public API.
// Reading a big file on several threads: how many, and running the parts.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace routemap::detail {

// Threads worth starting to read a text of `bytes`: one per 128 KiB (about 10 ms of toml++'s work,
// against some 0.1 ms to start a thread), at most one per core and 8 in all.
inline std::size_t reading_threads(std::size_t bytes) {
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(bytes / (128u * 1024u), 1, std::min<std::size_t>(cores, 8));
}

// Calls work(0) .. work(parts - 1), each on a thread of its own but work(0), which runs on the caller's
// thread (as does a part no thread could be started for); then rethrows the exception of the first part that threw.
template <class Work>
void run_parts(std::size_t parts, Work&& work) {
    std::vector<std::exception_ptr> errors(parts);
    std::vector<std::thread> threads;
    threads.reserve(parts > 0 ? parts - 1 : 0);
    auto guarded = [&](std::size_t part) {
        try {
            work(part);
        } catch (...) {
            errors[part] = std::current_exception();
        }
    };
    for (std::size_t part = 1; part < parts; ++part) {
        try {
            threads.emplace_back(guarded, part);
        } catch (const std::system_error&) {  // no thread to be had: the caller's thread does the part
            guarded(part);
        }
    }
    if (parts > 0) guarded(0);
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

// Splits `weights` (in order) into `parts` contiguous runs of about equal total weight: returns the
// parts + 1 bounds.
template <class Weights>
std::vector<std::size_t> balanced_bounds(const Weights& weights, std::size_t parts) {
    std::size_t total = 0;
    for (const auto w : weights) total += w;
    std::vector<std::size_t> bounds{0};
    std::size_t sum = 0, i = 0;
    for (std::size_t part = 1; part < parts; ++part) {
        const auto goal = total * part / parts;
        while (i < weights.size() && sum + weights[i] / 2 < goal) sum += weights[i++];
        bounds.push_back(i);
    }
    bounds.push_back(weights.size());
    return bounds;
}

}  // namespace routemap::detail
