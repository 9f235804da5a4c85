// C++ errors become the package's own exception classes (defined in python/routemap/_errors.py so
// that they can also derive from KeyError and OSError), keeping the message with file:line:column
// and attaching every diagnostic.

#include "common.hpp"

#include <routemap/error.hpp>

namespace routemap::python {

namespace {

// The class named `name` in routemap._errors, or RuntimeError when the package is not importable
// (the extension used on its own).
py::object error_class(const char* name) {
    try {
        return py::module_::import("routemap._errors").attr(name);
    } catch (py::error_already_set&) {
        return py::reinterpret_borrow<py::object>(PyExc_RuntimeError);
    }
}

void raise(const char* name, const Error& error) {
    const auto cls = error_class(name);
    auto instance = cls(py::str(error.what()));
    try {
        instance.attr("diagnostics") = py::cast(error.diagnostics());
    } catch (py::error_already_set&) {  // a builtin class without __dict__: the message is enough
    }
    PyErr_SetObject(cls.ptr(), instance.ptr());
}

}  // namespace

void bind_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr pointer) {
        if (!pointer) return;
        // Most derived first: each C++ class maps to its Python counterpart.
        try {
            std::rethrow_exception(pointer);
        } catch (const NotFoundError& e) {
            raise("NotFoundError", e);
        } catch (const IoError& e) {
            raise("IoError", e);
        } catch (const FrameworkError& e) {
            raise("FrameworkError", e);
        } catch (const AssessmentError& e) {
            raise("AssessmentError", e);
        } catch (const TargetError& e) {
            raise("TargetError", e);
        } catch (const PluginError& e) {
            raise("PluginError", e);
        } catch (const Error& e) {
            raise("Error", e);
        }
    });
}

}  // namespace routemap::python
