// The self-assessment form page: a skeleton holding the stylesheet, the data (JSON in a
// <script type="application/json">, never run) and the script that builds the form from it.
// Everything the person sees below the heading is built by the script, with textContent only.

#include <routemap/assessment.hpp>
#include <routemap/detail/html.hpp>
#include <routemap/form.hpp>
#include <routemap/framework.hpp>
#include <routemap/version.hpp>

#include "form.hpp"

namespace routemap {

std::string render_form(const Framework& framework, const FormOptions& options) {
    namespace f = detail::form;
    // A form is never made from answers that do not fit the framework (AssessmentError).
    if (options.prefill) options.prefill->validate(framework);
    const auto instance = options.instance_id.empty() ? f::random_instance_id() : options.instance_id;
    const auto title = "Self-assessment: " + framework.name();
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                       // No network: nothing may be loaded from anywhere, only the inline style and script.
                       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                       "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
                       "<meta name=\"generator\" content=\"routemap " + std::string(version_string) + "\">\n"
                       "<title>" + detail::escape_html(title) + "</title>\n<style>\n" + f::stylesheet() +
                       "</style>\n</head>\n<body>\n"
                       "<a class=\"skip-link\" href=\"#rm-main\">Skip to the form</a>\n"
                       "<header class=\"page-header\"><p class=\"caption\">Self-assessment form</p>\n<h1 id=\"rm-title\">" +
                       detail::escape_html(framework.name()) + "</h1>\n<p class=\"meta\">" +
                       detail::escape_html(framework.id() + " " + framework.version()) + "</p></header>\n"
                       "<main id=\"rm-main\" tabindex=\"-1\">\n"
                       "<noscript><p class=\"warning\">This form needs JavaScript, which is turned off in this "
                       "browser. Turn it on, or ask for a blank assessment file instead (<code>routemap template " +
                       detail::escape_html(framework.id()) + "</code>).</p></noscript>\n"
                       "<div id=\"rm-app\"></div>\n</main>\n"
                       "<script type=\"application/json\" id=\"rm-data\">" +
                       f::script_safe_json(f::page_data(framework, options.prefill, instance)) + "</script>\n<script>\n" +
                       f::script() + "</script>\n</body>\n</html>\n";
    return html;
}

}  // namespace routemap
