// Every input that a fuzz target ever found a fault with is kept in fuzz/regressions/<target>/ and
// replayed here through the same target body (fuzz/targets.cpp), in every build: a fault that comes
// back aborts this test (or is reported by the sanitizers in the ROUTEMAP_SANITIZE build).
#include <gtest/gtest.h>

#include <filesystem>

#include "../../fuzz/targets.hpp"
#include "test_support.hpp"

namespace {

TEST(FuzzRegressions, EveryKeptInputIsAnsweredWithoutAFault) {
    std::size_t replayed = 0;
    for (const auto& target : routemap::fuzz::targets()) {
        const auto directory = routemap::test::source_dir() / "fuzz" / "regressions" / target.name;
        ASSERT_TRUE(std::filesystem::is_directory(directory)) << directory;
        for (const auto& entry : std::filesystem::directory_iterator(directory)) {
            if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;  // .gitkeep
            SCOPED_TRACE(entry.path().string());
            target.run(routemap::test::detail_read(entry.path()));
            ++replayed;
        }
    }
    RecordProperty("replayed", static_cast<int>(replayed));
}

}  // namespace
