#include <routemap/printing.hpp>

#include <ostream>

namespace routemap {

std::string_view to_string(Severity severity) noexcept { return severity == Severity::error ? "error" : "warning"; }

std::string_view to_string(EdgeKind kind) noexcept {
    return kind == EdgeKind::implicit_tier ? "implicit_tier" : "explicit_requires";
}

std::ostream& operator<<(std::ostream& out, Status status) { return out << to_string(status); }
std::ostream& operator<<(std::ostream& out, Exclusion reason) { return out << to_string(reason); }
std::ostream& operator<<(std::ostream& out, ChangeKind kind) { return out << to_string(kind); }
std::ostream& operator<<(std::ostream& out, AssessmentFormat format) { return out << to_string(format); }
std::ostream& operator<<(std::ostream& out, Severity severity) { return out << to_string(severity); }
std::ostream& operator<<(std::ostream& out, EdgeKind kind) { return out << to_string(kind); }
std::ostream& operator<<(std::ostream& out, const SourceLocation& location) { return out << to_string(location); }

}  // namespace routemap
