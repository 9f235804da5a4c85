#!/usr/bin/env bash
# The benchmarks of docs/performance.md: a Release build, the Python package installed into a venv,
# then score_many against the numpy and Python references, the C++ kernel, and the graph benchmarks.
# Prints numbers; asserts only that the references agree with score_many.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_BENCH_DIR:-$here/build-bench}
bash "$here/scripts/install-deps.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DROUTEMAP_BUILD_TESTS=OFF \
  -DROUTEMAP_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
venv=$build/venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "$here"
echo "== score_many: routemap vs numpy vs Python"
(cd "$build" && "$venv/bin/python" "$here/benchmarks/score_many.py" "$@")
echo
echo "== the C++ kernel"
"$build/benchmarks/routemap_benchmark" batch 1000000 1
"$build/benchmarks/routemap_benchmark" batch 1000000 2
"$build/benchmarks/routemap_benchmark" threads 1000000 9
echo
echo "== load, gap, path and the CLI on synthetic frameworks"
python3 "$here/benchmarks/graph.py" --build "$build"
