// Assessments: statuses and evidence per criterion, read from and written to TOML, JSON and CSV.

#include "common.hpp"

#include <pybind11/numpy.h>

#include <routemap/assessment_io.hpp>
#include <routemap/framework_loader.hpp>
#include <routemap/error.hpp>

namespace routemap::python {

namespace {

// Refuses an id the attached framework does not know, with the library's own "did you mean" hint.
void require_known(const BoundAssessment& a, const std::string& id) {
    if (!a.framework || a.framework->find_criterion(id)) return;
    Assessment probe;
    probe.framework_id = a.framework->id();
    probe.framework_version = a.framework->version();
    probe.records[id];
    auto problems = probe.check(*a.framework);
    if (problems.empty())
        problems.push_back(Diagnostic{Severity::error, "unknown criterion '" + id + "'", {}, a.framework->id(), id});
    throw NotFoundError(std::move(problems));
}

std::string counts_text(const Assessment& a, const std::optional<Framework>& framework) {
    std::array<std::size_t, status_count> counts{};
    std::size_t total = 0;
    if (framework) {
        for (const auto s : a.statuses(*framework)) ++counts[static_cast<std::size_t>(s)];
        total = framework->criteria().size();
    } else {
        for (const auto& [id, record] : a.records) ++counts[static_cast<std::size_t>(record.status)];
        total = a.records.size();
    }
    std::string out;
    for (const auto s : {Status::met, Status::partial, Status::not_met, Status::not_applicable, Status::unknown})
        if (counts[static_cast<std::size_t>(s)] > 0)
            out += (out.empty() ? "" : ", ") + std::to_string(counts[static_cast<std::size_t>(s)]) + " " +
                   std::string(to_string(s));
    return (out.empty() ? std::string("no statuses") : out) + " of " + std::to_string(total);
}

AssessmentFormat format_named(const std::string& name) { return assessment_format_from_name(name); }

BoundAssessment read(const std::filesystem::path& file, const std::optional<Framework>& framework, bool validate) {
    BoundAssessment a(read_assessment(file), framework);
    if (framework && validate) a.validate(*framework);
    if (framework) a.resolve(*framework);  // answered criteria take their answers' meanings as statuses
    return a;
}

}  // namespace

void bind_assessment(py::module_& m) {
    py::class_<CriterionRecord>(m, "CriterionRecord", "What an assessment says about one criterion.")
        .def(py::init([](Status status, std::string evidence, std::string note, std::string owner, std::string due,
                         std::optional<Exclusion> reason, std::string reason_text) {
                 CriterionRecord r;
                 r.status = status;
                 r.evidence = std::move(evidence);
                 r.note = std::move(note);
                 r.owner = std::move(owner);
                 r.due = std::move(due);
                 r.exclusion = reason;
                 r.exclusion_text = std::move(reason_text);
                 return r;
             }),
             py::arg("status") = "unknown", py::arg("evidence") = "", py::arg("note") = "", py::arg("owner") = "",
             py::arg("due") = "", py::arg("reason") = py::none(), py::arg("reason_text") = "",
             "A record: status (met, partial, not_met, not_applicable, unknown), evidence, note, owner, due date, and "
             "for not_applicable a reason (not_relevant, out_of_scope, owned_elsewhere).")
        .def_readwrite("status", &CriterionRecord::status, "met, partial, not_met, not_applicable or unknown.")
        .def_readwrite("evidence", &CriterionRecord::evidence, "What shows it (free text, links).")
        .def_readwrite("note", &CriterionRecord::note, "A note.")
        .def_readwrite("owner", &CriterionRecord::owner, "Who owns the next step.")
        .def_readwrite("due", &CriterionRecord::due, "When it is due (ISO date; free text allowed).")
        .def_readwrite("reason", &CriterionRecord::exclusion,
                       "Why it is not applicable: not_relevant, out_of_scope, owned_elsewhere (None otherwise).")
        .def_readwrite("reason_text", &CriterionRecord::exclusion_text, "Free text explaining the exclusion.")
        .def_readonly("answer", &CriterionRecord::answer,
                      "The answer of the framework's answer scale, when one was given instead of a status ('' otherwise).")
        .def_readonly("location", &CriterionRecord::location, "Where it was read, when it was.")
        .def("__eq__", [](const CriterionRecord& a, const CriterionRecord& b) { return a == b; })
        .def("__repr__", [](const CriterionRecord& r) {
            std::string out = "<CriterionRecord " + std::string(to_string(r.status));
            if (r.exclusion) out += " (" + std::string(to_string(*r.exclusion)) + ")";
            if (!r.evidence.empty()) out += " evidence='" + (r.evidence.size() > 40 ? r.evidence.substr(0, 37) + "..." : r.evidence) + "'";
            return out + ">";
        });

    py::class_<BoundAssessment>(m, "Assessment",
                                "One subject (organisation, service, team, person) against one framework at one date: a "
                                "status and evidence per criterion. Missing criteria are 'unknown'.")
        // Pickled as its JSON form plus where its framework comes from, so that assessments travel to
        // multiprocessing and joblib workers; the framework is loaded again there from its file, else by id.
        .def(py::pickle(
            [](const BoundAssessment& a) {
                const std::string framework_file = a.framework ? a.framework->file() : std::string();
                const std::string framework_id = a.framework ? a.framework->id() : std::string();
                return py::make_tuple(format_assessment(a, AssessmentFormat::json), framework_file, framework_id);
            },
            [](const py::tuple& state) {
                if (state.size() != 3) throw AssessmentError("cannot unpickle an Assessment: unexpected state");
                const auto file = state[1].cast<std::string>();
                const auto id = state[2].cast<std::string>();
                std::optional<Framework> framework;
                if (!file.empty() && std::filesystem::exists(file)) framework = load_framework(file);
                else if (!id.empty()) framework = default_registry()->get(id);
                return BoundAssessment(parse_assessment(state[0].cast<std::string>(), AssessmentFormat::json, "<pickle>"),
                                       std::move(framework));
            }))
        .def(py::init([](const std::optional<Framework>& framework, std::string subject, std::string date,
                         std::vector<std::string> assessors) {
                 BoundAssessment a;
                 if (framework) a = BoundAssessment(Assessment::blank(*framework, std::move(subject), std::move(date)), framework);
                 else {
                     a.subject = std::move(subject);
                     a.set_date(std::move(date));  // checked now, as the file readers check it
                 }
                 a.assessors = std::move(assessors);
                 return a;
             }),
             py::arg("framework") = py::none(), py::arg("subject") = "", py::arg("date") = "",
             py::arg("assessors") = std::vector<std::string>{},
             "A blank assessment of `framework` (every criterion unknown), attached to it so that unknown ids are "
             "refused at once. Without a framework, an empty assessment whose fields you fill in.")
        .def_readwrite("framework_id", &BoundAssessment::framework_id, "The framework's id.")
        .def_readwrite("framework_version", &BoundAssessment::framework_version, "The framework's version.")
        .def_readwrite("subject", &BoundAssessment::subject, "Who or what is assessed.")
        .def_property(
            "date", [](const BoundAssessment& a) { return a.date; },
            [](BoundAssessment& a, std::string date) { a.set_date(std::move(date)); },
            "ISO date, YYYY-MM-DD; anything else raises AssessmentError when given, as the file readers do.")
        .def_readwrite("assessors", &BoundAssessment::assessors,
                       "Who assessed (a list; assign a new list to change it, in-place edits are not kept).")
        .def_readwrite("notes", &BoundAssessment::notes, "Free notes.")
        .def_readwrite("file", &BoundAssessment::file, "The file it was read from ('' if none).")
        .def_property(
            "framework", [](const BoundAssessment& a) { return a.framework; },
            [](BoundAssessment& a, std::optional<Framework> f) { a.framework = std::move(f); },
            "The framework attached (used by default by statuses(), check(), write() and to refuse unknown ids), or None.")
        .def("status",
             [](const BoundAssessment& a, const std::string& id) {
                 require_known(a, id);
                 return a.status(id);
             },
             py::arg("criterion_id"), "The status of a criterion ('unknown' when not recorded).")
        .def("evidence",
             [](const BoundAssessment& a, const std::string& id) {
                 require_known(a, id);
                 const auto it = a.records.find(id);
                 return it == a.records.end() ? std::string() : it->second.evidence;
             },
             py::arg("criterion_id"), "The evidence recorded for a criterion ('' when none).")
        .def("set",
             [](BoundAssessment& a, const std::string& id, Status status, const std::optional<std::string>& evidence,
                const std::optional<std::string>& note, const std::optional<std::string>& owner,
                const std::optional<std::string>& due, std::optional<Exclusion> reason) {
                 require_known(a, id);
                 // Checked as the readers check it: not_applicable needs a reason, other statuses take none.
                 auto& record = a.set(id, status, evidence.value_or(""), reason);
                 if (note) record.note = *note;
                 if (owner) record.owner = *owner;
                 if (due) record.due = *due;
             },
             py::arg("criterion_id"), py::arg("status"), py::arg("evidence") = py::none(), py::kw_only(),
             py::arg("note") = py::none(), py::arg("owner") = py::none(), py::arg("due") = py::none(),
             py::arg("reason") = py::none(),
             "Set a criterion's status ('met', 'partial', 'not_met', 'not_applicable', 'unknown'), and optionally its "
             "evidence, note, owner, due date, and for not_applicable the reason (not_relevant, out_of_scope, "
             "owned_elsewhere). Raises NotFoundError for an id the attached framework does not know, ValueError for "
             "an unknown status, AssessmentError for not_applicable without a reason (unless the record already has "
             "one) or a reason with another status. A new status other than not_applicable clears an earlier "
             "exclusion reason.")
        .def("record",
             [](const BoundAssessment& a, const std::string& id) {
                 require_known(a, id);
                 const auto it = a.records.find(id);
                 return it == a.records.end() ? CriterionRecord{} : it->second;
             },
             py::arg("criterion_id"), "A copy of the criterion's record (a blank one when not recorded).")
        .def("set_record",
             [](BoundAssessment& a, const std::string& id, const CriterionRecord& record) {
                 require_known(a, id);
                 a.records[id] = record;
             },
             py::arg("criterion_id"), py::arg("record"), "Replace the criterion's whole record.")
        .def("__getitem__",
             [](const BoundAssessment& a, const std::string& id) {
                 require_known(a, id);
                 return a.status(id);
             },
             py::arg("criterion_id"), "assessment[id] is the status of a criterion.")
        .def("__setitem__",
             [](BoundAssessment& a, const std::string& id, Status status) {
                 require_known(a, id);
                 a.set(id, status);
             },
             py::arg("criterion_id"), py::arg("status"),
             "assessment[id] = 'met' sets a status; 'not_applicable' needs a reason, so use set(id, "
             "'not_applicable', reason=...) for it.")
        .def("__contains__", [](const BoundAssessment& a, const std::string& id) { return a.records.contains(id); },
             py::arg("criterion_id"), "Whether the assessment has a record for this criterion.")
        .def("__len__", [](const BoundAssessment& a) { return a.records.size(); }, "The number of records.")
        .def_property_readonly("records", [](const BoundAssessment& a) { return a.records; },
                               "Every record, by criterion id (a dict of copies).")
        .def("statuses",
             [](const BoundAssessment& a, const std::optional<Framework>& framework) {
                 return a.statuses(framework_for(a, framework));
             },
             py::arg("framework") = py::none(), "One status per criterion, in framework order.")
        .def("status_codes",
             [](const BoundAssessment& a, const std::optional<Framework>& framework) {
                 const auto codes = a.codes(framework_for(a, framework));
                 py::array_t<std::uint8_t> out(static_cast<py::ssize_t>(codes.size()));
                 auto view = out.mutable_unchecked<1>();
                 for (std::size_t i = 0; i < codes.size(); ++i) view(static_cast<py::ssize_t>(i)) = codes[i];
                 return out;
             },
             py::arg("framework") = py::none(),
             "The statuses as a numpy uint8 array in framework order (0 unknown, 1 not_met, 2 partial, 3 met, "
             "4 not_applicable; an answer of an answer scale as its code, 5 and up: Framework.answers): one row of a "
             "score_many matrix.")
        .def("set_answer",
             [](BoundAssessment& a, const std::string& id, const std::string& answer, const std::optional<std::string>& evidence) {
                 a.set_answer(framework_for(a, std::nullopt), id, answer, evidence.value_or(""));
             },
             py::arg("criterion_id"), py::arg("answer"), py::arg("evidence") = py::none(),
             "Records an answer of the criterion's answer scale (Framework.answers) instead of a status; its meaning "
             "(met, partial or not_met) becomes the status. Needs the framework attached.")
        .def("check",
             [](const BoundAssessment& a, const std::optional<Framework>& framework) {
                 return a.check(framework_for(a, framework));
             },
             py::arg("framework") = py::none(),
             "Every mismatch with the framework (a list of Diagnostic; empty when it fits).")
        .def("validate",
             [](const BoundAssessment& a, const std::optional<Framework>& framework) {
                 a.validate(framework_for(a, framework));
             },
             py::arg("framework") = py::none(), "Raise AssessmentError listing every mismatch with the framework.")
        .def("to_string",
             [](const BoundAssessment& a, const std::string& format, const std::optional<Framework>& framework) {
                 const auto* f = framework ? &*framework : (a.framework ? &*a.framework : nullptr);
                 return format_assessment(a, format_named(format), f);
             },
             py::arg("format") = "toml", py::arg("framework") = py::none(),
             "The assessment as TOML, JSON or CSV text. With a framework (given or attached), every criterion is "
             "listed in framework order with its tier and text.")
        .def("write",
             [](const BoundAssessment& a, const std::filesystem::path& file, const std::optional<std::string>& format,
                const std::optional<Framework>& framework) {
                 const auto* f = framework ? &*framework : (a.framework ? &*a.framework : nullptr);
                 if (format) write_assessment(file, a, format_named(*format), f);
                 else write_assessment(file, a, f);
             },
             py::arg("file"), py::arg("format") = py::none(), py::arg("framework") = py::none(),
             "Write the assessment atomically; the format comes from the extension (.toml, .json, .csv) unless given.")
        .def("copy", [](const BoundAssessment& a) { return a; }, "An independent copy.")
        .def("__copy__", [](const BoundAssessment& a) { return a; })
        .def("__deepcopy__", [](const BoundAssessment& a, py::dict) { return a; }, py::arg("memo"))
        .def("__eq__", [](const BoundAssessment& a, const BoundAssessment& b) {
            return static_cast<const Assessment&>(a) == static_cast<const Assessment&>(b);
        })
        .def("__repr__", [](const BoundAssessment& a) {
            return "<Assessment " + a.framework_id + " " + a.framework_version + " subject='" + a.subject + "' date='" +
                   a.date + "': " + counts_text(a, a.framework) + ">";
        });

    m.def("read_assessment", &read, py::arg("file"), py::arg("framework") = py::none(), py::arg("validate") = true,
          R"doc(Read an assessment file: TOML, JSON or CSV (by its extension).

Parameters
----------
file : str or os.PathLike
framework : Framework, optional
    Attach the assessment to this framework (needed by score(), gap() and the frames).
validate : bool, default True
    With a framework, check the assessment against it.

Returns
-------
Assessment

Raises
------
AssessmentError
    Bad content (file:line:column) or, when validating, every mismatch with the framework.
IoError
    The file cannot be read.

Examples
--------
>>> fw = routemap.load("newham-organisation")
>>> a = routemap.read_assessment("examples/newham-organisation-2026.toml", fw)
>>> a.subject
'Riverside Community Health NHS Trust (fictional)'
)doc");
    m.def("parse_assessment",
          [](const std::string& text, const std::string& format, const std::string& source_name,
             const std::optional<Framework>& framework, bool validate) {
              BoundAssessment a(parse_assessment(text, format_named(format), source_name), framework);
              if (framework && validate) a.validate(*framework);
              return a;
          },
          py::arg("text"), py::arg("format") = "toml", py::arg("source_name") = "<string>",
          py::arg("framework") = py::none(), py::arg("validate") = true,
          "Parse assessment text in the given format ('toml', 'json', 'csv'); raises AssessmentError with "
          "file:line:column for bad content.");
    m.def("write_assessment",
          [](const std::filesystem::path& file, const BoundAssessment& a, const std::optional<std::string>& format,
             const std::optional<Framework>& framework) {
              const auto* f = framework ? &*framework : (a.framework ? &*a.framework : nullptr);
              if (format) write_assessment(file, a, format_named(*format), f);
              else write_assessment(file, a, f);
          },
          py::arg("file"), py::arg("assessment"), py::arg("format") = py::none(), py::arg("framework") = py::none(),
          "Write an assessment atomically (format from the extension unless given).");
    m.def("assessment_template",
          [](const Framework& framework, const std::string& format) { return assessment_template(framework, format_named(format)); },
          py::arg("framework"), py::arg("format") = "toml",
          "A blank assessment of the framework as text, listing every criterion, to fill in by hand.");
    m.def("status_matrix",
          [](const Framework& framework, const std::vector<BoundAssessment>& assessments) {
              const auto columns = framework.criteria().size();
              py::array_t<std::uint8_t> out({static_cast<py::ssize_t>(assessments.size()), static_cast<py::ssize_t>(columns)});
              auto view = out.mutable_unchecked<2>();
              for (std::size_t r = 0; r < assessments.size(); ++r) {
                  const auto statuses = assessments[r].statuses(framework);
                  for (std::size_t c = 0; c < columns; ++c)
                      view(static_cast<py::ssize_t>(r), static_cast<py::ssize_t>(c)) = static_cast<std::uint8_t>(statuses[c]);
              }
              return out;
          },
          py::arg("framework"), py::arg("assessments"),
          "The statuses of many assessments as a (assessments x criteria) uint8 matrix, ready for score_many.");
}

}  // namespace routemap::python
