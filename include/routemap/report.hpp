#pragma once
// Report writers turn an assessment and its analysis into a document (HTML built in; plugins may add).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
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

// The assessment the progress appendix compares with when none is named: the latest of `history`
// dated on or before `date` (any of them when `date` is empty), else the latest of all; nullptr for
// an empty history (when every one is dated after `date`, the CLI has warned, and a single
// --previous always meant that one). Dates are ISO (YYYY-MM-DD), so text order is date order. The CLI and Python use
// it so that `report --previous DIR` and `routemap.report(history=...)` choose alike.
[[nodiscard]] const Assessment* latest_earlier(const std::vector<const Assessment*>& history, std::string_view date);

class ReportWriter {
public:
    virtual ~ReportWriter() = default;
    [[nodiscard]] virtual std::string format() const = 0;  // e.g. "html"
    [[nodiscard]] virtual std::string description() const = 0;
    [[nodiscard]] virtual std::string render(const ReportRequest& request) const = 0;
};

std::vector<std::shared_ptr<const ReportWriter>> builtin_report_writers();

}  // namespace routemap
