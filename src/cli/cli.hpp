#pragma once
// What every subcommand shares: the context (search path, registry, loading inputs with clear
// errors), option parsing with Boost.Program_options, output formats and writing the output.

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>
#include <routemap/framework_spec.hpp>
#include <routemap/registry.hpp>
#include <routemap/target.hpp>

namespace routemap::cli {

namespace po = boost::program_options;

// Exit codes (docs/cli.md).
inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;  // validate found problems
inline constexpr int exit_error = 2;     // usage or input error

// A mistake on the command line: reported as one line, with a pointer to --help. Exit 2.
class UsageError : public std::runtime_error {
public:
    UsageError(const std::string& message, std::string command = {})
        : std::runtime_error(message), command_(std::move(command)) {}
    [[nodiscard]] const std::string& command() const noexcept { return command_; }

private:
    std::string command_;
};

// An input that cannot be used (missing file, unknown framework, ...). Exit 2.
class InputError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class Format { text, json, csv, markdown };
std::string to_string(Format format);

class Context {
public:
    // Directories given with --path, in order; they come before the default search path.
    void add_search_directories(const std::vector<std::string>& directories);
    [[nodiscard]] std::vector<std::filesystem::path> search_path() const;

    // Built on first use, so that --path given after the subcommand still counts. Each plugin is first
    // opened in a child process (plugin_check.hpp) and loaded here only when that went well.
    const Registry& registry();
    // --no-plugins: the registry loads none.
    void disable_plugins();

    // A framework id on the search path, or a path to a framework file.
    Framework framework(const std::string& id_or_path);
    // Reads an assessment (TOML, JSON or CSV by extension).
    Assessment assessment(const std::string& file);
    // The framework an assessment names, or `override_id_or_path` when given (--framework).
    Framework framework_for(const Assessment& assessment, const std::string& override_id_or_path);
    // Starts loading, on another thread, the framework a TOML assessment file names in its first lines,
    // so that a big framework and its assessment are read at the same time; framework_for then finds
    // it loaded (or loads it again, and reports its problems, if that failed). A hint: nothing happens
    // when the file names none that way.
    void prefetch_framework_of(const std::string& assessment_file);
    // Waits for the prefetch, if one was started.
    void finish_background_work();
    // A tier id ("intermediate") or a target file; validated against the framework.
    Target target(const std::string& tier_or_file, const Framework& framework);

private:
    std::vector<std::filesystem::path> extra_;
    std::unique_ptr<Registry> registry_;
    bool plugins_ = true;
    std::jthread prefetch_;  // declared after registry_, so joined before the registry goes
};

// Fails with InputError naming the file when it does not exist or is not a regular file; otherwise
// notes it as an input of this command.
void require_file(const std::string& file);
// Files this command reads (named on the command line, or the frameworks it uses): -o never replaces
// one of them (compared by device and inode, so another name for the same file counts too).
void note_input(const std::string& file);
// InputError when `output` is the same file as one of the inputs.
void refuse_to_overwrite_an_input(const std::string& output);

// "key=value" pairs of --param, as numbers.
ModelParameters parse_parameters(const std::vector<std::string>& pairs, const std::string& command);

struct CommandInfo {
    std::string name;
    std::string summary;      // one line, for `routemap --help`
    std::string usage;        // after "routemap NAME"
    std::string description;  // a paragraph, wrapped when printed
    std::string example;      // one or more command lines
};

// Parses one subcommand's options. Every subcommand gets --help and --path; formats and -o are
// added where the command has them.
class CommandLine {
public:
    explicit CommandLine(CommandInfo info);

    po::options_description& options() noexcept { return options_; }
    // A positional argument: max_count 1 for one value, -1 for the rest of the line.
    void positional(const char* name, int max_count);
    // --format/-f with the allowed formats, text by default.
    void formats(std::vector<Format> allowed);
    void output_option();  // -o/--output FILE

    // Parses and applies --path to the context; false when --help was printed (the caller exits 0).
    bool parse(const std::vector<std::string>& args, Context& context);

    [[nodiscard]] const po::variables_map& values() const noexcept { return values_; }
    [[nodiscard]] bool has(const char* name) const { return values_.count(name) > 0 && !values_[name].defaulted(); }
    [[nodiscard]] std::string string(const char* name, const std::string& fallback = {}) const;
    [[nodiscard]] std::vector<std::string> strings(const char* name) const;
    [[nodiscard]] Format format() const noexcept { return format_; }
    // The command writes text for people (its -f is text): control characters in it are escaped.
    [[nodiscard]] bool writes_text() const noexcept { return !allowed_formats_.empty() && format_ == Format::text; }
    [[nodiscard]] std::optional<std::string> output() const;
    [[nodiscard]] const std::string& name() const noexcept { return info_.name; }

    // A required positional argument: UsageError when missing.
    [[nodiscard]] std::string required(const char* name, const char* what) const;
    [[nodiscard]] std::string help() const;

private:
    CommandInfo info_;
    po::options_description options_;
    po::options_description common_;
    po::options_description hidden_;
    po::positional_options_description positional_;
    po::variables_map values_;
    std::vector<Format> allowed_formats_;
    Format format_ = Format::text;
    bool has_output_ = false;
};

// Writes the result to -o FILE (atomically) or to standard output.
void emit(const CommandLine& command, const std::string& text);

}  // namespace routemap::cli
