// Framework versions: [[changes]] read and checked, an assessment of version 1 migrated to a
// synthetic version 2 (tests/data/versions) that renames, moves, splits, merges and removes
// criteria, with nothing lost and a change log.

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include <routemap/routemap.hpp>

#include "test_support.hpp"

namespace routemap::test {
namespace {

std::string read_text_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Framework v2() { return load_framework(source_dir() / "tests" / "data" / "versions" / "frameworks" / "newham-service.toml"); }

Assessment v1_assessment() { return read_assessment(source_dir() / "examples" / "trust" / "community-diabetes-2025.toml"); }

TEST(Versions, ComparesDottedVersionsAsNumbers) {
    EXPECT_LT(compare_versions("1.9.0", "1.10.0"), 0);
    EXPECT_EQ(compare_versions("2.0", "2.0"), 0);
    EXPECT_GT(compare_versions("2.0.1", "2.0"), 0);
    EXPECT_EQ(compare_versions("01.0", "1.0"), 0);
}

TEST(Versions, ChangesAreReadFromTheFrameworkFile) {
    const auto f = v2();
    EXPECT_EQ(f.version(), "2.0.0");
    const auto changes = framework_changes(f);
    ASSERT_EQ(changes.size(), 5u);
    EXPECT_EQ(changes[1].kind, "split");
    EXPECT_EQ(changes[1].to.size(), 2u);
    EXPECT_GT(changes[0].location.line, 0u);
    EXPECT_EQ(changes_since(f, "1.0.0").size(), 5u);
    EXPECT_TRUE(changes_since(f, "2.0.0").empty());
    // The bundled version 1 declares none.
    EXPECT_TRUE(framework_changes(load_framework(bundled("newham-service"))).empty());
}

TEST(Versions, BadChangesAreReportedWithPositions) {
    auto text = read_text_of(source_dir() / "tests" / "data" / "versions" / "frameworks" / "newham-service.toml");
    text += "\n[[changes]]\nsince = \"1.0.0\"\nkind = \"exploded\"\nfrom = [\"a\"]\nto = []\n"
            "\n[[changes]]\nsince = \"1.0.0\"\nkind = \"split\"\nfrom = [\"a\"]\nto = [\"b\"]\n";
    try {
        (void)parse_framework(text, "v2.toml");
        FAIL() << "expected FrameworkError";
    } catch (const FrameworkError& e) {
        ASSERT_EQ(e.diagnostics().size(), 2u) << e.what();
        EXPECT_NE(e.diagnostics()[0].message.find("unknown change kind 'exploded'"), std::string::npos);
        EXPECT_NE(e.diagnostics()[1].message.find("at least two in to"), std::string::npos);
        EXPECT_GT(e.diagnostics()[1].location.line, 0u);
    }
}

TEST(Versions, MigrationLosesNothingAndLogsEveryChange) {
    const auto f = v2();
    const auto old = v1_assessment();
    ASSERT_EQ(old.framework_version, "1.0.0");
    EXPECT_FALSE(old.check(f).empty());  // version 1 does not fit version 2 as it is
    const auto m = migrate(f, old);
    EXPECT_EQ(m.migrated.framework_version, "2.0.0");
    EXPECT_TRUE(m.migrated.check(f).empty());
    ASSERT_EQ(m.log.size(), 5u);
    // Renamed and moved: the record follows, unchanged.
    EXPECT_EQ(m.migrated.records.at("reporting.accountability.advanced.3"), old.records.at("reporting.accountability.advanced.2"));
    EXPECT_EQ(m.migrated.records.at("readiness.learning.advanced.4").status, old.records.at("workforce.skills.advanced.2").status);
    // Split: each part starts from the old record, flagged for review.
    const auto& before = old.records.at("reporting.accountability.intermediate.1");
    for (const auto* id : {"reporting.accountability.intermediate.3", "reporting.accountability.intermediate.4"}) {
        const auto& part = m.migrated.records.at(id);
        EXPECT_EQ(part.status, before.status);
        EXPECT_TRUE(part.note.starts_with("REVIEW: split from")) << part.note;
    }
    // Merged: the lowest status, both evidences kept.
    const auto& a = old.records.at("understanding.quantitative.fundamental.5");
    const auto& b = old.records.at("understanding.quantitative.fundamental.6");
    const auto& merged = m.migrated.records.at("understanding.quantitative.fundamental.7");
    auto rank = [](Status s) { return s == Status::met ? 3 : s == Status::partial ? 2 : s == Status::not_met ? 1 : 0; };
    EXPECT_EQ(rank(merged.status), std::min(rank(a.status), rank(b.status)));
    for (const auto* evidence : {&a.evidence, &b.evidence}) {
        if (!evidence->empty()) {
            EXPECT_NE(merged.evidence.find(*evidence), std::string::npos);
        }
    }
    // Removed: kept aside, unchanged.
    ASSERT_EQ(m.removed.size(), 1u);
    EXPECT_EQ(m.removed.at("understanding.quantitative.fundamental.3"), old.records.at("understanding.quantitative.fundamental.3"));
    // Nothing lost: every old record is in the new assessment or kept aside.
    std::size_t evidence_found = 0, evidence_total = 0;
    const auto sidecar = format_migration_record(m);
    for (const auto& [id, record] : old.records) {
        if (record.evidence.empty()) continue;
        ++evidence_total;
        bool found = sidecar.find(id) != std::string::npos;
        for (const auto& [new_id, r] : m.migrated.records) found = found || r.evidence.find(record.evidence) != std::string::npos;
        evidence_found += found;
    }
    EXPECT_EQ(evidence_found, evidence_total);
    EXPECT_NE(sidecar.find("[removed.\"understanding.quantitative.fundamental.3\"]"), std::string::npos);
    EXPECT_NE(m.migrated.notes.find("Migrated from newham-service 1.0.0 to 2.0.0"), std::string::npos);
}

TEST(Versions, CompareWorksAcrossVersionsThroughTheMigration) {
    const auto f = v2();
    const Registry registry({}, no_plugins());
    const auto old = migrate(f, v1_assessment()).migrated;
    auto newer = migrate(f, read_assessment(source_dir() / "examples" / "trust" / "community-diabetes-2026.toml")).migrated;
    const auto c = compare(registry, f, old, newer);
    EXPECT_EQ(c.framework_id, "newham-service");
    EXPECT_FALSE(c.changes.empty());
    for (const auto& change : c.changes) EXPECT_NE(f.find_criterion(change.id), nullptr);
}

TEST(Versions, UnexplainedCriteriaAreKeptAsideAndLaterVersionsRefused) {
    const auto f = v2();
    auto old = v1_assessment();
    old.records["workforce.skills.advanced.9"].status = Status::met;  // in neither version
    const auto m = migrate(f, old);
    EXPECT_EQ(m.removed.count("workforce.skills.advanced.9"), 1u);
    EXPECT_EQ(m.log.back().kind, "kept_aside");
    old.framework_version = "3.0.0";
    EXPECT_THROW((void)migrate(f, old), AssessmentError);
}

}  // namespace
}  // namespace routemap::test
