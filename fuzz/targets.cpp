// See targets.hpp.

#include "targets.hpp"

#include <cstdio>
#include <cstdlib>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/target.hpp>

namespace routemap::fuzz {

namespace {

[[noreturn]] void finding(const char* what) {
    std::fprintf(stderr, "fuzz finding: %s\n", what);
    std::abort();
}

bool same(const Assessment& a, const Assessment& b) {
    if (a.framework_id != b.framework_id || a.framework_version != b.framework_version || a.subject != b.subject ||
        a.date != b.date || a.assessors != b.assessors || a.notes != b.notes || a.records.size() != b.records.size())
        return false;
    for (const auto& [id, r] : a.records) {
        const auto it = b.records.find(id);
        if (it == b.records.end()) return false;
        const auto& s = it->second;
        if (r.status != s.status || r.evidence != s.evidence || r.note != s.note || r.owner != s.owner ||
            r.due != s.due || r.exclusion != s.exclusion || r.exclusion_text != s.exclusion_text)
            return false;
    }
    return true;
}

// Reads, then writes what was read in every format and reads it back: it must be the same assessment
// (docs/file-formats.md promises lossless conversion; CSV cells are neutralised and restored).
void assessment(std::string_view data, AssessmentFormat format) {
    Assessment read;
    try {
        read = parse_assessment(data, format, "fuzz");
    } catch (const Error&) {
        return;
    }
    for (const auto out : {AssessmentFormat::toml, AssessmentFormat::json, AssessmentFormat::csv}) {
        std::string text;
        try {
            text = format_assessment(read, out);
        } catch (const AssessmentError&) {
            continue;  // not writable in this format (an assessor's name holding ';' in CSV): refused, fine
        }
        Assessment again;
        try {
            again = parse_assessment(text, out, "fuzz");
        } catch (const Error& e) {
            std::fprintf(stderr, "%s\n--- written as %s:\n%s\n", e.what(), std::string(to_string(out)).c_str(), text.c_str());
            finding("an assessment routemap wrote could not be read back");
        }
        if (!same(read, again)) finding("an assessment changed in a round trip through another format");
    }
}

}  // namespace

void framework(std::string_view data) {
    try {
        auto result = try_parse_framework(data, "fuzz.toml");
        if (result.framework) (void)result.framework->graph();
    } catch (const Error&) {
    }
}

void assessment_toml(std::string_view data) { assessment(data, AssessmentFormat::toml); }
void assessment_json(std::string_view data) { assessment(data, AssessmentFormat::json); }
void assessment_csv(std::string_view data) { assessment(data, AssessmentFormat::csv); }

void target(std::string_view data) {
    try {
        (void)routemap::Target::parse(data, "fuzz.toml");
    } catch (const Error&) {
    }
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{{"framework", framework},
                                         {"assessment_toml", assessment_toml},
                                         {"assessment_json", assessment_json},
                                         {"assessment_csv", assessment_csv},
                                         {"target", target}};
    return all;
}

}  // namespace routemap::fuzz
