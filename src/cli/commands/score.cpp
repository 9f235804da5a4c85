// routemap score: an assessment's levels and scores per area, domain and overall, by a scoring
// model (the framework's default, or --model) with optional --param overrides.

#include <routemap/scoring.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo score_info() {
    return {"score", "score an assessment: level and score per area, domain and overall", "ASSESSMENT [options]",
            "Scores an assessment with a scoring model: the framework's default, or --model (see 'routemap list "
            "--models'). staged gives the highest tier fully met; continuous gives partial credit; coverage the share "
            "met. --param NAME=VALUE overrides a model parameter. Levels are tier names ('Not yet' below the first).",
            "routemap score assessment.toml\nroutemap score assessment.toml --model continuous --param partial_credit=0.25"};
}

namespace {

std::string score_text(const ScoreNode& node) {
    if (!node.applicable) return "n/a";
    return format_number(node.score) + "/" + format_number(node.max_score);
}

std::string level_text(const ScoreNode& node) { return node.applicable ? node.label : "n/a"; }

void add_row(Table& table, const ScoreNode& node, const std::string& indent) {
    const auto& c = node.counts;
    table.add_row({indent + node.name, level_text(node), score_text(node), std::to_string(c[Status::met]),
                   std::to_string(c[Status::partial]), std::to_string(c[Status::not_met]), std::to_string(c[Status::unknown]),
                   std::to_string(c[Status::not_applicable])});
}

std::string text_output(const Assessed& a, const ScoreResult& s) {
    const auto& f = a.framework;
    std::string out = assessment_heading("Score", a);
    std::string params;
    for (const auto& [key, value] : s.parameters) params += (params.empty() ? "" : ", ") + key + "=" + format_number(value, 4);
    out += wrap_block("Model: " + s.model + (params.empty() ? "" : " (" + params + ")") + ".", text_width, "", "  ") + '\n';
    out += wrap_block(s.overall.applicable ? "Overall level: " + s.overall.label + " (" + std::to_string(s.overall.level) +
                                                 " of " + std::to_string(s.level_labels.size() - 1) + "), score " +
                                                 score_text(s.overall)
                                           : std::string("Overall level: n/a (every criterion is not applicable)"),
                      text_width, "", "  ");
    out += wrap_block("Criteria: " + plural(s.overall.counts.total(), "criterion", "criteria") + " — " +
                          describe_counts(s.overall.counts),
                      text_width, "", "  ");
    if (const auto warning = completeness_warning(s.overall.counts); !warning.empty())
        out += wrap_block(warning, text_width, "", "  ");
    out += '\n';
    Table table({{"DOMAIN / AREA", Table::Align::left, true, 16},
                 {"LEVEL"},
                 {"SCORE", Table::Align::right},
                 {"MET", Table::Align::right},
                 {"PART", Table::Align::right},
                 {"NOT", Table::Align::right},
                 {"UNK", Table::Align::right},
                 {"N/A", Table::Align::right}});
    for (const auto& d : f.domains()) {
        add_row(table, s.domains[d.index], "");
        for (const auto& area : f.areas_of(d))
            if (!area.implicit) add_row(table, s.areas[area.index], "  ");
    }
    out += table.render();
    out += wrap_block("Counts of criteria: MET met, PART partial, NOT not met, UNK unknown, N/A not applicable.",
                      text_width, "");
    return out;
}

std::string csv_output(const Assessed& a, const ScoreResult& s) {
    std::string out = csv_row({"subject", "date", "model", "kind", "id", "name", "applicable", "level", "label", "score",
                               "max_score", "met", "partial", "not_met", "unknown", "not_applicable"});
    auto row = [&](const char* kind, const ScoreNode& n) {
        const auto& c = n.counts;
        out += csv_row({a.assessment.subject, a.assessment.date, s.model, kind, n.id, n.name, n.applicable ? "true" : "false",
                        n.applicable ? std::to_string(n.level) : "", n.label,
                        n.applicable ? format_number(n.score, 6) : "", format_number(n.max_score, 6),
                        std::to_string(c[Status::met]), std::to_string(c[Status::partial]), std::to_string(c[Status::not_met]),
                        std::to_string(c[Status::unknown]), std::to_string(c[Status::not_applicable])});
    };
    row("overall", s.overall);
    for (const auto& d : s.domains) row("domain", d);
    for (const auto& x : s.areas) row("area", x);
    return out;
}

std::string markdown_output(const Assessed& a, const ScoreResult& s) {
    const auto& f = a.framework;
    std::string out = "# Score: " + markdown_escape(a.assessment.subject) + "\n\n";
    out += "- **Framework:** " + markdown_escape(f.name()) + " (`" + f.id() + "` " + markdown_escape(f.version()) + ")\n";
    out += "- **Date:** " + markdown_escape(a.assessment.date) + "\n";
    if (!a.assessment.assessors.empty()) out += "- **Assessors:** " + markdown_escape(join(a.assessment.assessors)) + "\n";
    out += "- **Model:** " + markdown_escape(s.model) + "\n";
    out += "- **Overall level:** " + markdown_escape(s.overall.label) + " (score " + score_text(s.overall) + ")\n\n";
    MarkdownTable table({"Domain / area", "Level", "Score", "Met", "Partial", "Not met", "Unknown", "N/A"},
                        {false, false, true, true, true, true, true, true});
    auto row = [&](const ScoreNode& n, bool domain) {
        const auto& c = n.counts;
        table.add_row({domain ? "**" + markdown_escape(n.name) + "**" : "&nbsp;&nbsp;" + markdown_escape(n.name),
                       markdown_escape(level_text(n)), score_text(n), std::to_string(c[Status::met]),
                       std::to_string(c[Status::partial]), std::to_string(c[Status::not_met]),
                       std::to_string(c[Status::unknown]), std::to_string(c[Status::not_applicable])});
    };
    for (const auto& d : f.domains()) {
        row(s.domains[d.index], true);
        for (const auto& area : f.areas_of(d))
            if (!area.implicit) row(s.areas[area.index], false);
    }
    return out + table.render();
}

}  // namespace

int run_score(Context& context, const std::vector<std::string>& args) {
    CommandLine command(score_info());
    command.positional("assessment", 1);
    model_option(command);
    command.options().add_options()(
        "param,p", po::value<std::vector<std::string>>()->composing()->value_name("NAME=VALUE"),
        "a model parameter (repeatable)");
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto assessed = load_assessed(context, command, command.required("assessment", "ASSESSMENT (an assessment file)"));
    const auto parameters = parse_parameters(command.strings("param"), command.name());
    const auto result = score(context.registry(), assessed.framework, assessed.assessment, command.string("model"), parameters);
    switch (command.format()) {
        case Format::json: {
            auto json = to_json(result);
            json["subject"] = assessed.assessment.subject;
            json["date"] = assessed.assessment.date;
            emit(command, dump(json));
            break;
        }
        case Format::csv: emit(command, csv_output(assessed, result)); break;
        case Format::markdown: emit(command, markdown_output(assessed, result)); break;
        case Format::text: emit(command, text_output(assessed, result)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
