// Compare, aggregate and batch scoring.
#include <gtest/gtest.h>

#include <random>

#include "worked_example.hpp"

using namespace routemap;

using test::no_plugins;

TEST(Compare, LevelsAndCriteriaThatChanged) {
    const Registry registry({}, no_plugins());
    const auto f = test::worked_example();
    const auto before = test::worked_assessment(f);
    auto after = before;
    after.date = "2027-01-31";
    after.set("d1.x.i1", Status::met);        // newly met
    after.set("d1.y.i1", Status::partial);    // regressed
    after.set("d2.u.f1", Status::partial);    // improved
    const auto c = compare(registry, f, before, after, "staged");
    EXPECT_EQ(c.area("d1.x").delta(), 1);
    EXPECT_EQ(c.area("d1.y").delta(), -1);  // intermediate (2) -> fundamental (1)
    ASSERT_EQ(c.changes.size(), 3u);
    EXPECT_EQ(c.newly_met().size(), 1u);
    EXPECT_EQ(c.newly_met()[0].id, "d1.x.i1");
    EXPECT_EQ(c.regressed().size(), 1u);
    EXPECT_EQ(c.regressed()[0].id, "d1.y.i1");
    EXPECT_EQ(c.changes[2].kind, ChangeKind::improved);
    after.subject = "Another service";
    EXPECT_THROW((void)compare(registry, f, before, after), AssessmentError);
}

TEST(Aggregate, DistributionsAndMedians) {
    const Registry registry({}, no_plugins());
    const auto f = test::worked_example();
    std::vector<Assessment> many;
    auto a = test::worked_assessment(f);  // x level 1
    many.push_back(a);
    a.subject = "B";
    a.set("d1.x.i1", Status::met);  // x level 2
    many.push_back(a);
    a.subject = "C";
    a.set("d1.x.f1", Status::not_met);  // x level 0
    many.push_back(a);
    a.subject = "D";
    a.set("d1.x.f1", Status::met);
    a.set("d1.x.a1", Status::met);  // x level 3
    many.push_back(a);
    const auto g = aggregate(registry, f, many, "staged");
    const auto& x = g.areas[0];
    EXPECT_EQ(x.id, "d1.x");
    EXPECT_EQ(x.level_counts, (std::vector<std::size_t>{1, 1, 1, 1}));
    EXPECT_DOUBLE_EQ(x.median_level, 1.5);
    EXPECT_EQ(x.min_level, 0);
    EXPECT_EQ(x.max_level, 3);
    EXPECT_EQ(g.areas[2].count, 0u);  // z is never applicable
    EXPECT_EQ(g.subjects.size(), 4u);
    many[1].framework_version = "9.9";
    EXPECT_THROW((void)aggregate(registry, f, many, "staged"), AssessmentError);
}
