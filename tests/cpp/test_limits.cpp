// The limits of docs/limits.md: each refused with a positioned error, never a crash, and loading stays
// linear. Each test here failed (crashed, exhausted memory, or gave no position) before the limit.
#include <gtest/gtest.h>

#include <string>

#include "detail/framework_validation.hpp"
#include "test_support.hpp"

using namespace routemap;
using test::header;
using test::two_tiers;

namespace {

std::string criteria(std::size_t count, const std::string& tier, const std::string& prefix) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i)
        out += "[[domains.areas.criteria]]\nid = \"" + prefix + std::to_string(i) + "\"\ntier = \"" + tier +
               "\"\ntext = \"C.\"\n";
    return out;
}

const std::string area_head = "[[domains]]\nid = \"d\"\nname = \"D\"\n[[domains.areas]]\nid = \"a\"\nname = \"A\"\n";

std::vector<Diagnostic> errors(const std::string& text) {
    std::vector<Diagnostic> out;
    for (auto& d : try_parse_framework(text, "f.toml").diagnostics)
        if (d.severity == Severity::error) out.push_back(d);
    return out;
}

TEST(Ids, CheckedByHandAsTheDocumentedPatterns) {
    using detail::is_framework_id;
    using detail::is_id_segment;
    using detail::is_local_criterion_id;
    for (const char* ok : {"a", "tiny", "newham-service", "a1-b2-c3", "x9"}) EXPECT_TRUE(is_framework_id(ok)) << ok;
    for (const char* bad : {"", "1abc", "-a", "a-", "a--b", "A", "a_b", "a.b", "é"}) EXPECT_FALSE(is_framework_id(bad)) << bad;
    for (const char* ok : {"1", "fundamental", "a-1", "2024"}) EXPECT_TRUE(is_id_segment(ok)) << ok;
    for (const char* bad : {"", "-", "a-", "-a", "a--b", "a.b", "a b"}) EXPECT_FALSE(is_id_segment(bad)) << bad;
    for (const char* ok : {"fundamental.1", "a", "a-b.c-d.1", "1.2.3"}) EXPECT_TRUE(is_local_criterion_id(ok)) << ok;
    for (const char* bad : {"", ".", "a.", ".a", "a..b", "a.-b", "a-.b", "A.1"}) EXPECT_FALSE(is_local_criterion_id(bad)) << bad;
}

TEST(Ids, ALongIdIsAnErrorNotAStackOverflow) {
    // std::regex_match recursed once per character: 26,000 characters overflowed the stack.
    const std::string long_id(30000, 'a');
    EXPECT_FALSE(detail::is_id_segment(long_id));
    EXPECT_FALSE(detail::is_framework_id(long_id));
    EXPECT_FALSE(detail::is_local_criterion_id(long_id + ".1"));
    const auto found = errors(header(long_id) + two_tiers() + area_head + criteria(1, "fundamental", "x"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("is 30000 characters long: ids are at most 128"), std::string::npos) << found[0].message;
    EXPECT_EQ(found[0].location.line, 2u);
    // At the limit an id is fine.
    EXPECT_TRUE(errors(header(std::string(128, 'a')) + two_tiers() + area_head + criteria(1, "fundamental", "x")).empty());
}

TEST(Edges, CountedBeforeTheyAreBuiltAndRefusedPastTheLimitNamingTheArea) {
    // 1001 x 1001 criteria in adjacent tiers of one area: 1,002,001 implicit edges, past the limit of 1,000,000.
    const auto text = header() + two_tiers() + area_head + criteria(1001, "fundamental", "f") + criteria(1001, "advanced", "a");
    const auto found = errors(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("the framework has 1002001 dependencies"), std::string::npos) << found[0].message;
    EXPECT_NE(found[0].message.find("area 'd.a' alone has 1002001 implicit ones"), std::string::npos) << found[0].message;
    EXPECT_EQ(found[0].location.file, "f.toml");
    EXPECT_EQ(found[0].location.line, 19u);  // [[domains.areas]]
    // 300 x 300 = 90,000 is within the limit, and every edge is there.
    const auto ok = try_parse_framework(header() + two_tiers() + area_head + criteria(300, "fundamental", "f") +
                                        criteria(300, "advanced", "a"));
    ASSERT_TRUE(ok.framework.has_value());
    EXPECT_EQ(ok.framework->graph().edges().size(), 90000u);
}

TEST(Edges, ImplicitEdgesGoToTheNearestLowerTierPresent) {
    const std::string three = "[[tiers]]\nid = \"one\"\nname = \"1\"\n[[tiers]]\nid = \"two\"\nname = \"2\"\n"
                              "[[tiers]]\nid = \"three\"\nname = \"3\"\n";
    // Tiers one and three only, in mixed document order: each 'three' depends on each 'one'.
    const auto result = try_parse_framework(header() + three + area_head + criteria(2, "three", "c") +
                                            criteria(3, "one", "a"));
    ASSERT_TRUE(result.framework.has_value()) << result.diagnostics[0].to_string();
    EXPECT_EQ(result.framework->graph().edges().size(), 6u);
}

TEST(Criteria, TooManyAreRefused) {
    const auto found = errors(header() + "[[tiers]]\nid = \"one\"\nname = \"One\"\n" + area_head +
                              criteria(limits::max_criteria + 1, "one", "c"));
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find(std::to_string(limits::max_criteria + 1) + " criteria, more than routemap's limit of " +
                                    std::to_string(limits::max_criteria)),
              std::string::npos);
    EXPECT_EQ(found[0].location.line, 2u);
}

TEST(Year, PastNineThousandNineHundredAndNinetyNineIsAnErrorShownAsWritten) {
    std::string text = header() + two_tiers() + area_head + criteria(1, "fundamental", "x");
    text.replace(text.find("year = 2024"), 11, "year = 99999999999");
    const auto found = errors(text);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].message.find("year 99999999999 in [framework] is not a year"), std::string::npos);
    EXPECT_EQ(found[0].location.line, 8u);
    EXPECT_EQ(found[0].location.column, 8u);
}

}  // namespace
