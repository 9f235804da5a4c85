// Every built-in model against numbers computed by hand (docs/scoring.md, "Worked example").
#include <gtest/gtest.h>

#include <cmath>

#include "worked_example.hpp"

using namespace routemap;

using test::no_plugins;

namespace {

ScoreResult run(const std::string& model, const ModelParameters& overrides = {}) {
    static const Registry registry({}, no_plugins());
    const auto f = test::worked_example();
    return score(registry, f, test::worked_assessment(f), model, overrides);
}

}  // namespace

TEST(StagedModel, WorkedExample) {
    const auto r = run("staged");
    EXPECT_EQ(r.area("d1.x").level, 1);
    EXPECT_EQ(r.area("d1.y").level, 2);  // no advanced criteria: it cannot reach a tier it does not use
    EXPECT_FALSE(r.area("d2.z").applicable);
    EXPECT_EQ(r.area("d2.z").level, not_applicable_level);
    EXPECT_EQ(r.area("d2.z").label, "Not applicable");
    EXPECT_TRUE(std::isnan(r.area("d2.z").score));
    EXPECT_EQ(r.area("d2.u").level, 0);  // unknown blocks
    EXPECT_EQ(r.domain("d1").level, 1);
    EXPECT_EQ(r.domain("d2").level, 0);  // z is left out, not counted as 0 or 3
    EXPECT_EQ(r.overall.level, 0);
    EXPECT_EQ(r.area("d1.x").label, "Fundamental");
    EXPECT_EQ(r.overall.label, "Not yet");
    EXPECT_DOUBLE_EQ(r.area("d1.y").score, 2.0);
}

TEST(ContinuousModel, WorkedExample) {
    const auto r = run("continuous");
    EXPECT_DOUBLE_EQ(r.area("d1.x").score, 1.5);   // 1 + 0.5 + 0
    EXPECT_DOUBLE_EQ(r.area("d1.y").score, 2.0);   // 1 + 1; no advanced criteria, so no advanced credit
    EXPECT_DOUBLE_EQ(r.area("d2.u").score, 1.0);   // 0 + 0 + 1
    EXPECT_TRUE(std::isnan(r.area("d2.z").score));
    EXPECT_DOUBLE_EQ(r.domain("d1").score, 1.75);  // (1.5 + 2) / 2
    EXPECT_DOUBLE_EQ(r.domain("d2").score, 1.0);   // z left out
    EXPECT_DOUBLE_EQ(r.overall.score, 1.375);      // (1.75 + 1) / 2
    EXPECT_DOUBLE_EQ(r.area("d1.x").tier_scores[1], 0.5);
    EXPECT_TRUE(std::isnan(r.area("d1.y").tier_scores[2]));
    EXPECT_EQ(r.area("d1.x").level, 1);
    EXPECT_EQ(r.area("d1.y").level, 2);
    EXPECT_EQ(r.overall.level, 0);
    // Partial credit is a parameter.
    const auto full = run("continuous", {{"partial_credit", 1.0}});
    EXPECT_DOUBLE_EQ(full.area("d1.x").score, 2.0);
    EXPECT_EQ(full.area("d1.x").level, 2);
}

TEST(CoverageModel, WorkedExample) {
    const auto r = run("coverage");
    EXPECT_NEAR(r.area("d1.x").score, 4.0 / 6.0, 1e-12);  // weights 1 + 3 met of 1 + 3 + 1 + 1
    EXPECT_DOUBLE_EQ(r.area("d1.y").score, 1.0);
    EXPECT_NEAR(r.area("d2.u").score, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(r.domain("d1").score, 7.0 / 9.0, 1e-12);
    EXPECT_NEAR(r.domain("d2").score, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(r.overall.score, 8.0 / 12.0, 1e-12);
    EXPECT_NEAR(r.domain("d1").tier_scores[1], 2.0 / 3.0, 1e-12);
    EXPECT_EQ(r.domain("d1").level, 1);
    EXPECT_EQ(r.area("d1.y").level, 2);
    EXPECT_EQ(run("coverage", {{"level_threshold", 0.6}}).domain("d1").level, 2);
}

TEST(Scoring, CountsByStatusAndTier) {
    const auto r = run("staged");
    const auto& x = r.area("d1.x");
    EXPECT_EQ(x.counts[Status::met], 2u);
    EXPECT_EQ(x.counts[Status::partial], 1u);
    EXPECT_EQ(x.counts[Status::not_met], 1u);
    EXPECT_EQ(x.counts_by_tier[0][Status::met], 2u);
    EXPECT_EQ(r.overall.counts.total(), 12u);
    EXPECT_EQ(r.overall.counts[Status::not_applicable], 3u);
    EXPECT_EQ(r.overall.counts[Status::unknown], 1u);
    EXPECT_EQ(r.domain("d2").counts.applicable(), 3u);
}

TEST(Scoring, AllUnknownAndAllNotApplicable) {
    const Registry registry({}, no_plugins());
    const auto f = test::worked_example();
    auto unknown = Assessment::blank(f, "s", "2026-01-01");
    for (const auto* model : {"staged", "continuous", "coverage"}) {
        const auto r = score(registry, f, unknown, model);
        EXPECT_EQ(r.overall.level, 0) << model;
        EXPECT_DOUBLE_EQ(r.overall.score, 0.0) << model;
        EXPECT_TRUE(r.overall.applicable);
    }
    auto excluded = Assessment::blank(f, "s", "2026-01-01");
    for (const auto& c : f.criteria()) excluded.set(c.id, Status::not_applicable, {}, Exclusion::out_of_scope);
    for (const auto* model : {"staged", "continuous", "coverage"}) {
        const auto r = score(registry, f, excluded, model);
        EXPECT_FALSE(r.overall.applicable);
        EXPECT_FALSE(r.domain("d1").applicable);
        EXPECT_EQ(r.overall.level, not_applicable_level) << model;
        EXPECT_EQ(r.overall.label, "Not applicable") << model;
        EXPECT_TRUE(std::isnan(r.overall.score)) << model;
        EXPECT_TRUE(std::isnan(r.domain("d2").score)) << model;
    }
}

TEST(Scoring, SingleTierFramework) {
    const Registry registry({test::source_dir()}, no_plugins());
    const auto& f = registry.get("newham-individual");
    auto a = Assessment::blank(f, "A person", "2026-01-01");
    a.set("reflection.1", Status::met);
    const auto cov = score(registry, f, a, "coverage");
    EXPECT_NEAR(cov.domain("reflection").score, 1.0 / 7.0, 1e-12);
    EXPECT_EQ(score(registry, f, a, "staged").domain("reflection").level, 0);
    for (const auto& c : f.criteria_of(f.domain("reflection"))) a.set(c.id, Status::met);
    EXPECT_EQ(score(registry, f, a, "staged").domain("reflection").level, 1);
    EXPECT_EQ(score(registry, f, a).model, "coverage");  // the framework's default model
}

TEST(Scoring, UnknownParameterAndUnknownModelAreRefused) {
    EXPECT_THROW((void)run("staged", {{"partial_credit", 0.5}}), Error);
    EXPECT_THROW((void)run("no-such-model"), NotFoundError);
}

TEST(Scoring, FrameworkFileParametersApply) {
    const Registry registry({}, no_plugins());
    auto text = test::detail_read(test::source_dir() / "tests" / "data" / "worked-example.toml");
    text.replace(text.find("[[tiers]]"), 9, "[scoring]\ndefault_model = \"continuous\"\n[scoring.parameters.continuous]\npartial_credit = 0.25\n[[tiers]]");
    const auto f = parse_framework(text, "worked.toml");
    const auto r = score(registry, f, test::worked_assessment(f));
    EXPECT_EQ(r.model, "continuous");
    EXPECT_DOUBLE_EQ(r.area("d1.x").score, 1.25);  // 1 + 0.25 + 0
    EXPECT_DOUBLE_EQ(r.parameters.at("partial_credit"), 0.25);
}

TEST(EdsRatingPlugin, WorkedExample) {
    const Registry registry({test::binary_dir() / "share" / "routemap"});
    const auto f = test::worked_example();
    const auto r = score(registry, f, test::worked_assessment(f), "eds-rating");
    EXPECT_EQ(r.area("d1.x").label, "Achieving");    // (1 + 3 + 0.5) / 6 = 0.75
    EXPECT_EQ(r.area("d1.y").label, "Excelling");    // 3 / 3
    EXPECT_EQ(r.area("d2.u").label, "Developing");   // 1 / 3
    EXPECT_DOUBLE_EQ(r.domain("d1").score, 5.0);
    EXPECT_EQ(r.domain("d1").label, "Achieving");    // 5 / 6 >= 22/33
    EXPECT_EQ(r.domain("d2").label, "Developing");   // 1 / 3 >= 8/33
    EXPECT_DOUBLE_EQ(r.overall.score, 6.0);
    EXPECT_DOUBLE_EQ(r.overall.max_score, 9.0);
    EXPECT_EQ(r.overall.label, "Achieving");          // 6 / 9 = 22/33 exactly
    // Thresholds are parameters, not constants.
    const auto strict = score(registry, f, test::worked_assessment(f), "eds-rating", {{"achieving", 0.8}});
    EXPECT_EQ(strict.area("d1.x").label, "Developing");
    EXPECT_THROW((void)score(registry, f, test::worked_assessment(f), "eds-rating", {{"developing", 0.9}}), Error);
}
