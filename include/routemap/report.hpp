#pragma once
// Report writers turn an assessment and its analysis into a document (HTML built in; plugins may add).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <routemap/framework_spec.hpp>
#include <routemap/target.hpp>

namespace routemap {

class Assessment;
class Framework;
class Registry;
struct Panel;

struct ReportRequest {
    const Framework* framework = nullptr;
    const Assessment* assessment = nullptr;
    const Assessment* previous = nullptr;  // optional, for the comparison section
    // Optional: earlier assessments of the same subject and framework, any order, for the trend on the
    // first page (the current one is added). `previous`, when set, need not be repeated here.
    std::vector<const Assessment*> history;
    const Registry* registry = nullptr;
    std::string model;   // empty: the framework's default
    Target target;       // default: the highest tier everywhere
    const Panel* panel = nullptr;  // optional: several raters (panel.hpp), for "Where assessors disagree"
};

class ReportWriter {
public:
    virtual ~ReportWriter() = default;
    [[nodiscard]] virtual std::string format() const = 0;  // e.g. "html"
    [[nodiscard]] virtual std::string description() const = 0;
    [[nodiscard]] virtual std::string render(const ReportRequest& request) const = 0;
};

std::vector<std::shared_ptr<const ReportWriter>> builtin_report_writers();

}  // namespace routemap
