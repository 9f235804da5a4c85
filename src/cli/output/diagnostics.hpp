#pragma once
// Diagnostics as compilers print them, one per line: "file:line:column: error: message". A
// diagnostic that belongs to no file is prefixed "routemap: " so that every line says who speaks.

#include <ostream>
#include <string>
#include <vector>

#include <routemap/diagnostic.hpp>

namespace routemap::cli {

std::string diagnostic_line(const Diagnostic& diagnostic);
void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

}  // namespace routemap::cli
