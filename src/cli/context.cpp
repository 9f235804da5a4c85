#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

#include <sys/stat.h>

#include <routemap/assessment_io.hpp>
#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/search_path.hpp>

#include "cli.hpp"
#include "framework_hint.hpp"
#include "plugin_check.hpp"

namespace routemap::cli {

std::string to_string(Format format) {
    switch (format) {
        case Format::json: return "json";
        case Format::csv: return "csv";
        case Format::markdown: return "markdown";
        case Format::text: break;
    }
    return "text";
}

namespace {
std::vector<std::string>& inputs() {
    static std::vector<std::string> files;  // one command per process
    return files;
}
}  // namespace

void note_input(const std::string& file) {
    if (!file.empty()) inputs().push_back(file);
}

void refuse_to_overwrite_an_input(const std::string& output) {
    struct stat out {};
    if (::stat(output.c_str(), &out) != 0) return;  // a new file is nobody's input
    for (const auto& input : inputs()) {
        struct stat in {};
        if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
            throw InputError("refusing to write '" + output + "': it is " +
                             (input == output ? std::string("an input") : "the same file as the input '" + input + "'") +
                             " of this command; write to another file");
    }
}

void require_file(const std::string& file) {
    std::error_code ec;
    const auto status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) throw InputError("cannot read '" + file + "': no such file");
    if (ec) {
        const bool loop = ec == std::errc::too_many_symbolic_link_levels;
        throw InputError("cannot read '" + file + "': " +
                         (loop ? std::string("too many levels of symbolic links (a symlink loop?)") : ec.message()));
    }
    if (std::filesystem::is_directory(status)) throw InputError("cannot read '" + file + "': it is a directory");
    // A FIFO would block the reader forever, a device would never end.
    if (!std::filesystem::is_regular_file(status))
        throw InputError("cannot read '" + file + "': not a regular file (a FIFO, socket or device is not read)");
    note_input(file);
}

void Context::add_search_directories(const std::vector<std::string>& directories) {
    for (const auto& directory : directories) {
        std::error_code ec;
        if (!std::filesystem::is_directory(directory, ec))
            throw InputError("--path '" + directory + "': no such directory");
        extra_.emplace_back(directory);
    }
    registry_.reset();
}

std::vector<std::filesystem::path> Context::search_path() const {
    // A directory given with --path may also be on the default path (ROUTEMAP_PATH, or the
    // installation's own): scanning it twice would report its frameworks and plugins as duplicates
    // of themselves, so only its first place counts.
    std::vector<std::filesystem::path> path, seen;
    auto add = [&](const std::filesystem::path& directory) {
        std::error_code ec;
        auto key = std::filesystem::weakly_canonical(directory, ec);
        if (ec) key = directory.lexically_normal();
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
        seen.push_back(std::move(key));
        path.push_back(directory);
    };
    for (const auto& directory : extra_) add(directory);
    for (const auto& directory : default_search_path()) add(directory);
    return path;
}

const Registry& Context::registry() {
    if (!registry_) {
        Registry::Options options;
        options.load_plugins = plugins_;
        options.check_plugin = [](const std::filesystem::path& file) {
            const auto check = check_plugin_in_child(file);
            return check.ok ? std::string() : check.problem;
        };
        registry_ = std::make_unique<Registry>(search_path(), std::move(options));
    }
    return *registry_;
}

void Context::disable_plugins() {
    plugins_ = false;
    registry_.reset();
}

Framework Context::framework(const std::string& id_or_path) {
    const bool looks_like_path = id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".toml");
    if (looks_like_path) require_file(id_or_path);
    auto framework = registry().load(id_or_path);
    note_input(framework.file());
    return framework;
}

Assessment Context::assessment(const std::string& file) {
    require_file(file);
    return read_assessment(file);
}

void Context::prefetch_framework_of(const std::string& assessment_file) {
    if (prefetch_.joinable()) return;
    const auto id = framework_named_in(assessment_file);
    if (!id) return;
    const Registry* r = nullptr;
    try {
        r = &registry();  // built here, on this thread (it may start plugin checks in child processes)
        prefetch_ = std::jthread([r, id = *id] {
            try {
                if (r->contains(id)) (void)r->get(id);
            } catch (...) {  // framework_for loads it again and reports what went wrong, in its turn
            }
        });
    } catch (...) {  // no registry, or no thread: framework_for does it all, as without the hint
    }
}

void Context::finish_background_work() {
    if (prefetch_.joinable()) prefetch_.join();
}

Framework Context::framework_for(const Assessment& assessment, const std::string& override_id_or_path) {
    if (!override_id_or_path.empty()) return framework(override_id_or_path);
    if (assessment.framework_id.empty())
        throw InputError("'" + assessment.file + "' does not name its framework");
    if (!registry().contains(assessment.framework_id)) {
        std::string known;
        for (const auto& id : registry().ids()) known += (known.empty() ? "" : ", ") + id;
        throw InputError("'" + assessment.file + "' is an assessment against framework '" + assessment.framework_id +
                         "', which is not on the search path (known: " + (known.empty() ? "none" : known) +
                         "); add its directory with --path DIR or name the file with --framework FILE");
    }
    const auto& framework = registry().get(assessment.framework_id);
    note_input(framework.file());
    return framework;
}

Target Context::target(const std::string& tier_or_file, const Framework& framework) {
    const bool is_tier = framework.find_tier(Target::uniform(tier_or_file).normalised(framework).tier) != nullptr;
    const bool looks_like_file = tier_or_file.find('/') != std::string::npos || tier_or_file.ends_with(".toml") ||
                                 (!is_tier && std::filesystem::exists(tier_or_file));
    Target target;
    if (looks_like_file) {
        require_file(tier_or_file);
        target = Target::load(tier_or_file);
    } else {
        target = Target::uniform(tier_or_file);
    }
    target = target.normalised(framework);
    target.validate(framework);
    return target;
}

ModelParameters parse_parameters(const std::vector<std::string>& pairs, const std::string& command) {
    ModelParameters out;
    for (const auto& pair : pairs) {
        const auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--param '" + pair + "' must be NAME=NUMBER, for example partial_credit=0.5", command);
        const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
        char* end = nullptr;
        errno = 0;
        const double number = std::strtod(value.c_str(), &end);
        if (value.empty() || end != value.c_str() + value.size() || errno == ERANGE)
            throw UsageError("--param '" + pair + "': '" + value + "' is not a number", command);
        out[key] = number;
    }
    return out;
}

}  // namespace routemap::cli
