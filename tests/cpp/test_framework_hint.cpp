// The framework an assessment names, read from the head of its file (src/cli/framework_hint.hpp), so
// that the CLI loads it while it reads the assessment: TOML and JSON, as routemap writes them and
// otherwise, whole or cut off at 64 KiB.
#include <gtest/gtest.h>

#include <string>

#include <routemap/assessment_io.hpp>
#include <routemap/framework_loader.hpp>

#include "cli/framework_hint.hpp"
#include "test_support.hpp"

using namespace routemap;
using cli::framework_named_in_json;
using cli::framework_named_in_toml;

TEST(FrameworkHint, JsonAsRoutemapWritesIt) {
    const auto framework = load_framework(test::bundled("newham-organisation"));
    const auto text = assessment_template(framework, AssessmentFormat::json);
    EXPECT_EQ(framework_named_in_json(text), "newham-organisation");
    // Cut off anywhere after the id, as the first 64 KiB of a big file are.
    const auto after = text.find("newham-organisation\"") + 21;
    for (auto cut = after; cut < text.size(); cut += 97) EXPECT_EQ(framework_named_in_json(text.substr(0, cut)), "newham-organisation");
    EXPECT_EQ(framework_named_in_json(text.substr(0, after - 5)), std::nullopt);
}

TEST(FrameworkHint, JsonOnlyTheAssessmentsOwnFramework) {
    EXPECT_EQ(framework_named_in_json(R"({"format_version": 1, "assessment": {"subject": "x", "framework": "f-1.2"}})"), "f-1.2");
    EXPECT_EQ(framework_named_in_json(R"({"notes": {"framework": "no"}, "assessment": {"framework": "yes"}})"), "yes");
    EXPECT_EQ(framework_named_in_json(R"({"assessment": {"assessors": ["framework"], "notes": {"framework": "no"}}})"),
              std::nullopt);
    EXPECT_EQ(framework_named_in_json(R"({"assessment": {"framework": 7}})"), std::nullopt);
    EXPECT_EQ(framework_named_in_json(R"({"assessment": {"framework": "not plain/../x"}})"), std::nullopt);
    EXPECT_EQ(framework_named_in_json(R"([{"assessment": {"framework": "f"}}])"), std::nullopt);
    EXPECT_EQ(framework_named_in_json("{\"assessment\": {\"framework\" \"f\"}}"), std::nullopt);  // malformed
    EXPECT_EQ(framework_named_in_json(""), std::nullopt);
}

TEST(FrameworkHint, TomlAsBefore) {
    const auto framework = load_framework(test::bundled("newham-organisation"));
    EXPECT_EQ(framework_named_in_toml(assessment_template(framework, AssessmentFormat::toml)), "newham-organisation");
    EXPECT_EQ(framework_named_in_toml("[assessment]\nframework = \"f\"\n"), "f");
    EXPECT_EQ(framework_named_in_toml("[other]\nframework = \"no\"\n[assessment]\nsubject = \"x\"\n"), std::nullopt);
    EXPECT_EQ(framework_named_in_toml("[assessment]\nframework = 'f'\n"), std::nullopt);
}
