#pragma once
// routemap::detail is not public API: the pieces of make_panel (src/panel/), one file each.

#include <vector>

#include <routemap/panel.hpp>

namespace routemap::detail::panel {

// AssessmentError unless every rating fits the framework and they share subject and date (ratings.cpp).
void check_ratings(const Framework& framework, const std::vector<Assessment>& ratings);

// The consensus record of one criterion, keeping who said what (consensus.cpp, docs/panels.md).
CriterionRecord consensus_record(const std::vector<Rater>& raters, const std::vector<const CriterionRecord*>& records,
                                 const CriterionVotes& votes, ConsensusRule rule);

}  // namespace routemap::detail::panel
