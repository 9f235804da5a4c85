#pragma once
// Finds frameworks (and, through plugins, scoring models and report writers) along the search path.

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/framework.hpp>
#include <routemap/search_path.hpp>

namespace routemap {

class ScoringModel;
class ReportWriter;

struct FrameworkSummary {
    std::string id;
    std::string name;
    std::string version;
    std::string level;
    std::string status;
    std::string origin;  // the file it came from, or "plugin:<name>"
    std::size_t domains = 0;
    std::size_t areas = 0;
    std::size_t criteria = 0;
    std::size_t actions = 0;  // at every depth
    std::vector<std::size_t> criteria_per_tier;
};

FrameworkSummary summarise(const Framework& framework, std::string origin = {});

struct PluginRecord {
    std::string name;
    std::string version;
    std::filesystem::path file;
};

class Registry {
public:
    struct Options {
        // Plugins run in this process (docs/cpp.md, "Plugins"). Also off when the environment variable
        // ROUTEMAP_NO_PLUGINS is set to anything but "" or "0".
        bool load_plugins = true;
        bool builtin_models = true;
        // Called with each plugin file before it is opened here; an answer other than "" refuses the
        // plugin with that reason. The CLI opens the plugin in a short-lived child process, so that a
        // plugin that crashes while loading is refused by name instead of taking this process down.
        std::function<std::string(const std::filesystem::path&)> check_plugin;
    };

    // Scans the given directories, in order (see search_path.hpp for the default).
    explicit Registry(std::vector<std::filesystem::path> search_path = default_search_path());
    Registry(std::vector<std::filesystem::path> search_path, Options options);
    ~Registry();
    Registry(Registry&&) noexcept;
    Registry& operator=(Registry&&) noexcept;

    [[nodiscard]] const std::vector<std::filesystem::path>& search_path() const noexcept;

    // Frameworks, in the order found; the first with a given id wins.
    [[nodiscard]] std::vector<FrameworkSummary> list() const;
    [[nodiscard]] std::vector<std::string> ids() const;
    [[nodiscard]] bool contains(std::string_view id) const;
    // Throws NotFoundError naming the known ids.
    [[nodiscard]] const Framework& get(std::string_view id) const;
    // A framework id on the search path, or a path to a framework file (anything with a '/' or ending in .toml).
    [[nodiscard]] Framework load(std::string_view id_or_path) const;

    // Adds a framework (from code or a plugin); reports a duplicate id and keeps the first.
    bool add(Framework framework, std::string origin);

    // Scoring models and report writers, by name (built-ins plus plugins).
    void add_model(std::shared_ptr<const ScoringModel> model, std::string origin = "builtin");
    [[nodiscard]] const ScoringModel& model(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> model_names() const;
    void add_report_writer(std::shared_ptr<const ReportWriter> writer, std::string origin = "builtin");
    [[nodiscard]] const ReportWriter& report_writer(std::string_view format) const;
    [[nodiscard]] std::vector<std::string> report_formats() const;

    [[nodiscard]] const std::vector<PluginRecord>& plugins() const noexcept;
    // Duplicates, files that failed to load, refused plugins. Never stops the scan. Loads every
    // framework file first, as list() and ids() do; get(), contains() and load() load only the files
    // that may hold the id asked for.
    [[nodiscard]] const std::vector<Diagnostic>& problems() const;

    // Loads one plugin file now; problems are recorded (and returned as false), never thrown. What the
    // plugin registers is staged and kept only when its registration function returns: a plugin that
    // throws leaves nothing registered.
    bool load_plugin(const std::filesystem::path& file);

    // True when ROUTEMAP_NO_PLUGINS asks for no plugins at all.
    [[nodiscard]] static bool plugins_disabled_by_environment() noexcept;

private:
    void scan_directory(const std::filesystem::path& directory, bool load_plugins);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace routemap
