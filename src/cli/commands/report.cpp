// routemap report: a document for a board (HTML built in; plugins may add formats): a first page
// for the board, then appendices; with --previous (repeatable, or a folder) the trend and the
// progress since the latest earlier assessment. Prints where it went and a short summary.

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <routemap/compare.hpp>
#include <routemap/gap.hpp>
#include <routemap/progression.hpp>
#include <routemap/report.hpp>
#include <routemap/scoring.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/targeting.hpp"
#include "output/terminal.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

namespace fs = std::filesystem;

CommandInfo report_info() {
    return {"report", "write a self-contained HTML report for a board (summary page, then levels, gaps, path, evidence)",
            "ASSESSMENT [-o FILE] [--previous OLD|DIR]... [--target TIER|FILE] [--model M] [options]",
            "Writes one self-contained report (HTML: no network, prints on A4). Its first page is for a board: the "
            "overall level with the share of the way to the target and the model's score, why the level is what it "
            "is, a warning when many criteria are unknown, the trend over earlier assessments, each domain against "
            "the target (red / amber / green, in words too) and the top priorities with owners and due dates. "
            "Appendices follow: levels by domain and area, progress since the latest earlier assessment, the gaps, "
            "the next phase of the path and the evidence. --previous may be given several times, or name a folder: "
            "its assessments of the same subject and framework make the trend. Prints where the report went and a "
            "short summary; without -o the report goes to standard output.",
            "routemap report assessment-2026.toml -o report.html\n"
            "routemap report now.toml --previous 2025.toml --previous 2024.toml \\\n"
            "    --target intermediate -o report.html\n"
            "routemap report history/2026.toml --previous history/ -o report.html"};
}

namespace {

std::string summary(const Assessed& a, const ScoreResult& s, const GapAnalysis& gap, const ProgressionPath& path,
                    const Comparison* comparison, const std::string& file, std::size_t bytes) {
    const auto& f = a.framework;
    std::string out = wrap_block("Wrote " + file + " (" + format_number(static_cast<double>(bytes) / 1024.0, 1) + " KB).",
                                 text_width, "", "  ");
    out += wrap_block("Subject: " + a.assessment.subject + ", assessed " + a.assessment.date + " against " + f.name() + " " +
                          f.version() + ".",
                      text_width, "", "  ");
    out += wrap_block("Overall level: " + s.overall.label + " (" + s.model + "); " +
                          std::to_string(s.overall.counts[Status::met]) + " of " +
                          plural(s.overall.counts.total(), "criterion", "criteria") + " met, " + std::to_string(s.overall.counts[Status::partial]) + " partial.",
                      text_width, "", "  ");
    if (const auto warning = completeness_warning(s.overall.counts); !warning.empty())
        out += wrap_block(warning, text_width, "", "  ");
    std::string gap_line = "Target " + describe_target(f, gap.target) + ": ";
    if (gap.total.to_close == 0) gap_line += "reached.";
    else
        gap_line += plural(gap.total.to_close, "criterion", "criteria") + " to close (" +
                    format_percent(gap.total.done_share()) + " done); next phase: " +
                    plural(path.phases.empty() ? 0 : path.phases.front().size(), "step") + " of " +
                    plural(path.phase_count(), "phase") + ".";
    out += wrap_block(gap_line, text_width, "", "  ");
    if (comparison) {
        std::size_t gained = 0, lost = 0;
        for (const auto& area : comparison->areas) {
            if (area.delta() > 0) ++gained;
            if (area.delta() < 0) ++lost;
        }
        out += wrap_block("Since " + comparison->before_date + ": " + plural(gained, "area") + " gained a level, " +
                              std::to_string(lost) + " lost one; " +
                              plural(comparison->newly_met().size(), "criterion", "criteria") + " newly met, " + std::to_string(comparison->regressed().size()) + " regressed.",
                          text_width, "", "  ");
    }
    return out;
}

bool is_assessment_file(const fs::path& path) {
    const auto ext = path.extension().string();
    return fs::is_regular_file(path) && (ext == ".toml" || ext == ".json" || ext == ".csv");
}

bool same_file(const fs::path& a, const std::string& b) {
    std::error_code error;
    return fs::equivalent(a, b, error);
}

// --previous FILE|DIR, each once: files must be assessments of the same framework (an error
// otherwise); a folder contributes its assessments of the same subject and framework, and says on
// standard error which files it left out and why.
std::vector<Assessed> load_history(Context& context, const CommandLine& command, const Assessed& current) {
    std::vector<Assessed> out;
    if (!command.has("previous")) return out;
    const auto& framework_id = current.framework.id();
    for (const auto& given : command.values()["previous"].as<std::vector<std::string>>()) {
        if (fs::is_directory(given)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(given))
                if (is_assessment_file(entry.path()) && !same_file(entry.path(), current.assessment.file)) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            for (const auto& file : files) {
                auto loaded = load_assessed(context, command, file.string());
                if (loaded.framework.id() != framework_id || loaded.assessment.subject != current.assessment.subject) {
                    std::cerr << escape_controls("routemap report: left out " + file.string() + ": an assessment of '" +
                                                 loaded.assessment.subject + "' against '" + loaded.framework.id() + "'\n");
                    continue;
                }
                out.push_back(std::move(loaded));
            }
            continue;
        }
        auto loaded = load_assessed(context, command, given);
        if (loaded.framework.id() != framework_id)
            throw InputError("--previous '" + given + "' is an assessment against '" + loaded.framework.id() + "', not '" +
                             framework_id + "'");
        if (!loaded.assessment.date.empty() && !current.assessment.date.empty() && loaded.assessment.date > current.assessment.date)
            std::cerr << escape_controls("routemap report: warning: --previous '" + given + "' is dated " + loaded.assessment.date +
                                         ", after this assessment (" + current.assessment.date +
                                         "); the trend is shown in date order\n");
        out.push_back(std::move(loaded));
    }
    return out;
}

}  // namespace

int run_report(Context& context, const std::vector<std::string>& args) {
    CommandLine command(report_info());
    command.positional("assessment", 1);
    command.options().add_options()("format,f", po::value<std::string>()->value_name("FORMAT"),
                                    "report format (default: html; see 'routemap list --models')")(
        "previous", po::value<std::vector<std::string>>()->value_name("FILE|DIR")->composing(),
        "an earlier assessment of the same subject, or a folder of them; repeatable. The trend shows them all, the "
        "progress appendix compares with the latest before this one");
    model_option(command);
    target_option(command);
    framework_option(command);
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;
    const auto assessed = load_assessed(context, command, command.required("assessment", "ASSESSMENT (an assessment file)"));
    const auto& registry = context.registry();
    const auto& writer = registry.report_writer(command.string("format", "html"));

    const auto earlier = load_history(context, command, assessed);
    ReportRequest request;
    request.framework = &assessed.framework;
    request.assessment = &assessed.assessment;
    for (const auto& e : earlier) request.history.push_back(&e.assessment);
    const Assessment* previous = latest_earlier(request.history, assessed.assessment.date);
    request.previous = previous;
    request.registry = &registry;
    request.model = command.string("model");
    request.target = target_from(context, command, assessed.framework);

    // Analyse first so that a bad model, target or previous assessment fails before anything is written.
    const auto scored = score(registry, assessed.framework, assessed.assessment, request.model);
    const auto gap = analyse_gap(assessed.framework, assessed.assessment, request.target);
    const auto path = progression_path(assessed.framework, gap);
    std::optional<Comparison> comparison;
    if (previous) comparison = compare(registry, assessed.framework, *previous, assessed.assessment, request.model);

    const auto document = writer.render(request);
    emit(command, document);
    if (const auto file = command.output())
        std::cout << escape_controls(summary(assessed, scored, gap, path, comparison ? &*comparison : nullptr, *file, document.size()));
    return exit_ok;
}

}  // namespace routemap::cli
