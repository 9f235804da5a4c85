// Reports: an assessment and its analysis rendered by a registered report writer (HTML built in).

#include "common.hpp"

#include <routemap/report.hpp>

namespace routemap::python {

void bind_report(py::module_& m) {
    m.def("report",
          [](const Framework& framework, const BoundAssessment& assessment, const std::string& format,
             const std::optional<BoundAssessment>& previous, const std::optional<Target>& target,
             const std::optional<std::string>& model, const std::shared_ptr<Registry>& registry) {
              const auto& r = registry_or_default(registry);
              ReportRequest request;
              request.framework = &framework;
              request.assessment = &assessment;
              request.previous = previous ? &*previous : nullptr;
              request.registry = &r;
              request.model = model.value_or("");
              request.target = target.value_or(Target{});
              return r.report_writer(format).render(request);
          },
          py::arg("framework"), py::arg("assessment"), py::arg("format") = "html", py::arg("previous") = py::none(),
          py::arg("target") = py::none(), py::arg("model") = py::none(), py::arg("registry") = py::none(),
          "Render a report (default: the self-contained HTML report) of an assessment, with a comparison section "
          "when `previous` is given. Raises NotFoundError for an unknown format.");
}

}  // namespace routemap::python
