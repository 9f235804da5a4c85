#pragma once
// A long text made of many independent pieces (the steps of a path, the domains of a gap analysis),
// formatted on several threads and joined in order. At 10^5 criteria the text output of `path` is a
// good part of the command, and it comes after the reading, on one thread, when the other core is idle.

#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace routemap::cli {

// `format(out, i)` appends piece i to `out`; it must only read shared data. The result is the pieces
// 0 .. count-1 in order, exactly as one thread would append them. A thread is started for every
// `least_per_thread` pieces (fewer cost more to start than they save), up to one per core.
template <class Format>
std::string format_pieces(std::size_t count, std::size_t least_per_thread, Format&& format) {
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t threads = std::min({cores, std::size_t{8}, std::max<std::size_t>(1, count / least_per_thread)});
    std::vector<std::string> parts(threads);
    const auto bound = [&](std::size_t t) { return count * t / threads; };
    const auto run = [&](std::size_t t) {
        for (auto i = bound(t); i < bound(t + 1); ++i) format(parts[t], i);
    };
    if (threads == 1) {
        run(0);
        return std::move(parts[0]);
    }
    std::vector<std::exception_ptr> errors(threads);
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 1; t < threads; ++t)
            pool.emplace_back([&, t] {
                try {
                    run(t);
                } catch (...) {
                    errors[t] = std::current_exception();
                }
            });
        try {
            run(0);
        } catch (...) {
            errors[0] = std::current_exception();
        }
    }
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    std::size_t size = 0;
    for (const auto& p : parts) size += p.size();
    std::string out;
    out.reserve(size);
    for (const auto& p : parts) out += p;
    return out;
}

}  // namespace routemap::cli
