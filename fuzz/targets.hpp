#pragma once
// The bodies of the fuzz targets (docs/fuzzing.md), shared by the libFuzzer entry points (fuzz_*.cpp)
// and by the GoogleTest that replays every input kept in fuzz/regressions/<target>/. Each one feeds
// the bytes to a reader; a routemap::Error is the expected answer to bad input, anything else (another
// exception, a crash, a sanitizer report, a failed round trip) is a finding.

#include <string>
#include <string_view>
#include <vector>

namespace routemap::fuzz {

void framework(std::string_view data);
void assessment_toml(std::string_view data);
void assessment_json(std::string_view data);
void assessment_csv(std::string_view data);
void target(std::string_view data);
void matrix(std::string_view data);  // import_matrix: a CSV maturity matrix
void mapping(std::string_view data);  // a crosswalk, checked and projected through when it names bundled frameworks
void panel(std::string_view data);    // a panel file: several raters in one file
void framework_cache(std::string_view data);  // a framework cache entry's payload (spec_codec.hpp)

struct Target {
    const char* name;  // also the directory under fuzz/regressions/
    void (*run)(std::string_view);
};
const std::vector<Target>& targets();

}  // namespace routemap::fuzz
