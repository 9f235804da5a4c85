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
    std::vector<std::string> waits_for;  // the gap criteria it directly requires: they must be met first
    std::string owner;  // as in the gap item
    std::string due;
    bool overdue = false;
};

struct ProgressionPath {
    std::string framework_id;
    std::vector<PathStep> steps;                 // the order to work in: phase by phase
    std::vector<std::vector<std::size_t>> phases;  // indices into steps, phase 1 first

    // Up to n steps that can be started today (phase 1), in path order; n = 0 means all of them.
    [[nodiscard]] std::vector<PathStep> next_steps(std::size_t n = 0) const;
    [[nodiscard]] std::size_t phase_count() const noexcept { return phases.size(); }
};

// Phase of a step: 1 + the longest chain of gap criteria it waits for (phase 1 can start now).
// Order: phase by phase; inside a phase, the lower tier first, then domain order, then area order,
// then the higher weight, then document order. Every step comes after all it waits for, because
// they are in lower phases. Linear in the gap's criteria and edges (plus the sort).
ProgressionPath progression_path(const Framework& framework, const GapAnalysis& gap);

}  // namespace routemap
