#pragma once
// Progression paths: the gap's criteria in an order that respects every dependency, grouped into
// phases by dependency depth.

#include <cstddef>
#include <string>
#include <vector>

#include <routemap/gap.hpp>

namespace routemap {

struct PathStep {
    std::size_t criterion = 0;
    std::string id;
    std::size_t phase = 1;  // 1 = can start now
    Status status = Status::unknown;
    std::vector<std::string> waits_for;  // gap criteria that must be met first (direct or through met ones)
};

struct ProgressionPath {
    std::string framework_id;
    std::vector<PathStep> steps;                 // the order to work in
    std::vector<std::vector<std::size_t>> phases;  // indices into steps, phase 1 first

    // Up to n steps that can be started today (phase 1), in path order; n = 0 means all of them.
    [[nodiscard]] std::vector<PathStep> next_steps(std::size_t n = 0) const;
    [[nodiscard]] std::size_t phase_count() const noexcept { return phases.size(); }
};

// Order: a topological sort of the dependency graph; among the criteria that are ready, the lower
// tier first, then domain order, then area order, then the higher weight, then document order.
// Phase of a step: 1 + the longest chain of gap criteria it waits for.
ProgressionPath progression_path(const Framework& framework, const GapAnalysis& gap);

}  // namespace routemap
