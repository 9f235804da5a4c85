#pragma once
// The status of one criterion in an assessment.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace routemap {

// The numeric values are stable: they are the codes of the status matrix given to score_many
// (0 unknown, 1 not met, 2 partial, 3 met, 4 not applicable).
enum class Status : std::uint8_t { unknown = 0, not_met = 1, partial = 2, met = 3, not_applicable = 4 };

inline constexpr std::size_t status_count = 5;
inline constexpr std::array<Status, status_count> all_statuses{Status::unknown, Status::not_met, Status::partial,
                                                              Status::met, Status::not_applicable};

// "met", "partial", "not_met", "not_applicable", "unknown".
std::string_view to_string(Status status) noexcept;
// Accepts the canonical names, and also spaces or hyphens for underscores, any case, "n/a" and "na";
// an empty string is unknown.
std::optional<Status> parse_status(std::string_view text) noexcept;

// Why a criterion is not applicable, so that exclusions can be audited.
enum class Exclusion : std::uint8_t { not_relevant, out_of_scope, owned_elsewhere };
std::string_view to_string(Exclusion reason) noexcept;
std::optional<Exclusion> parse_exclusion(std::string_view text) noexcept;

}  // namespace routemap
