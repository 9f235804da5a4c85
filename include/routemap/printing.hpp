#pragma once
// Printing the public enums: `std::cout << status` writes the same word the file formats use
// ("not_applicable", "newly_met", "csv", "error", "explicit_requires"), so that logs, tests and
// tools read the same vocabulary as the files. Where the standard library has <format> (GCC 13,
// Clang 17 and later), std::format("{}", status) does too; GCC 12 has no <format>, so there the
// stream operators are the way. (Diagnostic has its operator<< in diagnostic.hpp.)

#include <iosfwd>
#include <string_view>

#include <routemap/assessment_io.hpp>
#include <routemap/compare.hpp>
#include <routemap/dependency_graph.hpp>
#include <routemap/diagnostic.hpp>
#include <routemap/status.hpp>

#if __has_include(<format>)
#include <format>
#endif

namespace routemap {

std::string_view to_string(Severity severity) noexcept;
std::string_view to_string(EdgeKind kind) noexcept;

std::ostream& operator<<(std::ostream& out, Status status);
std::ostream& operator<<(std::ostream& out, Exclusion reason);
std::ostream& operator<<(std::ostream& out, ChangeKind kind);
std::ostream& operator<<(std::ostream& out, AssessmentFormat format);
std::ostream& operator<<(std::ostream& out, Severity severity);
std::ostream& operator<<(std::ostream& out, EdgeKind kind);
std::ostream& operator<<(std::ostream& out, const SourceLocation& location);

}  // namespace routemap

#if defined(__cpp_lib_format) && __cpp_lib_format >= 201907L
namespace routemap::detail {
// The enums whose to_string() gives their word.
template <class T>
concept PrintableEnum = requires(T value) {
    { ::routemap::to_string(value) } -> std::convertible_to<std::string_view>;
} && std::is_enum_v<T>;
}  // namespace routemap::detail

template <routemap::detail::PrintableEnum T>
struct std::formatter<T, char> : std::formatter<std::string_view, char> {
    auto format(T value, std::format_context& context) const {
        return std::formatter<std::string_view, char>::format(::routemap::to_string(value), context);
    }
};
#endif
