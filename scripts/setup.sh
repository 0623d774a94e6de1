#!/usr/bin/env bash
# Installs what jsonsieve's build and tests need, and only what is missing (idempotent).
# Debian 12, run as root (CI and developers are root). A ready machine does no apt or npm work.
#   apt:  toolchains and headers (Emscripten, Binaryen, RapidJSON, Catch2, RE2, wabt, Ninja, Chromium,
#         clang for the fuzzers, Google Benchmark, valgrind for the leak check)
#   npm:  `npm ci --ignore-scripts` at the root (RE2 sources, Closure) and in web/ when it has a lockfile.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APT_PACKAGES=(emscripten binaryen rapidjson-dev catch2 libre2-dev wabt ninja-build pkg-config brotli
              clang libclang-rt-14-dev chromium libbenchmark-dev valgrind)

log() { printf 'setup: %s\n' "$*"; }

# --- apt -------------------------------------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
  [[ "$status" == installed ]] || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing apt packages: ${missing[*]} (run as root to install them)" >&2
    exit 1
  fi
  log "installing apt packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
else
  log "apt packages present (${#APT_PACKAGES[@]})"
fi

# --- npm -------------------------------------------------------------------------------------
# Reinstall when node_modules is absent or the lockfile changed after the last install
# (npm writes node_modules/.package-lock.json on every install).
npm_ci_if_stale() {
  local dir="$1" name="${1#"$ROOT"}"
  name="${name#/}"; name="${name:-.}"
  [[ -f "$dir/package-lock.json" ]] || return 0
  local stamp="$dir/node_modules/.package-lock.json"
  if [[ ! -d "$dir/node_modules" || ! -f "$stamp" || "$dir/package-lock.json" -nt "$stamp" ]]; then
    log "npm ci --ignore-scripts in $name"
    (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  else
    log "node_modules up to date in $name"
  fi
}
npm_ci_if_stale "$ROOT"
npm_ci_if_stale "$ROOT/web"
