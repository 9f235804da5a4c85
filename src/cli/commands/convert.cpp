// routemap convert: an assessment from one file format to another (TOML, JSON, CSV), nothing lost:
// every status, reason, evidence, note, owner and due date is carried over.

#include <filesystem>
#include <system_error>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"

namespace routemap::cli {

CommandInfo convert_info() {
    return {"convert", "write an assessment in another format (TOML, JSON, CSV), nothing lost",
            "ASSESSMENT -o FILE [--format toml|json|csv] [options]",
            "Reads an assessment in any format routemap reads (a CSV saved by a spreadsheet with ';' separators "
            "included), checks it against its framework, and writes it in the format given by --format or by the "
            "extension of -o FILE. Every criterion of the framework is listed in framework order, with its tier and "
            "text (as comments in TOML, as columns in CSV); criteria the file leaves out are written as unknown, "
            "which is what they were. An existing FILE is never replaced without --force.",
            "routemap convert assessment.csv -o assessment.toml\n"
            "routemap convert assessment.toml --format json > assessment.json"};
}

namespace {

AssessmentFormat output_format(const CommandLine& command) {
    if (command.has("format")) {
        const auto name = command.string("format");
        if (name != "toml" && name != "csv" && name != "json")
            throw UsageError("an assessment is written as toml, json or csv, not '" + name + "'", command.name());
        return assessment_format_from_name(name);
    }
    const auto out = command.output();
    if (!out) throw UsageError("say which format to write: --format toml|json|csv, or -o FILE with that extension", command.name());
    try {
        return assessment_format_for(*out);
    } catch (const Error&) {
        throw UsageError("cannot tell the format from '" + *out + "': name it .toml, .json or .csv, or add --format",
                         command.name());
    }
}

}  // namespace

int run_convert(Context& context, const std::vector<std::string>& args) {
    CommandLine command(convert_info());
    command.positional("assessment", 1);
    command.options().add_options()("format,f", po::value<std::string>()->value_name("toml|json|csv"),
                                    "file format to write (default: from -o's extension)")(
        "force", "replace FILE when it exists");
    framework_option(command);
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;
    const auto input = command.required("assessment", "ASSESSMENT (an assessment file)");
    const auto format = output_format(command);
    if (const auto out = command.output(); out && !command.has("force")) {
        std::error_code ec;
        if (std::filesystem::symlink_status(*out, ec).type() != std::filesystem::file_type::not_found)
            throw InputError("'" + *out + "' already exists: 'convert' does not overwrite a file unasked; choose another "
                             "name, or add --force to replace it");
    }
    const auto assessed = load_assessed(context, command, input);
    emit(command, format_assessment(assessed.assessment, format, &assessed.framework));
    return exit_ok;
}

}  // namespace routemap::cli
