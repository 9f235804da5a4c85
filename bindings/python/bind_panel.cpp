// Several assessors: the panel (consensus, disagreement, levels per rater) and agreement statistics
// (Krippendorff's alpha with a bootstrap interval). docs/panels.md; routemap.panel() wraps these.

#include "common.hpp"

#include <routemap/panel.hpp>
#include <routemap/report.hpp>

namespace routemap::python {

namespace {

NotApplicableRatings not_applicable_named(const std::string& name) {
    if (name == "missing") return NotApplicableRatings::missing;
    if (name == "category") return NotApplicableRatings::category;
    throw py::value_error("not_applicable must be 'missing' or 'category', not '" + name + "'");
}

std::string not_applicable_name(NotApplicableRatings n) { return n == NotApplicableRatings::category ? "category" : "missing"; }

BootstrapOptions bootstrap(std::size_t resamples, std::uint64_t seed, double level) {
    BootstrapOptions out;
    out.resamples = resamples;
    out.seed = seed;
    out.level = level;
    return out;
}

using BoundPanel = Bound<Panel>;

}  // namespace

void bind_panel(py::module_& m) {
    const auto default_seed = BootstrapOptions{}.seed;
    py::class_<AlphaEstimate>(m, "AlphaEstimate", "Krippendorff's alpha with its bootstrap interval.")
        .def_property_readonly("metric", [](const AlphaEstimate& a) { return std::string(to_string(a.metric)); },
                               "'nominal', 'ordinal' or 'interval'.")
        .def_readonly("alpha", &AlphaEstimate::alpha, "Krippendorff's alpha (NaN when undefined).")
        .def_readonly("low", &AlphaEstimate::low, "Lower end of the bootstrap interval (NaN without resamples).")
        .def_readonly("high", &AlphaEstimate::high, "Upper end of the bootstrap interval (NaN without resamples).")
        .def_readonly("level", &AlphaEstimate::level, "The interval's level (0.95).")
        .def_readonly("resamples", &AlphaEstimate::resamples, "Bootstrap resamples asked for.")
        .def_readonly("valid_resamples", &AlphaEstimate::valid_resamples, "Resamples whose alpha was defined.")
        .def_readonly("units", &AlphaEstimate::units, "Units (criteria).")
        .def_readonly("pairable_units", &AlphaEstimate::pairable_units, "Units with at least two ratings.")
        .def_readonly("pairable_values", &AlphaEstimate::pairable_values, "Ratings in pairable units (n).")
        .def_readonly("percent_agreement", &AlphaEstimate::percent_agreement,
                      "Mean share of equal pairs of ratings over pairable units.")
        .def_property_readonly("interval", [](const AlphaEstimate& a) { return py::make_tuple(a.low, a.high); },
                               "The bootstrap interval as a tuple (low, high).")
        .def("__float__", [](const AlphaEstimate& a) { return a.alpha; })
        .def("__repr__", [](const AlphaEstimate& a) {
            return "<AlphaEstimate " + std::string(to_string(a.metric)) + " " + std::to_string(a.alpha) + " [" +
                   std::to_string(a.low) + ", " + std::to_string(a.high) + "]>";
        });

    py::class_<Rater>(m, "Rater", "One rater of a panel.")
        .def_readonly("name", &Rater::name, "The file's assessors joined with ' & ', else the file's name.")
        .def_readonly("file", &Rater::file, "The file the rating was read from.")
        .def_readonly("assessors", &Rater::assessors, "The file's assessors.")
        .def("__repr__", [](const Rater& r) { return "<Rater '" + r.name + "'>"; });

    py::class_<CriterionVotes>(m, "CriterionVotes", "One criterion as the panel saw it.")
        .def_readonly("id", &CriterionVotes::id, "The criterion id.")
        .def_readonly("votes", &CriterionVotes::votes, "One status per rater, rater order.")
        .def_readonly("consensus", &CriterionVotes::consensus, "The consensus status by the panel's rule.")
        .def_readonly("disputed", &CriterionVotes::disputed, "True when raters who answered gave different statuses.")
        .def_readonly("spread", &CriterionVotes::spread, "Highest minus lowest ordinal code among rated votes (0..2).")
        .def_readonly("differs", &CriterionVotes::differs, "Indices of the raters whose known vote differs from the consensus.")
        .def("__repr__", [](const CriterionVotes& c) {
            return "<CriterionVotes " + c.id + ": " + std::string(to_string(c.consensus)) + (c.disputed ? ", disputed>" : ">");
        });

    py::class_<NodeDisagreement>(m, "NodeDisagreement", "Disagreement in one area, domain, or overall.")
        .def_readonly("id", &NodeDisagreement::id, "The area or domain id (the framework id overall).")
        .def_readonly("name", &NodeDisagreement::name, "The display name.")
        .def_readonly("criteria", &NodeDisagreement::criteria, "Criteria in it.")
        .def_readonly("compared", &NodeDisagreement::compared, "Criteria with at least two known votes.")
        .def_readonly("disputed", &NodeDisagreement::disputed, "Disputed criteria.")
        .def_readonly("spread_two", &NodeDisagreement::spread_two, "Disputed with met against not met.")
        .def_readonly("max_spread", &NodeDisagreement::max_spread, "Largest spread.");

    py::class_<DomainAgreement>(m, "DomainAgreement", "Alpha within one domain.")
        .def_readonly("id", &DomainAgreement::id, "The domain id.")
        .def_readonly("name", &DomainAgreement::name, "The domain's name.")
        .def_readonly("ordinal", &DomainAgreement::ordinal, "Ordinal alpha over the domain's criteria (AlphaEstimate).")
        .def_readonly("nominal", &DomainAgreement::nominal, "Nominal alpha over the domain's criteria (AlphaEstimate).");

    py::class_<PanelAgreement>(m, "PanelAgreement", "Alpha (ordinal and nominal) overall and per domain.")
        .def_readonly("ordinal", &PanelAgreement::ordinal, "Ordinal alpha over every criterion (not applicable missing).")
        .def_readonly("nominal", &PanelAgreement::nominal, "Nominal alpha over every criterion.")
        .def_readonly("domains", &PanelAgreement::domains, "A DomainAgreement per domain, framework order.")
        .def_property_readonly("not_applicable", [](const PanelAgreement& a) { return not_applicable_name(a.not_applicable); },
                               "How not applicable entered the nominal alpha: 'missing' or 'category'.");

    py::class_<BoundPanel>(m, "Panel", "Several raters' assessments of one subject: consensus, disagreement, agreement.")
        .def_readonly("framework_id", &Panel::framework_id, "The framework's id.")
        .def_readonly("framework_version", &Panel::framework_version, "The framework's version.")
        .def_readonly("subject", &Panel::subject, "The subject every rater assessed.")
        .def_readonly("date", &Panel::date, "The date of the ratings.")
        .def_property_readonly("rule", [](const BoundPanel& p) { return std::string(to_string(p.rule)); },
                               "The consensus rule: 'median', 'lowest' or 'majority'.")
        .def_readonly("model", &Panel::model, "The scoring model of the levels.")
        .def_readonly("framework", &BoundPanel::framework, "The Framework.")
        .def_readonly("raters", &Panel::raters, "A Rater per rating, in the order given.")
        .def_readonly("criteria", &Panel::criteria, "A CriterionVotes per criterion, framework order.")
        .def_readonly("overall", &Panel::overall, "Disagreement over every criterion (NodeDisagreement).")
        .def_readonly("domains", &Panel::domains, "Disagreement per domain (NodeDisagreement), framework order.")
        .def_readonly("areas", &Panel::areas, "Disagreement per area (NodeDisagreement), framework order.")
        .def_property_readonly("consensus", [](const BoundPanel& p) { return BoundAssessment(p.consensus, p.framework); },
                               "The consensus Assessment; each record's note says who said what.")
        .def_property_readonly("consensus_score",
                               [](const BoundPanel& p) { return Bound<ScoreResult>(p.consensus_score, p.framework); },
                               "The consensus's ScoreResult.")
        .def_property_readonly("rater_scores",
                               [](const BoundPanel& p) {
                                   std::vector<Bound<ScoreResult>> out;
                                   for (const auto& s : p.rater_scores) out.emplace_back(s, p.framework);
                                   return out;
                               },
                               "The ScoreResult of each rater alone (the level each would give), rater order.")
        .def_readonly("agreement", &Panel::agreement, "Alpha with the bootstrap options given to panel().")
        .def_property_readonly("disputed", [](const BoundPanel& p) { return p.disputed(); },
                               "The disputed criteria (CriterionVotes), framework order.")
        .def("criterion", [](const BoundPanel& p, const std::string& id) { return p.criterion(id); }, py::arg("id"),
             "The CriterionVotes of one criterion (NotFoundError when unknown).")
        .def("reliability_data",
             [](const BoundPanel& p, const std::string& not_applicable, const std::optional<std::string>& domain) {
                 return reliability_data(p, not_applicable_named(not_applicable), domain.value_or(""));
             },
             py::arg("not_applicable") = "missing", py::arg("domain") = py::none(),
             "Rows = raters, columns = criteria; codes 1 not met, 2 partial, 3 met; NaN missing (unknown, and not "
             "applicable unless not_applicable='category', then 4).")
        .def("alpha",
             [](const BoundPanel& p, const std::string& metric, const std::optional<std::string>& domain,
                const std::string& not_applicable, std::size_t resamples, std::uint64_t seed, double level) {
                 const auto m = alpha_metric_from_name(metric);
                 const auto na = m == AlphaMetric::nominal ? not_applicable_named(not_applicable) : NotApplicableRatings::missing;
                 return estimate_alpha(reliability_data(p, na, domain.value_or("")), m, bootstrap(resamples, seed, level));
             },
             py::arg("metric") = "ordinal", py::arg("domain") = py::none(), py::arg("not_applicable") = "missing",
             py::arg("resamples") = 1000, py::arg("seed") = default_seed, py::arg("level") = 0.95,
             "Krippendorff's alpha over criteria (of one domain, or all), with a bootstrap interval.")
        .def("__repr__", [](const BoundPanel& p) {
            return "<Panel " + p.framework_id + " '" + p.subject + "' " + p.date + ": " + std::to_string(p.raters.size()) +
                   " raters, " + std::to_string(p.overall.disputed) + " disputed, alpha " + std::to_string(p.agreement.ordinal.alpha) + ">";
        });

    m.def("make_panel",
          [](const Framework& framework, const std::vector<BoundAssessment>& ratings, const std::string& rule,
             const std::optional<std::string>& model, std::size_t resamples, std::uint64_t seed, double level,
             const std::string& not_applicable, const std::shared_ptr<Registry>& registry) {
              PanelOptions options;
              options.rule = consensus_rule_from_name(rule);
              options.model = model.value_or("");
              options.bootstrap = bootstrap(resamples, seed, level);
              options.not_applicable = not_applicable_named(not_applicable);
              std::vector<Assessment> plain(ratings.begin(), ratings.end());
              return BoundPanel(make_panel(registry_or_default(registry), framework, plain, options), framework);
          },
          py::arg("framework"), py::arg("ratings"), py::arg("rule") = "median", py::arg("model") = py::none(),
          py::arg("resamples") = 1000, py::arg("seed") = default_seed, py::arg("level") = 0.95,
          py::arg("not_applicable") = "missing", py::arg("registry") = py::none(),
          "The panel of several assessments of one subject, date and framework (use routemap.panel()).");
    m.def("panel_report",
          [](const BoundPanel& p, const std::optional<Target>& target, const std::shared_ptr<Registry>& registry) {
              const auto& r = registry_or_default(registry);
              ReportRequest request;
              request.framework = &p.framework;
              request.assessment = &p.consensus;
              request.registry = &r;
              request.model = p.model;
              request.target = target.value_or(Target{});
              request.panel = &p;
              return r.report_writer("html").render(request);
          },
          py::arg("panel"), py::arg("target") = py::none(), py::arg("registry") = py::none(),
          "The HTML report of a panel's consensus with the section 'Where assessors disagree' (Panel.report()).");
    m.def("read_panel_file",
          [](const std::filesystem::path& file) {
              std::vector<BoundAssessment> out;
              for (auto& a : read_panel_file(file)) out.emplace_back(std::move(a));
              return out;
          },
          py::arg("file"),
          "The ratings of a panel file (each rater's status per criterion in one file), one Assessment per rater. "
          "Raises AssessmentError listing every problem.");
    m.def("is_panel_file", &is_panel_file, py::arg("file"),
          "True for a .toml file with a [panel] table (several raters in one file), False for an assessment.");
    m.def("consensus_status",
          [](const std::vector<Status>& votes, const std::string& rule) { return consensus_status(votes, consensus_rule_from_name(rule)); },
          py::arg("votes"), py::arg("rule") = "median",
          "The consensus of one criterion's statuses by a rule.");
    m.def("krippendorff_alpha",
          [](const ReliabilityData& data, const std::string& metric) { return krippendorff_alpha(data, alpha_metric_from_name(metric)); },
          py::arg("data"), py::arg("metric") = "ordinal",
          "Krippendorff's alpha of reliability data (rows = raters, columns = units, NaN = missing); NaN when undefined.");
    m.def("estimate_alpha",
          [](const ReliabilityData& data, const std::string& metric, std::size_t resamples, std::uint64_t seed, double level) {
              return estimate_alpha(data, alpha_metric_from_name(metric), bootstrap(resamples, seed, level));
          },
          py::arg("data"), py::arg("metric") = "ordinal", py::arg("resamples") = 1000, py::arg("seed") = default_seed,
          py::arg("level") = 0.95, "Alpha with a seeded bootstrap interval over units.");
    m.def("percent_agreement", &percent_agreement, py::arg("data"),
          "Mean share of equal pairs of ratings over units with at least two ratings.");
}

}  // namespace routemap::python
