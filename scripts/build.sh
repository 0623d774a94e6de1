#!/usr/bin/env bash
# Builds jsonsieve (Release, Ninja, -j2):  scripts/build.sh [native|wasm|all]   (default: all)
#   native -> build/native (g++, Debian's RE2)      wasm -> build/wasm (emcmake, RE2 from npm sources)
# Re-running configures again (cheap) so new source files are picked up. Does not install anything:
# run scripts/setup.sh first (scripts/test.sh and scripts/run.sh do).
# JSONSIEVE_JOBS overrides the parallelism (the machine is shared: keep it at 2 or less).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JSONSIEVE_JOBS:-2}"
# emcc's JS optimizer needs Debian's acorn.
export NODE_PATH=/usr/share/nodejs

build_native() {
  echo "build: native -> build/native"
  cmake -S "$ROOT" -B "$ROOT/build/native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$ROOT/build/native" -j "$JOBS"
}

build_wasm() {
  echo "build: wasm -> build/wasm"
  # The emulator is also set in CMakeLists.txt; passing it here keeps the cache honest.
  emcmake cmake -S "$ROOT" -B "$ROOT/build/wasm" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
  cmake --build "$ROOT/build/wasm" -j "$JOBS"
}

case "${1:-all}" in
  native) build_native ;;
  wasm) build_wasm ;;
  all) build_native; build_wasm ;;
  *) echo "usage: $0 [native|wasm|all]" >&2; exit 2 ;;
esac
