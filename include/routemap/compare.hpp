#pragma once
// Comparing two assessments of the same subject: the pledge's annual summary of progress.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/scoring.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Assessment;
class Framework;
class Registry;

// A node's level and score before and after. A side where the node is not applicable has level
// not_applicable_level and a NaN score; delta() is then 0 and changed_applicability() says so.
struct LevelChange {
    std::string id;
    std::string name;
    int before_level = 0;
    int after_level = 0;
    double before_score = 0.0;
    double after_score = 0.0;
    bool before_applicable = true;
    bool after_applicable = true;
    [[nodiscard]] int delta() const noexcept {
        return before_applicable && after_applicable ? after_level - before_level : 0;
    }
    [[nodiscard]] bool changed_applicability() const noexcept { return before_applicable != after_applicable; }
};

// Every status transition has exactly one kind (the table is in docs/scoring.md, "Comparing"):
//   newly_met   anything else -> met
//   regressed   met -> partial, not_met or unknown; partial -> not_met or unknown
//   improved    not_met or unknown -> partial
//   excluded    anything applicable -> not_applicable (an auditor wants to see these)
//   reinstated  not_applicable -> partial, not_met or unknown
//   other       not_met <-> unknown (both count as not met)
// Two answers of an answer scale with the same meaning: improved when the credit rises, regressed
// when it falls, other when it stays.
enum class ChangeKind { newly_met, regressed, improved, excluded, reinstated, other };
inline constexpr std::size_t change_kind_count = 6;
// "newly_met", "regressed", "improved", "excluded", "reinstated", "other".
std::string_view to_string(ChangeKind kind) noexcept;
ChangeKind classify_change(Status before, Status after) noexcept;

struct CriterionChange {
    std::string id;
    Status before = Status::unknown;
    Status after = Status::unknown;
    ChangeKind kind = ChangeKind::other;
    std::string before_answer;  // the answers, when the criterion was answered on a scale
    std::string after_answer;
};

struct Comparison {
    std::string framework_id;
    std::string subject;
    std::string before_date;
    std::string after_date;
    std::string model;
    LevelChange overall;
    std::vector<LevelChange> domains;
    std::vector<LevelChange> areas;
    std::vector<CriterionChange> changes;  // every criterion whose status changed, framework order

    [[nodiscard]] const LevelChange& area(std::string_view id) const;
    [[nodiscard]] const LevelChange& domain(std::string_view id) const;
    [[nodiscard]] std::vector<CriterionChange> newly_met() const;
    [[nodiscard]] std::vector<CriterionChange> regressed() const;
    [[nodiscard]] std::vector<CriterionChange> of_kind(ChangeKind kind) const;
    // How many changes of each kind, indexed by ChangeKind.
    [[nodiscard]] std::array<std::size_t, change_kind_count> counts() const;
};

// Throws AssessmentError when the subjects differ or either assessment does not fit the framework.
Comparison compare(const Registry& registry, const Framework& framework, const Assessment& before,
                   const Assessment& after, std::string_view model = {});

}  // namespace routemap
