// Consensus rules (docs/panels.md, "Consensus rules"): from the raters' statuses of one criterion to
// one status, and the consensus record that keeps who said what.

#include <algorithm>
#include <array>

#include <routemap/error.hpp>
#include <routemap/panel.hpp>

#include "panel/panel_detail.hpp"

namespace routemap {

std::string_view to_string(ConsensusRule rule) noexcept {
    switch (rule) {
        case ConsensusRule::lowest: return "lowest";
        case ConsensusRule::majority: return "majority";
        case ConsensusRule::median: break;
    }
    return "median";
}

ConsensusRule consensus_rule_from_name(std::string_view name) {
    for (const auto r : {ConsensusRule::median, ConsensusRule::lowest, ConsensusRule::majority})
        if (to_string(r) == name) return r;
    throw Error("unknown consensus rule '" + std::string(name) + "': use median, lowest or majority");
}

int ordinal_code(Status status) noexcept {
    switch (status) {
        case Status::not_met: return 1;
        case Status::partial: return 2;
        case Status::met: return 3;
        default: return 0;
    }
}

namespace {
constexpr std::array<Status, 4> by_code{Status::unknown, Status::not_met, Status::partial, Status::met};
}

Status consensus_status(const std::vector<Status>& votes, ConsensusRule rule) {
    std::vector<int> codes;
    std::size_t not_applicable = 0;
    for (const auto v : votes) {
        if (v == Status::not_applicable) ++not_applicable;
        else if (const int c = ordinal_code(v)) codes.push_back(c);
    }
    const std::size_t known = codes.size() + not_applicable;
    if (known == 0) return Status::unknown;
    if (2 * not_applicable > known) return Status::not_applicable;
    if (codes.empty()) return Status::unknown;
    std::sort(codes.begin(), codes.end());
    switch (rule) {
        case ConsensusRule::lowest: return by_code[static_cast<std::size_t>(codes.front())];
        case ConsensusRule::majority: {
            std::array<std::size_t, 4> count{};
            for (const int c : codes) ++count[static_cast<std::size_t>(c)];
            std::size_t best = 1;
            for (std::size_t c = 2; c <= 3; ++c)
                if (count[c] > count[best]) best = c;  // strictly more: a tie keeps the lower status
            return by_code[best];
        }
        case ConsensusRule::median: break;
    }
    return by_code[static_cast<std::size_t>(codes[(codes.size() - 1) / 2])];  // the lower middle one
}

namespace detail::panel {

namespace {

// Raters' texts as "NAME: text" lines; raters who wrote the same text share one line ("A, B: text").
class TextByRaters {
public:
    void add(const std::string& name, const std::string& text) {
        if (text.empty()) return;
        for (auto& [names, t] : entries_)
            if (t == text) {
                names += ", " + name;
                return;
            }
        entries_.emplace_back(name, text);
    }
    [[nodiscard]] std::string lines() const {
        std::string out;
        for (const auto& [names, text] : entries_) out += (out.empty() ? "" : "\n") + names + ": " + text;
        return out;
    }

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace

CriterionRecord consensus_record(const std::vector<Rater>& raters, const std::vector<const CriterionRecord*>& records,
                                 const CriterionVotes& votes, ConsensusRule rule) {
    CriterionRecord out;
    out.status = votes.consensus;
    // First line of the note: the rule, the verdict and every rater's vote, in rater order.
    std::string said;
    for (std::size_t r = 0; r < raters.size(); ++r)
        said += (r ? "; " : "") + raters[r].name + " = " + std::string(to_string(votes.votes[r]));
    out.note = "panel (" + std::string(to_string(rule)) + " of " + std::to_string(raters.size()) + " raters, " +
               (votes.disputed ? "disputed" : "agreed") + "): " + said;
    std::array<std::size_t, 3> reasons{};
    TextByRaters evidence, notes, exclusion_texts;
    for (std::size_t r = 0; r < raters.size(); ++r) {
        const auto* rec = records[r];
        if (!rec) continue;
        const auto& name = raters[r].name;
        evidence.add(name, rec->evidence);
        notes.add(name, rec->note);
        if (rec->status == Status::not_applicable && rec->exclusion) ++reasons[static_cast<std::size_t>(*rec->exclusion)];
        if (out.status == Status::not_applicable && rec->status == Status::not_applicable) exclusion_texts.add(name, rec->exclusion_text);
    }
    out.evidence = evidence.lines();
    if (const auto more = notes.lines(); !more.empty()) out.note += "\n" + more;
    out.exclusion_text = exclusion_texts.lines();
    // Owner and due date: from the first rater who agrees with the consensus and gives one, else any rater.
    for (const bool agreeing_only : {true, false})
        for (std::size_t r = 0; r < raters.size(); ++r) {
            const auto* rec = records[r];
            if (!rec || (agreeing_only && rec->status != out.status)) continue;
            if (out.owner.empty()) out.owner = rec->owner;
            if (out.due.empty()) out.due = rec->due;
        }
    if (out.status == Status::not_applicable) {
        std::size_t best = 0;  // the reason most not-applicable votes gave; a tie keeps the first listed
        for (std::size_t k = 1; k < reasons.size(); ++k)
            if (reasons[k] > reasons[best]) best = k;
        out.exclusion = static_cast<Exclusion>(best);
    }
    return out;
}

}  // namespace detail::panel

}  // namespace routemap
