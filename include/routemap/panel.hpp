#pragma once
// Several assessors: independent ratings of one subject at one date against one framework, a
// consensus assessment by a rule the caller chooses, where and how much the raters disagree, the
// level each rater alone would give, and agreement statistics (Krippendorff's alpha). docs/panels.md.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/agreement.hpp>
#include <routemap/assessment.hpp>
#include <routemap/framework_spec.hpp>
#include <routemap/scoring.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Framework;
class Registry;

// How the raters' statuses of one criterion become one (docs/panels.md, "Consensus rules").
// Unknown is a missing rating; not applicable wins only when more than half of the raters who
// answered (known votes) say so; the rest is on the ordinal scale not met < partial < met:
//   median    the median rating; with an even number, the lower of the two middle ones
//   lowest    the lowest rating
//   majority  the most frequent rating; a tie goes to the lowest of the tied ratings
enum class ConsensusRule { median, lowest, majority };
std::string_view to_string(ConsensusRule rule) noexcept;
// "median", "lowest" or "majority"; throws Error otherwise.
ConsensusRule consensus_rule_from_name(std::string_view name);

// The ordinal code of a rated status (not met 1, partial 2, met 3); 0 for unknown and not applicable.
[[nodiscard]] int ordinal_code(Status status) noexcept;
// The consensus of one criterion's votes by a rule (unknown when nobody rated it).
[[nodiscard]] Status consensus_status(const std::vector<Status>& votes, ConsensusRule rule);

struct Rater {
    std::string name;  // the file's assessors joined with " & ", or the file's name when it lists none
    std::string file;
    std::vector<std::string> assessors;
};

// One criterion as the panel saw it.
struct CriterionVotes {
    std::string id;
    std::size_t criterion = 0;    // index into Framework::criteria()
    std::size_t area = 0;         // index into Framework::areas()
    std::size_t domain = 0;       // index into Framework::domains()
    std::vector<Status> votes;    // one per rater, in rater order
    Status consensus = Status::unknown;
    // Raters who answered (not unknown) gave different statuses.
    bool disputed = false;
    // Highest minus lowest ordinal code among rated votes (0..2); 0 with fewer than two.
    int spread = 0;
    // Raters (indices) whose known vote differs from the consensus.
    std::vector<std::size_t> differs;
    [[nodiscard]] std::size_t known() const noexcept;  // votes that are not unknown
};

// Disagreement in one area, one domain, or overall.
struct NodeDisagreement {
    std::string id;
    std::string name;
    std::size_t criteria = 0;
    std::size_t compared = 0;  // criteria with at least two known votes
    std::size_t disputed = 0;
    std::size_t spread_two = 0;  // disputed with a spread of 2 (met against not met)
    int max_spread = 0;
};

// How not-applicable ratings enter the nominal alpha: as missing ratings, or as a fourth value.
enum class NotApplicableRatings { missing, category };

struct DomainAgreement {
    std::string id;
    std::string name;
    AlphaEstimate ordinal;
    AlphaEstimate nominal;
};

struct PanelAgreement {
    AlphaEstimate ordinal;   // not applicable missing
    AlphaEstimate nominal;   // not applicable as the options say
    std::vector<DomainAgreement> domains;
    NotApplicableRatings not_applicable = NotApplicableRatings::missing;
};

struct PanelOptions {
    ConsensusRule rule = ConsensusRule::median;
    std::string model;  // scoring model for the levels; empty: the framework's default
    BootstrapOptions bootstrap;  // for the alpha intervals
    NotApplicableRatings not_applicable = NotApplicableRatings::missing;  // in the nominal alpha
};

struct Panel {
    std::string framework_id;
    std::string framework_version;
    std::string subject;
    std::string date;
    ConsensusRule rule = ConsensusRule::median;
    std::string model;
    std::vector<Rater> raters;
    std::vector<CriterionVotes> criteria;  // every criterion, framework order
    NodeDisagreement overall;
    std::vector<NodeDisagreement> domains;  // framework order
    std::vector<NodeDisagreement> areas;    // framework order
    Assessment consensus;                   // who said what kept in each record (docs/panels.md)
    ScoreResult consensus_score;
    std::vector<ScoreResult> rater_scores;  // the level each rater alone would give, rater order
    PanelAgreement agreement;               // panel_agreement() with the options' bootstrap

    [[nodiscard]] std::vector<CriterionVotes> disputed() const;
    [[nodiscard]] const CriterionVotes& criterion(std::string_view id) const;  // NotFoundError
};

// Checks that the assessments rate the same framework (id and version), subject and date, each fits
// the framework, there are at least two, and their raters' names differ (AssessmentError naming the
// files otherwise); then builds the consensus and the disagreement, and scores each rater.
Panel make_panel(const Registry& registry, const Framework& framework, const std::vector<Assessment>& ratings,
                 const PanelOptions& options = {});

// One file holding each rater's status per criterion (docs/file-formats.md, "One file for a panel"),
// as one ordinary Assessment per rater (assessors = that rater). Throws AssessmentError listing
// every problem, with line and column; read_panel_file also IoError.
std::vector<Assessment> parse_panel_file(std::string_view text, const std::string& source_name = "<string>");
std::vector<Assessment> read_panel_file(const std::filesystem::path& file);
// True for a .toml file with a [panel] table (an ordinary assessment has [assessment]); false for
// other extensions and malformed TOML; IoError when a .toml file cannot be read.
bool is_panel_file(const std::filesystem::path& file);

// Raters' names, in order: the file's assessors joined with " & ", else the file's stem, else
// "rater N"; AssessmentError when two are the same.
std::vector<Rater> panel_raters(const std::vector<Assessment>& ratings);

// Units = criteria (framework order, or those of one domain), one row per rater; values are the
// ordinal codes 1..3; unknown is missing; not applicable is missing, or the value 4 with
// NotApplicableRatings::category (meaningful with the nominal metric only). An empty domain means
// every criterion; an unknown domain id is a NotFoundError.
ReliabilityData reliability_data(const Panel& panel, NotApplicableRatings not_applicable = NotApplicableRatings::missing,
                                 std::string_view domain = {});

// Alpha (ordinal and nominal) with bootstrap intervals, overall and per domain. The ordinal alpha
// always treats not applicable as missing (it has no place on the scale).
PanelAgreement panel_agreement(const Panel& panel, const BootstrapOptions& options = {},
                               NotApplicableRatings not_applicable = NotApplicableRatings::missing);

}  // namespace routemap
