#pragma once
// The self-assessment form: one self-contained HTML page (inline CSS and JavaScript, no network, no
// server) generated from a framework. A person fills it in a browser, the answers are kept in the
// browser's local storage as they type, and "Save assessment" downloads a TOML (or JSON) assessment
// that routemap reads unchanged. docs/form.md describes the page; docs/file-formats.md what it saves.

#include <string>

namespace routemap {

class Assessment;
class Framework;

struct FormOptions {
    // Answers to start from (to continue or review an assessment); checked against the framework
    // first, so a form is never made from answers that do not fit it.
    const Assessment* prefill = nullptr;
    // Names the draft the page keeps in the browser's local storage. Empty: a new random id, so
    // that two forms generated for two subjects never share a draft.
    std::string instance_id;
};

// The page as one string. Throws AssessmentError when the prefill does not fit the framework.
[[nodiscard]] std::string render_form(const Framework& framework, const FormOptions& options = {});

}  // namespace routemap
