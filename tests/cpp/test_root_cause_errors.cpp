// One error per mistake (docs/framework-format.md, "Validation"): what only follows from an error is
// counted in one closing note, not reported; "did you mean" for `requires`, ids, tiers, keys and
// values; each error at the key or value at fault; numbers as written.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace routemap;
using test::header;
using test::two_tiers;

namespace {

struct Found {
    std::vector<Diagnostic> errors, warnings;
};

Found diagnose(const std::string& text) {
    const auto result = try_parse_framework(text, "t.toml");
    Found out;
    for (const auto& d : result.diagnostics) (d.severity == Severity::error ? out.errors : out.warnings).push_back(d);
    EXPECT_EQ(result.framework.has_value(), out.errors.empty());
    return out;
}

std::string criterion(const std::string& id, const std::string& tier, const std::string& requires_ = {}) {
    std::string out = "[[domains.areas.criteria]]\nid = \"" + id + "\"\n";
    if (!tier.empty()) out += "tier = \"" + tier + "\"\n";
    out += "text = \"T\"\n";
    if (!requires_.empty()) out += "requires = [" + requires_ + "]\n";
    return out;
}

// Lines 1-15: header and two tiers; 16-18 the domain; 19-21 area a.
const std::string domain_and_area = "[[domains]]\nid = \"d\"\nname = \"D\"\n[[domains.areas]]\nid = \"a\"\nname = \"A\"\n";

// Area b: five criteria that all require `target`.
std::string dependents(const std::string& target = "d.a.x") {
    std::string out = "[[domains.areas]]\nid = \"b\"\nname = \"B\"\ntiers = [\"fundamental\"]\n";
    for (int i = 1; i <= 5; ++i) out += criterion("f" + std::to_string(i), "fundamental", "\"" + target + "\"");
    return out;
}

void expect_note(const Found& found, std::size_t follow_ons) {
    ASSERT_FALSE(found.warnings.empty());
    EXPECT_EQ(found.warnings.back().message,
              std::to_string(follow_ons) + " more error" + (follow_ons > 1 ? "s" : "") +
                  " not shown: they only follow from the errors above (a `requires` or a tier naming something that "
                  "was rejected) and go away with them");
}

}  // namespace

TEST(RootCause, ACriterionWithoutATierIsOneError) {
    const auto found = diagnose(header() + two_tiers() + domain_and_area + criterion("x", "") + criterion("y", "advanced") +
                                dependents());
    ASSERT_EQ(found.errors.size(), 1u) << found.errors[1].to_string();
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:22:1: error: criterion 'd.a.x' has no tier (required when a framework has more than one tier)");
    expect_note(found, 5);
    // No "area skips a tier" warning either: the rejected criterion was probably at it.
    EXPECT_EQ(found.warnings.size(), 1u);
}

TEST(RootCause, ABadCriterionIdIsOneErrorAtTheIdWithTheIdItShouldBe) {
    // The dependents name d.a.x, the id it should have been; one more names d.a.X, as written.
    std::string text = header() + two_tiers() + domain_and_area + criterion("X", "fundamental") +
                       criterion("y", "advanced") + dependents() + criterion("g", "fundamental", "\"d.a.X\"");
    const auto found = diagnose(text);
    ASSERT_EQ(found.errors.size(), 1u) << found.errors[1].to_string();
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:23:6: error: bad criterion id 'X': use id segments (lowercase letters, digits, hyphens) joined by "
              "dots (did you mean 'x'?)");
    expect_note(found, 6);
}

TEST(RootCause, ADuplicateAreaIsOneErrorAtItsId) {
    std::string text = header() + two_tiers() + domain_and_area + criterion("x", "fundamental") +
                       "[[domains.areas]]\nid = \"a\"\nname = \"Again\"\n" + criterion("z", "fundamental") + dependents();
    for (int i = 1; i <= 4; ++i) text += criterion("g" + std::to_string(i), "fundamental", "\"d.a.z\"");
    const auto found = diagnose(text);
    ASSERT_EQ(found.errors.size(), 1u) << found.errors[1].to_string();
    EXPECT_EQ(found.errors[0].location.line, 27u);  // line 26 is its [[domains.areas]], 27 its id
    EXPECT_EQ(found.errors[0].location.column, 6u);
    EXPECT_NE(found.errors[0].message.find("duplicate area id 'd.a' (first defined at t.toml:20:6)"), std::string::npos)
        << found.errors[0].message;
    expect_note(found, 4);
}

TEST(RootCause, ABadTierIdIsOneErrorAndItsCriteriaAreNotReported) {
    std::string text = header() +
                       "[[tiers]]\nid = \"Fundamental\"\nname = \"Fundamental\"\n"
                       "[[tiers]]\nid = \"advanced\"\nname = \"Advanced\"\n" +
                       domain_and_area + criterion("x", "Fundamental") + criterion("y", "advanced") + dependents();
    // The criteria naming "Fundamental", as written, or "fundamental", as it should have been, follow on.
    const auto found = diagnose(text);
    ASSERT_EQ(found.errors.size(), 1u) << found.errors[1].to_string();
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:11:6: error: bad tier id 'Fundamental': use lowercase letters, digits and single hyphens (did you "
              "mean 'fundamental'?)");
}

TEST(RootCause, DidYouMeanForRequiresTiersAndKeys) {
    auto found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamental") +
                          criterion("second", "advanced", "\"d.a.frist\""));
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:30:13: error: criterion 'd.a.second' requires unknown criterion 'd.a.frist' (did you mean 'd.a.first'?)");
    found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamental") +
                     criterion("second", "advanced", "\"first\""));
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_NE(found.errors[0].message.find("(did you mean 'd.a.first'? `requires` takes full ids)"), std::string::npos)
        << found.errors[0].message;
    found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamantal"));
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:24:8: error: criterion 'd.a.first' names unknown tier 'fundamantal' (did you mean 'fundamental'?; "
              "known tiers: fundamental, advanced)");
    found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamental") + "wieght = 2\n");
    EXPECT_TRUE(found.errors.empty());
    ASSERT_FALSE(found.warnings.empty());
    EXPECT_EQ(found.warnings[0].to_string(),
              "t.toml:26:1: warning: unknown key 'wieght' in criterion 'first' of area 'a' of domain 'd' (did you mean "
              "'weight'?)");
}

TEST(RootCause, WeightsArePrintedAsWrittenAtTheValue) {
    auto found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamental") + "weight = 0\n");
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:26:10: error: criterion 'd.a.first' has weight 0: weights must be positive");
    found = diagnose(header() + two_tiers() + domain_and_area + criterion("first", "fundamental") + "weight = -0.25\n");
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_NE(found.errors[0].message.find("has weight -0.25:"), std::string::npos) << found.errors[0].message;
}

TEST(RootCause, ACycleIsPlacedAtTheRequiresThatClosesIt) {
    const auto found = diagnose(header() + two_tiers() + domain_and_area + criterion("x", "fundamental", "\"d.a.y\"") +
                                criterion("y", "fundamental", "\"d.a.z\"") + criterion("z", "fundamental", "\"d.a.x\""));
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:36:13: error: dependency cycle: d.a.x -> d.a.y -> d.a.z -> d.a.x (closed by the `requires` of "
              "'d.a.z' naming 'd.a.x')");
    EXPECT_EQ(found.errors[0].criterion_id, "d.a.z");
}

TEST(RootCause, BadDomainAndAreaIdsAreAtTheIdWithASlug) {
    auto found = diagnose(header() + two_tiers() + "[[domains]]\nid = \"Data Collection\"\nname = \"D\"\n" +
                          "[[domains.areas]]\nid = \"a\"\nname = \"A\"\n" + criterion("x", "fundamental") +
                          criterion("y", "advanced"));
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:17:6: error: bad domain id 'Data Collection': use lowercase letters, digits and single hyphens "
              "(did you mean 'data-collection'?)");
    found = diagnose(header() + two_tiers() + "[[domains]]\nid = \"d\"\nname = \"D\"\n" +
                     "[[domains.areas]]\nid = \"Area_1\"\nname = \"A\"\n" + criterion("x", "fundamental") +
                     criterion("y", "advanced") + dependents("d.area-1.x"));
    ASSERT_EQ(found.errors.size(), 1u) << found.errors[1].to_string();
    EXPECT_NE(found.errors[0].to_string().find("t.toml:20:6: error: bad area id 'Area_1'"), std::string::npos);
    EXPECT_NE(found.errors[0].message.find("(did you mean 'area-1'?)"), std::string::npos);
    expect_note(found, 5);
}

TEST(RootCause, ABadFrameworkIdIsAtItsValue) {
    std::string text = header() + two_tiers() + domain_and_area + criterion("x", "fundamental") + criterion("y", "advanced");
    text.replace(text.find("id = \"tiny\""), 11, "id = \"Tiny_Matrix\"");
    const auto found = diagnose(text);
    ASSERT_EQ(found.errors.size(), 1u);
    EXPECT_EQ(found.errors[0].to_string(),
              "t.toml:3:6: error: bad framework id 'Tiny_Matrix': use lowercase letters, digits and single hyphens, "
              "starting with a letter (did you mean 'tiny-matrix'?)");
}
