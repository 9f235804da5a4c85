#include <routemap/dependency_graph.hpp>

#include <algorithm>
#include <functional>
#include <queue>
#include <stdexcept>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace routemap {

// Compressed rows, built in one pass over the edges: an adjacency_list allocated per edge, which was
// most of the cost of building a large framework. Rows keep the edges' order, so that searches (a
// cycle's report) go the same way.
using BoostGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS>;
using Vertex = BoostGraph::vertex_descriptor;

struct DependencyGraph::Impl {
    BoostGraph graph;
    std::vector<DependencyEdge> edges;
    // Compressed rows of direct prerequisites and dependents (sorted, unique), for linear traversals.
    std::vector<std::size_t> prerequisite_offsets, prerequisite_targets, dependent_offsets, dependent_sources;
};

namespace {

void compress(std::size_t n, const std::vector<DependencyEdge>& edges, bool forward, std::vector<std::size_t>& offsets,
              std::vector<std::size_t>& targets) {
    offsets.assign(n + 1, 0);
    for (const auto& e : edges) ++offsets[(forward ? e.from : e.to) + 1];
    for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
    targets.resize(edges.size());
    auto next = offsets;
    for (const auto& e : edges) targets[next[forward ? e.from : e.to]++] = forward ? e.to : e.from;
    // Sort and drop duplicates inside each row (an explicit `requires` may repeat an implicit edge).
    std::size_t write = 0;
    for (std::size_t v = 0; v < n; ++v) {
        const auto begin = targets.begin() + static_cast<std::ptrdiff_t>(offsets[v]);
        const auto end = targets.begin() + static_cast<std::ptrdiff_t>(offsets[v + 1]);
        std::sort(begin, end);
        const auto row_start = write;
        for (auto it = begin; it != end; ++it)
            if (write == row_start || targets[write - 1] != *it) targets[write++] = *it;
        offsets[v] = row_start;
    }
    offsets[n] = write;
    targets.resize(write);
}

}  // namespace

DependencyGraph::DependencyGraph(std::size_t vertex_count, const std::vector<DependencyEdge>& edges)
    : impl_(std::make_unique<Impl>()) {
    impl_->edges = edges;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    pairs.reserve(edges.size());
    for (const auto& e : edges) {
        if (e.from >= vertex_count || e.to >= vertex_count)
            throw std::out_of_range("dependency edge names a criterion outside the graph");
        pairs.emplace_back(e.from, e.to);
    }
    impl_->graph = BoostGraph(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), vertex_count);
    compress(vertex_count, edges, true, impl_->prerequisite_offsets, impl_->prerequisite_targets);
    compress(vertex_count, edges, false, impl_->dependent_offsets, impl_->dependent_sources);
}

std::span<const std::size_t> DependencyGraph::direct_prerequisites(std::size_t criterion) const noexcept {
    const auto& o = impl_->prerequisite_offsets;
    return {impl_->prerequisite_targets.data() + o[criterion], o[criterion + 1] - o[criterion]};
}

std::span<const std::size_t> DependencyGraph::direct_dependents(std::size_t criterion) const noexcept {
    const auto& o = impl_->dependent_offsets;
    return {impl_->dependent_sources.data() + o[criterion], o[criterion + 1] - o[criterion]};
}

DependencyGraph::~DependencyGraph() = default;
DependencyGraph::DependencyGraph(DependencyGraph&&) noexcept = default;
DependencyGraph& DependencyGraph::operator=(DependencyGraph&&) noexcept = default;

std::size_t DependencyGraph::size() const noexcept { return boost::num_vertices(impl_->graph); }

const std::vector<DependencyEdge>& DependencyGraph::edges() const noexcept { return impl_->edges; }

namespace {

std::vector<std::size_t> sorted_unique(std::vector<std::size_t> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    return values;
}

}  // namespace

std::vector<std::size_t> DependencyGraph::prerequisites(std::size_t criterion) const {
    std::vector<std::size_t> out;
    for (auto [it, end] = boost::out_edges(criterion, impl_->graph); it != end; ++it)
        out.push_back(boost::target(*it, impl_->graph));
    return sorted_unique(std::move(out));
}

std::vector<std::size_t> DependencyGraph::dependents(std::size_t criterion) const {
    std::vector<std::size_t> out;
    for (auto [it, end] = boost::in_edges(criterion, impl_->graph); it != end; ++it)
        out.push_back(boost::source(*it, impl_->graph));
    return sorted_unique(std::move(out));
}

std::vector<std::size_t> DependencyGraph::transitive_prerequisites(std::size_t criterion) const {
    std::vector<bool> seen(size(), false);
    std::vector<std::size_t> stack{criterion}, out;
    while (!stack.empty()) {
        const auto v = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::out_edges(v, impl_->graph); it != end; ++it) {
            const auto t = boost::target(*it, impl_->graph);
            if (seen[t]) continue;
            seen[t] = true;
            out.push_back(t);
            stack.push_back(t);
        }
    }
    return sorted_unique(std::move(out));
}

namespace {

// Records the DFS tree and stops at the first back edge, which closes a cycle.
struct CycleFinder : boost::default_dfs_visitor {
    std::vector<Vertex>* parent;
    std::optional<std::pair<Vertex, Vertex>>* back;
    void tree_edge(BoostGraph::edge_descriptor e, const BoostGraph& g) const {
        (*parent)[boost::target(e, g)] = boost::source(e, g);
    }
    void back_edge(BoostGraph::edge_descriptor e, const BoostGraph& g) const {
        if (!back->has_value()) *back = std::make_pair(boost::source(e, g), boost::target(e, g));
    }
};

}  // namespace

std::optional<std::vector<std::size_t>> DependencyGraph::find_cycle() const {
    const auto n = size();
    std::vector<Vertex> parent(n);
    for (std::size_t i = 0; i < n; ++i) parent[i] = i;
    std::optional<std::pair<Vertex, Vertex>> back;
    CycleFinder visitor;
    visitor.parent = &parent;
    visitor.back = &back;
    std::vector<boost::default_color_type> colors(n);
    boost::depth_first_search(
        impl_->graph, boost::visitor(visitor).color_map(
                          boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, impl_->graph))));
    if (!back) return std::nullopt;
    // back edge u -> v: v is an ancestor of u in the DFS tree; the cycle is v -> ... -> u -> v.
    const auto [u, v] = *back;
    std::vector<std::size_t> cycle;
    for (Vertex x = u; x != v; x = parent[x]) cycle.push_back(x);
    cycle.push_back(v);
    std::reverse(cycle.begin(), cycle.end());
    // Start the cycle at its smallest index so the message does not depend on DFS details.
    const auto smallest = std::min_element(cycle.begin(), cycle.end());
    std::rotate(cycle.begin(), smallest, cycle.end());
    return cycle;
}

std::vector<std::size_t> DependencyGraph::topological_order() const {
    std::vector<std::size_t> rank(size());
    for (std::size_t i = 0; i < rank.size(); ++i) rank[i] = i;
    return topological_order(rank);
}

std::vector<std::size_t> DependencyGraph::topological_order(const std::vector<std::size_t>& rank) const {
    const auto n = size();
    if (rank.size() != n) throw std::invalid_argument("topological_order: one rank per criterion");
    // Kahn's algorithm on "prerequisite first": a criterion is ready when all its prerequisites are out.
    std::vector<std::size_t> remaining(n, 0);
    for (std::size_t v = 0; v < n; ++v) remaining[v] = boost::out_degree(v, impl_->graph);
    using Item = std::pair<std::size_t, std::size_t>;  // (rank, index)
    std::priority_queue<Item, std::vector<Item>, std::greater<>> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (remaining[v] == 0) ready.emplace(rank[v], v);
    std::vector<std::size_t> order;
    order.reserve(n);
    while (!ready.empty()) {
        const auto v = ready.top().second;
        ready.pop();
        order.push_back(v);
        for (auto [it, end] = boost::in_edges(v, impl_->graph); it != end; ++it) {
            const auto d = boost::source(*it, impl_->graph);
            if (--remaining[d] == 0) ready.emplace(rank[d], d);
        }
    }
    if (order.size() != n) throw std::logic_error("topological_order: the dependency graph has a cycle");
    return order;
}

std::vector<std::size_t> DependencyGraph::depths() const {
    std::vector<std::size_t> depth(size(), 0);
    for (const auto v : topological_order())
        for (auto [it, end] = boost::out_edges(v, impl_->graph); it != end; ++it)
            depth[v] = std::max(depth[v], depth[boost::target(*it, impl_->graph)] + 1);
    return depth;
}

}  // namespace routemap
