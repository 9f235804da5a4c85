#include "commands/common.hpp"

#include <iostream>

#include <routemap/error.hpp>
#include <routemap/migration.hpp>

#include "output/terminal.hpp"

#include "output/wrap.hpp"

namespace routemap::cli {

void framework_option(CommandLine& command) {
    command.options().add_options()("framework", po::value<std::string>()->value_name("ID|FILE"),
                                    "the framework to use instead of the one the assessment names (an id on the "
                                    "search path or a framework file)");
}

void model_option(CommandLine& command) {
    command.options().add_options()("model,m", po::value<std::string>()->value_name("NAME"),
                                    "scoring model (default: the framework's)");
}

Assessed load_assessed(Context& context, const CommandLine& command, const std::string& file) {
    if (command.string("framework").empty()) context.prefetch_framework_of(file);
    auto assessment = context.assessment(file);
    auto framework = context.framework_for(assessment, command.string("framework"));
    explain_version(framework, assessment);
    assessment.validate(framework);
    return Assessed{std::move(assessment), std::move(framework)};
}

void explain_version(const Framework& framework, const Assessment& assessment) {
    if (assessment.framework_id != framework.id() || assessment.framework_version == framework.version()) return;
    if (changes_since(framework, assessment.framework_version).empty()) return;
    const auto migration = migrate(framework, assessment);
    std::string message = "'" + assessment.file + "' is an assessment of " + framework.id() + " " + assessment.framework_version +
                          "; the framework is now " + framework.version() + ". What differs:";
    for (const auto& line : migration.differences()) message += "\n  " + line;
    message += "\nRun 'routemap migrate " + assessment.file + " -o NEW.toml' to rewrite it in " + framework.version() + ".";
    throw AssessmentError(message);
}

Assessed load_assessed_across_versions(Context& context, const CommandLine& command, const std::string& file) {
    if (command.string("framework").empty()) context.prefetch_framework_of(file);
    auto assessment = context.assessment(file);
    auto framework = context.framework_for(assessment, command.string("framework"));
    if (assessment.framework_id == framework.id() && assessment.framework_version != framework.version() &&
        !changes_since(framework, assessment.framework_version).empty()) {
        auto migration = migrate(framework, assessment);
        migration.migrated.file = assessment.file;
        std::cerr << "routemap: note: " << escape_controls(file) << " compared through its migration from " << framework.id() << " "
                  << migration.from_version << " to " << migration.to_version << " (" << migration.log.size() << " changes)\n";
        return Assessed{std::move(migration.migrated), std::move(framework)};
    }
    assessment.validate(framework);
    assessment.resolve(framework);  // answered criteria take their answers' meanings as statuses
    return Assessed{std::move(assessment), std::move(framework)};
}

std::string answer_or(const Assessed& a, const std::string& criterion_id, const std::string& otherwise) {
    // Without answer scales nothing can have been answered: no lookup (one per line of a long gap list).
    if (a.framework.answers().empty()) return otherwise;
    const auto it = a.assessment.records.find(criterion_id);
    if (it == a.assessment.records.end() || it->second.answer.empty()) return otherwise;
    const auto* c = a.framework.find_criterion(criterion_id);
    const auto* answer = c ? a.framework.find_answer(*c, it->second.answer) : nullptr;
    return answer ? "answered " + answer->name : otherwise;
}

std::string level_name(const Framework& framework, int level) {
    if (level == not_applicable_level) return "n/a";
    if (level <= 0) return "Not yet";
    const auto tiers = framework.tiers();
    if (static_cast<std::size_t>(level) > tiers.size()) return "level " + std::to_string(level);
    return tiers[static_cast<std::size_t>(level) - 1].name;
}

std::string describe_target(const Framework& framework, const Target& target) {
    const auto* tier = target.tier.empty() ? &framework.tiers().back() : framework.find_tier(target.tier);
    std::string out = (tier ? tier->name : target.tier) + " everywhere";
    if (target.domains.empty() && target.areas.empty()) return out;
    out = (tier ? tier->name : target.tier) + " by default";
    auto name_of = [&](const std::string& id) {
        const auto* t = framework.find_tier(id);
        return t ? t->name : id;
    };
    for (const auto& [id, t] : target.domains) out += "; " + id + ": " + name_of(t);
    for (const auto& [id, t] : target.areas) out += "; " + id + ": " + name_of(t);
    return out;
}

std::string describe_counts(const StatusCounts& counts) {
    std::string out;
    auto add = [&](Status s, const char* name) {
        if (counts[s] == 0) return;
        out += (out.empty() ? "" : ", ") + std::to_string(counts[s]) + " " + name;
    };
    add(Status::met, "met");
    add(Status::partial, "partial");
    add(Status::not_met, "not met");
    add(Status::unknown, "unknown");
    add(Status::not_applicable, "not applicable");
    return out.empty() ? "no criteria" : out;
}

std::string assessment_heading(const std::string& title, const Assessed& assessed) {
    const auto& a = assessed.assessment;
    const auto& f = assessed.framework;
    std::string out = wrap_block(title + ": " + (a.subject.empty() ? "(no subject)" : a.subject), text_width, "");
    out += wrap_block("Framework: " + f.name() + " (" + f.id() + " " + f.version() + ")", text_width, "", "  ");
    std::string when = "Assessed " + (a.date.empty() ? std::string("(no date)") : a.date);
    if (!a.assessors.empty()) when += " by " + join(a.assessors);
    out += wrap_block(when + ".", text_width, "", "  ");
    return out;
}

std::string tier_name(const Framework& framework, const Criterion& criterion) {
    return framework.tiers()[criterion.tier].name;
}

std::string area_path(const Framework& framework, const Area& area) {
    const auto& domain = framework.domains()[area.domain];
    return area.implicit ? domain.name : domain.name + " / " + area.name;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : std::string()) + items[i];
    return out;
}

std::string completeness_warning(const StatusCounts& counts) {
    const auto applicable = counts.applicable();
    const auto unknown = counts[Status::unknown];
    if (applicable == 0 || static_cast<double>(unknown) < incomplete_unknown_share * static_cast<double>(applicable)) return {};
    return "Warning: incomplete assessment: " + std::to_string(unknown) + " of " +
           plural(applicable, "applicable criterion", "applicable criteria") + " " + (unknown == 1 ? "is" : "are") +
           " unknown. Unknown counts as not met, so the levels and scores are a floor until they are assessed.";
}

std::string ownership(const std::string& owner, const std::string& due, bool overdue) {
    std::string out = owner.empty() ? std::string() : "owner: " + owner;
    if (!due.empty()) out += (out.empty() ? "" : " · ") + std::string("due ") + due + (overdue ? ", OVERDUE" : "");
    return out;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many.empty() ? one + "s" : many);
}

}  // namespace routemap::cli
