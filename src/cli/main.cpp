// routemap: the command line tool. This file only dispatches: global options, then the subcommand
// (one file each in commands/), and turns every failure into an exit code and a message on stderr
// (docs/cli.md): 0 ok, 1 findings (validate), 2 usage or input error. No exception escapes.

#include <malloc.h>
#if ROUTEMAP_CLI_MIMALLOC
#include <mimalloc.h>
#endif

#include <exception>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include <routemap/error.hpp>
#include <routemap/version.hpp>

#include "cli.hpp"
#include "commands/commands.hpp"
#include "output/diagnostics.hpp"
#include "output/terminal.hpp"
#include "output/wrap.hpp"
#include "plugin_check.hpp"

namespace routemap::cli {

const std::vector<Command>& all_commands() {
    static const std::vector<Command> commands{
        {list_info, run_list},
        {show_info, run_show},
        {validate_info, run_validate},
        {template_info, run_template},
        {import_matrix_info, run_import_matrix},
        {form_info, run_form},
        {convert_info, run_convert},
        {score_info, run_score},
        {gap_info, run_gap},
        {path_info, run_path},
        {compare_info, run_compare},
        {aggregate_info, run_aggregate},
        {history_info, run_history},
        {report_info, run_report},
        {panel_info, run_panel},
        {crosswalk_info, run_crosswalk},
        {project_info, run_project},
        {rollup_info, run_rollup},
        {migrate_info, run_migrate},
        {plugins_info, run_plugins},
    };
    return commands;
}

namespace {

// What serves the process's allocations (src/cli/CMakeLists.txt), for bug reports and benchmarks.
std::string allocator_name() {
#if ROUTEMAP_CLI_MIMALLOC
    // Also the program's reference to mimalloc, which keeps the linker from dropping it as unused.
    const int v = mi_version();  // 209 for 2.0.9
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." + std::to_string(v % 10);
#else
    return "the system's malloc";
#endif
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool frees_at_exit = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool frees_at_exit = true;
#else
constexpr bool frees_at_exit = false;
#endif
#else
constexpr bool frees_at_exit = false;
#endif

po::options_description global_options() {
    po::options_description options("Global options", text_width);
    options.add_options()("help,h", "show this help and exit")("version", "print the version and exit")(
        "path", po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
        "look for frameworks/ and plugins/ in DIR first (repeatable; before ROUTEMAP_PATH, the user's and the "
        "installation's directories)")(
        "no-plugins", "load no compiled plugins (as ROUTEMAP_NO_PLUGINS=1 does); plugins run inside routemap");
    return options;
}

std::string main_help() {
    std::string out = "Usage: routemap [--path DIR]... COMMAND [ARGS] [options]\n\n";
    out += wrap_block("Turns maturity-matrix frameworks into assessments, scores, gap analyses, progression paths and "
                      "reports. Run 'routemap COMMAND --help' for a command's options and an example.",
                      text_width, "");
    out += "\nCommands:\n";
    for (const auto& command : all_commands()) {
        const auto info = command.info();
        out += wrap_block(info.summary, text_width, "  " + pad_right(info.name, 11), std::string(13, ' '));
    }
    std::ostringstream options;
    options << global_options();
    out += '\n' + options.str();
    out += "\nExit status: 0 success, 1 problems found by 'validate', 2 usage or input error.\n";
    out += "\nExample:\n  routemap list\n  routemap template newham-organisation -o assessment.toml\n"
           "  routemap report assessment.toml --target intermediate -o report.html\n";
    return out;
}

// The index of the subcommand in `args`: the first word that is neither an option nor the value
// of --path.
std::size_t find_command(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--path") {
            ++i;
            continue;
        }
        if (args[i].empty() || args[i][0] != '-') return i;
    }
    return args.size();
}

int run(const std::vector<std::string>& args) {
    // The child side of a plugin check (plugin_check.hpp): not a command anyone types.
    if (args.size() == 2 && args[0] == check_plugin_command) return run_check_plugin_child({args[1]});
    const auto at = find_command(args);
    const std::vector<std::string> global(args.begin(), args.begin() + static_cast<std::ptrdiff_t>(at));
    po::variables_map values;
    try {
        po::store(po::command_line_parser(global).options(global_options()).run(), values);
        po::notify(values);
    } catch (const po::error& e) {
        throw UsageError(e.what());
    }
    if (values.count("version")) {
        std::cout << "routemap " << version_string << " (plugin API " << plugin_api_version << ")\n"
                  << "allocator: " << allocator_name() << '\n';
        return exit_ok;
    }
    if (values.count("help") || at == args.size()) {
        if (at == args.size() && !values.count("help")) {
            std::cerr << main_help();
            return exit_error;
        }
        std::cout << main_help();
        return exit_ok;
    }
    auto context = std::make_unique<Context>();
    if (values.count("no-plugins")) context->disable_plugins();
    if (values.count("path")) context->add_search_directories(values["path"].as<std::vector<std::string>>());
    const auto& name = args[at];
    const std::vector<std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(at) + 1, args.end());
    for (const auto& command : all_commands())
        if (command.info().name == name) {
            try {
                const int code = command.run(*context, rest);
                context->finish_background_work();
                // The frameworks the command loaded are not freed one string at a time: the system takes
                // the whole process's memory back at exit (a tenth of a second at 10^5 criteria). Under
                // the address sanitizer they are, so that its leak check still sees everything else.
                if (!frees_at_exit) (void)context.release();
                return code;
            } catch (UsageError& e) {
                if (e.command().empty()) throw UsageError(e.what(), name);
                throw;
            }
        }
    throw UsageError("unknown command '" + name + "'");
}

}  // namespace
}  // namespace routemap::cli

int main(int argc, char** argv) {
    using namespace routemap::cli;
    // One command, then exit: memory freed along the way is better kept for the next allocation than
    // handed back to the system and faulted in again. glibc's defaults grow a thread's heap 128 KiB at
    // a time (an mprotect call and fresh page faults each) and give every block over 128 KiB its own
    // mmap; a big framework loaded on the prefetch thread made thousands of those calls
    // (docs/performance.md).
    // With mimalloc linked in (src/cli/CMakeLists.txt) it serves every allocation instead, and this
    // tuning does not apply.
#if !ROUTEMAP_CLI_MIMALLOC
    mallopt(M_TOP_PAD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
#endif
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const UsageError& e) {
        std::cerr << "routemap: error: " << escape_controls(e.what()) << " (see 'routemap "
                  << (e.command().empty() ? "" : e.command() + " ") << "--help')\n";
    } catch (const InputError& e) {
        std::cerr << "routemap: error: " << escape_controls(e.what()) << '\n';
    } catch (const routemap::Error& e) {
        if (e.diagnostics().empty()) std::cerr << "routemap: error: " << escape_controls(e.what()) << '\n';
        else print_diagnostics(std::cerr, e.diagnostics());
    } catch (const std::exception& e) {
        std::cerr << "routemap: error: " << escape_controls(e.what()) << '\n';
    } catch (...) {
        std::cerr << "routemap: error: unexpected failure\n";
    }
    return exit_error;
}
