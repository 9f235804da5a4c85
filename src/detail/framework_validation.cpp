#include "framework_validation.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <map>

#include "framework_limits.hpp"
#include "suggest.hpp"

namespace routemap::detail {

// is_framework_id, is_id_segment, is_local_criterion_id and slug are in ids.cpp.

namespace {

// A number as short as it can be written and read back the same: "0", "-1", "0.25", never "0.000000".
std::string number(double value) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

// Both are locations in the spec, which outlives the validator: the answer may be kept by reference.
const SourceLocation& either(const SourceLocation& preferred, const SourceLocation& fallback) {
    return preferred.known() ? preferred : fallback;
}

// The hint for a bad id: its slug, when that is a valid id.
std::string id_hint(const std::string& id, bool local) {
    const auto fixed = local ? local_id_slug(id) : slug(id);
    const bool ok = local ? is_local_criterion_id(fixed) : is_id_segment(fixed);
    return ok && fixed != id ? " (did you mean '" + fixed + "'?)" : std::string();
}

}  // namespace

FrameworkValidator::FrameworkValidator(const FrameworkSpec& spec, std::vector<Diagnostic>& out)
    : spec_(spec), out_(&out), suggestion_budget_(suggestion_cells) {
    // Sized once: rehashing tens of thousands of ids as they come is a large share of a big build.
    const auto sizes = spec_sizes(spec);
    domains_.reserve(spec.domains.size());
    areas_.reserve(sizes.areas);
    criteria_.reserve(sizes.criteria);
    if (spec.format_version < 1 || spec.format_version > framework_format_version)
        error("unsupported format_version " + std::to_string(spec.format_version) + " (this routemap reads 1 to " +
                  std::to_string(framework_format_version) + ")",
              spec.location);
    if (!is_framework_id(spec.info.id)) {
        auto fixed = slug(spec.info.id);
        while (!fixed.empty() && !(fixed.front() >= 'a' && fixed.front() <= 'z')) fixed.erase(0, 1);
        if (!fixed.empty() && fixed.front() == '-') fixed.erase(0, 1);
        error("bad framework id '" + spec.info.id + "': use lowercase letters, digits and single hyphens, starting with a letter" +
                  (is_framework_id(fixed) ? " (did you mean '" + fixed + "'?)" : std::string()),
              either(spec.id_location, spec.location));
    }
    if (spec.tiers.empty()) error("a framework needs at least one tier", spec.location);
    if (spec.domains.empty()) error("a framework needs at least one domain", spec.location);
    if (spec.info.status != "published" && spec.info.status != "draft")
        error("framework status must be 'published' or 'draft', not '" + spec.info.status + "'" +
                  did_you_mean(spec.info.status, std::vector<std::string_view>{"published", "draft"}),
              spec.location);
}

SourceLocation FrameworkValidator::at(const SourceLocation& where) const {
    if (!where.file.empty() || spec_.file.empty()) return where;
    SourceLocation located = where;
    located.file = spec_.file;
    return located;
}

void FrameworkValidator::error(std::string message, const SourceLocation& where, std::string criterion) {
    out_->push_back(Diagnostic{Severity::error, std::move(message), at(where), spec_.info.id, std::move(criterion)});
}

void FrameworkValidator::warning(std::string message, const SourceLocation& where, std::string criterion) {
    out_->push_back(Diagnostic{Severity::warning, std::move(message), at(where), spec_.info.id, std::move(criterion)});
}

std::vector<Diagnostic> FrameworkValidator::warnings() const {
    std::vector<Diagnostic> out;
    for (const auto& d : *out_)
        if (d.severity == Severity::warning) out.push_back(d);
    return out;
}

bool FrameworkValidator::check_unique(IdsSeen& seen, const std::string& what, const std::string& id,
                                      const SourceLocation& where, const std::string& criterion, bool copy_id) {
    if (const auto* first = seen.find(id)) {
        error("duplicate " + what + " id '" + id + "' (first defined at " + to_string(at(**first)) + ")", where, criterion);
        return false;
    }
    seen.emplace(copy_id ? ids_.keep(id) : std::string_view(id), &where);
    return true;
}

std::string FrameworkValidator::known_tiers(std::string_view unknown) const {
    std::string known;
    std::vector<std::string_view> ids;
    for (const auto& t : spec_.tiers) {
        known += (known.empty() ? "" : ", ") + t.id;
        ids.push_back(t.id);
    }
    auto hint = did_you_mean(unknown, ids);
    if (!hint.empty()) hint.pop_back();  // "(did you mean 'x'?" ... continued below
    return hint.empty() ? " (known tiers: " + known + ")" : hint + "; known tiers: " + known + ")";
}

bool FrameworkValidator::add_tier(const TierSpec& tier) {
    if (!is_id_segment(tier.id)) {
        error("bad tier id '" + tier.id + "': use lowercase letters, digits and single hyphens" + id_hint(tier.id, false),
              either(tier.id_location, tier.location));
        rejected_tiers_.emplace(tier.id, true);
        rejected_tiers_.emplace(slug(tier.id), true);  // as it will be once fixed as suggested
        return false;
    }
    return check_unique(tiers_, "tier", tier.id, either(tier.id_location, tier.location));
}

std::size_t FrameworkValidator::add_answers(const std::vector<AnswerSpec>& scale, const std::string& domain,
                                            std::vector<Answer>& into) {
    const auto owner = domain.empty() ? std::string("the framework") : "domain '" + domain + "'";
    IdsSeen seen;
    std::size_t added = 0;
    bool any_met = false;
    for (const auto& a : scale) {
        const auto& id_at = either(a.id_location, a.location);
        if (into.size() >= max_answers) {
            error("the framework has more than " + std::to_string(max_answers) +
                      " answers in its answer scales, routemap's limit (each answer needs a code that fits in a byte)",
                  a.location);
            break;
        }
        bool ok = true;
        if (!is_id_segment(a.id)) {
            error("bad answer id '" + a.id + "' in " + owner + "'s answer scale: use lowercase letters, digits and single hyphens" +
                      id_hint(a.id, false),
                  id_at);
            ok = false;
        } else if (parse_status(a.id)) {
            error("answer id '" + a.id + "' in " + owner + "'s answer scale is the name of a built-in status, which every "
                  "criterion accepts anyway: choose another id (for example '" + a.id + "-answer')",
                  id_at);
            ok = false;
        } else if (!check_unique(seen, "answer", a.id, id_at)) {
            ok = false;
        }
        if (!std::isfinite(a.credit) || a.credit < 0.0 || a.credit > 1.0) {
            error("answer '" + a.id + "' in " + owner + "'s answer scale has credit " + number(a.credit) +
                      ": a credit is between 0 and 1 (the share of the criterion it is worth)",
                  either(a.credit_location, a.location));
            ok = false;
        }
        Status meaning = a.credit >= 1.0 ? Status::met : a.credit <= 0.0 ? Status::not_met : Status::partial;
        if (a.meaning) {
            if (*a.meaning == Status::met || *a.meaning == Status::partial || *a.meaning == Status::not_met) {
                meaning = *a.meaning;
            } else {
                error("answer '" + a.id + "' in " + owner + "'s answer scale counts as '" +
                          std::string(to_string(*a.meaning)) + "': an answer counts as met, partial or not_met",
                      either(a.meaning_location, a.location));
                ok = false;
            }
        }
        if (!ok) continue;
        any_met = any_met || meaning == Status::met;
        Answer answer;
        answer.id = a.id;
        answer.name = a.name.empty() ? a.id : a.name;
        answer.description = a.description;
        answer.credit = a.credit;
        answer.meaning = meaning;
        answer.index = into.size();
        answer.code = static_cast<std::uint8_t>(first_answer_code + into.size());
        answer.location = at(a.location);
        answer.domain = domain;
        into.push_back(std::move(answer));
        ++added;
    }
    if (added > 0 && !any_met)
        warning("no answer of " + owner + "'s answer scale counts as met, so no criterion answered on it can ever be met "
                "(the staged model and gap analysis need met): give the top answer `counts_as = \"met\"` or credit 1",
                scale.front().location);
    return added;
}

bool FrameworkValidator::add_domain(const DomainSpec& domain) {
    bool ok = true;
    const auto& id_at = either(domain.id_location, domain.location);
    if (!is_id_segment(domain.id)) {
        error("bad domain id '" + domain.id + "': use lowercase letters, digits and single hyphens" + id_hint(domain.id, false),
              id_at);
        ok = false;
    }
    if (ok) ok = check_unique(domains_, "domain", domain.id, id_at);
    if (domain.areas.empty()) error("domain '" + domain.id + "' has no areas and no criteria", domain.location);
    const bool has_implicit = std::any_of(domain.areas.begin(), domain.areas.end(), [](auto& a) { return a.implicit; });
    if (has_implicit && domain.areas.size() > 1)
        error("domain '" + domain.id + "' has both `areas` and `criteria`: use one or the other", domain.location);
    return ok;
}

void FrameworkValidator::reject_criteria(const AreaSpec& area, const std::string& area_id, const std::string& fixed_id) {
    for (const auto& c : area.criteria) {
        rejected_criteria_.emplace(area_id + "." + c.id, true);
        // And as they will be once the ids are fixed as suggested: `requires` may already say so.
        if (!fixed_id.empty()) rejected_criteria_.emplace(fixed_id + "." + local_id_slug(c.id), true);
    }
}

void FrameworkValidator::reject_domain(const DomainSpec& domain) {
    const auto fixed = slug(domain.id);
    for (const auto& a : domain.areas)
        reject_criteria(a, a.implicit ? domain.id : domain.id + "." + a.id,
                        a.implicit ? fixed : fixed + "." + slug(a.id));
}

bool FrameworkValidator::add_area(const DomainSpec& domain, const AreaSpec& area, const std::string& full_id) {
    area_lost_criteria_ = false;
    const auto& id_at = either(area.id_location, area.location);
    if (!area.implicit && !is_id_segment(area.id)) {
        error("bad area id '" + area.id + "': use lowercase letters, digits and single hyphens" + id_hint(area.id, false),
              id_at);
        reject_criteria(area, full_id, domain.id + "." + slug(area.id));
        return false;
    }
    if (!check_unique(areas_, "area", full_id, id_at, {}, true)) {
        reject_criteria(area, full_id, {});
        return false;
    }
    if (area.criteria.empty()) {
        if (area.implicit)
            error("domain '" + domain.id + "' has an empty `criteria` array", area.location);
        else
            error("area '" + full_id + "' has no criteria", area.location);
    }
    return true;
}

std::optional<std::size_t> FrameworkValidator::add_criterion(const CriterionSpec& c, const std::string& full_id,
                                                             const IdIndex& tiers,
                                                             std::size_t tier_count) {
    bool ok = true;
    const auto& id_at = either(c.id_location, c.location);
    if (!is_local_criterion_id(c.id)) {
        error("bad criterion id '" + c.id + "': use id segments (lowercase letters, digits, hyphens) joined by dots" +
                  id_hint(c.id, true),
              id_at, full_id);
        ok = false;
    }
    const bool first_of_its_id = !criteria_.contains(full_id);
    if (ok && !check_unique(criteria_, "criterion", full_id, id_at, full_id, true)) ok = false;
    if (!(c.weight > 0.0)) {
        // Reported, but the criterion stays in the graph so that its other problems are found too.
        error("criterion '" + full_id + "' has weight " + number(c.weight) + ": weights must be positive",
              either(c.weight_location, c.location), full_id);
    }
    if (c.text.empty()) error("criterion '" + full_id + "' has empty text", c.location, full_id);
    std::optional<std::size_t> tier;
    if (c.tier.empty()) {
        if (tier_count == 1) tier = 0;
        else {
            error("criterion '" + full_id + "' has no tier (required when a framework has more than one tier)",
                  c.location, full_id);
        }
    } else if (const auto* found = tiers.find(c.tier)) {
        tier = *found;
    } else if (rejected_tiers_.contains(c.tier)) {
        ++follow_ons_;  // the tier's own bad id was reported
    } else {
        error("criterion '" + full_id + "' names unknown tier '" + c.tier + "'" + known_tiers(c.tier),
              either(c.tier_location, c.location), full_id);
    }
    if (ok && tier) {
        specs_.push_back(&c);
        return tier;
    }
    area_lost_criteria_ = true;
    // `requires` naming it (as written, or as it will be once fixed) are follow-ons, unless another
    // criterion holds the id.
    if (first_of_its_id || !ok) rejected_criteria_.emplace(full_id, true);
    if (!is_local_criterion_id(c.id))
        rejected_criteria_.emplace(full_id.substr(0, full_id.size() - c.id.size()) + local_id_slug(c.id), true);
    return std::nullopt;
}

std::vector<DependencyEdge> FrameworkValidator::edges(const std::vector<Criterion>& criteria,
                                                      const std::vector<Area>& areas,
                                                      const IdIndex& index, std::size_t expected) {
    std::vector<DependencyEdge> edges;
    // check_limits() counted them on the spec: a big framework's build does not grow the list step by step.
    edges.reserve(expected);
    // Implicit: each criterion depends on every criterion of the nearest lower tier present in its area.
    if (spec_.implicit_edges == ImplicitEdges::previous_tier) {
        // Bucketed by tier (document order kept), so that finding the nearest lower tier is not
        // quadratic in the size of the area; the number of edges is bounded by check_limits(). The
        // buckets are kept from one area to the next.
        std::vector<std::vector<std::size_t>> by_tier(spec_.tiers.size());
        std::vector<std::size_t> below(spec_.tiers.size());  // the nearest lower tier with criteria, + 1
        for (const auto& area : areas) {
            for (auto& b : by_tier) b.clear();
            for (auto i = area.first_criterion; i < area.first_criterion + area.criterion_count; ++i)
                by_tier[criteria[i].tier].push_back(i);
            std::size_t nearest = 0;
            for (std::size_t t = 0; t < by_tier.size(); ++t) {
                below[t] = nearest;
                if (!by_tier[t].empty()) nearest = t + 1;
            }
            for (auto i = area.first_criterion; i < area.first_criterion + area.criterion_count; ++i) {
                const auto lower = below[criteria[i].tier];
                if (!lower) continue;
                for (const auto j : by_tier[lower - 1]) edges.push_back({i, j, EdgeKind::implicit_tier});
            }
        }
    }
    for (const auto& c : criteria) {
        const auto* spec = specs_[c.index];
        for (std::size_t k = 0; k < c.requires_ids.size(); ++k) {
            const auto& target = c.requires_ids[k];
            const auto& where = k < spec->requires_locations.size() ? spec->requires_locations[k] : c.location;
            const auto* found = index.find(target);
            if (!found) {
                if (rejected_criteria_.contains(target)) {
                    ++follow_ons_;  // its definition was reported
                    continue;
                }
                std::string hint;
                // A local id where a full one is needed: the criterion of that id in the same area or domain.
                const auto& area = areas[c.area];
                for (const auto& prefix : {area.id, area.id.substr(0, area.id.find('.'))})
                    if (hint.empty() && index.contains(prefix + "." + target))
                        hint = " (did you mean '" + prefix + "." + target + "'? `requires` takes full ids)";
                if (hint.empty()) {
                    Suggestion suggestion(target, suggestion_budget_);
                    for (const auto& other : criteria) suggestion.consider(other.id);
                    hint = suggestion.hint();
                }
                error("criterion '" + c.id + "' requires unknown criterion '" + target + "'" + hint, where, c.id);
                continue;
            }
            const auto& required = criteria[*found];
            if (required.area == c.area && required.tier > c.tier)
                warning("criterion '" + c.id + "' requires '" + required.id +
                            "', which is of a higher tier in the same area",
                        where, c.id);
            edges.push_back({c.index, required.index, EdgeKind::explicit_requires});
        }
    }
    return edges;
}

void FrameworkValidator::check_cycle(const DependencyGraph& graph, const std::vector<Criterion>& criteria) {
    const auto cycle = graph.find_cycle();
    if (!cycle) return;
    std::string path;
    for (const auto i : *cycle) path += criteria[i].id + " -> ";
    path += criteria[cycle->front()].id;
    // Placed at the `requires` that closes the cycle: of the explicit edges on it, the one written
    // last in the file (implicit edges alone cannot make a cycle: they always go down a tier).
    const std::pair<std::size_t, std::size_t>* closing = nullptr;
    std::vector<std::pair<std::size_t, std::size_t>> steps;
    for (std::size_t k = 0; k < cycle->size(); ++k) steps.emplace_back((*cycle)[k], (*cycle)[(k + 1) % cycle->size()]);
    SourceLocation where = criteria[cycle->front()].location;
    // Where the `requires` of `from` naming `to` was written (the first, if twice), or nothing for an
    // implicit edge. Looked up only here, on the way to an error, rather than kept for every edge.
    const auto requires_at = [&](std::size_t from, std::size_t to) -> const SourceLocation* {
        const auto& ids = criteria[from].requires_ids;
        const auto& locations = specs_[from]->requires_locations;
        for (std::size_t k = 0; k < ids.size(); ++k)
            if (ids[k] == criteria[to].id) return k < locations.size() ? &locations[k] : &criteria[from].location;
        return nullptr;
    };
    for (const auto& step : steps) {
        const auto* written = requires_at(step.first, step.second);
        if (!written) continue;
        if (!closing || step.first > closing->first) {
            closing = &step;
            where = *written;
        }
    }
    if (closing)
        path += " (closed by the `requires` of '" + criteria[closing->first].id + "' naming '" +
                criteria[closing->second].id + "')";
    error("dependency cycle: " + path, where, criteria[closing ? closing->first : cycle->front()].id);
}

std::vector<std::size_t> FrameworkValidator::area_tiers(const AreaSpec& spec, const std::string& area_id,
                                                       std::span<const Criterion> criteria,
                                                       const IdIndex& tier_index) {
    const auto tier_count = spec_.tiers.size();
    std::vector<bool> used(tier_count, false);
    for (const auto& c : criteria)
        if (c.tier < tier_count) used[c.tier] = true;
    auto tier_list = [&](const std::vector<std::size_t>& indices) {
        std::string out;
        for (const auto t : indices) out += (out.empty() ? "" : ", ") + spec_.tiers[t].id;
        return out;
    };
    if (spec.tiers.empty()) {
        if (spec.implicit || tier_count < 2 || criteria.empty()) return {};
        std::vector<std::size_t> skipped;
        for (std::size_t t = 0; t < tier_count; ++t)
            if (!used[t]) skipped.push_back(t);
        if (!skipped.empty() && area_lost_criteria_) return {};  // likely the rejected criterion's tier
        if (!skipped.empty())
            warning("area '" + area_id + "' has no criteria at tier" + (skipped.size() > 1 ? "s " : " ") +
                        tier_list(skipped) + ": it passes through " + (skipped.size() > 1 ? "them" : "it") +
                        " on its way up and can never reach " + (skipped.size() > 1 ? "them" : "it") +
                        " on its own. If that is on purpose, say so with `tiers = [...]` in the area",
                    spec.location);
        return {};
    }
    std::vector<std::size_t> declared;
    std::vector<bool> is_declared(tier_count, false);
    for (std::size_t k = 0; k < spec.tiers.size(); ++k) {
        const auto where = k < spec.tier_locations.size() ? spec.tier_locations[k] : spec.tiers_location;
        const auto* found = tier_index.find(spec.tiers[k]);
        if (!found) {
            if (rejected_tiers_.contains(spec.tiers[k])) {
                ++follow_ons_;
                continue;
            }
            error("area '" + area_id + "' declares unknown tier '" + spec.tiers[k] + "'" + known_tiers(spec.tiers[k]), where);
            continue;
        }
        if (is_declared[*found]) {
            error("area '" + area_id + "' declares tier '" + spec.tiers[k] + "' twice", where);
            continue;
        }
        is_declared[*found] = true;
        declared.push_back(*found);
        if (!used[*found]) {
            if (area_lost_criteria_) ++follow_ons_;
            else error("area '" + area_id + "' declares tier '" + spec.tiers[k] + "' but has no criterion at it", where);
        }
    }
    for (const auto& c : criteria)
        if (c.tier < tier_count && !is_declared[c.tier])
            error("criterion '" + c.id + "' is at tier '" + spec_.tiers[c.tier].id + "', which its area '" + area_id +
                      "' does not declare (tiers = [" + tier_list(declared) + "])",
                  c.location, c.id);
    std::sort(declared.begin(), declared.end());
    return declared;
}

void FrameworkValidator::finish() {
    if (follow_ons_ == 0) return;
    warning(std::to_string(follow_ons_) + " more error" + (follow_ons_ > 1 ? "s" : "") +
                " not shown: they only follow from the errors above (a `requires` or a tier naming something "
                "that was rejected) and go away with them",
            SourceLocation{});
}

}  // namespace routemap::detail
