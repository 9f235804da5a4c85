// The panel's input: several assessments of one subject, date and framework, and their raters' names.

#include <filesystem>

#include <routemap/error.hpp>
#include <routemap/framework.hpp>
#include <routemap/panel.hpp>

#include "panel/panel_detail.hpp"

namespace routemap {

namespace {

std::string describe(const Assessment& a, std::size_t index) {
    return a.file.empty() ? "assessment " + std::to_string(index + 1) : "'" + a.file + "'";
}

}  // namespace

std::vector<Rater> panel_raters(const std::vector<Assessment>& ratings) {
    std::vector<Rater> out;
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        const auto& a = ratings[i];
        Rater r{{}, a.file, a.assessors};
        for (const auto& name : a.assessors)
            if (!name.empty()) r.name += (r.name.empty() ? "" : " & ") + name;
        if (r.name.empty() && !a.file.empty()) r.name = std::filesystem::path(a.file).stem().string();
        if (r.name.empty()) r.name = "rater " + std::to_string(i + 1);
        for (std::size_t j = 0; j < out.size(); ++j)
            if (out[j].name == r.name)
                throw AssessmentError("two ratings of the panel have the same rater, '" + r.name + "': " +
                                      describe(ratings[j], j) + " and " + describe(a, i) +
                                      " (give each file its own assessors, or name the files after their raters)");
        out.push_back(std::move(r));
    }
    return out;
}

namespace detail::panel {

void check_ratings(const Framework& framework, const std::vector<Assessment>& ratings) {
    if (ratings.size() < 2)
        throw AssessmentError("a panel needs at least two ratings of the same subject; got " + std::to_string(ratings.size()));
    const auto& first = ratings.front();
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        const auto& a = ratings[i];
        if (a.framework_id != framework.id() || a.framework_version != framework.version())
            throw AssessmentError(describe(a, i) + " rates framework '" + a.framework_id + "' " + a.framework_version +
                                  ", not '" + framework.id() + "' " + framework.version() +
                                  ": every rating of a panel must use the same framework and version");
        if (a.subject != first.subject)
            throw AssessmentError(describe(a, i) + " rates subject '" + a.subject + "', but " + describe(first, 0) +
                                  " rates '" + first.subject + "': every rating of a panel must have the same subject");
        if (a.date != first.date)
            throw AssessmentError(describe(a, i) + " is dated '" + a.date + "', but " + describe(first, 0) + " is dated '" +
                                  first.date + "': every rating of a panel must have the same date");
        a.validate(framework);
    }
}

}  // namespace detail::panel

}  // namespace routemap
