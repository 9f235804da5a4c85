// Projecting an assessment of one framework onto another through a mapping: a draft, never a verdict.

#include <routemap/crosswalk.hpp>

#include <algorithm>
#include <map>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

namespace routemap {

// The rule table of docs/crosswalks.md. A link says how the source item's content relates to the
// target item's; only what follows from set inclusion is suggested:
//   equal:      the target stands exactly where the source stands.
//   superset:   the target is inside the source: source met entails target met; a partial source
//               may have done the target's part or not (partial, to review); not_met says nothing.
//   subset:     the source is one part of the target: source met is part of the target (partial);
//               partial stays partial; source not_met means a required part is missing (not_met).
//   intersects: some shared content: met or partial suggest partial; not_met says nothing.
// Unknown and not_applicable sources suggest nothing.
std::optional<Status> suggest_status(Status source, Relationship relationship) noexcept {
    if (source == Status::unknown || source == Status::not_applicable) return std::nullopt;
    switch (relationship) {
        case Relationship::equal: return source;
        case Relationship::superset:
            if (source == Status::not_met) return std::nullopt;
            return source;
        case Relationship::subset:
            if (source == Status::met) return Status::partial;
            return source;
        case Relationship::intersects:
            if (source == Status::not_met) return std::nullopt;
            return Status::partial;
    }
    return std::nullopt;
}

Status item_status(const Framework& framework, const Assessment& assessment, std::string_view item) {
    if (framework.find_criterion(item)) return assessment.status(item);
    std::span<const Criterion> criteria;
    if (const auto* area = framework.find_area(item)) criteria = framework.criteria_of(*area);
    else if (const auto* domain = framework.find_domain(item)) criteria = framework.criteria_of(*domain);
    else throw NotFoundError("'" + std::string(item) + "' is not a domain, area or criterion of " + framework.id());
    std::size_t applicable = 0, met = 0, partial = 0, not_met = 0;
    for (const auto& c : criteria) {
        const auto s = assessment.status(c.id);
        if (s == Status::not_applicable) continue;
        ++applicable;
        met += s == Status::met;
        partial += s == Status::partial;
        not_met += s == Status::not_met;
    }
    if (applicable == 0) return Status::not_applicable;
    if (met == applicable) return Status::met;
    if (met == 0 && partial == 0) return not_met ? Status::not_met : Status::unknown;
    return Status::partial;
}

std::size_t Projection::count(Status status) const noexcept {
    return static_cast<std::size_t>(
        std::count_if(criteria.begin(), criteria.end(), [&](const ProjectedCriterion& c) { return c.status == status; }));
}

namespace {

int rank(Status s) { return s == Status::met ? 2 : s == Status::partial ? 1 : 0; }

// The target criteria a link's `to` item stands for.
std::span<const Criterion> target_criteria(const Framework& to, const std::string& item) {
    if (const auto* c = to.find_criterion(item)) return {&to.criteria()[c->index], 1};
    if (const auto* area = to.find_area(item)) return to.criteria_of(*area);
    if (const auto* domain = to.find_domain(item)) return to.criteria_of(*domain);
    return {};
}

std::string describe(const ProjectionSource& s, const std::string& framework_id) {
    std::string out = framework_id + " " + s.item + " is " + std::string(to_string(s.status)) + " (" +
                      std::string(to_string(s.relationship)) + (s.target_item.empty() ? "" : " " + s.target_item) + ")";
    out += s.suggests ? ": suggests " + std::string(to_string(*s.suggests)) : ": suggests nothing";
    return out;
}

}  // namespace

Projection project(const Framework& from, const Framework& to, const Assessment& assessment, const Mapping& mapping) {
    assessment.validate(from);
    if (auto problems = check_mapping(mapping, from, to); has_errors(problems)) throw FrameworkError(std::move(problems));
    std::map<std::size_t, ProjectedCriterion> by_index;
    std::map<std::size_t, int> specificity;  // of the most specific link reaching each target criterion
    for (const auto& link : mapping.links) {
        const auto source = item_status(from, assessment, link.from);
        auto suggestion = suggest_status(source, link.relationship);
        const auto kind = item_kind(to, link.to).value_or(ItemKind::criterion);
        // A group's partial or not met does not say which of its criteria: only met passes down.
        if (kind != ItemKind::criterion && suggestion != Status::met) suggestion.reset();
        const int level = kind == ItemKind::criterion ? 3 : kind == ItemKind::area ? 2 : 1;
        for (const auto& c : target_criteria(to, link.to)) {
            auto& p = by_index[c.index];
            p.id = c.id;
            auto& best = specificity[c.index];
            if (level < best) continue;  // a more specific link already speaks for this criterion
            if (level > best) p.sources.clear();
            best = level;
            p.sources.push_back({link.from, source, link.relationship, link.to == c.id ? std::string() : link.to,
                                 suggestion, link.rationale});
        }
    }
    Projection out;
    out.from_framework = from.id();
    out.to_framework = to.id();
    out.mapping_file = mapping.file;
    out.draft = Assessment{};
    out.draft.framework_id = to.id();
    out.draft.framework_version = to.version();
    out.draft.subject = assessment.subject;
    out.draft.date = assessment.date;
    out.draft.notes = "DRAFT projected by routemap from an assessment against " + from.id() + " " + from.version() +
                      (assessment.file.empty() ? std::string() : " (" + assessment.file + ")") + " through the mapping " +
                      (mapping.file.empty() ? mapping.name : mapping.file) +
                      ". Every status below is a suggestion to review, not an assessment; criteria no link reaches are unknown.";
    for (auto& [index, p] : by_index) {
        // The most cautious suggestion wins: a criterion is never suggested higher than any one link allows.
        std::optional<Status> combined;
        for (const auto& s : p.sources)
            if (s.suggests && (!combined || rank(*s.suggests) < rank(*combined))) combined = s.suggests;
        p.status = combined.value_or(Status::unknown);
        if (mapping.scope != MappingScope::same && p.status == Status::met) {
            p.status = Status::partial;
            p.capped = true;
        }
        p.met_by_mapping = p.status == Status::met;
        std::string evidence = p.met_by_mapping ? "MET BY MAPPING, not assessed: " : "Suggested by mapping: ";
        for (std::size_t i = 0; i < p.sources.size(); ++i)
            evidence += (i ? "; " : "") + describe(p.sources[i], from.id());
        evidence += '.';
        if (p.capped)
            evidence += " Capped at partial: one " + std::string(mapping.scope == MappingScope::part ? "part" : "whole") +
                        " alone does not show it for this subject.";
        std::string note = std::string(review_marker) + " drafted from " + from.id() + " through a crosswalk; confirm or change.";
        for (const auto& s : p.sources)
            if (!s.rationale.empty()) {
                note += " Link " + s.item + ": " + s.rationale;
                if (note.back() != '.') note += '.';
            }
        auto& record = out.draft.records[p.id];
        record.status = p.status;
        record.evidence = std::move(evidence);
        record.note = std::move(note);
        out.criteria.push_back(std::move(p));
    }
    return out;
}

}  // namespace routemap
