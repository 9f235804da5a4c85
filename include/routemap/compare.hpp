#pragma once
// Comparing two assessments of the same subject: the pledge's annual summary of progress.

#include <string>
#include <string_view>
#include <vector>

#include <routemap/scoring.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Assessment;
class Framework;
class Registry;

struct LevelChange {
    std::string id;
    std::string name;
    int before_level = 0;
    int after_level = 0;
    double before_score = 0.0;
    double after_score = 0.0;
    [[nodiscard]] int delta() const noexcept { return after_level - before_level; }
};

enum class ChangeKind { newly_met, regressed, improved, other };
// "newly_met", "regressed", "improved", "other".
std::string_view to_string(ChangeKind kind) noexcept;

struct CriterionChange {
    std::string id;
    Status before = Status::unknown;
    Status after = Status::unknown;
    ChangeKind kind = ChangeKind::other;
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
};

// newly_met: not met before, met now. regressed: met before and not now, or partial before and
// not_met/unknown now. improved: not_met/unknown before, partial now. Throws AssessmentError when the
// subjects differ or either assessment does not fit the framework.
Comparison compare(const Registry& registry, const Framework& framework, const Assessment& before,
                   const Assessment& after, std::string_view model = {});

}  // namespace routemap
