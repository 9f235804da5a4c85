// routemap gap: what stands between an assessment and a target — per domain how much is left, per
// area the current and target level and the criteria to close (with partial ones and cross-area
// prerequisites flagged).

#include <routemap/gap.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/targeting.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/parallel_text.hpp"
#include "output/table.hpp"

namespace routemap::cli {

CommandInfo gap_info() {
    return {"gap", "what is left to reach a target tier: per domain and area, the criteria to close",
            "ASSESSMENT --target TIER|FILE [options]",
            "Compares an assessment with a target: a tier id for every area (for example 'intermediate'), or a target "
            "file with per-domain and per-area tiers (docs/file-formats.md). Lists per domain the criteria still to "
            "close, partial ones flagged, and unmet prerequisites in other areas. Without --target the target is the "
            "framework's highest tier.",
            "routemap gap assessment.toml --target intermediate\nroutemap gap assessment.toml --target targets.toml --format csv"};
}

namespace {

std::string status_flag(const GapItem& item) {
    std::string flag = item.partial ? "partial" : std::string(to_string(item.status));
    for (auto& c : flag)
        if (c == '_') c = ' ';
    return flag;
}

// The gap item of each criterion (nullptr when it has none): built once, so that listing the items
// area by area is one pass.
std::vector<const GapItem*> items_by_criterion(const Framework& f, const GapAnalysis& gap) {
    std::vector<const GapItem*> out(f.criteria().size(), nullptr);
    for (const auto& item : gap.items) out[item.criterion] = &item;
    return out;
}

std::string text_output(const Assessed& a, const GapAnalysis& gap) {
    const auto& f = a.framework;
    const auto item_of = items_by_criterion(f, gap);
    std::string out = assessment_heading("Gap", a);
    out += wrap_block("Target: " + describe_target(f, gap.target) + ".", text_width, "", "  ");
    const auto& t = gap.total;
    out += '\n' + wrap_block("Overall: " + std::to_string(t.met) + " of " + std::to_string(t.required) +
                                 " required criteria met (" + format_percent(t.done_share()) + "); " +
                                 plural(t.to_close, "criterion", "criteria") + " to close" +
                                 (t.partial ? " (" + std::to_string(t.partial) + " partly there)" : "") + ".",
                             text_width, "", "  ");
    out += '\n';
    Table table({{"DOMAIN", Table::Align::left, true, 20},
                 {"TO CLOSE", Table::Align::right},
                 {"PARTIAL", Table::Align::right},
                 {"MET", Table::Align::right},
                 {"DONE", Table::Align::right}});
    for (const auto& d : gap.domains)
        table.add_row({d.name, std::to_string(d.to_close), std::to_string(d.partial),
                       std::to_string(d.met) + "/" + std::to_string(d.required), format_percent(d.done_share())});
    out += table.render();

    // Domain by domain, on several threads when there are many (parallel_text.hpp).
    out += format_pieces(f.domains().size(), 16, [&](std::string& text, std::size_t k) {
        const auto& d = f.domains()[k];
        text += '\n' + wrap_block(d.name + " [" + d.id + "]: " + plural(gap.domains[d.index].to_close, "criterion", "criteria") +
                                     " to close",
                                 text_width, "", "  ");
        for (const auto& area : f.areas_of(d)) {
            const auto& ag = gap.areas[area.index];
            const std::string name = area.implicit ? "Criteria" : area.name;
            if (!ag.applicable) {
                text += wrap_block(name + ": not applicable", text_width, "  ", "    ");
                continue;
            }
            std::vector<const GapItem*> items;
            for (const auto i : ag.to_close) items.push_back(item_of[i]);
            const std::string levels = level_name(f, ag.current_level) + " → target " + level_name(f, ag.target_level);
            text += wrap_block(name + ": " + levels + (items.empty() ? ", reached" : ""), text_width, "  ", "    ");
            for (const auto* item : items) {
                const auto& c = f.criteria()[item->criterion];
                text += wrap_block(c.id + "  [" + tier_name(f, c) + ", " + answer_or(a, c.id, status_flag(*item)) + "]",
                                  text_width, "    - ", "      ");
                text += wrap_block(c.text, text_width, "      ");
                if (item->prerequisite)
                    text += wrap_block("needed first by: " + join(item->required_by), text_width, "      ", "        ");
                if (const auto who = ownership(item->owner, item->due, item->overdue); !who.empty())
                    text += wrap_block(who, text_width, "      ", "        ");
            }
        }
    });
    return out;
}

std::string csv_output(const Assessed& a, const GapAnalysis& gap) {
    const auto& f = a.framework;
    std::string out = csv_row({"criterion", "domain", "area", "tier", "status", "partial", "prerequisite", "required_by",
                               "current_level", "target_level", "owner", "due", "overdue", "text"});
    for (const auto& item : gap.items) {
        const auto& c = f.criteria()[item.criterion];
        const auto& ag = gap.areas[c.area];
        out += csv_row({c.id, f.domains()[c.domain].id, f.areas()[c.area].id, f.tiers()[c.tier].id,
                        std::string(to_string(item.status)), item.partial ? "true" : "false",
                        item.prerequisite ? "true" : "false", join(item.required_by, " "),
                        ag.applicable ? std::to_string(ag.current_level) : "",
                        std::to_string(ag.target_level), item.owner, item.due, item.overdue ? "true" : "false",
                        c.text});
    }
    return out;
}

std::string markdown_output(const Assessed& a, const GapAnalysis& gap) {
    const auto& f = a.framework;
    const auto item_of = items_by_criterion(f, gap);
    std::string out = "# Gap: " + markdown_escape(a.assessment.subject) + "\n\n";
    out += "- **Framework:** " + markdown_escape(f.name()) + " (`" + f.id() + "` " + markdown_escape(f.version()) + ")\n";
    out += "- **Target:** " + markdown_escape(describe_target(f, gap.target)) + "\n";
    out += "- **Done:** " + std::to_string(gap.total.met) + " of " + std::to_string(gap.total.required) + " (" +
           format_percent(gap.total.done_share()) + "); " + std::to_string(gap.total.to_close) + " to close\n\n";
    MarkdownTable summary({"Domain", "To close", "Partial", "Met", "Done"}, {false, true, true, true, true});
    for (const auto& d : gap.domains)
        summary.add_row({markdown_escape(d.name), std::to_string(d.to_close), std::to_string(d.partial),
                         std::to_string(d.met) + "/" + std::to_string(d.required), format_percent(d.done_share())});
    out += summary.render();
    for (const auto& d : f.domains()) {
        std::vector<const GapItem*> items;
        for (const auto& area : f.areas_of(d))
            for (const auto i : gap.areas[area.index].to_close) items.push_back(item_of[i]);
        if (items.empty()) continue;
        out += "\n## " + markdown_escape(d.name) + "\n\n";
        MarkdownTable table({"Area", "Criterion", "Tier", "Status", "Owner", "Due", "Text"});
        for (const auto* item : items) {
            const auto& c = f.criteria()[item->criterion];
            std::string text = markdown_escape(c.text);
            if (item->prerequisite) text += " *(needed first by " + markdown_escape(join(item->required_by)) + ")*";
            table.add_row({markdown_escape(f.areas()[c.area].name), "`" + c.id + "`", markdown_escape(tier_name(f, c)),
                           markdown_escape(status_flag(*item)), markdown_escape(item->owner),
                           markdown_escape(item->due) + (item->overdue ? " **(overdue)**" : ""), text});
        }
        out += table.render();
    }
    return out;
}

}  // namespace

int run_gap(Context& context, const std::vector<std::string>& args) {
    CommandLine command(gap_info());
    command.positional("assessment", 1);
    target_option(command);
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto assessed = load_assessed(context, command, command.required("assessment", "ASSESSMENT (an assessment file)"));
    const auto target = target_from(context, command, assessed.framework);
    const auto gap = analyse_gap(assessed.framework, assessed.assessment, target);
    switch (command.format()) {
        case Format::json: {
            auto json = to_json(assessed.framework, gap);
            json["subject"] = assessed.assessment.subject;
            json["date"] = assessed.assessment.date;
            emit(command, dump(json));
            break;
        }
        case Format::csv: emit(command, csv_output(assessed, gap)); break;
        case Format::markdown: emit(command, markdown_output(assessed, gap)); break;
        case Format::text: emit(command, text_output(assessed, gap)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
