// Collections: reading folders, files and globs; grouping by subject and framework; history and
// latest; duplicates, conflicts and unreadable files reported, never merged.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <routemap/routemap.hpp>

#include "test_support.hpp"

namespace routemap::test {
namespace {

std::string read_text(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string trust() { return (source_dir() / "examples" / "trust").string(); }

Registry bundled_registry() { return Registry({source_dir()}, no_plugins()); }

TEST(Collection, ReadsAFolderGroupedBySubjectWithHistoryByDate) {
    const auto registry = bundled_registry();
    const std::vector<std::string> inputs{trust()};
    const auto c = Collection::read(inputs, &registry);
    EXPECT_TRUE(c.problems().empty());
    EXPECT_EQ(c.assessments().size(), 9u);
    ASSERT_EQ(c.subjects().size(), 3u);
    EXPECT_EQ(c.framework_ids(), std::vector<std::string>{"newham-service"});
    EXPECT_EQ(c.dates(), (std::vector<std::string>{"2024-03-31", "2025-03-31", "2026-03-31"}));
    for (const auto& subject : c.subjects()) {
        const auto history = c.history(subject);
        ASSERT_EQ(history.size(), 3u);
        EXPECT_EQ(history[0]->date, "2024-03-31");
        EXPECT_EQ(history[2]->date, "2026-03-31");
    }
    const auto latest = c.latest();
    ASSERT_EQ(latest.size(), 3u);
    for (const auto* a : latest) EXPECT_EQ(a->date, "2026-03-31");
    EXPECT_THROW((void)c.history("No such service"), NotFoundError);
}

TEST(Collection, GlobsAndFileListsGiveTheSameCollection) {
    const std::vector<std::string> glob{trust() + "/msk-*.toml"};
    const auto c = Collection::read(glob);
    ASSERT_EQ(c.assessments().size(), 3u);
    EXPECT_EQ(c.subjects().size(), 1u);
    const std::vector<std::string> files{trust() + "/msk-physiotherapy-2026.toml", trust() + "/msk-physiotherapy-2024.toml"};
    const auto d = Collection::read(files);
    ASSERT_EQ(d.series().size(), 1u);
    EXPECT_EQ(d.history(d.subjects().front()).front()->date, "2024-03-31");
}

TEST(Collection, DuplicatesAreReportedAndKeptOnce) {
    const auto dir = scratch("collection-duplicates");
    std::filesystem::copy_file(trust() + "/msk-physiotherapy-2025.toml", dir / "a.toml");
    write(dir / "sub" / "b.toml", read_text(trust() + "/msk-physiotherapy-2025.toml"));
    const std::vector<std::string> inputs{dir.string()};
    const auto c = Collection::read(inputs);
    EXPECT_EQ(c.assessments().size(), 1u);
    ASSERT_EQ(c.problems().size(), 1u);
    EXPECT_EQ(c.problems()[0].kind, CollectionProblemKind::duplicate);
    EXPECT_EQ(c.problems()[0].files.size(), 2u);
}

TEST(Collection, ConflictsAreReportedAndNeitherIsUsed) {
    const auto dir = scratch("collection-conflicts");
    auto text = read_text(trust() + "/msk-physiotherapy-2025.toml");
    write(dir / "a.toml", text);
    const auto at = text.find("status = \"met\"");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 14, "status = \"not_met\"");
    write(dir / "b.toml", text);
    write(dir / "other.toml", read_text(trust() + "/msk-physiotherapy-2024.toml"));
    const std::vector<std::string> inputs{dir.string()};
    const auto c = Collection::read(inputs);
    EXPECT_EQ(c.assessments().size(), 1u);  // only 2024 is left
    ASSERT_EQ(c.problems().size(), 1u);
    EXPECT_EQ(c.problems()[0].kind, CollectionProblemKind::conflict);
    EXPECT_NE(c.problems()[0].message.find("2025-03-31"), std::string::npos);
    EXPECT_EQ(c.problems()[0].files.size(), 2u);
}

TEST(Collection, UnreadableAndInvalidFilesAreReportedWithPositions) {
    const auto dir = scratch("collection-unreadable");
    write(dir / "ok.toml", read_text(trust() + "/msk-physiotherapy-2024.toml"));
    write(dir / "broken.toml", "format_version = 1\n[assessment\n");
    auto text = read_text(trust() + "/msk-physiotherapy-2025.toml");
    text.replace(text.find("readiness.conversation.fundamental.1"), 36, "readiness.conversation.fundamental.9");
    write(dir / "invalid.toml", text);
    write(dir / "notes.txt", "not an assessment, not read");
    const auto registry = bundled_registry();
    const std::vector<std::string> inputs{dir.string(), (dir / "missing.toml").string()};
    const auto c = Collection::read(inputs, &registry);
    EXPECT_EQ(c.assessments().size(), 1u);
    ASSERT_EQ(c.problems().size(), 3u);
    bool broken = false, invalid = false, missing = false;
    for (const auto& p : c.problems()) {
        if (p.kind == CollectionProblemKind::unreadable && p.files[0].ends_with("broken.toml")) {
            broken = true;
            ASSERT_FALSE(p.diagnostics.empty());
            EXPECT_EQ(p.diagnostics[0].location.line, 2u);
        }
        if (p.kind == CollectionProblemKind::invalid) {
            invalid = true;
            EXPECT_NE(p.message.find("did you mean"), std::string::npos);
            EXPECT_GT(p.diagnostics[0].location.line, 0u);
        }
        if (p.kind == CollectionProblemKind::unreadable && p.files[0].ends_with("missing.toml")) missing = true;
    }
    EXPECT_TRUE(broken && invalid && missing);
}

TEST(Collection, TrendsScoreEveryPointOldestFirst) {
    const auto registry = bundled_registry();
    const std::vector<std::string> inputs{trust()};
    const auto c = Collection::read(inputs, &registry);
    const auto result = trends(registry, c, "continuous");
    ASSERT_EQ(result.size(), 3u);
    for (const auto& t : result) {
        ASSERT_EQ(t.points.size(), 3u);
        EXPECT_EQ(t.model, "continuous");
        EXPECT_EQ(t.points[0].domains.size(), 6u);
        // Each service improved over the three years in the examples.
        EXPECT_LT(t.points[0].overall.score, t.points[2].overall.score) << t.subject;
        // The same as scoring the file on its own.
        const auto direct = score(registry, registry.get("newham-service"), read_assessment(t.points[1].file), "continuous");
        EXPECT_DOUBLE_EQ(direct.overall.score, t.points[1].overall.score);
    }
}

}  // namespace
}  // namespace routemap::test
