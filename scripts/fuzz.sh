#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/fuzzing.md) with clang and -fsanitize=fuzzer,address,undefined
# into ./build-fuzz and runs each for SECONDS (default 60), one after the other. Exit 1 on any finding
# (a crash, a sanitizer report, a hang past 30 s, an exception other than routemap::Error, a failed
# round trip): the input is left in build-fuzz/findings/<target>/ — minimise it, fix the fault, and
# keep the input in fuzz/regressions/<target>/ so that the test suite replays it.
# The corpus grows in build-fuzz/corpus/<target>/ across runs; it is seeded from the bundled files.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     e.g. scripts/fuzz.sh 1800 framework
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_FUZZ_BUILD_DIR:-$here/build-fuzz}
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(framework assessment_toml assessment_json assessment_csv target matrix mapping panel framework_cache)

bash "$here/scripts/install-deps.sh" --fuzz
CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DROUTEMAP_BUILD_FUZZERS=ON -DROUTEMAP_BUILD_TESTS=OFF -DROUTEMAP_BUILD_CLI=OFF -DROUTEMAP_BUILD_PLUGINS=OFF \
  -DROUTEMAP_BUILD_BENCHMARKS=OFF -DROUTEMAP_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# Seeds: the bundled frameworks, examples and test data, the bad-input corpus, fuzz/seeds and every
# regression input.
seeds() {
  case $1 in
    framework) ls "$here"/frameworks/*.toml "$here"/tests/data/*.toml ;;
    assessment_toml) ls "$here"/examples/*.toml "$here"/examples/*/*.toml ;;
    target) ls "$here"/examples/target-*.toml ;;
    mapping) ls "$here"/mappings/*.toml ;;
    panel) ls "$here"/tests/data/panel.toml ;;
  esac
  local kind=${1#assessment_}
  [ -d "$here/tests/data/bad" ] && find "$here/tests/data/bad" -type f -name "*.$kind" 2>/dev/null | head -200
  [ -d "$here/fuzz/seeds/$1" ] && find "$here/fuzz/seeds/$1" -type f
  find "$here/fuzz/regressions/$1" -type f ! -name '.*'
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=0
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t findings=$build/findings/$t seed_dir=$build/seeds/$t
  mkdir -p "$corpus" "$findings" "$seed_dir"
  rm -f "$seed_dir"/*
  seeds "$t" | sort -u | while read -r f; do [ -f "$f" ] && cp "$f" "$seed_dir/$(basename "$(dirname "$f")")-$(basename "$f")"; done
  echo "== fuzz_$t for ${seconds}s (corpus $(find "$corpus" -type f | wc -l) files, $(find "$seed_dir" -type f | wc -l) seeds)"
  if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -max_len=65536 \
       -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$seed_dir" 2>"$build/fuzz_$t.log"; then
    echo "fuzz_$t: FINDING (see $build/fuzz_$t.log and $findings/)"
    tail -40 "$build/fuzz_$t.log"
    failed=1
  fi
  grep -E "^stat::|^Done|INFO: Loaded|#[0-9]+.*DONE" "$build/fuzz_$t.log" | tail -12 || true
  echo "fuzz_$t: corpus now $(find "$corpus" -type f | wc -l) files"
done
exit $failed
