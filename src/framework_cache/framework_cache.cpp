// The framework cache's files (framework_cache.hpp): naming, checking, writing and pruning entries.
// The bytes of a specification are spec_codec's business.
//
// An entry file is
//   header   "routemap framework cache\n", then, in this machine's byte order:
//            u32 entry format, u32 length + the routemap version that wrote it,
//            u64 text size, 16 bytes XXH3-128 of the text,
//            u64 payload size, 16 bytes XXH3-128 of the payload
//   payload  encode_spec(spec)
// and is named after the text's hash. It is written to a temporary file beside it and renamed into
// place, so a reader sees a whole entry or none; one cut short by a crash fails its payload hash.

#include <routemap/framework_cache.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <routemap/version.hpp>

#include "../detail/environment.hpp"
#include "../detail/input_file.hpp"
#include "spec_codec.hpp"

namespace routemap {

namespace {

// Raise when encode_spec's bytes change meaning (spec_codec.cpp's size checks point here).
constexpr std::uint32_t entry_format = 1;
constexpr std::string_view magic = "routemap framework cache\n";
constexpr std::string_view extension = ".spec";

using Hash = XXH128_hash_t;

Hash hash_of(std::string_view bytes) noexcept { return XXH3_128bits(bytes.data(), bytes.size()); }

std::string hex(const Hash& h) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const auto word : {h.high64, h.low64})
        for (int shift = 60; shift >= 0; shift -= 4) out += digits[(word >> shift) & 0xF];
    return out;
}

// Where the entry for a text of this hash lives: named after the hash.
std::filesystem::path entry_file(const std::filesystem::path& directory, const Hash& text_hash) {
    return directory / (hex(text_hash) + std::string(extension));
}

template <class T>
void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

void put(std::string& out, const Hash& h) {
    put(out, h.high64);
    put(out, h.low64);
}

template <class T>
bool take(std::string_view& in, T& value) {
    if (in.size() < sizeof(T)) return false;
    std::memcpy(&value, in.data(), sizeof(T));
    in.remove_prefix(sizeof(T));
    return true;
}

bool take(std::string_view& in, Hash& h) { return take(in, h.high64) && take(in, h.low64); }

// Everything before the payload, for this text and this payload.
std::string header(std::string_view text, const Hash& text_hash, std::string_view payload) {
    std::string out(magic);
    put(out, entry_format);
    const std::string_view version = version_string;
    put(out, static_cast<std::uint32_t>(version.size()));
    out += version;
    put(out, static_cast<std::uint64_t>(text.size()));
    put(out, text_hash);
    put(out, static_cast<std::uint64_t>(payload.size()));
    put(out, hash_of(payload));
    return out;
}

// The payload of an entry that is whole and was written for this text by this build; none otherwise.
std::optional<std::string_view> payload_of(std::string_view entry, std::string_view text, const Hash& text_hash) {
    if (entry.substr(0, magic.size()) != magic) return std::nullopt;
    entry.remove_prefix(magic.size());
    std::uint32_t format = 0, version_size = 0;
    if (!take(entry, format) || format != entry_format || !take(entry, version_size)) return std::nullopt;
    const std::string_view version = version_string;
    if (version_size != version.size() || entry.substr(0, version_size) != version) return std::nullopt;
    entry.remove_prefix(version_size);
    std::uint64_t text_size = 0, payload_size = 0;
    Hash stored_text{}, stored_payload{};
    if (!take(entry, text_size) || !take(entry, stored_text) || !take(entry, payload_size) || !take(entry, stored_payload))
        return std::nullopt;
    if (text_size != text.size() || !XXH128_isEqual(stored_text, text_hash)) return std::nullopt;
    if (payload_size != entry.size() || !XXH128_isEqual(stored_payload, hash_of(entry))) return std::nullopt;
    return entry;
}

// The whole of a regular file, or nothing (missing, unreadable, not a regular file, too big). Only a
// file of this user's that no one else may write: the hashes show an entry is whole and meant for its
// text, not who wrote it, so an entry planted by another user in a shared cache directory (with a
// specification of their choosing for a public framework's text) must not be read.
std::optional<std::string> slurp(const std::filesystem::path& file, std::size_t most) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    std::optional<std::string> out;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0 &&
        static_cast<std::uint64_t>(st.st_size) <= most) {
        std::string bytes;
        const auto size = static_cast<std::size_t>(st.st_size);
        if (detail::read_to_end(fd, size, size, bytes) == detail::ReadEnd::whole && bytes.size() == size) out = std::move(bytes);
    }
    ::close(fd);
    return out;
}

// Writes `parts` to a new temporary file in `directory` and renames it to `target`. No fsync: an entry
// lost or cut short by a crash is only a slower next load (its hash no longer matches).
bool write_entry(const std::filesystem::path& directory, const std::filesystem::path& target,
                 std::initializer_list<std::string_view> parts) {
    std::random_device random;
    const auto temporary = directory / (".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return false;
    bool ok = true;
    for (auto part : parts) {
        while (ok && !part.empty()) {
            const auto n = ::write(fd, part.data(), part.size());
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) ok = false;
            else part.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    ok = ::close(fd) == 0 && ok;
    if (ok) ok = ::rename(temporary.c_str(), target.c_str()) == 0;
    if (!ok) ::unlink(temporary.c_str());
    return ok;
}

// Keeps the `keep` most recently used entries (and temporary files of writers that are gone, an hour
// on), removing the rest.
void prune(const std::filesystem::path& directory, std::size_t keep) {
    std::error_code ec;
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> entries;
    const auto now = std::filesystem::file_time_type::clock::now();
    for (const auto& item : std::filesystem::directory_iterator(directory, ec)) {
        const auto& path = item.path();
        const auto name = path.filename().string();
        const auto when = item.last_write_time(ec);
        if (ec) continue;
        if (name.rfind(".tmp-", 0) == 0) {
            if (now - when > std::chrono::hours(1)) std::filesystem::remove(path, ec);
        } else if (path.extension() == extension && item.is_regular_file(ec)) {
            entries.emplace_back(when, path);
        }
    }
    if (entries.size() <= keep) return;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = keep; i < entries.size(); ++i) std::filesystem::remove(entries[i].second, ec);
}

}  // namespace

FrameworkCache::FrameworkCache(std::filesystem::path directory) : FrameworkCache(std::move(directory), Options{}) {}

FrameworkCache::FrameworkCache(std::filesystem::path directory, Options options)
    : directory_(std::move(directory)), options_(options) {}

std::optional<FrameworkCache> FrameworkCache::from_environment() {
    if (detail::environment_flag("ROUTEMAP_NO_CACHE")) return std::nullopt;
    if (const char* dir = std::getenv("ROUTEMAP_CACHE_DIR"); dir && *dir) return FrameworkCache(dir);
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return FrameworkCache(std::filesystem::path(xdg) / "routemap");
    if (const char* home = std::getenv("HOME"); home && *home)
        return FrameworkCache(std::filesystem::path(home) / ".cache" / "routemap");
    return std::nullopt;
}

std::filesystem::path FrameworkCache::entry_path(std::string_view text) const {
    return entry_file(directory_, hash_of(text));
}

std::optional<FrameworkSpec> FrameworkCache::find(std::string_view text, const std::string& source_name) const noexcept {
    try {
        if (!wants(text.size())) return std::nullopt;
        const auto text_hash = hash_of(text);
        const auto file = entry_file(directory_, text_hash);
        // An entry's size is of the order of its text's, so anything far bigger is not one of ours.
        const auto entry = slurp(file, 4 * text.size() + 65536);
        if (!entry) return std::nullopt;
        const auto payload = payload_of(*entry, text, text_hash);
        if (!payload) return std::nullopt;
        auto spec = detail::decode_spec(*payload, source_name);
        if (spec) {
            // Used: it moves to the front of the queue for pruning.
            std::error_code ec;
            std::filesystem::last_write_time(file, std::filesystem::file_time_type::clock::now(), ec);
        }
        return spec;
    } catch (...) {
        return std::nullopt;  // out of memory, or a file system error thrown by the standard library
    }
}

void FrameworkCache::store(std::string_view text, const FrameworkSpec& spec) const noexcept {
    try {
        if (!wants(text.size())) return;
        std::error_code ec;
        // A directory made here is the user's alone (an existing one is left as it is).
        if (!std::filesystem::exists(directory_, ec)) {
            std::filesystem::create_directories(directory_, ec);
            if (ec) return;
            std::filesystem::permissions(directory_, std::filesystem::perms::owner_all, ec);
        }
        if (!std::filesystem::is_directory(directory_, ec)) return;
        const auto text_hash = hash_of(text);
        const auto payload = detail::encode_spec(spec);
        const auto head = header(text, text_hash, payload);
        if (!write_entry(directory_, entry_file(directory_, text_hash), {head, payload})) return;
        prune(directory_, options_.max_entries);
    } catch (...) {
        // best effort: see the header
    }
}

}  // namespace routemap
