// Mapping files along the search path: <dir>/mappings/*.toml, found the way frameworks are.

#include <routemap/crosswalk.hpp>

#include <algorithm>

#include <routemap/error.hpp>

namespace routemap {

MappingLibrary::MappingLibrary(std::span<const std::filesystem::path> search_path) {
    std::vector<std::filesystem::path> seen;
    for (const auto& directory : search_path) {
        std::error_code ec;
        auto canonical = std::filesystem::weakly_canonical(directory, ec);
        if (ec) canonical = directory;
        if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) continue;
        seen.push_back(canonical);
        const auto folder = directory / "mappings";
        if (!std::filesystem::is_directory(folder, ec)) continue;
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.path().extension() == ".toml" && entry.is_regular_file(ec)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            try {
                auto mapping = read_mapping(file);
                const auto same_pair = [&](const Mapping& m) {
                    return (m.from_framework == mapping.from_framework && m.to_framework == mapping.to_framework) ||
                           (m.from_framework == mapping.to_framework && m.to_framework == mapping.from_framework);
                };
                if (const auto it = std::find_if(mappings_.begin(), mappings_.end(), same_pair); it != mappings_.end()) {
                    problems_.push_back({Severity::warning,
                                         "duplicate mapping between '" + mapping.from_framework + "' and '" +
                                             mapping.to_framework + "' in " + file.string() + " ignored: already provided by " +
                                             it->file,
                                         SourceLocation{file.string(), 0, 0}, {}, {}});
                    continue;
                }
                mappings_.push_back(std::move(mapping));
            } catch (const Error& e) {
                for (const auto& d : e.diagnostics()) problems_.push_back(d);
            }
        }
    }
}

std::optional<Mapping> MappingLibrary::find(std::string_view a, std::string_view b) const {
    for (const auto& m : mappings_) {
        if (m.from_framework == a && m.to_framework == b) return m;
        if (m.from_framework == b && m.to_framework == a) return m.reversed();
    }
    return std::nullopt;
}

Mapping MappingLibrary::get(std::string_view a, std::string_view b) const {
    if (auto m = find(a, b)) return std::move(*m);
    std::string known;
    for (const auto& m : mappings_) known += (known.empty() ? "" : ", ") + m.from_framework + " <-> " + m.to_framework;
    throw NotFoundError("no mapping between '" + std::string(a) + "' and '" + std::string(b) + "' on the search path (known: " +
                        (known.empty() ? "none" : known) + ")");
}

}  // namespace routemap
