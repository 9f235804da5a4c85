#include <routemap/diagnostic.hpp>
#include <routemap/error.hpp>

#include <algorithm>

namespace routemap {

std::string to_string(const SourceLocation& location) {
    std::string out = location.file;
    if (location.known()) {
        if (!out.empty()) out += ':';
        out += std::to_string(location.line) + ':' + std::to_string(location.column);
    }
    return out;
}

std::string Diagnostic::to_string() const {
    std::string out = routemap::to_string(location);
    if (!out.empty()) out += ": ";
    out += severity == Severity::error ? "error: " : "warning: ";
    out += message;
    return out;
}

std::ostream& operator<<(std::ostream& out, const Diagnostic& diagnostic) {
    return out << diagnostic.to_string();
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

std::string summarise(const std::vector<Diagnostic>& diagnostics) {
    std::size_t errors = 0;
    const Diagnostic* first = nullptr;
    for (const auto& d : diagnostics) {
        if (d.severity != Severity::error) continue;
        if (!first) first = &d;
        ++errors;
    }
    if (!first && !diagnostics.empty()) first = &diagnostics.front();
    if (!first) return "unknown error";
    std::string message = first->to_string();
    if (errors > 1) message += " (and " + std::to_string(errors - 1) + " more errors)";
    return message;
}

const Diagnostic& empty_diagnostic() {
    static const Diagnostic empty;
    return empty;
}

}  // namespace

Error::Error(const std::string& message)
    : std::runtime_error(message), diagnostics_{Diagnostic{Severity::error, message, {}, {}, {}}} {}

Error::Error(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

Error::Error(const std::string& message, SourceLocation location)
    : Error(std::vector<Diagnostic>{Diagnostic{Severity::error, message, std::move(location), {}, {}}}) {}

const SourceLocation& Error::location() const noexcept {
    for (const auto& d : diagnostics_)
        if (d.severity == Severity::error) return d.location;
    return empty_diagnostic().location;
}

const std::string& Error::framework_id() const noexcept {
    for (const auto& d : diagnostics_)
        if (!d.framework_id.empty()) return d.framework_id;
    return empty_diagnostic().framework_id;
}

const std::string& Error::criterion_id() const noexcept {
    for (const auto& d : diagnostics_)
        if (d.severity == Severity::error && !d.criterion_id.empty()) return d.criterion_id;
    return empty_diagnostic().criterion_id;
}

}  // namespace routemap
