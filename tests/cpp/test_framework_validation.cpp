// Every validation error is reported with its message, line and column; all problems at once.
#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace routemap;
using test::header;
using test::two_tiers;

namespace {

std::vector<Diagnostic> problems(const std::string& text, Severity severity = Severity::error) {
    const auto result = try_parse_framework(text, "test.toml");
    std::vector<Diagnostic> out;
    for (const auto& d : result.diagnostics)
        if (d.severity == severity) out.push_back(d);
    if (severity == Severity::error) {
        EXPECT_EQ(result.framework.has_value(), out.empty());
    }
    return out;
}

// Exactly one diagnostic of this severity, containing `message`, at line:column.
void expect_one(const std::string& text, const std::string& message, std::uint32_t line, std::uint32_t column,
                Severity severity = Severity::error) {
    const auto found = problems(text, severity);
    ASSERT_EQ(found.size(), 1u) << (found.empty() ? "no diagnostic" : found[0].to_string() + " ...");
    EXPECT_NE(found[0].message.find(message), std::string::npos) << found[0].to_string();
    EXPECT_EQ(found[0].location.file, "test.toml");
    EXPECT_EQ(found[0].location.line, line) << found[0].to_string();
    EXPECT_EQ(found[0].location.column, column) << found[0].to_string();
}

const std::string one_area =
    "[[domains]]\nid = \"data\"\nname = \"Data\"\n"                                  // lines 16-18
    "[[domains.areas]]\nid = \"collection\"\nname = \"Collection\"\n"                // 19-21
    "[[domains.areas.criteria]]\nid = \"fundamental.1\"\ntier = \"fundamental\"\ntext = \"Collect.\"\n"  // 22-25
    "[[domains.areas.criteria]]\nid = \"advanced.1\"\ntier = \"advanced\"\ntext = \"Share.\"\n";        // 26-29

}  // namespace

TEST(FrameworkValidation, ValidSmallFrameworkLoads) {
    const auto f = parse_framework(header() + two_tiers() + one_area, "test.toml");
    EXPECT_EQ(f.criteria().size(), 2u);
    EXPECT_EQ(f.criterion("data.collection.advanced.1").tier, 1u);
    EXPECT_EQ(f.graph().prerequisites(1), std::vector<std::size_t>{0});  // implicit tier edge
}

TEST(FrameworkValidation, MalformedToml) {
    expect_one(header() + "broken = [1,\n", "malformed TOML", 10, 14);
}

TEST(FrameworkValidation, InputsThatCrashToml330AreOrdinaryErrors) {
    // upstream toml++ issues 190, 294 and PR 301: these reach an assertion or UB in the parser.
    expect_one("[)[", "invalid table header", 1, 2);
    expect_one("[&", "invalid table header", 1, 2);
    expect_one("[[[1]]]", "invalid table header", 1, 3);
    expect_one("a\xEF\xBB\xBE = 1\n", "U+FEFE", 1, 2);
    expect_one("x = 1\n  [ ]\n", "invalid table header", 2, 5);
    // Non-ASCII text inside strings and comments is fine.
    EXPECT_TRUE(problems(header() + "# caf\xC3\xA9\n" + two_tiers() + one_area).empty());
}

TEST(FrameworkValidation, MissingRequiredKey) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(text.find("name = \"Tiny\"\n"), 14, "");
    expect_one(text, "missing required key 'name' in [framework]", 2, 1);
}

TEST(FrameworkValidation, WrongType) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(text.find("year = 2024"), 11, "year = \"2024\"");
    expect_one(text, "key 'year' in [framework] must be an integer, not a string", 8, 8);
}

TEST(FrameworkValidation, BadId) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(text.find("id = \"collection\""), 17, "id = \"Collection Area\"");
    expect_one(text, "bad area id 'Collection Area': use lowercase letters, digits and single hyphens (did you mean "
                     "'collection-area'?)", 20, 6);
}

TEST(FrameworkValidation, DuplicateCriterionIdNamesTheFirst) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(text.find("id = \"advanced.1\""), 17, "id = \"fundamental.1\"");
    expect_one(text, "duplicate criterion id 'data.collection.fundamental.1' (first defined at test.toml:23:6)", 27, 6);
}

TEST(FrameworkValidation, UnknownTier) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(text.find("tier = \"advanced\""), 17, "tier = \"expert\"");
    expect_one(text, "unknown tier 'expert' (known tiers: fundamental, advanced)", 28, 8);
}

TEST(FrameworkValidation, UnknownRequiresTarget) {
    const auto text = header() + two_tiers() + one_area + "requires = [\"data.collection.missing\"]\n";
    expect_one(text, "requires unknown criterion 'data.collection.missing'", 30, 13);
}

TEST(FrameworkValidation, CycleIsNamed) {
    const auto text = header() + two_tiers() +
                      "[[domains]]\nid = \"d\"\nname = \"D\"\n"
                      "[[domains.areas]]\nid = \"a\"\nname = \"A\"\n"
                      "[[domains.areas.criteria]]\nid = \"x\"\ntier = \"fundamental\"\ntext = \"X\"\nrequires = [\"d.b.y\"]\n"
                      "[[domains.areas]]\nid = \"b\"\nname = \"B\"\n"
                      "[[domains.areas.criteria]]\nid = \"y\"\ntier = \"fundamental\"\ntext = \"Y\"\nrequires = [\"d.c.z\"]\n"
                      "[[domains.areas]]\nid = \"c\"\nname = \"C\"\n"
                      "[[domains.areas.criteria]]\nid = \"z\"\ntier = \"fundamental\"\ntext = \"Z\"\nrequires = [\"d.a.x\"]\n";
    // placed at the `requires` that closes it: the last one written
    expect_one(text, "dependency cycle: d.a.x -> d.b.y -> d.c.z -> d.a.x (closed by the `requires` of 'd.c.z' naming 'd.a.x')",
               42, 13);
}

TEST(FrameworkValidation, EmptyDomainAndEmptyArea) {
    expect_one(header() + two_tiers() + one_area + "[[domains]]\nid = \"empty\"\nname = \"Empty\"\n",
               "domain 'empty' has no areas and no criteria", 30, 1);
    expect_one(header() + two_tiers() + one_area + "[[domains.areas]]\nid = \"bare\"\nname = \"Bare\"\ncriteria = []\n",
               "area 'data.bare' has no criteria", 30, 1);
}

TEST(FrameworkValidation, HigherTierRequirementInOwnAreaWarnsAndCycles) {
    std::string text = header() + two_tiers() + one_area;
    text.insert(text.find("[[domains.areas.criteria]]\nid = \"advanced.1\""),
                "requires = [\"data.collection.advanced.1\"]\n");
    expect_one(text, "which is of a higher tier in the same area", 26, 13, Severity::warning);
    expect_one(text, "dependency cycle: data.collection.fundamental.1 -> data.collection.advanced.1", 26, 13);
}

TEST(FrameworkValidation, FormatVersionIsChecked) {
    std::string text = header() + two_tiers() + one_area;
    text.replace(0, 18, "format_version = 7");
    expect_one(text, "unsupported format_version 7", 1, 18);
    text.replace(0, 19, "\n");
    expect_one(text, "missing required key 'format_version'", 1, 1);
}

TEST(FrameworkValidation, ReportsEveryProblemNotJustTheFirst) {
    std::string text = header() + two_tiers() + one_area + "requires = [\"nowhere.x\"]\nweight = -1\n";
    text.replace(text.find("tier = \"fundamental\"\ntext"), 20, "tier = \"basic\"      ");
    text.replace(text.find("year = 2024"), 11, "year = true");
    const auto found = problems(text);
    ASSERT_EQ(found.size(), 4u);
    EXPECT_NE(found[0].message.find("'year'"), std::string::npos);
    // Semantic problems carry the framework and criterion ids.
    bool saw_weight = false;
    for (const auto& d : found) {
        EXPECT_EQ(d.framework_id, "tiny");
        if (d.message.find("weight") != std::string::npos) {
            saw_weight = true;
            EXPECT_EQ(d.criterion_id, "data.collection.advanced.1");
        }
    }
    EXPECT_TRUE(saw_weight);
}

TEST(FrameworkValidation, UnknownKeyIsAWarning) {
    std::string text = header() + two_tiers() + one_area + "wieght = 2\n";
    expect_one(text, "unknown key 'wieght'", 30, 1, Severity::warning);
    EXPECT_TRUE(problems(text).empty());
}

TEST(FrameworkValidation, ErrorTypeCarriesLocation) {
    try {
        (void)parse_framework("[)[", "bad.toml");
        FAIL() << "expected FrameworkError";
    } catch (const FrameworkError& e) {
        EXPECT_EQ(e.location().file, "bad.toml");
        EXPECT_EQ(e.location().line, 1u);
        EXPECT_NE(std::string(e.what()).find("bad.toml:1:2: error:"), std::string::npos) << e.what();
    }
    EXPECT_THROW((void)load_framework("/nonexistent/framework.toml"), IoError);
    try {
        (void)load_framework("newham-service");
        FAIL() << "expected IoError";
    } catch (const IoError& e) {
        EXPECT_NE(std::string(e.what()).find("to load a framework by id, use Registry::load"), std::string::npos);
    }
}
