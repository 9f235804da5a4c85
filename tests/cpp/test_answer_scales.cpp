// Answer scales and implicit edges (docs/framework-format.md, docs/framework-authoring.md): the graded
// worked example scores exactly as its own arithmetic, every model and score_many use the answers,
// the readers and writers keep them, and a model whose dependencies are all explicit has the path
// they make and no other.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "test_support.hpp"

using namespace routemap;

namespace {

std::filesystem::path data(const std::string& name) { return test::source_dir() / "tests" / "data" / name; }
Framework graded() { return load_framework(data("graded-answers.toml")); }
Framework explicit_five() { return load_framework(data("explicit-five.toml")); }

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

// The answers of tests/data/graded-answers-assessment.toml, by criterion (unanswered: absent).
const std::map<std::string, double> graded_credits{
    {"build.design.a.1", 1},     {"build.design.a.2", 0.5},  {"build.design.a.3", 0},
    {"build.design.b.1", 0.5},   {"build.design.b.2", 0.25}, {"build.design.b.3", 0},
    {"build.testing.a.1", 1},    {"build.testing.a.2", 1},   {"build.testing.a.3", 0.25},
    {"build.testing.b.1", 1},    {"build.testing.b.2", 0.5}, {"build.testing.b.3", 0},
    {"run.monitoring.a.1", 0.25}, {"run.monitoring.a.2", 0}, {"run.monitoring.a.3", 0},
    {"run.monitoring.b.2", 0},   {"run.monitoring.b.3", 0},
    {"run.response.a.1", 1},     {"run.response.a.2", 1},    {"run.response.a.3", 1},
    {"run.response.b.1", 1},     {"run.response.b.2", 1},    {"run.response.b.3", 0.5},
};

// The model's own spreadsheet arithmetic, written out: a stream's score is the sum over the levels
// of its activities' answers; a practice's the mean of its streams'; a function's the mean of its
// practices'; the whole the mean of the functions'.
double stream(const std::string& practice, const std::string& s) {
    double sum = 0;
    for (const auto* level : {"1", "2", "3"}) {
        const auto it = graded_credits.find(practice + "." + s + "." + level);
        sum += it == graded_credits.end() ? 0.0 : it->second;
    }
    return sum;
}
double practice(const std::string& id) { return (stream(id, "a") + stream(id, "b")) / 2; }

}  // namespace

TEST(AnswerScales, TheGradedExampleScoresExactlyAsItsOwnArithmetic) {
    const Registry registry({}, test::no_plugins());
    const auto f = graded();
    ASSERT_EQ(f.answers().size(), 4u);
    EXPECT_EQ(f.answers()[1].id, "some");
    EXPECT_EQ(f.answers()[1].credit, 0.25);
    EXPECT_EQ(f.answers()[1].meaning, Status::partial);  // unstated: between 0 and 1 is partial
    EXPECT_EQ(f.answers()[0].meaning, Status::not_met);
    EXPECT_EQ(f.answers()[3].meaning, Status::met);
    EXPECT_EQ(f.answers()[2].code, 7);

    auto a = read_assessment(data("graded-answers-assessment.toml"));
    a.validate(f);
    a.resolve(f);
    EXPECT_EQ(a.records.at("build.design.b.1").answer, "half");
    EXPECT_EQ(a.records.at("build.design.b.1").status, Status::partial);

    // The streams, by hand.
    EXPECT_EQ(stream("build.design", "a"), 1.5);
    EXPECT_EQ(stream("build.design", "b"), 0.75);
    EXPECT_EQ(stream("build.testing", "a"), 2.25);
    EXPECT_EQ(stream("build.testing", "b"), 1.5);
    EXPECT_EQ(stream("run.monitoring", "a"), 0.25);
    EXPECT_EQ(stream("run.monitoring", "b"), 0.0);
    EXPECT_EQ(stream("run.response", "a"), 3.0);
    EXPECT_EQ(stream("run.response", "b"), 2.5);

    const auto r = score(registry, f, a);  // the framework's default model: continuous
    ASSERT_EQ(r.model, "continuous");
    // Practices (areas): the mean of their two streams.
    EXPECT_EQ(r.area("build.design").score, 1.125);
    EXPECT_EQ(r.area("build.testing").score, 1.875);
    EXPECT_EQ(r.area("run.monitoring").score, 0.125);
    EXPECT_EQ(r.area("run.response").score, 2.75);
    for (const auto* id : {"build.design", "build.testing", "run.monitoring", "run.response"})
        EXPECT_DOUBLE_EQ(r.area(id).score, practice(id)) << id;
    // Functions (domains): the mean of their practices.
    EXPECT_EQ(r.domain("build").score, 1.5);
    EXPECT_EQ(r.domain("run").score, 1.4375);
    EXPECT_DOUBLE_EQ(r.domain("build").score, (practice("build.design") + practice("build.testing")) / 2);
    EXPECT_DOUBLE_EQ(r.domain("run").score, (practice("run.monitoring") + practice("run.response")) / 2);
    // The whole: the mean of the functions.
    EXPECT_EQ(r.overall.score, 1.46875);
    EXPECT_EQ(r.overall.max_score, 3.0);
    // A level's completion is the mean answer of its two activities.
    EXPECT_EQ(r.area("build.design").tier_scores[0], 0.75);
    EXPECT_EQ(r.area("build.design").tier_scores[1], 0.375);

    // staged takes each answer's meaning: only "most" is met.
    const auto staged = score(registry, f, a, "staged");
    EXPECT_EQ(staged.area("build.design").level, 0);    // b.1 is only half
    EXPECT_EQ(staged.area("build.testing").level, 1);   // b.2 is only half
    EXPECT_EQ(staged.area("run.response").level, 2);    // b.3 is only half
    EXPECT_EQ(staged.area("run.monitoring").level, 0);
    EXPECT_EQ(staged.overall.level, 0);
    EXPECT_EQ(staged.areas[0].counts[Status::met], 1u);
    EXPECT_EQ(staged.areas[0].counts[Status::partial], 3u);
    EXPECT_EQ(staged.areas[0].counts[Status::not_met], 2u);

    // coverage: the share of the credit available, pooled.
    const auto coverage = score(registry, f, a, "coverage");
    EXPECT_EQ(coverage.area("build.design").score, 2.25 / 6);
    EXPECT_EQ(coverage.domain("build").score, (2.25 + 3.75) / 12);
}

TEST(AnswerScales, PartialCreditDoesNotTouchAnswers) {
    const Registry registry({}, test::no_plugins());
    const auto f = graded();
    auto a = read_assessment(data("graded-answers-assessment.toml"));
    const auto r = score(registry, f, a, "continuous", {{"partial_credit", 0.9}});
    EXPECT_EQ(r.overall.score, 1.46875);
    // A built-in status beside the answers still earns the partial credit.
    a.set("run.monitoring.b.1", Status::partial);
    EXPECT_EQ(a.records.at("run.monitoring.b.1").answer, "");
    const auto p = score(registry, f, a, "continuous", {{"partial_credit", 0.9}});
    EXPECT_DOUBLE_EQ(p.area("run.monitoring").score, 0.125 + 0.9 / 2);
}

TEST(AnswerScales, BlankGradedAssessmentIsLevelZeroEverywhere) {
    const Registry registry({}, test::no_plugins());
    for (const auto& f : {graded(), explicit_five()}) {
        const auto blank = Assessment::blank(f, "s", "2026-01-01");
        for (const auto* model : {"staged", "continuous", "coverage"}) {
            const auto r = score(registry, f, blank, model);
            EXPECT_EQ(r.overall.level, 0) << f.id() << " " << model;
            EXPECT_EQ(r.overall.score, 0.0) << f.id() << " " << model;
            for (const auto& n : r.areas) {
                EXPECT_EQ(n.level, 0) << f.id() << " " << model << " " << n.id;
                EXPECT_EQ(n.score, 0.0) << f.id() << " " << model << " " << n.id;
            }
        }
    }
}

TEST(AnswerScales, ScoreManyTakesAnswerCodesAndEqualsOneByOne) {
    const Registry registry({}, test::no_plugins());
    const auto f = graded();
    const auto n = f.criteria().size();
    const std::size_t rows = 3000;
    std::mt19937 random(7);
    std::vector<std::uint8_t> codes(rows * n);
    for (auto& c : codes) {
        const auto pick = random() % 10;  // answers mostly, statuses sometimes
        c = static_cast<std::uint8_t>(pick < 6 ? first_answer_code + random() % 4 : pick < 9 ? random() % 4 : 4);
    }
    for (const auto* name : {"staged", "continuous", "coverage"}) {
        const auto& model = registry.model(name);
        const auto parameters = resolve_parameters(model, f);
        for (const unsigned threads : {1u, 3u}) {
            BatchOptions options;
            options.threads = threads;
            options.outputs = batch_levels | batch_scores | batch_tier_scores;
            const auto batch = score_many(model, f, codes.data(), rows, n, parameters, options);
            for (std::size_t r = 0; r < rows; r += 37) {
                const auto one = score_codes(model, f, std::span<const std::uint8_t>(codes.data() + r * n, n), parameters);
                ASSERT_EQ(batch.overall_levels[r], one.overall.level) << name << " row " << r;
                ASSERT_TRUE(same(batch.overall_scores[r], one.overall.score)) << name << " row " << r;
                for (std::size_t k = 0; k < f.areas().size(); ++k) {
                    ASSERT_EQ(batch.area_levels[r * f.areas().size() + k], one.areas[k].level) << name << " row " << r;
                    ASSERT_TRUE(same(batch.area_scores[r * f.areas().size() + k], one.areas[k].score)) << name << " row " << r;
                    for (std::size_t t = 0; t < 3; ++t)
                        ASSERT_TRUE(same(batch.area_tier_scores[(r * f.areas().size() + k) * 3 + t], one.areas[k].tier_scores[t]));
                }
            }
        }
    }
    // The assessment's codes give what scoring the assessment gives.
    const auto a = read_assessment(data("graded-answers-assessment.toml"));
    const auto row = a.codes(f);
    EXPECT_EQ(row[f.criterion("build.design.b.1").index], 7);  // half
    EXPECT_EQ(row[f.criterion("run.monitoring.b.1").index], 0);  // unanswered
    const auto batch = score_many(registry.model("continuous"), f, row.data(), 1, n, resolve_parameters(registry.model("continuous"), f));
    EXPECT_EQ(batch.overall_scores[0], 1.46875);
    // A code past the scale is refused, with what the codes mean.
    auto bad = row;
    bad[2] = 9;
    try {
        (void)score_many(registry.model("staged"), f, bad.data(), 1, n, {});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("invalid status code 9 at row 0, column 2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("5 no, 6 some, 7 half, 8 most"), std::string::npos) << e.what();
    }
}

TEST(AnswerScales, AModelWithoutAPlanGetsEachAnswersMeaning) {
    struct CountMet final : ScoringModel {
        std::string name() const override { return "count-met"; }
        std::string description() const override { return "met criteria"; }
        ScoreResult score(const Framework& f, std::span<const Status> statuses, const ModelParameters& p) const override {
            auto r = make_score_skeleton(f, statuses, name(), p);
            r.level_labels = {"zero"};
            for (auto* nodes : {&r.areas, &r.domains})
                for (auto& node : *nodes) node.score = static_cast<double>(node.counts[Status::met]);
            r.overall.score = static_cast<double>(r.overall.counts[Status::met]);
            label_levels(r);
            return r;
        }
    } model;
    const auto f = graded();
    const auto a = read_assessment(data("graded-answers-assessment.toml"));
    const auto row = a.codes(f);
    const auto r = score_codes(model, f, row, {});
    EXPECT_EQ(r.overall.score, 9.0);  // the "most" answers
    const auto batch = score_many(model, f, row.data(), 1, row.size(), {});
    EXPECT_EQ(batch.overall_scores[0], 9.0);
}

TEST(AnswerScales, ReadersAndWritersKeepTheAnswers) {
    const auto f = graded();
    auto a = read_assessment(data("graded-answers-assessment.toml"));
    a.set("run.monitoring.b.1", Status::not_applicable, "", Exclusion::out_of_scope);
    for (const auto format : {AssessmentFormat::toml, AssessmentFormat::json, AssessmentFormat::csv}) {
        const auto text = format_assessment(a, format, &f);
        auto back = parse_assessment(text, format, "x");
        EXPECT_NO_THROW(back.validate(f)) << to_string(format);
        EXPECT_EQ(back.codes(f), a.codes(f)) << to_string(format);
        EXPECT_EQ(back.records.at("build.design.a.2").answer, "half") << to_string(format);
        if (format == AssessmentFormat::csv) {
            EXPECT_NE(text.find(",status,answer,"), std::string::npos);
        }
        if (format == AssessmentFormat::toml) {
            EXPECT_EQ(text.find("status = \"unknown\"\nanswer"), std::string::npos);
        }
    }
    // Templates list the scale (in comments wrapped at 100 columns: joined again here).
    auto toml = assessment_template(f, AssessmentFormat::toml);
    for (auto at = toml.find("\n# "); at != std::string::npos; at = toml.find("\n# ")) toml.replace(at, 3, " ");
    EXPECT_NE(toml.find("answer = \"id\": no (No, credit 0, counts as not_met); some (Yes, for some, credit 0.25"),
              std::string::npos)
        << toml.substr(0, 600);
    EXPECT_NE(assessment_template(f, AssessmentFormat::csv).find(",status,answer,"), std::string::npos);
    // Frameworks without a scale keep their CSV columns as they were.
    const Registry registry({test::source_dir()}, test::no_plugins());
    EXPECT_EQ(assessment_template(registry.get("newham-service"), AssessmentFormat::csv).find("answer"), std::string::npos);
}

TEST(AnswerScales, AStatusAndAnAnswerTogetherAreRefused) {
    const std::string text = "format_version = 1\n[assessment]\nframework = \"graded-example\"\nframework_version = \"1.0.0\"\n"
                             "[criteria.\"build.design.a.1\"]\nstatus = \"met\"\nanswer = \"most\"\n";
    try {
        (void)parse_assessment(text, AssessmentFormat::toml, "a.toml");
        FAIL();
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("a.toml:7:10: error: criterion 'build.design.a.1' gives both a status ('met') and an answer ('most')"),
                  std::string::npos)
            << e.what();
    }
    // status = "unknown" (what a template holds) beside an answer is fine.
    const std::string ok = "format_version = 1\n[assessment]\nframework = \"graded-example\"\nframework_version = \"1.0.0\"\n"
                           "[criteria.\"build.design.a.1\"]\nstatus = \"unknown\"\nanswer = \"most\"\n";
    EXPECT_NO_THROW((void)parse_assessment(ok, AssessmentFormat::toml, "a.toml"));
}

TEST(AnswerScales, AnAnswerNotOnTheScaleIsNamedWithASuggestion) {
    const auto f = graded();
    const std::string text = "format_version = 1\n[assessment]\nframework = \"graded-example\"\nframework_version = \"1.0.0\"\n"
                             "[criteria.\"build.design.a.1\"]\nanswer = \"mosst\"\n";
    const auto a = parse_assessment(text, AssessmentFormat::toml, "a.toml");
    const auto problems = a.check(f);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].to_string(),
              "a.toml:6:10: error: criterion 'build.design.a.1' is answered 'mosst', which is not an answer of its scale "
              "(no, some, half, most) (did you mean 'most'?)");
    auto b = Assessment::blank(f, "s", "2026-01-01");
    EXPECT_THROW(b.set_answer(f, "build.design.a.1", "alot"), AssessmentError);
    EXPECT_THROW(b.set_answer(f, "build.design.z.1", "most"), AssessmentError);
    b.set_answer(f, "build.design.a.1", "some", "minutes");
    EXPECT_EQ(b.status("build.design.a.1"), Status::partial);
    EXPECT_EQ(b.records.at("build.design.a.1").evidence, "minutes");
    // Against a framework without a scale, an answer is an error too.
    const Registry registry({test::source_dir()}, test::no_plugins());
    const auto& service = registry.get("newham-service");
    auto c = Assessment::blank(service, "s", "2026-01-01");
    EXPECT_THROW(c.set_answer(service, service.criteria()[0].id, "most"), AssessmentError);
}

TEST(AnswerScales, ComparingAnswersUsesTheirCredits) {
    const Registry registry({}, test::no_plugins());
    const auto f = graded();
    auto before = Assessment::blank(f, "s", "2025-01-01");
    before.set_answer(f, "build.design.a.1", "some");
    before.set_answer(f, "build.design.a.2", "half");
    before.set_answer(f, "build.design.a.3", "half");
    auto after = before;
    after.date = "2026-01-01";
    after.set_answer(f, "build.design.a.1", "half");   // partial -> partial, more credit
    after.set_answer(f, "build.design.a.2", "some");   // less
    after.set_answer(f, "build.design.a.3", "most");   // met
    const auto c = compare(registry, f, before, after);
    ASSERT_EQ(c.changes.size(), 3u);
    EXPECT_EQ(c.changes[0].kind, ChangeKind::improved);
    EXPECT_EQ(c.changes[0].before_answer, "some");
    EXPECT_EQ(c.changes[0].after_answer, "half");
    EXPECT_EQ(c.changes[1].kind, ChangeKind::regressed);
    EXPECT_EQ(c.changes[2].kind, ChangeKind::newly_met);
}

TEST(AnswerScales, ADomainMayHaveAScaleOfItsOwn) {
    const Registry registry({}, test::no_plugins());
    const auto text = test::header("scales") + test::two_tiers() +
                      "[[answers]]\nid = \"no\"\nname = \"No\"\ncredit = 0\n"
                      "[[answers]]\nid = \"yes\"\nname = \"Yes\"\ncredit = 1\n"
                      "[[domains]]\nid = \"d1\"\nname = \"D1\"\n"
                      "[[domains.criteria]]\nid = \"x\"\ntier = \"fundamental\"\ntext = \"X\"\n"
                      "[[domains]]\nid = \"d2\"\nname = \"D2\"\n"
                      "[[domains.answers]]\nid = \"none\"\nname = \"None\"\ncredit = 0\n"
                      "[[domains.answers]]\nid = \"planned\"\nname = \"Planned\"\ncredit = 0.2\ncounts_as = \"not_met\"\n"
                      "[[domains.answers]]\nid = \"done\"\nname = \"Done\"\ncredit = 1\n"
                      "[[domains.criteria]]\nid = \"y\"\ntier = \"fundamental\"\ntext = \"Y\"\n";
    const auto f = parse_framework(text, "scales.toml");
    ASSERT_EQ(f.answers().size(), 5u);
    EXPECT_EQ(f.answers_of(f.criterion("d1.x")).size(), 2u);
    EXPECT_EQ(f.answers_of(f.criterion("d2.y")).size(), 3u);
    EXPECT_EQ(f.answers()[3].meaning, Status::not_met);
    EXPECT_EQ(f.answers()[3].domain, "d2");
    EXPECT_EQ(f.answers()[0].domain, "");
    EXPECT_EQ(f.find_answer(f.criterion("d1.x"), "planned"), nullptr);
    auto a = Assessment::blank(f, "s", "2026-01-01");
    EXPECT_THROW(a.set_answer(f, "d1.x", "planned"), AssessmentError);
    a.set_answer(f, "d2.y", "planned");
    const auto r = score(registry, f, a, "continuous");
    EXPECT_DOUBLE_EQ(r.domain("d2").score, 0.2);
    EXPECT_EQ(score(registry, f, a, "staged").domain("d2").level, 0);
    // score_many accepts a code on the criterion's own scale only.
    const std::uint8_t good[2] = {6, 7};  // d1.x yes, d2.y none
    EXPECT_NO_THROW((void)score_many(registry.model("staged"), f, good, 1, 2, {}));
    const std::uint8_t wrong[2] = {7, 7};  // 7 is d2's "none"
    EXPECT_THROW((void)score_many(registry.model("staged"), f, wrong, 1, 2, {}), Error);
    EXPECT_THROW((void)score_codes(registry.model("staged"), f, std::span<const std::uint8_t>(wrong, 2), {}), Error);
    // Templates list a domain's own scale at its criteria.
    const auto toml = assessment_template(f, AssessmentFormat::toml);
    EXPECT_NE(toml.find("# answers: none (None, credit 0, counts as not_met); planned"), std::string::npos) << toml;
}

TEST(AnswerScales, BadScalesAreErrorsAtTheValue) {
    const auto base = test::header("scales") + test::two_tiers();
    const std::string domain = "[[domains]]\nid = \"d\"\nname = \"D\"\n"
                               "[[domains.criteria]]\nid = \"x\"\ntier = \"fundamental\"\ntext = \"X\"\n";
    auto errors = [&](const std::string& answers) {
        std::vector<std::string> out;
        for (const auto& d : try_parse_framework(base + answers + domain, "s.toml").diagnostics) out.push_back(d.to_string());
        return out;
    };
    // lines: header 1-9, tiers 10-15, answers from 16
    auto e = errors("[[answers]]\nid = \"most\"\nname = \"Most\"\ncredit = 1.5\n");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_EQ(e[0], "s.toml:19:10: error: answer 'most' in the framework's answer scale has credit 1.5: a credit is "
                    "between 0 and 1 (the share of the criterion it is worth)");
    e = errors("[[answers]]\nid = \"most\"\nname = \"Most\"\ncredit = 1\ncounts_as = \"mett\"\n");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].find("s.toml:20:13: error: answer 'most' of the framework counts as 'mett': an answer counts as met, "
                        "partial or not_met (did you mean 'met'?)"),
              std::string::npos)
        << e[0];
    e = errors("[[answers]]\nid = \"met\"\nname = \"Met\"\ncredit = 1\n");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].find("s.toml:17:6: error: answer id 'met' in the framework's answer scale is the name of a built-in status"),
              std::string::npos)
        << e[0];
    e = errors("[[answers]]\nid = \"Most of it\"\nname = \"Most\"\ncredit = 1\n");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].find("(did you mean 'most-of-it'?)"), std::string::npos) << e[0];
    e = errors("[[answers]]\nid = \"a\"\nname = \"A\"\ncredit = 0.5\n");
    ASSERT_EQ(e.size(), 1u);
    EXPECT_NE(e[0].find("warning: no answer of the framework's answer scale counts as met"), std::string::npos) << e[0];
}

TEST(ImplicitEdges, NoneLeavesOnlyTheStatedDependencies) {
    const auto f = explicit_five();
    EXPECT_EQ(f.implicit_edges(), ImplicitEdges::none);
    EXPECT_TRUE(f.warnings().empty());
    const auto& edges = f.graph().edges();
    EXPECT_EQ(edges.size(), 9u);
    for (const auto& e : edges) EXPECT_EQ(e.kind, EdgeKind::explicit_requires);
    EXPECT_TRUE(f.graph().prerequisites(f.criterion("p.skills.l2.1").index).empty());

    // Blank: level 0 everywhere, and a path with the phases the `requires` make, and only those.
    const auto blank = Assessment::blank(f, "s", "2026-01-01");
    const auto gap = analyse_gap(f, blank, Target::uniform("l5"));
    const auto path = progression_path(f, gap);
    std::map<std::string, std::size_t> phase;
    for (const auto& step : path.steps) phase[step.id] = step.phase;
    const std::map<std::string, std::size_t> expected{
        {"p.skills.l1.1", 1}, {"p.skills.l1.2", 1}, {"p.skills.l2.1", 1}, {"p.skills.l3.1", 2},
        {"p.roles.l2.1", 2},  {"p.roles.l4.1", 3},  {"q.records.l3.1", 1}, {"q.records.l4.1", 2},
        {"q.records.l5.1", 4}, {"q.review.l1.1", 1}, {"q.review.l5.1", 2}};
    EXPECT_EQ(phase, expected);
    EXPECT_EQ(path.phase_count(), 4u);

    // The same file with the default implicit edges has more phases than the model states.
    auto text = test::detail_read(test::source_dir() / "tests" / "data" / "explicit-five.toml");
    text.replace(text.find("implicit_edges = \"none\""), 23, "implicit_edges = \"previous-tier\"");
    const auto implicit = parse_framework(text, "implicit.toml");
    EXPECT_EQ(implicit.implicit_edges(), ImplicitEdges::previous_tier);
    EXPECT_GT(implicit.graph().edges().size(), 9u);
    const auto implicit_path = progression_path(implicit, analyse_gap(implicit, Assessment::blank(implicit, "s", "2026-01-01"), Target::uniform("l5")));
    EXPECT_EQ(implicit_path.phase_count(), 5u);
}

TEST(ImplicitEdges, ABadValueIsAnErrorAtTheValueWithASuggestion) {
    auto text = test::detail_read(test::source_dir() / "tests" / "data" / "explicit-five.toml");
    const auto at = text.find("implicit_edges = \"none\"");
    text.replace(at, 23, "implicit_edges = \"previous_tier\"");
    const auto result = try_parse_framework(text, "x.toml");
    ASSERT_FALSE(result.framework);
    ASSERT_EQ(result.diagnostics.size(), 1u);
    const auto line = static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n') + 1);
    EXPECT_EQ(result.diagnostics[0].location.line, line);
    EXPECT_EQ(result.diagnostics[0].location.column, 18u);
    EXPECT_NE(result.diagnostics[0].message.find("(did you mean 'previous-tier'?)"), std::string::npos)
        << result.diagnostics[0].message;
}

TEST(ImplicitEdges, NoneIsNotCountedAgainstTheDependencyLimit) {
    // One area of 2 x 1,001 criteria at two tiers: 1,002,001 implicit edges with previous-tier, past
    // the limit of docs/limits.md; none without.
    std::string text = test::header("wide") + test::two_tiers() + "[[domains]]\nid = \"d\"\nname = \"D\"\n";
    for (int i = 0; i < 1001; ++i)
        text += "[[domains.criteria]]\nid = \"f" + std::to_string(i) + "\"\ntier = \"fundamental\"\ntext = \"F\"\n"
                "[[domains.criteria]]\nid = \"a" + std::to_string(i) + "\"\ntier = \"advanced\"\ntext = \"A\"\n";
    EXPECT_THROW((void)parse_framework(text, "wide.toml"), FrameworkError);
    text.replace(text.find("source = \"Test source\"\n"), 23, "source = \"Test source\"\nimplicit_edges = \"none\"\n");
    const auto without = parse_framework(text, "wide.toml");
    EXPECT_TRUE(without.graph().edges().empty());
    EXPECT_EQ(without.criteria().size(), 2002u);
}
