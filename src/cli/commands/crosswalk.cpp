// routemap crosswalk: the mapping files on the search path, and the links between two frameworks.

#include <iostream>

#include <routemap/crosswalk.hpp>
#include <routemap/registry.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/diagnostics.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "output/terminal.hpp"

namespace routemap::cli {

CommandInfo crosswalk_info() {
    return {"crosswalk", "links between two frameworks (equal, subset, superset, intersects) from mappings/",
            "[A B] [options]",
            "Without arguments, lists the mapping files on the search path (<dir>/mappings/*.toml). With two framework "
            "ids, lists every link between them as seen from A to B (a mapping written from B to A is read in reverse: "
            "subset and superset swap), with its rationale, after checking every id against both frameworks. A mapping "
            "that does not fit its frameworks is reported and the exit status is 1.",
            "routemap crosswalk\nroutemap crosswalk newham-service newham-organisation\n"
            "routemap crosswalk newham-organisation larch-remi -f csv"};
}

namespace {

std::string kind_of(const Framework& f, const std::string& id) {
    const auto kind = item_kind(f, id);
    return kind ? std::string(to_string(*kind)) : "unknown";
}

Json mapping_json(const Mapping& m, const Framework& from, const Framework& to, const std::vector<Diagnostic>& problems) {
    Json links = Json::array();
    for (const auto& l : m.links)
        links.push_back(Json{{"from", l.from}, {"from_kind", kind_of(from, l.from)}, {"to", l.to}, {"to_kind", kind_of(to, l.to)},
                             {"relationship", std::string(to_string(l.relationship))}, {"rationale", l.rationale},
                             {"line", l.location.line}});
    Json diagnostics = Json::array();
    for (const auto& d : problems) diagnostics.push_back(to_json(d));
    return Json{{"from", m.from_framework}, {"to", m.to_framework}, {"name", m.name}, {"scope", std::string(to_string(m.scope))},
                {"file", m.file}, {"links", std::move(links)}, {"problems", std::move(diagnostics)}};
}

std::string text_output(const Mapping& m, const Framework& from, const Framework& to) {
    std::string out = wrap_block(m.name + " (" + m.file + ")", text_width, "", "  ");
    out += wrap_block(plural(m.links.size(), "link") + " from " + from.id() + " " + from.version() + " to " + to.id() + " " +
                          to.version() + "; scope " + std::string(to_string(m.scope)) + ".",
                      text_width, "", "  ");
    out += '\n';
    Table table({{"FROM", Table::Align::left, true, 14}, {"RELATIONSHIP", Table::Align::left}, {"TO", Table::Align::left, true, 14}});
    for (const auto& l : m.links) {
        table.add_row({l.from, std::string(to_string(l.relationship)), l.to});
        table.add_note(l.rationale);
    }
    return out + table.render();
}

std::string csv_output(const Mapping& m, const Framework& from, const Framework& to) {
    std::string out = csv_row({"from", "from_kind", "relationship", "to", "to_kind", "rationale"});
    for (const auto& l : m.links)
        out += csv_row({l.from, kind_of(from, l.from), std::string(to_string(l.relationship)), l.to, kind_of(to, l.to), l.rationale});
    return out;
}

std::string markdown_output(const Mapping& m) {
    std::string out = "# " + markdown_escape(m.name) + "\n\n";
    MarkdownTable table({"From", "Relationship", "To", "Rationale"});
    for (const auto& l : m.links)
        table.add_row({"`" + l.from + "`", std::string(to_string(l.relationship)), "`" + l.to + "`", markdown_escape(l.rationale)});
    return out + table.render();
}

}  // namespace

int run_crosswalk(Context& context, const std::vector<std::string>& args) {
    CommandLine command(crosswalk_info());
    command.positional("frameworks", -1);
    command.output_option();
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto ids = command.strings("frameworks");
    const MappingLibrary library(context.registry().search_path());
    if (!library.problems().empty()) print_diagnostics(std::cerr, library.problems());
    if (ids.empty()) {
        std::string out;
        Json list = Json::array();
        for (const auto& m : library.mappings()) {
            out += m.from_framework + " <-> " + m.to_framework + "  " + plural(m.links.size(), "link") + "  " + m.file + '\n';
            list.push_back(Json{{"from", m.from_framework}, {"to", m.to_framework}, {"links", m.links.size()}, {"file", m.file}});
        }
        emit(command, command.format() == Format::json ? dump(list) : (out.empty() ? "No mapping files on the search path.\n" : out));
        return library.problems().empty() ? exit_ok : exit_findings;
    }
    if (ids.size() != 2) throw UsageError("name two frameworks, A and B (or none to list the mappings)", command.name());
    const auto from = context.framework(ids[0]);
    const auto to = context.framework(ids[1]);
    const auto mapping = library.get(from.id(), to.id());
    const auto problems = check_mapping(mapping, from, to);
    if (!problems.empty()) print_diagnostics(std::cerr, problems);
    switch (command.format()) {
        case Format::json: emit(command, dump(mapping_json(mapping, from, to, problems))); break;
        case Format::csv: emit(command, csv_output(mapping, from, to)); break;
        case Format::markdown: emit(command, markdown_output(mapping)); break;
        case Format::text: emit(command, text_output(mapping, from, to)); break;
    }
    return problems.empty() && library.problems().empty() ? exit_ok : exit_findings;
}

}  // namespace routemap::cli
