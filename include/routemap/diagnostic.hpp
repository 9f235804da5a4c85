#pragma once
// Where a problem is, and what it is. Every error about a file carries one or more of these.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace routemap {

struct SourceLocation {
    std::string file;        // path as given; empty when the input was not a file
    std::uint32_t line = 0;  // 1-based; 0 when unknown
    std::uint32_t column = 0;

    [[nodiscard]] bool known() const noexcept { return line != 0; }
    friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

enum class Severity { warning, error };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string message;
    SourceLocation location;
    std::string framework_id;  // when known
    std::string criterion_id;  // when the problem is about one criterion

    // "file:line:column: error: message" (parts that are unknown are left out).
    [[nodiscard]] std::string to_string() const;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

std::string to_string(const SourceLocation& location);
std::ostream& operator<<(std::ostream& out, const Diagnostic& diagnostic);

[[nodiscard]] bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept;

}  // namespace routemap
