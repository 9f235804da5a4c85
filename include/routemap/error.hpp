#pragma once
// One exception hierarchy for the whole library, its plugins and the Python module.
// Default visibility so that a type thrown in a plugin is caught by its base in the library
// (see pybind11 issue 1272 on hidden exception types).

#include <stdexcept>
#include <string>
#include <vector>

#include <routemap/diagnostic.hpp>

#define ROUTEMAP_EXPORT __attribute__((visibility("default")))

namespace routemap {

class ROUTEMAP_EXPORT Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
    explicit Error(std::vector<Diagnostic> diagnostics);
    Error(const std::string& message, SourceLocation location);

    // Every problem found; the message is the first error, and how many more there are.
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }
    [[nodiscard]] const SourceLocation& location() const noexcept;
    [[nodiscard]] const std::string& framework_id() const noexcept;
    [[nodiscard]] const std::string& criterion_id() const noexcept;

private:
    std::vector<Diagnostic> diagnostics_;
};

// A framework file or specification is invalid (TOML syntax, schema, ids, dependency cycle).
class ROUTEMAP_EXPORT FrameworkError : public Error { using Error::Error; };
// An assessment or target file does not fit its framework, or cannot be read.
class ROUTEMAP_EXPORT AssessmentError : public Error { using Error::Error; };
// A target (tier for everything, or per domain / area) names something unknown.
class ROUTEMAP_EXPORT TargetError : public Error { using Error::Error; };
// Lookup by id failed: unknown framework, criterion, scoring model, report format.
class ROUTEMAP_EXPORT NotFoundError : public Error { using Error::Error; };
// A compiled plugin was refused or failed while registering.
class ROUTEMAP_EXPORT PluginError : public Error { using Error::Error; };
// A file could not be opened, read or written.
class ROUTEMAP_EXPORT IoError : public Error { using Error::Error; };

}  // namespace routemap
