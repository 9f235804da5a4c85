#pragma once
// Collections: many assessments (subjects x dates x frameworks) read at once from folders, files
// or glob patterns. Grouped by subject and framework, each group's history sorted by date. Files
// that cannot be read, duplicates (same subject, framework and date, same content) and conflicts
// (same subject, framework and date, different content) are reported as problems naming the
// files; nothing is merged silently (docs/collections.md).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/diagnostic.hpp>
#include <routemap/scoring.hpp>

namespace routemap {

class Registry;

enum class CollectionProblemKind { unreadable, invalid, duplicate, conflict };
// "unreadable", "invalid", "duplicate", "conflict".
std::string_view to_string(CollectionProblemKind kind) noexcept;

struct CollectionProblem {
    CollectionProblemKind kind = CollectionProblemKind::unreadable;
    std::string message;
    std::vector<std::string> files;          // every file concerned
    std::vector<Diagnostic> diagnostics;     // positioned errors of an unreadable or invalid file
};

// One subject's assessments against one framework, oldest first.
struct SubjectSeries {
    std::string subject;
    std::string framework_id;
    std::vector<std::size_t> entries;  // indices into Collection::assessments(), by date
};

class Collection {
public:
    // Reads every input: a directory is searched recursively for *.toml, *.json and *.csv; a pattern
    // with * ? or [ that names no file is expanded (glob); anything else is read as one file. Files
    // are read in sorted path order. With a registry, each assessment is also checked against its
    // framework, and those that do not fit are reported (kind invalid) and left out.
    static Collection read(std::span<const std::string> inputs, const Registry* registry = nullptr);
    // From assessments already in memory (their `file` names them in problems).
    static Collection from_assessments(std::vector<Assessment> assessments);

    [[nodiscard]] const std::vector<Assessment>& assessments() const noexcept { return assessments_; }
    // Subjects in order of first appearance (by subject, then framework id).
    [[nodiscard]] const std::vector<SubjectSeries>& series() const noexcept { return series_; }
    [[nodiscard]] std::vector<std::string> subjects() const;
    [[nodiscard]] std::vector<std::string> framework_ids() const;
    // A subject's assessments, oldest first; with a framework id, only those against it.
    // NotFoundError when the subject is unknown.
    [[nodiscard]] std::vector<const Assessment*> history(std::string_view subject, std::string_view framework_id = {}) const;
    // The newest assessment of each subject and framework; with a framework id, only those against it.
    [[nodiscard]] std::vector<const Assessment*> latest(std::string_view framework_id = {}) const;
    // The distinct dates, sorted.
    [[nodiscard]] std::vector<std::string> dates() const;
    [[nodiscard]] const std::vector<CollectionProblem>& problems() const noexcept { return problems_; }

private:
    void index();
    std::vector<Assessment> assessments_;
    std::vector<SubjectSeries> series_;
    std::vector<CollectionProblem> problems_;
};

// The files a list of inputs names (directories recursed, globs expanded), sorted, without repeats.
// Inputs that name nothing are returned in `missing`.
std::vector<std::filesystem::path> collection_files(std::span<const std::string> inputs,
                                                    std::vector<std::string>* missing = nullptr);

// A point of a subject's trend: one assessment scored.
struct TrendPoint {
    std::string date;
    std::string file;
    std::string framework_version;
    ScoreNode overall;
    std::vector<ScoreNode> domains;  // framework order
};

struct SubjectTrend {
    std::string subject;
    std::string framework_id;
    std::string model;
    std::vector<std::string> level_labels;
    std::vector<TrendPoint> points;  // oldest first
};

// Scores every assessment of every series (each validated against its framework first).
std::vector<SubjectTrend> trends(const Registry& registry, const Collection& collection, std::string_view model = {});

}  // namespace routemap
