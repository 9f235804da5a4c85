#pragma once
// An assessment: one subject against one framework (id + version) at one date.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/status.hpp>

namespace routemap {

class Framework;

// YYYY-MM-DD, a real day of the Gregorian calendar: what every assessment date must be.
[[nodiscard]] bool is_iso_date(std::string_view text) noexcept;

struct CriterionRecord {
    Status status = Status::unknown;
    std::string evidence;
    std::string note;
    std::string owner;
    std::string due;  // ISO date, free text allowed
    std::optional<Exclusion> exclusion;  // required when status is not_applicable
    std::string exclusion_text;
    SourceLocation location;  // where it was read, when it was
    // An answer of the criterion's answer scale (Framework::answers_of), given instead of a status.
    // `status` is then the answer's meaning once known (set_answer, resolve); statuses() and codes()
    // always take it from the framework.
    std::string answer;
    SourceLocation answer_location;

    friend bool operator==(const CriterionRecord& a, const CriterionRecord& b) {
        return a.status == b.status && a.evidence == b.evidence && a.note == b.note && a.owner == b.owner &&
               a.due == b.due && a.exclusion == b.exclusion && a.exclusion_text == b.exclusion_text &&
               a.answer == b.answer;
    }
};

class Assessment {
public:
    std::string framework_id;
    std::string framework_version;
    std::string subject;
    std::string date;  // ISO 8601 (YYYY-MM-DD)
    std::vector<std::string> assessors;
    std::string notes;
    std::map<std::string, CriterionRecord> records;  // by full criterion id; missing means unknown
    std::string file;  // where it was read from, if anywhere

    // A blank assessment listing every criterion as unknown. Throws AssessmentError on a malformed date.
    static Assessment blank(const Framework& framework, std::string subject = {}, std::string date = {});

    [[nodiscard]] Status status(std::string_view criterion_id) const;
    // Records a status (and evidence, when given), checked as the file readers check it, at once:
    // not_applicable needs a reason (given here, or kept from the record's earlier not_applicable);
    // a reason with any other status is refused (AssessmentError, the readers' message). Setting
    // another status on a not-applicable record clears its reason, which belonged to the exclusion.
    // check() or validate() compares ids with a framework.
    CriterionRecord& set(std::string criterion_id, Status status, std::string evidence = {},
                         std::optional<Exclusion> reason = {});
    // Records an answer of the criterion's answer scale (its meaning becomes the status; a reason is
    // cleared). Throws AssessmentError when the framework has no such criterion or its scale no such
    // answer (with a suggestion when one is close).
    CriterionRecord& set_answer(const Framework& framework, std::string criterion_id, std::string_view answer,
                                std::string evidence = {});
    // Sets the status of every answered record to its answer's meaning (answers the framework does
    // not know are left for check() to report). The command line does this after reading a file.
    void resolve(const Framework& framework);
    // Sets the date after checking it is YYYY-MM-DD, a real day (AssessmentError otherwise), as
    // the readers do. (Assigning `date` directly is not checked until the assessment is written.)
    void set_date(std::string iso_date);
    // One status per criterion of the framework, in framework order (missing = unknown).
    // An answered criterion counts as its answer's meaning.
    [[nodiscard]] std::vector<Status> statuses(const Framework& framework) const;
    // One code per criterion of the framework, in framework order: the status's code, or an answered
    // criterion's answer code (Answer::code); what score_many takes, one row per assessment.
    [[nodiscard]] std::vector<std::uint8_t> codes(const Framework& framework) const;

    // Every mismatch with the framework: another framework id or version, unknown criteria,
    // not_applicable without a reason, an answer not on the criterion's answer scale. Empty when the assessment fits.
    [[nodiscard]] std::vector<Diagnostic> check(const Framework& framework) const;
    // Throws AssessmentError listing every mismatch.
    void validate(const Framework& framework) const;

    friend bool operator==(const Assessment& a, const Assessment& b) {
        return a.framework_id == b.framework_id && a.framework_version == b.framework_version && a.subject == b.subject &&
               a.date == b.date && a.assessors == b.assessors && a.notes == b.notes && a.records == b.records;
    }
};

}  // namespace routemap
