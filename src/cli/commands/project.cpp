// routemap project: drafts an assessment of another framework from one assessment, through the
// crosswalk between them; every suggested status carries its provenance and a review flag.

#include <routemap/assessment_io.hpp>
#include <routemap/crosswalk.hpp>
#include <routemap/registry.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "output/terminal.hpp"

#include <iostream>

namespace routemap::cli {

CommandInfo project_info() {
    return {"project", "draft an assessment of another framework through a crosswalk, flagged for review",
            "ASSESSMENT --to FRAMEWORK [-o DRAFT.toml] [options]",
            "Reads an assessment, finds the mapping between its framework and FRAMEWORK on the search path, and suggests "
            "a status for every criterion a link reaches (the rule table is in docs/crosswalks.md): equal may carry met, "
            "superset carries met down to what it contains, subset and intersects suggest partial at most. Each suggested "
            "record's evidence names the source items, their statuses and relationships; its note starts with 'REVIEW:'; "
            "'MET BY MAPPING' marks every met that only a mapping supports. With -o the draft is written (TOML, JSON or "
            "CSV by extension) and the summary goes to standard output.",
            "routemap project trust-2026.toml --to larch-remi -o larch-draft.toml\n"
            "routemap project service.toml --to newham-organisation -f json"};
}

namespace {

std::string sources_text(const ProjectedCriterion& c) {
    std::string out;
    for (const auto& s : c.sources)
        out += (out.empty() ? "" : "; ") + s.item + " " + std::string(to_string(s.status)) + " (" + std::string(to_string(s.relationship)) + ")";
    return out;
}

Json json_output(const Projection& p) {
    Json criteria = Json::array();
    for (const auto& c : p.criteria) {
        Json sources = Json::array();
        for (const auto& s : c.sources)
            sources.push_back(Json{{"item", s.item}, {"status", std::string(to_string(s.status))},
                                   {"relationship", std::string(to_string(s.relationship))}, {"via", s.target_item},
                                   {"suggests", s.suggests ? Json(std::string(to_string(*s.suggests))) : Json(nullptr)},
                                   {"rationale", s.rationale}});
        criteria.push_back(Json{{"id", c.id}, {"status", std::string(to_string(c.status))}, {"review", c.review},
                                {"met_by_mapping", c.met_by_mapping}, {"capped", c.capped}, {"sources", std::move(sources)}});
    }
    return Json{{"from", p.from_framework}, {"to", p.to_framework}, {"mapping", p.mapping_file}, {"subject", p.draft.subject},
                {"date", p.draft.date}, {"criteria", std::move(criteria)}};
}

std::string text_output(const Projection& p, const Framework& to) {
    std::string out = wrap_block("Draft of " + to.name() + " (" + to.id() + ") for " + p.draft.subject + ", projected from " +
                                     p.from_framework + " through " + p.mapping_file + ". Every status is a suggestion to review.",
                                 text_width, "", "  ");
    out += wrap_block(std::to_string(p.criteria.size()) + " of " + std::to_string(to.criteria().size()) + " criteria reached: " +
                          std::to_string(p.count(Status::met)) + " met by mapping, " + std::to_string(p.count(Status::partial)) +
                          " partial, " + std::to_string(p.count(Status::not_met)) + " not met, " +
                          std::to_string(p.count(Status::unknown)) + " with no suggestion.",
                      text_width, "", "  ");
    out += '\n';
    Table table({{"CRITERION", Table::Align::left, true, 16}, {"SUGGESTED", Table::Align::left}});
    for (const auto& c : p.criteria) {
        table.add_row({c.id, std::string(to_string(c.status)) + (c.met_by_mapping ? " (by mapping)" : "") + (c.capped ? " (capped)" : "")});
        table.add_note("from " + sources_text(c));
    }
    return out + table.render();
}

std::string csv_output(const Projection& p) {
    std::string out = csv_row({"criterion", "suggested", "review", "met_by_mapping", "source", "source_status", "relationship", "rationale"});
    for (const auto& c : p.criteria)
        for (const auto& s : c.sources)
            out += csv_row({c.id, std::string(to_string(c.status)), c.review ? "true" : "false", c.met_by_mapping ? "true" : "false",
                            s.item, std::string(to_string(s.status)), std::string(to_string(s.relationship)), s.rationale});
    return out;
}

std::string markdown_output(const Projection& p) {
    std::string out = "# Projection onto " + markdown_escape(p.to_framework) + " (draft, review every line)\n\n";
    MarkdownTable table({"Criterion", "Suggested", "From"});
    for (const auto& c : p.criteria)
        table.add_row({"`" + c.id + "`", std::string(to_string(c.status)), markdown_escape(sources_text(c))});
    return out + table.render();
}

}  // namespace

int run_project(Context& context, const std::vector<std::string>& args) {
    CommandLine command(project_info());
    command.positional("assessment", 1);
    command.options().add_options()("to", po::value<std::string>()->value_name("FRAMEWORK"), "the framework to draft an assessment of");
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto file = command.required("assessment", "ASSESSMENT");
    if (!command.has("to")) throw UsageError("missing --to FRAMEWORK: name the framework to project onto", command.name());
    const auto assessed = load_assessed(context, command, file);
    const auto to = context.framework(command.string("to"));
    const MappingLibrary library(context.registry().search_path());
    const auto mapping = library.get(assessed.framework.id(), to.id());
    const auto projection = project(assessed.framework, to, assessed.assessment, mapping);
    std::string summary;
    switch (command.format()) {
        case Format::json: summary = dump(json_output(projection)); break;
        case Format::csv: summary = csv_output(projection); break;
        case Format::markdown: summary = markdown_output(projection); break;
        case Format::text: summary = text_output(projection, to); break;
    }
    if (const auto out = command.output()) {
        refuse_to_overwrite_an_input(*out);
        write_assessment(*out, projection.draft, &to);
        std::cout << (command.writes_text() ? escape_controls(summary) : summary);
        std::cout << "Draft written to " << escape_controls(*out) << " (every record flagged REVIEW:).\n";
    } else {
        emit(command, summary);
    }
    return exit_ok;
}

}  // namespace routemap::cli
