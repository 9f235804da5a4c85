// Scoring an assessment with any registered model (staged, continuous, coverage, plugins).

#include "common.hpp"
#include "scoring_common.hpp"

#include <cmath>
#include <sstream>

#include <routemap/error.hpp>
#include <routemap/scoring.hpp>

namespace routemap::python {

py::dict counts_dict(const StatusCounts& counts) {
    py::dict out;
    for (const auto s : all_statuses) out[py::str(std::string(to_string(s)))] = counts[s];
    return out;
}

namespace {

std::string number(double value) {
    std::ostringstream out;
    out.precision(3);
    out << value;
    return out.str();
}

ScoreResult score_with(const Registry& registry, const Framework& framework, const std::vector<Status>& statuses,
                       const std::string& model_name, const ModelParameters& overrides) {
    const auto& model = registry.model(model_name.empty() ? framework.scoring().default_model : model_name);
    return score_statuses(model, framework, statuses, resolve_parameters(model, framework, overrides));
}

}  // namespace

void bind_scoring(py::module_& m) {
    py::class_<ScoreNode>(m, "ScoreNode", "The score of one area, one domain, or the whole framework.")
        .def_readonly("id", &ScoreNode::id, "The area or domain id (the framework id for the overall node).")
        .def_readonly("name", &ScoreNode::name, "The display name.")
        .def_readonly("applicable", &ScoreNode::applicable,
                      "False when every criterion below is not applicable (then left out of its parent).")
        .def_property_readonly("level",
                               [](const ScoreNode& n) { return n.applicable ? std::optional(n.level) : std::nullopt; },
                               "The level reached (0 = below the first tier or band); None when not applicable.")
        .def_readonly("label", &ScoreNode::label, "The level's name ('Not yet' for 0, 'Not applicable').")
        .def_readonly("score", &ScoreNode::score, "The score on the model's scale, 0..max_score; NaN when not applicable.")
        .def_readonly("max_score", &ScoreNode::max_score, "The top of the model's scale.")
        .def_readonly("tier_scores", &ScoreNode::tier_scores, "Per tier, the model's completion (NaN when nothing applies).")
        .def_property_readonly("counts", [](const ScoreNode& n) { return counts_dict(n.counts); },
                               "How many criteria have each status (dict status -> count).")
        .def_property_readonly("counts_by_tier",
                               [](const ScoreNode& n) {
                                   py::list out;
                                   for (const auto& c : n.counts_by_tier) out.append(counts_dict(c));
                                   return out;
                               },
                               "Per tier (lowest first), the counts by status.")
        .def("__repr__", [](const ScoreNode& n) {
            if (!n.applicable) return "<ScoreNode " + n.id + " not applicable>";
            return "<ScoreNode " + n.id + " level " + std::to_string(n.level) + " (" + n.label + "), score " +
                   number(n.score) + "/" + number(n.max_score) + ">";
        });

    py::class_<Bound<ScoreResult>>(m, "ScoreResult",
                                   "A scored assessment: level, score and counts for every area, domain and the framework.")
        .def_readonly("model", &Bound<ScoreResult>::model, "The scoring model used.")
        .def_readonly("framework_id", &Bound<ScoreResult>::framework_id, "The framework's id.")
        .def_readonly("framework_version", &Bound<ScoreResult>::framework_version, "The framework's version.")
        .def_readonly("parameters", &Bound<ScoreResult>::parameters, "The model parameters used (dict).")
        .def_readonly("level_labels", &Bound<ScoreResult>::level_labels, "The name of each level, from level 0.")
        .def_property_readonly("max_level", [](const Bound<ScoreResult>& s) { return static_cast<int>(s.level_labels.size()) - 1; },
                               "The highest level this model gives.")
        .def_readonly("overall", &Bound<ScoreResult>::overall, "The framework's ScoreNode.")
        .def_readonly("domains", &Bound<ScoreResult>::domains, "A ScoreNode per domain, in framework order.")
        .def_readonly("areas", &Bound<ScoreResult>::areas, "A ScoreNode per area, in framework order.")
        .def_readonly("framework", &Bound<ScoreResult>::framework, "The Framework scored against.")
        .def("area", [](const Bound<ScoreResult>& s, std::string_view id) { return s.area(id); }, py::arg("id"),
             "The ScoreNode of an area; raises NotFoundError if there is none.")
        .def("domain", [](const Bound<ScoreResult>& s, std::string_view id) { return s.domain(id); }, py::arg("id"),
             "The ScoreNode of a domain; raises NotFoundError if there is none.")
        .def("__repr__", [](const Bound<ScoreResult>& s) {
            if (!s.overall.applicable) return "<ScoreResult " + s.framework_id + " (" + s.model + "): not applicable>";
            return "<ScoreResult " + s.framework_id + " (" + s.model + "): level " + std::to_string(s.overall.level) + " (" +
                   s.overall.label + "), score " + number(s.overall.score) + "/" + number(s.overall.max_score) + ">";
        });

    m.def("score",
          [](const Framework& framework, const BoundAssessment& assessment, const std::optional<std::string>& model,
             const std::optional<ModelParameters>& parameters, const std::shared_ptr<Registry>& registry) {
              return Bound<ScoreResult>(score(registry_or_default(registry), framework, assessment, model.value_or(""), parameters.value_or(ModelParameters{})), framework);
          },
          py::arg("framework"), py::arg("assessment"), py::arg("model") = py::none(), py::arg("parameters") = py::none(),
          py::arg("registry") = py::none(),
          R"doc(Score one assessment: a level and a score for every area, domain and the whole.

Parameters
----------
framework : Framework
    The framework the assessment is of.
assessment : Assessment
    Validated against the framework first.
model : str, optional
    A registered model: 'staged', 'continuous', 'coverage', or a plugin's (see models()).
    Default: the framework's own choice, else 'staged'.
parameters : mapping of str to float, optional
    Overrides of the model's parameters (see model_parameters()).
registry : Registry, optional
    Where models are looked up; default: registry().

Returns
-------
ScoreResult
    .overall, .domains and .areas (ScoreNode: level, label, score, applicable); .to_frame().

Raises
------
AssessmentError
    The assessment does not fit the framework (every mismatch listed).
NotFoundError
    No model of that name.

Examples
--------
>>> fw = routemap.load("newham-organisation")
>>> a = routemap.read_assessment("examples/newham-organisation-2026.toml", fw)
>>> routemap.score(fw, a).overall.label
'Not yet'
)doc");
    m.def("score_statuses",
          [](const Framework& framework, const std::vector<Status>& statuses, const std::optional<std::string>& model,
             const std::optional<ModelParameters>& parameters, const std::shared_ptr<Registry>& registry) {
              return Bound<ScoreResult>(score_with(registry_or_default(registry), framework, statuses, model.value_or(""), parameters.value_or(ModelParameters{})),
                                        framework);
          },
          py::arg("framework"), py::arg("statuses"), py::arg("model") = py::none(), py::arg("parameters") = py::none(),
          py::arg("registry") = py::none(),
          "Score one list of statuses (names or codes) given in framework order, without an Assessment.");
    m.def("model_parameters",
          [](const Framework& framework, const std::optional<std::string>& model, const std::optional<ModelParameters>& overrides,
             const std::shared_ptr<Registry>& registry) {
              const auto& r = registry_or_default(registry);
              const auto name = model.value_or("");
              return resolve_parameters(r.model(name.empty() ? framework.scoring().default_model : name), framework,
                                        overrides.value_or(ModelParameters{}));
          },
          py::arg("framework"), py::arg("model") = py::none(), py::arg("parameters") = py::none(),
          py::arg("registry") = py::none(),
          "The complete parameters a model would use: its defaults, then the framework file's, then `parameters`.");
}

}  // namespace routemap::python
