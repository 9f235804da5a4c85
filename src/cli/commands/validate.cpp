// routemap validate: checks framework and assessment files, reporting every problem with its
// file, line and column. A TOML file with a [framework] table is a framework; anything else is
// an assessment, checked against its framework on the search path. Exit 1 when there are errors.

#include <algorithm>
#include <tuple>
#include <sstream>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/scoring.hpp>

#include "detail/input_file.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/diagnostics.hpp"
#include "output/json.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

CommandInfo validate_info() {
    return {"validate", "check framework and assessment files; every problem with file:line:column", "FILE... [options]",
            "Checks each file and reports every problem found as file:line:column: error: message, on standard output. "
            "A TOML file with a [framework] table is checked as a framework (syntax, schema, ids, tiers, prerequisites, "
            "dependency cycles); any other file (TOML, JSON or CSV) as an assessment, against the framework it names on "
            "the search path (or --framework). Exit status 1 when any file has errors (or warnings, with --strict).",
            "routemap validate frameworks/newham-service.toml my-assessment.toml\nroutemap validate --strict *.toml"};
}

namespace {

enum class Kind { framework, assessment, target };

const char* kind_name(Kind kind) {
    switch (kind) {
        case Kind::framework: return "framework";
        case Kind::target: return "target";
        case Kind::assessment: break;
    }
    return "assessment";
}

struct FileResult {
    std::string file;
    Kind kind = Kind::assessment;
    std::string summary;  // what it is, when it could be read
    std::vector<Diagnostic> diagnostics;
    [[nodiscard]] bool has_errors() const { return routemap::has_errors(diagnostics); }
};

// By content: a framework file has a [framework] table (docs/framework-format.md); a target file
// a top-level `tier` key or [domains] / [areas] tables (docs/file-formats.md); anything else is an
// assessment.
Kind kind_of(const std::string& file, const std::string& text) {
    const auto ext = std::filesystem::path(file).extension().string();
    if (ext == ".json" || ext == ".csv") return Kind::assessment;
    std::istringstream lines(text);
    bool top_level = true;
    for (std::string line; std::getline(lines, line);) {
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        if (top_level && line.compare(first, 4, "tier") == 0 &&
            line.find_first_not_of(" \t", first + 4) == line.find('=', first + 4))
            return Kind::target;
        if (line[first] != '[') continue;
        top_level = false;
        auto header = line.substr(first);
        if (const auto hash = header.find('#'); hash != std::string::npos) header.resize(hash);
        while (!header.empty() && (header.back() == ' ' || header.back() == '\t' || header.back() == '\r')) header.pop_back();
        if (header == "[framework]" || header.starts_with("[framework.") || header == "[[tiers]]" || header == "[[domains]]")
            return Kind::framework;
        if (header == "[assessment]" || header.starts_with("[criteria")) return Kind::assessment;
        if (header == "[areas]" || header == "[domains]") return Kind::target;
    }
    return Kind::assessment;
}

FileResult check_framework(const std::string& file) {
    FileResult result{file, Kind::framework, {}, {}};
    auto loaded = try_load_framework(file);
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.framework) {
        const auto& f = *loaded.framework;
        result.summary = "framework " + f.id() + " " + f.version() + ": " + plural(f.domains().size(), "domain") + ", " +
                         plural(f.areas().size(), "area") + ", " + plural(f.criteria().size(), "criterion", "criteria") +
                         ", " + plural(f.action_count(true), "action");
    }
    return result;
}

FileResult check_assessment(Context& context, const CommandLine& command, const std::string& file) {
    FileResult result{file, Kind::assessment, {}, {}};
    Assessment assessment;
    try {
        assessment = read_assessment(file);
    } catch (const Error& e) {
        result.diagnostics = e.diagnostics();
        return result;
    }
    std::optional<Framework> framework;
    try {
        framework = context.framework_for(assessment, command.string("framework"));
    } catch (const InputError& e) {
        result.diagnostics.push_back({Severity::error, e.what(), {file, 0, 0}, assessment.framework_id, {}});
        return result;
    } catch (const Error& e) {
        for (auto d : e.diagnostics()) {
            if (d.location.file.empty()) d.location.file = file;
            result.diagnostics.push_back(std::move(d));
        }
        return result;
    }
    result.diagnostics = assessment.check(*framework);
    if (!result.has_errors()) {
        StatusCounts counts;
        for (const auto s : assessment.statuses(*framework)) counts.add(s);
        result.summary = "assessment of '" + assessment.subject + "' against " + framework->id() + " " +
                         framework->version() + ": " + describe_counts(counts);
    }
    return result;
}

// A target on its own names no framework: its syntax and keys are checked, and its tiers, domains
// and areas too when --framework names one.
FileResult check_target(Context& context, const CommandLine& command, const std::string& file) {
    FileResult result{file, Kind::target, {}, {}};
    try {
        const auto target = Target::load(file);
        const auto framework_id = command.string("framework");
        if (framework_id.empty()) {
            result.summary = "target (name a framework with --framework to check its ids)";
            return result;
        }
        const auto framework = context.registry().load(framework_id);
        result.diagnostics = target.check(framework);
        result.summary = "target for " + framework.id() + " " + framework.version();
    } catch (const Error& e) {
        result.diagnostics = e.diagnostics();
    }
    return result;
}

std::string text_output(const std::vector<FileResult>& results, bool strict) {
    std::string out;
    std::size_t errors = 0, warnings = 0, bad_files = 0;
    for (const auto& r : results) {
        for (const auto& d : r.diagnostics) {
            out += diagnostic_line(d) + '\n';
            (d.severity == Severity::error ? errors : warnings)++;
        }
        const bool failed = r.has_errors() || (strict && !r.diagnostics.empty());
        if (failed) ++bad_files;
        else out += r.file + ": ok\n" + wrap_block(r.summary, text_width, "  ", "    ");
    }
    out += plural(results.size(), "file") + " checked: " + std::to_string(results.size() - bad_files) + " valid, " +
           std::to_string(bad_files) + " with problems (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ")\n";
    return out;
}

Json json_output(const std::vector<FileResult>& results, bool strict) {
    Json files = Json::array();
    std::size_t errors = 0, warnings = 0;
    for (const auto& r : results) {
        Json diagnostics = Json::array();
        for (const auto& d : r.diagnostics) {
            diagnostics.push_back(to_json(d));
            (d.severity == Severity::error ? errors : warnings)++;
        }
        files.push_back(Json{{"file", r.file},
                             {"kind", kind_name(r.kind)},
                             {"valid", !(r.has_errors() || (strict && !r.diagnostics.empty()))},
                             {"summary", r.summary},
                             {"diagnostics", std::move(diagnostics)}});
    }
    return Json{{"files", std::move(files)}, {"errors", errors}, {"warnings", warnings}};
}

std::string csv_output(const std::vector<FileResult>& results) {
    std::string out = csv_row({"file", "kind", "severity", "line", "column", "message", "criterion"});
    for (const auto& r : results)
        for (const auto& d : r.diagnostics)
            out += csv_row({d.location.file.empty() ? r.file : d.location.file, kind_name(r.kind),
                            d.severity == Severity::error ? "error" : "warning", std::to_string(d.location.line),
                            std::to_string(d.location.column), d.message, d.criterion_id});
    return out;
}

}  // namespace

int run_validate(Context& context, const std::vector<std::string>& args) {
    CommandLine command(validate_info());
    command.positional("files", -1);
    framework_option(command);
    command.options().add_options()("strict", "count warnings as problems too")(
        "as", po::value<std::string>()->value_name("framework|assessment|target"), "check every file as this kind");
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv});
    if (!command.parse(args, context)) return exit_ok;
    const auto files = command.strings("files");
    if (files.empty()) throw UsageError("missing FILE: name one or more framework or assessment files", command.name());
    std::optional<Kind> forced;
    if (command.has("as")) {
        const auto as = command.string("as");
        if (as == "framework") forced = Kind::framework;
        else if (as == "assessment") forced = Kind::assessment;
        else if (as == "target") forced = Kind::target;
        else throw UsageError("--as must be 'framework', 'assessment' or 'target', not '" + as + "'", command.name());
    }
    for (const auto& file : files) require_file(file);
    std::vector<FileResult> results;
    for (const auto& file : files) {
        const auto kind = forced ? *forced : kind_of(file, detail::read_text_file(file));
        if (kind == Kind::framework) results.push_back(check_framework(file));
        else if (kind == Kind::target) results.push_back(check_target(context, command, file));
        else results.push_back(check_assessment(context, command, file));
    }
    // In file order, as an editor would walk through them (readers report some problems by id); a
    // warning about the whole file (such as the count of follow-on errors left out) closes the list.
    for (auto& r : results)
        std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
            auto key = [](const Diagnostic& d) {
                const bool closing = d.severity == Severity::warning && !d.location.known();
                return std::make_tuple(closing, d.location.line, d.location.column);
            };
            return key(a) < key(b);
        });
    const bool strict = command.has("strict");
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(results, strict))); break;
        case Format::csv: emit(command, csv_output(results)); break;
        default: emit(command, text_output(results, strict)); break;
    }
    const bool failed = std::any_of(results.begin(), results.end(),
                                    [&](const FileResult& r) { return r.has_errors() || (strict && !r.diagnostics.empty()); });
    return failed ? exit_findings : exit_ok;
}

}  // namespace routemap::cli
