// See targets.hpp.

#include "targets.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <tuple>
#include <utility>
#include <vector>

#include <routemap/assessment_io.hpp>
#include <routemap/authoring.hpp>
#include <routemap/crosswalk.hpp>
#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/limits.hpp>
#include <routemap/markdown.hpp>
#include <routemap/panel.hpp>
#include <routemap/target.hpp>

#include "assessment_io/common.hpp"
#include "detail/framework_id_peek.hpp"
#include "detail/framework_reading.hpp"
#include "framework_cache/spec_codec.hpp"

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
            r.due != s.due || r.exclusion != s.exclusion || r.exclusion_text != s.exclusion_text || r.answer != s.answer)
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

// A bundled framework by id (ROUTEMAP_FUZZ_FRAMEWORKS, the source tree's frameworks/), loaded once;
// nullptr for any other id.
const Framework* bundled(const std::string& id) {
    static std::map<std::string, std::optional<Framework>> cache;
    const auto it = cache.find(id);
    if (it != cache.end()) return it->second ? &*it->second : nullptr;
    auto& slot = cache[id];
    const std::filesystem::path file = std::filesystem::path(ROUTEMAP_FUZZ_FRAMEWORKS) / (id + ".toml");
    if (id.find_first_of("/\\.") == std::string::npos && !id.empty() && std::filesystem::is_regular_file(file)) {
        try {
            slot = load_framework(file);
        } catch (const Error&) {
        }
    }
    return slot ? &*slot : nullptr;
}

}  // namespace

// A mapping that reads is reversed; when it joins two bundled frameworks and checks clean, an
// assessment with every status among its criteria (which ones, from the input's length) is projected
// through it both ways.
void mapping(std::string_view data) {
    Mapping m;
    try {
        m = parse_mapping(data, "fuzz.toml");
    } catch (const Error&) {
        return;
    }
    const auto back = m.reversed();
    const auto* from = bundled(m.from_framework);
    const auto* to = bundled(m.to_framework);
    if (!from || !to) return;
    try {
        if (has_errors(check_mapping(m, *from, *to))) return;
        for (const auto& [source, target, links] : {std::tuple{from, to, &std::as_const(m)}, std::tuple{to, from, &back}}) {
            Assessment a;
            a.framework_id = source->id();
            a.framework_version = source->version();
            std::size_t k = data.size();
            for (const auto& c : source->criteria()) {
                auto& r = a.records[c.id];
                r.status = all_statuses[k++ % status_count];
                if (r.status == Status::not_applicable) r.exclusion = Exclusion::not_relevant;
            }
            (void)project(*source, *target, a, *links);
        }
    } catch (const Error&) {
    }
}

void panel(std::string_view data) {
    try {
        const auto ratings = parse_panel_file(data, "fuzz.toml");
        (void)panel_raters(ratings);
    } catch (const Error&) {
    }
}

// A framework that loads is written back with format_framework_spec, which must load again (the
// matrix import and authoring tools rely on it); its descriptions go through the Markdown renderers.
void framework(std::string_view data) {
    // A big file is read in pieces (src/detail/toml_sections.cpp), those written plainly by a scan
    // without toml++ (src/detail/plain_domains.hpp): cut at every section, on two threads, it must read
    // exactly as the whole text does, every place in the specification included.
    {
        auto read = [&](const detail::SplitReading& how) {
            std::vector<Diagnostic> diagnostics;
            std::optional<FrameworkSpec> spec;
            std::string error;
            try {
                spec = detail::read_framework_spec(data, "fuzz.toml", diagnostics, how);
            } catch (const Error& e) {
                error = e.what();
            }
            return std::tuple(std::move(spec), std::move(diagnostics), std::move(error));
        };
        if (read({false, 1, 0}) != read({true, 2, 1})) finding("a framework read in pieces differs from the whole file's reading");
    }
    std::optional<FrameworkSpec> spec;
    try {
        auto result = try_parse_framework(data, "fuzz.toml");
        if (!result.framework) return;
        // The registry trusts a peeked id to pass over files (src/registry.cpp): it must never differ
        // from the id of a file that loads.
        if (const auto peeked = detail::peek_framework_id(data, true); peeked && *peeked != result.framework->id())
            finding("peek_framework_id read another id than the framework's");
        (void)result.framework->graph();
        (void)render_markdown_html(result.framework->info().description);
        (void)render_markdown_text(result.framework->info().description);
        std::vector<Diagnostic> ignored;
        spec = read_framework_spec(data, "fuzz.toml", ignored);
    } catch (const Error&) {
        return;
    }
    if (!spec) return;
    const auto written = format_framework_spec(*spec);
    const auto again = try_parse_framework(written, "written.toml");
    if (!again.framework) {
        std::fprintf(stderr, "%s\n--- written as:\n%s\n",
                     again.diagnostics.empty() ? "" : again.diagnostics.front().to_string().c_str(), written.c_str());
        finding("a framework routemap wrote could not be read back");
    }
}

// A matrix either is refused (errors) or gives a framework file that loads.
void matrix(std::string_view data) {
    MatrixImport result;
    try {
        result = import_matrix(data, "fuzz.csv");
    } catch (const Error&) {
        return;
    }
    if (has_errors(result.notes)) return;
    const auto loaded = try_parse_framework(result.toml, "imported.toml");
    if (!loaded.framework) {
        std::fprintf(stderr, "%s\n--- imported as:\n%s\n",
                     loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().to_string().c_str(), result.toml.c_str());
        finding("an imported matrix did not load");
    }
}

void assessment_toml(std::string_view data) {
    // A big file is read in pieces on several threads (src/detail/toml_sections.cpp): cut at every
    // criterion, on three threads, it must read exactly as the whole text does.
    auto read = [&](const detail::SplitReading& how) {
        std::vector<Diagnostic> diagnostics;
        detail::Problems p{"fuzz.toml", diagnostics};
        auto a = detail::read_toml(data, p, how);
        return std::pair(std::move(a), std::move(diagnostics));
    };
    // Pieces written plainly are read by a scan, not toml++ (src/assessment_io/plain_criteria.hpp): the
    // records' places, which Assessment's == leaves out, are compared too.
    auto places = [](const Assessment& a) {
        std::vector<std::pair<SourceLocation, SourceLocation>> out;
        for (const auto& [id, record] : a.records) out.emplace_back(record.location, record.answer_location);
        return out;
    };
    if (data.size() <= limits::max_file_bytes) {
        const auto whole = read({false, 1, 0});
        const auto pieces = read({true, 3, 1});
        if (whole != pieces || places(whole.first) != places(pieces.first))
            finding("an assessment read in pieces differs from the whole file's reading");
    }
    assessment(data, AssessmentFormat::toml);
}
void assessment_json(std::string_view data) { assessment(data, AssessmentFormat::json); }
void assessment_csv(std::string_view data) { assessment(data, AssessmentFormat::csv); }

void target(std::string_view data) {
    try {
        (void)routemap::Target::parse(data, "fuzz.toml");
    } catch (const Error&) {
    }
}

// Bytes as a framework cache entry's payload: refused, or a specification whose encoding reads back
// the same (compared as bytes, so that a NaN weight is no false finding) and which Framework::build
// takes like any other (a specification built in code by a plugin is no more trusted).
void framework_cache(std::string_view data) {
    const auto spec = detail::decode_spec(data, "fuzz.toml");
    if (!spec) return;
    const auto bytes = detail::encode_spec(*spec);
    const auto again = detail::decode_spec(bytes, "fuzz.toml");
    if (!again || detail::encode_spec(*again) != bytes) finding("a decoded framework specification does not survive encoding");
    std::vector<Diagnostic> diagnostics;
    (void)Framework::build(*spec, diagnostics);
}

const std::vector<Target>& targets() {
    static const std::vector<Target> all{{"framework", framework},
                                         {"assessment_toml", assessment_toml},
                                         {"assessment_json", assessment_json},
                                         {"assessment_csv", assessment_csv},
                                         {"target", target},
                                         {"matrix", matrix},
                                         {"mapping", mapping},
                                         {"panel", panel},
                                         {"framework_cache", framework_cache}};
    return all;
}

}  // namespace routemap::fuzz
