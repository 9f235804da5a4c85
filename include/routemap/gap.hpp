#pragma once
// Gap analysis: what stands between an assessment and a target.

#include <span>
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
    std::vector<std::string> required_by;  // gap criteria that need it (for prerequisites)
};

struct AreaGap {
    std::string area_id;
    std::string domain_id;
    std::string name;
    bool applicable = true;
    int current_level = 0;  // staged level
    int target_level = 0;
    std::vector<std::size_t> to_close;  // criterion indices in this area that must become met (framework order)
    std::size_t partial = 0;
    std::size_t required = 0;  // applicable criteria at or below the target in this area
    std::size_t met = 0;       // of which met
    [[nodiscard]] bool reached() const noexcept { return to_close.empty(); }
};

struct GapSummary {
    std::string id;  // domain id, or the framework id for the total
    std::string name;
    std::size_t to_close = 0;
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

// Criteria to close for an area: the unmet applicable criteria of tiers up to its target; then, for
// all of them, their unmet applicable prerequisites, transitively (any area). Not-applicable
// prerequisites do not block.
GapAnalysis analyse_gap(const Framework& framework, std::span<const Status> statuses, const Target& target);
GapAnalysis analyse_gap(const Framework& framework, const Assessment& assessment, const Target& target);

}  // namespace routemap
