// routemap::detail is not public API. Helpers shared by the assessment formats (see common.hpp).

#include "common.hpp"

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <routemap/error.hpp>
#include <routemap/status.hpp>

#include "../detail/suggest.hpp"

namespace routemap::detail {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_valid_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (auto i = from; i < from + count; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            value = value * 10 + (s[i] - '0');
        }
        return value;
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

void Problems::error(std::string message, SourceLocation where, std::string criterion) {
    out.push_back(Diagnostic{Severity::error, std::move(message), std::move(where), {}, std::move(criterion)});
}

void Problems::status(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id) {
    if (const auto s = parse_status(text)) record.status = *s;
    else
        error("criterion '" + id + "': unknown status '" + text + "' (expected " + std::string(status_names) +
                  "; an answer of the framework's answer scale goes in `answer`)" +
                  did_you_mean(lower(text), std::vector<std::string_view>{"met", "partial", "not_met", "not_applicable", "unknown"}),
              where, id);
}

void Problems::answer(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id) {
    if (text.empty()) return;
    record.answer = text;
    record.answer_location = where;
    if (record.status != Status::unknown)
        error("criterion '" + id + "' gives both a status ('" + std::string(to_string(record.status)) + "') and an answer ('" +
                  text + "'): give one (the answer's meaning is its status)",
              where, id);
}

void Problems::reason(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id) {
    if (text.empty()) return;
    if (const auto r = parse_exclusion(text)) record.exclusion = *r;
    else
        error("criterion '" + id + "': unknown reason '" + text + "' (expected " + std::string(reason_names) + ")" +
                  did_you_mean(lower(text), std::vector<std::string_view>{"not_relevant", "out_of_scope", "owned_elsewhere"}),
              where, id);
}

void Problems::date(const std::string& text, const SourceLocation& where) {
    if (!text.empty() && !is_valid_date(text))
        error("date '" + text + "' is not a valid date in the form YYYY-MM-DD", where);
}

bool Problems::format_version(long long version, const SourceLocation& where) {
    if (version == assessment_format_version) return true;
    format_version(std::to_string(version), where);
    return false;  // a newer format may mean anything: do not guess
}

void Problems::format_version(const std::string& written, const SourceLocation& where) {
    error("unsupported format_version " + written + ": this routemap reads assessment format version " +
              std::to_string(assessment_format_version),
          where);
}

void check_writable(const Assessment& a) {
    std::vector<Diagnostic> problems;
    auto check = [&](const std::string& value, const std::string& what, const std::string& criterion = {}) {
        if (!is_valid_utf8(value))
            problems.push_back({Severity::error, what + " is not valid UTF-8", {}, a.framework_id, criterion});
    };
    check(a.framework_id, "the framework id");
    check(a.framework_version, "the framework version");
    check(a.subject, "the subject");
    check(a.date, "the date");
    check(a.notes, "the notes");
    for (const auto& name : a.assessors) check(name, "an assessor's name");
    for (const auto& [id, r] : a.records) {
        if (id.empty()) problems.push_back({Severity::error, "a criterion id is empty", {}, a.framework_id, {}});
        check(id, "criterion id '" + id + "'", id);
        for (const auto* value : {&r.evidence, &r.note, &r.owner, &r.due, &r.exclusion_text, &r.answer})
            check(*value, "a field of criterion '" + id + "'", id);
    }
    if (!problems.empty()) throw AssessmentError(std::move(problems));
}

// A TOML basic string: quotes, backslashes and control characters escaped, everything else as is.
std::string toml_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + '"';
}

}  // namespace routemap::detail
