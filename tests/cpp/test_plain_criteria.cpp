// The scan of criteria sections written as routemap writes them (src/assessment_io/plain_criteria.hpp):
// what it reads, where, and every way of writing it leaves to toml++.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <routemap/assessment_io.hpp>
#include <routemap/framework_loader.hpp>

#include "assessment_io/common.hpp"
#include "assessment_io/plain_criteria.hpp"
#include "detail/toml_guard.hpp"
#include "detail/toml_sections.hpp"
#include "test_support.hpp"

using namespace routemap;
using detail::scan_plain_criteria;

namespace {

// The value of `key` in section `s`, if given.
const detail::PlainValue* value(const detail::PlainCriteria& plain, std::size_t s, std::string_view key) {
    const auto& section = plain.sections.at(s);
    for (auto i = section.first_value; i < section.first_value + section.value_count; ++i)
        if (detail::record_keys[plain.values[i].key] == key) return &plain.values[i];
    return nullptr;
}

// Section `s` gives `key` the value `text`, written at `line`:`column`.
void expect_value(const detail::PlainCriteria& plain, std::size_t s, std::string_view key, std::string_view text,
                  std::uint32_t line, std::uint32_t column) {
    const auto* v = value(plain, s, key);
    ASSERT_TRUE(v) << key;
    EXPECT_EQ(v->text, text);
    EXPECT_EQ(v->line, line);
    EXPECT_EQ(v->column, column);
}

}  // namespace

TEST(PlainCriteria, ReadsSectionsInIdOrderWithTheirPlaces) {
    const auto plain = scan_plain_criteria(
        "[criteria.\"b.2\"]\nstatus = \"met\"\nevidence = \"Board minutes — “signed”\"\n\n"
        "[criteria.\"a.1\"]\r\n  owner\t=  \"Jo\"  \r\n\n[criteria.\"c\"]\n   \nreason=\"out_of_scope\"");
    ASSERT_TRUE(plain);
    ASSERT_EQ(plain->sections.size(), 3u);
    EXPECT_EQ(plain->sections[0].id, "a.1");
    EXPECT_EQ(plain->sections[0].line, 5u);
    expect_value(*plain, 0, "owner", "Jo", 6, 12);
    EXPECT_FALSE(value(*plain, 0, "status"));
    EXPECT_EQ(plain->sections[1].id, "b.2");
    EXPECT_EQ(plain->sections[1].line, 1u);
    expect_value(*plain, 1, "status", "met", 2, 10);
    expect_value(*plain, 1, "evidence", "Board minutes — “signed”", 3, 12);
    EXPECT_EQ(plain->sections[2].line, 8u);
    expect_value(*plain, 2, "reason", "out_of_scope", 10, 8);

    // Comments, as routemap writes them before each section, and after a header or a value.
    const auto commented = scan_plain_criteria("# Domain / Area — Fundamental\n#\tText “quoted”.\n[criteria.\"x\"] # c\n"
                                               "status = \"met\" # done\n  # more\n");
    ASSERT_TRUE(commented);
    ASSERT_EQ(commented->sections.size(), 1u);
    EXPECT_EQ(commented->sections[0].line, 3u);
    EXPECT_EQ(value(*commented, 0, "status")->text, "met");

    const auto empty = scan_plain_criteria("[criteria.\"x\"]\n");
    ASSERT_TRUE(empty);
    ASSERT_EQ(empty->sections.size(), 1u);
    EXPECT_EQ(empty->sections[0].value_count, 0u);
}

TEST(PlainCriteria, LeavesEveryOtherWayOfWritingToToml) {
    const std::string head = "[criteria.\"x\"]\n";
    for (const std::string& text : std::vector<std::string>{
             head + "status = 'met'\n",                       // a literal string
             head + "status = \"\"\"met\"\"\"\n",             // a multi-line string
             head + "evidence = \"a\\\"b\"\n",                // an escape
             head + "evidence = \"a\tb\"\n",                  // a tab inside the string
             head + "evidence = \"a\x01" "b\"\n",             // a control character
             head + "evidence = \"a\x7f\"\n",                 // DEL
             head + "evidence = \"caf\xc3\"\n",               // a cut UTF-8 sequence
             head + "evidence = \"\xed\xa0\x80\"\n",          // a surrogate
             head + "evidence = \"a\rb\"\n",                  // a carriage return inside
             head + "status = \"met\"\rowner = \"x\"\n",      // a lone carriage return ending a line
             head + "colour = \"red\"\n",                     // a key a record does not have
             head + "\"status\" = \"met\"\n",                 // a quoted key
             head + "status = 1\n",                           // not a string
             head + "status = \"met\"\nstatus = \"met\"\n",   // a key twice
             head + "status.x = \"met\"\n",                   // a dotted key
             head + "# a \x01 in a comment\n",                 // a control character in a comment
             head + "status = \"met\" # caf\xc3\n",             // invalid UTF-8 in a comment
             head + "# a\rcomment\n",                          // a carriage return in a comment
             head + "status = \"met\" \"x\"\n",               // more after the value
             head + "status = \"met\n",                       // an unterminated string
             head + head,                                     // a section twice
             "status = \"met\"\n" + head,                     // a key before any section
             " " + head,                                      // an indented header
             "[criteria.'x']\n",                              // a literal key
             "[criteria.x]\n",                                // a bare key
             "[criteria.\"\"]\n",                             // an empty id
             "[ criteria.\"x\"]\n",                           // blanks inside the brackets
             "[criteria.\"x\".y]\n",                          // a subtable
             "[[criteria.\"x\"]]\n",                          // an array of tables
         })
        EXPECT_FALSE(scan_plain_criteria(text)) << text;
}

// What the scan reads, and what toml++ reads from the same text, are the same records, at the same
// places, with the same messages.
TEST(PlainCriteria, ReadsWhatTomlReads) {
    std::string sections;
    for (int i = 0; i < 50; ++i)
        sections += "[criteria.\"d.a.fundamental." + std::to_string(i) + "\"]\n" +
                    (i % 5 == 0 ? "answer = \"yes\"\n" : i % 7 == 3 ? "status = \"mett\"\n" : "status = \"met\"\n") +
                    "evidence = \"é " + std::to_string(i) + "\"\n" + (i % 4 == 1 ? "reason = \"nope\"\n" : "") + "\n";
    ASSERT_TRUE(scan_plain_criteria(sections));
    const auto text = "format_version = 1\n[assessment]\nframework = \"f\"\nframework_version = \"1\"\n" + sections;
    std::vector<Diagnostic> split_problems, whole_problems;
    detail::Problems split_p{"a.toml", split_problems}, whole_p{"a.toml", whole_problems};
    const auto split = detail::read_toml(text, split_p, {true, 2, 1});
    const auto whole = detail::read_toml(text, whole_p, {false, 1, 0});
    EXPECT_TRUE(split == whole);
    EXPECT_EQ(split_problems, whole_problems);
    EXPECT_GT(whole_problems.size(), 10u);  // the misspelt statuses and unknown reasons, at their places
    ASSERT_EQ(split.records.size(), 50u);
    for (const auto& [id, record] : whole.records) EXPECT_EQ(split.records.at(id).location, record.location) << id;
}

// What routemap writes (comments naming each criterion before its section) is read by the scan.
TEST(PlainCriteria, ReadsTheAssessmentsRoutemapWrites) {
    const auto framework = load_framework(test::bundled("newham-organisation"));
    Assessment a;
    a.framework_id = framework.id();
    a.framework_version = framework.version();
    for (std::size_t i = 0; i < framework.criteria().size(); i += 3) a.records[framework.criteria()[i].id].status = Status::met;
    const auto text = format_assessment(a, AssessmentFormat::toml, &framework);
    const auto guarded = detail::guard_toml(text);
    const auto split = detail::split_toml(text, guarded.headers, "criteria", detail::CutAt::subtable, 1);
    ASSERT_TRUE(split);
    ASSERT_EQ(split->pieces.size(), framework.criteria().size());
    for (const auto& piece : split->pieces) EXPECT_TRUE(scan_plain_criteria(piece.text)) << piece.text;
}
