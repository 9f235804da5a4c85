// The self-assessment form: one self-contained HTML page generated from a framework (docs/form.md).

#include "common.hpp"

#include <routemap/form.hpp>

namespace routemap::python {

void bind_form(py::module_& m) {
    m.def("form",
          [](const Framework& framework, const std::optional<BoundAssessment>& assessment, const std::string& instance_id) {
              FormOptions options;
              options.prefill = assessment ? &*assessment : nullptr;
              options.instance_id = instance_id;
              return render_form(framework, options);
          },
          py::arg("framework"), py::arg("assessment") = py::none(), py::arg("instance_id") = "",
          "The self-assessment form for a framework: one self-contained HTML page (no network) in which a person "
          "fills in an assessment and saves it as a TOML or JSON file. `assessment` pre-fills it (AssessmentError "
          "when it does not fit the framework); `instance_id` names the draft the page keeps in the browser "
          "(default: a new random id).");
}

}  // namespace routemap::python
