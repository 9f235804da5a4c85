// One libFuzzer entry point per target: built once per target with ROUTEMAP_FUZZ_TARGET set to its
// function in targets.hpp (fuzz/CMakeLists.txt).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    routemap::fuzz::ROUTEMAP_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
