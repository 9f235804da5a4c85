#pragma once
// A cache of big framework files, read once (docs/performance.md, "The framework cache").
//
// Reading a framework's TOML costs about 250 processor instructions per byte (toml++ and the reading
// into a FrameworkSpec), so a synthetic model of 10^5 criteria (14 MB) takes most of a second each
// time it loads. The cache keeps what that reading produced, as bytes only this build of routemap
// reads, in a file named after the text's hash (XXH3, 128 bits): the next load of the same text, at
// any path, reads those bytes instead (10–15 times fewer instructions) and builds and validates the framework
// from them as before, so its diagnostics, numbers and graph are the same.
//
// What it will never do:
//   - keep a file whose reading reported anything (errors or warnings): those are read from the text
//     every time, so every message keeps coming from the text itself;
//   - return a specification for any other text: the entry holds the text's size and hash, and a
//     hash of its own bytes, all checked before use; an entry written by another version of routemap,
//     cut short or damaged is passed over (and replaced);
//   - read an entry that is not the user's own or that others may write (a directory it makes is the
//     user's alone, and entries are written readable by the user only);
//   - fail a load: the cache is an optimisation, and any problem with it (no HOME, a read-only
//     directory, a full disk) makes the load read the text as if there were no cache.
//
// Where: $ROUTEMAP_CACHE_DIR, else $XDG_CACHE_HOME/routemap, else $HOME/.cache/routemap. Off when
// ROUTEMAP_NO_CACHE is set to anything but "" or "0". It keeps at most `max_entries` files (the least
// recently used go first), and removing the directory at any time is safe.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <routemap/framework_spec.hpp>

namespace routemap {

class FrameworkCache {
public:
    struct Options {
        // Texts shorter than this are always read: under about 1 MB, reading is quick, and a cache
        // file per small framework would only add files.
        std::size_t min_bytes = std::size_t{1} << 20;
        std::size_t max_entries = 16;
    };

    explicit FrameworkCache(std::filesystem::path directory);
    FrameworkCache(std::filesystem::path directory, Options options);

    // The cache the environment asks for (see above); none when it is turned off or no directory
    // can be named.
    [[nodiscard]] static std::optional<FrameworkCache> from_environment();

    [[nodiscard]] const std::filesystem::path& directory() const noexcept { return directory_; }
    [[nodiscard]] const Options& options() const noexcept { return options_; }
    // Whether texts of this size are looked up and stored at all.
    [[nodiscard]] bool wants(std::size_t text_bytes) const noexcept { return text_bytes >= options_.min_bytes; }

    // The specification read from exactly this text, with every location naming `source_name`; none
    // when there is no usable entry. Never throws.
    [[nodiscard]] std::optional<FrameworkSpec> find(std::string_view text, const std::string& source_name) const noexcept;

    // Keeps `spec`, which must be what reading `text` produced with no diagnostics at all. Best effort:
    // never throws, and a failure leaves the cache as it was.
    void store(std::string_view text, const FrameworkSpec& spec) const noexcept;

    // The file an entry for this text lives in (whether or not it exists).
    [[nodiscard]] std::filesystem::path entry_path(std::string_view text) const;

private:
    std::filesystem::path directory_;
    Options options_;
};

}  // namespace routemap
