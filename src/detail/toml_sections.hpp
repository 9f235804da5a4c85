#pragma once
// routemap::detail is not public API.
// Cuts a TOML document at the table headers of one top-level key ("domains" of a framework, "criteria"
// of an assessment), so that a big file's sections can be parsed on their own, and on several threads.
// toml++ 3.3.0 parses on one thread, and looks every array-of-tables header up in a list of all the
// arrays of tables it has seen so far: a framework's load grew with the square of its areas.
//
// A split is offered only where parsing the pieces gives the tree the whole text gives: the key's
// headers must form one run (nothing of another table between them), start with a header the key's
// sections can start with, and no header may name the key in a way the cut cannot follow (quoted, or
// the key's own table). Otherwise, and whenever a piece fails to parse or its tree collides with
// another's, the caller parses the whole text, so that errors are toml++'s own, as before.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "toml_guard.hpp"

namespace routemap::detail {

struct TomlPiece {
    std::string_view text;         // starts at the start of a line
    std::uint32_t line_offset = 0;  // lines before it in the file
};

struct TomlSplit {
    // The document without the key's run of sections; when tables follow the run, blank lines stand in
    // its place, so that their lines keep their numbers.
    std::string rest;
    std::vector<TomlPiece> pieces;  // in file order, each of whole sections
};

// How a reader may read a big text in pieces. Tests set these to read the same text both ways.
struct SplitReading {
    bool enabled = true;
    std::size_t threads = 0;           // 0: reading_threads() of the text's size (parallel.hpp)
    std::size_t piece_bytes = 64 * 1024;  // sections are grouped into pieces of at least this many bytes
};

enum class CutAt {
    array_element,  // at each [[key]]: the elements of an array of tables (a framework's domains)
    subtable,       // at each [key.<name>]: the tables of a table (an assessment's criteria)
};

// `headers`: guard_toml's, for `text` (not rewritten). Sections are grouped into pieces of at least
// `piece_bytes` (the last may be shorter).
std::optional<TomlSplit> split_toml(std::string_view text, std::span<const TomlHeader> headers, std::string_view key,
                                    CutAt cut_at, std::size_t piece_bytes);

// The pieces split among at most `threads` parts of about equal bytes: the parts + 1 bounds (indexes
// into split.pieces), for run_parts (parallel.hpp).
std::vector<std::size_t> piece_bounds(const TomlSplit& split, std::size_t threads);

}  // namespace routemap::detail
