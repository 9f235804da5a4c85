#pragma once
// routemap::detail is not public API.
// The size limits of a framework (routemap/limits.hpp, docs/limits.md), checked on the specification
// before anything is built: id lengths, the number of criteria, and the number of dependencies, which
// is counted from the tiers of each area without materialising a single edge.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/framework_spec.hpp>

namespace routemap::detail {

struct SpecSizes {
    std::size_t areas = 0, criteria = 0;
};
// How many areas and criteria the specification holds (for sizing what is built from it).
SpecSizes spec_sizes(const FrameworkSpec& spec);

// How many dependencies the framework has (implicit and `requires`: at least as many as the edges its
// graph will have, for reserving them), or nullopt, after adding a positioned error for each limit
// passed, when the framework must be refused.
std::optional<std::size_t> check_limits(const FrameworkSpec& spec, std::vector<Diagnostic>& out);

// An id or text cut to a readable length for a message: "abcdef…" (at most `keep` bytes, whole code points).
std::string preview(std::string_view text, std::size_t keep = 40);

}  // namespace routemap::detail
