#include "output/json.hpp"

#include <cmath>

namespace routemap::cli {

namespace {

Json number_or_null(double value) { return std::isnan(value) ? Json(nullptr) : Json(value); }
// Not applicable is never a number: null.
Json level_or_null(bool applicable, int level) { return applicable ? Json(level) : Json(nullptr); }
// A field the assessment did not give (owner, due date): null rather than "".
Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json counts_json(const StatusCounts& counts) {
    Json out = Json::object();
    for (const auto s : all_statuses) out[std::string(to_string(s))] = counts[s];
    return out;
}

Json node_json(const ScoreNode& node) {
    Json tiers = Json::array();
    for (const auto v : node.tier_scores) tiers.push_back(number_or_null(v));
    Json by_tier = Json::array();
    for (const auto& c : node.counts_by_tier) by_tier.push_back(counts_json(c));
    return Json{{"id", node.id},           {"name", node.name},         {"applicable", node.applicable},
                {"level", level_or_null(node.applicable, node.level)}, {"label", node.label},
                {"score", number_or_null(node.score)},
                {"max_score", node.max_score}, {"tier_scores", tiers}, {"counts", counts_json(node.counts)},
                {"counts_by_tier", by_tier}};
}

Json actions_json(const std::vector<Action>& actions) {
    Json out = Json::array();
    for (const auto& a : actions) {
        Json item{{"text", a.text}};
        if (!a.children.empty()) item["children"] = actions_json(a.children);
        out.push_back(std::move(item));
    }
    return out;
}

Json level_change_json(const LevelChange& c) {
    return Json{{"id", c.id},
                {"name", c.name},
                {"before_applicable", c.before_applicable},
                {"after_applicable", c.after_applicable},
                {"before_level", level_or_null(c.before_applicable, c.before_level)},
                {"after_level", level_or_null(c.after_applicable, c.after_level)},
                {"delta", c.before_applicable && c.after_applicable ? Json(c.delta()) : Json(nullptr)},
                {"before_score", number_or_null(c.before_score)},
                {"after_score", number_or_null(c.after_score)}};
}

Json distribution_json(const Distribution& d) {
    return Json{{"id", d.id},
                {"name", d.name},
                {"count", d.count},
                {"level_counts", d.level_counts},
                {"median_level", d.median_level},
                {"min_level", d.min_level},
                {"max_level", d.max_level},
                {"mean_score", d.mean_score},
                {"median_score", d.median_score}};
}

}  // namespace

std::string dump(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace) + '\n'; }

Json to_json(const Diagnostic& d) {
    Json out{{"severity", d.severity == Severity::error ? "error" : "warning"}, {"message", d.message}};
    out["file"] = d.location.file;
    out["line"] = d.location.line;
    out["column"] = d.location.column;
    if (!d.framework_id.empty()) out["framework"] = d.framework_id;
    if (!d.criterion_id.empty()) out["criterion"] = d.criterion_id;
    return out;
}

Json to_json(const FrameworkSummary& s) {
    return Json{{"id", s.id},           {"name", s.name},       {"version", s.version},
                {"level", s.level},     {"status", s.status},   {"origin", s.origin},
                {"domains", s.domains}, {"areas", s.areas},     {"criteria", s.criteria},
                {"actions", s.actions}, {"criteria_per_tier", s.criteria_per_tier}};
}

Json to_json(const Framework& f) {
    const auto& info = f.info();
    Json out{{"id", info.id},
             {"name", info.name},
             {"version", info.version},
             {"level", info.level},
             {"publisher", info.publisher},
             {"year", info.year},
             {"source", info.source},
             {"description", info.description},
             {"status", info.status},
             {"default_model", f.scoring().default_model},
             {"implicit_edges", f.implicit_edges() == ImplicitEdges::none ? "none" : "previous-tier"}};
    out["metadata"] = Json(info.metadata);
    Json answers = Json::array();
    for (const auto& a : f.answers())
        answers.push_back(Json{{"id", a.id},
                               {"name", a.name},
                               {"description", a.description},
                               {"credit", a.credit},
                               {"counts_as", std::string(to_string(a.meaning))},
                               {"code", a.code},
                               {"domain", a.domain.empty() ? Json(nullptr) : Json(a.domain)}});
    out["answers"] = std::move(answers);
    Json tiers = Json::array();
    for (const auto& t : f.tiers()) tiers.push_back(Json{{"id", t.id}, {"name", t.name}, {"description", t.description}});
    out["tiers"] = std::move(tiers);
    Json domains = Json::array();
    for (const auto& d : f.domains()) {
        Json domain{{"id", d.id}, {"name", d.name}, {"step", d.step}, {"summary", d.summary}, {"description", d.description},
                    {"actions", actions_json(d.actions)}};
        Json areas = Json::array();
        for (const auto& a : f.areas_of(d)) {
            Json criteria = Json::array();
            for (const auto& c : f.criteria_of(a))
                criteria.push_back(Json{{"id", c.id},
                                        {"tier", f.tiers()[c.tier].id},
                                        {"text", c.text},
                                        {"details", c.details},
                                        {"requires", c.requires_ids},
                                        {"weight", c.weight},
                                        {"tags", c.tags},
                                        {"source", c.source}});
            areas.push_back(Json{{"id", a.id},
                                 {"name", a.name},
                                 {"description", a.description},
                                 {"implicit", a.implicit},
                                 {"criteria", std::move(criteria)}});
        }
        domain["areas"] = std::move(areas);
        domains.push_back(std::move(domain));
    }
    out["domains"] = std::move(domains);
    return out;
}

Json to_json(const ScoreResult& s) {
    Json out{{"framework", s.framework_id}, {"framework_version", s.framework_version}, {"model", s.model}};
    out["parameters"] = Json(s.parameters);
    out["level_labels"] = s.level_labels;
    out["overall"] = node_json(s.overall);
    Json domains = Json::array(), areas = Json::array();
    for (const auto& d : s.domains) domains.push_back(node_json(d));
    for (const auto& a : s.areas) areas.push_back(node_json(a));
    out["domains"] = std::move(domains);
    out["areas"] = std::move(areas);
    return out;
}

Json to_json(const Target& t) {
    Json out{{"tier", t.tier}};
    out["domains"] = Json(t.domains);
    out["areas"] = Json(t.areas);
    return out;
}

Json to_json(const Framework& f, const GapAnalysis& gap) {
    auto summary = [&](const GapSummary& s) {
        Json by_tier = Json::object();
        for (std::size_t t = 0; t < s.to_close_by_tier.size() && t < gap.tier_ids.size(); ++t)
            by_tier[gap.tier_ids[t]] = s.to_close_by_tier[t];
        return Json{{"id", s.id},          {"name", s.name}, {"to_close", s.to_close}, {"prerequisites", s.prerequisites},
                    {"partial", s.partial},
                    {"required", s.required}, {"met", s.met},   {"done_share", s.done_share()}, {"to_close_by_tier", by_tier}};
    };
    Json out{{"framework", gap.framework_id}, {"target", to_json(gap.target)}, {"total", summary(gap.total)}};
    Json domains = Json::array();
    for (const auto& d : gap.domains) domains.push_back(summary(d));
    out["domains"] = std::move(domains);
    Json areas = Json::array();
    for (const auto& a : gap.areas) {
        Json to_close = Json::array();
        for (const auto i : a.to_close) to_close.push_back(f.criteria()[i].id);
        areas.push_back(Json{{"id", a.area_id},
                             {"domain", a.domain_id},
                             {"name", a.name},
                             {"applicable", a.applicable},
                             {"current_level", level_or_null(a.applicable, a.current_level)},
                             {"target_level", a.target_level},
                             {"reached", a.reached()},
                             {"required", a.required},
                             {"met", a.met},
                             {"partial", a.partial},
                             {"prerequisites", a.prerequisites},
                             {"to_close", std::move(to_close)}});
    }
    out["areas"] = std::move(areas);
    Json items = Json::array();
    for (const auto& item : gap.items) {
        const auto& c = f.criteria()[item.criterion];
        items.push_back(Json{{"id", item.id},
                             {"tier", f.tiers()[c.tier].id},
                             {"status", std::string(to_string(item.status))},
                             {"partial", item.partial},
                             {"prerequisite", item.prerequisite},
                             {"required_by", item.required_by},
                             {"owner", optional_text(item.owner)},
                             {"due", optional_text(item.due)},
                             {"overdue", item.overdue},
                             {"text", c.text}});
    }
    out["items"] = std::move(items);
    return out;
}

Json to_json(const Framework& f, const ProgressionPath& path) {
    Json steps = Json::array();
    for (std::size_t i = 0; i < path.steps.size(); ++i) {
        const auto& s = path.steps[i];
        const auto& c = f.criteria()[s.criterion];
        steps.push_back(Json{{"order", i + 1},
                             {"id", s.id},
                             {"phase", s.phase},
                             {"tier", f.tiers()[c.tier].id},
                             {"status", std::string(to_string(s.status))},
                             {"waits_for", s.waits_for},
                             {"owner", optional_text(s.owner)},
                             {"due", optional_text(s.due)},
                             {"overdue", s.overdue},
                             {"text", c.text}});
    }
    Json phases = Json::array();
    for (const auto& phase : path.phases) {
        Json ids = Json::array();
        for (const auto i : phase) ids.push_back(path.steps[i].id);
        phases.push_back(std::move(ids));
    }
    return Json{{"framework", path.framework_id}, {"phase_count", path.phase_count()}, {"steps", std::move(steps)},
                {"phases", std::move(phases)}};
}

Json to_json(const Comparison& c) {
    Json out{{"framework", c.framework_id}, {"subject", c.subject},           {"before_date", c.before_date},
             {"after_date", c.after_date},  {"model", c.model},               {"overall", level_change_json(c.overall)}};
    Json domains = Json::array(), areas = Json::array(), changes = Json::array();
    for (const auto& d : c.domains) domains.push_back(level_change_json(d));
    for (const auto& a : c.areas) areas.push_back(level_change_json(a));
    for (const auto& ch : c.changes) {
        Json change{{"id", ch.id}, {"before", std::string(to_string(ch.before))}, {"after", std::string(to_string(ch.after))}};
        // The answers, for criteria answered on an answer scale (the statuses are their meanings).
        if (!ch.before_answer.empty()) change["before_answer"] = ch.before_answer;
        if (!ch.after_answer.empty()) change["after_answer"] = ch.after_answer;
        change["kind"] = std::string(to_string(ch.kind));
        changes.push_back(std::move(change));
    }
    out["domains"] = std::move(domains);
    out["areas"] = std::move(areas);
    out["changes"] = std::move(changes);
    Json summary = Json::object();
    const auto counts = c.counts();
    for (std::size_t k = 0; k < change_kind_count; ++k) summary[std::string(to_string(static_cast<ChangeKind>(k)))] = counts[k];
    out["summary"] = std::move(summary);
    return out;
}

Json to_json(const Aggregate& a) {
    Json out{{"framework", a.framework_id}, {"model", a.model}, {"level_labels", a.level_labels}, {"subjects", a.subjects},
             {"overall", distribution_json(a.overall)}};
    Json domains = Json::array(), areas = Json::array();
    for (const auto& d : a.domains) domains.push_back(distribution_json(d));
    for (const auto& x : a.areas) areas.push_back(distribution_json(x));
    out["domains"] = std::move(domains);
    out["areas"] = std::move(areas);
    return out;
}

}  // namespace routemap::cli
