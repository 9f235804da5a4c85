// routemap report: a document for a board (HTML built in; plugins may add formats) with the
// overall level, a heatmap, gaps to target, the next phase of the path, evidence and, with
// --previous, progress since the last assessment. Prints where it went and a short summary.

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

CommandInfo report_info() {
    return {"report", "write a self-contained HTML report for a board (levels, heatmap, gaps, path, evidence)",
            "ASSESSMENT -o FILE [--previous OLD] [--target TIER|FILE] [--model M] [options]",
            "Writes one self-contained report (HTML: no network, prints on A4) with the subject, framework and "
            "citation, overall level, a domain × area heatmap, the gaps to the target per domain, the next phase of "
            "the progression path, the evidence given and, with --previous, the progress since that assessment. "
            "Prints where the report went and a short summary; without -o the report goes to standard output.",
            "routemap report assessment-2024.toml -o report.html\n"
            "routemap report assessment-2024.toml --previous assessment-2023.toml \\\n"
            "    --target intermediate -o report.html"};
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
                          std::to_string(s.overall.counts[Status::met]) + " of " + std::to_string(s.overall.counts.total()) +
                          " criteria met, " + std::to_string(s.overall.counts[Status::partial]) + " partial.",
                      text_width, "", "  ");
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
                              std::to_string(lost) + " lost one; " + std::to_string(comparison->newly_met().size()) +
                              " criteria newly met, " + std::to_string(comparison->regressed().size()) + " regressed.",
                          text_width, "", "  ");
    }
    return out;
}

}  // namespace

int run_report(Context& context, const std::vector<std::string>& args) {
    CommandLine command(report_info());
    command.positional("assessment", 1);
    command.options().add_options()("format,f", po::value<std::string>()->value_name("FORMAT"),
                                    "report format (default: html; see 'routemap list --models')")(
        "previous", po::value<std::string>()->value_name("FILE"), "an earlier assessment of the same subject, to show progress");
    model_option(command);
    target_option(command);
    framework_option(command);
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;
    const auto assessed = load_assessed(context, command, command.required("assessment", "ASSESSMENT (an assessment file)"));
    const auto& registry = context.registry();
    const auto& writer = registry.report_writer(command.string("format", "html"));

    std::optional<Assessed> previous;
    if (command.has("previous")) {
        previous = load_assessed(context, command, command.string("previous"));
        if (previous->framework.id() != assessed.framework.id())
            throw InputError("--previous '" + command.string("previous") + "' is an assessment against '" +
                             previous->framework.id() + "', not '" + assessed.framework.id() + "'");
    }
    ReportRequest request;
    request.framework = &assessed.framework;
    request.assessment = &assessed.assessment;
    request.previous = previous ? &previous->assessment : nullptr;
    request.registry = &registry;
    request.model = command.string("model");
    request.target = target_from(context, command, assessed.framework);

    // Analyse first so that a bad model, target or previous assessment fails before anything is written.
    const auto scored = score(registry, assessed.framework, assessed.assessment, request.model);
    const auto gap = analyse_gap(assessed.framework, assessed.assessment, request.target);
    const auto path = progression_path(assessed.framework, gap);
    std::optional<Comparison> comparison;
    if (previous) comparison = compare(registry, assessed.framework, previous->assessment, assessed.assessment, request.model);

    const auto document = writer.render(request);
    emit(command, document);
    if (const auto file = command.output())
        std::cout << escape_controls(summary(assessed, scored, gap, path, comparison ? &*comparison : nullptr, *file, document.size()));
    return exit_ok;
}

}  // namespace routemap::cli
