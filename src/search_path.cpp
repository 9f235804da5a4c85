#include <routemap/search_path.hpp>

#include <dlfcn.h>

#include <cstdlib>
#include <string>

#include <routemap/version.hpp>

namespace routemap {

std::vector<std::filesystem::path> split_path_list(const std::string& list) {
    std::vector<std::filesystem::path> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto end = list.find(':', start);
        const auto item = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!item.empty()) out.emplace_back(item);
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::filesystem::path user_data_directory() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "routemap";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "routemap";
    return {};
}

std::filesystem::path install_data_directory() {
    // The library lives in <prefix>/<libdir>; its data in <prefix>/share/routemap.
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&install_data_directory), &info) && info.dli_fname) {
        std::error_code ec;
        const auto library = std::filesystem::canonical(info.dli_fname, ec);
        if (!ec) {
            const auto candidate = library.parent_path().parent_path() / "share" / "routemap";
            if (std::filesystem::is_directory(candidate, ec)) return candidate;
        }
    }
    return std::filesystem::path(ROUTEMAP_INSTALL_DATADIR);
}

std::vector<std::filesystem::path> default_search_path() {
    std::vector<std::filesystem::path> path;
    if (const char* env = std::getenv("ROUTEMAP_PATH"); env) path = split_path_list(env);
    if (auto user = user_data_directory(); !user.empty()) path.push_back(std::move(user));
    path.push_back(install_data_directory());
    return path;
}

}  // namespace routemap
