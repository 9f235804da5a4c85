#include <algorithm>
#include <iostream>
#include <sstream>

#include <routemap/assessment_io.hpp>

#include "cli.hpp"
#include "output/terminal.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

namespace {

std::optional<Format> parse_format(const std::string& name) {
    if (name == "text" || name == "txt") return Format::text;
    if (name == "json") return Format::json;
    if (name == "csv") return Format::csv;
    if (name == "markdown" || name == "md") return Format::markdown;
    return std::nullopt;
}

// The format an output file's extension asks for, when it names one.
std::optional<Format> format_from_extension(const std::string& file) {
    const auto ext = std::filesystem::path(file).extension().string();
    if (ext == ".json") return Format::json;
    if (ext == ".csv") return Format::csv;
    if (ext == ".md" || ext == ".markdown") return Format::markdown;
    return std::nullopt;
}

}  // namespace

CommandLine::CommandLine(CommandInfo info)
    : info_(std::move(info)), options_("Options", text_width), common_("Global options", text_width), hidden_("hidden") {
    options_.add_options()("help,h", "show this help and exit");
    common_.add_options()("path", po::value<std::vector<std::string>>()->composing()->value_name("DIR"),
                          "look for frameworks/ and plugins/ in DIR first (repeatable)")(
        "no-plugins", "load no compiled plugins (as ROUTEMAP_NO_PLUGINS=1 does)");
}

void CommandLine::positional(const char* name, int max_count) {
    if (max_count == 1) hidden_.add_options()(name, po::value<std::string>());
    else hidden_.add_options()(name, po::value<std::vector<std::string>>());
    positional_.add(name, max_count);
}

void CommandLine::formats(std::vector<Format> allowed) {
    allowed_formats_ = std::move(allowed);
    std::string names;
    for (const auto f : allowed_formats_) names += (names.empty() ? "" : "|") + to_string(f);
    options_.add_options()("format,f", po::value<std::string>()->value_name(names),
                           ("output format (default: text" + std::string(has_output_ ? ", or from -o's extension" : "") + ")").c_str());
}

void CommandLine::output_option() {
    has_output_ = true;
    options_.add_options()("output,o", po::value<std::string>()->value_name("FILE"),
                           "write to FILE (atomically) instead of standard output");
}

bool CommandLine::parse(const std::vector<std::string>& args, Context& context) {
    po::options_description all;
    all.add(options_).add(common_).add(hidden_);
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional_).run(), values_);
        po::notify(values_);
    } catch (const po::error& e) {
        throw UsageError(e.what(), info_.name);
    }
    if (values_.count("help")) {
        std::cout << help();
        return false;
    }
    if (values_.count("path")) context.add_search_directories(values_["path"].as<std::vector<std::string>>());
    if (values_.count("no-plugins")) context.disable_plugins();
    if (!allowed_formats_.empty()) {
        std::optional<Format> chosen;
        if (values_.count("format")) {
            const auto name = values_["format"].as<std::string>();
            chosen = parse_format(name);
            if (!chosen || std::find(allowed_formats_.begin(), allowed_formats_.end(), *chosen) == allowed_formats_.end()) {
                std::string names;
                for (const auto f : allowed_formats_) names += (names.empty() ? "" : ", ") + to_string(f);
                throw UsageError("'" + info_.name + "' cannot write format '" + name + "' (choose one of: " + names + ")",
                                 info_.name);
            }
        } else if (const auto out = output()) {
            if (const auto f = format_from_extension(*out);
                f && std::find(allowed_formats_.begin(), allowed_formats_.end(), *f) != allowed_formats_.end())
                chosen = f;
        }
        format_ = chosen.value_or(Format::text);
    }
    return true;
}

std::string CommandLine::string(const char* name, const std::string& fallback) const {
    return values_.count(name) ? values_[name].as<std::string>() : fallback;
}

std::vector<std::string> CommandLine::strings(const char* name) const {
    return values_.count(name) ? values_[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::optional<std::string> CommandLine::output() const {
    if (!has_output_ || !values_.count("output")) return std::nullopt;
    const auto file = values_["output"].as<std::string>();
    if (file == "-") return std::nullopt;
    return file;
}

std::string CommandLine::required(const char* name, const char* what) const {
    if (!values_.count(name)) throw UsageError("missing " + std::string(what), info_.name);
    return values_[name].as<std::string>();
}

std::string CommandLine::help() const {
    std::ostringstream out;
    const std::string first = "Usage: routemap " + info_.name + ' ';
    out << wrap_block(info_.usage, text_width, first, std::string(first.size(), ' ')) << '\n';
    out << wrap_block(info_.description, text_width, "") << '\n';
    out << options_ << '\n' << common_ << '\n';
    out << "Example:\n";
    std::istringstream lines(info_.example);
    for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
    return out.str();
}

void emit(const CommandLine& command, const std::string& raw) {
    const std::string text = command.writes_text() ? escape_controls(raw) : raw;
    if (const auto file = command.output()) {
        refuse_to_overwrite_an_input(*file);
        write_file_atomically(*file, text);  // refuses anything but a regular file (or a link to one)
        return;
    }
    std::cout << text;
    std::cout.flush();
}

}  // namespace routemap::cli
