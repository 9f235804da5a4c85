// The string conversions for Status and Exclusion declared in common.hpp.

#include "common.hpp"

namespace pybind11::detail {

namespace {

// Accepts a str, a str-valued enum member (routemap.Status.MET), or an int code.
std::optional<std::string> text_of(handle src) {
    if (isinstance<str>(src)) return src.cast<std::string>();
    if (hasattr(src, "value")) {
        const auto value = src.attr("value");
        if (isinstance<str>(value)) return value.cast<std::string>();
    }
    return std::nullopt;
}

}  // namespace

bool type_caster<routemap::Status>::load(handle src, bool) {
    if (!src) return false;
    if (const auto text = text_of(src)) {
        const auto status = routemap::parse_status(*text);
        if (!status)
            throw value_error("unknown status '" + *text +
                              "': expected one of met, partial, not_met, not_applicable, unknown");
        value = *status;
        return true;
    }
    // Integer codes as in score_many (numpy integers included, bools excluded).
    if (PyIndex_Check(src.ptr()) && !PyBool_Check(src.ptr())) {
        const auto code = PyNumber_AsSsize_t(src.ptr(), nullptr);
        if (code == -1 && PyErr_Occurred()) throw error_already_set();
        if (code < 0 || code >= static_cast<Py_ssize_t>(routemap::status_count))
            throw value_error("invalid status code " + std::to_string(code) +
                              ": codes are 0 unknown, 1 not_met, 2 partial, 3 met, 4 not_applicable");
        value = static_cast<routemap::Status>(code);
        return true;
    }
    return false;
}

handle type_caster<routemap::Status>::cast(routemap::Status status, return_value_policy, handle) {
    const auto name = routemap::to_string(status);
    return str(name.data(), name.size()).release();
}

bool type_caster<routemap::Exclusion>::load(handle src, bool) {
    if (!src) return false;
    if (const auto text = text_of(src)) {
        const auto reason = routemap::parse_exclusion(*text);
        if (!reason)
            throw value_error("unknown reason '" + *text +
                              "' for not_applicable: expected one of not_relevant, out_of_scope, owned_elsewhere");
        value = *reason;
        return true;
    }
    return false;
}

handle type_caster<routemap::Exclusion>::cast(routemap::Exclusion reason, return_value_policy, handle) {
    const auto name = routemap::to_string(reason);
    return str(name.data(), name.size()).release();
}

}  // namespace pybind11::detail
