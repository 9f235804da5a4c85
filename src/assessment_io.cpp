// Assessments as TOML, JSON and CSV (formats in docs/file-formats.md, "Assessments").
// Readers collect every problem (syntax, types, unknown keys or columns, unknown statuses and reasons,
// duplicates) before throwing one AssessmentError; writers list criteria in framework order when
// given a framework. Each format is in src/assessment_io/<format>_format.cpp; this file dispatches.

#include <routemap/assessment_io.hpp>

#include <string>
#include <utility>
#include <vector>

#include <routemap/error.hpp>
#include <routemap/limits.hpp>

#include "assessment_io/common.hpp"
#include "detail/toml_reader.hpp"

namespace routemap {

std::string_view to_string(AssessmentFormat format) noexcept {
    switch (format) {
        case AssessmentFormat::json: return "json";
        case AssessmentFormat::csv: return "csv";
        case AssessmentFormat::toml: break;
    }
    return "toml";
}

AssessmentFormat assessment_format_from_name(std::string_view name) {
    auto n = detail::lower(name);
    if (const auto dot = n.rfind('.'); dot != std::string::npos) n = n.substr(dot + 1);  // "x.json" or ".json"
    if (n == "toml") return AssessmentFormat::toml;
    if (n == "json") return AssessmentFormat::json;
    if (n == "csv") return AssessmentFormat::csv;
    throw Error("unknown assessment format '" + std::string(name) + "': use toml, json or csv");
}

AssessmentFormat assessment_format_for(const std::filesystem::path& file) {
    const auto extension = detail::lower(file.extension().string());
    if (extension == ".toml") return AssessmentFormat::toml;
    if (extension == ".json") return AssessmentFormat::json;
    if (extension == ".csv") return AssessmentFormat::csv;
    throw Error("cannot tell the format of assessment file '" + file.string() +
                "' from its extension: use .toml, .json or .csv");
}

Assessment parse_assessment(std::string_view text, AssessmentFormat format, const std::string& source_name) {
    std::vector<Diagnostic> diagnostics;
    detail::Problems problems{source_name, diagnostics};
    Assessment a;
    if (text.size() > limits::max_file_bytes)
        throw AssessmentError("'" + source_name + "' is " + std::to_string(text.size()) + " bytes long: routemap reads at most " +
                                  std::to_string(limits::max_file_bytes) + " bytes (docs/limits.md)",
                              SourceLocation{source_name, 1, 1});
    switch (format) {
        case AssessmentFormat::toml: a = detail::read_toml(text, problems); break;
        case AssessmentFormat::json: a = detail::read_json(text, problems); break;
        case AssessmentFormat::csv: a = detail::read_csv(text, problems); break;
    }
    if (has_errors(diagnostics)) {
        for (auto& d : diagnostics) d.framework_id = a.framework_id;
        throw AssessmentError(std::move(diagnostics));
    }
    if (source_name != "<string>") a.file = source_name;
    return a;
}

Assessment read_assessment(const std::filesystem::path& file) {
    const auto format = assessment_format_for(file);
    return parse_assessment(detail::read_text_file(file.string()), format, file.string());
}

std::string format_assessment(const Assessment& assessment, AssessmentFormat format, const Framework* framework) {
    detail::check_writable(assessment);
    switch (format) {
        case AssessmentFormat::json: return detail::format_json(assessment, framework);
        case AssessmentFormat::csv: return detail::format_csv(assessment, framework);
        case AssessmentFormat::toml: break;
    }
    return detail::format_toml(assessment, framework);
}

void write_assessment(const std::filesystem::path& file, const Assessment& assessment, const Framework* framework) {
    write_assessment(file, assessment, assessment_format_for(file), framework);
}

void write_assessment(const std::filesystem::path& file, const Assessment& assessment, AssessmentFormat format,
                      const Framework* framework) {
    write_file_atomically(file, format_assessment(assessment, format, framework));
}

std::string assessment_template(const Framework& framework, AssessmentFormat format) {
    return format_assessment(Assessment::blank(framework), format, &framework);
}

}  // namespace routemap
