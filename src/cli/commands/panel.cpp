// routemap panel: several assessors' independent ratings of one subject — the consensus by a rule,
// the disputed criteria with who said what, Krippendorff's alpha (ordinal and nominal) with a
// bootstrap interval overall and per domain, and the level each rater alone would give.

#include <cmath>
#include <iostream>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/panel.hpp>
#include <routemap/report.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/delimited.hpp"
#include "output/json.hpp"
#include "output/table.hpp"
#include "output/terminal.hpp"

namespace routemap::cli {

CommandInfo panel_info() {
    return {"panel", "several assessors' ratings: consensus, disputed criteria, Krippendorff's alpha",
            "RATING... [-o CONSENSUS] [--rule median|lowest|majority] [--report FILE] [options]",
            "Reads two or more assessments of the same subject, date and framework made independently by different "
            "assessors (each file's assessors name its rater; the file name when it lists none), or a panel file holding "
            "each rater's status per criterion (docs/file-formats.md). Prints the consensus "
            "by --rule (median, lowest or majority on the scale not met < partial < met; unknown is a missing rating; "
            "not applicable only when most raters who answered say so), the disputed criteria with who said what, "
            "the level each rater alone would give, and Krippendorff's alpha (ordinal and nominal, units = criteria) "
            "with a seeded bootstrap interval, overall and per domain (docs/panels.md). -o writes the consensus "
            "assessment (its format from the extension), each record noting who said what; --report writes the HTML "
            "report of the consensus with a section 'Where assessors disagree'.",
            "routemap panel lead.toml manager.toml partner.toml -o consensus.toml\n"
            "routemap panel examples/panel/*.toml --rule lowest --report panel.html\n"
            "routemap panel a.toml b.toml -f json --resamples 2000 --seed 7"};
}

namespace {

std::string word(Status s) {
    std::string out(to_string(s));
    for (auto& c : out)
        if (c == '_') c = ' ';
    return out;
}

std::string who_said_what(const Panel& p, const CriterionVotes& c) {
    std::string out;
    for (std::size_t r = 0; r < p.raters.size(); ++r) out += (r ? "; " : "") + p.raters[r].name + ": " + word(c.votes[r]);
    return out;
}

std::string alpha_line(const AlphaEstimate& a) {
    std::string out = format_number(a.alpha, 3);
    if (a.valid_resamples)
        out += " (" + format_percent(a.level) + " interval " + format_number(a.low, 3) + " to " + format_number(a.high, 3) + ")";
    return out;
}

std::string level_of(const ScoreResult& s, const ScoreNode& node) {
    if (!node.applicable) return "n/a";
    return node.level >= 0 && static_cast<std::size_t>(node.level) < s.level_labels.size()
               ? s.level_labels[static_cast<std::size_t>(node.level)]
               : std::to_string(node.level);
}

std::string text_output(const Framework& f, const Panel& p, const BootstrapOptions& boot, const std::string& written) {
    const auto& ag = p.agreement;
    std::string out = wrap_block("Panel: " + (p.subject.empty() ? std::string("(no subject)") : p.subject), text_width, "", "  ");
    out += wrap_block("Framework: " + f.name() + " (" + f.id() + " " + f.version() + "); dated " + p.date + "; rule " +
                          std::string(to_string(p.rule)) + "; model " + p.model + ".",
                      text_width, "", "  ");
    out += "\nRaters:\n";
    for (std::size_t r = 0; r < p.raters.size(); ++r)
        out += wrap_block(p.raters[r].name + (p.raters[r].file.empty() ? "" : " (" + p.raters[r].file + ")"), text_width,
                          "  " + std::to_string(r + 1) + ". ", "     ");
    out += '\n' + wrap_block("Consensus: overall level " + level_of(p.consensus_score, p.consensus_score.overall) + "; " +
                                 describe_counts(p.consensus_score.overall.counts) + "." +
                                 (written.empty() ? std::string() : " Written to " + written + "."),
                             text_width, "", "  ");
    out += wrap_block("Disputed: " + std::to_string(p.overall.disputed) + " of " + std::to_string(p.overall.compared) +
                          " criteria rated by two or more (" + std::to_string(p.overall.spread_two) + " met against not met).",
                      text_width, "", "  ");
    out += "\nAgreement (Krippendorff's alpha; units = criteria; unknown is missing):\n";
    out += wrap_block("ordinal " + alpha_line(ag.ordinal), text_width, "  ", "    ");
    out += wrap_block("nominal " + alpha_line(ag.nominal) + (ag.not_applicable == NotApplicableRatings::category
                                                                 ? ", not applicable as a category" : ""),
                      text_width, "  ", "    ");
    out += wrap_block("pairwise agreement " + format_percent(ag.nominal.percent_agreement) + "; " +
                          std::to_string(ag.ordinal.valid_resamples) + " of " + std::to_string(boot.resamples) +
                          " bootstrap resamples of criteria (seed " + std::to_string(boot.seed) + ") gave an alpha.",
                      text_width, "  ", "    ");
    out += '\n';
    Table domains({{"DOMAIN", Table::Align::left, true, 20}, {"RATED", Table::Align::right}, {"DISPUTED", Table::Align::right},
                   {"ALPHA ORD", Table::Align::right}, {"ALPHA NOM", Table::Align::right}});
    for (const auto& d : f.domains()) {
        const auto& n = p.domains[d.index];
        domains.add_row({d.name, std::to_string(n.compared), std::to_string(n.disputed), format_number(ag.domains[d.index].ordinal.alpha, 3),
                         format_number(ag.domains[d.index].nominal.alpha, 3)});
    }
    out += domains.render();
    out += "\nThe level each rater alone would give (columns: raters 1 to " + std::to_string(p.raters.size()) + "):\n";
    std::vector<Table::Column> columns{{"DOMAIN", Table::Align::left, true, 16}};
    for (std::size_t r = 0; r < p.raters.size(); ++r) columns.push_back({std::to_string(r + 1), Table::Align::left, true, 6});
    columns.push_back({"CONSENSUS", Table::Align::left, true, 8});
    Table levels(columns);
    auto level_row = [&](const std::string& name, auto node_of) {
        std::vector<std::string> row{name};
        for (const auto& s : p.rater_scores) row.push_back(level_of(s, node_of(s)));
        row.push_back(level_of(p.consensus_score, node_of(p.consensus_score)));
        levels.add_row(std::move(row));
    };
    level_row("Overall", [](const ScoreResult& s) -> const ScoreNode& { return s.overall; });
    for (const auto& d : f.domains())
        level_row(d.name, [&](const ScoreResult& s) -> const ScoreNode& { return s.domains[d.index]; });
    out += levels.render();
    const auto disputed = p.disputed();
    out += "\nDisputed criteria (" + std::to_string(disputed.size()) + "):\n";
    if (disputed.empty()) out += "  none: the raters agree wherever two or more answered.\n";
    for (const auto& c : disputed) {
        out += wrap_block(c.id + "  [spread " + std::to_string(c.spread) + "; consensus " + word(c.consensus) + "]", text_width,
                          "  - ", "    ");
        out += wrap_block(who_said_what(p, c), text_width, "    ");
    }
    return out;
}

Json alpha_json(const AlphaEstimate& a) {
    return Json{{"metric", std::string(to_string(a.metric))}, {"alpha", a.alpha}, {"low", a.low}, {"high", a.high},
                {"level", a.level}, {"resamples", a.resamples}, {"valid_resamples", a.valid_resamples},
                {"units", a.units}, {"pairable_units", a.pairable_units}, {"pairable_values", a.pairable_values},
                {"percent_agreement", a.percent_agreement}};
}

Json node_json(const NodeDisagreement& n) {
    return Json{{"id", n.id},         {"name", n.name},         {"criteria", n.criteria}, {"compared", n.compared},
                {"disputed", n.disputed}, {"spread_two", n.spread_two}, {"max_spread", n.max_spread}};
}

Json json_output(const Panel& p, const BootstrapOptions& boot) {
    Json out{{"framework", p.framework_id}, {"framework_version", p.framework_version}, {"subject", p.subject},
             {"date", p.date}, {"rule", std::string(to_string(p.rule))}, {"model", p.model}};
    Json raters = Json::array();
    for (std::size_t r = 0; r < p.raters.size(); ++r) {
        const auto& s = p.rater_scores[r];
        Json domains = Json::object();
        for (const auto& d : s.domains) domains[d.id] = d.applicable ? Json(d.level) : Json(nullptr);
        raters.push_back(Json{{"name", p.raters[r].name}, {"file", p.raters[r].file}, {"assessors", p.raters[r].assessors},
                              {"level", s.overall.applicable ? Json(s.overall.level) : Json(nullptr)},
                              {"label", s.overall.label}, {"domain_levels", domains}});
    }
    out["raters"] = raters;
    out["consensus"] = Json{{"level", p.consensus_score.overall.level}, {"label", p.consensus_score.overall.label}};
    const auto& ag = p.agreement;
    Json domains_alpha = Json::array();
    for (const auto& d : ag.domains)
        domains_alpha.push_back(Json{{"id", d.id}, {"name", d.name}, {"ordinal", alpha_json(d.ordinal)}, {"nominal", alpha_json(d.nominal)}});
    out["agreement"] = Json{{"seed", boot.seed},
                            {"not_applicable", ag.not_applicable == NotApplicableRatings::category ? "category" : "missing"},
                            {"ordinal", alpha_json(ag.ordinal)}, {"nominal", alpha_json(ag.nominal)}, {"domains", domains_alpha}};
    out["overall"] = node_json(p.overall);
    Json domains = Json::array(), areas = Json::array();
    for (const auto& d : p.domains) domains.push_back(node_json(d));
    for (const auto& a : p.areas) areas.push_back(node_json(a));
    out["domains"] = domains;
    out["areas"] = areas;
    Json criteria = Json::array();
    for (const auto& c : p.criteria) {
        Json votes = Json::object();
        for (std::size_t r = 0; r < p.raters.size(); ++r) votes[p.raters[r].name] = std::string(to_string(c.votes[r]));
        Json differs = Json::array();
        for (const auto r : c.differs) differs.push_back(p.raters[r].name);
        criteria.push_back(Json{{"id", c.id}, {"consensus", std::string(to_string(c.consensus))}, {"disputed", c.disputed},
                                {"spread", c.spread}, {"votes", votes}, {"differs", differs}});
    }
    out["criteria"] = criteria;
    return out;
}

std::string csv_output(const Panel& p) {
    std::vector<std::string> header{"kind", "id", "name", "consensus", "disputed", "spread", "alpha", "low", "high"};
    for (const auto& r : p.raters) header.push_back(r.name);
    std::string out = csv_row(header);
    auto num = [](double v) { return std::isnan(v) ? std::string() : format_number(v, 6); };
    auto alpha_row = [&](const std::string& id, const std::string& name, const AlphaEstimate& a) {
        std::vector<std::string> row{"alpha_" + std::string(to_string(a.metric)), id, name, "", "", "", num(a.alpha), num(a.low), num(a.high)};
        row.resize(header.size());
        out += csv_row(row);
    };
    alpha_row("overall", "", p.agreement.ordinal);
    alpha_row("overall", "", p.agreement.nominal);
    for (const auto& d : p.agreement.domains) {
        alpha_row(d.id, d.name, d.ordinal);
        alpha_row(d.id, d.name, d.nominal);
    }
    auto level_row = [&](const std::string& kind, const ScoreNode& consensus, auto node_of) {
        std::vector<std::string> row{kind, consensus.id, consensus.name, level_of(p.consensus_score, consensus), "", "", "", "", ""};
        for (const auto& s : p.rater_scores) row.push_back(level_of(s, node_of(s)));
        out += csv_row(row);
    };
    level_row("level", p.consensus_score.overall, [](const ScoreResult& s) -> const ScoreNode& { return s.overall; });
    for (std::size_t d = 0; d < p.consensus_score.domains.size(); ++d)
        level_row("level", p.consensus_score.domains[d], [&](const ScoreResult& s) -> const ScoreNode& { return s.domains[d]; });
    for (const auto& c : p.criteria) {
        std::vector<std::string> row{"criterion", c.id, "", std::string(to_string(c.consensus)), c.disputed ? "true" : "false",
                                     std::to_string(c.spread), "", "", ""};
        for (const auto v : c.votes) row.emplace_back(to_string(v));
        out += csv_row(row);
    }
    return out;
}

std::string markdown_output(const Framework& f, const Panel& p) {
    const auto& ag = p.agreement;
    std::string out = "# Panel: " + markdown_escape(p.subject) + "\n\n";
    out += "- **Framework:** " + markdown_escape(f.name()) + " (`" + f.id() + "` " + markdown_escape(f.version()) + ")\n";
    out += "- **Date:** " + markdown_escape(p.date) + "; **rule:** " + std::string(to_string(p.rule)) + "\n";
    out += "- **Consensus level:** " + markdown_escape(level_of(p.consensus_score, p.consensus_score.overall)) + "\n";
    out += "- **Krippendorff's alpha:** ordinal " + alpha_line(ag.ordinal) + "; nominal " + alpha_line(ag.nominal) + "\n";
    out += "- **Disputed:** " + std::to_string(p.overall.disputed) + " of " + std::to_string(p.overall.compared) + " criteria\n\n";
    out += "## Raters\n\n";
    MarkdownTable raters({"Rater", "File", "Overall level"});
    for (std::size_t r = 0; r < p.raters.size(); ++r)
        raters.add_row({markdown_escape(p.raters[r].name), markdown_escape(p.raters[r].file),
                        markdown_escape(level_of(p.rater_scores[r], p.rater_scores[r].overall))});
    out += raters.render() + "\n## Agreement by domain\n\n";
    MarkdownTable domains({"Domain", "Rated", "Disputed", "Alpha (ordinal)", "Alpha (nominal)"}, {false, true, true, true, true});
    for (const auto& d : f.domains())
        domains.add_row({markdown_escape(d.name), std::to_string(p.domains[d.index].compared), std::to_string(p.domains[d.index].disputed),
                         alpha_line(ag.domains[d.index].ordinal), alpha_line(ag.domains[d.index].nominal)});
    out += domains.render() + "\n## Disputed criteria\n\n";
    for (const auto& c : p.disputed())
        out += "- `" + c.id + "` (spread " + std::to_string(c.spread) + ", consensus " + word(c.consensus) + "): " +
               markdown_escape(who_said_what(p, c)) + "\n";
    return out;
}

}  // namespace

int run_panel(Context& context, const std::vector<std::string>& args) {
    CommandLine command(panel_info());
    command.positional("ratings", -1);
    command.options().add_options()(
        "output,o", po::value<std::string>()->value_name("FILE"), "write the consensus assessment (TOML, JSON or CSV by extension)")(
        "rule", po::value<std::string>()->value_name("RULE")->default_value("median"), "consensus rule: median, lowest or majority")(
        "report", po::value<std::string>()->value_name("FILE"), "write the HTML report of the consensus, with 'Where assessors disagree'")(
        "resamples", po::value<std::size_t>()->value_name("N")->default_value(1000), "bootstrap resamples of criteria for alpha's interval (0: none)")(
        "seed", po::value<std::uint64_t>()->value_name("N")->default_value(BootstrapOptions{}.seed), "seed of the bootstrap")(
        "na-as-category", "count not applicable as a fourth value in the nominal alpha (default: a missing rating)");
    model_option(command);
    framework_option(command);
    command.formats({Format::text, Format::json, Format::csv, Format::markdown});
    if (!command.parse(args, context)) return exit_ok;
    const auto files = command.strings("ratings");
    if (files.empty()) throw UsageError("a panel needs rating files (RATING RATING..., or one panel file)", "panel");
    PanelOptions options;
    try {
        options.rule = consensus_rule_from_name(command.string("rule"));
    } catch (const Error& e) {
        throw UsageError(e.what(), "panel");
    }
    options.model = command.string("model");
    options.bootstrap.resamples = command.values()["resamples"].as<std::size_t>();
    options.bootstrap.seed = command.values()["seed"].as<std::uint64_t>();
    if (command.has("na-as-category")) options.not_applicable = NotApplicableRatings::category;

    std::vector<Assessment> ratings;
    std::optional<Framework> framework;
    for (const auto& file : files) {
        // A panel file (several raters in one file) adds each of its ratings; any other file is one rating.
        std::vector<Assessed> read;
        if (require_file(file), is_panel_file(file)) {
            for (auto& a : read_panel_file(file)) {
                auto f = context.framework_for(a, command.string("framework"));
                a.validate(f);
                read.push_back({std::move(a), std::move(f)});
            }
        } else {
            read.push_back(load_assessed(context, command, file));
        }
        for (auto& assessed : read) {
            if (framework && (assessed.framework.id() != framework->id() || assessed.framework.version() != framework->version()))
                throw InputError("'" + file + "' rates framework " + assessed.framework.id() + " " + assessed.framework.version() +
                                 ", but '" + files.front() + "' rates " + framework->id() + " " + framework->version() +
                                 ": every rating of a panel must use the same framework");
            if (!framework) framework = assessed.framework;
            ratings.push_back(std::move(assessed.assessment));
        }
    }
    const auto panel = make_panel(context.registry(), *framework, ratings, options);

    std::string written;
    if (command.has("output")) {
        written = command.string("output");
        refuse_to_overwrite_an_input(written);
        write_assessment(written, panel.consensus, &*framework);
    }
    if (command.has("report")) {
        const auto file = command.string("report");
        refuse_to_overwrite_an_input(file);
        ReportRequest request;
        request.framework = &*framework;
        request.assessment = &panel.consensus;
        request.registry = &context.registry();
        request.model = options.model;
        request.panel = &panel;
        write_file_atomically(file, context.registry().report_writer("html").render(request));
    }
    switch (command.format()) {
        case Format::json: emit(command, dump(json_output(panel, options.bootstrap))); break;
        case Format::csv: emit(command, csv_output(panel)); break;
        case Format::markdown: emit(command, markdown_output(*framework, panel)); break;
        case Format::text: emit(command, text_output(*framework, panel, options.bootstrap, written)); break;
    }
    return exit_ok;
}

}  // namespace routemap::cli
