// routemap template: a blank assessment for a framework, listing every criterion (status unknown)
// with its tier and text, ready to fill in.

#include <filesystem>
#include <system_error>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>

#include "assessment_io/common.hpp"
#include "commands/commands.hpp"
#include "commands/common.hpp"

namespace routemap::cli {

CommandInfo template_info() {
    return {"template", "write a blank assessment for a framework (TOML, CSV or JSON)", "FRAMEWORK [options]",
            "Writes a blank assessment for FRAMEWORK (an id on the search path or a framework file): every criterion "
            "in framework order with status 'unknown', its tier and its text (as comments in TOML, as columns in CSV), "
            "ready to be filled in and then read by 'score', 'gap', 'path' and 'report'. The format is --format, or "
            "the extension of -o FILE, or TOML.",
            "routemap template newham-service --subject \"Diabetes clinic\" -o diabetes.toml\n"
            "routemap template newham-organisation --format csv > assessment.csv"};
}

int run_template(Context& context, const std::vector<std::string>& args) {
    CommandLine command(template_info());
    command.positional("framework", 1);
    command.options().add_options()("format,f", po::value<std::string>()->value_name("toml|csv|json"),
                                    "file format (default: from -o's extension, else toml)")(
        "subject,s", po::value<std::string>()->value_name("NAME"), "who or what is assessed")(
        "date", po::value<std::string>()->value_name("YYYY-MM-DD"), "the date of the assessment")(
        "assessor", po::value<std::vector<std::string>>()->composing()->value_name("NAME"), "an assessor (repeatable)")(
        "force", "replace FILE when it exists (without it, an existing file is never overwritten: it may hold a "
                 "filled-in assessment)");
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;
    const auto framework = context.framework(command.required("framework", "FRAMEWORK (an id or a framework file)"));
    AssessmentFormat format = AssessmentFormat::toml;
    if (command.has("format")) {
        const auto name = command.string("format");
        if (name != "toml" && name != "csv" && name != "json")
            throw UsageError("a template is written as toml, csv or json, not '" + name + "'", command.name());
        format = assessment_format_from_name(name);
    } else if (const auto out = command.output()) {
        try {
            format = assessment_format_for(*out);
        } catch (const Error&) {
            format = AssessmentFormat::toml;  // an unusual extension: the default format
        }
    }
    const auto date = command.string("date");
    // The same check as the readers': a template is never written that 'validate' would reject.
    if (!date.empty() && !detail::is_valid_date(date))
        throw UsageError("--date '" + date + "' must be a real date in the form YYYY-MM-DD", command.name());
    if (const auto out = command.output(); out && !command.has("force")) {
        std::error_code ec;
        if (std::filesystem::symlink_status(*out, ec).type() != std::filesystem::file_type::not_found)
            throw InputError("'" + *out + "' already exists: 'template' does not overwrite a file (it may hold a "
                             "filled-in assessment); choose another name, or add --force to replace it");
    }
    auto blank = Assessment::blank(framework, command.string("subject"), command.string("date"));
    blank.assessors = command.strings("assessor");
    emit(command, format_assessment(blank, format, &framework));
    return exit_ok;
}

}  // namespace routemap::cli
