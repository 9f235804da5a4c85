#pragma once
// Roll-up: an organisation view computed from its parts' assessments (services of a trust) through
// a crosswalk (service -> organisation), with a rule chosen by the caller and provenance: which
// parts hold each criterion, area and domain down. A draft to review, like a projection.
// Rules and their meaning: docs/crosswalks.md, "Roll-up".

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/crosswalk.hpp>
#include <routemap/scoring.hpp>

namespace routemap {

class Framework;
class Registry;

//   weakest  a criterion stands where its weakest part stands (the lowest suggestion)
//   median   where the middle part stands (the lower middle for an even count)
//   share    met when at least `share` of the parts are met, partial when at least `share` are
//            met or partial, not_met otherwise
enum class RollupRule { weakest, median, share };
std::string_view to_string(RollupRule rule) noexcept;
// Throws Error on an unknown name.
RollupRule rollup_rule_from_name(std::string_view name);

struct RollupOptions {
    RollupRule rule = RollupRule::weakest;
    double share = 0.75;  // for RollupRule::share, in (0, 1]
    std::string model;    // scoring model for levels; empty: the target framework's default
};

struct PartStatus {
    std::string subject;
    Status status = Status::unknown;  // the part's projected suggestion (unknown: no link suggested anything)
};

struct RolledCriterion {
    std::string id;
    Status status = Status::unknown;
    std::vector<PartStatus> parts;              // one per part, in part order
    std::vector<std::string> held_down_by;      // parts at the lowest status, when it is below met
    std::array<std::size_t, status_count> counts{};  // parts by status
};

struct RolledNode {
    std::string id;
    std::string name;
    int level = 0;  // of the rolled-up assessment
    std::vector<std::pair<std::string, int>> part_levels;  // each part's projected level
    std::vector<std::string> held_down_by;  // parts at the lowest level, when it is below the top
};

struct Rollup {
    std::string framework_id;
    std::string from_framework;
    std::string mapping_file;
    RollupOptions options;
    std::vector<std::string> parts;   // subjects
    std::vector<std::string> files;   // their files
    Assessment draft;                 // of the target framework, every rolled record flagged REVIEW:
    ScoreResult score;                // of the draft
    std::vector<RolledCriterion> criteria;  // target order, only those some link reaches
    std::vector<RolledNode> domains;  // target order
    std::vector<RolledNode> areas;
};

// `parts` are assessments of mapping.from_framework (each validated); the mapping goes from them to
// `to`. Throws Error when there are no parts.
Rollup rollup(const Registry& registry, const Framework& to, std::span<const Assessment* const> parts, const Mapping& mapping,
              const RollupOptions& options = {});

}  // namespace routemap

namespace routemap {

// The roll-up as a report section (HTML, every string escaped): per domain and area the rolled-up
// level, each part's projected level and who holds it down, then the criteria that are not met
// everywhere. rollup_report_html wraps it in a self-contained page (inline CSS, no script).
std::string rollup_html_section(const Rollup& rollup, const Framework& framework);
std::string rollup_report_html(const Rollup& rollup, const Framework& framework);

}  // namespace routemap
