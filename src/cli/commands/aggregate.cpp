// routemap aggregate: many assessments of one framework (an organisation's services, a network's
// members) — how many reached each level, per area and domain, with medians.

#include <routemap/aggregate.hpp>

#include "commands/collecting.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo aggregate_info() {
    return {"aggregate", "summarise many assessments of one framework: levels reached per area and domain",
            "FILE...|DIR... [options]",
            "Scores every assessment (all against the same framework) and shows, per domain and area, how many "
            "subjects reached each level, the median level and the mean score: a heatmap of where a group stands. "
            "Given a folder (searched recursively) or a glob pattern, it reads a collection and aggregates per framework "
            "and date, one section each; duplicates and conflicting files are reported (exit status 1).",
            "routemap aggregate services/*.toml\nroutemap aggregate a.toml b.toml c.toml --model coverage --format csv\n"
            "routemap aggregate examples/trust/ --format csv"};
}

namespace {

std::string text_output(const Framework& f, const Aggregate& a) {
    std::string out = wrap_block("Aggregate of " + plural(a.subjects.size(), "assessment") + " against " + f.name() + " (" +
                                     f.id() + " " + f.version() + "), model " + a.model + ".",
                                 text_width, "", "  ");
    out += wrap_block("Subjects: " + join(a.subjects) + ".", text_width, "", "  ");
    std::string legend;
    for (std::size_t l = 0; l < a.level_labels.size(); ++l)
        legend += (l ? ", " : "") + ("L" + std::to_string(l)) + " " + a.level_labels[l];
    out += wrap_block("Levels: " + legend + ". Each L column counts the subjects at that level.", text_width, "", "  ");
    out += '\n' + wrap_block("Overall median level: " + format_number(a.overall.median_level, 1) + " (lowest " +
                                 a.level_labels[static_cast<std::size_t>(a.overall.min_level)] + ", highest " +
                                 a.level_labels[static_cast<std::size_t>(a.overall.max_level)] + ")",
                             text_width, "", "  ");
    out += '\n';
    std::vector<Table::Column> columns{{"DOMAIN / AREA", Table::Align::left, true, 16}, {"N", Table::Align::right}};
    for (std::size_t l = 0; l < a.level_labels.size(); ++l) columns.push_back({"L" + std::to_string(l), Table::Align::right});
    columns.push_back({"MEDIAN", Table::Align::right});
    columns.push_back({"MEAN SCORE", Table::Align::right});
    Table table(columns);
    auto row = [&](const Distribution& d, const std::string& indent) {
        std::vector<std::string> cells{indent + d.name, std::to_string(d.count)};
        for (std::size_t l = 0; l < a.level_labels.size(); ++l)
            cells.push_back(l < d.level_counts.size() && d.level_counts[l] ? std::to_string(d.level_counts[l]) : ".");
        cells.push_back(d.count ? format_number(d.median_level, 1) : "-");
        cells.push_back(d.count ? format_number(d.mean_score) : "-");
        table.add_row(std::move(cells));
    };
    for (const auto& d : f.domains()) {
        row(a.domains[d.index], "");
        for (const auto& area : f.areas_of(d))
            if (!area.implicit) row(a.areas[area.index], "  ");
    }
    return out + table.render();
}

std::string csv_output(const Aggregate& a) {
    std::vector<std::string> header{"kind", "id", "name", "count"};
    for (std::size_t l = 0; l < a.level_labels.size(); ++l) header.push_back("level_" + std::to_string(l));
    for (const auto* h : {"median_level", "min_level", "max_level", "mean_score", "median_score"}) header.emplace_back(h);
    std::string out = csv_row(header);
    auto row = [&](const char* kind, const Distribution& d) {
        std::vector<std::string> cells{kind, d.id, d.name, std::to_string(d.count)};
        for (std::size_t l = 0; l < a.level_labels.size(); ++l)
            cells.push_back(std::to_string(l < d.level_counts.size() ? d.level_counts[l] : 0));
        cells.push_back(format_number(d.median_level, 6));
        cells.push_back(std::to_string(d.min_level));
        cells.push_back(std::to_string(d.max_level));
        cells.push_back(format_number(d.mean_score, 6));
        cells.push_back(format_number(d.median_score, 6));
        out += csv_row(cells);
    };
    row("overall", a.overall);
    for (const auto& d : a.domains) row("domain", d);
    for (const auto& x : a.areas) row("area", x);
    return out;
}

std::string markdown_output(const Framework& f, const Aggregate& a) {
    std::string out = "# Aggregate: " + markdown_escape(f.name()) + "\n\n";
    out += "- **Assessments:** " + std::to_string(a.subjects.size()) + " (" + markdown_escape(join(a.subjects)) + ")\n";
    out += "- **Model:** " + markdown_escape(a.model) + "\n\n";
    std::vector<std::string> headers{"Domain / area", "N"};
    std::vector<bool> right{false, true};
    for (const auto& label : a.level_labels) {
        headers.push_back(markdown_escape(label));
        right.push_back(true);
    }
    headers.emplace_back("Median");
    headers.emplace_back("Mean score");
    right.push_back(true);
    right.push_back(true);
    MarkdownTable table(headers, right);
    auto row = [&](const Distribution& d, bool domain) {
        std::vector<std::string> cells{domain ? "**" + markdown_escape(d.name) + "**" : "&nbsp;&nbsp;" + markdown_escape(d.name),
                                       std::to_string(d.count)};
        for (std::size_t l = 0; l < a.level_labels.size(); ++l)
            cells.push_back(std::to_string(l < d.level_counts.size() ? d.level_counts[l] : 0));
        cells.push_back(format_number(d.median_level, 1));
        cells.push_back(format_number(d.mean_score));
        table.add_row(cells);
    };
    for (const auto& d : f.domains()) {
        row(a.domains[d.index], true);
        for (const auto& area : f.areas_of(d))
            if (!area.implicit) row(a.areas[area.index], false);
    }
    return out + table.render();
}

// A folder or glob: one aggregate per framework and date, in date order.
int aggregate_collection(Context& context, const CommandLine& command, const std::vector<std::string>& inputs) {
    const auto collection = read_collection(context, inputs, command.name());
    struct Group {
        std::string framework_id, date;
        std::vector<Assessment> assessments;
    };
    std::vector<Group> groups;
    for (const auto& date : collection.dates())
        for (const auto& id : collection.framework_ids()) {
            Group g{id, date, {}};
            for (const auto& a : collection.assessments())
                if (a.framework_id == id && a.date == date) g.assessments.push_back(a);
            if (!g.assessments.empty()) groups.push_back(std::move(g));
        }
    std::string text, csv;
    Json json_groups = Json::array();
    for (const auto& g : groups) {
        const auto& framework = context.registry().get(g.framework_id);
        const auto result = aggregate(context.registry(), framework, g.assessments, command.string("model"));
        switch (command.format()) {
            case Format::json:
                json_groups.push_back(Json{{"date", g.date}, {"framework", g.framework_id}, {"aggregate", to_json(result)}});
                break;
            case Format::csv: {
                // The single aggregate's rows, each prefixed by its date and framework.
                auto prefix = [](const std::vector<std::string>& cells) {
                    auto row = csv_row(cells);
                    row.back() = ',';
                    return row;
                };
                const auto body = csv_output(result);
                const auto header_end = body.find('\n') + 1;
                if (csv.empty()) csv = prefix({"date", "framework"}) + body.substr(0, header_end);
                for (auto pos = header_end; pos < body.size();) {
                    const auto end = body.find('\n', pos) + 1;
                    csv += prefix({g.date, g.framework_id}) + body.substr(pos, end - pos);
                    pos = end;
                }
                break;
            }
            case Format::markdown: text += (text.empty() ? "" : "\n") + ("# " + g.date + "\n\n") + markdown_output(framework, result); break;
            case Format::text:
                text += (text.empty() ? "" : "\n") + ("== " + g.date + " ==\n") + text_output(framework, result);
                break;
        }
    }
    switch (command.format()) {
        case Format::json: emit(command, dump(Json{{"by_date", std::move(json_groups)}, {"problems", problems_json(collection)}})); break;
        case Format::csv: emit(command, csv); break;
        default: emit(command, text); break;
    }
    return collection.problems().empty() ? exit_ok : exit_findings;
}

}  // namespace

int run_aggregate(Context& context, const std::vector<std::string>& args) {
    CommandLine command(aggregate_info());
    command.positional("files", -1);
    model_option(command);
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto files = command.strings("files");
    if (files.empty()) throw UsageError("missing FILE: name the assessments to aggregate", command.name());
    if (names_a_collection(files)) return aggregate_collection(context, command, files);
    for (const auto& file : files) require_file(file);
    std::vector<Assessment> assessments;
    for (const auto& file : files) assessments.push_back(context.assessment(file));
    const auto framework = context.framework_for(assessments.front(), command.string("framework"));
    for (auto& a : assessments) {
        if (a.framework_id != framework.id())
            throw InputError("cannot aggregate '" + a.file + "': it is an assessment against '" + a.framework_id +
                             "', the others against '" + framework.id() + "'");
        a.resolve(framework);
    }
    const auto result = aggregate(context.registry(), framework, assessments, command.string("model"));
    switch (command.format()) {
        case Format::json: emit(command, dump(to_json(result))); break;
        case Format::csv: emit(command, csv_output(result)); break;
        case Format::markdown: emit(command, markdown_output(framework, result)); break;
        case Format::text: emit(command, text_output(framework, result)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
