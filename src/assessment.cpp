#include <routemap/assessment.hpp>

#include <algorithm>
#include <numeric>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>

#include "assessment_io/common.hpp"

namespace routemap {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The framework's criterion id closest to `id`, when it is close enough to be a likely typo.
std::string closest_criterion(const Framework& framework, std::string_view id) {
    const std::size_t limit = std::min<std::size_t>(3, std::max<std::size_t>(1, id.size() / 4));
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& c : framework.criteria()) {
        const auto d = edit_distance(id, c.id);
        if (d < best_distance) {
            best_distance = d;
            best = c.id;
        }
    }
    return best;
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
    if (!evidence.empty()) record.evidence = std::move(evidence);  // keep earlier evidence unless replaced
    return record;
}

std::vector<Status> Assessment::statuses(const Framework& framework) const {
    // One hash lookup per record (not a tree search per criterion): linear in the assessment.
    std::vector<Status> out(framework.criteria().size(), Status::unknown);
    for (const auto& [id, record] : records)
        if (const auto* c = framework.find_criterion(id)) out[c->index] = record.status;
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
    for (const auto& [id, record] : records) {
        if (!framework.find_criterion(id)) {
            std::string message = "unknown criterion '" + id + "': framework '" + framework.id() + "' " +
                                  framework.version() + " has no such criterion";
            if (const auto hint = closest_criterion(framework, id); !hint.empty())
                message += " (did you mean '" + hint + "'?)";
            add(std::move(message), record.location, id);
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
