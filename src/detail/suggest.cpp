// routemap::detail is not public API. See suggest.hpp.

#include "suggest.hpp"

#include <algorithm>
#include <vector>

#include <routemap/limits.hpp>

namespace routemap::detail {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit, std::size_t& cells) {
    const std::size_t too_far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return too_far;
    // Rows i - 2, i - 1 and i of the table; cells outside the band hold too_far.
    std::vector<std::size_t> before(b.size() + 1, too_far), previous(b.size() + 1), row(b.size() + 1, too_far);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = std::min(j, too_far);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        const std::size_t from = i > limit ? i - limit : 1, to = std::min(b.size(), i + limit);
        // Only the band and its two edges are ever read: the rest may hold an older row's values.
        row[from - 1] = from == 1 ? std::min(i, too_far) : too_far;
        std::size_t best = row[from - 1];
        for (std::size_t j = from; j <= to; ++j) {
            std::size_t d = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            // An adjacent transposition ("wieght" for "weight") is one edit (optimal string alignment).
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
            row[j] = std::min(d, too_far);
            best = std::min(best, row[j]);
        }
        if (to < b.size()) row[to + 1] = too_far;
        cells += to >= from ? to - from + 1 : 1;
        if (best > limit) return too_far;
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return std::min(previous[b.size()], too_far);
}

Suggestion::Suggestion(std::string_view word, std::size_t& budget) : word_(word), budget_(budget) {
    off_ = word.empty() || word.size() > limits::max_id_length || budget == 0;
    limit_ = std::min<std::size_t>(3, std::max<std::size_t>(1, word.size() / 4));
    best_distance_ = limit_ + 1;
}

Suggestion::~Suggestion() { budget_ -= std::min(budget_, cells_); }

void Suggestion::consider(std::string_view candidate) {
    if (off_ || best_distance_ == 0 || cells_ >= budget_ || candidate == word_) {
        if (candidate == word_ && !off_) best_distance_ = 0, best_.clear();  // the word itself is no suggestion
        return;
    }
    const auto d = edit_distance(word_, candidate, std::min(limit_, best_distance_ - 1), cells_);
    if (d < best_distance_) {
        best_distance_ = d;
        best_ = std::string(candidate);
    }
}

std::string Suggestion::hint() const { return best_.empty() ? std::string() : " (did you mean '" + best_ + "'?)"; }

}  // namespace routemap::detail
