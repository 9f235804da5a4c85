#include "output/diagnostics.hpp"

#include "output/terminal.hpp"

namespace routemap::cli {

std::string diagnostic_line(const Diagnostic& d) {
    std::string line = d.to_string();
    if (d.location.file.empty()) line = "routemap: " + line;
    // A message may quote text with line breaks; keep one diagnostic on one line.
    for (auto& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    return escape_controls(line);
}

void print_diagnostics(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) out << diagnostic_line(d) << '\n';
}

}  // namespace routemap::cli
