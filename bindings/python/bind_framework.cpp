// Frameworks and their parts (tiers, domains, areas, criteria, actions), and loading them from TOML.

#include "common.hpp"
#include "views.hpp"

#include <routemap/dependency_graph.hpp>
#include <routemap/error.hpp>
#include <routemap/framework_loader.hpp>

namespace routemap::python {

namespace {

std::string shorten(const std::string& text, std::size_t limit = 60) {
    return text.size() <= limit ? text : text.substr(0, limit - 3) + "...";
}

std::vector<TierRef> tiers_of(const Framework& f) {
    std::vector<TierRef> out;
    for (const auto& t : f.tiers()) out.push_back(tier_ref(f, t.index));
    return out;
}
std::vector<DomainRef> domains_of(const Framework& f) {
    std::vector<DomainRef> out;
    for (const auto& d : f.domains()) out.push_back(domain_ref(f, d.index));
    return out;
}
std::vector<AreaRef> areas_in(const Framework& f, std::span<const Area> areas) {
    std::vector<AreaRef> out;
    for (const auto& a : areas) out.push_back(area_ref(f, a.index));
    return out;
}
std::vector<CriterionRef> criteria_in(const Framework& f, std::span<const Criterion> criteria) {
    std::vector<CriterionRef> out;
    for (const auto& c : criteria) out.push_back(criterion_ref(f, c.index));
    return out;
}
std::vector<std::string> ids_of(const Framework& f, const std::vector<std::size_t>& indices) {
    std::vector<std::string> out;
    for (const auto i : indices) out.push_back(f.criteria()[i].id);
    return out;
}

template <class Ref>
std::size_t hash_of(const Ref& r) {
    return std::hash<std::string>{}(r.framework.id()) ^ (r.index * 1000003u);
}

}  // namespace

void bind_framework(py::module_& m) {
    py::class_<Action>(m, "Action", "One bullet of a domain's route-map guidance; actions nest.")
        .def_readonly("text", &Action::text, "The guidance text.")
        .def_readonly("children", &Action::children, "Nested actions (a list of Action).")
        .def_readonly("location", &Action::location, "Where the action is in the framework file.")
        .def("__repr__", [](const Action& a) {
            return "<Action '" + shorten(a.text) + "'" +
                   (a.children.empty() ? "" : " +" + std::to_string(a.children.size()) + " nested") + ">";
        });

    py::class_<TierRef>(m, "Tier", "An ordered tier of a framework (fundamental < intermediate < advanced).")
        .def_property_readonly("id", [](const TierRef& t) { return t.get().id; }, "The tier id, e.g. 'fundamental'.")
        .def_property_readonly("name", [](const TierRef& t) { return t.get().name; }, "The display name.")
        .def_property_readonly("description", [](const TierRef& t) { return t.get().description; }, "What the tier means.")
        .def_property_readonly("index", [](const TierRef& t) { return t.index; }, "0 for the lowest tier.")
        .def_property_readonly("level", [](const TierRef& t) { return t.index + 1; },
                               "The level reached when this tier is complete (index + 1).")
        .def_property_readonly("location", [](const TierRef& t) { return t.get().location; }, "Where it is defined.")
        .def_property_readonly("framework", [](const TierRef& t) { return t.framework; }, "The framework it belongs to.")
        .def("__eq__", [](const TierRef& a, const TierRef& b) { return a == b; })
        .def("__hash__", &hash_of<TierRef>)
        .def("__repr__", [](const TierRef& t) { return "<Tier " + t.get().id + " (level " + std::to_string(t.index + 1) + ")>"; });

    py::class_<DomainRef>(m, "Domain", "A domain of a framework (a route-map step): actions and ordered areas.")
        .def_property_readonly("id", [](const DomainRef& d) { return d.get().id; }, "The domain id.")
        .def_property_readonly("name", [](const DomainRef& d) { return d.get().name; }, "The display name.")
        .def_property_readonly("step", [](const DomainRef& d) { return d.get().step; }, "The matrix STEP label, when it differs from the name.")
        .def_property_readonly("summary", [](const DomainRef& d) { return d.get().summary; }, "A one-line summary.")
        .def_property_readonly("description", [](const DomainRef& d) { return d.get().description; }, "A longer description.")
        .def_property_readonly("actions", [](const DomainRef& d) { return d.get().actions; },
                               "The route map's guidance for this domain (a list of Action, nested).")
        .def_property_readonly("index", [](const DomainRef& d) { return d.index; }, "Position in the framework (0-based).")
        .def_property_readonly("areas", [](const DomainRef& d) { return areas_in(d.framework, d.framework.areas_of(d.get())); },
                               "The areas of this domain, in order.")
        .def_property_readonly("criteria", [](const DomainRef& d) { return criteria_in(d.framework, d.framework.criteria_of(d.get())); },
                               "Every criterion of this domain, in order.")
        .def_property_readonly("location", [](const DomainRef& d) { return d.get().location; }, "Where it is defined.")
        .def_property_readonly("framework", [](const DomainRef& d) { return d.framework; }, "The framework it belongs to.")
        .def("__eq__", [](const DomainRef& a, const DomainRef& b) { return a == b; })
        .def("__hash__", &hash_of<DomainRef>)
        .def("__repr__", [](const DomainRef& d) {
            return "<Domain " + d.get().id + " '" + d.get().name + "': " + std::to_string(d.get().area_count) + " areas>";
        });

    py::class_<AreaRef>(m, "Area", "An area of a domain (one matrix row): tiered criteria.")
        .def_property_readonly("id", [](const AreaRef& a) { return a.get().id; }, "Full id, 'domain.area'.")
        .def_property_readonly("local_id", [](const AreaRef& a) { return a.get().local_id; }, "The id inside its domain.")
        .def_property_readonly("name", [](const AreaRef& a) { return a.get().name; }, "The display name.")
        .def_property_readonly("description", [](const AreaRef& a) { return a.get().description; }, "A longer description.")
        .def_property_readonly("implicit", [](const AreaRef& a) { return a.get().implicit; },
                               "True when the domain holds its criteria directly (one implicit area).")
        .def_property_readonly("index", [](const AreaRef& a) { return a.index; }, "Position in the framework (0-based).")
        .def_property_readonly("domain", [](const AreaRef& a) { return domain_ref(a.framework, a.get().domain); }, "The Domain.")
        .def_property_readonly("criteria", [](const AreaRef& a) { return criteria_in(a.framework, a.framework.criteria_of(a.get())); },
                               "The criteria of this area, in order (lower tiers first).")
        .def_property_readonly("location", [](const AreaRef& a) { return a.get().location; }, "Where it is defined.")
        .def_property_readonly("framework", [](const AreaRef& a) { return a.framework; }, "The framework it belongs to.")
        .def("__eq__", [](const AreaRef& a, const AreaRef& b) { return a == b; })
        .def("__hash__", &hash_of<AreaRef>)
        .def("__repr__", [](const AreaRef& a) {
            return "<Area " + a.get().id + " '" + a.get().name + "': " + std::to_string(a.get().criterion_count) + " criteria>";
        });

    py::class_<CriterionRef>(m, "Criterion", "The unit that is assessed: one expectation at one tier of one area.")
        .def_property_readonly("id", [](const CriterionRef& c) { return c.get().id; }, "Full id, e.g. 'workforce.diversity.fundamental.2'.")
        .def_property_readonly("local_id", [](const CriterionRef& c) { return c.get().local_id; }, "The id inside its area.")
        .def_property_readonly("tier", [](const CriterionRef& c) { return tier_ref(c.framework, c.get().tier); }, "The Tier.")
        .def_property_readonly("tier_id", [](const CriterionRef& c) { return c.framework.tiers()[c.get().tier].id; }, "The tier's id.")
        .def_property_readonly("text", [](const CriterionRef& c) { return c.get().text; }, "What must be true.")
        .def_property_readonly("details", [](const CriterionRef& c) { return c.get().details; }, "Further detail bullets.")
        .def_property_readonly("requires", [](const CriterionRef& c) { return c.get().requires_ids; },
                               "Explicit prerequisites (full criterion ids); implicit tier order is in prerequisites().")
        .def_property_readonly("weight", [](const CriterionRef& c) { return c.get().weight; }, "Weight in weighted models (default 1).")
        .def_property_readonly("tags", [](const CriterionRef& c) { return c.get().tags; }, "Free tags.")
        .def_property_readonly("source", [](const CriterionRef& c) { return c.get().source; }, "Where the text comes from.")
        .def_property_readonly("index", [](const CriterionRef& c) { return c.index; },
                               "Position in the framework: the column in status matrices given to score_many.")
        .def_property_readonly("area", [](const CriterionRef& c) { return area_ref(c.framework, c.get().area); }, "The Area.")
        .def_property_readonly("domain", [](const CriterionRef& c) { return domain_ref(c.framework, c.get().domain); }, "The Domain.")
        .def_property_readonly("location", [](const CriterionRef& c) { return c.get().location; }, "Where it is defined.")
        .def_property_readonly("framework", [](const CriterionRef& c) { return c.framework; }, "The framework it belongs to.")
        .def("prerequisites",
             [](const CriterionRef& c, bool transitive) {
                 const auto& g = c.framework.graph();
                 return ids_of(c.framework, transitive ? g.transitive_prerequisites(c.index) : g.prerequisites(c.index));
             },
             py::arg("transitive") = false,
             "Ids of the criteria this one depends on (implicit tier order and explicit requires), framework order.")
        .def("dependents", [](const CriterionRef& c) { return ids_of(c.framework, c.framework.graph().dependents(c.index)); },
             "Ids of the criteria that directly depend on this one.")
        .def("__eq__", [](const CriterionRef& a, const CriterionRef& b) { return a == b; })
        .def("__hash__", &hash_of<CriterionRef>)
        .def("__repr__", [](const CriterionRef& c) {
            return "<Criterion " + c.get().id + " [" + c.framework.tiers()[c.get().tier].id + "] '" + shorten(c.get().text) + "'>";
        });

    py::class_<Framework>(m, "Framework",
                          "An immutable, validated maturity framework: tiers, domains, areas and criteria, with the "
                          "dependency graph. Copies are cheap (a shared handle).")
        .def_property_readonly("id", &Framework::id, "The framework id, e.g. 'newham-service'.")
        .def_property_readonly("name", &Framework::name, "The display name.")
        .def_property_readonly("version", &Framework::version, "The framework's version.")
        .def_property_readonly("level", [](const Framework& f) { return f.info().level; }, "organisation, service, individual, ...")
        .def_property_readonly("publisher", [](const Framework& f) { return f.info().publisher; }, "Who publishes it.")
        .def_property_readonly("year", [](const Framework& f) { return f.info().year; }, "Year of publication (0 if not given).")
        .def_property_readonly("source", [](const Framework& f) { return f.info().source; }, "The citation.")
        .def_property_readonly("description", [](const Framework& f) { return f.info().description; }, "What it is for.")
        .def_property_readonly("status", [](const Framework& f) { return f.info().status; }, "'published', 'draft', ...")
        .def_property_readonly("metadata", [](const Framework& f) { return f.info().metadata; }, "Free metadata (dict of str to list of str).")
        .def_property_readonly("file", &Framework::file, "The file it was loaded from ('' if none).")
        .def_property_readonly("format_version", &Framework::format_version, "The framework file format version.")
        .def_property_readonly("default_model", [](const Framework& f) { return f.scoring().default_model; },
                               "The scoring model used when none is named.")
        .def_property_readonly("scoring_parameters", [](const Framework& f) { return f.scoring().parameters; },
                               "Model parameters set by the framework file, by model name.")
        .def_property_readonly("implicit_edges",
                               [](const Framework& f) { return f.implicit_edges() == ImplicitEdges::none ? "none" : "previous-tier"; },
                               "'previous-tier' (each criterion depends on the nearest lower tier of its area) or 'none'.")
        .def_property_readonly("answers", [](const Framework& f) {
            py::list out;
            for (const auto& a : f.answers()) {
                py::dict d;
                d["id"] = a.id;
                d["name"] = a.name;
                d["description"] = a.description;
                d["credit"] = a.credit;
                d["counts_as"] = std::string(to_string(a.meaning));
                d["code"] = static_cast<int>(a.code);
                d["domain"] = a.domain.empty() ? py::object(py::none()) : py::object(py::str(a.domain));
                out.append(d);
            }
            return out;
        }, "The answers of the answer scales (dicts: id, name, description, credit, counts_as, code, domain: None for "
           "the framework's scale), in code order; empty without a scale.")
        .def_property_readonly("tiers", &tiers_of, "The tiers, lowest first.")
        .def_property_readonly("domains", &domains_of, "The domains, in order.")
        .def_property_readonly("areas", [](const Framework& f) { return areas_in(f, f.areas()); }, "Every area, in order.")
        .def_property_readonly("criteria", [](const Framework& f) { return criteria_in(f, f.criteria()); },
                               "Every criterion, in framework order (the column order of status matrices).")
        .def_property_readonly("tier_ids", [](const Framework& f) {
            std::vector<std::string> out;
            for (const auto& t : f.tiers()) out.push_back(t.id);
            return out;
        }, "Tier ids, lowest first.")
        .def_property_readonly("domain_ids", [](const Framework& f) {
            std::vector<std::string> out;
            for (const auto& d : f.domains()) out.push_back(d.id);
            return out;
        }, "Domain ids, in order.")
        .def_property_readonly("area_ids", [](const Framework& f) {
            std::vector<std::string> out;
            for (const auto& a : f.areas()) out.push_back(a.id);
            return out;
        }, "Area ids, in order.")
        .def_property_readonly("criterion_ids", [](const Framework& f) {
            std::vector<std::string> out;
            for (const auto& c : f.criteria()) out.push_back(c.id);
            return out;
        }, "Criterion ids, in framework order.")
        .def("tier", [](const Framework& f, std::string_view id) { return tier_ref(f, f.tier(id).index); }, py::arg("id"),
             "The tier with this id; raises NotFoundError (a KeyError) if there is none.")
        .def("domain", [](const Framework& f, std::string_view id) { return domain_ref(f, f.domain(id).index); }, py::arg("id"),
             "The domain with this id; raises NotFoundError (a KeyError) if there is none.")
        .def("area", [](const Framework& f, std::string_view id) { return area_ref(f, f.area(id).index); }, py::arg("id"),
             "The area with this full id ('domain.area'); raises NotFoundError (a KeyError) if there is none.")
        .def("criterion", [](const Framework& f, std::string_view id) { return criterion_ref(f, f.criterion(id).index); },
             py::arg("id"), "The criterion with this full id; raises NotFoundError (a KeyError) if there is none.")
        .def("find_criterion",
             [](const Framework& f, std::string_view id) -> std::optional<CriterionRef> {
                 if (const auto* c = f.find_criterion(id)) return criterion_ref(f, c->index);
                 return std::nullopt;
             },
             py::arg("id"), "The criterion with this id, or None.")
        .def("__contains__", [](const Framework& f, std::string_view id) {
            return f.find_criterion(id) || f.find_area(id) || f.find_domain(id);
        }, py::arg("id"), "Whether a criterion, area or domain has this id.")
        .def_property_readonly("warnings", &Framework::warnings, "Warnings found while loading (a list of Diagnostic).")
        .def("action_count", &Framework::action_count, py::arg("include_nested") = true,
             "How many route-map actions the framework lists.")
        .def("criteria_per_tier", &Framework::criteria_per_tier, "How many criteria each tier has, lowest first.")
        .def("edges",
             [](const Framework& f) {
                 std::vector<std::tuple<std::string, std::string, std::string>> out;
                 for (const auto& e : f.graph().edges())
                     out.emplace_back(f.criteria()[e.from].id, f.criteria()[e.to].id,
                                      e.kind == EdgeKind::implicit_tier ? "tier" : "requires");
                 return out;
             },
             "The dependency graph as (criterion, prerequisite, kind) tuples; kind is 'tier' or 'requires'.")
        .def("topological_order", [](const Framework& f) { return ids_of(f, f.graph().topological_order()); },
             "Every criterion id, prerequisites first.")
        .def("__eq__", [](const Framework& a, const Framework& b) {
            return a.id() == b.id() && a.version() == b.version() && a.file() == b.file();
        })
        .def("__hash__", [](const Framework& f) { return std::hash<std::string>{}(f.id() + "@" + f.version()); })
        .def("__repr__", [](const Framework& f) {
            std::string tiers;
            for (const auto& t : f.tiers()) tiers += (tiers.empty() ? "" : " < ") + t.id;
            return "<Framework " + f.id() + " " + f.version() + ": " + std::to_string(f.domains().size()) + " domains, " +
                   std::to_string(f.areas().size()) + " areas, " + std::to_string(f.criteria().size()) +
                   " criteria; tiers " + tiers + ">";
        });

    m.def("load_framework", &load_framework, py::arg("file"),
          "Load and validate a framework TOML file. Raises FrameworkError listing every problem (file:line:column), "
          "or IoError if the file cannot be read.");
    m.def("parse_framework", &parse_framework, py::arg("text"), py::arg("source_name") = "<string>",
          "Parse and validate framework TOML text; source_name stands for the file name in messages.");
    m.def("check_framework",
          [](const std::filesystem::path& file) { return try_load_framework(file).diagnostics; }, py::arg("file"),
          "Every problem (errors and warnings) in a framework file, as a list of Diagnostic; never raises for bad content.");
}

}  // namespace routemap::python
