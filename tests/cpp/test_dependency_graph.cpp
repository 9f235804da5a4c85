// The dependency graph: implicit tier edges, explicit requires, order, prerequisites, cycles.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace routemap;

TEST(DependencyGraph, TopologicalOrderRespectsEveryEdgeOfEveryBundledFramework) {
    for (const auto* id : {"newham-organisation", "newham-service", "newham-individual", "larch-remi"}) {
        const auto f = load_framework(test::bundled(id));
        const auto order = f.graph().topological_order();
        ASSERT_EQ(order.size(), f.criteria().size());
        std::vector<std::size_t> position(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
        for (const auto& e : f.graph().edges())
            EXPECT_LT(position[e.to], position[e.from]) << id << ": " << f.criteria()[e.to].id << " must come before "
                                                        << f.criteria()[e.from].id;
    }
}

TEST(DependencyGraph, ImplicitEdgesGoToTheNearestLowerTierPresent) {
    // Tiers a < b < c; the area has a and c only: c depends on a.
    const auto f = parse_framework(test::header() +
                                   "[[tiers]]\nid = \"a\"\nname = \"A\"\n[[tiers]]\nid = \"b\"\nname = \"B\"\n"
                                   "[[tiers]]\nid = \"c\"\nname = \"C\"\n"
                                   "[[domains]]\nid = \"d\"\nname = \"D\"\n[[domains.areas]]\nid = \"x\"\nname = \"X\"\n"
                                   "[[domains.areas.criteria]]\nid = \"a1\"\ntier = \"a\"\ntext = \"t\"\n"
                                   "[[domains.areas.criteria]]\nid = \"a2\"\ntier = \"a\"\ntext = \"t\"\n"
                                   "[[domains.areas.criteria]]\nid = \"c1\"\ntier = \"c\"\ntext = \"t\"\n");
    EXPECT_EQ(f.graph().prerequisites(2), (std::vector<std::size_t>{0, 1}));
    EXPECT_TRUE(f.graph().prerequisites(0).empty());
    EXPECT_EQ(f.graph().dependents(0), std::vector<std::size_t>{2});
    for (const auto& e : f.graph().edges()) EXPECT_EQ(e.kind, EdgeKind::implicit_tier);
}

TEST(DependencyGraph, TransitivePrerequisitesCrossAreas) {
    const auto f = load_framework(test::bundled("newham-organisation"));
    const auto& analysis = f.criterion("understanding.analysis.intermediate.1");
    std::vector<std::string> ids;
    for (const auto i : f.graph().transitive_prerequisites(analysis.index)) ids.push_back(f.criteria()[i].id);
    // Through the explicit edge to data collection, and through it to collection's fundamentals.
    EXPECT_NE(std::find(ids.begin(), ids.end(), "understanding.quantitative.intermediate.1"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "understanding.quantitative.fundamental.1"), ids.end());
    EXPECT_NE(std::find(ids.begin(), ids.end(), "understanding.analysis.fundamental.1"), ids.end());
    for (const auto& id : ids) EXPECT_TRUE(id.starts_with("understanding.")) << id;
}

TEST(DependencyGraph, FindCycleReturnsTheCycleInEdgeOrder) {
    DependencyGraph g(4, {{0, 1, EdgeKind::explicit_requires},
                          {1, 2, EdgeKind::explicit_requires},
                          {2, 0, EdgeKind::explicit_requires},
                          {3, 0, EdgeKind::explicit_requires}});
    const auto cycle = g.find_cycle();
    ASSERT_TRUE(cycle);
    EXPECT_EQ(*cycle, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_THROW((void)g.topological_order(), std::logic_error);
    DependencyGraph acyclic(3, {{0, 1, EdgeKind::explicit_requires}, {1, 2, EdgeKind::explicit_requires}});
    EXPECT_FALSE(acyclic.find_cycle());
    EXPECT_EQ(acyclic.topological_order(), (std::vector<std::size_t>{2, 1, 0}));
    EXPECT_EQ(acyclic.depths(), (std::vector<std::size_t>{2, 1, 0}));
}

TEST(DependencyGraph, TiesBreakByRank) {
    DependencyGraph g(4, {{3, 0, EdgeKind::explicit_requires}});
    EXPECT_EQ(g.topological_order(), (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(g.topological_order({3, 2, 1, 0}), (std::vector<std::size_t>{2, 1, 0, 3}));
}
