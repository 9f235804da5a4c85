#pragma once
// routemap::detail: not public API.
// Which codes each criterion accepts: the five statuses always, and the answer codes of its own
// answer scale (Framework::answers_of), so that score_many and single scoring refuse the same codes.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <routemap/framework.hpp>

namespace routemap::detail {

class CodeRanges {
public:
    explicit CodeRanges(const Framework& framework);

    [[nodiscard]] bool accepts(std::size_t column, std::uint8_t code) const noexcept {
        if (code < first_answer_code) return true;
        if (uniform_) return code < code_count_;
        return code >= lo_[column] && code < hi_[column];
    }
    // Throws Error naming the first code of `row` that its criterion does not accept: "<prefix>invalid
    // status code 9 at row 3, column 7 (criterion 'x'); codes are ..." (no row when row_index < 0).
    void check(const std::uint8_t* row, std::size_t columns, const std::string& prefix, long long row_index = -1) const;
    // What the codes mean, for messages: "0 unknown, 1 not met, ..., 5 no, 6 some" (the criterion's scale).
    [[nodiscard]] std::string legend(std::size_t column) const;

    // One past the largest code any criterion accepts; every code below it is accepted by every
    // criterion when uniform() (no scale, or one scale for all).
    [[nodiscard]] std::size_t code_count() const noexcept { return code_count_; }
    [[nodiscard]] bool uniform() const noexcept { return uniform_; }

private:
    const Framework* framework_;
    std::size_t code_count_ = first_answer_code;
    bool uniform_ = true;
    std::vector<std::uint8_t> lo_, hi_;  // per column, when not uniform
};

}  // namespace routemap::detail
