#pragma once
// Gap analysis: what stands between an assessment and a target.

#include <span>
#include <string_view>
#include <string>
#include <vector>

#include <routemap/status.hpp>
#include <routemap/target.hpp>

namespace routemap {

class Assessment;
class Framework;

struct GapItem {
    std::size_t criterion = 0;  // index into Framework::criteria()
    std::string id;
    Status status = Status::unknown;
    bool partial = false;         // already partly there
    bool prerequisite = false;    // not required by its own area's target, but by another gap criterion
    std::vector<std::string> required_by;  // for prerequisites: the gap criteria that directly require it
    // Who closes it and by when, from the assessment's record (empty when not given, or when the gap
    // was computed from bare statuses). Overdue: the due date is an ISO date before the assessment's.
    std::string owner;
    std::string due;
    bool overdue = false;
};

struct AreaGap {
    std::string area_id;
    std::string domain_id;
    std::string name;
    bool applicable = true;  // false when every criterion of the area is not applicable
    int current_level = 0;   // staged level; not_applicable_level (-1) when not applicable
    int target_level = 0;
    // Every gap item in this area, framework order: its own target's criteria and the prerequisites
    // other areas need from it (flagged in the items), so that the area's row holds all its work.
    std::vector<std::size_t> to_close;
    std::size_t prerequisites = 0;  // of to_close, how many are prerequisites of other gap criteria
    std::size_t partial = 0;        // of to_close, how many are partial
    std::size_t required = 0;  // applicable criteria at or below the target, plus the prerequisites
    std::size_t met = 0;       // of the required, how many are met
    // Nothing left to close. The staged level may still be below the target when the area has no
    // criteria at the target tier (it cannot reach a tier it does not use).
    [[nodiscard]] bool reached() const noexcept { return to_close.empty(); }
};

// A domain's or the whole framework's totals: the sums of its areas' rows.
struct GapSummary {
    std::string id;  // domain id, or the framework id for the total
    std::string name;
    std::size_t to_close = 0;
    std::size_t prerequisites = 0;
    std::size_t partial = 0;
    std::size_t required = 0;
    std::size_t met = 0;
    std::vector<std::size_t> to_close_by_tier;
    [[nodiscard]] double done_share() const noexcept {
        return required == 0 ? 1.0 : static_cast<double>(met) / static_cast<double>(required);
    }
};

struct GapAnalysis {
    std::string framework_id;
    Target target;
    std::vector<AreaGap> areas;     // framework order
    std::vector<GapItem> items;     // every criterion to close, framework order, each once
    std::vector<GapSummary> domains;
    GapSummary total;
    std::vector<std::string> tier_ids;

    [[nodiscard]] const AreaGap& area(std::string_view id) const;
    [[nodiscard]] const GapItem* find_item(std::string_view criterion_id) const noexcept;
};

// Whether `due` is an ISO date (YYYY-MM-DD) strictly before `as_of` (also an ISO date); false when
// either is not a date (free-text due dates such as "Q3 2026" are never flagged).
[[nodiscard]] bool is_overdue(std::string_view due, std::string_view as_of) noexcept;

// Criteria to close for an area: the unmet applicable criteria of tiers up to its target; then, for
// all of them, their unmet applicable prerequisites, transitively (any area). The search stops at a
// met or not-applicable prerequisite: what lies behind it is not needed for this target. One
// traversal for the whole analysis (linear in criteria and edges).
GapAnalysis analyse_gap(const Framework& framework, std::span<const Status> statuses, const Target& target);
// The same from an assessment: each item also carries its record's owner and due date, flagged
// overdue against the assessment's date.
GapAnalysis analyse_gap(const Framework& framework, const Assessment& assessment, const Target& target);

}  // namespace routemap
