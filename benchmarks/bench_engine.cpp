// Prints how fast the engine is on the bundled frameworks. Numbers, not assertions:
//   build/benchmarks/routemap_benchmark [rows]
#include <chrono>
#include <iostream>
#include <random>

#include <routemap/routemap.hpp>

namespace {

template <class F>
double seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace routemap;
    const std::size_t rows = argc > 1 ? std::stoul(argv[1]) : 100000;
    const std::string root = ROUTEMAP_SOURCE_DIR;

    const int loads = 200;
    const double load = seconds([&] {
        for (int i = 0; i < loads; ++i) (void)load_framework(root + "/frameworks/newham-organisation.toml");
    });
    std::cout << "load newham-organisation.toml: " << load / loads * 1e3 << " ms per load\n";

    Registry::Options options;
    options.load_plugins = false;
    const Registry registry({root}, options);
    const auto& f = registry.get("newham-service");
    const auto n = f.criteria().size();
    std::mt19937 random(1);
    std::uniform_int_distribution<int> code(0, 4);
    std::vector<std::uint8_t> codes(rows * n);
    for (auto& c : codes) c = static_cast<std::uint8_t>(code(random));

    for (const auto& name : registry.model_names()) {
        const auto& model = registry.model(name);
        const auto parameters = resolve_parameters(model, f);
        BatchScores out;
        const double t = seconds([&] { out = score_many(model, f, codes.data(), rows, n, parameters); });
        std::cout << "score_many " << name << ": " << rows << " assessments x " << n << " criteria in " << t
                  << " s = " << static_cast<double>(rows) / t << " assessments/s\n";
    }

    const auto blank = Assessment::blank(f, "bench", "2026-01-01");
    const int paths = 2000;
    const double p = seconds([&] {
        for (int i = 0; i < paths; ++i) (void)progression_path(f, analyse_gap(f, blank, Target::uniform("advanced")));
    });
    std::cout << "gap + path (all " << n << " criteria open): " << p / paths * 1e6 << " us each\n";
    return 0;
}
