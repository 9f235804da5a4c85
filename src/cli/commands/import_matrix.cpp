// routemap import-matrix: a maturity matrix kept in a spreadsheet (saved as CSV) as a framework
// skeleton to edit (docs/framework-authoring.md, "Starting from a spreadsheet").

#include <filesystem>
#include <iostream>
#include <system_error>

#include <routemap/authoring.hpp>
#include <routemap/error.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "detail/input_file.hpp"
#include "output/diagnostics.hpp"

namespace routemap::cli {

CommandInfo import_matrix_info() {
    return {"import-matrix", "turn a matrix kept in a spreadsheet (CSV) into a framework file to edit",
            "MATRIX.csv -o FRAMEWORK.toml [options]",
            "Reads a maturity matrix saved as CSV, laid out as the Newham matrices are: a header row, then one row "
            "per area; the first column the step or domain (blank: the one above goes on), the second the area, and "
            "one column per tier, lowest first, named by its header. Each cell becomes one criterion (a cell holding a "
            "bullet list, one per bullet); ids are made from the names. Writes a framework file that loads, and lists "
            "on standard error what needs an author's decision: placeholders, ids, cells with several sentences, "
            "areas without a cell at some tier.",
            "routemap import-matrix matrix.csv -o frameworks/my-matrix.toml --id my-matrix --name \"My matrix\"\n"
            "routemap validate frameworks/my-matrix.toml"};
}

int run_import_matrix(Context& context, const std::vector<std::string>& args) {
    CommandLine command(import_matrix_info());
    command.positional("matrix", 1);
    command.options().add_options()("id", po::value<std::string>()->value_name("ID"),
                                    "the framework id (default: made from --name, else from the file name)")(
        "name", po::value<std::string>()->value_name("NAME"), "the framework's name (default: its id)")(
        "force", "replace FILE when it exists");
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;
    const auto file = command.required("matrix", "MATRIX.csv (the matrix saved as CSV)");
    require_file(file);
    if (const auto out = command.output(); out && !command.has("force")) {
        std::error_code ec;
        if (std::filesystem::symlink_status(*out, ec).type() != std::filesystem::file_type::not_found)
            throw InputError("'" + *out + "' already exists: choose another name, or add --force to replace it");
    }
    MatrixImportOptions options;
    options.id = command.string("id");
    options.name = command.string("name");
    const auto result = import_matrix(detail::read_text_file(file), file, options);
    if (has_errors(result.notes)) throw Error(result.notes);
    print_diagnostics(std::cerr, result.notes);
    emit(command, result.toml);
    if (const auto out = command.output()) {
        std::size_t areas = 0, criteria = 0;
        for (const auto& d : result.spec.domains)
            for (const auto& a : d.areas) ++areas, criteria += a.criteria.size();
        std::cerr << "Wrote " << *out << ": " << plural(result.spec.tiers.size(), "tier") << ", "
                  << plural(result.spec.domains.size(), "domain") << ", " << plural(areas, "area") << ", "
                  << plural(criteria, "criterion", "criteria") << "; check it with: routemap validate " << *out << "\n";
    }
    return exit_ok;
}

}  // namespace routemap::cli
