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
              // Without `previous`, the progress appendix compares with the latest of the history before this one.
              request.previous = previous ? &*previous : nullptr;
              if (!previous) {
                  for (const auto& earlier : history)
                      if ((assessment.date.empty() || earlier.date <= assessment.date) &&
                          (!request.previous || earlier.date >= request.previous->date))
                          request.previous = &earlier;
                  if (!request.previous)
                      for (const auto& earlier : history)
                          if (!request.previous || earlier.date >= request.previous->date) request.previous = &earlier;
              }
              return r.report_writer(format).render(request);
          },
          py::arg("framework"), py::arg("assessment"), py::arg("format") = "html", py::arg("previous") = py::none(),
          py::arg("target") = py::none(), py::arg("model") = py::none(), py::arg("registry") = py::none(),
          py::arg("history") = std::vector<BoundAssessment>{},
          "Render a report (default: the self-contained HTML report) of an assessment. Its first page is for a "
          "board (level, share of the way to the target, why, trend, domains against the target, top priorities "
          "with owners); appendices follow. `history`: earlier assessments of the same subject, any order, for the "
          "trend; `previous` (default: the latest of them dated on or before this one) for the progress appendix. Raises "
          "NotFoundError for an unknown format, AssessmentError for history of another framework.");
}

}  // namespace routemap::python
