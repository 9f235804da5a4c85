// Gap analysis and progression paths on the worked example (cross-area requires edges).
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <numeric>
#include <random>
#include <tuple>

#include "worked_example.hpp"

using namespace routemap;

namespace {
std::vector<std::string> ids(const std::vector<PathStep>& steps) {
    std::vector<std::string> out;
    for (const auto& s : steps) out.push_back(s.id);
    return out;
}
}  // namespace

TEST(Gap, WorkedExampleWithAreaOverride) {
    const auto f = test::worked_example();
    Target target = Target::uniform("intermediate");
    target.areas["d2.u"] = "fundamental";
    const auto gap = analyse_gap(f, test::worked_assessment(f), target);
    const auto& x = gap.area("d1.x");
    EXPECT_EQ(x.current_level, 1);
    EXPECT_EQ(x.target_level, 2);
    EXPECT_EQ(x.to_close, std::vector<std::size_t>{f.criterion("d1.x.i1").index});
    EXPECT_EQ(x.partial, 1u);
    EXPECT_TRUE(gap.area("d1.y").reached());
    EXPECT_FALSE(gap.area("d2.z").applicable);
    EXPECT_EQ(gap.area("d2.u").target_level, 1);
    ASSERT_EQ(gap.items.size(), 3u);
    EXPECT_EQ(gap.items[0].id, "d1.x.i1");
    EXPECT_TRUE(gap.items[0].partial);
    EXPECT_EQ(gap.items[1].id, "d2.u.f1");
    EXPECT_FALSE(gap.items[1].prerequisite);
    EXPECT_EQ(gap.items[2].id, "d2.u.i1");  // above u's target, but x.i1 requires it
    EXPECT_TRUE(gap.items[2].prerequisite);
    EXPECT_EQ(gap.items[2].required_by, std::vector<std::string>{"d1.x.i1"});
    EXPECT_EQ(gap.total.required, 7u);
    EXPECT_EQ(gap.total.met, 4u);
    EXPECT_EQ(gap.total.to_close, 3u);
    EXPECT_EQ(gap.total.to_close_by_tier, (std::vector<std::size_t>{1, 2, 0}));
    EXPECT_NEAR(gap.total.done_share(), 4.0 / 7.0, 1e-12);
    EXPECT_EQ(gap.domains[1].to_close, 2u);
    // The area rows hold every item in the area, prerequisites included, and add up to the totals.
    const auto& u = gap.area("d2.u");
    EXPECT_EQ(u.to_close, (std::vector<std::size_t>{f.criterion("d2.u.f1").index, f.criterion("d2.u.i1").index}));
    EXPECT_EQ(u.prerequisites, 1u);
    EXPECT_EQ(u.required, 2u);
    EXPECT_FALSE(u.reached());
    EXPECT_EQ(gap.area("d2.z").current_level, not_applicable_level);
    std::size_t to_close = 0, required = 0, met = 0;
    for (const auto& a : gap.areas) to_close += a.to_close.size(), required += a.required, met += a.met;
    EXPECT_EQ(to_close, gap.total.to_close);
    EXPECT_EQ(required, gap.total.required);
    EXPECT_EQ(met, gap.total.met);
}

TEST(Gap, PrerequisitesStopAtMetAndNotApplicableCriteria) {
    // x.i1 requires u.i1; with u.i1 met, nothing behind it (u.f1) is needed for x's target.
    const auto f = test::worked_example();
    auto a = test::worked_assessment(f);
    a.set("d2.u.i1", Status::met);
    Target target = Target::uniform("intermediate");
    target.areas["d2.u"] = "fundamental";
    target.domains["d2"] = "fundamental";
    auto only_x = Target::uniform("fundamental");
    only_x.areas["d1.x"] = "intermediate";
    const auto gap = analyse_gap(f, a, only_x);
    EXPECT_EQ(gap.find_item("d2.u.i1"), nullptr);  // met: not in the gap
    ASSERT_NE(gap.find_item("d2.u.f1"), nullptr);  // u's own fundamental target
    EXPECT_FALSE(gap.find_item("d2.u.f1")->prerequisite);
    // The same through a not-applicable criterion.
    a.set("d2.u.i1", Status::not_applicable, {}, Exclusion::owned_elsewhere);
    auto none_below = Target::uniform("fundamental");
    none_below.areas["d1.x"] = "intermediate";
    none_below.areas["d2.u"] = "fundamental";
    a.set("d2.u.f1", Status::met);
    const auto gap2 = analyse_gap(f, a, none_below);
    ASSERT_EQ(gap2.items.size(), 1u);
    EXPECT_EQ(gap2.items[0].id, "d1.x.i1");
}

TEST(Path, StepsFollowPrerequisitesAndPhasesAreDepths) {
    const auto f = test::worked_example();
    Target target = Target::uniform("intermediate");
    target.areas["d2.u"] = "fundamental";
    const auto path = progression_path(f, analyse_gap(f, test::worked_assessment(f), target));
    EXPECT_EQ(ids(path.steps), (std::vector<std::string>{"d2.u.f1", "d2.u.i1", "d1.x.i1"}));
    EXPECT_EQ(path.phase_count(), 3u);
    EXPECT_EQ(path.steps[2].phase, 3u);
    EXPECT_EQ(ids(path.next_steps(5)), std::vector<std::string>{"d2.u.f1"});
}

TEST(Path, TiesBreakByTierDomainAreaWeightThenDocumentOrder) {
    const auto f = test::worked_example();
    const auto blank = Assessment::blank(f, "s", "2026-01-01");
    const auto path = progression_path(f, analyse_gap(f, blank, Target::uniform("advanced")));
    // Phase by phase (1: fundamentals; 2: y.i1, y.i2, u.i1; 3: x.i1, u.a1; 4: x.a1), and inside a
    // phase by tier, domain, area, higher weight (x.f2 weighs 3), document order.
    EXPECT_EQ(ids(path.steps), (std::vector<std::string>{"d1.x.f2", "d1.x.f1", "d1.y.f1", "d2.z.f1", "d2.z.f2",
                                                         "d2.u.f1", "d1.y.i1", "d1.y.i2", "d2.u.i1", "d1.x.i1",
                                                         "d2.u.a1", "d1.x.a1"}));
    std::map<std::string, std::size_t> phase;
    for (const auto& s : path.steps) phase[s.id] = s.phase;
    EXPECT_EQ(phase["d1.x.f1"], 1u);
    EXPECT_EQ(phase["d1.y.i1"], 2u);
    EXPECT_EQ(phase["d2.u.i1"], 2u);
    EXPECT_EQ(phase["d1.x.i1"], 3u);
    EXPECT_EQ(phase["d2.u.a1"], 3u);
    EXPECT_EQ(phase["d1.x.a1"], 4u);
    EXPECT_EQ(path.next_steps(2).size(), 2u);
    EXPECT_EQ(path.next_steps().size(), 6u);
    // Every step comes after everything it waits for, and each phase is 1 + the deepest wait.
    std::map<std::string, std::size_t> position;
    for (std::size_t i = 0; i < path.steps.size(); ++i) position[path.steps[i].id] = i;
    for (const auto& s : path.steps)
        for (const auto& w : s.waits_for) {
            EXPECT_LT(position[w], position[s.id]);
            EXPECT_LT(phase[w], s.phase);
        }
}

TEST(Gap, BadTargetIsRefused) {
    const auto f = test::worked_example();
    const auto a = test::worked_assessment(f);
    EXPECT_THROW((void)analyse_gap(f, a, Target::uniform("expert")), TargetError);
    Target bad_area = Target::uniform("fundamental");
    bad_area.areas["d9.q"] = "advanced";
    try {
        (void)analyse_gap(f, a, bad_area);
        FAIL();
    } catch (const TargetError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown area 'd9.q'"), std::string::npos);
    }
}

TEST(Target, ParsesTomlWithPositions) {
    const auto t = Target::parse("tier = \"fundamental\"\n[domains]\nd1 = \"advanced\"\n[areas]\n\"d2.u\" = \"intermediate\"\n",
                                 "target.toml");
    const auto f = test::worked_example();
    EXPECT_EQ(t.level_for(f, f.area("d1.x")), 3u);
    EXPECT_EQ(t.level_for(f, f.area("d2.u")), 2u);
    EXPECT_EQ(t.level_for(f, f.area("d2.z")), 1u);
    const auto bad = Target::parse("tier = \"fundamental\"\n[areas]\n\"d2.q\" = \"advanced\"\n", "target.toml");
    const auto problems = bad.check(f);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].location.line, 3u);
    try {
        (void)Target::parse("tier = 3\n", "t.toml");
        FAIL();
    } catch (const TargetError& e) {
        EXPECT_EQ(e.location().line, 1u);
        EXPECT_EQ(e.location().column, 8u);
    }
}

// A path long enough to be made on several threads (over 8,192 steps), against the definition written
// out plainly here: phases by depth among the gap's items, the order by (phase, tier, domain, area,
// heavier first, framework order), each step with its item's status, owner and due date, and waiting
// for exactly its direct prerequisites among the gap's items. The gap itself is checked against the
// statuses, owners and due dates it was made from.
TEST(Path, ABigPathIsThePlainDefinitionStepByStep) {
    std::string text = test::header("big-path") + test::two_tiers();
    std::mt19937 random(42);
    for (int d = 0; d < 4; ++d) {
        text += "[[domains]]\nid = \"d" + std::to_string(d) + "\"\nname = \"D\"\n";
        for (int a = 0; a < 60; ++a) {
            text += "[[domains.areas]]\nid = \"a" + std::to_string(a) + "\"\nname = \"A\"\n";
            for (int c = 0; c < 50; ++c) {
                const bool advanced = c >= 20;
                text += "[[domains.areas.criteria]]\nid = \"c" + std::to_string(c) + "\"\ntier = \"" +
                        (advanced ? "advanced" : "fundamental") + "\"\ntext = \"X\"\nweight = " +
                        std::to_string(1 + random() % 3) + "\n";
                // Cross-area requires to earlier areas' criteria of the same or a lower tier.
                if (a > 0 && random() % 3 == 0)
                    text += "requires = [\"d" + std::to_string(d) + ".a" + std::to_string(random() % a) + ".c" +
                            std::to_string(advanced ? random() % 50 : random() % 20) + "\"]\n";
            }
        }
    }
    const auto f = parse_framework(text, "big-path.toml");
    ASSERT_EQ(f.criteria().size(), 12000u);
    auto assessment = Assessment::blank(f, "s", "2026-06-01");
    const Status mix[] = {Status::unknown, Status::not_met, Status::partial, Status::met};
    for (const auto& c : f.criteria()) {
        auto& record = assessment.set(c.id, mix[random() % 4]);
        if (random() % 4 == 0) record.owner = "owner of " + c.id;
        if (random() % 5 == 0) record.due = random() % 2 ? "2026-01-01" : "2027-01-01";
    }
    const auto gap = analyse_gap(f, assessment, Target::uniform("advanced"));
    const auto path = progression_path(f, gap);
    ASSERT_GT(gap.items.size(), 8192u);
    ASSERT_EQ(path.steps.size(), gap.items.size());

    for (const auto& item : gap.items) {
        const auto& record = assessment.records.at(item.id);
        ASSERT_EQ(item.status, record.status) << item.id;
        ASSERT_EQ(item.owner, record.owner) << item.id;
        ASSERT_EQ(item.due, record.due) << item.id;
        ASSERT_EQ(item.overdue, record.due == "2026-01-01") << item.id;
    }
    // The definition, plainly: depth among the gap's items, then the sort.
    std::map<std::size_t, std::size_t> item_of;
    for (std::size_t i = 0; i < gap.items.size(); ++i) item_of[gap.items[i].criterion] = i;
    std::vector<std::size_t> depth(gap.items.size(), 0);
    std::function<std::size_t(std::size_t)> phase_of = [&](std::size_t i) -> std::size_t {
        if (depth[i]) return depth[i];
        std::size_t deepest = 0;
        for (const auto p : f.graph().direct_prerequisites(gap.items[i].criterion))
            if (item_of.count(p)) deepest = std::max(deepest, phase_of(item_of[p]));
        return depth[i] = deepest + 1;
    };
    std::vector<std::size_t> order(gap.items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = f.criteria()[gap.items[a].criterion];
        const auto& y = f.criteria()[gap.items[b].criterion];
        return std::make_tuple(phase_of(a), x.tier, x.domain, x.area, -x.weight, x.index) <
               std::make_tuple(phase_of(b), y.tier, y.domain, y.area, -y.weight, y.index);
    });
    std::size_t phases = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const auto& item = gap.items[order[k]];
        const auto& step = path.steps[k];
        ASSERT_EQ(step.id, item.id) << "step " << k;
        ASSERT_EQ(step.criterion, item.criterion);
        ASSERT_EQ(step.phase, phase_of(order[k])) << step.id;
        ASSERT_EQ(step.status, item.status);
        ASSERT_EQ(step.owner, item.owner);
        ASSERT_EQ(step.due, item.due);
        ASSERT_EQ(step.overdue, item.overdue);
        std::vector<std::string> waits;
        for (const auto p : f.graph().direct_prerequisites(item.criterion))
            if (item_of.count(p)) waits.push_back(f.criteria()[p].id);
        ASSERT_EQ(step.waits_for, waits) << step.id;
        phases = std::max(phases, step.phase);
        ASSERT_LE(step.phase, path.phases.size());
        ASSERT_NE(std::find(path.phases[step.phase - 1].begin(), path.phases[step.phase - 1].end(), k),
                  path.phases[step.phase - 1].end());
    }
    EXPECT_EQ(path.phase_count(), phases);
    EXPECT_GT(phases, 2u);
    std::size_t listed = 0;
    for (const auto& p : path.phases) listed += p.size();
    EXPECT_EQ(listed, path.steps.size());
}
