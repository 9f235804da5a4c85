#include <routemap/registry.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <variant>
#include <cstdlib>
#include <string_view>

#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/plugin.hpp>
#include <routemap/report.hpp>
#include <routemap/scoring.hpp>

#include "detail/environment.hpp"
#include "detail/framework_id_peek.hpp"

namespace routemap {

FrameworkSummary summarise(const Framework& f, std::string origin) {
    return FrameworkSummary{f.id(), f.name(), f.version(), f.info().level, f.info().status, std::move(origin),
                            f.domains().size(), f.areas().size(), f.criteria().size(), f.action_count(true),
                            f.criteria_per_tier()};
}

// Frameworks are found in order and loaded on demand: a file's id is first read from the top of its
// text (detail::peek_framework_id), so that finding one framework loads only the files that may hold
// its id. Whatever needs them all (list, ids, problems) loads them all, once; the answers are the same
// as if every file had been loaded while scanning.
struct RegistryEntry {
    std::filesystem::path file;          // empty for a framework added from code or a plugin
    std::optional<std::string> peeked;   // the id the file's text shows, when it shows one plainly
    bool loaded = false;
    std::optional<Framework> framework;  // once loaded, when valid
    std::vector<Diagnostic> errors;      // once loaded
    std::string origin;
    bool duplicate = false;  // known once every file is loaded
};

// In scan order: a diagnostic, or (before everything is loaded) the place of an entry's own problems.
struct RegistryFound {
    std::deque<RegistryEntry> entries;  // a deque: get() hands out references that add() must not move
    std::vector<std::variant<Diagnostic, std::size_t>> log;
    bool complete = false;  // every file loaded, and `problems` final
    std::vector<Diagnostic> problems;
};

struct Registry::Impl {
    std::vector<std::filesystem::path> search_path;
    RegistryFound found;
    std::map<std::string, std::shared_ptr<const ScoringModel>, std::less<>> models;
    std::map<std::string, std::shared_ptr<const ReportWriter>, std::less<>> writers;
    std::vector<PluginRecord> plugins;
    std::vector<void*> handles;  // kept open: plugin code backs registered objects
    std::function<std::string(const std::filesystem::path&)> check_plugin;
    std::recursive_mutex mutex;  // loading on demand changes `found` inside const calls

    void note(Diagnostic d) {
        if (found.complete) found.problems.push_back(std::move(d));
        else found.log.emplace_back(std::move(d));
    }
    static void load(RegistryEntry& entry) {
        if (entry.loaded) return;
        auto result = try_load_framework(entry.file);  // should this throw (out of memory), try again next time
        for (auto& d : result.diagnostics)
            if (d.severity == Severity::error) entry.errors.push_back(std::move(d));
        entry.framework = std::move(result.framework);
        entry.loaded = true;
    }
    static bool may_be(const RegistryEntry& entry, std::string_view id) {
        if (entry.loaded) return entry.framework && entry.framework->id() == id;
        return !entry.peeked || *entry.peeked == id;
    }
    // The first valid framework with this id, in scan order (later ones are duplicates).
    RegistryEntry* find(std::string_view id) {
        for (auto& entry : found.entries) {
            if (!may_be(entry, id)) continue;
            load(entry);
            if (entry.framework && entry.framework->id() == id) return &entry;
        }
        return nullptr;
    }
    // Loads every file, then reports, in scan order, each file's errors and the duplicates among them.
    void complete() {
        if (found.complete) return;
        std::map<std::string, const RegistryEntry*, std::less<>> first;
        for (auto& entry : found.entries) {
            load(entry);
            if (entry.framework) entry.duplicate = !first.emplace(entry.framework->id(), &entry).second;
        }
        for (auto& item : found.log) {
            if (auto* d = std::get_if<Diagnostic>(&item)) {
                found.problems.push_back(std::move(*d));
                continue;
            }
            const auto i = std::get<std::size_t>(item);
            auto& entry = found.entries[i];
            found.problems.insert(found.problems.end(), entry.errors.begin(), entry.errors.end());
            if (entry.duplicate) found.problems.push_back(duplicate_warning(*entry.framework, entry.origin,
                                                                         first.find(entry.framework->id())->second->origin));
        }
        found.log.clear();
        found.complete = true;
    }
    static Diagnostic duplicate_warning(const Framework& framework, const std::string& origin, const std::string& first) {
        return Diagnostic{Severity::warning,
                          "duplicate framework id '" + framework.id() + "' in " + origin + " ignored: already provided by " + first,
                          SourceLocation{origin, 0, 0}, framework.id(), {}};
    }
};

bool Registry::plugins_disabled_by_environment() noexcept { return detail::environment_flag("ROUTEMAP_NO_PLUGINS"); }

Registry::Registry(std::vector<std::filesystem::path> search_path) : Registry(std::move(search_path), Options{}) {}

Registry::Registry(std::vector<std::filesystem::path> search_path, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->search_path = std::move(search_path);
    impl_->check_plugin = std::move(options.check_plugin);
    if (plugins_disabled_by_environment()) options.load_plugins = false;
    if (options.builtin_models) {
        for (auto& model : builtin_models()) add_model(std::move(model), "builtin");
        for (auto& writer : builtin_report_writers()) add_report_writer(std::move(writer), "builtin");
    }
    // A directory named twice (say on ROUTEMAP_PATH and as the install directory) is scanned once,
    // so that its frameworks are not reported as duplicates of themselves.
    std::vector<std::filesystem::path> seen, unique;
    for (const auto& directory : impl_->search_path) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(directory, ec);
        if (ec) canonical = directory;
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        unique.push_back(directory);
        scan_directory(directory, options.load_plugins);
    }
    impl_->search_path = std::move(unique);
}

// Plugin handles are deliberately never dlclose'd: registered objects and their vtables live in the
// plugin's code, and other Registry instances or copies of shared_ptrs may still use them.
Registry::~Registry() = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;

const std::vector<std::filesystem::path>& Registry::search_path() const noexcept { return impl_->search_path; }

namespace {

std::vector<std::filesystem::path> files_with_extension(const std::filesystem::path& directory, const std::string& ext) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.path().extension() == ext && entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

void Registry::scan_directory(const std::filesystem::path& directory, bool load_plugins) {
    for (const auto& file : files_with_extension(directory / "frameworks", ".toml")) {
        auto& found = impl_->found;
        found.log.emplace_back(found.entries.size());
        found.entries.push_back(RegistryEntry{file, detail::peek_framework_id(file), false, {}, {}, file.string()});
    }
    if (load_plugins)
        for (const auto& file : files_with_extension(directory / "plugins", ".so")) load_plugin(file);
}

bool Registry::add(Framework framework, std::string origin) {
    const std::lock_guard lock(impl_->mutex);
    if (const auto* first = impl_->find(framework.id())) {
        impl_->note(Impl::duplicate_warning(framework, origin, first->origin));
        return false;
    }
    impl_->found.entries.push_back(RegistryEntry{{}, framework.id(), true, std::move(framework), {}, std::move(origin)});
    return true;
}

std::vector<FrameworkSummary> Registry::list() const {
    const std::lock_guard lock(impl_->mutex);
    impl_->complete();
    std::vector<FrameworkSummary> out;
    for (const auto& entry : impl_->found.entries)
        if (entry.framework && !entry.duplicate) out.push_back(summarise(*entry.framework, entry.origin));
    return out;
}

std::vector<std::string> Registry::ids() const {
    const std::lock_guard lock(impl_->mutex);
    impl_->complete();
    std::vector<std::string> out;
    for (const auto& entry : impl_->found.entries)
        if (entry.framework && !entry.duplicate) out.push_back(entry.framework->id());
    return out;
}

bool Registry::contains(std::string_view id) const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->find(id) != nullptr;
}

namespace {
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? "none" : out;
}
}  // namespace

const Framework& Registry::get(std::string_view id) const {
    {
        const std::lock_guard lock(impl_->mutex);
        if (const auto* entry = impl_->find(id)) return *entry->framework;
    }
    throw NotFoundError(std::vector<Diagnostic>{Diagnostic{
        Severity::error, "unknown framework '" + std::string(id) + "' (known: " + joined(ids()) + ")", {}, std::string(id), {}}});
}

Framework Registry::load(std::string_view id_or_path) const {
    const std::string text(id_or_path);
    const bool looks_like_path = text.find('/') != std::string::npos || text.ends_with(".toml");
    if (looks_like_path || (!contains(text) && std::filesystem::exists(text))) return load_framework(text);
    return get(text);
}

void Registry::add_model(std::shared_ptr<const ScoringModel> model, std::string origin) {
    const auto name = model->name();
    if (impl_->models.contains(name)) {
        const std::lock_guard lock(impl_->mutex);
        impl_->note(Diagnostic{Severity::warning, "duplicate scoring model '" + name + "' from " + origin + " ignored", {}, {}, {}});
        return;
    }
    impl_->models.emplace(name, std::move(model));
}

const ScoringModel& Registry::model(std::string_view name) const {
    if (const auto it = impl_->models.find(name); it != impl_->models.end()) return *it->second;
    throw NotFoundError("unknown scoring model '" + std::string(name) + "' (known: " + joined(model_names()) + ")");
}

std::vector<std::string> Registry::model_names() const {
    std::vector<std::string> out;
    for (const auto& entry : impl_->models) out.push_back(entry.first);
    return out;
}

void Registry::add_report_writer(std::shared_ptr<const ReportWriter> writer, std::string origin) {
    const auto format = writer->format();
    if (impl_->writers.contains(format)) {
        const std::lock_guard lock(impl_->mutex);
        impl_->note(Diagnostic{Severity::warning, "duplicate report format '" + format + "' from " + origin + " ignored", {}, {}, {}});
        return;
    }
    impl_->writers.emplace(format, std::move(writer));
}

const ReportWriter& Registry::report_writer(std::string_view format) const {
    if (const auto it = impl_->writers.find(format); it != impl_->writers.end()) return *it->second;
    throw NotFoundError("unknown report format '" + std::string(format) + "' (known: " + joined(report_formats()) + ")");
}

std::vector<std::string> Registry::report_formats() const {
    std::vector<std::string> out;
    for (const auto& entry : impl_->writers) out.push_back(entry.first);
    return out;
}

const std::vector<PluginRecord>& Registry::plugins() const noexcept { return impl_->plugins; }
const std::vector<Diagnostic>& Registry::problems() const {
    const std::lock_guard lock(impl_->mutex);
    impl_->complete();
    return impl_->found.problems;
}

bool Registry::load_plugin(const std::filesystem::path& file) {
    auto refuse = [&](const std::string& why) {
        const std::lock_guard lock(impl_->mutex);
        impl_->note(
            Diagnostic{Severity::error, "plugin " + file.filename().string() + " refused: " + why, {file.string(), 0, 0}, {}, {}});
        return false;
    };
    if (impl_->check_plugin) {
        if (auto why = impl_->check_plugin(file); !why.empty()) return refuse(why);
    }
    void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return refuse(std::string("cannot be loaded: ") + dlerror());
    using EntryFunction = const PluginEntry* (*)();
    auto* entry_function = reinterpret_cast<EntryFunction>(dlsym(handle, ROUTEMAP_PLUGIN_ENTRY_SYMBOL));
    if (!entry_function) {
        dlclose(handle);
        return refuse("it has no '" ROUTEMAP_PLUGIN_ENTRY_SYMBOL "' entry point (was it built with ROUTEMAP_PLUGIN?)");
    }
    const PluginEntry* entry = entry_function();
    if (!entry) {
        dlclose(handle);
        return refuse("its entry point returned nothing");
    }
    if (entry->api_version != ROUTEMAP_PLUGIN_API_VERSION) {
        const auto version = entry->api_version;
        dlclose(handle);
        return refuse("it was built for plugin API version " + std::to_string(version) +
                      ", this routemap provides version " + std::to_string(ROUTEMAP_PLUGIN_API_VERSION) +
                      "; rebuild it against this routemap");
    }
    const std::string name = entry->name ? entry->name : file.stem().string();
    if (std::any_of(impl_->plugins.begin(), impl_->plugins.end(), [&](const auto& p) { return p.name == name; })) {
        const std::lock_guard lock(impl_->mutex);
        impl_->note(Diagnostic{Severity::warning, "plugin '" + name + "' from " + file.string() + " ignored: already loaded",
                               {file.string(), 0, 0}, {}, {}});
        return false;
    }
    impl_->handles.push_back(handle);
    if (!entry->register_plugin) return refuse("it has no registration function");
    // Staged: a plugin that fails half-way through registering leaves nothing behind (the
    // registrations are undone by restoring what was there before; the handle stays open, since the
    // objects it made may still be alive in a caller's shared_ptr).
    auto found = [&] {
        const std::lock_guard lock(impl_->mutex);
        return impl_->found;
    }();
    auto models = impl_->models;
    auto writers = impl_->writers;
    auto roll_back = [&](const std::string& why) {
        {
            const std::lock_guard lock(impl_->mutex);
            impl_->found = std::move(found);
        }
        impl_->models = std::move(models);
        impl_->writers = std::move(writers);
        return refuse(why);
    };
    try {
        entry->register_plugin(*this);
    } catch (const std::exception& e) {
        return roll_back(std::string("it failed while registering: ") + e.what() + " (nothing it registered is kept)");
    } catch (...) {
        return roll_back("it failed while registering with an unknown exception (nothing it registered is kept)");
    }
    impl_->plugins.push_back(PluginRecord{name, entry->version ? entry->version : "", file});
    return true;
}

}  // namespace routemap
