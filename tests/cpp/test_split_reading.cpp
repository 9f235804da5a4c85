// Big framework files are read in pieces, on several threads (src/detail/toml_sections.cpp): the
// pieces must give exactly what reading the whole file gives, diagnostics (text, place, order)
// included, and must not be used where they would not.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <filesystem>
#include <string>
#include <vector>

#include "assessment_io/common.hpp"
#include "assessment_io/plain_criteria.hpp"
#include "detail/plain_domains.hpp"
#include "detail/framework_reading.hpp"
#include "detail/toml_guard.hpp"
#include "detail/toml_sections.hpp"
#include "test_support.hpp"

using namespace routemap;

namespace {

struct Read {
    std::optional<FrameworkSpec> spec;
    std::vector<Diagnostic> diagnostics;
};

Read read(std::string_view text, const detail::SplitReading& how) {
    Read r;
    r.spec = detail::read_framework_spec(text, "f.toml", r.diagnostics, how);
    return r;
}

const detail::SplitReading whole{false, 1, 0};

// Every way of cutting: one section a piece, a few pieces, one piece; one to three threads.
std::vector<detail::SplitReading> cuts() {
    std::vector<detail::SplitReading> out;
    for (const std::size_t piece : {std::size_t{1}, std::size_t{700}, std::size_t{1} << 30})
        for (const std::size_t threads : {1, 2, 3}) out.push_back({true, threads, piece});
    return out;
}

void expect_same_as_whole(std::string_view text, const std::string& what) {
    const auto expected = read(text, whole);
    for (const auto& how : cuts()) {
        const auto got = read(text, how);
        SCOPED_TRACE(what + ": pieces of " + std::to_string(how.piece_bytes) + " bytes, " + std::to_string(how.threads) +
                     " thread(s)");
        EXPECT_EQ(got.spec.has_value(), expected.spec.has_value());
        if (got.spec && expected.spec) {
            EXPECT_TRUE(*got.spec == *expected.spec);
        }
        ASSERT_EQ(got.diagnostics.size(), expected.diagnostics.size());
        for (std::size_t i = 0; i < got.diagnostics.size(); ++i)
            EXPECT_EQ(got.diagnostics[i].to_string(), expected.diagnostics[i].to_string());
        EXPECT_TRUE(got.diagnostics == expected.diagnostics);
    }
}

std::string domain(int d, const std::string& extra_criterion_key = {}) {
    std::string s = "[[domains]]\nid = \"d" + std::to_string(d) + "\"\nname = \"Domain " + std::to_string(d) + "\"\n";
    for (int a = 0; a < 2; ++a) {
        s += "\n[[domains.areas]]\nid = \"a" + std::to_string(a) + "\"\nname = \"Area\"\n";
        for (int c = 0; c < 2; ++c) {
            s += "[[domains.areas.criteria]]\nid = \"fundamental." + std::to_string(c) +
                 "\"\ntier = \"fundamental\"\ntext = \"Criterion\"\n";
            if (d > 0) s += "requires = [\"d" + std::to_string(d - 1) + ".a1.fundamental.1\"]\n";
            if (a == 1 && c == 1 && !extra_criterion_key.empty()) s += extra_criterion_key + "\n";
        }
    }
    return s;
}

std::string framework(int domains, const std::string& tail = {}, int broken_domain = -1,
                      const std::string& broken_key = "colour = \"red\"") {
    std::string s = test::header() + "# tiers\n[[tiers]]\nid = \"fundamental\"\nname = \"Fundamental\"\n\n";
    for (int d = 0; d < domains; ++d) s += domain(d, d == broken_domain ? broken_key : std::string());
    return s + tail;
}

// The 1-based line of a byte offset.
std::uint32_t line_at(std::string_view text, std::size_t at) {
    return 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::uint32_t line_of(std::string_view text, std::string_view needle) { return line_at(text, text.find(needle)); }

}  // namespace

TEST(SplitToml, CutsAtEachArrayElementAndKeepsLineNumbers) {
    const auto text = framework(3);
    const auto guarded = detail::guard_toml(text);
    ASSERT_FALSE(guarded.finding);
    const auto split = detail::split_toml(text, guarded.headers, "domains", detail::CutAt::array_element, 1);
    ASSERT_TRUE(split);
    ASSERT_EQ(split->pieces.size(), 3u);
    EXPECT_EQ(split->rest, text.substr(0, text.find("[[domains]]")));
    std::size_t from = 0;
    for (const auto& piece : split->pieces) {
        const auto at = text.find("[[domains]]", from);
        EXPECT_EQ(piece.text.data(), text.data() + at);
        EXPECT_EQ(piece.line_offset, line_at(text, at) - 1);
        from = at + 1;
    }
    // Pieces of at least N bytes hold whole sections.
    const auto grouped = detail::split_toml(text, guarded.headers, "domains", detail::CutAt::array_element, 10'000);
    ASSERT_TRUE(grouped);
    EXPECT_EQ(grouped->pieces.size(), 1u);
    EXPECT_EQ(grouped->pieces[0].text, std::string_view(text).substr(text.find("[[domains]]")));
}

TEST(SplitToml, TablesAfterTheSectionsKeepTheirLines) {
    const std::string tail = "\n[[changes]]\nkind = \"added\"\n";
    const auto text = framework(2, tail);
    const auto guarded = detail::guard_toml(text);
    const auto split = detail::split_toml(text, guarded.headers, "domains", detail::CutAt::array_element, 1);
    ASSERT_TRUE(split);
    EXPECT_EQ(line_of(split->rest, "[[changes]]"), line_of(text, "[[changes]]"));
    EXPECT_EQ(split->rest.find("[[domains"), std::string::npos);
    EXPECT_EQ(split->pieces.back().text.find("[[changes]]"), std::string_view::npos);
}

TEST(SplitToml, DeclinesWhereACutCouldChangeTheMeaning) {
    auto declines = [](const std::string& text) {
        const auto guarded = detail::guard_toml(text);
        EXPECT_FALSE(guarded.finding) << text;
        return !detail::split_toml(text, guarded.headers, "domains", detail::CutAt::array_element, 1);
    };
    EXPECT_TRUE(declines("[x]\na = 1\n"));                                          // no sections
    EXPECT_TRUE(declines("[[domains.areas]]\nid = \"a\"\n[[domains]]\nid = \"d\"\n"));  // starts inside one
    EXPECT_TRUE(declines("[[domains]]\nid = \"d\"\n[x]\n[[domains]]\nid = \"e\"\n"));  // comes back after [x]
    EXPECT_TRUE(declines("[[domains]]\nid = \"d\"\n[domains]\n"));                     // the key's own table
    EXPECT_TRUE(declines("[[domains]]\nid = \"d\"\n[\"domains\".x]\n"));               // quoted
    EXPECT_TRUE(declines("[[domains]]\nid = \"d\"\n['dom\\u0061ins']\n"));            // quoted, could be escaped
    EXPECT_FALSE(declines("[[domains]]\nid = \"d\"\n[[ domains . areas ]]\nid = \"a\"\n[\"other\"]\n"));
    // An assessment's criteria are cut at each of their tables.
    const std::string assessment = "[assessment]\n[criteria.\"a.b\"]\nstatus = \"met\"\n[criteria.\"a.c\"]\n";
    const auto guarded = detail::guard_toml(assessment);
    const auto split = detail::split_toml(assessment, guarded.headers, "criteria", detail::CutAt::subtable, 1);
    ASSERT_TRUE(split);
    EXPECT_EQ(split->pieces.size(), 2u);
    EXPECT_EQ(split->rest, "[assessment]\n");
}

TEST(SplitReading, BigFrameworkReadsAsTheWholeFile) {
    expect_same_as_whole(framework(12), "12 domains");
    expect_same_as_whole(framework(12, "\n[scoring]\ndefault_model = \"coverage\"\n"), "a table after the domains");
    expect_same_as_whole("\xEF\xBB\xBF" + framework(5), "a byte order mark");
    auto crlf = framework(5);
    for (std::size_t at = crlf.find('\n'); at != std::string::npos; at = crlf.find('\n', at + 2)) crlf.insert(at, "\r");
    expect_same_as_whole(crlf, "CRLF line ends");
    const auto r = read(framework(12), {true, 2, 1});
    ASSERT_TRUE(r.spec);
    ASSERT_EQ(r.spec->domains.size(), 12u);
    EXPECT_EQ(r.spec->domains[7].id, "d7");
    const auto text = framework(12);
    const auto d7 = text.find("id = \"d7\"");
    const auto criterion = text.find("[[domains.areas.criteria]]", text.find("id = \"a1\"", d7));
    EXPECT_EQ(r.spec->domains[7].areas[1].criteria[0].location.line, line_at(text, criterion));
    EXPECT_EQ(r.spec->domains[7].areas[1].criteria[0].location.column, 1u);
}

// Domains written plainly are read by a scan, without toml++ (plain_domains.hpp); a domain with
// anything else is left to toml++. Mixed at random, a domain a piece, they read exactly as the whole
// file does: the specification, every place in it, and every message.
TEST(SplitReading, PlainAndOtherDomainsMixedReadAsTheWholeFile) {
    const std::vector<std::string> criterion_lines = {
        "tier = \"fundamental\"\n", "tier = \"advanced\"\n", "details = [\"one\", \"twö\" ,]\n", "tags = []\n",
        "requires = [\"d0.a0.fundamental.0\"]\n", "requires = [ \"d0.a1.fundamental.1\",\"nowhere\" ]\n", "source = \"p. “3”\"\n",
        "  tier\t=  \"fundamental\"  \n", "\n", "# a comment — “quoted”\n", "source = \"x\" # why\n"};
    const std::vector<std::string> other_lines = {"weight = 2\n", "colour = \"red\"\n", "# a \x01 comment\n", "tier = 'fundamental'\n",
                                                  "details = [\n  \"a\",\n]\n", "source = \"a\\tb\"\n", "tags = [1]\n"};
    std::mt19937 random(20261202);
    std::size_t plain_domains = 0;
    for (int round = 0; round < 30; ++round) {
        std::string text = test::header() + "[[tiers]]\nid = \"fundamental\"\nname = \"F\"\n[[tiers]]\nid = \"advanced\"\nname = \"A\"\n";
        const int domains = 3 + static_cast<int>(random() % 6);
        for (int d = 0; d < domains; ++d) {
            const bool plain = random() % 3 != 0;
            std::string domain = "[[domains]]\nid = \"d" + std::to_string(d) + "\"\nname = \"Domain " + std::to_string(d) + "\"\n";
            for (int a = 0; a < 2; ++a) {
                domain += "[[domains.areas]]\nid = \"a" + std::to_string(a) + "\"\nname = \"Area\"\n";
                for (int c = 0; c < 2; ++c) {
                    domain += "[[domains.areas.criteria]]\nid = \"fundamental." + std::to_string(c) + "\"\ntext = \"C\"\n";
                    std::vector<std::string> used;
                    for (int l = static_cast<int>(random() % 3); l > 0; --l) {
                        const auto& pool = plain || random() % 2 ? criterion_lines : other_lines;
                        const auto& line = pool[random() % pool.size()];
                        const auto key = line.substr(0, line.find('='));
                        if (std::find(used.begin(), used.end(), key) != used.end()) continue;  // no key twice: toml++'s error
                        used.push_back(key);
                        domain += line;
                    }
                }
            }
            plain_domains += detail::scan_plain_domains(domain, "f.toml", 0).has_value();
            text += domain;
        }
        expect_same_as_whole(text, "round " + std::to_string(round) + ":\n" + text);
    }
    EXPECT_GT(plain_domains, 60u);  // the scan did read most domains
}

TEST(SplitReading, ProblemsInsidePiecesAreWhereTheFileHasThem) {
    const auto text = framework(9, "\n[[changes]]\nkind = \"renamed\"\nbogus = 1\n", 6);
    expect_same_as_whole(text, "unknown keys in domain 6 and in [[changes]]");
    const auto r = read(text, {true, 2, 1});
    ASSERT_FALSE(r.diagnostics.empty());
    const auto colour = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                     [](const Diagnostic& d) { return d.message.find("colour") != std::string::npos; });
    ASSERT_NE(colour, r.diagnostics.end());
    EXPECT_EQ(colour->location.line, line_of(text, "colour = "));
    // Problems of the file's root, of its domains and of the tables after them, in the file's order.
    expect_same_as_whole(framework(9, "", 2, "weight = \"heavy\"") + "", "a wrong type in domain 2");
    expect_same_as_whole(framework(9, "", 8, "requires = [\"d0.nowhere\"]"), "an unknown requirement");
    auto no_name = framework(9);
    no_name.erase(no_name.find("name = \"Domain 4\""), 17);
    expect_same_as_whole(no_name, "a domain without a name");
}

TEST(SplitReading, SyntaxErrorsAreToml_s_OwnAtTheirPlace) {
    auto text = framework(9);
    text.insert(text.find("id = \"d5\""), "broken = \n");
    expect_same_as_whole(text, "a missing value in domain 5");
    const auto r = read(text, {true, 2, 1});
    ASSERT_EQ(r.diagnostics.size(), 1u);
    EXPECT_EQ(r.diagnostics[0].location.line, line_of(text, "broken = "));
    auto redefined = framework(4) + "[[domains]]\nid = \"d9\"\nid = \"again\"\n";
    expect_same_as_whole(redefined, "a key twice in the last domain");
    expect_same_as_whole(framework(4) + "[framework]\nid = \"x\"\n", "[framework] again after the domains");
    expect_same_as_whole("domains = 3\n" + framework(4), "domains as a key of the root and as tables");
    auto newer = framework(6);
    newer.replace(0, std::string("format_version = 1").size(), "format_version = 99");
    expect_same_as_whole(newer, "a newer format");
    // Found by fuzzing: the newer format stopped the reading before the broken domain was looked at.
    newer.insert(newer.find("id = \"d3\""), "requires = [\"a\" b]\n");
    expect_same_as_whole(newer, "a newer format and a syntax error in a domain");
    EXPECT_NE(read(newer, {true, 2, 1}).diagnostics.at(0).message.find("malformed TOML"), std::string::npos);
}

TEST(SplitReading, EveryFrameworkAndTestFileReadsTheSameBothWays) {
    std::vector<std::filesystem::path> files;
    for (const auto* dir : {"frameworks", "tests/data", "tests/data/bad", "tests/data/versions", "tests/data/versions/frameworks", "fuzz/regressions/framework"}) {
        const auto path = test::source_dir() / dir;
        if (!std::filesystem::exists(path)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(path))
            if (entry.is_regular_file()) files.push_back(entry.path());
    }
    ASSERT_GE(files.size(), 20u);
    for (const auto& file : files) expect_same_as_whole(test::detail_read(file), file.string());
}

// ---- assessments: cut at each [criteria."id"], on several threads, merged back into id order

namespace {

struct ReadAssessment {
    Assessment assessment;
    std::vector<Diagnostic> diagnostics;
};

ReadAssessment read_assessment_text(std::string_view text, const detail::SplitReading& how) {
    ReadAssessment r;
    detail::Problems p{"a.toml", r.diagnostics};
    r.assessment = detail::read_toml(text, p, how);
    return r;
}

void expect_same_assessment(std::string_view text, const std::string& what) {
    const auto expected = read_assessment_text(text, whole);
    for (const std::size_t threads : {2, 3, 5}) {
        SCOPED_TRACE(what + ": " + std::to_string(threads) + " threads");
        const auto got = read_assessment_text(text, {true, threads, 1});
        EXPECT_TRUE(got.assessment == expected.assessment);
        // Where each record and answer was read, which the assessments' == leaves out.
        if (got.assessment.records.size() == expected.assessment.records.size())
            for (auto g = got.assessment.records.begin(), e = expected.assessment.records.begin(); g != got.assessment.records.end();
                 ++g, ++e) {
                EXPECT_EQ(g->second.location, e->second.location) << g->first;
                EXPECT_EQ(g->second.answer_location, e->second.answer_location) << g->first;
            }
        ASSERT_EQ(got.diagnostics.size(), expected.diagnostics.size());
        for (std::size_t i = 0; i < got.diagnostics.size(); ++i)
            EXPECT_EQ(got.diagnostics[i].to_string(), expected.diagnostics[i].to_string());
        EXPECT_TRUE(got.diagnostics == expected.diagnostics);
    }
}

// Criteria written out of id order, so that merging the pieces has work to do.
std::string assessment(int criteria, const std::string& extra = {}, int broken = -1) {
    std::string s = "format_version = 1\n[assessment]\nframework = \"f\"\nframework_version = \"1\"\n"
                    "subject = \"S\"\ndate = \"2026-01-01\"\nassessors = []\n";
    for (int i = 0; i < criteria; ++i) {
        const int k = (i * 7) % criteria;
        s += "\n[criteria.\"d.a.fundamental." + std::to_string(k) + "\"]\nstatus = \"" +
             (k % 3 ? "met" : "not_met") + "\"\nevidence = \"e" + std::to_string(k) + "\"\n";
        if (k == broken) s += "colour = \"red\"\nstatus_ = 1\n";
    }
    return s + extra;
}

}  // namespace

TEST(SplitReading, BigAssessmentReadsAsTheWholeFile) {
    expect_same_assessment(assessment(40), "40 criteria out of order");
    expect_same_assessment(assessment(40, "", 17), "unknown keys in one criterion");
    auto bad_status = assessment(40);
    bad_status.replace(bad_status.find("status = \"met\"", bad_status.size() / 2), 14, "status = \"mett\"");
    expect_same_assessment(bad_status, "a misspelt status halfway");
    expect_same_assessment(assessment(40, "[criteria.\"d.a.fundamental.3\"]\nstatus = \"met\"\n"), "a criterion twice");
    expect_same_assessment(assessment(40, "[criteria.\"d.a.fundamental.3\".more]\nx = 1\n"), "a criterion's subtable far below it");
    expect_same_assessment(assessment(40, "[other]\nx = 1\n"), "a table after the criteria");
    expect_same_assessment("[criteria]\n" + assessment(10), "the criteria table itself, first");
    auto newer = assessment(20);
    newer.replace(0, std::string("format_version = 1").size(), "format_version = 7");
    expect_same_assessment(newer, "a newer format");
    // Found by fuzzing: a newer format and a criterion defined twice, in two pieces.
    expect_same_assessment(newer + "[criteria.\"d.a.fundamental.3\"]\nstatus = \"met\"\n", "a newer format and a criterion twice");
    EXPECT_NE(read_assessment_text(newer + "[criteria.\"d.a.fundamental.3\"]\n", {true, 3, 1}).diagnostics.at(0).message.find(
                  "malformed TOML"),
              std::string::npos);
    auto broken = assessment(20);
    broken.insert(broken.find("[criteria.\"d.a.fundamental.9\"]"), "status = = 1\n");
    expect_same_assessment(broken, "a syntax error in a piece");
    const auto r = read_assessment_text(assessment(40, "", 17), {true, 3, 1});
    ASSERT_EQ(r.assessment.records.size(), 40u);
    EXPECT_EQ(r.assessment.records.at("d.a.fundamental.5").evidence, "e5");
}

TEST(SplitReading, EveryAssessmentFileReadsTheSameBothWays) {
    std::vector<std::filesystem::path> files;
    for (const auto* dir : {"examples", "examples/service-yearly", "examples/trust", "tests/data", "tests/data/bad",
                            "fuzz/regressions/assessment_toml"}) {
        const auto path = test::source_dir() / dir;
        if (!std::filesystem::exists(path)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(path))
            if (entry.is_regular_file() && entry.path().extension() == ".toml") files.push_back(entry.path());
    }
    ASSERT_GT(files.size(), 10u);
    for (const auto& file : files) expect_same_assessment(test::detail_read(file), file.string());
}

// Pieces written as routemap writes them are read by a scan, without toml++ (plain_criteria.hpp);
// any other way of writing a section leaves its piece to toml++. Mixed at random, one section a
// piece, they read exactly as the whole file does: records, where they are, and every message.
TEST(SplitReading, PlainAndOtherSectionsMixedReadAsTheWholeFile) {
    const std::vector<std::string> plain_lines = {
        "status = \"met\"\n", "status = \"mett\"\n", "answer = \"yes\"\n", "evidence = \"Board minutes — 3 May, “signed”\"\n",
        "note = \"\"\n", "owner = \"Jo\"\n", "due = \"2027-01-01\"\n", "reason = \"out_of_scope\"\n", "reason = \"nope\"\n",
        "reason_text = \"x\"\n", "  owner\t=  \"Al\"  \n", "status=\"partial\"\r\n", "\n", "   \n", "# Domain / Area — Tier\n",
        "note = \"n\" # done\n"};
    const std::vector<std::string> other_lines = {
        "status = 'met'\n", "evidence = \"a\\tb\"\n", "evidence = \"\"\"x\"\"\"\n", "# a \x7f comment\n", "colour = \"red\"\n",
        "status = 1\n", "evidence = \"tab\there\"\n", "status = \"met\" # caf\xc3\n", "\"status\" = \"met\"\n", "status = \"met\"\n"};
    std::mt19937 random(20261202);
    std::size_t plain_pieces = 0;
    for (int round = 0; round < 60; ++round) {
        std::string text = "format_version = 1\n[assessment]\nframework = \"f\"\nframework_version = \"1\"\n";
        const int criteria = 5 + static_cast<int>(random() % 20);
        for (int i = 0; i < criteria; ++i) {
            std::string section = "[criteria.\"d.a.t." + std::to_string((i * 7) % criteria) + "\"]\n";
            const bool plain = random() % 3 != 0;
            const int lines = static_cast<int>(random() % 4);
            for (int l = 0; l < lines; ++l) {
                // A plain section may still repeat a key (toml++'s error): the scan must decline it.
                const auto& pool = plain || random() % 2 ? plain_lines : other_lines;
                section += pool[random() % pool.size()];
            }
            if (plain && !detail::scan_plain_criteria(section)) section = "[criteria.\"d.a.t." + std::to_string((i * 7) % criteria) + "\"]\n";
            plain_pieces += detail::scan_plain_criteria(section).has_value();
            text += section;
        }
        if (round % 10 == 3) text += "[criteria.\"d.a.t.2\"]\nstatus = \"met\"\n";  // a criterion twice
        expect_same_assessment(text, "round " + std::to_string(round) + ":\n" + text);
    }
    EXPECT_GT(plain_pieces, 300u);  // the scan did read most pieces
}
