#pragma once
// Reading and writing assessments as TOML (hand-editable), JSON and CSV (one row per criterion).
// File formats: docs/file-formats.md. Writes are atomic: a temporary file in the same directory,
// then a rename, so an interrupted write never loses the previous file.

#include <filesystem>
#include <string>
#include <string_view>

#include <routemap/assessment.hpp>

namespace routemap {

class Framework;

enum class AssessmentFormat { toml, json, csv };

std::string_view to_string(AssessmentFormat format) noexcept;
// From a name ("toml", "json", "csv") or a file's extension; throws Error when neither fits.
AssessmentFormat assessment_format_from_name(std::string_view name);
AssessmentFormat assessment_format_for(const std::filesystem::path& file);

// Parsing only checks the file's own shape (syntax, types, known statuses and reasons), with file,
// line and column where the format has them; Assessment::validate checks it against a framework.
// Throws AssessmentError listing every problem.
Assessment parse_assessment(std::string_view text, AssessmentFormat format, const std::string& source_name = "<string>");
Assessment read_assessment(const std::filesystem::path& file);

// With a framework, the output lists every criterion in framework order, including unknown ones,
// with its tier and text (as a TOML comment, or CSV columns), so that people can fill it in.
std::string format_assessment(const Assessment& assessment, AssessmentFormat format, const Framework* framework = nullptr);
void write_assessment(const std::filesystem::path& file, const Assessment& assessment, const Framework* framework = nullptr);
void write_assessment(const std::filesystem::path& file, const Assessment& assessment, AssessmentFormat format,
                      const Framework* framework = nullptr);

// A blank template for a framework, with every criterion listed (status unknown).
std::string assessment_template(const Framework& framework, AssessmentFormat format);

// Writes text to a file atomically (temporary file + rename). Throws IoError.
void write_file_atomically(const std::filesystem::path& file, std::string_view contents);

}  // namespace routemap
