#include "commands/collecting.hpp"

#include <filesystem>
#include <iostream>

#include "output/diagnostics.hpp"
#include "output/terminal.hpp"

namespace routemap::cli {

Collection read_collection(Context& context, const std::vector<std::string>& inputs, const std::string& command) {
    if (inputs.empty()) throw UsageError("missing DIR or FILE: name the assessments", command);
    for (const auto& input : inputs) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(input, ec)) note_input(input);
    }
    auto collection = Collection::read(inputs, &context.registry());
    for (const auto& a : collection.assessments()) note_input(a.file);  // -o never replaces one of them
    for (const auto& problem : collection.problems()) {
        const bool serious = problem.kind != CollectionProblemKind::duplicate;
        std::cerr << "routemap: " << (serious ? "error: " : "warning: ") << to_string(problem.kind) << ": " << escape_controls(problem.message)
                  << '\n';
        for (std::size_t i = 1; i < problem.diagnostics.size(); ++i)
            std::cerr << "  " << escape_controls(diagnostic_line(problem.diagnostics[i])) << '\n';
        if (problem.files.size() > 1)
            for (const auto& file : problem.files) std::cerr << "  " << escape_controls(file) << '\n';
    }
    if (collection.assessments().empty()) throw InputError("no assessment could be used from " + std::to_string(inputs.size()) + " input(s)");
    return collection;
}

Json problems_json(const Collection& collection) {
    Json out = Json::array();
    for (const auto& p : collection.problems()) {
        Json diagnostics = Json::array();
        for (const auto& d : p.diagnostics) diagnostics.push_back(to_json(d));
        out.push_back(Json{{"kind", std::string(to_string(p.kind))}, {"message", p.message}, {"files", p.files},
                           {"diagnostics", std::move(diagnostics)}});
    }
    return out;
}

bool names_a_collection(const std::vector<std::string>& inputs) {
    for (const auto& input : inputs) {
        std::error_code ec;
        if (std::filesystem::is_directory(input, ec)) return true;
        if (!std::filesystem::exists(input, ec) && input.find_first_of("*?[") != std::string::npos) return true;
    }
    return false;
}

}  // namespace routemap::cli
