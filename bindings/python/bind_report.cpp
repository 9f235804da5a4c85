// Reports: an assessment and its analysis rendered by a registered report writer (HTML built in).

#include "common.hpp"

#include <routemap/report.hpp>

namespace routemap::python {

void bind_report(py::module_& m) {
    m.def("report",
          [](const Framework& framework, const BoundAssessment& assessment, const std::string& format,
             const std::optional<BoundAssessment>& previous, const std::optional<Target>& target,
             const std::optional<std::string>& model, const std::shared_ptr<Registry>& registry,
             const std::vector<BoundAssessment>& history) {
              const auto& r = registry_or_default(registry);
              ReportRequest request;
              request.framework = &framework;
              request.assessment = &assessment;
              request.registry = &r;
              request.model = model.value_or("");
              request.target = target.value_or(Target{}).normalised(framework);
              for (const auto& earlier : history) request.history.push_back(&earlier);
              request.previous = previous ? &*previous : latest_earlier(request.history, assessment.date);
              return r.report_writer(format).render(request);
          },
          py::arg("framework"), py::arg("assessment"), py::arg("format") = "html", py::arg("previous") = py::none(),
          py::arg("target") = py::none(), py::arg("model") = py::none(), py::arg("registry") = py::none(),
          py::arg("history") = std::vector<BoundAssessment>{},
          R"doc(A report of one assessment, by default the self-contained HTML report a board reads.

Its first page is for the board: the level, the share of the way to the target, why the level is
what it is, the trend, the domains against the target and the top priorities with their owners.
Appendices follow (docs/report.md).

Parameters
----------
framework : Framework
assessment : Assessment
format : str, default 'html'
    'html', 'markdown' or 'text'.
previous : Assessment, optional
    For the progress appendix; default: the latest of `history` dated on or before this one.
target : Target or str, optional
    As for gap(); default: the highest tier.
model : str, optional
    As for score().
registry : Registry, optional
history : list of Assessment
    Earlier assessments of the same subject, in any order, for the trend.

Returns
-------
str
    The report; write it to a file yourself (Path(...).write_text(report, encoding="utf-8")).

Raises
------
NotFoundError
    An unknown format.
AssessmentError
    An assessment of another framework in `history`, or one that does not fit.
)doc");
}

}  // namespace routemap::python
