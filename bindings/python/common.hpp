#pragma once
// Shared by every bind_*.cpp of routemap._core: the type casters (which must be seen identically in
// every translation unit), the handle types that keep a Framework alive next to a result, and the
// bind_<area> declarations.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>
#include <routemap/registry.hpp>
#include <routemap/status.hpp>

namespace py = pybind11;

namespace pybind11::detail {

// Statuses cross the boundary as plain strings ("met", "partial", ...): Python passes any spelling
// parse_status accepts (or an int code 0..4, or a str-valued enum member) and gets the canonical name back.
template <>
struct type_caster<routemap::Status> {
    PYBIND11_TYPE_CASTER(routemap::Status, const_name("str"));
    bool load(handle src, bool convert);
    static handle cast(routemap::Status status, return_value_policy, handle);
};

// Reasons for not_applicable ("not_relevant", "out_of_scope", "owned_elsewhere"), also as strings.
template <>
struct type_caster<routemap::Exclusion> {
    PYBIND11_TYPE_CASTER(routemap::Exclusion, const_name("str"));
    bool load(handle src, bool convert);
    static handle cast(routemap::Exclusion reason, return_value_policy, handle);
};

}  // namespace pybind11::detail

namespace routemap::python {

// A result that needs its framework to answer questions (criterion text, area of a criterion):
// the Framework is a cheap shared handle, so each result carries a copy.
template <class T>
struct Bound : T {
    Bound(T value, Framework f) : T(std::move(value)), framework(std::move(f)) {}
    Framework framework;
};

// An assessment, plus the framework it was made from or checked against, when known: with it,
// set() and status() refuse unknown criterion ids at once instead of when scoring.
struct BoundAssessment : Assessment {
    BoundAssessment() = default;
    explicit BoundAssessment(Assessment value, std::optional<Framework> f = std::nullopt)
        : Assessment(std::move(value)), framework(std::move(f)) {}
    std::optional<Framework> framework;
};

// The framework given explicitly, else the one attached to the assessment; throws when neither.
const Framework& framework_for(const BoundAssessment& assessment, const std::optional<Framework>& given);

// The registry used when the caller passes none: scans the default search path once.
std::shared_ptr<Registry> default_registry(bool reload = false);
inline const Registry& registry_or_default(const std::shared_ptr<Registry>& registry) {
    return registry ? *registry : *default_registry();
}

// A text the assessment may leave out (owner, due date): None rather than "".
inline std::optional<std::string> optional_text(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}
// ", owner Jo, due 2026-03-31 (overdue)" for reprs; empty when neither is given.
inline std::string ownership_suffix(const std::string& owner, const std::string& due, bool overdue) {
    std::string out;
    if (!owner.empty()) out += ", owner " + owner;
    if (!due.empty()) out += ", due " + due + (overdue ? " (overdue)" : "");
    return out;
}

// "a, b, c" for messages.
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");

void bind_errors(py::module_& m);
void bind_diagnostic(py::module_& m);
void bind_framework(py::module_& m);
void bind_registry(py::module_& m);
void bind_assessment(py::module_& m);
void bind_scoring(py::module_& m);
void bind_target(py::module_& m);
void bind_gap(py::module_& m);
void bind_progression(py::module_& m);
void bind_compare(py::module_& m);
void bind_aggregate(py::module_& m);
void bind_batch(py::module_& m);
void bind_report(py::module_& m);
void bind_form(py::module_& m);
void bind_collection(py::module_& m);
void bind_crosswalk(py::module_& m);

}  // namespace routemap::python
