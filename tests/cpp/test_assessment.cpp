// Statuses, exclusion reasons, and Assessment: blank, set, statuses, check and validate.

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include <routemap/assessment.hpp>
#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/status.hpp>

namespace {

using namespace routemap;

const Framework& service() {
    static const Framework framework = load_framework(ROUTEMAP_SOURCE_DIR "/frameworks/newham-service.toml");
    return framework;
}

const Diagnostic* find_message(const std::vector<Diagnostic>& diagnostics, const std::string& part) {
    const auto it = std::find_if(diagnostics.begin(), diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
    return it == diagnostics.end() ? nullptr : &*it;
}

TEST(Status, NamesRoundTrip) {
    for (const auto s : all_statuses) EXPECT_EQ(parse_status(to_string(s)), s) << to_string(s);
    EXPECT_EQ(to_string(Status::not_met), "not_met");
    EXPECT_EQ(to_string(Status::not_applicable), "not_applicable");
}

TEST(Status, ParseAcceptsVariants) {
    EXPECT_EQ(parse_status("Not Met"), Status::not_met);
    EXPECT_EQ(parse_status("not-applicable"), Status::not_applicable);
    EXPECT_EQ(parse_status("N/A"), Status::not_applicable);
    EXPECT_EQ(parse_status("na"), Status::not_applicable);
    EXPECT_EQ(parse_status(" MET "), Status::met);
    EXPECT_EQ(parse_status(""), Status::unknown);
    EXPECT_EQ(parse_status("done"), std::nullopt);
    EXPECT_EQ(parse_status("metx"), std::nullopt);
}

TEST(Status, Exclusions) {
    for (const auto e : {Exclusion::not_relevant, Exclusion::out_of_scope, Exclusion::owned_elsewhere})
        EXPECT_EQ(parse_exclusion(to_string(e)), e);
    EXPECT_EQ(to_string(Exclusion::owned_elsewhere), "owned_elsewhere");
    EXPECT_EQ(parse_exclusion("Out of Scope"), Exclusion::out_of_scope);
    EXPECT_EQ(parse_exclusion("owned-elsewhere"), Exclusion::owned_elsewhere);
    EXPECT_EQ(parse_exclusion("NOT RELEVANT"), Exclusion::not_relevant);
    EXPECT_EQ(parse_exclusion(""), std::nullopt);
    EXPECT_EQ(parse_exclusion("irrelevant"), std::nullopt);
}

TEST(Assessment, BlankListsEveryCriterionAsUnknown) {
    const auto& fw = service();
    const auto a = Assessment::blank(fw, "Team A", "2024-03-01");
    EXPECT_EQ(a.framework_id, "newham-service");
    EXPECT_EQ(a.framework_version, fw.version());
    EXPECT_EQ(a.subject, "Team A");
    EXPECT_EQ(a.date, "2024-03-01");
    ASSERT_EQ(a.records.size(), fw.criteria().size());
    for (const auto& c : fw.criteria()) EXPECT_EQ(a.status(c.id), Status::unknown) << c.id;
    EXPECT_TRUE(a.check(fw).empty());
}

TEST(Assessment, SetStatusAndStatusesInFrameworkOrder) {
    const auto& fw = service();
    Assessment a;
    a.framework_id = fw.id();
    a.framework_version = fw.version();
    const auto& first = fw.criteria()[0].id;
    const auto& last = fw.criteria().back().id;
    a.set(last, Status::partial, "minutes of 3 May");
    a.set(first, Status::met).note = "checked";
    EXPECT_EQ(a.status(first), Status::met);
    EXPECT_EQ(a.records.at(first).note, "checked");
    EXPECT_EQ(a.records.at(last).evidence, "minutes of 3 May");
    a.set(last, Status::met);  // evidence is kept unless replaced
    EXPECT_EQ(a.records.at(last).evidence, "minutes of 3 May");
    EXPECT_EQ(a.status("no.such.criterion"), Status::unknown);

    // set() does not know the framework: it records whatever it is given; check() finds it.
    a.set("no.such.criterion", Status::met);
    EXPECT_EQ(a.status("no.such.criterion"), Status::met);

    const auto statuses = a.statuses(fw);
    ASSERT_EQ(statuses.size(), fw.criteria().size());
    EXPECT_EQ(statuses.front(), Status::met);
    EXPECT_EQ(statuses.back(), Status::met);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), Status::unknown),
              static_cast<long>(fw.criteria().size()) - 2);
}

TEST(Assessment, SetChecksReasonsAtOnce) {
    const auto& fw = service();
    auto a = Assessment::blank(fw, "Team", "2026-01-01");
    const auto& id = fw.criteria()[0].id;
    try {
        a.set(id, Status::not_applicable);
        FAIL() << "not_applicable without a reason was accepted";
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("is not_applicable but gives no reason"), std::string::npos) << e.what();
    }
    EXPECT_EQ(a.status(id), Status::unknown);  // nothing changed
    try {
        a.set(id, Status::met, {}, Exclusion::out_of_scope);
        FAIL() << "a reason with met was accepted";
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("a reason is only for not_applicable"), std::string::npos) << e.what();
    }
    a.set(id, Status::not_applicable, "", Exclusion::owned_elsewhere);
    a.set(id, Status::not_applicable, "the ICB does this");  // the reason already given is kept
    EXPECT_EQ(a.records.at(id).exclusion, Exclusion::owned_elsewhere);
    a.set(id, Status::met);  // a new status replaces the exclusion and its reason
    EXPECT_FALSE(a.records.at(id).exclusion.has_value());
    EXPECT_TRUE(a.check(fw).empty());
}

TEST(Assessment, DatesAreCheckedWhenGiven) {
    const auto& fw = service();
    EXPECT_THROW((void)Assessment::blank(fw, "Team", "31/03/2026"), AssessmentError);
    auto a = Assessment::blank(fw, "Team", "2026-03-31");
    try {
        a.set_date("2026-02-30");
        FAIL();
    } catch (const AssessmentError& e) {
        EXPECT_NE(std::string(e.what()).find("is not a valid date in the form YYYY-MM-DD"), std::string::npos);
    }
    EXPECT_EQ(a.date, "2026-03-31");
    a.set_date("2024-02-29");
    EXPECT_EQ(a.date, "2024-02-29");
    EXPECT_TRUE(is_iso_date("2000-02-29"));
    EXPECT_FALSE(is_iso_date("1900-02-29"));
}

TEST(Assessment, CheckReportsEveryMismatchAtOnce) {
    const auto& fw = service();
    const auto& real = fw.criteria()[0].id;  // readiness.conversation.fundamental.1
    Assessment a;
    a.framework_id = "newham-organisation";
    a.framework_version = "0.9.0";
    a.set("readiness.conversation.fundamentl.1", Status::met);  // typo
    a.set("nothing.like.this", Status::partial);
    // set() refuses these two at once (Assessment.SetChecksReasonsAtOnce); records can still hold them.
    a.records[real].status = Status::not_applicable;  // no reason
    a.records[fw.criteria()[1].id] = CriterionRecord{Status::met, {}, {}, {}, {}, Exclusion::out_of_scope, {}, {}, {}, {}};
    a.set(fw.criteria()[2].id, Status::not_applicable, {}, Exclusion::owned_elsewhere);  // fine

    const auto problems = a.check(fw);
    ASSERT_EQ(problems.size(), 6u);
    for (const auto& d : problems) {
        EXPECT_EQ(d.severity, Severity::error);
        EXPECT_EQ(d.framework_id, "newham-service");
    }
    const auto* id = find_message(problems, "'newham-organisation'");
    ASSERT_NE(id, nullptr);
    const auto* version = find_message(problems, "'0.9.0'");
    ASSERT_NE(version, nullptr);
    EXPECT_NE(version->message.find(fw.version()), std::string::npos);

    const auto* typo = find_message(problems, "unknown criterion 'readiness.conversation.fundamentl.1'");
    ASSERT_NE(typo, nullptr);
    EXPECT_EQ(typo->criterion_id, "readiness.conversation.fundamentl.1");
    EXPECT_NE(typo->message.find("did you mean '" + real + "'"), std::string::npos);
    const auto* far = find_message(problems, "unknown criterion 'nothing.like.this'");
    ASSERT_NE(far, nullptr);
    EXPECT_EQ(far->message.find("did you mean"), std::string::npos);

    const auto* no_reason = find_message(problems, "no reason");
    ASSERT_NE(no_reason, nullptr);
    EXPECT_EQ(no_reason->criterion_id, real);
    const auto* stray_reason = find_message(problems, "only for not_applicable");
    ASSERT_NE(stray_reason, nullptr);
    EXPECT_EQ(stray_reason->criterion_id, fw.criteria()[1].id);

    try {
        a.validate(fw);
        FAIL() << "validate did not throw";
    } catch (const AssessmentError& e) {
        EXPECT_EQ(e.diagnostics().size(), 6u);
        EXPECT_NE(std::string(e.what()).find("and 5 more errors"), std::string::npos);
    }
}

TEST(Assessment, CheckPointsAtTheRecordInTheFile) {
    const auto& fw = service();
    const auto& id = fw.criteria()[3].id;
    const std::string text = "format_version = 1\n"
                             "[assessment]\n"
                             "framework = \"newham-service\"\n"
                             "framework_version = \"" + fw.version() + "\"\n"
                             "\n"
                             "[criteria.\"" + id + "\"]\n"
                             "status = \"not_applicable\"\n";
    const auto a = parse_assessment(text, AssessmentFormat::toml, "team.toml");
    const auto problems = a.check(fw);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].criterion_id, id);
    EXPECT_EQ(problems[0].location.file, "team.toml");
    EXPECT_EQ(problems[0].location.line, 6u);
    EXPECT_EQ(problems[0].location.column, 1u);
    EXPECT_NE(problems[0].to_string().find("team.toml:6:1: error:"), std::string::npos);
}

TEST(Assessment, ValidatePassesAFittingAssessment) {
    const auto& fw = service();
    auto a = Assessment::blank(fw);
    a.set(fw.criteria()[0].id, Status::met, "policy document");
    auto& na = a.set(fw.criteria()[1].id, Status::not_applicable, {}, Exclusion::not_relevant);
    na.exclusion_text = "no patients";
    EXPECT_NO_THROW(a.validate(fw));
}

}  // namespace
