#pragma once
// Pieces several subcommands share: loading an assessment with its framework, naming levels and
// targets, and the heading lines of text output.

#include <string>
#include <vector>

#include <routemap/assessment.hpp>
#include <routemap/framework.hpp>
#include <routemap/scoring.hpp>
#include <routemap/status.hpp>
#include <routemap/target.hpp>

#include "cli.hpp"

namespace routemap::cli {

struct Assessed {
    Assessment assessment;
    Framework framework;
};

// The answer a criterion was given, for people: its id and name ("half: Yes, for at least half"), or
// `otherwise` when it was given a status.
std::string answer_or(const Assessed& a, const std::string& criterion_id, const std::string& otherwise);

// --framework ID|FILE, for assessments whose framework is not on the search path.
void framework_option(CommandLine& command);
// --model/-m NAME: the scoring model, default the framework's.
void model_option(CommandLine& command);
// Reads the assessment, finds its framework and checks that they fit (AssessmentError otherwise).
Assessed load_assessed(Context& context, const CommandLine& command, const std::string& file);

// "Not yet" for 0, else the name of tier `level` (1-based).
std::string level_name(const Framework& framework, int level);
// "Intermediate everywhere", or with the overrides: "Intermediate; culture: Advanced; ...".
std::string describe_target(const Framework& framework, const Target& target);
// "12 met, 3 partial, 4 not met, 40 unknown" (zero counts left out).
std::string describe_counts(const StatusCounts& counts);
// "Subject — Framework name 1.0.0" and "Assessed 2024-01-31 by A, B." lines, wrapped.
std::string assessment_heading(const std::string& title, const Assessed& assessed);
// "Fundamental" for a criterion's tier.
std::string tier_name(const Framework& framework, const Criterion& criterion);
// "Domain / Area" for a criterion (just the domain for an implicit area).
std::string area_path(const Framework& framework, const Area& area);

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");
// The word for n things: "1 step", "2 steps".
std::string plural(std::size_t n, const std::string& one, const std::string& many = {});

}  // namespace routemap::cli
