// routemap form: a self-assessment form for a framework, as one self-contained HTML page that a
// person fills in a browser (offline) and saves as an assessment file; --from pre-fills it.

#include <filesystem>
#include <iostream>

#include <routemap/form.hpp>

#include "commands/commands.hpp"
#include "commands/common.hpp"
#include "output/wrap.hpp"

namespace routemap::cli {

CommandInfo form_info() {
    return {"form", "write a self-assessment form (one HTML page to fill in a browser, offline)",
            "FRAMEWORK -o FILE [--from ASSESSMENT] [--force] [options]",
            "Writes one self-contained HTML page (no network, no server: it works from a USB stick or an email "
            "attachment) in which a person fills in an assessment of FRAMEWORK (an id on the search path or a "
            "framework file): subject, date and assessors, then each criterion's status, evidence, note, owner and "
            "due date, with the route map's guidance, progress, filters and a preview of the staged level. Answers "
            "are kept in the browser as they are typed; \"Save assessment\" downloads a TOML (or JSON) assessment "
            "that 'validate', 'score' and 'report' read unchanged. --from pre-fills the form with an assessment, "
            "to continue or review it (FRAMEWORK may then be left out). An existing FILE is only replaced with "
            "--force. Without -o the page goes to standard output.",
            "routemap form newham-service -o diabetes-form.html\n"
            "routemap form --from diabetes-2025.toml -o diabetes-2026-form.html"};
}

int run_form(Context& context, const std::vector<std::string>& args) {
    CommandLine command(form_info());
    command.positional("framework", 1);
    command.options().add_options()("from", po::value<std::string>()->value_name("ASSESSMENT"),
                                    "pre-fill the form with this assessment (TOML, JSON or CSV)")(
        "force", "replace FILE when it exists");
    command.output_option();
    if (!command.parse(args, context)) return exit_ok;

    const auto out = command.output();
    // Never overwrite a person's file unasked; checked first, so nothing else runs in vain.
    if (out && !command.has("force") && std::filesystem::exists(*out))
        throw InputError("'" + *out + "' exists; use --force to replace it");

    std::optional<Assessment> prefill;
    std::optional<Framework> framework;
    if (command.has("from")) {
        prefill = context.assessment(command.string("from"));
        framework = context.framework_for(*prefill, command.string("framework"));
    } else {
        framework = context.framework(command.required("framework", "FRAMEWORK (an id or a framework file)"));
    }
    FormOptions options;
    options.prefill = prefill ? &*prefill : nullptr;
    const auto page = render_form(*framework, options);  // checks the prefill against the framework
    emit(command, page);
    if (out) {
        std::string line = "Wrote " + *out + " (" + format_number(static_cast<double>(page.size()) / 1024.0, 1) +
                           " KB): a self-assessment form for " + framework->name() + " " + framework->version() + ", " +
                           plural(framework->criteria().size(), "criterion", "criteria");
        if (prefill) {
            std::size_t answered = 0;
            for (const auto& c : framework->criteria()) answered += prefill->status(c.id) != Status::unknown;
            line += ", pre-filled from " + command.string("from") + " (" + std::to_string(answered) + " answered)";
        }
        std::cout << wrap_block(line + ".", text_width, "", "  ");
    }
    return exit_ok;
}

}  // namespace routemap::cli
