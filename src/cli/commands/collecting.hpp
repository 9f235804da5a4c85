#pragma once
// What the commands that read many assessments share (history, aggregate with a folder, rollup):
// reading a collection from folders, files and globs, and reporting its problems.

#include <string>
#include <vector>

#include <routemap/collection.hpp>

#include "cli.hpp"
#include "output/json.hpp"

namespace routemap::cli {

// Reads the inputs as a collection checked against the registry; prints every problem on stderr
// (with the files and positioned errors). InputError when no assessment could be used at all.
Collection read_collection(Context& context, const std::vector<std::string>& inputs, const std::string& command);
Json problems_json(const Collection& collection);
// True when an input is a folder or a glob pattern (the collection forms of a command).
bool names_a_collection(const std::vector<std::string>& inputs);

}  // namespace routemap::cli
