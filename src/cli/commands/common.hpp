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
// Like load_assessed, but an assessment of an earlier version of the framework is migrated first
// (a note on stderr says so): compare works across versions (docs/versions.md).
Assessed load_assessed_across_versions(Context& context, const CommandLine& command, const std::string& file);
// AssessmentError saying what differs when the assessment is of an earlier version with [[changes]].
void explain_version(const Framework& framework, const Assessment& assessment);

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
// "Warning: 51 of 55 applicable criteria are unknown ..." when at least incomplete_unknown_share
// of them are; empty otherwise.
std::string completeness_warning(const StatusCounts& counts);
// "owner: Jo Bloggs · due 2026-03-31, overdue" for work still to do; empty when neither is known.
std::string ownership(const std::string& owner, const std::string& due, bool overdue);

}  // namespace routemap::cli
