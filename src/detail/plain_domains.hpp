#pragma once
// routemap::detail is not public API.
// A framework's domains as written plainly, read without building a TOML tree (plain_toml.hpp): a big
// framework's pieces (toml_sections.hpp) are mostly [[domains]], [[domains.areas]] and
// [[domains.areas.criteria]] tables of strings and one-line arrays of strings. The scan reads a piece
// only when reading it can report nothing: every key one the table may have (each once), of the kind
// it must be, the required ones there, no weight, action or answer scale. Anything else makes it
// decline, and toml++ and the reader of src/framework_loader.cpp read the piece as before, so that every
// message is theirs. The fuzz target `framework` checks that a file read in pieces reads as the whole.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/framework_spec.hpp>

namespace routemap::detail {

// The domains of `piece` (whole [[domains]] elements, starting at the start of a line), in order, with
// positions in `file` (`line_offset` lines before the piece), or nothing.
std::optional<std::vector<DomainSpec>> scan_plain_domains(std::string_view piece, const std::string& file,
                                                          std::uint32_t line_offset);

}  // namespace routemap::detail
