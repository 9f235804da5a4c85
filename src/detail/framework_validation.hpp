#pragma once
// routemap::detail is not public API: it may change in any release.
// Semantic checks of a FrameworkSpec, collecting every problem rather than stopping at the first.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <routemap/dependency_graph.hpp>
#include <routemap/framework.hpp>

#include "id_map.hpp"

namespace routemap::detail {

// Ids to positions in a Framework's vectors (its own ids, viewed): criterion lookups are on the hot
// path of building a framework and of reading and scoring assessments (id_map.hpp).
using IdIndex = IdMap<std::size_t>;

bool is_framework_id(const std::string& id);
bool is_id_segment(const std::string& id);
bool is_local_criterion_id(const std::string& id);
// An id segment made from free text ("Data collection" -> "data-collection"): ASCII letters and
// digits, lowercased, every other run of characters one hyphen; empty when nothing is left.
std::string slug(std::string_view text);
// The same for each dot-separated part of a local criterion id ("Fundamental..1" -> "fundamental.1").
std::string local_id_slug(std::string_view text);

class FrameworkValidator {
public:
    FrameworkValidator(const FrameworkSpec& spec, std::vector<Diagnostic>& out);

    bool add_tier(const TierSpec& tier);
    // Checks one answer scale (the framework's when `domain` is empty) and appends its answers to
    // `into`, numbered on from what `into` holds. Returns how many were added.
    std::size_t add_answers(const std::vector<AnswerSpec>& scale, const std::string& domain, std::vector<Answer>& into);
    bool add_domain(const DomainSpec& domain);
    // Remembers the criteria of a domain that was not built, so that `requires` naming them are
    // counted as follow-on errors rather than reported.
    void reject_domain(const DomainSpec& domain);
    bool add_area(const DomainSpec& domain, const AreaSpec& area, const std::string& full_id);
    // The tier index, or nullopt when the criterion is rejected.
    std::optional<std::size_t> add_criterion(const CriterionSpec& criterion, const std::string& full_id,
                                             const IdIndex& tiers,
                                             std::size_t tier_count);
    // Implicit (unless the framework turned them off) and explicit edges; reports unknown `requires`
    // targets and higher-tier requirements. `expected`: about how many (check_limits' count), reserved.
    std::vector<DependencyEdge> edges(const std::vector<Criterion>& criteria, const std::vector<Area>& areas,
                                      const IdIndex& index, std::size_t expected);
    void check_cycle(const DependencyGraph& graph, const std::vector<Criterion>& criteria);
    // The tiers an area declares (indices, or nullopt entries dropped after an error), checked against
    // its criteria; without a declaration, a warning naming the tiers the area skips.
    std::vector<std::size_t> area_tiers(const AreaSpec& spec, const std::string& area_id,
                                        std::span<const Criterion> criteria,
                                        const IdIndex& tier_index);
    // Adds the note counting the follow-on errors left out, if any.
    void finish();

    [[nodiscard]] const std::vector<Diagnostic>& found() const { return *out_; }
    [[nodiscard]] std::vector<Diagnostic> warnings() const;

private:
    void error(std::string message, const SourceLocation& where, std::string criterion = {});
    void warning(std::string message, const SourceLocation& where, std::string criterion = {});
    SourceLocation at(const SourceLocation& where) const;
    // Each id, and where it was first defined: a location in the spec, which outlives the validator.
    // The ids are the spec's own (tiers, domains) or copies in ids_ (full area and criterion ids).
    using IdsSeen = IdMap<const SourceLocation*>;
    bool check_unique(IdsSeen& seen, const std::string& what, const std::string& id, const SourceLocation& where,
                      const std::string& criterion = {}, bool copy_id = false);
    // `fixed_id`: the area's id once fixed as suggested (empty when it needs no fixing).
    void reject_criteria(const AreaSpec& area, const std::string& area_id, const std::string& fixed_id);
    [[nodiscard]] std::string known_tiers(std::string_view unknown) const;

    const FrameworkSpec& spec_;
    std::vector<Diagnostic>* out_;
    IdArena ids_;
    IdsSeen tiers_, domains_, areas_, criteria_;
    std::vector<const CriterionSpec*> specs_;  // of each accepted criterion, by its index
    // Root-cause reporting: what was rejected, so that what only follows from it is counted, not shown.
    std::unordered_map<std::string, bool> rejected_tiers_, rejected_criteria_;
    std::size_t follow_ons_ = 0;
    bool area_lost_criteria_ = false;  // the area being built had a criterion rejected
    std::size_t suggestion_budget_ = 0;
};

}  // namespace routemap::detail
