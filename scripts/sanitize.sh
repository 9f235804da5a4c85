#!/usr/bin/env bash
# Builds routemap (library, CLI, plugins, tests) with AddressSanitizer and UndefinedBehaviorSanitizer
# (-DROUTEMAP_SANITIZE=ON) into ./build-asan and runs the C++ and CLI test suites under them: any
# sanitizer report stops the process at once (halt_on_error) and fails its test. The find_package
# consumer test is left out (it builds a separate, uninstrumented project); the Python tests are not
# run here (scripts/test.sh runs them against the ordinary build).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_ASAN_BUILD_DIR:-$here/build-asan}
start=$(date +%s)
# Warnings are not errors here: GCC's instrumentation produces false -Wrestrict / -Wstringop warnings
# in libstdc++ (GCC bug 105651 and kin); the ordinary build keeps -Werror.
ROUTEMAP_BUILD_DIR=$build bash "$here/scripts/build.sh" -DROUTEMAP_BUILD_TESTS=ON -DROUTEMAP_SANITIZE=ON \
  -DROUTEMAP_BUILD_BENCHMARKS=OFF -DROUTEMAP_WARNINGS_AS_ERRORS=OFF
built=$(date +%s)
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export ROUTEMAP_SANITIZED=1  # tests that depend on how a crash is reported read this
(cd "$build" && ctest --output-on-failure -j2 -E '^consumer_find_package$')
echo "sanitizer suite: build $((built - start)) s, tests $(($(date +%s) - built)) s"
