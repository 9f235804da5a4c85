#!/usr/bin/env bash
# Installs every system package routemap needs to build, test and render reports (Debian 12).
# Quick when everything is already there: apt is only asked when a package is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev libboost-program-options-dev
  libtomlplusplus-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev pybind11-dev
  chromium fonts-dejavu-core
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
