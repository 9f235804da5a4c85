// routemap migrate: an assessment of an earlier framework version, written in the current version
// with a change log; records of removed criteria are kept in FILE.migration.toml beside the output.

#include <iostream>

#include <routemap/assessment_io.hpp>
#include <routemap/migration.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/json.hpp"
#include "output/terminal.hpp"

namespace routemap::cli {

CommandInfo migrate_info() {
    return {"migrate", "rewrite an assessment of an earlier framework version in the current one, with a change log",
            "OLD -o NEW [options]",
            "Applies the framework's [[changes]] since the assessment's version (renamed, moved, split, merged, removed "
            "criteria, renamed tiers): records follow renamed and moved criteria, split records are copied to each part and "
            "merged ones keep the lowest status (both flagged REVIEW:), and records of removed criteria are kept unchanged "
            "in NEW.migration.toml with the change log (docs/versions.md). Without -o, prints what differs.",
            "routemap migrate assessment-2023.toml -o assessment-2023-v2.toml\nroutemap migrate old.toml -f json"};
}

int run_migrate(Context& context, const std::vector<std::string>& args) {
    CommandLine command(migrate_info());
    command.positional("assessment", 1);
    framework_option(command);
    command.output_option();
    command.formats({Format::text, Format::json});
    if (!command.parse(args, context)) return exit_ok;
    const auto file = command.required("assessment", "OLD");
    const auto assessment = context.assessment(file);
    const auto framework = context.framework_for(assessment, command.string("framework"));
    const auto migration = migrate(framework, assessment);
    std::string summary;
    if (command.format() == Format::json) {
        Json log = Json::array();
        for (const auto& step : migration.log)
            log.push_back(Json{{"kind", step.kind}, {"from", step.from}, {"to", step.to}, {"detail", step.detail}});
        Json removed = Json::array();
        for (const auto& [id, record] : migration.removed) removed.push_back(Json{{"id", id}, {"status", std::string(to_string(record.status))}});
        summary = dump(Json{{"framework", migration.framework_id}, {"from_version", migration.from_version},
                            {"to_version", migration.to_version}, {"log", std::move(log)}, {"removed", std::move(removed)}});
    } else {
        summary = file + ": " + migration.framework_id + " " + migration.from_version + " -> " + migration.to_version + ", " +
                  std::to_string(migration.log.size()) + " changes, " + std::to_string(migration.removed.size()) +
                  " records kept aside\n";
        for (const auto& line : migration.differences()) summary += "  " + line + '\n';
    }
    if (const auto out = command.output()) {
        const auto side = *out + ".migration.toml";
        refuse_to_overwrite_an_input(*out);
        refuse_to_overwrite_an_input(side);
        write_assessment(*out, migration.migrated, &framework);
        write_file_atomically(side, format_migration_record(migration));
        summary += command.format() == Format::json ? "" : "Written " + *out + " and " + side + ".\n";
    }
    std::cout << (command.writes_text() ? escape_controls(summary) : summary);
    return exit_ok;
}

}  // namespace routemap::cli
