#pragma once
// Shared helpers for the C++ tests.

#include <filesystem>
#include <fstream>
#include <string>

#include <routemap/routemap.hpp>

namespace routemap::test {

inline std::filesystem::path source_dir() { return ROUTEMAP_SOURCE_DIR; }
inline std::filesystem::path binary_dir() { return ROUTEMAP_BINARY_DIR; }
inline std::filesystem::path bundled(const std::string& id) { return source_dir() / "frameworks" / (id + ".toml"); }

// A fresh, empty scratch directory under the build tree.
inline std::filesystem::path scratch(const std::string& name) {
    const auto dir = binary_dir() / "test-scratch" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write(const std::filesystem::path& file, const std::string& text) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
}

// The head of a valid framework file; tests append tiers and domains.
inline std::string header(const std::string& id = "tiny") {
    return "format_version = 1\n"
           "[framework]\n"
           "id = \"" + id + "\"\n"
           "name = \"Tiny\"\n"
           "version = \"1.0.0\"\n"
           "level = \"service\"\n"
           "publisher = \"Test\"\n"
           "year = 2024\n"
           "source = \"Test source\"\n";
}

// A registry that loads no plugins (the built-in models only).
inline Registry::Options no_plugins() {
    Registry::Options options;
    options.load_plugins = false;
    return options;
}

inline std::string two_tiers() {
    return "[[tiers]]\nid = \"fundamental\"\nname = \"Fundamental\"\n"
           "[[tiers]]\nid = \"advanced\"\nname = \"Advanced\"\n";
}

}  // namespace routemap::test

namespace routemap::test {
inline std::string detail_read(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace routemap::test
