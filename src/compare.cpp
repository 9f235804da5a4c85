#include <routemap/compare.hpp>

#include <routemap/assessment.hpp>
#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/registry.hpp>

namespace routemap {

std::string_view to_string(ChangeKind kind) noexcept {
    switch (kind) {
        case ChangeKind::newly_met: return "newly_met";
        case ChangeKind::regressed: return "regressed";
        case ChangeKind::improved: return "improved";
        case ChangeKind::excluded: return "excluded";
        case ChangeKind::reinstated: return "reinstated";
        case ChangeKind::other: break;
    }
    return "other";
}

namespace {
const LevelChange& find_change(const std::vector<LevelChange>& changes, std::string_view id, std::string_view what) {
    for (const auto& c : changes)
        if (c.id == id) return c;
    throw NotFoundError("no " + std::string(what) + " '" + std::string(id) + "' in this comparison");
}
}  // namespace

const LevelChange& Comparison::area(std::string_view id) const { return find_change(areas, id, "area"); }
const LevelChange& Comparison::domain(std::string_view id) const { return find_change(domains, id, "domain"); }

std::vector<CriterionChange> Comparison::of_kind(ChangeKind kind) const {
    std::vector<CriterionChange> out;
    for (const auto& c : changes)
        if (c.kind == kind) out.push_back(c);
    return out;
}

std::vector<CriterionChange> Comparison::newly_met() const { return of_kind(ChangeKind::newly_met); }
std::vector<CriterionChange> Comparison::regressed() const { return of_kind(ChangeKind::regressed); }

std::array<std::size_t, change_kind_count> Comparison::counts() const {
    std::array<std::size_t, change_kind_count> out{};
    for (const auto& c : changes) ++out[static_cast<std::size_t>(c.kind)];
    return out;
}

ChangeKind classify_change(Status before, Status after) noexcept {
    const bool after_low = after == Status::not_met || after == Status::unknown;
    if (before == after) return ChangeKind::other;  // not a change; compare() never lists it
    if (after == Status::met) return ChangeKind::newly_met;
    if (after == Status::not_applicable) return ChangeKind::excluded;
    if (before == Status::not_applicable) return ChangeKind::reinstated;
    if (before == Status::met) return ChangeKind::regressed;
    if (before == Status::partial && after_low) return ChangeKind::regressed;
    if (after == Status::partial) return ChangeKind::improved;
    return ChangeKind::other;
}

namespace {

LevelChange change(const ScoreNode& before, const ScoreNode& after) {
    return LevelChange{after.id,         after.name,       before.level,       after.level,
                       before.score,     after.score,      before.applicable,  after.applicable};
}

}  // namespace

Comparison compare(const Registry& registry, const Framework& framework, const Assessment& before,
                   const Assessment& after, std::string_view model) {
    if (before.subject != after.subject)
        throw AssessmentError("cannot compare assessments of different subjects: '" + before.subject + "' (" +
                              before.file + ") and '" + after.subject + "' (" + after.file + ")");
    const auto old_score = score(registry, framework, before, model);
    const auto new_score = score(registry, framework, after, model);
    Comparison out;
    out.framework_id = framework.id();
    out.subject = after.subject;
    out.before_date = before.date;
    out.after_date = after.date;
    out.model = new_score.model;
    out.overall = change(old_score.overall, new_score.overall);
    for (std::size_t i = 0; i < new_score.domains.size(); ++i)
        out.domains.push_back(change(old_score.domains[i], new_score.domains[i]));
    for (std::size_t i = 0; i < new_score.areas.size(); ++i)
        out.areas.push_back(change(old_score.areas[i], new_score.areas[i]));
    const auto b = before.statuses(framework), a = after.statuses(framework);
    const auto bc = before.codes(framework), ac = after.codes(framework);
    auto answer = [&](std::uint8_t code) {
        return code >= first_answer_code ? framework.answers()[code - first_answer_code].id : std::string();
    };
    for (const auto& c : framework.criteria()) {
        if (bc[c.index] == ac[c.index]) continue;
        CriterionChange change{c.id, b[c.index], a[c.index], classify_change(b[c.index], a[c.index]),
                               answer(bc[c.index]), answer(ac[c.index])};
        if (b[c.index] == a[c.index]) {
            // Two answers (or an answer and a status) with the same meaning: their credits decide.
            auto credit = [&](std::uint8_t code) {
                if (code >= first_answer_code) return framework.answers()[code - first_answer_code].credit;
                return code == static_cast<std::uint8_t>(Status::met) ? 1.0 : code == static_cast<std::uint8_t>(Status::partial) ? 0.5 : 0.0;
            };
            const double before_credit = credit(bc[c.index]), after_credit = credit(ac[c.index]);
            change.kind = after_credit > before_credit   ? ChangeKind::improved
                          : after_credit < before_credit ? ChangeKind::regressed
                                                         : ChangeKind::other;
        }
        out.changes.push_back(std::move(change));
    }
    return out;
}

}  // namespace routemap
