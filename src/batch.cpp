#include <routemap/batch.hpp>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>

namespace routemap {

BatchScores score_many(const ScoringModel& model, const Framework& framework, const std::uint8_t* codes,
                       std::size_t rows, std::size_t row_stride, const ModelParameters& parameters) {
    const auto columns = framework.criteria().size();
    if (rows > 0 && row_stride < columns)
        throw Error("score_many: each row needs " + std::to_string(columns) + " status codes");
    BatchScores out;
    out.rows = rows;
    out.areas = framework.areas().size();
    out.domains = framework.domains().size();
    out.area_levels.resize(rows * out.areas);
    out.area_scores.resize(rows * out.areas);
    out.domain_levels.resize(rows * out.domains);
    out.domain_scores.resize(rows * out.domains);
    out.overall_levels.resize(rows);
    out.overall_scores.resize(rows);
    std::vector<Status> row_statuses(columns);  // one row at a time: the input itself is never copied whole
    for (std::size_t r = 0; r < rows; ++r) {
        const auto* row = codes + r * row_stride;
        for (std::size_t c = 0; c < columns; ++c) {
            if (row[c] >= status_count)
                throw Error("score_many: invalid status code " + std::to_string(row[c]) + " at row " + std::to_string(r) +
                            ", column " + std::to_string(c) + " (criterion '" + framework.criteria()[c].id +
                            "'); codes are 0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable");
            row_statuses[c] = static_cast<Status>(row[c]);
        }
        const auto result = model.score(framework, row_statuses, parameters);
        for (std::size_t a = 0; a < out.areas; ++a) {
            out.area_levels[r * out.areas + a] = result.areas[a].level;
            out.area_scores[r * out.areas + a] = result.areas[a].score;
        }
        for (std::size_t d = 0; d < out.domains; ++d) {
            out.domain_levels[r * out.domains + d] = result.domains[d].level;
            out.domain_scores[r * out.domains + d] = result.domains[d].score;
        }
        out.overall_levels[r] = result.overall.level;
        out.overall_scores[r] = result.overall.score;
    }
    return out;
}

}  // namespace routemap
