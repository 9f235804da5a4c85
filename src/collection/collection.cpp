#include <routemap/collection.hpp>

#include <glob.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/registry.hpp>

namespace routemap {

std::string_view to_string(CollectionProblemKind kind) noexcept {
    switch (kind) {
        case CollectionProblemKind::unreadable: return "unreadable";
        case CollectionProblemKind::invalid: return "invalid";
        case CollectionProblemKind::duplicate: return "duplicate";
        case CollectionProblemKind::conflict: return "conflict";
    }
    return "unreadable";
}

namespace {

bool is_assessment_extension(const std::filesystem::path& file) {
    const auto ext = file.extension().string();
    return ext == ".toml" || ext == ".json" || ext == ".csv";
}

bool has_glob_characters(std::string_view text) { return text.find_first_of("*?[") != std::string_view::npos; }

void add_directory(const std::filesystem::path& directory, std::vector<std::filesystem::path>& out) {
    std::error_code ec;
    const auto options = std::filesystem::directory_options::skip_permission_denied;
    for (auto it = std::filesystem::recursive_directory_iterator(directory, options, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        // Hidden files and folders (.git, editors' backups) are not assessments.
        if (it->path().filename().string().starts_with(".")) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && is_assessment_extension(it->path())) out.push_back(it->path());
    }
}

}  // namespace

std::vector<std::filesystem::path> collection_files(std::span<const std::string> inputs, std::vector<std::string>* missing) {
    std::vector<std::filesystem::path> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        const std::filesystem::path path(input);
        if (std::filesystem::is_directory(path, ec)) {
            add_directory(path, files);
        } else if (std::filesystem::exists(path, ec)) {
            files.push_back(path);
        } else if (has_glob_characters(input)) {
            glob_t matches{};
            const int rc = ::glob(input.c_str(), 0, nullptr, &matches);
            bool any = false;
            if (rc == 0)
                for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
                    const std::filesystem::path match(matches.gl_pathv[i]);
                    if (std::filesystem::is_directory(match, ec)) add_directory(match, files);
                    else files.push_back(match);
                    any = true;
                }
            globfree(&matches);
            if (!any && missing) missing->push_back(input);
        } else if (missing) {
            missing->push_back(input);
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

Collection Collection::read(std::span<const std::string> inputs, const Registry* registry) {
    std::vector<std::string> missing;
    const auto files = collection_files(inputs, &missing);
    Collection out;
    for (const auto& name : missing)
        out.problems_.push_back({CollectionProblemKind::unreadable, "'" + name + "' names no file or folder", {name}, {}});
    for (const auto& file : files) {
        try {
            auto assessment = read_assessment(file);
            if (registry) {
                std::vector<Diagnostic> diagnostics;
                if (!registry->contains(assessment.framework_id))
                    diagnostics.push_back({Severity::error, "unknown framework '" + assessment.framework_id + "'",
                                           SourceLocation{file.string(), 0, 0}, assessment.framework_id, {}});
                else
                    diagnostics = assessment.check(registry->get(assessment.framework_id));
                if (has_errors(diagnostics)) {
                    out.problems_.push_back({CollectionProblemKind::invalid,
                                             "'" + file.string() + "' does not fit its framework: " + diagnostics.front().message,
                                             {file.string()}, std::move(diagnostics)});
                    continue;
                }
            }
            out.assessments_.push_back(std::move(assessment));
        } catch (const Error& e) {
            out.problems_.push_back({CollectionProblemKind::unreadable, "'" + file.string() + "' cannot be read: " + e.what(),
                                     {file.string()}, e.diagnostics()});
        }
    }
    out.index();
    return out;
}

Collection Collection::from_assessments(std::vector<Assessment> assessments) {
    Collection out;
    out.assessments_ = std::move(assessments);
    out.index();
    return out;
}

// Groups by (subject, framework), finds the assessments of one subject, framework and date: the
// same content twice is a duplicate (the first file is kept), different contents a conflict (none
// is kept, since routemap cannot know which is right).
void Collection::index() {
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::vector<std::size_t>> by_date;
    for (std::size_t i = 0; i < assessments_.size(); ++i) {
        const auto& a = assessments_[i];
        by_date[{a.subject, a.framework_id, a.date}].push_back(i);
    }
    std::vector<bool> keep(assessments_.size(), true);
    for (const auto& [key, indices] : by_date) {
        if (indices.size() < 2) continue;
        std::vector<std::string> files;
        bool same = true;
        for (const auto i : indices) {
            files.push_back(assessments_[i].file);
            same = same && assessments_[i] == assessments_[indices.front()];
        }
        const auto& [subject, framework, date] = key;
        const std::string what = "'" + subject + "' against " + framework + " on " + (date.empty() ? "no date" : date);
        if (same) {
            for (std::size_t j = 1; j < indices.size(); ++j) keep[indices[j]] = false;
            problems_.push_back({CollectionProblemKind::duplicate,
                                 std::to_string(indices.size()) + " identical assessments of " + what + ": kept " +
                                     files.front() + ", ignored the others",
                                 files, {}});
        } else {
            for (const auto i : indices) keep[i] = false;
            problems_.push_back({CollectionProblemKind::conflict,
                                 std::to_string(indices.size()) + " different assessments of " + what +
                                     ": none used until one is chosen",
                                 files, {}});
        }
    }
    std::vector<Assessment> kept;
    for (std::size_t i = 0; i < assessments_.size(); ++i)
        if (keep[i]) kept.push_back(std::move(assessments_[i]));
    assessments_ = std::move(kept);

    series_.clear();
    std::map<std::pair<std::string, std::string>, std::size_t> position;
    for (std::size_t i = 0; i < assessments_.size(); ++i) {
        const auto& a = assessments_[i];
        auto [it, inserted] = position.try_emplace({a.subject, a.framework_id}, series_.size());
        if (inserted) series_.push_back({a.subject, a.framework_id, {}});
        series_[it->second].entries.push_back(i);
    }
    for (auto& s : series_)
        std::stable_sort(s.entries.begin(), s.entries.end(),
                         [&](std::size_t x, std::size_t y) { return assessments_[x].date < assessments_[y].date; });
    std::stable_sort(series_.begin(), series_.end(), [](const SubjectSeries& x, const SubjectSeries& y) {
        return std::tie(x.subject, x.framework_id) < std::tie(y.subject, y.framework_id);
    });
}

std::vector<std::string> Collection::subjects() const {
    std::vector<std::string> out;
    for (const auto& s : series_)
        if (std::find(out.begin(), out.end(), s.subject) == out.end()) out.push_back(s.subject);
    return out;
}

std::vector<std::string> Collection::framework_ids() const {
    std::set<std::string> ids;
    for (const auto& a : assessments_) ids.insert(a.framework_id);
    return {ids.begin(), ids.end()};
}

std::vector<const Assessment*> Collection::history(std::string_view subject, std::string_view framework_id) const {
    std::vector<const Assessment*> out;
    bool known = false;
    for (const auto& s : series_) {
        if (s.subject != subject) continue;
        known = true;
        if (!framework_id.empty() && s.framework_id != framework_id) continue;
        for (const auto i : s.entries) out.push_back(&assessments_[i]);
    }
    if (!known) throw NotFoundError("no assessment of subject '" + std::string(subject) + "' in the collection");
    std::stable_sort(out.begin(), out.end(), [](const Assessment* x, const Assessment* y) { return x->date < y->date; });
    return out;
}

std::vector<const Assessment*> Collection::latest(std::string_view framework_id) const {
    std::vector<const Assessment*> out;
    for (const auto& s : series_)
        if (!s.entries.empty() && (framework_id.empty() || s.framework_id == framework_id))
            out.push_back(&assessments_[s.entries.back()]);
    return out;
}

std::vector<std::string> Collection::dates() const {
    std::set<std::string> dates;
    for (const auto& a : assessments_) dates.insert(a.date);
    return {dates.begin(), dates.end()};
}

}  // namespace routemap
