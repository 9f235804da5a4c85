#pragma once
// routemap::detail is not public API.
// "Did you mean" suggestions: the candidate closest to a word by edit distance, when it is close
// enough to be a likely typo. Shared by the framework loader (keys, tiers, `requires`, values) and
// the assessment checks (criterion ids, answers).

#include <cstddef>
#include <string>
#include <string_view>

namespace routemap::detail {

// The edit distance (insertions, deletions, substitutions and adjacent transpositions: optimal string
// alignment) when it is at most `limit`, else limit + 1: only the diagonal band of width
// 2 * limit + 1 is computed, and the rows stop once every cell in the band is past the limit.
// `cells` counts the work done.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit, std::size_t& cells);

// Work allowed for the suggestions of one check, in cells of the distance table: generous for real
// files (a few thousand unknown ids against a large framework), bounded for hostile ones.
inline constexpr std::size_t suggestion_cells = 20'000'000;

// Feed it candidates; best() is the closest one within the distance allowed for `word` (1 for short
// words, up to 3 for long ones), or empty. Words past the id length limit get no suggestion; work is
// taken from `budget` (shared by the suggestions of one check) and stops when it is spent.
class Suggestion {
public:
    Suggestion(std::string_view word, std::size_t& budget);
    ~Suggestion();
    Suggestion(const Suggestion&) = delete;
    Suggestion& operator=(const Suggestion&) = delete;

    void consider(std::string_view candidate);
    [[nodiscard]] const std::string& best() const noexcept { return best_; }
    // " (did you mean 'best'?)", or empty.
    [[nodiscard]] std::string hint() const;

private:
    std::string word_;
    std::size_t& budget_;
    std::size_t limit_ = 0, best_distance_ = 0, cells_ = 0;
    bool off_ = false;
    std::string best_;
};

// The same for a handful of candidates with a budget of its own.
template <class Range>
std::string did_you_mean(std::string_view word, const Range& candidates) {
    std::size_t budget = suggestion_cells;
    Suggestion s(word, budget);
    for (const auto& c : candidates) s.consider(c);
    return s.hint();
}

}  // namespace routemap::detail
