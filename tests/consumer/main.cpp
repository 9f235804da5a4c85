// A program outside routemap's tree, built against the installed package.
#include <iostream>

#include <routemap/routemap.hpp>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    const auto framework = routemap::load_framework(argv[1]);
    std::cout << framework.id() << ' ' << framework.domains().size() << ' ' << framework.criteria().size() << '\n';
    routemap::Registry registry;
    std::cout << "models:";
    for (const auto& name : registry.model_names()) std::cout << ' ' << name;
    std::cout << "\nversion " << routemap::version_string << '\n';
    return framework.criteria().empty() ? 1 : 0;
}
