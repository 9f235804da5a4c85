// Diagnostics and source locations: what errors and validation results carry.

#include "common.hpp"

#include <routemap/diagnostic.hpp>

namespace routemap::python {

namespace {

std::string severity_name(Severity s) { return s == Severity::error ? "error" : "warning"; }

}  // namespace

void bind_diagnostic(py::module_& m) {
    py::class_<SourceLocation>(m, "SourceLocation", "A place in a file: file name, 1-based line and column (0 when unknown).")
        .def_readonly("file", &SourceLocation::file, "The file as given; empty when the input was not a file.")
        .def_readonly("line", &SourceLocation::line, "1-based line, 0 when unknown.")
        .def_readonly("column", &SourceLocation::column, "1-based column, 0 when unknown.")
        .def_property_readonly("known", &SourceLocation::known, "Whether the line is known.")
        .def("__str__", [](const SourceLocation& l) { return to_string(l); })
        .def("__repr__", [](const SourceLocation& l) { return "<SourceLocation " + to_string(l) + ">"; })
        .def("__eq__", [](const SourceLocation& a, const SourceLocation& b) { return a == b; });

    py::class_<Diagnostic>(m, "Diagnostic",
                           "One problem found in a file or an object: where it is, what it is, and about which "
                           "framework and criterion.")
        .def_property_readonly("severity", [](const Diagnostic& d) { return severity_name(d.severity); },
                               "'error' or 'warning'.")
        .def_readonly("message", &Diagnostic::message, "What is wrong, naming the key or id at fault.")
        .def_readonly("location", &Diagnostic::location, "The SourceLocation.")
        .def_property_readonly("file", [](const Diagnostic& d) { return d.location.file; }, "File name ('' if none).")
        .def_property_readonly("line", [](const Diagnostic& d) { return d.location.line; }, "1-based line (0: unknown).")
        .def_property_readonly("column", [](const Diagnostic& d) { return d.location.column; }, "1-based column (0: unknown).")
        .def_readonly("framework_id", &Diagnostic::framework_id, "The framework concerned, when known.")
        .def_readonly("criterion_id", &Diagnostic::criterion_id, "The criterion concerned, when the problem is about one.")
        .def("to_dict",
             [](const Diagnostic& d) {
                 py::dict out;
                 out["file"] = d.location.file;
                 out["line"] = d.location.line;
                 out["column"] = d.location.column;
                 out["message"] = d.message;
                 out["severity"] = severity_name(d.severity);
                 out["criterion_id"] = d.criterion_id;
                 out["framework_id"] = d.framework_id;
                 return out;
             },
             "The diagnostic as a dict with file, line, column, message, severity, criterion_id, framework_id.")
        .def("__str__", &Diagnostic::to_string, "'file:line:column: error: message'.")
        .def("__repr__", [](const Diagnostic& d) { return "<Diagnostic " + d.to_string() + ">"; });
}

}  // namespace routemap::python
