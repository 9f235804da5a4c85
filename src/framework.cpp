#include <routemap/framework.hpp>

#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>

#include "detail/framework_limits.hpp"
#include "detail/framework_validation.hpp"

namespace routemap {

struct Framework::Data {
    FrameworkInfo info;
    ScoringDefaults scoring;
    std::string file;
    int format_version = framework_format_version;
    std::vector<Tier> tiers;
    std::vector<Domain> domains;
    std::vector<Area> areas;
    std::vector<Criterion> criteria;
    std::vector<Answer> answers;
    ImplicitEdges implicit_edges = ImplicitEdges::previous_tier;
    // Views of the ids in the vectors above, made once they are complete (they never change after).
    detail::IdIndex tier_index, domain_index, area_index, criterion_index;
    std::optional<DependencyGraph> graph;
    std::vector<Diagnostic> warnings;
};

namespace {

template <class Items>
const auto* find_in(const detail::IdIndex& index, const Items& items, std::string_view id) {
    const auto* found = index.find(id);
    return found ? &items[*found] : nullptr;
}

template <class Items>
void index_ids(detail::IdIndex& index, const Items& items) {
    index.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) index.emplace(items[i].id, i);  // unique: the validator saw to it
}

template <class T>
const T& require_found(const T* found, std::string_view what, std::string_view id, const std::string& framework) {
    if (!found)
        throw NotFoundError(std::vector<Diagnostic>{Diagnostic{
            Severity::error, "unknown " + std::string(what) + " '" + std::string(id) + "' in framework '" + framework + "'",
            {}, framework, std::string(what) == "criterion" ? std::string(id) : std::string()}});
    return *found;
}

}  // namespace

std::optional<Framework> Framework::build(FrameworkSpec spec, std::vector<Diagnostic>& diagnostics) {
    // Sizes first: past a limit, validating (and building the graph) could take the process down.
    const auto dependencies = detail::check_limits(spec, diagnostics);
    if (!dependencies) return std::nullopt;
    detail::FrameworkValidator validator(spec, diagnostics);
    auto data = std::make_shared<Data>();
    data->info = spec.info;
    data->scoring = spec.scoring;
    data->file = spec.file;
    data->format_version = spec.format_version;
    data->implicit_edges = spec.implicit_edges;

    {  // sized once: moving tens of thousands of criteria and rehashing their ids was much of a big build
        const auto sizes = detail::spec_sizes(spec);
        data->domains.reserve(spec.domains.size());
        data->areas.reserve(sizes.areas);
        data->criteria.reserve(sizes.criteria);
    }
    for (const auto& t : spec.tiers) {
        if (!validator.add_tier(t)) continue;
        data->tiers.push_back(Tier{t.id, t.name, t.description, data->tiers.size(), t.location});
    }
    index_ids(data->tier_index, data->tiers);
    const auto framework_answers = validator.add_answers(spec.answers, {}, data->answers);
    // The criteria's texts and lists are moved out of `spec` once validated: the validator keeps
    // pointers to the specs, but reads only their ids and locations after add_criterion.
    for (auto& d : spec.domains) {
        if (!validator.add_domain(d)) {
            validator.reject_domain(d);
            continue;
        }
        Domain domain{d.id, d.name, d.step, d.summary, d.description, d.actions,
                      data->domains.size(), data->areas.size(), 0, d.location, 0, framework_answers};
        if (!d.answers.empty()) {
            domain.first_answer = data->answers.size();
            domain.answer_count = validator.add_answers(d.answers, d.id, data->answers);
        }
        for (auto& a : d.areas) {
            const auto area_id = a.implicit ? d.id : d.id + "." + a.id;
            if (!validator.add_area(d, a, area_id)) continue;
            Area area{area_id, a.id, a.name, a.description, a.implicit, data->areas.size(),
                      domain.index, data->criteria.size(), 0, a.location, {}};
            for (auto& c : a.criteria) {
                const auto full_id = area_id + "." + c.id;
                const auto tier = validator.add_criterion(c, full_id, data->tier_index, data->tiers.size());
                if (!tier) continue;
                Criterion criterion{std::move(full_id), c.id,
                                    *tier,             std::move(c.text),
                                    std::move(c.details), std::move(c.requires_ids),
                                    c.weight,          std::move(c.tags),
                                    std::move(c.source), data->criteria.size(),
                                    area.index,        domain.index,
                                    c.location};
                data->criteria.push_back(std::move(criterion));
                ++area.criterion_count;
            }
            area.declared_tiers = validator.area_tiers(
                a, area_id, std::span<const Criterion>(data->criteria).subspan(area.first_criterion, area.criterion_count),
                data->tier_index);
            data->areas.push_back(std::move(area));
            ++domain.area_count;
        }
        data->domains.push_back(std::move(domain));
    }

    index_ids(data->domain_index, data->domains);
    index_ids(data->area_index, data->areas);
    index_ids(data->criterion_index, data->criteria);
    auto edges = validator.edges(data->criteria, data->areas, data->criterion_index, *dependencies);
    data->graph.emplace(data->criteria.size(), edges);
    validator.check_cycle(*data->graph, data->criteria);
    validator.finish();

    data->warnings = validator.warnings();
    if (has_errors(validator.found())) return std::nullopt;
    return Framework(std::move(data));
}

Framework Framework::build(FrameworkSpec spec) {
    std::vector<Diagnostic> diagnostics;
    auto framework = build(std::move(spec), diagnostics);
    if (!framework) throw FrameworkError(std::move(diagnostics));
    return std::move(*framework);
}

const FrameworkInfo& Framework::info() const noexcept { return data_->info; }
const ScoringDefaults& Framework::scoring() const noexcept { return data_->scoring; }
const std::string& Framework::file() const noexcept { return data_->file; }
int Framework::format_version() const noexcept { return data_->format_version; }
std::span<const Tier> Framework::tiers() const noexcept { return data_->tiers; }
std::span<const Domain> Framework::domains() const noexcept { return data_->domains; }
std::span<const Area> Framework::areas() const noexcept { return data_->areas; }
std::span<const Criterion> Framework::criteria() const noexcept { return data_->criteria; }
const DependencyGraph& Framework::graph() const noexcept { return *data_->graph; }
std::span<const Answer> Framework::answers() const noexcept { return data_->answers; }
std::span<const Answer> Framework::answers_of(const Domain& domain) const noexcept {
    return answers().subspan(domain.first_answer, domain.answer_count);
}
std::span<const Answer> Framework::answers_of(const Criterion& criterion) const noexcept {
    return answers_of(data_->domains[criterion.domain]);
}
const Answer* Framework::find_answer(const Criterion& criterion, std::string_view id) const noexcept {
    for (const auto& a : answers_of(criterion))
        if (a.id == id) return &a;
    return nullptr;
}
std::size_t Framework::code_count() const noexcept { return first_answer_code + data_->answers.size(); }
Status Framework::meaning(std::uint8_t code) const noexcept {
    if (code < first_answer_code) return static_cast<Status>(code);
    const std::size_t k = code - first_answer_code;
    return k < data_->answers.size() ? data_->answers[k].meaning : Status::unknown;
}
ImplicitEdges Framework::implicit_edges() const noexcept { return data_->implicit_edges; }
const std::vector<Diagnostic>& Framework::warnings() const noexcept { return data_->warnings; }

std::span<const Area> Framework::areas_of(const Domain& domain) const noexcept {
    return areas().subspan(domain.first_area, domain.area_count);
}
std::span<const Criterion> Framework::criteria_of(const Area& area) const noexcept {
    return criteria().subspan(area.first_criterion, area.criterion_count);
}
std::span<const Criterion> Framework::criteria_of(const Domain& domain) const noexcept {
    const auto as = areas_of(domain);
    if (as.empty()) return {};
    const auto first = as.front().first_criterion;
    const auto last = as.back().first_criterion + as.back().criterion_count;
    return criteria().subspan(first, last - first);
}

const Tier* Framework::find_tier(std::string_view id) const noexcept { return find_in(data_->tier_index, data_->tiers, id); }
const Domain* Framework::find_domain(std::string_view id) const noexcept { return find_in(data_->domain_index, data_->domains, id); }
const Area* Framework::find_area(std::string_view id) const noexcept { return find_in(data_->area_index, data_->areas, id); }
const Criterion* Framework::find_criterion(std::string_view id) const noexcept {
    return find_in(data_->criterion_index, data_->criteria, id);
}
const Tier& Framework::tier(std::string_view id) const { return require_found(find_tier(id), "tier", id, this->id()); }
const Domain& Framework::domain(std::string_view id) const { return require_found(find_domain(id), "domain", id, this->id()); }
const Area& Framework::area(std::string_view id) const { return require_found(find_area(id), "area", id, this->id()); }
const Criterion& Framework::criterion(std::string_view id) const {
    return require_found(find_criterion(id), "criterion", id, this->id());
}

namespace {
std::size_t count_actions(const std::vector<Action>& actions, bool nested) {
    std::size_t n = actions.size();
    if (nested)
        for (const auto& a : actions) n += count_actions(a.children, true);
    return n;
}
}  // namespace

std::size_t Framework::action_count(bool include_nested) const noexcept {
    std::size_t n = 0;
    for (const auto& d : data_->domains) n += count_actions(d.actions, include_nested);
    return n;
}

std::vector<std::size_t> Framework::criteria_per_tier() const {
    std::vector<std::size_t> counts(data_->tiers.size(), 0);
    for (const auto& c : data_->criteria) ++counts[c.tier];
    return counts;
}

}  // namespace routemap
