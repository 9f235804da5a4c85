// routemap::detail: not public API. See codes.hpp.

#include "codes.hpp"

#include <routemap/error.hpp>

namespace routemap::detail {

CodeRanges::CodeRanges(const Framework& framework) : framework_(&framework), code_count_(framework.code_count()) {
    const auto all = framework.answers().size();
    for (const auto& d : framework.domains())
        if (d.first_answer != 0 || d.answer_count != all) uniform_ = false;
    if (uniform_) return;
    lo_.resize(framework.criteria().size());
    hi_.resize(framework.criteria().size());
    for (const auto& c : framework.criteria()) {
        const auto& d = framework.domains()[c.domain];
        lo_[c.index] = static_cast<std::uint8_t>(first_answer_code + d.first_answer);
        hi_[c.index] = static_cast<std::uint8_t>(first_answer_code + d.first_answer + d.answer_count);
    }
}

std::string CodeRanges::legend(std::size_t column) const {
    std::string out = "codes are 0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable";
    const auto& c = framework_->criteria()[column];
    const auto scale = framework_->answers_of(c);
    if (!scale.empty()) {
        out += ", and for this criterion its answers";
        for (const auto& a : scale) out += " " + std::to_string(a.code) + " " + a.id + (&a == &scale.back() ? "" : ",");
    }
    return out;
}

void CodeRanges::check(const std::uint8_t* row, std::size_t columns, const std::string& prefix, long long row_index) const {
    for (std::size_t c = 0; c < columns; ++c)
        if (!accepts(c, row[c]))
            throw Error(prefix + "invalid status code " + std::to_string(row[c]) + " at " +
                        (row_index >= 0 ? "row " + std::to_string(row_index) + ", " : std::string()) + "column " +
                        std::to_string(c) + " (criterion '" + framework_->criteria()[c].id + "'); " + legend(c));
}

}  // namespace routemap::detail
