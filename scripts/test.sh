#!/usr/bin/env bash
# Runs every jsonsieve test; exits non-zero if any stage fails (all stages still run).
#   1. scripts/setup.sh, scripts/build.sh all          (a failure here stops at once)
#   2. generated sources in sync: node scripts/gen_*.mjs --check
#   3. ctest in build/native, then in build/wasm     (Catch2 tests, official suite, native = wasm)
#   4. size budget: node scripts/check-size.mjs      (gzip of the shipped files vs size-budget.json)
#   5. CLI end to end: scripts/run.sh --cli-demo     (1000 generated records, exactly the bad ones flagged)
#   6. fuzzing: scripts/fuzz.sh --seconds N          (every target; N = JSONSIEVE_FUZZ_SECONDS, 60)
#   7. leak check: scripts/leak-check.sh --valgrind  (Catch2 tests and the 2020-12 suite under memcheck)
#   8. data races: scripts/tsan.sh                   (the concurrency tests under ThreadSanitizer)
#   9. npm test                                      (when package.json defines "test")
#  10. browser tests                                 (root script "test:browser", or web/'s "test")
# CTest's and node --test's own closing summaries stay the last lines of each stage.
# JUnit reports of the CTest runs go to test-artifacts/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="${JSONSIEVE_JOBS:-2}"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" all

failed=()
stage() {  # stage NAME COMMAND...: runs one stage, remembers its failure
  local name="$1"; shift
  echo
  echo "=== test: $name"
  if ! "$@"; then failed+=("$name"); fi
}

# True when package.json in $1 defines script $2.
has_npm_script() {
  [[ -f "$1/package.json" ]] &&
    node -e 'process.exit(require(process.argv[1]).scripts?.[process.argv[2]] ? 0 : 1)' \
      "$1/package.json" "$2"
}

check_generated() {
  local gen rc=0
  for gen in "$ROOT"/scripts/gen_*.mjs; do
    [[ -e "$gen" ]] || continue
    node "$gen" --check || rc=1
  done
  return $rc
}

ctest_in() {  # ctest_in native|wasm
  mkdir -p "$ROOT/test-artifacts"
  (cd "$ROOT/build/$1" && ctest --output-on-failure --no-tests=error -j "$JOBS" --timeout 600 \
     --output-junit "$ROOT/test-artifacts/ctest-$1.xml")
}

stage "generated sources in sync" check_generated
stage "ctest native" ctest_in native
stage "ctest wasm" ctest_in wasm
stage "size budget" node "$ROOT/scripts/check-size.mjs"
stage "CLI end to end" "$ROOT/scripts/run.sh" --cli-demo
stage "fuzzing" "$ROOT/scripts/fuzz.sh" --seconds "${JSONSIEVE_FUZZ_SECONDS:-60}"
stage "leak check" "$ROOT/scripts/leak-check.sh" --valgrind
stage "data races" "$ROOT/scripts/tsan.sh"
if has_npm_script "$ROOT" test; then
  stage "npm test" npm test --silent
fi
if has_npm_script "$ROOT" test:browser; then
  stage "browser tests" npm run --silent test:browser
elif has_npm_script "$ROOT/web" test; then
  stage "browser tests (web/)" npm --prefix "$ROOT/web" test --silent
fi

if ((${#failed[@]})); then
  echo
  printf 'test.sh: FAILED stage: %s\n' "${failed[@]}" >&2
  exit 1
fi
