// One meaning for levels, not applicable, paths and changes (docs/scoring.md): blank assessments,
// unused and wholly not-applicable tiers, the skipped-tier warning, the change table, and a
// randomised property test of gaps and paths.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>
#include <set>

#include "worked_example.hpp"

using namespace routemap;

namespace {

Framework mixed_tiers() { return load_framework(test::source_dir() / "tests" / "data" / "mixed-tiers.toml"); }

std::vector<Framework> every_framework(const Registry& registry) {
    std::vector<Framework> out;
    for (const auto& id : registry.ids()) out.push_back(registry.get(id));
    out.push_back(test::worked_example());
    out.push_back(mixed_tiers());
    out.push_back(load_framework(test::source_dir() / "tests" / "data" / "explicit-five.toml"));
    out.push_back(load_framework(test::source_dir() / "tests" / "data" / "graded-answers.toml"));
    return out;
}

Assessment with(const Framework& f, const std::map<std::string, Status>& statuses) {
    auto a = Assessment::blank(f, "s", "2026-01-01");
    for (const auto& [id, s] : statuses)
        a.set(id, s, {}, s == Status::not_applicable ? std::optional(Exclusion::not_relevant) : std::nullopt);
    return a;
}

}  // namespace

TEST(Semantics, BlankAssessmentIsLevelZeroAndScoresZeroEverywhere) {
    const Registry registry({test::source_dir(), test::binary_dir() / "share" / "routemap"});
    const auto frameworks = every_framework(registry);
    ASSERT_GE(frameworks.size(), 6u);
    for (const auto& f : frameworks) {
        const auto blank = Assessment::blank(f, "s", "2026-01-01");
        for (const auto* model : {"staged", "continuous", "coverage", "eds-rating"}) {
            const auto r = score(registry, f, blank, model);
            auto check = [&](const ScoreNode& n) {
                EXPECT_TRUE(n.applicable) << f.id() << " " << model << " " << n.id;
                EXPECT_EQ(n.level, 0) << f.id() << " " << model << " " << n.id;
                EXPECT_EQ(n.score, 0.0) << f.id() << " " << model << " " << n.id;
                EXPECT_EQ(n.label, r.level_labels[0]) << f.id() << " " << model << " " << n.id;
            };
            check(r.overall);
            for (const auto& n : r.domains) check(n);
            for (const auto& n : r.areas) check(n);
        }
    }
}

TEST(Semantics, UnusedTiersArePassedThroughNeverReachedOnTheirOwn) {
    const Registry registry({}, test::no_plugins());
    const auto f = mixed_tiers();
    // b uses levels 2 and 4 only.
    auto r = score(registry, f, with(f, {{"d1.b.l2", Status::met}}), "staged");
    EXPECT_EQ(r.area("d1.b").level, 2);
    r = score(registry, f, with(f, {{"d1.b.l2", Status::met}, {"d1.b.l4", Status::met}}), "staged");
    EXPECT_EQ(r.area("d1.b").level, 4);
    EXPECT_EQ(r.area("d1.b").label, "Measured");
    r = score(registry, f, with(f, {{"d1.b.l4", Status::met}}), "staged");
    EXPECT_EQ(r.area("d1.b").level, 0);  // level 2 is not met, so level 4 cannot count
    // a stops at level 3: all met is level 3, never 5.
    r = score(registry, f, with(f, {{"d1.a.l1", Status::met}, {"d1.a.l2", Status::met}, {"d1.a.l3", Status::met}}), "staged");
    EXPECT_EQ(r.area("d1.a").level, 3);
    // continuous: each used tier counts for the levels from the used tier below up to it.
    const auto c = score(registry, f, with(f, {{"d1.b.l2", Status::partial}}), "continuous");
    EXPECT_DOUBLE_EQ(c.area("d1.b").score, 1.0);  // 0.5 x 2 levels
    const auto c2 = score(registry, f, with(f, {{"d1.b.l2", Status::met}, {"d1.b.l4", Status::partial}}), "continuous");
    EXPECT_DOUBLE_EQ(c2.area("d1.b").score, 3.0);  // 1 x 2 + 0.5 x 2
    const auto c3 = score(registry, f, with(f, {{"d1.a.l1", Status::met}, {"d1.a.l2", Status::met}, {"d1.a.l3", Status::met}}),
                          "continuous");
    EXPECT_DOUBLE_EQ(c3.area("d1.a").score, 3.0);  // all met: the highest used tier, not 5
    EXPECT_EQ(c3.area("d1.a").max_score, 5.0);
}

TEST(Semantics, AWhollyNotApplicableTierIsPassedThrough) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& f = registry.get("newham-organisation");
    // An area with one fundamental criterion: marking it not applicable gives no level for free.
    const Area* area = nullptr;
    for (const auto& a : f.areas()) {
        std::size_t fundamentals = 0;
        for (const auto& c : f.criteria_of(a)) fundamentals += c.tier == 0;
        if (fundamentals == 1) {
            area = &a;
            break;
        }
    }
    ASSERT_NE(area, nullptr);
    std::map<std::string, Status> statuses;
    for (const auto& c : f.criteria_of(*area))
        if (c.tier == 0) statuses[c.id] = Status::not_applicable;
    for (const auto* model : {"staged", "continuous", "coverage"}) {
        const auto r = score(registry, f, with(f, statuses), model);
        EXPECT_EQ(r.area(area->id).level, 0) << model;
        EXPECT_EQ(r.area(area->id).score, 0.0) << model;
    }
    for (const auto& c : f.criteria_of(*area))
        if (c.tier == 1) statuses[c.id] = Status::met;
    const auto r = score(registry, f, with(f, statuses), "staged");
    EXPECT_EQ(r.area(area->id).level, 2);  // intermediate, passing through the excluded fundamental tier
    EXPECT_DOUBLE_EQ(score(registry, f, with(f, statuses), "continuous").area(area->id).score, 2.0);
}

TEST(Semantics, NotApplicableIsNeverANumber) {
    const Registry registry({test::binary_dir() / "share" / "routemap"});
    const auto f = test::worked_example();
    const auto a = test::worked_assessment(f);  // d2.z is wholly not applicable
    for (const auto* model : {"staged", "continuous", "coverage", "eds-rating"}) {
        const auto r = score(registry, f, a, model);
        const auto& z = r.area("d2.z");
        EXPECT_FALSE(z.applicable) << model;
        EXPECT_EQ(z.level, not_applicable_level) << model;
        EXPECT_EQ(z.label, "Not applicable") << model;
        EXPECT_TRUE(std::isnan(z.score)) << model;
        for (const auto t : z.tier_scores) EXPECT_TRUE(std::isnan(t)) << model;
    }
    EXPECT_EQ(analyse_gap(f, a, Target::uniform("advanced")).area("d2.z").current_level, not_applicable_level);
}

TEST(Semantics, SkippedTiersAreWarnedAboutUnlessDeclared) {
    const auto f = mixed_tiers();
    std::vector<std::string> messages;
    for (const auto& w : f.warnings()) messages.push_back(w.message);
    ASSERT_EQ(messages.size(), 1u) << ::testing::PrintToString(messages);  // c uses every tier; a and b declare theirs
    EXPECT_NE(messages[0].find("area 'd2.d' has no criteria at tiers l1, l2, l4"), std::string::npos) << messages[0];
    EXPECT_EQ(f.area("d1.b").declared_tiers, (std::vector<std::size_t>{1, 3}));
    EXPECT_EQ(f.warnings()[0].location.line, 93u);

    auto text = test::detail_read(test::source_dir() / "tests" / "data" / "mixed-tiers.toml");
    text.replace(text.find("tiers = [\"l2\", \"l4\"]"), 20, "tiers = [\"l2\", \"l3\"]");
    try {
        (void)parse_framework(text, "mixed.toml");
        FAIL() << "a wrong tier declaration was accepted";
    } catch (const FrameworkError& e) {
        std::string what;
        for (const auto& d : e.diagnostics()) what += d.to_string() + "\n";
        EXPECT_NE(what.find("area 'd1.b' declares tier 'l3' but has no criterion at it"), std::string::npos) << what;
        EXPECT_NE(what.find("criterion 'd1.b.l4' is at tier 'l4', which its area 'd1.b' does not declare"), std::string::npos)
            << what;
        EXPECT_NE(what.find("mixed.toml:"), std::string::npos);
    }
}

TEST(Semantics, EveryStatusTransitionHasOneDocumentedKind) {
    using S = Status;
    using K = ChangeKind;
    const std::map<std::pair<S, S>, K> table{
        {{S::unknown, S::not_met}, K::other},         {{S::unknown, S::partial}, K::improved},
        {{S::unknown, S::met}, K::newly_met},         {{S::unknown, S::not_applicable}, K::excluded},
        {{S::not_met, S::unknown}, K::other},         {{S::not_met, S::partial}, K::improved},
        {{S::not_met, S::met}, K::newly_met},         {{S::not_met, S::not_applicable}, K::excluded},
        {{S::partial, S::unknown}, K::regressed},     {{S::partial, S::not_met}, K::regressed},
        {{S::partial, S::met}, K::newly_met},         {{S::partial, S::not_applicable}, K::excluded},
        {{S::met, S::unknown}, K::regressed},         {{S::met, S::not_met}, K::regressed},
        {{S::met, S::partial}, K::regressed},         {{S::met, S::not_applicable}, K::excluded},
        {{S::not_applicable, S::unknown}, K::reinstated}, {{S::not_applicable, S::not_met}, K::reinstated},
        {{S::not_applicable, S::partial}, K::reinstated}, {{S::not_applicable, S::met}, K::newly_met},
    };
    ASSERT_EQ(table.size(), 20u);
    for (const auto& [pair, kind] : table)
        EXPECT_EQ(classify_change(pair.first, pair.second), kind)
            << to_string(pair.first) << " -> " << to_string(pair.second);

    // met -> not applicable is listed and counted, and the area it empties says so.
    const Registry registry({}, test::no_plugins());
    const auto f = test::worked_example();
    const auto before = test::worked_assessment(f);
    auto after = before;
    after.set("d1.y.f1", Status::not_applicable, {}, Exclusion::out_of_scope);
    after.set("d1.y.i1", Status::not_applicable, {}, Exclusion::out_of_scope);
    const auto c = compare(registry, f, before, after, "staged");
    EXPECT_EQ(c.of_kind(ChangeKind::excluded).size(), 2u);
    EXPECT_EQ(c.counts()[static_cast<std::size_t>(ChangeKind::excluded)], 2u);
    EXPECT_TRUE(c.area("d1.y").changed_applicability());
    EXPECT_EQ(c.area("d1.y").delta(), 0);
    EXPECT_EQ(to_string(ChangeKind::excluded), "excluded");
}

// Random frameworks (cross-area `requires` only to earlier areas, so acyclic), random statuses and
// targets: the gap is closed under unmet prerequisites, its rows add up, and the path lists every
// step after everything it waits for, phase by phase, in the documented tie-break inside a phase.
TEST(Semantics, PathPropertiesOnRandomFrameworks) {
    std::mt19937 random(20261201);
    for (int round = 0; round < 60; ++round) {
        const int tiers = 1 + static_cast<int>(random() % 4);
        std::string text = test::header("random");
        for (int t = 0; t < tiers; ++t) text += "[[tiers]]\nid = \"t" + std::to_string(t) + "\"\nname = \"T" + std::to_string(t) + "\"\n";
        std::vector<std::string> earlier;  // criteria of earlier areas
        const int domains = 1 + static_cast<int>(random() % 3);
        for (int d = 0; d < domains; ++d) {
            text += "[[domains]]\nid = \"d" + std::to_string(d) + "\"\nname = \"D\"\n";
            const int areas = 1 + static_cast<int>(random() % 3);
            std::vector<std::string> added;
            for (int a = 0; a < areas; ++a) {
                const std::string area = "d" + std::to_string(d) + ".a" + std::to_string(a);
                text += "[[domains.areas]]\nid = \"a" + std::to_string(a) + "\"\nname = \"A\"\n";
                const int criteria = 1 + static_cast<int>(random() % 6);
                for (int c = 0; c < criteria; ++c) {
                    const int tier = static_cast<int>(random() % tiers);
                    text += "[[domains.areas.criteria]]\nid = \"c" + std::to_string(c) + "\"\ntier = \"t" +
                            std::to_string(tier) + "\"\ntext = \"x\"\nweight = " + std::to_string(1 + random() % 3) + "\n";
                    if (!earlier.empty() && random() % 3 == 0)
                        text += "requires = [\"" + earlier[random() % earlier.size()] + "\"]\n";
                    added.push_back(area + ".c" + std::to_string(c));
                }
                earlier.insert(earlier.end(), added.begin(), added.end());
                added.clear();
            }
        }
        const auto f = parse_framework(text, "random.toml");
        std::vector<Status> statuses(f.criteria().size());
        for (auto& s : statuses) s = static_cast<Status>(random() % 5);
        const auto target = Target::uniform("t" + std::to_string(random() % tiers));
        const auto gap = analyse_gap(f, statuses, target);
        const auto path = progression_path(f, gap);

        std::set<std::size_t> in_gap;
        for (const auto& item : gap.items) in_gap.insert(item.criterion);
        for (const auto& item : gap.items) {
            EXPECT_NE(statuses[item.criterion], Status::met);
            EXPECT_NE(statuses[item.criterion], Status::not_applicable);
            for (const auto p : f.graph().direct_prerequisites(item.criterion)) {
                const auto s = statuses[p];
                if (s != Status::met && s != Status::not_applicable) {
                    EXPECT_TRUE(in_gap.contains(p)) << text;
                }
            }
        }
        std::size_t to_close = 0;
        for (const auto& a : gap.areas) to_close += a.to_close.size();
        EXPECT_EQ(to_close, gap.items.size());
        EXPECT_EQ(gap.total.to_close, gap.items.size());

        ASSERT_EQ(path.steps.size(), gap.items.size());
        std::map<std::string, std::size_t> position, phase;
        for (std::size_t i = 0; i < path.steps.size(); ++i) {
            const auto& s = path.steps[i];
            position[s.id] = i;
            phase[s.id] = s.phase;
            std::size_t deepest = 0;
            std::vector<std::string> direct;
            for (const auto p : f.graph().direct_prerequisites(s.criterion))
                if (in_gap.contains(p)) direct.push_back(f.criteria()[p].id);
            EXPECT_EQ(s.waits_for, direct);
            for (const auto& w : s.waits_for) {
                ASSERT_TRUE(position.contains(w)) << s.id << " listed before " << w;
                EXPECT_LT(phase[w], s.phase);
                deepest = std::max(deepest, phase[w]);
            }
            EXPECT_EQ(s.phase, deepest + 1);
            if (i > 0) {
                const auto& prev = path.steps[i - 1];
                ASSERT_LE(prev.phase, s.phase);
                if (prev.phase == s.phase) {
                    const auto& x = f.criteria()[prev.criterion];
                    const auto& y = f.criteria()[s.criterion];
                    EXPECT_LT(std::make_tuple(x.tier, x.domain, x.area, -x.weight, x.index),
                              std::make_tuple(y.tier, y.domain, y.area, -y.weight, y.index));
                }
            }
        }
    }
}
