// Prints how fast the engine is. Numbers, not assertions (docs/performance.md):
//   routemap_benchmark batch [rows] [threads]        score_many on newham-organisation, every built-in model
//   routemap_benchmark threads [rows] [calls]        one against two threads, interleaved, new and reused output
//   routemap_benchmark graph FRAMEWORK ASSESSMENT [CACHE_DIR]   load + validate (from the text, and from a
//                                                    framework cache in CACHE_DIR), gap and path on one framework file
#include <sys/resource.h>
#include <time.h>

#include <ctime>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <random>
#include <string>

#include <routemap/routemap.hpp>

namespace {

using namespace routemap;

// CPU time of the whole process (every thread), which unlike wall time does not grow when other jobs
// share the cores; on one thread it is that thread's time.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

template <class F>
double best_seconds(int repeat, F&& f) {
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

double peak_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The built-in models and newham-organisation, without plugins, and `rows` rows of its status codes
// drawn with a fixed seed (mostly met, every code present).
Registry batch_registry() {
    Registry::Options options;
    options.load_plugins = false;
    return Registry({ROUTEMAP_SOURCE_DIR}, options);
}

std::vector<std::uint8_t> batch_codes(std::size_t rows, std::size_t columns) {
    std::mt19937 random(1);
    const std::uint8_t mix[] = {0, 1, 2, 3, 3, 3, 4};
    std::vector<std::uint8_t> codes(rows * columns);
    for (auto& c : codes) c = mix[random() % 7];
    return codes;
}

int batch(std::size_t rows, unsigned threads) {
    const Registry registry = batch_registry();
    const auto& f = registry.get("newham-organisation");
    const auto n = f.criteria().size();
    const auto codes = batch_codes(rows, n);
    BatchOptions batch_options;
    batch_options.threads = threads;
    std::cout << "score_many, newham-organisation (" << n << " criteria), " << rows << " rows, " << threads
              << " thread(s):\n";
    for (const auto* name : {"staged", "continuous", "coverage"}) {
        const auto& model = registry.model(name);
        const auto parameters = resolve_parameters(model, f);
        double cpu = 1e300;
        const double t = best_seconds(3, [&] {
            const double start = cpu_seconds();
            const auto out = score_many(model, f, codes.data(), rows, n, parameters, batch_options);
            cpu = std::min(cpu, cpu_seconds() - start);
        });
        std::cout << "  " << name << ": " << t / static_cast<double>(rows) * 1e9 << " ns per row (wall), "
                  << cpu / static_cast<double>(rows) * 1e9 << " ns per row (CPU, all threads)\n";
    }
    std::cout << "  peak memory " << peak_mb() << " MB (input " << static_cast<double>(codes.size()) / 1048576.0 << " MB)\n";
    return 0;
}

// One and two threads, interleaved call by call in one process, so that the machine's drift (a
// virtual machine's speed moves by up to 2x within minutes) touches both alike; best and median of
// `repeats` calls each. Twice: each call with new output arrays (score_many), and each call writing
// into the arrays of the last (score_many_into), which leaves out the system's clearing of new pages.
int threads(std::size_t rows, int repeats) {
    const Registry registry = batch_registry();
    const auto& f = registry.get("newham-organisation");
    const auto n = f.criteria().size();
    const auto codes = batch_codes(rows, n);
    std::cout << "score_many, newham-organisation, " << rows << " rows, one and two threads interleaved, " << repeats
              << " calls each; ns per row (wall), best / median:\n";
    for (const bool reuse : {false, true}) {
        std::cout << (reuse ? "  into the arrays of the last call (score_many_into):\n" : "  new output arrays at each call (score_many):\n");
        for (const auto* name : {"staged", "continuous", "coverage"}) {
            const auto& model = registry.model(name);
            const auto parameters = resolve_parameters(model, f);
            std::vector<double> times[2];
            BatchScores kept[2];
            for (int i = 0; i < repeats; ++i)
                for (unsigned t : {1u, 2u}) {
                    BatchOptions batch_options;
                    batch_options.threads = t;
                    const auto start = std::chrono::steady_clock::now();
                    if (reuse) score_many_into(kept[t - 1], model, f, codes.data(), rows, n, parameters, batch_options);
                    else kept[t - 1] = score_many(model, f, codes.data(), rows, n, parameters, batch_options);
                    times[t - 1].push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
                                           static_cast<double>(rows) * 1e9);
                    if (!reuse) kept[t - 1] = BatchScores{};  // freed outside the timing
                }
            for (auto& v : times) std::sort(v.begin(), v.end());
            const auto median = [](const std::vector<double>& v) { return v[v.size() / 2]; };
            std::cout << "    " << name << ": one thread " << times[0].front() << " / " << median(times[0]) << ", two threads "
                      << times[1].front() << " / " << median(times[1]) << "; two / one " << times[0].front() / times[1].front()
                      << "x / " << median(times[0]) / median(times[1]) << "x\n";
        }
    }
    return 0;
}

// Best of three, wall and processor time, in ms; `untimed` runs before each (freeing the last result,
// which is not the work measured).
template <class F, class Untimed = void (*)()>
std::string best_ms(F&& f, Untimed untimed = [] {}) {
    double wall = 1e300, cpu = 1e300;
    for (int i = 0; i < 3; ++i) {
        untimed();
        const double c = cpu_seconds();
        wall = std::min(wall, best_seconds(1, f));
        cpu = std::min(cpu, cpu_seconds() - c);
    }
    return std::to_string(static_cast<long>(wall * 1e3 + 0.5)) + " ms (cpu " + std::to_string(static_cast<long>(cpu * 1e3 + 0.5)) +
           " ms)";
}

int graph(const std::string& framework_file, const std::string& assessment_file, const std::string& cache_dir) {
    std::optional<Framework> loaded;
    const auto load_text = [&](const FrameworkCache* cache) {
        auto result = try_load_framework(framework_file, cache);
        if (!result.framework) throw FrameworkError(std::move(result.diagnostics));
        loaded = std::move(result.framework);
    };
    const auto load = best_ms([&] { load_text(nullptr); }, [&] { loaded.reset(); });
    // From the framework cache (framework_cache.hpp), filled once here, outside the timing; texts
    // under its usual 1 MiB threshold too.
    FrameworkCache::Options options;
    options.min_bytes = 0;
    const FrameworkCache cache(cache_dir, options);
    loaded.reset();
    load_text(&cache);
    const auto cached = best_ms([&] { load_text(&cache); }, [&] { loaded.reset(); });
    const Framework& f = *loaded;
    Assessment a;
    const auto read = best_ms([&] { a = read_assessment(assessment_file); }, [&] { a = Assessment{}; });
    GapAnalysis gap;
    const auto target = Target::uniform(f.tiers().back().id);
    const auto g = best_ms([&] { gap = analyse_gap(f, a, target); });
    ProgressionPath path;
    const auto p = best_ms([&] { path = progression_path(f, gap); });
    std::size_t edges = f.graph().edges().size();
    std::cout << f.id() << ": " << f.criteria().size() << " criteria, " << edges << " edges\n"
              << "  load + validate " << load << "\n"
              << "  load + validate, from the cache " << cached << "\n"
              << "  read assessment " << read << "\n"
              << "  gap (" << gap.items.size() << " items) " << g << "\n"
              << "  path (" << path.phase_count() << " phases) " << p << "\n"
              << "  peak memory " << peak_mb() << " MB\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string what = argc > 1 ? argv[1] : "batch";
    try {
        if (what == "graph" && (argc == 4 || argc == 5))
            return graph(argv[2], argv[3], argc == 5 ? argv[4] : "routemap-benchmark-cache");
        if (what == "threads")
            return threads(argc > 2 ? std::stoul(argv[2]) : 1000000, argc > 3 ? std::stoi(argv[3]) : 9);
        if (what == "batch")
            return batch(argc > 2 ? std::stoul(argv[2]) : 1000000, argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 1);
    } catch (const std::exception& e) {
        std::cerr << "routemap_benchmark: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: routemap_benchmark batch [rows] [threads] | threads [rows] [calls] | graph FRAMEWORK ASSESSMENT\n";
    return 2;
}
