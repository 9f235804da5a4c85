// score_many against scoring each row on its own: every model (the built-in plans and a plugin model
// without a plan), every framework, NaN and masks included, on 1, 2 and 3 threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "worked_example.hpp"

using namespace routemap;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

std::vector<Framework> frameworks(const Registry& registry) { return test::scoring_test_frameworks(registry); }

// Rows drawn so that whole areas and domains are often not applicable.
std::vector<std::uint8_t> random_rows(std::size_t rows, std::size_t columns, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> codes(rows * columns);
    for (std::size_t r = 0; r < rows; ++r) {
        const double na = (r % 4 == 0) ? 0.9 : (r % 4 == 1) ? 0.0 : 0.3;
        std::bernoulli_distribution excluded(na);
        for (std::size_t c = 0; c < columns; ++c)
            codes[r * columns + c] = excluded(random) ? 4 : static_cast<std::uint8_t>(random() % 4);
    }
    return codes;
}

void expect_equal(const BatchScores& batch, const ScoreResult& one, std::size_t r, bool tiers, const std::string& where) {
    auto node = [&](const ScoreNode& n, std::size_t i, const BatchArray<std::uint8_t>& applicable,
                    const BatchArray<std::int32_t>& levels, const BatchArray<double>& scores,
                    const BatchArray<double>& tier_scores) {
        ASSERT_EQ(applicable[i], n.applicable ? 1 : 0) << where << " " << n.id;
        ASSERT_EQ(levels[i], n.level) << where << " " << n.id;
        ASSERT_TRUE(same(scores[i], n.score)) << where << " " << n.id << ": " << scores[i] << " vs " << n.score;
        if (!tiers) return;
        for (std::size_t t = 0; t < batch.tiers; ++t) {
            ASSERT_TRUE(same(tier_scores[i * batch.tiers + t], n.tier_scores[t])) << where << " " << n.id << " tier " << t;
        }
    };
    for (std::size_t a = 0; a < batch.areas; ++a)
        node(one.areas[a], r * batch.areas + a, batch.area_applicable, batch.area_levels, batch.area_scores,
             batch.area_tier_scores);
    for (std::size_t d = 0; d < batch.domains; ++d)
        node(one.domains[d], r * batch.domains + d, batch.domain_applicable, batch.domain_levels, batch.domain_scores,
             batch.domain_tier_scores);
    node(one.overall, r, batch.overall_applicable, batch.overall_levels, batch.overall_scores, batch.overall_tier_scores);
}

}  // namespace

TEST(Batch, ScoreManyEqualsOneByOneForEveryModelFrameworkAndThreadCount) {
    const Registry registry({test::source_dir(), test::binary_dir() / "share" / "routemap"});
    const std::size_t rows = 2600;  // enough for the rows to be split across threads
    for (const auto& f : frameworks(registry)) {
        const auto n = f.criteria().size();
        const auto codes = random_rows(rows, n, 11);
        for (const auto* name : {"staged", "continuous", "coverage", "eds-rating"}) {
            const auto& model = registry.model(name);
            const auto parameters = resolve_parameters(model, f);
            const bool tiers = std::string(name) != "eds-rating";
            std::vector<ScoreResult> expected;
            for (std::size_t r = 0; r < rows; ++r) {
                std::vector<Status> row(n);
                for (std::size_t c = 0; c < n; ++c) row[c] = static_cast<Status>(codes[r * n + c]);
                expected.push_back(score_statuses(model, f, row, parameters));
            }
            for (const unsigned threads : {1u, 2u, 3u}) {
                BatchOptions options;
                options.threads = threads;
                options.outputs = batch_levels | batch_scores | (tiers ? batch_tier_scores : 0u);
                const auto batch = score_many(model, f, codes.data(), rows, n, parameters, options);
                for (std::size_t r = 0; r < rows; ++r) {
                    expect_equal(batch, expected[r], r, tiers, f.id() + " " + name + " row " + std::to_string(r));
                    if (::testing::Test::HasFatalFailure()) return;
                }
            }
        }
    }
}

// Answer scales: rows mixing the statuses and the answer codes each criterion accepts (its own
// domain's scale), on a framework with one scale and on one whose domains have scales of their own.
TEST(Batch, ScoreManyWithAnswerCodesEqualsOneByOne) {
    const Registry registry({test::source_dir(), test::binary_dir() / "share" / "routemap"});
    const auto own_scales = parse_framework(
        test::header("own-scales") + test::two_tiers() +
            "[[answers]]\nid = \"no\"\nname = \"No\"\ncredit = 0\n[[answers]]\nid = \"yes\"\nname = \"Yes\"\ncredit = 1\n"
            "[[domains]]\nid = \"d1\"\nname = \"D1\"\n"
            "[[domains.areas]]\nid = \"a\"\nname = \"A\"\n"
            "[[domains.areas.criteria]]\nid = \"f1\"\ntier = \"fundamental\"\ntext = \"X\"\nweight = 2\n"
            "[[domains.areas.criteria]]\nid = \"f2\"\ntier = \"fundamental\"\ntext = \"X\"\n"
            "[[domains.areas.criteria]]\nid = \"a1\"\ntier = \"advanced\"\ntext = \"X\"\n"
            "[[domains]]\nid = \"d2\"\nname = \"D2\"\n"
            "[[domains.answers]]\nid = \"none\"\nname = \"None\"\ncredit = 0\n"
            "[[domains.answers]]\nid = \"some\"\nname = \"Some\"\ncredit = 0.3\n"
            "[[domains.answers]]\nid = \"most\"\nname = \"Most\"\ncredit = 0.8\ncounts_as = \"met\"\n"
            "[[domains.answers]]\nid = \"all\"\nname = \"All\"\ncredit = 1\n"
            "[[domains.criteria]]\nid = \"f1\"\ntier = \"fundamental\"\ntext = \"X\"\n"
            "[[domains.criteria]]\nid = \"a1\"\ntier = \"advanced\"\ntext = \"X\"\nweight = 0.5\n"
            "[[domains.criteria]]\nid = \"a2\"\ntier = \"advanced\"\ntext = \"X\"\n",
        "own-scales.toml");
    const std::size_t rows = 2600;
    for (const auto& f : {load_framework(test::source_dir() / "tests" / "data" / "graded-answers.toml"), own_scales}) {
        const auto n = f.criteria().size();
        std::mt19937 random(19);
        std::vector<std::uint8_t> codes(rows * n);
        for (std::size_t r = 0; r < rows; ++r)
            for (const auto& c : f.criteria()) {
                const auto scale = f.answers_of(c);
                const auto pick = random() % 10;
                codes[r * n + c.index] = pick < 6 && !scale.empty() ? scale[random() % scale.size()].code
                                                                    : static_cast<std::uint8_t>(random() % 5);
            }
        for (const auto* name : {"staged", "continuous", "coverage", "eds-rating"}) {
            const auto& model = registry.model(name);
            const auto parameters = resolve_parameters(model, f);
            const bool tiers = std::string(name) != "eds-rating";
            std::vector<ScoreResult> expected;
            for (std::size_t r = 0; r < rows; ++r)
                expected.push_back(score_codes(model, f, std::span<const std::uint8_t>(codes.data() + r * n, n), parameters));
            for (const unsigned threads : {1u, 3u}) {
                BatchOptions options;
                options.threads = threads;
                options.outputs = batch_levels | batch_scores | (tiers ? batch_tier_scores : 0u);
                const auto batch = score_many(model, f, codes.data(), rows, n, parameters, options);
                for (std::size_t r = 0; r < rows; ++r) {
                    expect_equal(batch, expected[r], r, tiers, f.id() + " " + name + " row " + std::to_string(r));
                    if (::testing::Test::HasFatalFailure()) return;
                }
            }
        }
    }
    // The own-scales framework scores its answers by their credits.
    const auto& continuous = registry.model("continuous");
    const std::vector<std::uint8_t> row{6, 5, 6, /* d2 */ 9, 8, 10};  // d1: yes, no, yes; d2: most, some, all
    const auto r = score_codes(continuous, own_scales, row, resolve_parameters(continuous, own_scales));
    EXPECT_DOUBLE_EQ(r.area("d1.a").score, 2.0 / 3 + 1);
    EXPECT_DOUBLE_EQ(r.domain("d2").score, 0.8 + (0.5 * 0.3 + 1) / 1.5);
}

TEST(Batch, LevelsOnlyWritesNoScores) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& f = registry.get("newham-organisation");
    const auto n = f.criteria().size();
    const auto codes = random_rows(100, n, 3);
    BatchOptions options;
    options.outputs = batch_levels;
    const auto& model = registry.model("continuous");
    const auto batch = score_many(model, f, codes.data(), 100, n, resolve_parameters(model, f), options);
    EXPECT_TRUE(batch.area_scores.empty());
    EXPECT_TRUE(batch.overall_scores.empty());
    EXPECT_EQ(batch.area_levels.size(), 100 * f.areas().size());
    EXPECT_EQ(batch.area_applicable.size(), 100 * f.areas().size());
}

TEST(Batch, TheFirstBadCodeIsNamedWhateverTheThreadCount) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& f = registry.get("newham-service");
    const auto n = f.criteria().size();
    auto codes = random_rows(5000, n, 5);
    codes[3100 * n + 7] = 9;
    codes[4900 * n + 1] = 200;
    for (const unsigned threads : {1u, 2u, 4u}) {
        BatchOptions options;
        options.threads = threads;
        try {
            (void)score_many(registry.model("staged"), f, codes.data(), 5000, n, {}, options);
            FAIL();
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("invalid status code 9 at row 3100, column 7"), std::string::npos) << e.what();
        }
    }
}

TEST(Batch, ParametersThatWouldGiveFreeLevelsAreRefused) {
    const Registry registry({}, test::no_plugins());
    const auto f = test::worked_example();
    const auto blank = Assessment::blank(f, "s", "2026-01-01");
    EXPECT_THROW((void)score(registry, f, blank, "continuous", {{"level_threshold", 0.0}}), Error);
    EXPECT_THROW((void)score(registry, f, blank, "coverage", {{"level_threshold", -1.0}}), Error);
    EXPECT_THROW((void)score(registry, f, blank, "continuous", {{"partial_credit", 1.5}}), Error);
}

// score_many_into: every array of the right size keeps its memory and gets exactly what a new call
// gives, whatever it held before (values of another model, another thread count); the arrays of
// another size are made anew and arrays no longer asked for emptied.
TEST(Batch, ScoreManyIntoWritesInPlaceWhatANewCallGives) {
    const Registry registry({test::source_dir(), test::binary_dir() / "share" / "routemap"});
    const auto& f = registry.get("newham-organisation");
    const auto n = f.criteria().size();
    const std::size_t rows = 3000;
    const auto first = random_rows(rows, n, 21), second = random_rows(rows, n, 22);
    BatchOptions all;
    all.outputs = batch_levels | batch_scores | batch_tier_scores;
    BatchScores out;
    const auto& coverage = registry.model("coverage");
    score_many_into(out, coverage, f, first.data(), rows, n, resolve_parameters(coverage, f), all);
    const auto* levels = out.area_levels.data();
    const auto* scores = out.overall_scores.data();
    const auto* tiers = out.domain_tier_scores.data();
    for (const auto* name : {"staged", "continuous", "coverage", "eds-rating"}) {
        const auto& model = registry.model(name);
        const auto parameters = resolve_parameters(model, f);
        for (const unsigned threads : {1u, 2u, 3u}) {
            BatchOptions options = all;
            options.threads = threads;
            score_many_into(out, model, f, second.data(), rows, n, parameters, options);
            EXPECT_EQ(out.area_levels.data(), levels);
            EXPECT_EQ(out.overall_scores.data(), scores);
            EXPECT_EQ(out.domain_tier_scores.data(), tiers);
            const auto fresh = score_many(model, f, second.data(), rows, n, parameters, options);
            ASSERT_EQ(out.rows, fresh.rows);
            auto same_values = [&](const auto& a, const auto& b, const char* what) {
                ASSERT_EQ(a.size(), b.size()) << what;
                for (std::size_t i = 0; i < a.size(); ++i)
                    ASSERT_TRUE(same(static_cast<double>(a[i]), static_cast<double>(b[i])))
                        << name << " " << threads << " threads, " << what << " [" << i << "]";
            };
            same_values(out.area_applicable, fresh.area_applicable, "area_applicable");
            same_values(out.domain_applicable, fresh.domain_applicable, "domain_applicable");
            same_values(out.overall_applicable, fresh.overall_applicable, "overall_applicable");
            same_values(out.area_levels, fresh.area_levels, "area_levels");
            same_values(out.domain_levels, fresh.domain_levels, "domain_levels");
            same_values(out.overall_levels, fresh.overall_levels, "overall_levels");
            same_values(out.area_scores, fresh.area_scores, "area_scores");
            same_values(out.domain_scores, fresh.domain_scores, "domain_scores");
            same_values(out.overall_scores, fresh.overall_scores, "overall_scores");
            same_values(out.area_tier_scores, fresh.area_tier_scores, "area_tier_scores");
            same_values(out.domain_tier_scores, fresh.domain_tier_scores, "domain_tier_scores");
            same_values(out.overall_tier_scores, fresh.overall_tier_scores, "overall_tier_scores");
            if (::testing::Test::HasFatalFailure()) return;
        }
    }
    // Fewer outputs: the others are emptied; fewer rows: arrays of the new size.
    BatchOptions levels_only;
    levels_only.outputs = batch_levels;
    const auto& staged = registry.model("staged");
    const auto staged_parameters = resolve_parameters(staged, f);
    score_many_into(out, staged, f, second.data(), 100, n, staged_parameters, levels_only);
    EXPECT_EQ(out.rows, 100u);
    EXPECT_EQ(out.area_levels.size(), 100 * f.areas().size());
    EXPECT_EQ(out.area_applicable.size(), 100 * f.areas().size());
    EXPECT_TRUE(out.area_scores.empty());
    EXPECT_TRUE(out.overall_tier_scores.empty());
    const auto fresh = score_many(staged, f, second.data(), 100, n, staged_parameters, levels_only);
    EXPECT_TRUE(std::equal(out.area_levels.begin(), out.area_levels.end(), fresh.area_levels.begin()));
}

// Status codes read from the memory of the output would change under the code check (and could then
// index past a plan's tables): refused before anything is written, the output left as it was.
TEST(Batch, ScoreManyIntoRefusesInputInsideItsOutput) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& f = registry.get("newham-organisation");
    const auto n = f.criteria().size();
    const std::size_t rows = 2000;
    const auto codes = random_rows(rows, n, 23);
    BatchScores out;
    score_many_into(out, registry.model("staged"), f, codes.data(), rows, n, {});
    const auto before = out.overall_scores;
    // The area scores hold 8 bytes per area per row: rows of 80 bytes, wide enough for 59 codes.
    const auto* inside = reinterpret_cast<const std::uint8_t*>(out.area_scores.data());
    const auto stride = f.areas().size() * sizeof(double);
    ASSERT_GE(stride, n);
    for (const unsigned threads : {1u, 2u}) {
        BatchOptions options;
        options.threads = threads;
        try {
            score_many_into(out, registry.model("staged"), f, inside, rows, stride, {}, options);
            FAIL() << "input inside the output was accepted";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("lie in the memory of the output"), std::string::npos) << e.what();
        }
        // The last byte of the input touching the first byte of an output array is an overlap too.
        const auto* tail = reinterpret_cast<const std::uint8_t*>(out.overall_levels.data()) - n + 1;
        EXPECT_THROW(score_many_into(out, registry.model("staged"), f, tail, 1, n, {}, options), Error);
    }
    EXPECT_TRUE(std::equal(before.begin(), before.end(), out.overall_scores.begin(),
                           [](double a, double b) { return same(a, b); }));
}
