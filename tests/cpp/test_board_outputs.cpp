// Issue 11: owners and due dates wherever work is listed, the board's first page, tier names in any
// case, the CSV separators spreadsheets write, and printing the public enums.

#include <cmath>
#include <sstream>

#include <gtest/gtest.h>

#include "test_support.hpp"

#include <routemap/detail/html.hpp>
#include <routemap/report.hpp>

namespace routemap {
namespace {

Framework owned_framework() {
    const auto text = test::header() + test::two_tiers() +
                      "[[domains]]\nid = \"d\"\nname = \"Domain\"\n"
                      "[[domains.areas]]\nid = \"a\"\nname = \"Area\"\n"
                      "[[domains.areas.criteria]]\nid = \"f1\"\ntier = \"fundamental\"\ntext = \"First\"\n"
                      "[[domains.areas.criteria]]\nid = \"v1\"\ntier = \"advanced\"\ntext = \"Second\"\n";
    return parse_framework(text, "owned.toml");
}

Assessment owned_assessment(const Framework& f) {
    auto a = Assessment::blank(f, "Clinic", "2026-06-01");
    auto& first = a.set(f.criteria()[0].id, Status::not_met);
    first.owner = "Jo Bloggs";
    first.due = "2026-03-31";  // before the assessment: overdue
    auto& second = a.set(f.criteria()[1].id, Status::partial);
    second.owner = "Sam Patel";
    second.due = "Q4 2026";  // free text: never flagged
    return a;
}

TEST(WorkOwners, GapItemsCarryOwnerDueAndOverdue) {
    const auto f = owned_framework();
    const auto a = owned_assessment(f);
    const auto gap = analyse_gap(f, a, Target{});
    ASSERT_EQ(gap.items.size(), 2u);
    EXPECT_EQ(gap.items[0].owner, "Jo Bloggs");
    EXPECT_EQ(gap.items[0].due, "2026-03-31");
    EXPECT_TRUE(gap.items[0].overdue);
    EXPECT_EQ(gap.items[1].owner, "Sam Patel");
    EXPECT_EQ(gap.items[1].due, "Q4 2026");
    EXPECT_FALSE(gap.items[1].overdue);
    // From bare statuses there is nobody to name.
    const auto bare = analyse_gap(f, a.statuses(f), Target{});
    EXPECT_TRUE(bare.items[0].owner.empty());
    EXPECT_FALSE(bare.items[0].overdue);
}

TEST(WorkOwners, PathStepsCarryTheGapItemsOwners) {
    const auto f = owned_framework();
    const auto path = progression_path(f, analyse_gap(f, owned_assessment(f), Target{}));
    ASSERT_EQ(path.steps.size(), 2u);
    EXPECT_EQ(path.steps[0].owner, "Jo Bloggs");
    EXPECT_TRUE(path.steps[0].overdue);
    EXPECT_EQ(path.steps[1].owner, "Sam Patel");
    EXPECT_EQ(path.steps[1].due, "Q4 2026");
    EXPECT_FALSE(path.steps[1].overdue);
}

TEST(WorkOwners, OverdueOnlyCompareRealDates) {
    EXPECT_TRUE(is_overdue("2026-03-31", "2026-04-01"));
    EXPECT_FALSE(is_overdue("2026-04-01", "2026-04-01"));  // due today is not late
    EXPECT_FALSE(is_overdue("2026-05-01", "2026-04-01"));
    EXPECT_FALSE(is_overdue("Q1 2026", "2026-04-01"));
    EXPECT_FALSE(is_overdue("2026-03-31", ""));
    EXPECT_FALSE(is_overdue("2026-02-30", "2026-04-01"));  // not a real day
}

TEST(TargetTiers, AnyCaseAndTierNamesAreNormalisedToIds) {
    const auto f = owned_framework();
    EXPECT_EQ(Target::uniform("ADVANCED").normalised(f).tier, "advanced");
    EXPECT_EQ(Target::uniform("Fundamental").normalised(f).tier, "fundamental");
    Target t;
    t.domains["d"] = "Advanced";
    t.areas["d.a"] = "FUNDAMENTAL";
    const auto n = t.normalised(f);
    EXPECT_EQ(n.domains.at("d"), "advanced");
    EXPECT_EQ(n.areas.at("d.a"), "fundamental");
    EXPECT_TRUE(n.check(f).empty());
    // Unknown tiers are left for check() to report as written.
    EXPECT_EQ(Target::uniform("expert").normalised(f).tier, "expert");
    EXPECT_FALSE(Target::uniform("expert").normalised(f).check(f).empty());
}

TEST(Printing, EnumsPrintTheWordsTheFilesUse) {
    std::ostringstream out;
    out << Status::not_applicable << ' ' << Exclusion::owned_elsewhere << ' ' << ChangeKind::newly_met << ' '
        << AssessmentFormat::csv << ' ' << Severity::warning << ' ' << EdgeKind::explicit_requires;
    EXPECT_EQ(out.str(), "not_applicable owned_elsewhere newly_met csv warning explicit_requires");
    std::ostringstream where;
    where << SourceLocation{"a.toml", 3, 7};
    EXPECT_EQ(where.str(), to_string(SourceLocation{"a.toml", 3, 7}));
}

TEST(CsvSeparators, SemicolonsTabsAndAByteOrderMarkReadAsCommas) {
    const std::string comma =
        "framework,framework_version,criterion_id,status,evidence\n"
        "tiny,1.0.0,d.a.fundamental.f1,met,\"Minutes; March\"\n"
        "tiny,1.0.0,d.a.advanced.v1,partial,\n";
    std::string semicolon = comma, tab = comma;
    for (auto* text : {&semicolon, &tab}) {
        bool quoted = false;
        for (auto& c : *text) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) c = text == &semicolon ? ';' : '\t';
        }
    }
    const auto expected = parse_assessment(comma, AssessmentFormat::csv);
    EXPECT_EQ(parse_assessment("\xEF\xBB\xBF" + semicolon, AssessmentFormat::csv).records, expected.records);
    EXPECT_EQ(parse_assessment(tab, AssessmentFormat::csv).records, expected.records);
    EXPECT_EQ(expected.records.at("d.a.fundamental.f1").evidence, "Minutes; March");
}

std::string percent(double share) { return std::to_string(std::lround(share * 100.0)) + "%"; }

// The bundled service example over three years, reported with the library's own HTML writer.
class BoardPage : public ::testing::Test {
protected:
    Registry registry{{test::source_dir()}, test::no_plugins()};
    Framework framework = registry.get("newham-service");
    Assessment y2024 = read_assessment(test::source_dir() / "examples/service-yearly/community-diabetes-2024.toml");
    Assessment y2025 = read_assessment(test::source_dir() / "examples/service-yearly/community-diabetes-2025.toml");
    Assessment y2026 = read_assessment(test::source_dir() / "examples/service-yearly/community-diabetes-2026.toml");

    std::string render(const Assessment& current, std::vector<const Assessment*> history, const std::string& model = {}) {
        ReportRequest request;
        request.framework = &framework;
        request.assessment = &current;
        request.registry = &registry;
        request.model = model;
        request.target = Target::uniform("intermediate");
        request.history = std::move(history);
        if (!request.history.empty()) request.previous = request.history.back();
        return registry.report_writer("html").render(request);
    }
    static std::string board(const std::string& html) {
        const auto start = html.find("<section id=\"board\"");
        return start == std::string::npos ? std::string() : html.substr(start, html.find("</section>", start) - start);
    }
};

TEST_F(BoardPage, ComesFirstAndHoldsHeadlineReasonTrendRagAndPriorities) {
    const auto html = render(y2026, {&y2025, &y2024});  // any order: the trend sorts by date
    const auto page = board(html);
    ASSERT_FALSE(page.empty());
    EXPECT_LT(html.find("id=\"board\""), html.find("id=\"heatmap\""));
    const auto score = routemap::score(registry, framework, y2026);
    const auto gap = analyse_gap(framework, y2026, Target::uniform("intermediate"));
    EXPECT_NE(page.find(score.overall.label), std::string::npos);
    EXPECT_NE(page.find(percent(gap.total.done_share()) + "</div><div class=\"t\">of the way to the target"),
              std::string::npos);
    EXPECT_NE(page.find("Why:"), std::string::npos);
    // The trend lists the three dates in order, the current one last.
    const auto p24 = page.find(y2024.date), p25 = page.find(y2025.date), p26 = page.find(y2026.date + " (this report)");
    ASSERT_NE(p24, std::string::npos);
    ASSERT_NE(p25, std::string::npos);
    ASSERT_NE(p26, std::string::npos);
    EXPECT_LT(p24, p25);
    EXPECT_LT(p25, p26);
    // One red / amber / green word per domain.
    std::size_t rag = 0;
    for (std::size_t at = page.find("class=\"rag rag-"); at != std::string::npos; at = page.find("class=\"rag rag-", at + 1)) ++rag;
    EXPECT_EQ(rag, framework.domains().size());
    // The top priority is the path's first step, with its owner.
    const auto path = progression_path(framework, gap);
    ASSERT_FALSE(path.steps.empty());
    const auto& first = path.steps[path.phases.front().front()];
    EXPECT_NE(page.find("Top priorities"), std::string::npos);
    EXPECT_NE(page.find(detail::escape_html(framework.criteria()[first.criterion].text)), std::string::npos);
    if (!first.owner.empty()) {
        EXPECT_NE(page.find(detail::escape_html(first.owner)), std::string::npos);
    }
}

TEST_F(BoardPage, NamesTheAreasThatHoldTheLevelDown) {
    const auto score = routemap::score(registry, framework, y2026);
    const auto page = board(render(y2026, {}));
    int lowest = 1000;
    for (const auto& node : score.areas)
        if (node.applicable) lowest = std::min(lowest, node.level);
    EXPECT_EQ(lowest, score.overall.level);
    for (const auto& area : framework.areas())
        if (score.areas[area.index].applicable && score.areas[area.index].level == lowest) {
            EXPECT_NE(page.find(detail::escape_html(area.name)), std::string::npos) << area.id;
            break;  // the first few are named; at least the first must be
        }
}

TEST_F(BoardPage, WarnsWhenMuchIsUnknownAndNotOtherwise) {
    EXPECT_EQ(board(render(y2026, {})).find("Incomplete assessment"), std::string::npos);
    const auto blank = Assessment::blank(framework, "New service", "2026-01-01");
    EXPECT_NE(board(render(blank, {})).find("Incomplete assessment"), std::string::npos);
}

TEST_F(BoardPage, NoTrendWithoutHistoryAndAreaScoresForContinuous) {
    EXPECT_EQ(board(render(y2026, {})).find("<h3>Trend</h3>"), std::string::npos);
    const auto html = render(y2026, {}, "continuous");
    EXPECT_NE(html.find("class=\"sub score\">score "), std::string::npos);
    EXPECT_EQ(render(y2026, {}, "staged").find("class=\"sub score\""), std::string::npos);
}

TEST_F(BoardPage, RefusesHistoryOfAnotherFramework) {
    auto other = y2025;
    other.framework_id = "newham-organisation";
    EXPECT_THROW(render(y2026, {&other}), AssessmentError);
}

}  // namespace
}  // namespace routemap

// The assessment the progress appendix compares with, chosen alike by the CLI and Python.
TEST(ReportHistory, LatestEarlierIsTheLatestOnOrBeforeTheDateElseTheLatest) {
    routemap::Assessment y2024, y2025, y2027;
    y2024.date = "2024-03-31";
    y2025.date = "2025-03-31";
    y2027.date = "2027-03-31";
    const std::vector<const routemap::Assessment*> history{&y2025, &y2027, &y2024};
    EXPECT_EQ(routemap::latest_earlier(history, "2026-03-31"), &y2025);
    EXPECT_EQ(routemap::latest_earlier(history, "2025-03-31"), &y2025);  // the same day counts
    EXPECT_EQ(routemap::latest_earlier(history, ""), &y2027);
    EXPECT_EQ(routemap::latest_earlier(history, "2023-01-01"), &y2027);  // all later: the latest
    EXPECT_EQ(routemap::latest_earlier({}, "2026-03-31"), nullptr);
}
