// Aggregating many assessments of one framework (an organisation's services, a network's members).

#include "common.hpp"

#include <sstream>

#include <routemap/aggregate.hpp>

namespace routemap::python {

void bind_aggregate(py::module_& m) {
    py::class_<Distribution>(m, "Distribution", "How levels and scores of one area, domain or the framework spread over many assessments.")
        .def_readonly("id", &Distribution::id, "The area or domain id (the framework id overall).")
        .def_readonly("name", &Distribution::name, "The display name.")
        .def_readonly("level_counts", &Distribution::level_counts, "How many assessments reached each level (index = level).")
        .def_readonly("count", &Distribution::count, "Assessments in which it was applicable.")
        .def_readonly("median_level", &Distribution::median_level, "Median level.")
        .def_readonly("mean_score", &Distribution::mean_score, "Mean score.")
        .def_readonly("median_score", &Distribution::median_score, "Median score.")
        .def_readonly("min_level", &Distribution::min_level, "Lowest level.")
        .def_readonly("max_level", &Distribution::max_level, "Highest level.")
        .def("__repr__", [](const Distribution& d) {
            return "<Distribution " + d.id + ": " + std::to_string(d.count) + " assessments, levels " +
                   std::to_string(d.min_level) + ".." + std::to_string(d.max_level) + ">";
        });

    py::class_<Aggregate>(m, "Aggregate", "Many assessments of one framework summarised per area, domain and overall.")
        .def_readonly("framework_id", &Aggregate::framework_id, "The framework's id.")
        .def_readonly("model", &Aggregate::model, "The scoring model used.")
        .def_readonly("level_labels", &Aggregate::level_labels, "The name of each level, from 0.")
        .def_readonly("subjects", &Aggregate::subjects, "The subjects, in the order given.")
        .def_readonly("overall", &Aggregate::overall, "The framework's Distribution.")
        .def_readonly("domains", &Aggregate::domains, "A Distribution per domain.")
        .def_readonly("areas", &Aggregate::areas, "A Distribution per area.")
        .def("__repr__", [](const Aggregate& a) {
            return "<Aggregate " + a.framework_id + " (" + a.model + "): " + std::to_string(a.subjects.size()) +
                   " assessments, median level " + [&] {
                       std::ostringstream out;
                       out << a.overall.median_level;
                       return out.str();
                   }() + ">";
        });

    m.def("aggregate",
          [](const Framework& framework, const std::vector<BoundAssessment>& assessments,
             const std::optional<std::string>& model, const std::shared_ptr<Registry>& registry) {
              const std::vector<Assessment> plain(assessments.begin(), assessments.end());
              return aggregate(registry_or_default(registry), framework, plain, model.value_or(""));
          },
          py::arg("framework"), py::arg("assessments"), py::arg("model") = py::none(), py::arg("registry") = py::none(),
          "Score many assessments of one framework and summarise: level distribution, median and mean per area, "
          "domain and overall. Every assessment is validated first (AssessmentError lists the problems).");
}

}  // namespace routemap::python
