#pragma once
// Framework versions: a framework file declares how it changed since earlier versions ([[changes]]:
// renamed, moved, split, merged, removed criteria, renamed tiers), and an assessment of an earlier
// version migrates to the current one with a change log, losing nothing: records of removed criteria
// are kept aside (Migration::removed; `routemap migrate` writes them beside the new file). See
// docs/versions.md.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/diagnostic.hpp>

namespace routemap {

class Framework;

// One [[changes]] entry of a framework file: how it changed since an earlier version.
//   renamed, moved  one criterion id -> one new id (moved: into another area or domain)
//   split           one criterion -> several
//   merged          several criteria -> one
//   removed         one or more criteria, gone (their records are kept aside by migrate)
//   tier_renamed    a tier id -> a new tier id (criterion ids containing it follow)
struct FrameworkChange {
    std::string since;  // the earlier version this change is relative to
    std::string kind;
    std::vector<std::string> from;
    std::vector<std::string> to;
    std::string note;
    SourceLocation location;
};

// The framework's [[changes]], read from its file (checked when the framework was loaded); none for a
// framework that has no file (built in code or by a plugin).
std::vector<FrameworkChange> framework_changes(const Framework& framework);

// -1, 0 or 1, comparing dotted versions number by number ("1.10.0" > "1.9.0"); non-numeric parts as text.
int compare_versions(std::string_view a, std::string_view b) noexcept;

// The changes that lead from `version` to the framework's own version: those whose `since` is at or
// after `version` (and before the framework's version), in file order.
std::vector<FrameworkChange> changes_since(const Framework& framework, std::string_view version);

struct MigrationStep {
    std::string kind;  // a change kind, or "kept_aside" for a criterion the new version does not know
    std::vector<std::string> from;
    std::vector<std::string> to;
    std::string detail;  // what happened to this assessment's records
};

struct Migration {
    std::string framework_id;
    std::string from_version;
    std::string to_version;
    Assessment migrated;  // against the framework's version; split and merged records say REVIEW:
    std::vector<MigrationStep> log;
    std::map<std::string, CriterionRecord> removed;  // old id -> its record, untouched

    // Every difference, one line each: what an assessment of the old version meets in the new one.
    [[nodiscard]] std::vector<std::string> differences() const;
};

// Migrates an assessment of an earlier version of `framework` (same id) to the framework's version.
// Throws AssessmentError when the assessment is of another framework, of a later version, or when the
// migrated assessment does not fit the framework (a change that names unknown ids).
Migration migrate(const Framework& framework, const Assessment& assessment);

// The side file `routemap migrate` writes beside the new assessment (TOML): the versions, the log,
// and every removed record in full ([removed."<old id>"], with the keys of an assessment record).
std::string format_migration_record(const Migration& migration);

}  // namespace routemap
