#!/usr/bin/env bash
# Installs every system package routemap needs to build, test and render reports (Debian 12), and
# selenium and axe-selenium-python for the python3 that runs the command line tests (the form's
# browser tests drive Debian's chromium through chromium-driver with them). Quick when everything is already there: apt and
# pip are only asked when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libboost-program-options-dev
  libtomlplusplus-dev nlohmann-json3-dev libmd4c-dev libxxhash-dev libmimalloc-dev
  libgtest-dev libgmock-dev pybind11-dev
  chromium chromium-driver fonts-dejavu-core poppler-utils
)

# --fuzz: also clang and its libFuzzer/sanitizer runtime, for scripts/fuzz.sh only (the version
# Debian 12 ships; `apt-cache search libclang-rt` lists the others).
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "routemap: installing ${missing[*]}" >&2
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# tests/cli runs `python3 -m pytest` with whichever python3 is first on PATH: that one needs selenium
# (and axe-selenium-python, which ships axe-core for the form's accessibility check).
python_packages=("selenium>=4.11" "axe-selenium-python>=2.1.6")
if ! python3 -c "import selenium, axe_selenium_python" 2>/dev/null; then
  echo "routemap: installing ${python_packages[*]} for $(command -v python3)" >&2
  python3 -m pip install -q "${python_packages[@]}" 2>/dev/null ||
    python3 -m pip install -q --break-system-packages "${python_packages[@]}"
fi
