#pragma once
// Tools for framework authors (docs/framework-authoring.md): writing a FrameworkSpec as a framework
// file, and turning a maturity matrix kept in a spreadsheet into a framework skeleton.

#include <string>
#include <string_view>
#include <vector>

#include <routemap/diagnostic.hpp>
#include <routemap/framework_spec.hpp>

namespace routemap {

// A framework file (TOML, format_framework_version) stating everything in `spec`, in the order of
// docs/framework-format.md; parse_framework reads it back to the same spec (locations aside).
std::string format_framework_spec(const FrameworkSpec& spec);

struct MatrixImportOptions {
    std::string id;    // the framework id; default: made from the name, else from the source's file name
    std::string name;  // the framework name; default: the id
};

struct MatrixImport {
    FrameworkSpec spec;  // the skeleton: placeholders where the matrix says nothing (publisher, year, ...)
    std::string toml;    // format_framework_spec(spec)
    // What needs an author's decision (warnings, at the cell concerned): ids made from names,
    // placeholders, cells holding several sentences, areas without a cell at some tier. Errors
    // (Severity::error) when the matrix cannot be read; then spec and toml are empty.
    std::vector<Diagnostic> notes;
};

// Reads a matrix laid out as the Newham matrices are: a header row, then one row per area; the first
// column is the step or domain (a blank cell: the domain above goes on), the second the area (a blank
// cell: more cells of the area above), and every further column one tier, named by its header, lowest
// first. Each non-empty cell is one criterion, its text the cell's; a cell whose lines are all bullets
// ("- ", "* ", "• ") is one criterion per bullet. Tier, domain and area ids are made from the names
// (lowercase, hyphens, unique), criterion ids are TIER.N in each area. The result always validates.
MatrixImport import_matrix(std::string_view csv_text, const std::string& source_name,
                           const MatrixImportOptions& options = {});

}  // namespace routemap
