// routemap show: one framework in full — identity and citation, tiers, and per domain its
// route-map actions, areas and criteria (grouped by tier).

#include <algorithm>

#include <routemap/markdown.hpp>

#include "commands/common.hpp"
#include "commands/commands.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

CommandInfo show_info() {
    return {"show", "show a framework: domains, actions, areas and criteria with their tiers", "FRAMEWORK [options]",
            "Shows a framework: its citation, tiers and, per domain, the route map's actions and each area's criteria "
            "grouped by tier, with their cross-area prerequisites. FRAMEWORK is an id on the search path or a path to "
            "a framework file. CSV gives one row per criterion.",
            "routemap show newham-organisation --domain culture\nroutemap show ./frameworks/larch-remi.toml --format markdown"};
}

namespace {

struct Filter {
    std::string domain;  // empty: all
    bool brief = false;  // no actions, details or descriptions
    bool wants(const Domain& d) const { return domain.empty() || d.id == domain; }
};

// Markdown as plain text, wrapped under `indent`; list items hang under their marker.
std::string text_block(std::string_view markdown, const std::string& indent) {
    std::string out;
    const auto text = render_markdown_text(markdown);
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string_view line(text.data() + start, end - start);
        start = end + 1;
        if (line.empty()) {
            out += '\n';
            continue;
        }
        // The hanging indent of a list item: its leading spaces and its marker ("- " or "12. ").
        std::size_t hang = 0;
        while (hang < line.size() && line[hang] == ' ') ++hang;
        if (line.substr(hang).starts_with("- ")) hang += 2;
        else {
            auto digits = hang;
            while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
            if (digits > hang && line.substr(digits).starts_with(". ")) hang = digits + 2;
        }
        const auto lead = std::string(line.substr(0, hang));
        out += wrap_block(line.substr(hang), text_width, indent + lead, indent + std::string(display_width(lead), ' '));
    }
    return out;
}

// Markdown for a Markdown document: kept as written (it is Markdown already), with raw HTML shown as
// text rather than passed on.
std::string markdown_block(std::string_view markdown) {
    std::string out;
    for (const char c : markdown) {
        if (c == '<') out += "&lt;";
        else out += c;
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

std::string answer_line(const Answer& a) {
    return a.id + " — " + a.name + ": credit " + format_number(a.credit, 4) + ", counts as " +
           std::string(to_string(a.meaning));
}

void text_actions(std::string& out, const std::vector<Action>& actions, std::size_t depth) {
    const std::string indent(4 + depth * 2, ' ');
    for (const auto& a : actions) {
        out += wrap_block(a.text, text_width, indent + "- ", indent + "  ");
        text_actions(out, a.children, depth + 1);
    }
}

std::string text_output(const Framework& f, const Filter& filter) {
    const auto& info = f.info();
    std::size_t id_width = 0;  // the local ids' column: as wide as the widest, within reason
    for (const auto& c : f.criteria()) id_width = std::max(id_width, display_width(c.local_id));
    id_width = std::min<std::size_t>(id_width, 20);
    std::string out = wrap_block(info.name, text_width, "");
    out += wrap_block("id " + info.id + " · version " + info.version + " · level " + info.level + " · " + info.status +
                          " · default model " + f.scoring().default_model +
                          (f.implicit_edges() == ImplicitEdges::none ? " · implicit edges none" : ""),
                      text_width, "");
    out += wrap_block("Publisher: " + info.publisher + (info.year ? " (" + std::to_string(info.year) + ")" : ""), text_width,
                      "", "  ");
    out += wrap_block("Source: " + info.source, text_width, "", "  ");
    if (!filter.brief && !info.description.empty()) out += '\n' + text_block(info.description, "");
    if (!filter.brief && !info.metadata.empty()) {
        out += '\n';
        for (const auto& [key, values] : info.metadata) {
            if (values.size() == 1) {
                out += wrap_block(key + ": " + values[0], text_width, "", "  ");
                continue;
            }
            out += key + ":\n";
            for (const auto& v : values) out += wrap_block(v, text_width, "  - ", "    ");
        }
    }
    out += "\nTiers:\n";
    for (const auto& t : f.tiers()) {
        out += wrap_block(t.name + " (" + t.id + ")", text_width, "  " + std::to_string(t.index + 1) + ". ", "     ");
        if (!filter.brief && !t.description.empty()) out += text_block(t.description, "     ");
    }
    const auto all_answers = f.answers();
    if (!all_answers.empty() && all_answers.front().domain.empty()) {
        out += "\nAnswers (instead of met, partial or not met):\n";
        for (const auto& a : all_answers)
            if (a.domain.empty()) out += wrap_block(answer_line(a), text_width, "  ", "    ");
    }
    for (const auto& d : f.domains()) {
        if (!filter.wants(d)) continue;
        out += '\n' + wrap_block(d.name + "  [" + d.id + "]", text_width, std::to_string(d.index + 1) + ". ", "   ");
        if (!d.step.empty() && d.step != d.name) out += wrap_block("Step: " + d.step, text_width, "   ");
        if (!d.summary.empty()) out += wrap_block(d.summary, text_width, "   ");
        if (!filter.brief && !d.description.empty()) out += text_block(d.description, "   ");
        if (const auto own = f.answers_of(d); !own.empty() && !own.front().domain.empty()) {
            out += "   Answers in this domain:\n";
            for (const auto& a : own) out += wrap_block(answer_line(a), text_width, "     ", "       ");
        }
        if (!filter.brief && !d.actions.empty()) {
            out += "\n   Actions:\n";
            text_actions(out, d.actions, 0);
        }
        std::size_t area_number = 0;
        for (const auto& a : f.areas_of(d)) {
            ++area_number;
            out += '\n';
            if (!a.implicit) {
                out += wrap_block(a.name + "  [" + a.id + "]", text_width,
                                  "   " + std::to_string(d.index + 1) + "." + std::to_string(area_number) + " ", "       ");
                if (!filter.brief && !a.description.empty()) out += text_block(a.description, "       ");
            } else {
                out += "   Criteria:\n";
            }
            std::size_t tier = static_cast<std::size_t>(-1);
            for (const auto& c : f.criteria_of(a)) {
                if (c.tier != tier) {
                    tier = c.tier;
                    out += "       " + f.tiers()[tier].name + ":\n";
                }
                // An id wider than the column goes on a line of its own, so the text keeps its width.
                std::string label = "         " + pad_right(c.local_id, id_width) + "  ";
                if (display_width(c.local_id) > id_width) {
                    out += wrap_block(c.local_id, text_width, "         ");
                    label = std::string(9 + id_width + 2, ' ');
                }
                out += wrap_block(c.text, text_width, label, std::string(display_width(label), ' '));
                const std::string more(display_width(label), ' ');
                if (!filter.brief)
                    for (const auto& detail : c.details) out += text_block("- " + detail, more);
                if (!c.requires_ids.empty())
                    out += wrap_block(join(c.requires_ids), text_width, more + "requires: ", more + "          ");
                if (c.weight != 1.0) out += more + "weight: " + format_number(c.weight, 3) + '\n';
                if (!filter.brief && !c.source.empty())
                    out += wrap_block(c.source, text_width, more + "source: ", more + "        ");
            }
        }
    }
    return out;
}

std::string csv_output(const Framework& f, const Filter& filter) {
    std::string out = csv_row({"id", "domain", "domain_name", "area", "area_name", "tier", "tier_name", "text", "details",
                               "requires", "weight", "tags"});
    for (const auto& c : f.criteria()) {
        const auto& d = f.domains()[c.domain];
        if (!filter.wants(d)) continue;
        const auto& a = f.areas()[c.area];
        out += csv_row({c.id, d.id, d.name, a.id, a.name, f.tiers()[c.tier].id, f.tiers()[c.tier].name, c.text,
                        join(c.details, "\n"), join(c.requires_ids, " "), format_number(c.weight, 6), join(c.tags, " ")});
    }
    return out;
}

void markdown_actions(std::string& out, const std::vector<Action>& actions, std::size_t depth) {
    for (const auto& a : actions) {
        out += std::string(depth * 2, ' ') + "- " + markdown_escape(a.text) + '\n';
        markdown_actions(out, a.children, depth + 1);
    }
}

std::string markdown_output(const Framework& f, const Filter& filter) {
    const auto& info = f.info();
    std::string out = "# " + markdown_escape(info.name) + "\n\n";
    out += "- **Id:** `" + info.id + "`\n- **Version:** " + markdown_escape(info.version) + "\n- **Level:** " +
           markdown_escape(info.level) + "\n- **Publisher:** " + markdown_escape(info.publisher) +
           (info.year ? " (" + std::to_string(info.year) + ")" : "") + "\n- **Source:** " + markdown_escape(info.source) + "\n";
    if (f.implicit_edges() == ImplicitEdges::none) out += "- **Implicit edges:** none (only the stated `requires`)\n";
    if (!filter.brief && !info.description.empty()) out += '\n' + markdown_block(info.description) + '\n';
    if (!filter.brief && !info.metadata.empty()) {
        out += '\n';
        for (const auto& [key, values] : info.metadata) {
            out += "- **" + markdown_escape(key) + ":**";
            if (values.size() == 1) out += " " + markdown_escape(values[0]) + '\n';
            else {
                out += '\n';
                for (const auto& v : values) out += "  - " + markdown_escape(v) + '\n';
            }
        }
    }
    out += "\n**Tiers:**\n\n";
    for (const auto& t : f.tiers()) {
        out += std::to_string(t.index + 1) + ". **" + markdown_escape(t.name) + "**";
        if (!filter.brief && !t.description.empty()) {
            // The description as a paragraph of the item: its lines indented under the marker.
            std::string text = markdown_block(t.description);
            for (auto at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 4)) text.insert(at + 1, "   ");
            out += ": " + text;
        }
        out += '\n';
    }
    auto answer_rows = [&](std::span<const Answer> scale) {
        MarkdownTable table({"Answer", "Id", "Credit", "Counts as"});
        for (const auto& a : scale)
            table.add_row({markdown_escape(a.name), "`" + a.id + "`", format_number(a.credit, 4),
                           std::string(to_string(a.meaning))});
        return table.render();
    };
    if (const auto all = f.answers(); !all.empty() && all.front().domain.empty()) {
        std::size_t n = 0;
        while (n < all.size() && all[n].domain.empty()) ++n;
        out += "\n**Answers** (instead of met, partial or not met):\n\n" + answer_rows(all.first(n));
    }
    for (const auto& d : f.domains()) {
        if (!filter.wants(d)) continue;
        out += "\n## " + std::to_string(d.index + 1) + ". " + markdown_escape(d.name) + " (`" + d.id + "`)\n\n";
        if (!d.summary.empty()) out += "*" + markdown_escape(d.summary) + "*\n\n";
        if (!filter.brief && !d.description.empty()) out += markdown_block(d.description) + "\n\n";
        if (const auto own = f.answers_of(d); !own.empty() && !own.front().domain.empty())
            out += "**Answers in this domain:**\n\n" + answer_rows(own) + '\n';
        if (!filter.brief && !d.actions.empty()) {
            out += "### Actions\n\n";
            markdown_actions(out, d.actions, 0);
            out += '\n';
        }
        for (const auto& a : f.areas_of(d)) {
            out += "### " + markdown_escape(a.name) + " (`" + a.id + "`)\n\n";
            if (!filter.brief && !a.implicit && !a.description.empty()) out += markdown_block(a.description) + "\n\n";
            MarkdownTable table({"Tier", "Id", "Criterion", "Requires"});
            for (const auto& c : f.criteria_of(a)) {
                std::string text = markdown_escape(c.text);
                if (!filter.brief) {
                    for (const auto& detail : c.details) text += "<br>• " + markdown_escape(detail);
                    if (!c.source.empty()) text += "<br>*Source:* " + markdown_escape(c.source);
                }
                std::string requires_text;
                for (const auto& r : c.requires_ids) requires_text += (requires_text.empty() ? "" : ", ") + ("`" + r + "`");
                table.add_row({markdown_escape(f.tiers()[c.tier].name), "`" + c.local_id + "`", text, requires_text});
            }
            out += table.render() + '\n';
        }
    }
    return out;
}

Json json_output(const Framework& f, const Filter& filter) {
    auto out = to_json(f);
    if (!filter.domain.empty()) {
        Json kept = Json::array();
        for (auto& d : out["domains"])
            if (d["id"] == filter.domain) kept.push_back(d);
        out["domains"] = std::move(kept);
    }
    return out;
}

}  // namespace

int run_show(Context& context, const std::vector<std::string>& args) {
    CommandLine command(show_info());
    command.positional("framework", 1);
    command.options().add_options()("domain,d", po::value<std::string>()->value_name("ID"), "show only this domain")(
        "brief,b", "leave out descriptions, actions and examples");
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto framework = context.framework(command.required("framework", "FRAMEWORK (an id or a framework file)"));
    Filter filter{command.string("domain"), command.has("brief")};
    if (!filter.domain.empty() && !framework.find_domain(filter.domain)) {
        std::vector<std::string> ids;
        for (const auto& d : framework.domains()) ids.push_back(d.id);
        throw InputError("framework '" + framework.id() + "' has no domain '" + filter.domain + "' (domains: " + join(ids) + ")");
    }
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(framework, filter))); break;
        case Format::csv: emit(command, csv_output(framework, filter)); break;
        case Format::markdown: emit(command, markdown_output(framework, filter)); break;
        case Format::text: emit(command, text_output(framework, filter)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
