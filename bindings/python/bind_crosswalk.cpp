// Crosswalks between frameworks, projections of an assessment through one, and roll-ups of many
// parts into a whole (docs/crosswalks.md).

#include "common.hpp"

#include <routemap/crosswalk.hpp>
#include <routemap/error.hpp>
#include <routemap/migration.hpp>
#include <routemap/rollup.hpp>

namespace routemap::python {

namespace {

Relationship relationship_named(const std::string& name) {
    if (const auto r = parse_relationship(name)) return *r;
    throw Error("unknown relationship '" + name + "': expected equal, subset, superset or intersects");
}

Framework framework_named(const py::object& value, const Registry& registry) {
    if (py::isinstance<Framework>(value)) return value.cast<Framework>();
    return registry.load(py::str(value).cast<std::string>());
}

Mapping find_mapping(const Registry& registry, const std::string& a, const std::string& b) {
    return MappingLibrary(registry.search_path()).get(a, b);
}

}  // namespace

void bind_crosswalk(py::module_& m) {
    py::class_<MappingLink>(m, "MappingLink", "One link of a crosswalk: a source item, a target item, their relationship and why.")
        .def_readonly("source", &MappingLink::from, "The item of the `from` framework (criterion, area or domain id).")
        .def_readonly("target", &MappingLink::to, "The item of the `to` framework.")
        .def_property_readonly("relationship", [](const MappingLink& l) { return std::string(to_string(l.relationship)); },
                               "'equal', 'subset', 'superset' or 'intersects' (source relative to target).")
        .def_readonly("rationale", &MappingLink::rationale, "Why the items are related.")
        .def_readonly("location", &MappingLink::location, "Where the link is written.")
        .def("__repr__", [](const MappingLink& l) {
            return "<MappingLink " + l.from + " " + std::string(to_string(l.relationship)) + " " + l.to + ">";
        });

    py::class_<Mapping>(m, "Mapping", "A crosswalk between two frameworks (a mappings/*.toml file).")
        .def_readonly("name", &Mapping::name, "The mapping's name.")
        .def_readonly("description", &Mapping::description, "What it covers.")
        .def_readonly("from_framework", &Mapping::from_framework, "The source framework's id.")
        .def_readonly("from_version", &Mapping::from_version, "The source framework's version ('' for any).")
        .def_readonly("to_framework", &Mapping::to_framework, "The target framework's id.")
        .def_readonly("to_version", &Mapping::to_version, "The target framework's version ('' for any).")
        .def_property_readonly("scope", [](const Mapping& mp) { return std::string(to_string(mp.scope)); },
                               "'same', 'part' (the source subject is a part of the target's) or 'whole'.")
        .def_readonly("links", &Mapping::links, "Every MappingLink, in file order.")
        .def_readonly("file", &Mapping::file, "The file it was read from.")
        .def("reversed", &Mapping::reversed, "The same links seen from the target to the source (subset and superset swap).")
        .def("__repr__", [](const Mapping& mp) {
            return "<Mapping " + mp.from_framework + " -> " + mp.to_framework + ": " + std::to_string(mp.links.size()) + " links>";
        });

    m.def("parse_mapping", &parse_mapping, py::arg("text"), py::arg("source_name") = "<string>",
          "Parse a mapping file's text; FrameworkError lists every problem with its position.");
    m.def("read_mapping", [](const std::filesystem::path& file) { return read_mapping(file); }, py::arg("file"),
          "Read a mapping file; FrameworkError lists every problem with its position.");
    m.def("check_mapping", &check_mapping, py::arg("mapping"), py::arg("source"), py::arg("target"),
          "Every problem of a mapping against its two frameworks (unknown ids with 'did you mean', versions, repeats).");
    m.def("mappings",
          [](const std::shared_ptr<Registry>& r) { return MappingLibrary(registry_or_default(r).search_path()).mappings(); },
          py::arg("registry") = py::none(), "Every mapping on the search path (<dir>/mappings/*.toml).");
    m.def("load_mapping",
          [](const std::string& a, const std::string& b, const std::shared_ptr<Registry>& r) {
              return find_mapping(registry_or_default(r), a, b);
          },
          py::arg("source"), py::arg("target"), py::arg("registry") = py::none(),
          "The mapping from framework `source` to `target` on the search path (a reverse one is read backwards); "
          "NotFoundError when there is none.");
    m.def("suggest_status",
          [](Status source, const std::string& relationship) -> std::optional<Status> {
              return suggest_status(source, relationship_named(relationship));
          },
          py::arg("status"), py::arg("relationship"),
          "What one link suggests for its target from its source's status (None: nothing); the rule table of "
          "docs/crosswalks.md.");

    py::class_<ProjectionSource>(m, "ProjectionSource", "One link's contribution to a projected criterion.")
        .def_readonly("item", &ProjectionSource::item, "The source item.")
        .def_readonly("status", &ProjectionSource::status, "Its status in the source assessment.")
        .def_property_readonly("relationship", [](const ProjectionSource& s) { return std::string(to_string(s.relationship)); },
                               "The link's relationship, source to target.")
        .def_readonly("via", &ProjectionSource::target_item, "The area or domain the link names, when it is not the criterion.")
        .def_readonly("suggests", &ProjectionSource::suggests, "What the link suggests (None: nothing).")
        .def_readonly("rationale", &ProjectionSource::rationale, "The link's rationale.");

    py::class_<ProjectedCriterion>(m, "ProjectedCriterion", "A criterion of the target framework as a projection suggests it.")
        .def_readonly("id", &ProjectedCriterion::id, "The target criterion's id.")
        .def_readonly("status", &ProjectedCriterion::status, "The suggested status ('unknown' when no link suggests one).")
        .def_readonly("review", &ProjectedCriterion::review, "Always True: a suggestion for a person to confirm.")
        .def_readonly("met_by_mapping", &ProjectedCriterion::met_by_mapping, "Met only because a mapping says so.")
        .def_readonly("capped", &ProjectedCriterion::capped, "Lowered to partial because the source is one part of the subject.")
        .def_readonly("sources", &ProjectedCriterion::sources, "Every ProjectionSource (provenance).");

    py::class_<Projection>(m, "Projection", "A draft assessment of another framework, projected through a crosswalk.")
        .def_readonly("from_framework", &Projection::from_framework, "The source framework.")
        .def_readonly("to_framework", &Projection::to_framework, "The target framework.")
        .def_readonly("mapping_file", &Projection::mapping_file, "The mapping used.")
        .def_property_readonly("draft", [](const Projection& p) { return BoundAssessment(p.draft); },
                               "The draft Assessment: evidence carries provenance, notes start with 'REVIEW:'.")
        .def_readonly("criteria", &Projection::criteria, "Every ProjectedCriterion a link reaches, in target order.")
        .def("count", &Projection::count, py::arg("status"), "How many criteria are suggested at a status.");

    m.def("project",
          [](const BoundAssessment& assessment, const py::object& to, const std::optional<Mapping>& mapping,
             const std::optional<Framework>& framework, const std::shared_ptr<Registry>& r) {
              const auto& registry = registry_or_default(r);
              const Framework from = framework ? *framework : assessment.framework ? *assessment.framework
                                                                                   : registry.get(assessment.framework_id);
              const auto target = framework_named(to, registry);
              const auto used = mapping ? *mapping : find_mapping(registry, from.id(), target.id());
              auto p = project(from, target, assessment, used);
              return p;
          },
          py::arg("assessment"), py::arg("to"), py::arg("mapping") = py::none(), py::arg("framework") = py::none(),
          py::arg("registry") = py::none(),
          "Draft an assessment of framework `to` (an id or a Framework) from `assessment` through the crosswalk between "
          "them (found on the search path unless given). Every suggestion carries provenance and a review flag; met is "
          "suggested only through equal or superset links and says 'MET BY MAPPING'.");

    py::class_<PartStatus>(m, "PartStatus", "One part's (service's) projected status for a rolled-up criterion.")
        .def_readonly("subject", &PartStatus::subject, "The part's subject.")
        .def_readonly("status", &PartStatus::status, "Its projected status.");
    py::class_<RolledCriterion>(m, "RolledCriterion", "A criterion of the whole, combined from its parts.")
        .def_readonly("id", &RolledCriterion::id, "The criterion's id.")
        .def_readonly("status", &RolledCriterion::status, "The combined status (a suggestion to review).")
        .def_readonly("parts", &RolledCriterion::parts, "Each part's PartStatus.")
        .def_readonly("held_down_by", &RolledCriterion::held_down_by, "The parts at the lowest status, when below met.");
    py::class_<RolledNode>(m, "RolledNode", "A domain or area of the rolled-up view.")
        .def_readonly("id", &RolledNode::id, "The domain or area id.")
        .def_readonly("name", &RolledNode::name, "Its name.")
        .def_readonly("level", &RolledNode::level, "The rolled-up level.")
        .def_readonly("part_levels", &RolledNode::part_levels, "Each part's projected level, as (subject, level) pairs.")
        .def_readonly("held_down_by", &RolledNode::held_down_by, "The parts at the lowest level, when below the top.");
    py::class_<Bound<Rollup>>(m, "Rollup", "A view of the whole (an organisation) rolled up from its parts (services).")
        .def_readonly("framework_id", &Rollup::framework_id, "The whole's framework.")
        .def_readonly("from_framework", &Rollup::from_framework, "The parts' framework.")
        .def_readonly("mapping_file", &Rollup::mapping_file, "The mapping used.")
        .def_property_readonly("rule", [](const Bound<Rollup>& r) { return std::string(to_string(r.options.rule)); },
                               "'weakest', 'median' or 'share'.")
        .def_property_readonly("share", [](const Bound<Rollup>& r) { return r.options.share; }, "The share used by the share rule.")
        .def_readonly("parts", &Rollup::parts, "The parts' subjects.")
        .def_readonly("files", &Rollup::files, "The parts' files.")
        .def_property_readonly("draft", [](const Bound<Rollup>& r) { return BoundAssessment(r.draft, r.framework); },
                               "The rolled-up Assessment (every record flagged 'REVIEW:').")
        .def_property_readonly("score", [](const Bound<Rollup>& r) { return Bound<ScoreResult>(r.score, r.framework); },
                               "The ScoreResult of the draft.")
        .def_readonly("criteria", &Rollup::criteria, "Every RolledCriterion, in framework order.")
        .def_readonly("domains", &Rollup::domains, "A RolledNode per domain.")
        .def_readonly("areas", &Rollup::areas, "A RolledNode per area.")
        .def("to_html", [](const Bound<Rollup>& r) { return rollup_report_html(r, r.framework); },
             "A self-contained HTML page of the roll-up.");

    // Framework versions (docs/versions.md): kept here beside the other cross-framework moves.
    py::class_<MigrationStep>(m, "MigrationStep", "One change of a framework applied to an assessment's records.")
        .def_readonly("kind", &MigrationStep::kind, "renamed, moved, split, merged, removed, tier_renamed or kept_aside.")
        .def_readonly("source", &MigrationStep::from, "The ids in the earlier version.")
        .def_readonly("target", &MigrationStep::to, "The ids in the current version.")
        .def_readonly("detail", &MigrationStep::detail, "What happened to this assessment's records.");
    py::class_<Bound<Migration>>(m, "Migration", "An assessment of an earlier framework version, moved to the current one.")
        .def_readonly("framework_id", &Migration::framework_id, "The framework.")
        .def_readonly("from_version", &Migration::from_version, "The assessment's version.")
        .def_readonly("to_version", &Migration::to_version, "The framework's version.")
        .def_property_readonly("migrated", [](const Bound<Migration>& mg) { return BoundAssessment(mg.migrated, mg.framework); },
                               "The Assessment in the current version (split and merged records say REVIEW:).")
        .def_readonly("log", &Migration::log, "Every MigrationStep, in order.")
        .def_readonly("removed", &Migration::removed, "Records of criteria the current version no longer has, by old id.")
        .def("differences", &Migration::differences, "What differs, one line per change.")
        .def("to_toml", [](const Bound<Migration>& mg) { return format_migration_record(mg); },
             "The side file routemap migrate writes: versions, log and removed records (TOML).");
    m.def("migrate",
          [](const BoundAssessment& assessment, const std::optional<Framework>& framework, const std::shared_ptr<Registry>& r) {
              const Framework f = framework ? *framework : registry_or_default(r).get(assessment.framework_id);
              return Bound<Migration>(migrate(f, assessment), f);
          },
          py::arg("assessment"), py::arg("framework") = py::none(), py::arg("registry") = py::none(),
          "Migrate an assessment of an earlier version of a framework to the framework's version, applying its "
          "[[changes]]; nothing is lost (removed records are in .removed). AssessmentError when it cannot.");

    m.def("_rollup",
          [](const std::vector<BoundAssessment>& parts, const py::object& to, const Mapping& mapping, const std::string& rule,
             double share, const std::optional<std::string>& model, const std::shared_ptr<Registry>& r) {
              const auto& registry = registry_or_default(r);
              const auto target = framework_named(to, registry);
              std::vector<const Assessment*> pointers;
              for (const auto& p : parts) pointers.push_back(&p);
              RollupOptions options{rollup_rule_from_name(rule), share, model.value_or("")};
              return Bound<Rollup>(rollup(registry, target, pointers, mapping, options), target);
          },
          py::arg("parts"), py::arg("to"), py::arg("mapping"), py::arg("rule") = "weakest", py::arg("share") = 0.75,
          py::arg("model") = py::none(), py::arg("registry") = py::none(), "The compiled half of routemap.rollup.");
}

}  // namespace routemap::python
