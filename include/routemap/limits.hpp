#pragma once
// The limits every reader enforces (docs/limits.md). Framework files sit on a shared search path and
// assessments come from many hands: an input past one of these is refused with a positioned error
// instead of exhausting the stack, memory or time of the process that reads it.

#include <cstddef>

namespace routemap::limits {

// Any file routemap reads (framework, assessment, target), and text handed to a parse function.
inline constexpr std::size_t max_file_bytes = 16u * 1024u * 1024u;
// One string value or key, in bytes of UTF-8.
inline constexpr std::size_t max_string_bytes = 64u * 1024u;
// An id: framework, tier, domain, area, local and full criterion ids, in characters. Ids past it get
// no "did you mean" suggestion either.
inline constexpr std::size_t max_id_length = 128;
// Tables, dotted keys and arrays nested in one another, counted together (TOML and JSON).
inline constexpr std::size_t max_nesting_depth = 100;
// Criteria in one framework: room for synthetic models of 10^5 criteria (docs/performance.md), while
// the largest published maturity models have a few hundred.
inline constexpr std::size_t max_criteria = 200'000;
// Dependencies in one framework: implicit tier edges (each criterion on every criterion of the
// nearest lower tier of its area) plus `requires`. About 70 bytes each once loaded.
inline constexpr std::size_t max_dependencies = 1'000'000;

}  // namespace routemap::limits
