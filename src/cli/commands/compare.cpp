// routemap compare: progress between two assessments of the same subject — levels gained or lost
// per domain and area, criteria newly met, regressed and improved.

#include <iostream>

#include <routemap/compare.hpp>
#include <routemap/scoring.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "output/terminal.hpp"

namespace routemap::cli {

CommandInfo compare_info() {
    return {"compare", "progress between two assessments: levels gained or lost, criteria newly met or regressed",
            "OLD NEW [options]",
            "Compares two assessments of the same subject against the same framework (for example last year's and "
            "this year's): the level of each domain and area before and after, and the criteria newly met, regressed "
            "(met or partial before, less now) and improved (now partial).",
            "routemap compare assessment-2023.toml assessment-2024.toml\nroutemap compare old.toml new.toml --format markdown"};
}

namespace {

// The model's names of levels (tier names for the built-in models, bands for some plugins).
struct LevelNames {
    const Framework& framework;
    std::vector<std::string> labels;
    std::string operator()(int level) const {
        if (level == not_applicable_level) return "n/a";
        if (level >= 0 && static_cast<std::size_t>(level) < labels.size()) return labels[static_cast<std::size_t>(level)];
        return level_name(framework, level);
    }
};

std::string delta_text(const LevelChange& c) {
    if (c.changed_applicability()) return c.after_applicable ? "now applicable" : "now n/a";
    if (!c.after_applicable) return "n/a";
    if (c.delta() > 0) return "+" + std::to_string(c.delta());
    if (c.delta() < 0) return std::to_string(c.delta());
    return "=";
}

std::string kind_title(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::newly_met: return "Newly met";
        case ChangeKind::regressed: return "Regressed";
        case ChangeKind::improved: return "Improved to partial";
        case ChangeKind::excluded: return "Excluded (now not applicable)";
        case ChangeKind::reinstated: return "Reinstated (applicable again)";
        case ChangeKind::other: break;
    }
    return "Other changes (not met and unknown, both count as not met)";
}

std::string status_word(Status s) {
    std::string out(to_string(s));
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

// A side of a change: the answer given (by id), else the status.
std::string side(Status status, const std::string& answer) {
    return answer.empty() ? status_word(status) : "answered " + answer;
}

constexpr ChangeKind kinds[] = {ChangeKind::newly_met,  ChangeKind::regressed,  ChangeKind::improved,
                                ChangeKind::excluded,   ChangeKind::reinstated, ChangeKind::other};

std::string text_output(const Framework& f, const Comparison& c, const LevelNames& name) {
    std::string out = wrap_block("Progress: " + (c.subject.empty() ? std::string("(no subject)") : c.subject), text_width, "");
    out += wrap_block("Framework: " + f.name() + " (" + f.id() + " " + f.version() + ")", text_width, "", "  ");
    out += wrap_block("From " + c.before_date + " to " + c.after_date + ", model " + c.model + ".", text_width, "");
    out += '\n' + wrap_block("Overall level: " + name(c.overall.before_level) + " → " +
                                 name(c.overall.after_level) + " (" + delta_text(c.overall) + ")",
                             text_width, "", "  ");
    const auto counts = c.counts();
    std::size_t gained = 0, lost = 0;
    for (const auto& a : c.areas) {
        if (a.delta() > 0) ++gained;
        if (a.delta() < 0) ++lost;
    }
    out += wrap_block("Areas: " + std::to_string(gained) + " gained a level, " + std::to_string(lost) + " lost one; " +
                          plural(counts[static_cast<std::size_t>(ChangeKind::newly_met)], "criterion", "criteria") +
                          " newly met, " + std::to_string(counts[static_cast<std::size_t>(ChangeKind::regressed)]) +
                          " regressed, " + std::to_string(counts[static_cast<std::size_t>(ChangeKind::excluded)]) +
                          " excluded (now not applicable).",
                      text_width, "", "  ");
    out += '\n';
    Table table({{"DOMAIN / AREA", Table::Align::left, true, 20}, {"BEFORE"}, {"AFTER"}, {"CHANGE", Table::Align::right}});
    for (const auto& d : f.domains()) {
        const auto& dc = c.domains[d.index];
        table.add_row({dc.name, name(dc.before_level), name(dc.after_level), delta_text(dc)});
        for (const auto& area : f.areas_of(d)) {
            if (area.implicit) continue;
            const auto& ac = c.areas[area.index];
            table.add_row({"  " + ac.name, name(ac.before_level), name(ac.after_level), delta_text(ac)});
        }
    }
    out += table.render();
    for (const auto kind : kinds) {
        std::vector<const CriterionChange*> list;
        for (const auto& ch : c.changes)
            if (ch.kind == kind) list.push_back(&ch);
        if (list.empty()) continue;
        out += '\n' + kind_title(kind) + " (" + std::to_string(list.size()) + "):\n";
        for (const auto* ch : list) {
            const auto* criterion = f.find_criterion(ch->id);
            out += wrap_block(ch->id + "  [" + side(ch->before, ch->before_answer) + " → " +
                                  side(ch->after, ch->after_answer) + "]",
                              text_width, "  - ", "    ");
            if (criterion) out += wrap_block(criterion->text, text_width, "    ");
        }
    }
    if (c.changes.empty()) out += "\nNo criterion changed status.\n";
    return out;
}

std::string csv_output(const Comparison& c) {
    std::string out = csv_row({"kind", "id", "name", "before_level", "after_level", "delta", "before_status", "after_status", "change"});
    auto level = [&](const char* kind, const LevelChange& l) {
        auto lv = [](bool applicable, int v) { return applicable ? std::to_string(v) : std::string(); };
        out += csv_row({kind, l.id, l.name, lv(l.before_applicable, l.before_level), lv(l.after_applicable, l.after_level),
                        l.before_applicable && l.after_applicable ? std::to_string(l.delta()) : std::string(), "", "", ""});
    };
    level("overall", c.overall);
    for (const auto& d : c.domains) level("domain", d);
    for (const auto& a : c.areas) level("area", a);
    for (const auto& ch : c.changes) {
        out += csv_row({"criterion", ch.id, "", "", "", "", std::string(to_string(ch.before)), std::string(to_string(ch.after)),
                        std::string(to_string(ch.kind))});
    }
    return out;
}

std::string markdown_output(const Framework& f, const Comparison& c, const LevelNames& name) {
    std::string out = "# Progress: " + markdown_escape(c.subject) + "\n\n";
    out += "- **Framework:** " + markdown_escape(f.name()) + " (`" + f.id() + "` " + markdown_escape(f.version()) + ")\n";
    out += "- **From** " + markdown_escape(c.before_date) + " **to** " + markdown_escape(c.after_date) + "\n";
    out += "- **Overall level:** " + markdown_escape(name(c.overall.before_level)) + " → " +
           markdown_escape(name(c.overall.after_level)) + " (" + delta_text(c.overall) + ")\n\n";
    MarkdownTable table({"Domain / area", "Before", "After", "Change"}, {false, false, false, true});
    for (const auto& d : f.domains()) {
        const auto& dc = c.domains[d.index];
        table.add_row({"**" + markdown_escape(dc.name) + "**", markdown_escape(name(dc.before_level)),
                       markdown_escape(name(dc.after_level)), delta_text(dc)});
        for (const auto& area : f.areas_of(d)) {
            if (area.implicit) continue;
            const auto& ac = c.areas[area.index];
            table.add_row({"&nbsp;&nbsp;" + markdown_escape(ac.name), markdown_escape(name(ac.before_level)),
                           markdown_escape(name(ac.after_level)), delta_text(ac)});
        }
    }
    out += table.render();
    for (const auto kind : kinds) {
        std::string list;
        for (const auto& ch : c.changes)
            if (ch.kind == kind) {
                const auto* criterion = f.find_criterion(ch.id);
                list += "- `" + ch.id + "` (" + markdown_escape(side(ch.before, ch.before_answer)) + " → " +
                        markdown_escape(side(ch.after, ch.after_answer)) + ")" +
                        (criterion ? ": " + markdown_escape(criterion->text) : "") + "\n";
            }
        if (!list.empty()) out += "\n## " + kind_title(kind) + "\n\n" + list;
    }
    return out;
}

}  // namespace

int run_compare(Context& context, const std::vector<std::string>& args) {
    CommandLine command(compare_info());
    command.positional("old", 1);
    command.positional("new", 1);
    model_option(command);
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto old_file = command.required("old", "OLD (the earlier assessment)");
    const auto new_file = command.required("new", "NEW (the later assessment)");
    const auto before = load_assessed_across_versions(context, command, old_file);
    const auto after = load_assessed_across_versions(context, command, new_file);
    if (before.framework.id() != after.framework.id())
        throw InputError("cannot compare '" + old_file + "' (framework " + before.framework.id() + ") with '" + new_file +
                         "' (framework " + after.framework.id() + "): they use different frameworks");
    if (!before.assessment.date.empty() && !after.assessment.date.empty() && before.assessment.date > after.assessment.date)
        std::cerr << escape_controls("routemap compare: warning: OLD '" + old_file + "' is dated " + before.assessment.date +
                                     ", after NEW '" + new_file + "' (" + after.assessment.date +
                                     "): the changes below run backwards in time. The earlier assessment goes first: "
                                     "routemap compare " + new_file + " " + old_file + "\n");
    const auto comparison =
        compare(context.registry(), after.framework, before.assessment, after.assessment, command.string("model"));
    const LevelNames names{after.framework,
                           score(context.registry(), after.framework, after.assessment, comparison.model).level_labels};
    switch (command.format()) {
        case Format::json: emit(command, dump(to_json(comparison))); break;
        case Format::csv: emit(command, csv_output(comparison)); break;
        case Format::markdown: emit(command, markdown_output(after.framework, comparison, names)); break;
        case Format::text: emit(command, text_output(after.framework, comparison, names)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
