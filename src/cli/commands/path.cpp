// routemap path: the gap's criteria in an order that respects every dependency, grouped into
// phases (phase 1 can start now); --next N lists what can be started today.

#include <routemap/gap.hpp>
#include <routemap/progression.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "commands/targeting.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/parallel_text.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

CommandInfo path_info() {
    return {"path", "the order to work in to reach a target, in phases; --next N for what to start today",
            "ASSESSMENT --target TIER|FILE [--next N] [options]",
            "Orders the criteria still to close (see 'gap') so that prerequisites come first, lower tiers before "
            "higher ones, and groups them into phases: phase 1 can start now, phase 2 once phase 1 is done, and so on. "
            "--next N shows only the first N steps that can be started today.",
            "routemap path assessment.toml --target intermediate\nroutemap path assessment.toml --target advanced --next 5"};
}

namespace {

std::string status_word(Status s) {
    std::string out(to_string(s));
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

void text_step(std::string& out, const Assessed& a, const PathStep& step, std::size_t number) {
    const auto& f = a.framework;
    const auto& c = f.criteria()[step.criterion];
    const std::string label = pad_left(std::to_string(number) + ". ", 6);
    out += wrap_block(c.id + "  [" + tier_name(f, c) + ", " + answer_or(a, c.id, status_word(step.status)) + "]", text_width,
                      "  " + label,
                      std::string(8, ' '));
    out += wrap_block(c.text, text_width, std::string(8, ' '));
    if (!step.waits_for.empty())
        out += wrap_block("after: " + join(step.waits_for), text_width, std::string(8, ' '), std::string(15, ' '));
    if (const auto who = ownership(step.owner, step.due, step.overdue); !who.empty())
        out += wrap_block(who, text_width, std::string(8, ' '), std::string(10, ' '));
}

std::string text_output(const Assessed& a, const GapAnalysis& gap, const ProgressionPath& path, std::size_t next) {
    const auto& f = a.framework;
    std::string out = assessment_heading("Progression path", a);
    out += wrap_block("Target: " + describe_target(f, gap.target) + ".", text_width, "", "  ");
    if (path.steps.empty()) return out + "\nThe target is reached: nothing left to do.\n";
    if (next > 0 || next == static_cast<std::size_t>(-1)) {
        const auto steps = path.next_steps(next == static_cast<std::size_t>(-1) ? 0 : next);
        out += '\n' + wrap_block("Next " + plural(steps.size(), "step") + " that can start today (of " +
                                     std::to_string(path.phases.front().size()) + " in phase 1, " +
                                     std::to_string(path.steps.size()) + " in all):",
                                 text_width, "");
        out += '\n';
        for (std::size_t i = 0; i < steps.size(); ++i) text_step(out, a, steps[i], i + 1);
        return out;
    }
    out += '\n' + wrap_block(plural(path.steps.size(), "step") + " in " + plural(path.phase_count(), "phase") + ".",
                             text_width, "");
    const auto heading = [&](std::string& text, std::size_t p) {
        text += "\nPhase " + std::to_string(p + 1) + (p == 0 ? " — can start now" : " — after phase " + std::to_string(p)) +
                " (" + plural(path.phases[p].size(), "step") + "):\n";
    };
    // The steps in the order shown, each with its phase: the headings of the phases up to a step's own
    // go before it (so that a phase without steps, if one came, would still be headed in its place).
    struct Shown {
        std::size_t phase, step;
    };
    std::vector<Shown> shown;
    shown.reserve(path.steps.size());
    for (std::size_t p = 0; p < path.phases.size(); ++p)
        for (const auto i : path.phases[p]) shown.push_back({p, i});
    out += format_pieces(shown.size(), 1024, [&](std::string& text, std::size_t k) {
        for (auto p = k == 0 ? 0 : shown[k - 1].phase + 1; p <= shown[k].phase; ++p) heading(text, p);
        text_step(text, a, path.steps[shown[k].step], k + 1);
    });
    for (auto p = shown.empty() ? 0 : shown.back().phase + 1; p < path.phases.size(); ++p) heading(out, p);
    return out;
}

std::string csv_output(const Framework& f, const std::vector<PathStep>& steps) {
    std::string out = csv_row({"order", "phase", "criterion", "domain", "area", "tier", "status", "waits_for", "owner", "due",
                               "overdue", "text"});
    std::size_t order = 0;
    for (const auto& s : steps) {
        const auto& c = f.criteria()[s.criterion];
        out += csv_row({std::to_string(++order), std::to_string(s.phase), c.id, f.domains()[c.domain].id, f.areas()[c.area].id,
                        f.tiers()[c.tier].id, std::string(to_string(s.status)), join(s.waits_for, " "), s.owner, s.due,
                        s.overdue ? "true" : "false", c.text});
    }
    return out;
}

std::string markdown_output(const Assessed& a, const GapAnalysis& gap, const std::vector<PathStep>& steps) {
    const auto& f = a.framework;
    std::string out = "# Progression path: " + markdown_escape(a.assessment.subject) + "\n\n";
    out += "- **Framework:** " + markdown_escape(f.name()) + " (`" + f.id() + "` " + markdown_escape(f.version()) + ")\n";
    out += "- **Target:** " + markdown_escape(describe_target(f, gap.target)) + "\n\n";
    std::size_t phase = 0, order = 0;
    for (const auto& s : steps) {
        if (s.phase != phase) {
            phase = s.phase;
            out += "\n## Phase " + std::to_string(phase) + (phase == 1 ? " (can start now)" : "") + "\n\n";
        }
        const auto& c = f.criteria()[s.criterion];
        out += std::to_string(++order) + ". `" + c.id + "` (" + markdown_escape(tier_name(f, c)) + ", " +
               markdown_escape(status_word(s.status)) + "): " + markdown_escape(c.text);
        if (const auto who = ownership(s.owner, s.due, s.overdue); !who.empty()) out += " — " + markdown_escape(who);
        out += "\n";
    }
    return out;
}

}  // namespace

int run_path(Context& context, const std::vector<std::string>& args) {
    CommandLine command(path_info());
    command.positional("assessment", 1);
    target_option(command);
    command.options().add_options()("next,n", po::value<long>()->value_name("N"),
                                    "only the first N steps that can start today (0: all of phase 1)");
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    std::size_t next = 0;  // 0: the whole path; -1: all of phase 1
    if (command.has("next")) {
        const auto n = command.values()["next"].as<long>();
        if (n < 0) throw UsageError("--next must be 0 or more, not " + std::to_string(n), command.name());
        next = n == 0 ? static_cast<std::size_t>(-1) : static_cast<std::size_t>(n);
    }
    const auto assessed = load_assessed(context, command, command.required("assessment", "ASSESSMENT (an assessment file)"));
    const auto target = target_from(context, command, assessed.framework);
    const auto gap = analyse_gap(assessed.framework, assessed.assessment, target);
    const auto path = progression_path(assessed.framework, gap);
    std::vector<PathStep> first;  // with --next, the steps that can start today (no copy of the whole path without)
    if (next != 0) first = path.next_steps(next == static_cast<std::size_t>(-1) ? 0 : next);
    const auto& steps = next == 0 ? path.steps : first;
    switch (command.format()) {
        case Format::json: {
            auto json = to_json(assessed.framework, path);
            json["subject"] = assessed.assessment.subject;
            json["target"] = to_json(gap.target);
            if (next != 0) {
                Json ids = Json::array();
                for (const auto& s : steps) ids.push_back(s.id);
                json["next"] = std::move(ids);
            }
            emit(command, dump(json));
            break;
        }
        case Format::csv: emit(command, csv_output(assessed.framework, steps)); break;
        case Format::markdown: emit(command, markdown_output(assessed, gap, steps)); break;
        case Format::text: emit(command, text_output(assessed, gap, path, next)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
