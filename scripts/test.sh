#!/usr/bin/env bash
# All the tests: C++ (GoogleTest, find_package consumer, CLI, browser) and Python (pytest against the
# package installed by `pip install .` into a fresh virtual environment, including the notebook).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_BUILD_DIR:-$here/build}
export ROUTEMAP_ARTIFACTS_DIR=${ROUTEMAP_ARTIFACTS_DIR:-$build/artifacts}
export ROUTEMAP_REQUIRE_BROWSER=1
mkdir -p "$ROUTEMAP_ARTIFACTS_DIR"

bash "$here/scripts/build.sh" -DROUTEMAP_BUILD_TESTS=ON
(cd "$build" && ctest --output-on-failure -j2)

if [ -f "$here/pyproject.toml" ]; then
  venv=$build/venv
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --upgrade pip
  "$venv/bin/python" -m pip install -q "$here[test]"
  # Run from outside the source tree so that only the installed package can be imported.
  (cd "$ROUTEMAP_ARTIFACTS_DIR" && "$venv/bin/python" -m pytest -q -p no:cacheprovider "$here/tests/python")
fi
