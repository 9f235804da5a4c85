// score_many's default outputs (levels, scores, masks; no per-tier scores) come from the block kernel,
// which scores 32 rows at a time (src/scoring/block_kernel.*). Here they are compared, exactly, with
// scoring each row on its own, which takes the plan's row-at-a-time path: every built-in model, every
// framework (unequal weights in a slot, skipped tiers, criteria out of slot order, answer scales, which
// take the row path), non-default parameters, row counts on both sides of the block size, many
// not-applicable codes, and thread counts that split the rows.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "scoring/block_kernel.hpp"
#include "worked_example.hpp"

using namespace routemap;

namespace {

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// Criteria listed out of tier order (so the plan gathers them) and unequal weights within a slot.
Framework out_of_order() {
    return parse_framework(test::header("out-of-order") + test::two_tiers() +
                               "[[domains]]\nid = \"d1\"\nname = \"D1\"\n"
                               "[[domains.areas]]\nid = \"a\"\nname = \"A\"\n"
                               "[[domains.areas.criteria]]\nid = \"a1\"\ntier = \"advanced\"\ntext = \"X\"\nweight = 2\n"
                               "[[domains.areas.criteria]]\nid = \"f1\"\ntier = \"fundamental\"\ntext = \"X\"\n"
                               "[[domains.areas.criteria]]\nid = \"a2\"\ntier = \"advanced\"\ntext = \"X\"\nweight = 0.7\n"
                               "[[domains.areas.criteria]]\nid = \"f2\"\ntier = \"fundamental\"\ntext = \"X\"\nweight = 3\n"
                               "[[domains.areas]]\nid = \"b\"\nname = \"B\"\n"
                               "[[domains.areas.criteria]]\nid = \"a1\"\ntier = \"advanced\"\ntext = \"X\"\n"
                               "[[domains]]\nid = \"d2\"\nname = \"D2\"\n"
                               "[[domains.criteria]]\nid = \"f1\"\ntier = \"fundamental\"\ntext = \"X\"\nweight = 0.1\n"
                               "[[domains.criteria]]\nid = \"a1\"\ntier = \"advanced\"\ntext = \"X\"\nweight = 0.2\n"
                               "[[domains.criteria]]\nid = \"f2\"\ntier = \"fundamental\"\ntext = \"X\"\nweight = 0.3\n",
                           "out-of-order.toml");
}

std::vector<Framework> frameworks(const Registry& registry) {
    auto out = test::scoring_test_frameworks(registry);
    out.push_back(out_of_order());
    return out;
}

// Row r's share of not-applicable codes cycles through 0, 0.3, 0.9 and 1 (a wholly not-applicable
// row), so that areas, domains and whole rows are often not applicable.
std::vector<std::uint8_t> random_rows(std::size_t rows, std::size_t columns, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> codes(rows * columns);
    const double shares[] = {0.0, 0.3, 0.9, 1.0, 0.3};
    for (std::size_t r = 0; r < rows; ++r) {
        std::bernoulli_distribution excluded(shares[r % 5]);
        for (std::size_t c = 0; c < columns; ++c)
            codes[r * columns + c] = excluded(random) ? 4 : static_cast<std::uint8_t>(random() % 4);
    }
    return codes;
}

void expect_node(const ScoreNode& n, std::size_t i, const BatchArray<std::uint8_t>& applicable,
                 const BatchArray<std::int32_t>& levels, const BatchArray<double>& scores, const std::string& where) {
    ASSERT_EQ(applicable[i], n.applicable ? 1 : 0) << where << " " << n.id;
    ASSERT_EQ(levels[i], n.level) << where << " " << n.id;
    ASSERT_TRUE(same(scores[i], n.score)) << where << " " << n.id << ": " << scores[i] << " vs " << n.score;
}

void expect_rows_equal(const Registry& registry, const Framework& f, const std::string& model_name,
                       const ModelParameters& overrides, std::size_t rows, unsigned threads, unsigned seed) {
    const auto& model = registry.model(model_name);
    auto parameters = resolve_parameters(model, f);
    for (const auto& [k, v] : overrides) parameters[k] = v;
    const auto n = f.criteria().size();
    const auto codes = random_rows(rows, n, seed);
    BatchOptions options;
    options.threads = threads;
    const auto batch = score_many(model, f, codes.data(), rows, n, parameters, options);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto one = score_codes(model, f, std::span<const std::uint8_t>(codes.data() + r * n, n), parameters);
        const auto where = f.id() + " " + model_name + " rows " + std::to_string(rows) + " threads " +
                           std::to_string(threads) + " row " + std::to_string(r);
        for (std::size_t a = 0; a < batch.areas; ++a)
            expect_node(one.areas[a], r * batch.areas + a, batch.area_applicable, batch.area_levels, batch.area_scores, where);
        for (std::size_t d = 0; d < batch.domains; ++d)
            expect_node(one.domains[d], r * batch.domains + d, batch.domain_applicable, batch.domain_levels,
                        batch.domain_scores, where);
        expect_node(one.overall, r, batch.overall_applicable, batch.overall_levels, batch.overall_scores, where);
        if (::testing::Test::HasFatalFailure()) return;
    }
}

}  // namespace

TEST(BlockKernel, EqualsOneByOneForEveryModelFrameworkAndRowCount) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    for (const auto& f : frameworks(registry))
        for (const auto* model : {"staged", "continuous", "coverage"})
            for (const std::size_t rows : {1u, 31u, 32u, 33u, 1007u}) {
                expect_rows_equal(registry, f, model, {}, rows, 1, static_cast<unsigned>(rows));
                if (HasFatalFailure()) return;
            }
}

TEST(BlockKernel, EqualsOneByOneWithNonDefaultParameters) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    for (const auto& f : frameworks(registry)) {
        expect_rows_equal(registry, f, "continuous", {{"partial_credit", 0.3}, {"level_threshold", 0.6}}, 333, 1, 7);
        expect_rows_equal(registry, f, "coverage", {{"level_threshold", 0.5}}, 333, 1, 8);
        if (HasFatalFailure()) return;
    }
}

// Threads split the rows in blocks; a split that cut a block, or a block that ran past its thread's
// rows, would write wrong rows here.
TEST(BlockKernel, EqualsOneByOneOnSeveralThreads) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    for (const auto& f : frameworks(registry))
        for (const auto* model : {"staged", "continuous", "coverage"})
            for (const unsigned threads : {2u, 3u}) {
                expect_rows_equal(registry, f, model, {}, 4100 + threads, threads, threads);
                if (HasFatalFailure()) return;
            }
}

// The kernel is compiled twice (baseline x86-64 and AVX2, block_kernel.cpp picks one at run time); on
// a machine with AVX2 the tests above run the AVX2 build, so the baseline build is checked against it
// here, bit for bit.
TEST(BlockKernel, TheBaselineBuildGivesWhatTheBestBuildGives) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    const std::size_t rows = 1000 + 7;
    for (const auto& f : frameworks(registry)) {
        const auto layout = detail::TierLayout::build(f);
        if (!detail::block_kernel_fits(layout, !f.answers().empty())) continue;
        const auto n = f.criteria().size();
        const auto codes = random_rows(rows, n, 23);
        for (const auto kind : {detail::TierModelKind::staged, detail::TierModelKind::continuous, detail::TierModelKind::coverage}) {
            const detail::TierParameters parameters{0.3, 0.6};
            BatchScores best, baseline;
            for (auto* out : {&best, &baseline})
                out->allocate(rows, f.areas().size(), f.domains().size(), f.tiers().size(), batch_levels | batch_scores);
            detail::run_block_kernel(kind, layout, parameters, codes.data(), n, 0, rows, best);
            detail::run_block_kernel(kind, layout, parameters, codes.data(), n, 0, rows, baseline,
                                     detail::BlockKernelBuild::baseline);
            const auto where = f.id() + " model " + std::to_string(static_cast<int>(kind));
            EXPECT_EQ(best.area_applicable, baseline.area_applicable) << where;
            EXPECT_EQ(best.area_levels, baseline.area_levels) << where;
            EXPECT_EQ(best.domain_levels, baseline.domain_levels) << where;
            EXPECT_EQ(best.overall_levels, baseline.overall_levels) << where;
            for (std::size_t i = 0; i < best.area_scores.size(); ++i) ASSERT_TRUE(same(best.area_scores[i], baseline.area_scores[i])) << where;
            for (std::size_t i = 0; i < best.domain_scores.size(); ++i) ASSERT_TRUE(same(best.domain_scores[i], baseline.domain_scores[i])) << where;
            for (std::size_t i = 0; i < rows; ++i) ASSERT_TRUE(same(best.overall_scores[i], baseline.overall_scores[i])) << where;
        }
    }
}

// Rows further apart than their codes (row_stride > criteria): the bytes between rows are neither
// checked nor scored, and a bad code inside a row is still found and named by its row.
TEST(BlockKernel, RowsFurtherApartThanTheirCodes) {
    const Registry registry({test::source_dir()}, test::no_plugins());
    for (const auto& f : {registry.get("newham-organisation"), test::worked_example()}) {
        const auto n = f.criteria().size(), stride = n + 5, rows = std::size_t{1007};
        const auto compact = random_rows(rows, n, 31);
        std::vector<std::uint8_t> spaced(rows * stride, 250);  // 250 is no code at all
        for (std::size_t r = 0; r < rows; ++r)
            std::copy(compact.begin() + r * n, compact.begin() + (r + 1) * n, spaced.begin() + r * stride);
        for (const auto* name : {"staged", "continuous", "coverage"}) {
            const auto& model = registry.model(name);
            const auto parameters = resolve_parameters(model, f);
            const auto expected = score_many(model, f, compact.data(), rows, n, parameters);
            const auto got = score_many(model, f, spaced.data(), rows, stride, parameters);
            EXPECT_EQ(got.area_applicable, expected.area_applicable) << f.id() << " " << name;
            EXPECT_EQ(got.area_levels, expected.area_levels) << f.id() << " " << name;
            EXPECT_EQ(got.domain_levels, expected.domain_levels) << f.id() << " " << name;
            EXPECT_EQ(got.overall_levels, expected.overall_levels) << f.id() << " " << name;
            for (std::size_t i = 0; i < got.area_scores.size(); ++i) ASSERT_TRUE(same(got.area_scores[i], expected.area_scores[i]));
            for (std::size_t i = 0; i < got.domain_scores.size(); ++i)
                ASSERT_TRUE(same(got.domain_scores[i], expected.domain_scores[i]));
        }
        auto bad = spaced;
        bad[500 * stride + 3] = 9;
        try {
            (void)score_many(registry.model("staged"), f, bad.data(), rows, stride, {});
            FAIL() << f.id();
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("invalid status code 9 at row 500, column 3"), std::string::npos) << e.what();
        }
    }
}
