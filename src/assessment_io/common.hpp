#pragma once
// routemap::detail is not public API: it may change in any release.
// What the assessment readers and writers share (formats in docs/file-formats.md, "Assessments"):
// the format version and the names used in messages, date and UTF-8 checks, and Problems, which
// collects every problem of one input so that a reader can report them all in one AssessmentError.
// Each format lives in its own file (toml_format.cpp, json_format.cpp, csv_format.cpp); the public
// functions of <routemap/assessment_io.hpp> (src/assessment_io.cpp) dispatch to them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/diagnostic.hpp>

#include "../detail/toml_sections.hpp"
#include "../detail/utf8.hpp"

namespace routemap {
class Framework;
}

namespace routemap::detail {

inline constexpr int assessment_format_version = 1;
inline constexpr std::string_view status_names = "met, partial, not_met, not_applicable or unknown";
inline constexpr std::string_view reason_names = "not_relevant, out_of_scope or owned_elsewhere";

// ASCII only: names and extensions are ASCII, and locale-dependent case mapping would be wrong here.
std::string lower(std::string_view text);
// A TOML basic string: quotes, backslashes and control characters escaped, everything else as is
// (the assessment writer and the framework writer both write TOML).
std::string toml_string(std::string_view s);
// YYYY-MM-DD, a real day of the Gregorian calendar.
bool is_valid_date(std::string_view s);

// Collects the problems of one input, each with the file name and the criterion when known.
struct Problems {
    std::string file;
    std::vector<Diagnostic>& out;

    SourceLocation at(std::uint32_t line = 0, std::uint32_t column = 0) const { return {file, line, column}; }
    void error(std::string message, SourceLocation where, std::string criterion = {});
    void status(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id);
    // An answer of an answer scale (checked against the framework later, by Assessment::check): a
    // record gives a status or an answer, not both (unknown, the default, counts as no status).
    void answer(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id);
    void reason(CriterionRecord& record, const std::string& text, const SourceLocation& where, const std::string& id);
    void date(const std::string& text, const SourceLocation& where);
    // False (after reporting it) when the file is in a format version this build cannot read.
    bool format_version(long long version, const SourceLocation& where);
    // A version too large for an integer, as written in the file: always unsupported.
    void format_version(const std::string& written, const SourceLocation& where);
};

// Everything written must read back the same: strings must be UTF-8 (TOML, JSON and the CSV
// format require it) and criterion ids must not be empty. Throws AssessmentError.
void check_writable(const Assessment& a);

// Readers add every problem to `p` and return what they could read; the caller throws.
// Writers list criteria in framework order when given a framework.
// `reading`: how a big TOML file may be read in pieces (../detail/toml_sections.hpp); tests vary it.
Assessment read_toml(std::string_view text, Problems& p, const SplitReading& reading = {});
std::string format_toml(const Assessment& a, const Framework* framework);
Assessment read_json(std::string_view text, Problems& p);
std::string format_json(const Assessment& a, const Framework* framework);
Assessment read_csv(std::string_view text, Problems& p);
// Throws AssessmentError when an assessor's name cannot be written between ';' separators.
std::string format_csv(const Assessment& a, const Framework* framework);

}  // namespace routemap::detail
