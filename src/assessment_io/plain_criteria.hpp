#pragma once
// routemap::detail is not public API.
// The criteria of an assessment as routemap writes them, read without building a TOML tree.
// toml++ reads about 7 MB a second and builds a node per key and value; a big assessment's pieces
// (toml_sections.hpp) are almost all sections like
//
//     [criteria."domain.area.tier.1"]
//     status = "met"
//     evidence = "Minutes of the board, 3 May"
//
// (with the comments routemap writes before each section), which a scan reads at the speed of memory.
// The scan accepts only text whose meaning in TOML is plain: anything else in a piece (another key or
// kind of value, an escape, a literal or multi-line string, a tab or control character in a string,
// invalid UTF-8, a section or key given twice) makes it decline, and toml++ reads that piece as
// before, so that what is read, and every message, is toml++'s. The fuzz target assessment_toml checks that a file read in pieces reads as the whole.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace routemap::detail {

// The keys of a criterion's record, in the order they are read (and their problems reported).
inline constexpr std::array<std::string_view, 8> record_keys = {"status", "answer", "evidence", "note",
                                                                "owner",  "due",    "reason",   "reason_text"};

struct PlainValue {
    std::uint8_t key = 0;   // index into record_keys
    std::string_view text;  // the string's value: the text between its quotes, which holds no escape
    std::uint32_t line = 0, column = 0;  // of the opening quote, 1-based, in the piece
};

struct PlainSection {
    std::string_view id;
    std::uint32_t line = 0;         // of the header, 1-based, in the piece (the table's own position, column 1)
    std::uint32_t first_value = 0;  // its values: PlainCriteria::values[first_value, first_value + value_count)
    std::uint32_t value_count = 0;
};

struct PlainCriteria {
    std::vector<PlainSection> sections;  // in id order
    std::vector<PlainValue> values;      // in the order of the text
};

// The sections of `piece` (a run of whole [criteria."..."] sections starting at the start of a line),
// or nothing when any of it is written in a way the scan leaves to toml++.
std::optional<PlainCriteria> scan_plain_criteria(std::string_view piece);

}  // namespace routemap::detail
