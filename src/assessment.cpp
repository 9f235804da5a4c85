#include <routemap/assessment.hpp>

#include <algorithm>
#include <span>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/limits.hpp>

#include "assessment_io/common.hpp"
#include "detail/known_records.hpp"
#include "detail/suggest.hpp"

namespace routemap {

namespace {

// The framework's criterion id closest to `id`, when it is close enough to be a likely typo;
// `budget` is shared by all the suggestions of one check.
std::string closest_criterion(const Framework& framework, std::string_view id, std::size_t& budget) {
    detail::Suggestion suggestion(id, budget);
    for (const auto& c : framework.criteria()) suggestion.consider(c.id);
    return suggestion.best();
}

std::string not_applicable_without_reason(const std::string& id) {
    return "criterion '" + id +
           "' is not_applicable but gives no reason: set reason to not_relevant, out_of_scope or owned_elsewhere";
}

std::string reason_without_exclusion(const std::string& id, Status status) {
    return "criterion '" + id + "' has an exclusion reason but its status is " + std::string(to_string(status)) +
           ": a reason is only for not_applicable";
}

}  // namespace

bool is_iso_date(std::string_view text) noexcept { return detail::is_valid_date(text); }

void Assessment::set_date(std::string iso_date) {
    if (!iso_date.empty() && !is_iso_date(iso_date))
        throw AssessmentError("date '" + iso_date + "' is not a valid date in the form YYYY-MM-DD");
    date = std::move(iso_date);
}

Assessment Assessment::blank(const Framework& framework, std::string subject, std::string date) {
    Assessment a;
    a.set_date(std::move(date));
    a.framework_id = framework.id();
    a.framework_version = framework.version();
    a.subject = std::move(subject);
    for (const auto& c : framework.criteria()) a.records.emplace(c.id, CriterionRecord{});
    return a;
}

Status Assessment::status(std::string_view criterion_id) const {
    const auto it = records.find(std::string(criterion_id));
    return it == records.end() ? Status::unknown : it->second.status;
}

namespace {

std::string scale_list(std::span<const Answer> scale) {
    std::string out;
    for (const auto& a : scale) out += (out.empty() ? "" : ", ") + a.id;
    return out;
}

// The message for an answer the criterion's scale does not have.
std::string unknown_answer(const Framework& framework, const Criterion& c, std::string_view answer) {
    const auto scale = framework.answers_of(c);
    if (scale.empty())
        return "criterion '" + c.id + "' is answered '" + std::string(answer) + "', but framework '" + framework.id() +
               "' has no answer scale for it: give a status (met, partial, not_met, not_applicable or unknown)";
    std::vector<std::string_view> ids;
    for (const auto& a : scale) ids.push_back(a.id);
    return "criterion '" + c.id + "' is answered '" + std::string(answer) + "', which is not an answer of its scale (" +
           scale_list(scale) + ")" + detail::did_you_mean(answer, ids);
}

}  // namespace

CriterionRecord& Assessment::set_answer(const Framework& framework, std::string criterion_id, std::string_view answer,
                                        std::string evidence) {
    const auto* c = framework.find_criterion(criterion_id);
    if (!c) {
        std::size_t budget = detail::suggestion_cells;
        std::string message = "unknown criterion '" + criterion_id + "': framework '" + framework.id() + "' " +
                              framework.version() + " has no such criterion";
        if (const auto hint = closest_criterion(framework, criterion_id, budget); !hint.empty())
            message += " (did you mean '" + hint + "'?)";
        throw AssessmentError(message);
    }
    const auto* a = framework.find_answer(*c, answer);
    if (!a) throw AssessmentError(unknown_answer(framework, *c, answer));
    auto& record = records[std::move(criterion_id)];
    record.exclusion.reset();
    record.exclusion_text.clear();
    record.status = a->meaning;
    record.answer = a->id;
    if (!evidence.empty()) record.evidence = std::move(evidence);
    return record;
}

void Assessment::resolve(const Framework& framework) {
    for (auto& [id, record] : records) {
        if (record.answer.empty()) continue;
        if (const auto* c = framework.find_criterion(id))
            if (const auto* a = framework.find_answer(*c, record.answer)) record.status = a->meaning;
    }
}

CriterionRecord& Assessment::set(std::string criterion_id, Status status, std::string evidence,
                                 std::optional<Exclusion> reason) {
    const auto existing = records.find(criterion_id);
    if (status == Status::not_applicable && !reason &&
        (existing == records.end() || !existing->second.exclusion || existing->second.status != Status::not_applicable))
        throw AssessmentError(not_applicable_without_reason(criterion_id));
    if (status != Status::not_applicable && reason)
        throw AssessmentError(reason_without_exclusion(criterion_id, status));
    auto& record = records[std::move(criterion_id)];
    if (status != Status::not_applicable) {
        record.exclusion.reset();
        record.exclusion_text.clear();
    } else if (reason) {
        record.exclusion = reason;
    }
    record.status = status;
    record.answer.clear();
    if (!evidence.empty()) record.evidence = std::move(evidence);  // keep earlier evidence unless replaced
    return record;
}

std::vector<Status> Assessment::statuses(const Framework& framework) const {
    // One hash lookup per record (not a tree search per criterion): linear in the assessment.
    std::vector<Status> out(framework.criteria().size(), Status::unknown);
    detail::for_each_known_record(framework, *this, [&](const Criterion& c, const CriterionRecord& record, const Answer* answer) {
        out[c.index] = detail::counted_status(record, answer);
    });
    return out;
}

std::vector<std::uint8_t> Assessment::codes(const Framework& framework) const {
    std::vector<std::uint8_t> out(framework.criteria().size(), static_cast<std::uint8_t>(Status::unknown));
    detail::for_each_known_record(framework, *this, [&](const Criterion& c, const CriterionRecord& record, const Answer* answer) {
        out[c.index] = answer ? answer->code : static_cast<std::uint8_t>(record.status);
    });
    return out;
}

std::vector<Diagnostic> Assessment::check(const Framework& framework) const {
    std::vector<Diagnostic> out;
    const SourceLocation top{file, 0, 0};
    auto add = [&](std::string message, const SourceLocation& where, const std::string& criterion) {
        out.push_back(Diagnostic{Severity::error, std::move(message), where, framework.id(), criterion});
    };
    if (framework_id != framework.id())
        add("the assessment is for framework '" + framework_id + "', not '" + framework.id() + "'", top, {});
    if (framework_version != framework.version())
        add("the assessment is for version '" + framework_version + "' of framework '" + framework_id +
                "', but the framework loaded is version '" + framework.version() + "'",
            top, {});
    std::size_t suggestion_budget = detail::suggestion_cells;
    for (const auto& [id, record] : records) {
        if (!framework.find_criterion(id)) {
            std::string message = "unknown criterion '" + id + "': framework '" + framework.id() + "' " +
                                  framework.version() + " has no such criterion";
            if (const auto hint = closest_criterion(framework, id, suggestion_budget); !hint.empty())
                message += " (did you mean '" + hint + "'?)";
            add(std::move(message), record.location, id);
        } else if (!record.answer.empty()) {
            const auto& c = *framework.find_criterion(id);
            if (!framework.find_answer(c, record.answer))
                add(unknown_answer(framework, c, record.answer),
                    record.answer_location.known() ? record.answer_location : record.location, id);
        }
        if (record.status == Status::not_applicable && !record.exclusion)
            add(not_applicable_without_reason(id), record.location, id);
        if (record.status != Status::not_applicable && (record.exclusion || !record.exclusion_text.empty()))
            add(reason_without_exclusion(id, record.status), record.location, id);
    }
    return out;
}

void Assessment::validate(const Framework& framework) const {
    auto problems = check(framework);
    if (!problems.empty()) throw AssessmentError(std::move(problems));
}

}  // namespace routemap
