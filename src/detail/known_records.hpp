#pragma once
// routemap::detail is not public API.
// The records of an assessment that name a criterion of a framework, each with the status it counts
// as: its own, or its answer's meaning when answered (an answer the criterion's scale does not have
// counts as unknown; Assessment::check reports it). One hash lookup per record, in record order: what
// Assessment::statuses and the gap analysis walk.

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>

namespace routemap::detail {

// f(const Criterion&, const CriterionRecord&, Status counted)
template <class F>
void for_each_known_record(const Framework& framework, const Assessment& assessment, F&& f) {
    for (const auto& [id, record] : assessment.records) {
        const auto* c = framework.find_criterion(id);
        if (!c) continue;
        if (record.answer.empty()) {
            f(*c, record, record.status);
        } else {
            const auto* answer = framework.find_answer(*c, record.answer);
            f(*c, record, answer ? answer->meaning : Status::unknown);
        }
    }
}

}  // namespace routemap::detail
