#!/usr/bin/env bash
# Configures and builds routemap (library, CLI, plugins, tests) into ./build.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_BUILD_DIR:-$here/build}
bash "$here/scripts/install-deps.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROUTEMAP_WARNINGS_AS_ERRORS=ON "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
