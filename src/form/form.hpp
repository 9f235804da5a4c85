#pragma once
// routemap::detail is not public API. The self-assessment form, in pieces: the data the page is
// built from (framework and prefill, as JSON), the stylesheet and script (src/form/*.css, js/*.js,
// embedded at build time by assets.cpp.in), and the page skeleton that holds them. The page builds
// its DOM from the JSON with textContent only, so no framework or assessment text is ever parsed
// as HTML or run as script.

#include <string>
#include <string_view>

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>

namespace routemap::detail::form {

// The framework as the page needs it (names, tiers, domains with their guidance, areas, criteria),
// the allowed statuses and reasons, and the prefill answers when given, as a JSON document.
std::string page_data(const Framework& framework, const Assessment* prefill, const std::string& instance_id);

// JSON made safe inside <script type="application/json">: '<', '>' and '&' (so that no "</script>"
// or "<!--" can appear) and U+2028/U+2029 written as \u escapes. Only valid for JSON text, where
// those characters can occur only inside strings.
std::string script_safe_json(std::string_view json);


std::string stylesheet();  // src/form/form.css
std::string script();      // src/form/js/*.js, in order, inside one strict-mode function

// A fresh random id for the browser draft.
std::string random_instance_id();

}  // namespace routemap::detail::form
