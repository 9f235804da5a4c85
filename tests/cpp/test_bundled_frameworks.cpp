// The four bundled frameworks load, validate and have exactly the shape counted by hand from the seeds.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace routemap;

namespace {

struct Expected {
    std::string id;
    std::size_t domains, areas;
    std::vector<std::size_t> per_tier;
    std::size_t top_actions, all_actions;
};

class BundledFramework : public ::testing::TestWithParam<Expected> {};

}  // namespace

TEST_P(BundledFramework, LoadsWithExactCounts) {
    const auto& e = GetParam();
    const auto f = load_framework(test::bundled(e.id));
    EXPECT_EQ(f.id(), e.id);
    EXPECT_TRUE(f.warnings().empty()) << f.warnings().front().to_string();
    EXPECT_EQ(f.domains().size(), e.domains);
    EXPECT_EQ(f.areas().size(), e.areas);
    EXPECT_EQ(f.criteria_per_tier(), e.per_tier);
    EXPECT_EQ(f.action_count(false), e.top_actions);
    EXPECT_EQ(f.action_count(true), e.all_actions);
    EXPECT_FALSE(f.info().source.empty());
    EXPECT_FALSE(f.info().publisher.empty());
    EXPECT_GT(f.info().year, 2000);
    // Every criterion has text, and the graph is acyclic.
    for (const auto& c : f.criteria()) EXPECT_FALSE(c.text.empty()) << c.id;
    EXPECT_FALSE(f.graph().find_cycle().has_value());
}

// Counts by hand from ../shared/seeds (see the transcription notes in docs/frameworks.md).
INSTANTIATE_TEST_SUITE_P(Seeds, BundledFramework,
                         ::testing::Values(Expected{"newham-organisation", 6, 10, {17, 22, 20}, 31, 38},
                                           Expected{"newham-service", 6, 10, {17, 16, 23}, 19, 55},
                                           Expected{"newham-individual", 6, 6, {27}, 0, 0},
                                           Expected{"larch-remi", 5, 8, {4, 8, 12, 14, 3, 6}, 0, 0}),
                         [](const auto& info) {
                             auto name = info.param.id;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

TEST(BundledFrameworks, NewhamMatricesHaveTheThreeTiersInEveryArea) {
    for (const auto* id : {"newham-organisation", "newham-service"}) {
        const auto f = load_framework(test::bundled(id));
        ASSERT_EQ(f.tiers().size(), 3u);
        EXPECT_EQ(f.tiers()[0].id, "fundamental");
        EXPECT_EQ(f.tiers()[2].id, "advanced");
        for (const auto& area : f.areas()) {
            std::vector<bool> seen(3, false);
            for (const auto& c : f.criteria_of(area)) seen[c.tier] = true;
            EXPECT_EQ(seen, std::vector<bool>(3, true)) << id << " " << area.id;
        }
    }
}

TEST(BundledFrameworks, LarchIsADraftWithTheSixRemiStagesAndSevenPrinciples) {
    const auto f = load_framework(test::bundled("larch-remi"));
    EXPECT_EQ(f.info().status, "draft");
    std::vector<std::string> tiers;
    for (const auto& t : f.tiers()) tiers.push_back(t.id);
    EXPECT_EQ(tiers, (std::vector<std::string>{"awareness", "commitment", "implementation", "embedding", "creating",
                                               "championing"}));
    ASSERT_TRUE(f.info().metadata.contains("design_principles"));
    EXPECT_EQ(f.info().metadata.at("design_principles").size(), 7u);
    for (const auto& c : f.criteria()) EXPECT_FALSE(c.source.empty()) << c.id << " has no source";
}

TEST(BundledFrameworks, IndividualLevelHasOneTierAndImplicitAreas) {
    const auto f = load_framework(test::bundled("newham-individual"));
    ASSERT_EQ(f.tiers().size(), 1u);
    for (const auto& area : f.areas()) {
        EXPECT_TRUE(area.implicit);
        EXPECT_EQ(area.id, f.domains()[area.domain].id);
    }
    EXPECT_NE(f.find_criterion("reflection.1"), nullptr);
}
