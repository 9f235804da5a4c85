// make_panel: the votes per criterion, the consensus assessment, the disagreement per criterion,
// area, domain and overall, and the level each rater alone would give (the scoring API's own score).

#include <algorithm>
#include <set>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/panel.hpp>
#include <routemap/registry.hpp>

#include "panel/panel_detail.hpp"

namespace routemap {

std::size_t CriterionVotes::known() const noexcept {
    return static_cast<std::size_t>(std::count_if(votes.begin(), votes.end(), [](Status s) { return s != Status::unknown; }));
}

std::vector<CriterionVotes> Panel::disputed() const {
    std::vector<CriterionVotes> out;
    for (const auto& c : criteria)
        if (c.disputed) out.push_back(c);
    return out;
}

const CriterionVotes& Panel::criterion(std::string_view id) const {
    for (const auto& c : criteria)
        if (c.id == id) return c;
    throw NotFoundError("no criterion '" + std::string(id) + "' in this panel");
}

namespace {

CriterionVotes tally(const Criterion& c, std::vector<Status> votes, ConsensusRule rule) {
    CriterionVotes out{c.id, c.index, c.area, c.domain, std::move(votes), Status::unknown, false, 0, {}};
    out.consensus = consensus_status(out.votes, rule);
    std::set<Status> known;
    int lo = 4, hi = 0;
    for (std::size_t r = 0; r < out.votes.size(); ++r) {
        const auto v = out.votes[r];
        if (v == Status::unknown) continue;
        known.insert(v);
        if (v != out.consensus) out.differs.push_back(r);
        if (const int code = ordinal_code(v)) {
            lo = std::min(lo, code);
            hi = std::max(hi, code);
        }
    }
    out.disputed = known.size() > 1;
    out.spread = hi >= lo ? hi - lo : 0;
    return out;
}

void count(NodeDisagreement& node, const CriterionVotes& c) {
    ++node.criteria;
    if (c.known() >= 2) ++node.compared;
    if (c.disputed) ++node.disputed;
    if (c.spread == 2) ++node.spread_two;
    node.max_spread = std::max(node.max_spread, c.spread);
}

Assessment consensus_assessment(const Framework& framework, const std::vector<Assessment>& ratings,
                                const std::vector<Rater>& raters, const std::vector<CriterionVotes>& criteria,
                                ConsensusRule rule) {
    Assessment out;
    const auto& first = ratings.front();
    out.framework_id = framework.id();
    out.framework_version = framework.version();
    out.subject = first.subject;
    out.date = first.date;
    std::string from;
    for (std::size_t r = 0; r < raters.size(); ++r) {
        for (const auto& name : raters[r].assessors)
            if (std::find(out.assessors.begin(), out.assessors.end(), name) == out.assessors.end()) out.assessors.push_back(name);
        from += (r ? "; " : "") + raters[r].name + (raters[r].file.empty() ? "" : " (" + raters[r].file + ")");
    }
    out.notes = "Consensus by the " + std::string(to_string(rule)) + " rule of " + std::to_string(raters.size()) +
                " independent ratings: " + from + ". Each criterion's note lists who said what (routemap panel).";
    for (std::size_t r = 0; r < raters.size(); ++r)
        if (!ratings[r].notes.empty()) out.notes += "\n" + raters[r].name + ": " + ratings[r].notes;
    for (const auto& c : criteria) {
        std::vector<const CriterionRecord*> records(ratings.size(), nullptr);
        bool any = false;
        for (std::size_t r = 0; r < ratings.size(); ++r) {
            const auto it = ratings[r].records.find(c.id);
            if (it != ratings[r].records.end()) {
                records[r] = &it->second;
                any = true;
            }
        }
        if (any || c.consensus != Status::unknown)
            out.records[c.id] = detail::panel::consensus_record(raters, records, c, rule);
    }
    return out;
}

}  // namespace

Panel make_panel(const Registry& registry, const Framework& framework, const std::vector<Assessment>& ratings,
                 const PanelOptions& options) {
    detail::panel::check_ratings(framework, ratings);
    Panel out;
    out.framework_id = framework.id();
    out.framework_version = framework.version();
    out.subject = ratings.front().subject;
    out.date = ratings.front().date;
    out.rule = options.rule;
    out.raters = panel_raters(ratings);
    std::vector<std::vector<Status>> statuses;
    for (const auto& a : ratings) statuses.push_back(a.statuses(framework));
    out.overall = {framework.id(), framework.name(), 0, 0, 0, 0, 0};
    for (const auto& d : framework.domains()) out.domains.push_back({d.id, d.name, 0, 0, 0, 0, 0});
    for (const auto& a : framework.areas()) out.areas.push_back({a.id, a.name, 0, 0, 0, 0, 0});
    for (const auto& c : framework.criteria()) {
        std::vector<Status> votes;
        for (const auto& s : statuses) votes.push_back(s[c.index]);
        out.criteria.push_back(tally(c, std::move(votes), options.rule));
        count(out.overall, out.criteria.back());
        count(out.domains[c.domain], out.criteria.back());
        count(out.areas[c.area], out.criteria.back());
    }
    out.consensus = consensus_assessment(framework, ratings, out.raters, out.criteria, options.rule);
    out.consensus_score = score(registry, framework, out.consensus, options.model);
    out.model = out.consensus_score.model;
    for (const auto& a : ratings) out.rater_scores.push_back(score(registry, framework, a, options.model));
    out.agreement = panel_agreement(out, options.bootstrap, options.not_applicable);
    return out;
}

}  // namespace routemap
