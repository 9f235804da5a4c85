// Several assessors: consensus rules, disagreement, and Krippendorff's alpha (hand-computed and
// published values; the 200+ random comparisons with the PyPI package are in tests/python/test_panel.py).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "test_support.hpp"

using namespace routemap;

namespace {

constexpr double na = std::numeric_limits<double>::quiet_NaN();

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units.
const ReliabilityData krippendorff_2011{{1, 2, 3, 3, 2, 1, 4, 1, 2, na, na, na},
                                        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, na, 3},
                                        {na, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, na},
                                        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, na}};

// docs/panels.md, "Worked example": three raters, six criteria (codes 1 not met, 2 partial, 3 met).
const ReliabilityData worked{{3, 2, 1, 3, 2, 1}, {3, 3, 2, 3, 2, 3}, {3, 2, 1, na, na, 2}};

std::vector<Assessment> example_ratings() {
    const auto dir = test::source_dir() / "examples" / "panel";
    return {read_assessment(dir / "clinical-lead.toml"), read_assessment(dir / "service-manager.toml"),
            read_assessment(dir / "expert-by-experience.toml")};
}

}  // namespace

TEST(PanelAlpha, PublishedExample) {
    // The paper gives 0.743 (nominal), 0.815 (ordinal) and 0.849 (interval).
    EXPECT_NEAR(krippendorff_alpha(krippendorff_2011, AlphaMetric::nominal), 0.743421052631579, 1e-12);
    EXPECT_NEAR(krippendorff_alpha(krippendorff_2011, AlphaMetric::ordinal), 0.8153875037548814, 1e-12);
    EXPECT_NEAR(krippendorff_alpha(krippendorff_2011, AlphaMetric::interval), 0.8491071428571428, 1e-12);
}

TEST(PanelAlpha, HandComputed) {
    // Units (1,1), (2,2), (1,2): o11 = o22 = 2, o12 = o21 = 1; n = 6; alpha = 1 - 5 * 2 / (2 * 3 * 3) = 4/9.
    EXPECT_NEAR(krippendorff_alpha({{1, 2, 1}, {1, 2, 2}}, AlphaMetric::nominal), 4.0 / 9.0, 1e-15);
    // The worked example of docs/panels.md: o off the diagonal sums to 7, n_c = 3, 6, 7, so nominal
    // alpha = 1 - 15 * 7 / 162 = 57/162.
    EXPECT_NEAR(krippendorff_alpha(worked, AlphaMetric::nominal), 57.0 / 162.0, 1e-15);
    EXPECT_NEAR(krippendorff_alpha(worked, AlphaMetric::ordinal), 0.5056089743589743, 1e-12);
    // Percent agreement: unit means 1, 1/3, 1/3, 1, 1, 0 over six units.
    EXPECT_NEAR(percent_agreement(worked), (1 + 1.0 / 3 + 1.0 / 3 + 1 + 1 + 0) / 6, 1e-15);
}

TEST(PanelAlpha, UndefinedAndPerfect) {
    EXPECT_TRUE(std::isnan(krippendorff_alpha({{1, na}, {na, 2}}, AlphaMetric::nominal)));  // nothing pairable
    EXPECT_TRUE(std::isnan(krippendorff_alpha({{2, 2}, {2, 2}}, AlphaMetric::ordinal)));   // no variation
    EXPECT_DOUBLE_EQ(krippendorff_alpha({{1, 2, 3}, {1, 2, 3}}, AlphaMetric::ordinal), 1.0);
    EXPECT_THROW((void)krippendorff_alpha({{1, 2}, {1}}, AlphaMetric::nominal), Error);
    EXPECT_EQ(alpha_metric_from_name("ordinal"), AlphaMetric::ordinal);
    EXPECT_THROW((void)alpha_metric_from_name("ratio"), Error);
}

TEST(PanelAlpha, BootstrapIsSeededAndBracketsTheEstimate) {
    BootstrapOptions options;
    options.resamples = 500;
    const auto a = estimate_alpha(krippendorff_2011, AlphaMetric::ordinal, options);
    const auto b = estimate_alpha(krippendorff_2011, AlphaMetric::ordinal, options);
    EXPECT_EQ(a.low, b.low);
    EXPECT_EQ(a.high, b.high);
    EXPECT_LT(a.low, a.alpha);
    EXPECT_GT(a.high, a.alpha);
    EXPECT_LE(a.high, 1.0);
    EXPECT_EQ(a.units, 12u);
    EXPECT_EQ(a.pairable_units, 11u);
    EXPECT_EQ(a.pairable_values, 40u);
    EXPECT_GT(a.valid_resamples, 450u);
    options.seed = 7;
    const auto c = estimate_alpha(krippendorff_2011, AlphaMetric::ordinal, options);
    EXPECT_NE(a.low, c.low);
    options.resamples = 0;
    const auto d = estimate_alpha(krippendorff_2011, AlphaMetric::ordinal, options);
    EXPECT_TRUE(std::isnan(d.low));
    EXPECT_EQ(d.alpha, a.alpha);
}

TEST(PanelConsensus, Rules) {
    using S = Status;
    const std::vector<S> mixed{S::met, S::partial, S::not_met, S::met};
    EXPECT_EQ(consensus_status(mixed, ConsensusRule::median), S::partial);  // lower of the middle two
    EXPECT_EQ(consensus_status(mixed, ConsensusRule::lowest), S::not_met);
    EXPECT_EQ(consensus_status(mixed, ConsensusRule::majority), S::met);
    // A tie in the majority goes to the lower status.
    EXPECT_EQ(consensus_status({S::met, S::partial}, ConsensusRule::majority), S::partial);
    // Unknown is a missing rating.
    EXPECT_EQ(consensus_status({S::met, S::unknown, S::unknown}, ConsensusRule::lowest), S::met);
    EXPECT_EQ(consensus_status({S::unknown, S::unknown}, ConsensusRule::median), S::unknown);
    // Not applicable only when more than half of those who answered say so.
    EXPECT_EQ(consensus_status({S::not_applicable, S::not_applicable, S::met}, ConsensusRule::median), S::not_applicable);
    EXPECT_EQ(consensus_status({S::not_applicable, S::met}, ConsensusRule::median), S::met);
    EXPECT_EQ(consensus_status({S::not_applicable, S::unknown, S::unknown}, ConsensusRule::lowest), S::not_applicable);
    EXPECT_EQ(consensus_status({S::not_applicable, S::partial, S::not_met}, ConsensusRule::median), S::not_met);
    EXPECT_EQ(consensus_rule_from_name("majority"), ConsensusRule::majority);
    EXPECT_THROW((void)consensus_rule_from_name("mean"), Error);
}

TEST(PanelConsensus, ExamplePanel) {
    const Registry registry(std::vector<std::filesystem::path>{test::source_dir()}, test::no_plugins());
    const auto f = registry.get("newham-service");
    const auto ratings = example_ratings();
    const auto p = make_panel(registry, f, ratings);
    ASSERT_EQ(p.raters.size(), 3u);
    EXPECT_EQ(p.raters[0].name, "Farida Begum (Clinical Lead, Community Diabetes Service)");
    EXPECT_EQ(p.criteria.size(), f.criteria().size());
    const auto& c = p.criterion("readiness.conversation.advanced.1");  // partial, met, not met
    EXPECT_TRUE(c.disputed);
    EXPECT_EQ(c.spread, 2);
    EXPECT_EQ(c.consensus, Status::partial);
    EXPECT_EQ(c.differs, (std::vector<std::size_t>{1, 2}));
    const auto& rec = p.consensus.records.at(c.id);
    EXPECT_EQ(rec.note.substr(0, rec.note.find('\n')),
              "panel (median of 3 raters, disputed): Farida Begum (Clinical Lead, Community Diabetes Service) = partial; "
              "Daniel Mensah (Service Manager, Community Diabetes Service) = met; Rahima Khatun (expert by experience, "
              "patient reference group) = not_met");
    // A minority's not applicable loses: one rater says not met, two not applicable -> not applicable.
    const auto& na_votes = p.criterion("reporting.accountability.intermediate.1");
    EXPECT_EQ(na_votes.consensus, Status::not_applicable);
    EXPECT_TRUE(na_votes.disputed);
    EXPECT_EQ(p.consensus.records.at(na_votes.id).exclusion, Exclusion::not_relevant);
    // Unknown from one rater is missing, not a dispute.
    const auto& missing = p.criterion("understanding.analysis.advanced.3");
    EXPECT_FALSE(missing.disputed);
    EXPECT_EQ(missing.consensus, Status::met);
    // Disagreement counts add up across domains.
    std::size_t disputed = 0;
    for (const auto& d : p.domains) disputed += d.disputed;
    EXPECT_EQ(disputed, p.overall.disputed);
    EXPECT_EQ(p.disputed().size(), p.overall.disputed);
    EXPECT_EQ(p.rater_scores.size(), 3u);
    EXPECT_EQ(p.rater_scores[1].overall.level, score(registry, f, ratings[1]).overall.level);
    EXPECT_EQ(p.agreement.domains.size(), f.domains().size());
    // The panel's alpha is the alpha of its reliability data.
    EXPECT_EQ(p.agreement.ordinal.alpha, krippendorff_alpha(reliability_data(p), AlphaMetric::ordinal));
    // The consensus is an ordinary assessment: it fits, is written and read back with who said what.
    EXPECT_NO_THROW(p.consensus.validate(f));
    const auto file = test::scratch("panel") / "consensus.toml";
    write_assessment(file, p.consensus, &f);
    const auto back = read_assessment(file);
    EXPECT_EQ(back.records.at(c.id).note, rec.note);
    EXPECT_EQ(back.records.at(c.id).evidence, rec.evidence);
    // Lowest is never above median.
    PanelOptions lowest;
    lowest.rule = ConsensusRule::lowest;
    lowest.bootstrap.resamples = 0;
    const auto q = make_panel(registry, f, ratings, lowest);
    for (std::size_t i = 0; i < q.criteria.size(); ++i) {
        if (q.criteria[i].consensus == Status::not_applicable) continue;
        EXPECT_LE(ordinal_code(q.criteria[i].consensus), ordinal_code(p.criteria[i].consensus)) << q.criteria[i].id;
    }
}

TEST(PanelConsensus, RefusesMismatches) {
    const Registry registry(std::vector<std::filesystem::path>{test::source_dir()}, test::no_plugins());
    const auto f = registry.get("newham-service");
    auto ratings = example_ratings();
    EXPECT_THROW((void)make_panel(registry, f, {ratings[0]}), AssessmentError);
    auto other = ratings;
    other[1].subject = "Another service";
    try {
        (void)make_panel(registry, f, other);
        FAIL();
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("same subject"), std::string::npos) << e.what();
    }
    other = ratings;
    other[2].date = "2026-04-01";
    EXPECT_THROW((void)make_panel(registry, f, other), AssessmentError);
    other = ratings;
    other[2].framework_version = "0.9.0";
    EXPECT_THROW((void)make_panel(registry, f, other), AssessmentError);
    other = ratings;
    other[1].assessors = other[0].assessors;
    try {
        (void)make_panel(registry, f, other);
        FAIL();
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("same rater"), std::string::npos) << e.what();
    }
    // No assessors: the file's name.
    other = ratings;
    other[0].assessors.clear();
    EXPECT_EQ(panel_raters(other)[0].name, "clinical-lead");
}

TEST(PanelConsensus, DocsWorkedExample) {
    // docs/panels.md, "Worked example": the consensus of each criterion under each rule.
    using S = Status;
    struct Row {
        std::vector<S> votes;
        S median, lowest, majority;
    };
    const std::vector<Row> rows{
        {{S::met, S::met, S::met}, S::met, S::met, S::met},
        {{S::partial, S::met, S::partial}, S::partial, S::partial, S::partial},
        {{S::not_met, S::partial, S::not_met}, S::not_met, S::not_met, S::not_met},
        {{S::met, S::met, S::unknown}, S::met, S::met, S::met},
        {{S::partial, S::partial, S::not_applicable}, S::partial, S::partial, S::partial},
        {{S::not_met, S::met, S::partial}, S::partial, S::not_met, S::not_met},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(consensus_status(row.votes, ConsensusRule::median), row.median);
        EXPECT_EQ(consensus_status(row.votes, ConsensusRule::lowest), row.lowest);
        EXPECT_EQ(consensus_status(row.votes, ConsensusRule::majority), row.majority);
    }
    ReliabilityData with_na = worked;
    with_na[2][4] = 4;  // not applicable as a nominal category
    EXPECT_NEAR(krippendorff_alpha(with_na, AlphaMetric::nominal), 0.25773195876288657, 1e-12);
}

TEST(PanelFile, OneFileForSeveralRaters) {
    const Registry registry(std::vector<std::filesystem::path>{test::source_dir()}, test::no_plugins());
    const auto f = registry.get("newham-service");
    const auto file = test::source_dir() / "tests" / "data" / "panel.toml";
    ASSERT_TRUE(is_panel_file(file));
    EXPECT_FALSE(is_panel_file(test::source_dir() / "examples" / "panel" / "clinical-lead.toml"));
    const auto ratings = read_panel_file(file);
    ASSERT_EQ(ratings.size(), 3u);
    EXPECT_EQ(ratings[2].assessors, std::vector<std::string>{"Expert by experience"});
    EXPECT_EQ(ratings[0].date, "2026-03-31");
    EXPECT_EQ(ratings[1].status("readiness.conversation.advanced.1"), Status::met);
    EXPECT_EQ(ratings[1].records.at("readiness.conversation.advanced.1").evidence, "Feedback cards at every clinic");
    EXPECT_EQ(ratings[0].records.at("readiness.conversation.advanced.2").exclusion, Exclusion::owned_elsewhere);
    EXPECT_EQ(ratings[2].status("readiness.conversation.advanced.2"), Status::unknown);
    const auto p = make_panel(registry, f, ratings);
    EXPECT_EQ(p.criterion("readiness.conversation.advanced.2").consensus, Status::not_applicable);  // 2 of 2 known
    EXPECT_EQ(p.criterion("reporting.accountability.intermediate.1").consensus, Status::not_met);  // 1 of 3: lower median
    EXPECT_EQ(p.disputed().size(), 2u);
}

TEST(PanelFile, Problems) {
    const std::string head = "format_version = 1\n[panel]\nframework = \"x\"\nframework_version = \"1\"\nraters = [\"A\", \"B\"]\n";
    EXPECT_NO_THROW((void)parse_panel_file(head + "[criteria.\"a.b\"]\nstatuses = [\"met\", \"partial\"]\n"));
    try {
        (void)parse_panel_file(head + "[criteria.\"a.b\"]\nstatuses = [\"met\"]\n[criteria.\"a.c\"]\nstatuses = [\"n/a\", \"meh\"]\n",
                               "p.toml");
        FAIL();
    } catch (const AssessmentError& e) {
        ASSERT_EQ(e.diagnostics().size(), 3u);  // one entry for two raters; n/a without a reason; unknown status
        EXPECT_NE(e.diagnostics()[0].message.find("one entry per rater"), std::string::npos) << e.diagnostics()[0].message;
        EXPECT_EQ(e.diagnostics()[0].location.file, "p.toml");
        EXPECT_GT(e.diagnostics()[0].location.line, 0u);
    }
    EXPECT_THROW((void)parse_panel_file("format_version = 1\n[panel]\nframework = \"x\"\nframework_version = \"1\"\nraters = [\"A\", \"A\"]\n"),
                 AssessmentError);
    EXPECT_THROW((void)parse_panel_file("format_version = 1\n"), AssessmentError);
}
