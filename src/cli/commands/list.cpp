// routemap list: the frameworks on the search path, the plugins loaded and any problems found;
// with --models, the scoring models and report formats too.

#include <routemap/report.hpp>
#include <routemap/scoring.hpp>

#include "commands/commands.hpp"
#include "output/delimited.hpp"
#include "output/diagnostics.hpp"
#include "output/json.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo list_info() {
    return {"list", "list the frameworks on the search path (and, with --models, scoring models and report formats)",
            "[options]",
            "Lists every framework found on the search path with its version, level and size, the plugins loaded, and "
            "problems met while scanning (duplicate ids, files that do not load, refused plugins). --models adds the "
            "scoring models and report formats available, and --verbose the search path and each framework's file.",
            "routemap list --models\nroutemap --path ./my-frameworks list --format json"};
}

namespace {

std::string text_output(const Registry& registry, bool models, bool verbose) {
    const auto frameworks = registry.list();
    std::string out = "Frameworks (" + std::to_string(frameworks.size()) + " on the search path):\n\n";
    if (frameworks.empty()) {
        out += "  none: add a directory holding frameworks/*.toml with --path DIR or ROUTEMAP_PATH\n";
    } else {
        Table table({{"ID"}, {"VERSION"}, {"LEVEL"}, {"DOMAINS", Table::Align::right}, {"AREAS", Table::Align::right},
                     {"CRITERIA", Table::Align::right}, {"ACTIONS", Table::Align::right}});
        for (const auto& f : frameworks) {
            table.add_row({f.id, f.version, f.level, std::to_string(f.domains), std::to_string(f.areas),
                           std::to_string(f.criteria), std::to_string(f.actions)});
            table.add_note(f.name + (f.status != "published" ? " [" + f.status + "]" : ""));
            if (verbose) table.add_note("from " + f.origin);
        }
        out += table.render();
    }
    if (!registry.plugins().empty()) {
        out += "\nPlugins:\n\n";
        Table table({{"NAME"}, {"VERSION"}, {"FILE", Table::Align::left, true}});
        for (const auto& p : registry.plugins()) table.add_row({p.name, p.version, p.file.string()});
        out += table.render();
    }
    if (models) {
        out += "\nScoring models:\n";
        for (const auto& name : registry.model_names()) {
            const auto& model = registry.model(name);
            out += '\n' + wrap_block(model.description(), text_width, "  " + pad_right(name, 12), std::string(14, ' '));
            std::string params;
            for (const auto& [key, value] : model.default_parameters())
                params += (params.empty() ? "" : ", ") + key + "=" + format_number(value, 4);
            if (!params.empty()) out += wrap_block("parameters: " + params, text_width, std::string(14, ' '));
        }
        out += "\nReport formats:\n\n";
        for (const auto& format : registry.report_formats())
            out += wrap_block(registry.report_writer(format).description(), text_width, "  " + pad_right(format, 12),
                              std::string(14, ' '));
    }
    if (verbose) {
        out += "\nSearch path (first wins):\n\n";
        for (const auto& directory : registry.search_path()) out += "  " + directory.string() + '\n';
    }
    if (!registry.problems().empty()) {
        out += "\nProblems:\n\n";
        // Not wrapped: a diagnostic starts with a file name that people copy.
        for (const auto& d : registry.problems()) out += "  " + diagnostic_line(d) + '\n';
    }
    return out;
}

Json json_output(const Registry& registry, bool models) {
    Json out = Json::object();
    Json path = Json::array();
    for (const auto& directory : registry.search_path()) path.push_back(directory.string());
    out["search_path"] = std::move(path);
    Json frameworks = Json::array();
    for (const auto& f : registry.list()) frameworks.push_back(to_json(f));
    out["frameworks"] = std::move(frameworks);
    Json plugins = Json::array();
    for (const auto& p : registry.plugins())
        plugins.push_back(Json{{"name", p.name}, {"version", p.version}, {"file", p.file.string()}});
    out["plugins"] = std::move(plugins);
    Json problems = Json::array();
    for (const auto& d : registry.problems()) problems.push_back(to_json(d));
    out["problems"] = std::move(problems);
    if (models) {
        Json list = Json::array();
        for (const auto& name : registry.model_names()) {
            const auto& model = registry.model(name);
            list.push_back(Json{{"name", name}, {"description", model.description()},
                                {"parameters", Json(model.default_parameters())}});
        }
        out["models"] = std::move(list);
        Json formats = Json::array();
        for (const auto& format : registry.report_formats())
            formats.push_back(Json{{"format", format}, {"description", registry.report_writer(format).description()}});
        out["report_formats"] = std::move(formats);
    }
    return out;
}

std::string csv_output(const Registry& registry) {
    std::string out = csv_row({"id", "name", "version", "level", "status", "domains", "areas", "criteria", "actions", "origin"});
    for (const auto& f : registry.list())
        out += csv_row({f.id, f.name, f.version, f.level, f.status, std::to_string(f.domains), std::to_string(f.areas),
                        std::to_string(f.criteria), std::to_string(f.actions), f.origin});
    return out;
}

std::string markdown_output(const Registry& registry, bool models) {
    std::string out = "# Frameworks\n\n";
    MarkdownTable table({"Id", "Name", "Version", "Level", "Domains", "Areas", "Criteria", "Actions"},
                        {false, false, false, false, true, true, true, true});
    for (const auto& f : registry.list())
        table.add_row({"`" + f.id + "`", markdown_escape(f.name), markdown_escape(f.version), markdown_escape(f.level),
                       std::to_string(f.domains), std::to_string(f.areas), std::to_string(f.criteria),
                       std::to_string(f.actions)});
    out += table.render();
    if (!registry.plugins().empty()) {
        out += "\n## Plugins\n\n";
        for (const auto& p : registry.plugins())
            out += "- `" + p.name + "` " + markdown_escape(p.version) + " (" + markdown_escape(p.file.string()) + ")\n";
    }
    if (models) {
        out += "\n## Scoring models\n\n";
        for (const auto& name : registry.model_names())
            out += "- **" + markdown_escape(name) + "**: " + markdown_escape(registry.model(name).description()) + '\n';
        out += "\n## Report formats\n\n";
        for (const auto& format : registry.report_formats())
            out += "- **" + markdown_escape(format) + "**: " + markdown_escape(registry.report_writer(format).description()) + '\n';
    }
    if (!registry.problems().empty()) {
        out += "\n## Problems\n\n";
        for (const auto& d : registry.problems()) out += "- " + markdown_escape(diagnostic_line(d)) + '\n';
    }
    return out;
}

}  // namespace

int run_list(Context& context, const std::vector<std::string>& args) {
    CommandLine command(list_info());
    command.options().add_options()("models,m", "also list scoring models and report formats")(
        "verbose,v", "also show the search path and where each framework came from");
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto& registry = context.registry();
    const bool models = command.has("models");
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(registry, models))); break;
        case Format::csv: emit(command, csv_output(registry)); break;
        case Format::markdown: emit(command, markdown_output(registry, models)); break;
        case Format::text: emit(command, text_output(registry, models, command.has("verbose"))); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
