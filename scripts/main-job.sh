#!/usr/bin/env bash
# The main job: build routemap, list the bundled frameworks, score the bundled example assessment
# and write the board report.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${ROUTEMAP_BUILD_DIR:-$here/build}
bash "$here/scripts/build.sh" -DROUTEMAP_BUILD_TESTS=OFF
cli=("$build/src/cli/routemap" --path "$here" --path "$build/share/routemap")
example=$here/examples/newham-organisation-2026.toml
previous=$here/examples/newham-organisation-2025.toml
report=$build/report.html

echo "== Frameworks on the search path"
"${cli[@]}" list
echo
echo "== Score: $example"
"${cli[@]}" score "$example"
echo
args=(report "$example" -o "$report" --target intermediate)
[ -f "$previous" ] && args+=(--previous "$previous")
"${cli[@]}" "${args[@]}"
