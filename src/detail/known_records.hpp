#pragma once
// routemap::detail is not public API.
// The records of an assessment that name a criterion of a framework, each with its answer when it is
// answered: one hash lookup per record, in record order. What Assessment::statuses, Assessment::codes
// and the gap analysis walk. An answered record whose answer the criterion's scale does not have is
// passed over (it counts as unknown; Assessment::check reports it).

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>

namespace routemap::detail {

// f(const Criterion&, const CriterionRecord&, const Answer* answer), answer null when not answered.
template <class F>
void for_each_known_record(const Framework& framework, const Assessment& assessment, F&& f) {
    for (const auto& [id, record] : assessment.records) {
        const auto* c = framework.find_criterion(id);
        if (!c) continue;
        if (record.answer.empty()) {
            f(*c, record, static_cast<const Answer*>(nullptr));
        } else if (const auto* answer = framework.find_answer(*c, record.answer)) {
            f(*c, record, answer);
        }
    }
}

// The status a known record counts as: its answer's meaning when answered, else its own.
inline Status counted_status(const CriterionRecord& record, const Answer* answer) {
    return answer ? answer->meaning : record.status;
}

}  // namespace routemap::detail
