// routemap history: the trend of each subject in a folder (or list) of assessments: overall and
// per-domain levels and scores, oldest first.

#include <routemap/collection.hpp>
#include <routemap/registry.hpp>

#include "commands/collecting.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo history_info() {
    return {"history", "the trend of each subject over time: levels and scores per date, from a folder of assessments",
            "DIR|FILE... [options]",
            "Reads every assessment in the folders (recursively), files and glob patterns given, groups them by subject "
            "and framework, and shows each subject's overall and per-domain level and score at each date, oldest first. "
            "Files that cannot be read, duplicates and conflicting files (same subject, framework and date) are reported "
            "on stderr and the exit status is then 1; conflicting files are left out, never merged.",
            "routemap history examples/trust/\nroutemap history 'services/*.toml' --model continuous -f csv"};
}

namespace {

std::string level_text(const ScoreNode& node) { return node.applicable ? std::to_string(node.level) : "n/a"; }

std::string text_output(const Registry& registry, const std::vector<SubjectTrend>& trends, const Collection& c) {
    std::string out = wrap_block(plural(c.assessments().size(), "assessment") + " of " + plural(trends.size(), "subject") +
                                     " (" + join(c.framework_ids()) + "), model " + (trends.empty() ? "-" : trends.front().model) + ".",
                                 text_width, "", "  ");
    for (const auto& t : trends) {
        const auto& f = registry.get(t.framework_id);
        out += '\n' + wrap_block(t.subject + " — " + f.id(), text_width, "", "  ");
        std::string legend;
        for (const auto& d : f.domains()) legend += (legend.empty() ? "" : ", ") + ("D" + std::to_string(d.index + 1)) + " " + d.name;
        out += wrap_block("Domains: " + legend + ".", text_width, "  ", "    ");
        std::vector<Table::Column> columns{{"DATE", Table::Align::left}, {"LEVEL", Table::Align::left, true, 10},
                                           {"SCORE", Table::Align::right}};
        for (const auto& d : f.domains()) columns.push_back({"D" + std::to_string(d.index + 1), Table::Align::right});
        Table table(columns);
        for (const auto& p : t.points) {
            std::vector<std::string> cells{p.date, level_text(p.overall) + " " + p.overall.label, format_number(p.overall.score)};
            for (const auto& d : p.domains) cells.push_back(level_text(d));
            table.add_row(std::move(cells));
        }
        if (t.points.size() > 1) {
            const auto& first = t.points.front().overall;
            const auto& last = t.points.back().overall;
            table.add_note("Since " + t.points.front().date + ": level " + first.label + " -> " + last.label + ", score " +
                           format_number(first.score) + " -> " + format_number(last.score) + ".");
        }
        out += table.render(text_width, "  ");
    }
    return out;
}

Json json_output(const std::vector<SubjectTrend>& trends, const Collection& c) {
    Json subjects = Json::array();
    for (const auto& t : trends) {
        Json points = Json::array();
        for (const auto& p : t.points) {
            auto node = [](const ScoreNode& n) {
                return Json{{"id", n.id}, {"name", n.name}, {"level", n.applicable ? Json(n.level) : Json(nullptr)},
                            {"label", n.label}, {"score", n.applicable ? Json(n.score) : Json(nullptr)}};
            };
            Json domains = Json::array();
            for (const auto& d : p.domains) domains.push_back(node(d));
            points.push_back(Json{{"date", p.date}, {"file", p.file}, {"framework_version", p.framework_version},
                                  {"overall", node(p.overall)}, {"domains", std::move(domains)}});
        }
        subjects.push_back(Json{{"subject", t.subject}, {"framework", t.framework_id}, {"model", t.model},
                                {"level_labels", t.level_labels}, {"points", std::move(points)}});
    }
    return Json{{"subjects", std::move(subjects)}, {"problems", problems_json(c)}};
}

std::string csv_output(const std::vector<SubjectTrend>& trends) {
    std::string out = csv_row({"subject", "framework", "date", "file", "kind", "id", "name", "level", "label", "score"});
    for (const auto& t : trends)
        for (const auto& p : t.points) {
            auto row = [&](const char* kind, const ScoreNode& n) {
                out += csv_row({t.subject, t.framework_id, p.date, p.file, kind, n.id, n.name, n.applicable ? std::to_string(n.level) : "",
                                n.label, n.applicable ? format_number(n.score, 6) : ""});
            };
            row("overall", p.overall);
            for (const auto& d : p.domains) row("domain", d);
        }
    return out;
}

std::string markdown_output(const Registry& registry, const std::vector<SubjectTrend>& trends) {
    std::string out = "# History\n";
    for (const auto& t : trends) {
        const auto& f = registry.get(t.framework_id);
        out += "\n## " + markdown_escape(t.subject) + " (" + markdown_escape(f.id()) + ")\n\n";
        std::vector<std::string> headers{"Date", "Level", "Score"};
        std::vector<bool> right{false, false, true};
        for (const auto& d : f.domains()) {
            headers.push_back(markdown_escape(d.name));
            right.push_back(true);
        }
        MarkdownTable table(headers, right);
        for (const auto& p : t.points) {
            std::vector<std::string> cells{p.date, markdown_escape(p.overall.label), format_number(p.overall.score)};
            for (const auto& d : p.domains) cells.push_back(level_text(d));
            table.add_row(cells);
        }
        out += table.render();
    }
    return out;
}

}  // namespace

int run_history(Context& context, const std::vector<std::string>& args) {
    CommandLine command(history_info());
    command.positional("inputs", -1);
    model_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto collection = read_collection(context, command.strings("inputs"), command.name());
    const auto result = trends(context.registry(), collection, command.string("model"));
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(result, collection))); break;
        case Format::csv: emit(command, csv_output(result)); break;
        case Format::markdown: emit(command, markdown_output(context.registry(), result)); break;
        case Format::text: emit(command, text_output(context.registry(), result, collection)); break;
    }
    return collection.problems().empty() ? exit_ok : exit_findings;
}

}  // namespace routemap::cli
