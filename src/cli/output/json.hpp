#pragma once
// JSON forms of routemap's results, for --format json. Keys keep a fixed order so that output is
// stable and diffable; every result names its framework, so that a file stands on its own.

#include <string>

#include <nlohmann/json.hpp>

#include <routemap/aggregate.hpp>
#include <routemap/compare.hpp>
#include <routemap/diagnostic.hpp>
#include <routemap/framework.hpp>
#include <routemap/gap.hpp>
#include <routemap/progression.hpp>
#include <routemap/registry.hpp>
#include <routemap/scoring.hpp>

namespace routemap::cli {

using Json = nlohmann::ordered_json;

// Pretty-printed, ending with a newline.
std::string dump(const Json& value);

Json to_json(const Diagnostic& diagnostic);
Json to_json(const FrameworkSummary& summary);
Json to_json(const Framework& framework);  // everything: tiers, domains, actions, areas, criteria
Json to_json(const ScoreResult& score);
Json to_json(const Framework& framework, const GapAnalysis& gap);
Json to_json(const Framework& framework, const ProgressionPath& path);
Json to_json(const Comparison& comparison);
Json to_json(const Aggregate& aggregate);
Json to_json(const Target& target);

}  // namespace routemap::cli
