// routemap rollup: an organisation view from its services' latest assessments, through the
// crosswalk, by a chosen rule, with the services that hold each node down.

#include <iostream>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/rollup.hpp>

#include "commands/collecting.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo rollup_info() {
    return {"rollup", "an organisation view rolled up from its services' latest assessments through a crosswalk",
            "DIR|FILE... --to FRAMEWORK [--rule weakest|median|share] [options]",
            "Reads a collection (folders, files, globs), takes the latest assessment of each subject against the framework "
            "mapped to FRAMEWORK (--from when there are several), projects each through the crosswalk and combines them per "
            "criterion: weakest (where the weakest service stands), median (the lower middle service), or share (met when at "
            "least --share of the services are met, partial when that share is at least partial). Prints the rolled-up level "
            "per domain and area with each service's level and the services that hold it down. --report writes an HTML page, "
            "--draft the rolled-up assessment (every record flagged REVIEW:); --project FRAMEWORK projects the rolled-up view "
            "onto another framework (LARCH, say), --project-draft writes that draft.",
            "routemap rollup examples/trust/ --to newham-organisation\n"
            "routemap rollup examples/trust/ --to newham-organisation --rule share --share 0.5 --report rollup.html\n"
            "routemap rollup examples/trust/ --to newham-organisation --project larch-remi --project-draft larch.toml"};
}

namespace {

std::string level_text(int level) { return level < 0 ? "n/a" : std::to_string(level); }

std::string text_output(const Rollup& r, const Framework& f) {
    std::string out = wrap_block("Roll-up of " + plural(r.parts.size(), "service") + " (" + r.from_framework + ") onto " + f.name() +
                                     ", rule " + std::string(to_string(r.options.rule)) + ", model " + r.score.model +
                                     ". A draft to review.",
                                 text_width, "", "  ");
    for (std::size_t i = 0; i < r.parts.size(); ++i)
        out += wrap_block("S" + std::to_string(i + 1) + " " + r.parts[i] + " (" + r.files[i] + ")", text_width, "  ", "     ");
    out += wrap_block("Overall: " + r.score.overall.label + ".", text_width, "", "  ") + '\n';
    std::vector<Table::Column> columns{{"DOMAIN / AREA", Table::Align::left, true, 16}, {"LEVEL", Table::Align::right}};
    for (std::size_t i = 0; i < r.parts.size(); ++i) columns.push_back({"S" + std::to_string(i + 1), Table::Align::right});
    columns.push_back({"HELD DOWN BY", Table::Align::left, true, 10});
    Table table(columns);
    auto row = [&](const RolledNode& n, const std::string& indent) {
        std::vector<std::string> cells{indent + n.name, level_text(n.level)};
        for (const auto& [part, level] : n.part_levels) cells.push_back(level_text(level));
        std::string held;
        for (const auto& p : n.held_down_by)
            for (std::size_t i = 0; i < r.parts.size(); ++i)
                if (r.parts[i] == p) held += (held.empty() ? "" : " ") + ("S" + std::to_string(i + 1));
        cells.push_back(held.empty() ? "-" : n.held_down_by.size() == r.parts.size() && r.parts.size() > 1 ? "all" : held);
        table.add_row(std::move(cells));
    };
    for (const auto& d : f.domains()) {
        row(r.domains[d.index], "");
        for (const auto& a : f.areas_of(d))
            if (!a.implicit) row(r.areas[a.index], "  ");
    }
    return out + table.render();
}

Json node_json(const RolledNode& n) {
    Json parts = Json::array();
    for (const auto& [part, level] : n.part_levels) parts.push_back(Json{{"subject", part}, {"level", level < 0 ? Json(nullptr) : Json(level)}});
    return Json{{"id", n.id}, {"name", n.name}, {"level", n.level < 0 ? Json(nullptr) : Json(n.level)}, {"parts", std::move(parts)},
                {"held_down_by", n.held_down_by}};
}

Json json_output(const Rollup& r) {
    Json criteria = Json::array();
    for (const auto& c : r.criteria) {
        Json parts = Json::array();
        for (const auto& p : c.parts) parts.push_back(Json{{"subject", p.subject}, {"status", std::string(to_string(p.status))}});
        criteria.push_back(Json{{"id", c.id}, {"status", std::string(to_string(c.status))}, {"review", true}, {"parts", std::move(parts)},
                                {"held_down_by", c.held_down_by}});
    }
    Json domains = Json::array(), areas = Json::array();
    for (const auto& d : r.domains) domains.push_back(node_json(d));
    for (const auto& a : r.areas) areas.push_back(node_json(a));
    return Json{{"framework", r.framework_id}, {"from", r.from_framework}, {"mapping", r.mapping_file},
                {"rule", std::string(to_string(r.options.rule))}, {"share", r.options.share}, {"model", r.score.model},
                {"parts", r.parts}, {"files", r.files}, {"overall", Json{{"level", r.score.overall.level}, {"label", r.score.overall.label}}},
                {"domains", std::move(domains)}, {"areas", std::move(areas)}, {"criteria", std::move(criteria)}};
}

std::string csv_output(const Rollup& r) {
    std::vector<std::string> header{"kind", "id", "name", "level"};
    for (const auto& p : r.parts) header.push_back(p);
    header.emplace_back("held_down_by");
    std::string out = csv_row(header);
    auto row = [&](const char* kind, const RolledNode& n) {
        std::vector<std::string> cells{kind, n.id, n.name, level_text(n.level)};
        for (const auto& [part, level] : n.part_levels) cells.push_back(level_text(level));
        cells.push_back(join(n.held_down_by, "; "));
        out += csv_row(cells);
    };
    for (const auto& d : r.domains) row("domain", d);
    for (const auto& a : r.areas) row("area", a);
    return out;
}

std::string markdown_output(const Rollup& r, const Framework& f) {
    std::string out = "# Roll-up onto " + markdown_escape(f.name()) + " (draft)\n\n- **Rule:** " + std::string(to_string(r.options.rule)) +
                      "\n- **Services:** " + markdown_escape(join(r.parts, "; ")) + "\n\n";
    MarkdownTable table({"Domain / area", "Level", "Held down by"});
    auto row = [&](const RolledNode& n, bool domain) {
        table.add_row({domain ? "**" + markdown_escape(n.name) + "**" : "&nbsp;&nbsp;" + markdown_escape(n.name), level_text(n.level),
                       markdown_escape(join(n.held_down_by, "; "))});
    };
    for (const auto& d : f.domains()) {
        row(r.domains[d.index], true);
        for (const auto& a : f.areas_of(d))
            if (!a.implicit) row(r.areas[a.index], false);
    }
    return out + table.render();
}

}  // namespace

int run_rollup(Context& context, const std::vector<std::string>& args) {
    CommandLine command(rollup_info());
    command.positional("inputs", -1);
    command.options().add_options()("to", po::value<std::string>()->value_name("FRAMEWORK"), "the organisation framework")(
        "from", po::value<std::string>()->value_name("FRAMEWORK"), "the services' framework, when the folder holds several")(
        "rule", po::value<std::string>()->value_name("RULE")->default_value("weakest"), "weakest, median or share")(
        "share", po::value<double>()->value_name("X")->default_value(0.75), "for --rule share: the share of services needed (0..1]")(
        "report", po::value<std::string>()->value_name("FILE"), "also write an HTML page of the roll-up")(
        "draft", po::value<std::string>()->value_name("FILE"), "also write the rolled-up assessment (TOML, JSON or CSV)")(
        "project", po::value<std::string>()->value_name("FRAMEWORK"),
        "also project the rolled-up view onto FRAMEWORK through its crosswalk (e.g. larch-remi)")(
        "project-draft", po::value<std::string>()->value_name("FILE"), "with --project: write that projection's draft assessment");
    model_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    if (!command.has("to")) throw UsageError("missing --to FRAMEWORK: name the framework to roll up into", command.name());
    RollupOptions options;
    try {
        options.rule = rollup_rule_from_name(command.string("rule"));
    } catch (const Error& e) {
        throw UsageError(e.what(), command.name());
    }
    options.share = command.values()["share"].as<double>();
    options.model = command.string("model");
    const auto collection = read_collection(context, command.strings("inputs"), command.name());
    const auto to = context.framework(command.string("to"));
    const MappingLibrary library(context.registry().search_path());
    std::string from = command.string("from");
    if (from.empty()) {
        std::vector<std::string> candidates;
        for (const auto& id : collection.framework_ids())
            if (id != to.id() && library.find(id, to.id())) candidates.push_back(id);
        if (candidates.empty())
            throw InputError("no assessment in the collection is of a framework mapped to '" + to.id() + "' (frameworks there: " +
                             join(collection.framework_ids()) + ")");
        if (candidates.size() > 1)
            throw UsageError("the collection holds several frameworks mapped to '" + to.id() + "' (" + join(candidates) +
                                 "): choose one with --from",
                             command.name());
        from = candidates.front();
    }
    const auto mapping = library.get(from, to.id());
    const auto parts = collection.latest(from);
    const auto result = rollup(context.registry(), to, parts, mapping, options);
    for (const char* key : {"report", "draft", "project-draft"})
        if (command.has(key)) refuse_to_overwrite_an_input(command.string(key));
    if (command.has("project-draft") && !command.has("project"))
        throw UsageError("--project-draft needs --project FRAMEWORK", command.name());
    if (command.has("report")) write_file_atomically(command.string("report"), rollup_report_html(result, to));
    if (command.has("draft")) write_assessment(command.string("draft"), result.draft, &to);
    std::string projected;
    if (command.has("project")) {
        // The rolled-up view, itself a draft, projected once more: every record stays flagged REVIEW:.
        const auto onto = context.framework(command.string("project"));
        const auto projection = project(to, onto, result.draft, library.get(to.id(), onto.id()));
        if (command.has("project-draft")) write_assessment(command.string("project-draft"), projection.draft, &onto);
        projected = "\n" + wrap_block("Projected onto " + onto.id() + " through " + projection.mapping_file + ": " +
                    std::to_string(projection.criteria.size()) + " of " + std::to_string(onto.criteria().size()) +
                    " criteria reached, " + std::to_string(projection.count(Status::met)) + " met by mapping, " +
                    std::to_string(projection.count(Status::partial)) + " partial, " +
                    std::to_string(projection.count(Status::not_met)) + " not met; every record flagged REVIEW:" +
                    (command.has("project-draft") ? " (written to " + command.string("project-draft") + ")" : std::string()) + ".",
                                       text_width, "", "  ");
    }
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(result))); break;
        case Format::csv: emit(command, csv_output(result)); break;
        case Format::markdown: emit(command, markdown_output(result, to)); break;
        case Format::text: emit(command, text_output(result, to) + projected); break;
    }
    return collection.problems().empty() ? exit_ok : exit_findings;
}

}  // namespace routemap::cli
