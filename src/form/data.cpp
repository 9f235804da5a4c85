// routemap::detail is not public API: the JSON the form page is built from, and making it safe to
// embed in a <script> element.

#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include <routemap/detail/format.hpp>
#include <routemap/markdown.hpp>
#include <routemap/status.hpp>
#include <routemap/version.hpp>

#include "form.hpp"

namespace routemap::detail::form {

namespace {

using Json = nlohmann::ordered_json;

Json actions_json(const std::vector<Action>& actions) {
    Json out = Json::array();
    for (const auto& action : actions) out.push_back({{"text", action.text}, {"children", actions_json(action.children)}});
    return out;
}

// The author's Markdown as safe HTML (raw HTML escaped, unsafe links dropped: see markdown.hpp), made
// here rather than in the page so that the page never turns a string of its own into HTML.
std::string markdown_or_empty(const std::string& text) { return text.empty() ? std::string() : render_markdown_html(text); }

Json framework_json(const Framework& framework) {
    const auto& info = framework.info();
    Json fw{{"id", info.id},           {"name", info.name},     {"version", info.version}, {"level", info.level},
            {"publisher", info.publisher}, {"source", info.source}, {"description", info.description}};
    Json tiers = Json::array();
    for (const auto& tier : framework.tiers())
        tiers.push_back({{"id", tier.id}, {"name", tier.name}, {"description", tier.description}});
    fw["tiers"] = std::move(tiers);
    // The answer scales: the framework's and each domain's own, keyed by their first answer. `text` is
    // what the engine's TOML writer puts in its comments, so that the form writes the same file.
    Json scales = Json::array();
    std::map<std::size_t, int> scale_index;
    for (const auto& domain : framework.domains()) {
        const auto scale = framework.answers_of(domain);
        if (scale.empty() || scale_index.contains(scale.front().index)) continue;
        scale_index[scale.front().index] = static_cast<int>(scales.size());
        Json answers = Json::array();
        std::string text;
        for (const auto& a : scale) {
            answers.push_back({{"id", a.id}, {"name", a.name}, {"credit", a.credit},
                               {"counts_as", std::string(to_string(a.meaning))}});
            text += (text.empty() ? "" : "; ") + a.id + " (" + a.name + ", credit " + format_decimal(a.credit, 4, "") +
                    ", counts as " + std::string(to_string(a.meaning)) + ")";
        }
        scales.push_back({{"domain", scale.front().domain.empty() ? Json(nullptr) : Json(scale.front().domain)},
                          {"answers", std::move(answers)},
                          {"text", std::move(text)}});
    }
    fw["scales"] = std::move(scales);
    Json domains = Json::array();
    for (const auto& domain : framework.domains()) {
        Json areas = Json::array();
        for (const auto& area : framework.areas_of(domain)) {
            Json criteria = Json::array();
            for (const auto& c : framework.criteria_of(area)) {
                const auto scale = framework.answers_of(c);
                const int k = scale.empty() ? -1 : scale_index.at(scale.front().index);
                Json details_html = Json::array();
                for (const auto& line : c.details) details_html.push_back(render_markdown_html(line));
                criteria.push_back({{"id", c.id},
                                    {"tier", c.tier},
                                    {"text", c.text},
                                    {"details", c.details},
                                    {"details_html", std::move(details_html)},
                                    {"scale", k}});
            }
            areas.push_back({{"id", area.id},
                             {"name", area.name},
                             {"description", area.description},
                             {"description_html", markdown_or_empty(area.description)},
                             {"implicit", area.implicit},
                             {"criteria", std::move(criteria)}});
        }
        domains.push_back({{"id", domain.id},
                           {"name", domain.name},
                           {"step", domain.step},
                           {"summary", domain.summary},
                           {"description", domain.description},
                           {"description_html", markdown_or_empty(domain.description)},
                           {"actions", actions_json(domain.actions)},
                           {"areas", std::move(areas)}});
    }
    fw["domains"] = std::move(domains);
    return fw;
}

Json prefill_json(const Assessment& a) {
    Json criteria = Json::object();
    for (const auto& [id, r] : a.records) {
        Json record{{"status", r.answer.empty() ? std::string(to_string(r.status)) : std::string("unknown")},
                    {"answer", r.answer},
                    {"evidence", r.evidence}, {"note", r.note},
                    {"owner", r.owner},   {"due", r.due},
                    {"reason", r.exclusion ? std::string(to_string(*r.exclusion)) : std::string()},
                    {"reason_text", r.exclusion_text}};
        criteria[id] = std::move(record);
    }
    return {{"subject", a.subject}, {"date", a.date},         {"assessors", a.assessors},
            {"notes", a.notes},     {"criteria", std::move(criteria)}, {"file", a.file}};
}

}  // namespace

std::string page_data(const Framework& framework, const Assessment* prefill, const std::string& instance_id) {
    Json statuses = Json::array();
    for (const auto status : {Status::met, Status::partial, Status::not_met, Status::not_applicable, Status::unknown})
        statuses.push_back(std::string(to_string(status)));
    Json reasons = Json::array();
    for (const auto reason : {Exclusion::not_relevant, Exclusion::out_of_scope, Exclusion::owned_elsewhere})
        reasons.push_back(std::string(to_string(reason)));
    Json root{{"generator", std::string("routemap ") + std::string(version_string)},
              {"instance", instance_id},
              {"format_version", 1},
              {"statuses", std::move(statuses)},
              {"reasons", std::move(reasons)},
              {"framework", framework_json(framework)},
              {"prefill", prefill ? prefill_json(*prefill) : Json(nullptr)}};
    // Invalid UTF-8 (possible only from a plugin's framework) becomes U+FFFD rather than an exception.
    return root.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string script_safe_json(std::string_view json) {
    std::string out;
    out.reserve(json.size() + json.size() / 16);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') out += "\\u003c";
        else if (c == '>') out += "\\u003e";
        else if (c == '&') out += "\\u0026";
        else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' && (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else out += c;
    }
    return out;
}

std::string random_instance_id() {
    std::random_device device;
    std::uniform_int_distribution<unsigned> digit(0, 15);
    std::string id;
    for (int i = 0; i < 24; ++i) id += "0123456789abcdef"[digit(device)];
    return id;
}

}  // namespace routemap::detail::form
