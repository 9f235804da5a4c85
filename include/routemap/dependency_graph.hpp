#pragma once
// The dependency graph between criteria (Boost.Graph underneath): an edge u -> v means
// "u requires v". Implicit edges make every criterion depend on all criteria of the nearest lower
// tier present in its area; explicit edges come from `requires`.

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace routemap {

class Framework;

enum class EdgeKind { implicit_tier, explicit_requires };

struct DependencyEdge {
    std::size_t from = 0;  // the dependent criterion (index)
    std::size_t to = 0;    // its prerequisite (index)
    EdgeKind kind = EdgeKind::implicit_tier;
};

class DependencyGraph {
public:
    DependencyGraph(std::size_t vertex_count, const std::vector<DependencyEdge>& edges);
    ~DependencyGraph();
    DependencyGraph(DependencyGraph&&) noexcept;
    DependencyGraph& operator=(DependencyGraph&&) noexcept;

    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] const std::vector<DependencyEdge>& edges() const noexcept;

    // Direct prerequisites / dependents, ascending by index, without duplicates.
    [[nodiscard]] std::vector<std::size_t> prerequisites(std::size_t criterion) const;
    [[nodiscard]] std::vector<std::size_t> dependents(std::size_t criterion) const;
    // The same as views into the graph's own arrays: no allocation, for one-pass algorithms.
    [[nodiscard]] std::span<const std::size_t> direct_prerequisites(std::size_t criterion) const noexcept;
    [[nodiscard]] std::span<const std::size_t> direct_dependents(std::size_t criterion) const noexcept;
    // All criteria reachable through prerequisites, ascending by index.
    [[nodiscard]] std::vector<std::size_t> transitive_prerequisites(std::size_t criterion) const;

    // One cycle, as the criteria on it in edge order (first is repeated implicitly), or nullopt.
    [[nodiscard]] std::optional<std::vector<std::size_t>> find_cycle() const;

    // Prerequisites before dependents; among those that are ready, the smallest `rank` first
    // (rank defaults to the index, i.e. document order). Requires an acyclic graph.
    [[nodiscard]] std::vector<std::size_t> topological_order() const;
    [[nodiscard]] std::vector<std::size_t> topological_order(const std::vector<std::size_t>& rank) const;

    // Longest chain of prerequisites below each criterion (0 = none). Requires an acyclic graph.
    [[nodiscard]] std::vector<std::size_t> depths() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace routemap
