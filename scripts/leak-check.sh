#!/usr/bin/env bash
# Runs the native tests under a leak checker; exits non-zero on any leak (or failing test).
#   scripts/leak-check.sh              LeakSanitizer: every CTest test of a -fsanitize=leak build
#                                      in build/lsan (Catch2 tests, suite runner on all drafts,
#                                      optional tests, annotations, output tests)
#   scripts/leak-check.sh --valgrind   valgrind --leak-check=full on a subset, with the ordinary
#                                      binaries of build/native (scripts/build.sh native first):
#                                      the Catch2 tests outside [perf]/[timed] (wall-clock bounds)/[depth]/[concurrency]/[alloc]
#                                      (too slow under valgrind) and [!mayfail] (known open bugs),
#                                      and the 2020-12 suite; any memcheck error fails, not only leaks
#   -R REGEX                           only CTest tests matching REGEX (LeakSanitizer mode)
# LeakSanitizer (g++ -fsanitize=leak) only intercepts allocations: timings and the allocation-
# counting tests behave as in the release build, and leaks are reported at exit with stacks.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JSONSIEVE_JOBS:-2}"
SUITE="${JSONSIEVE_SUITE_DIR:-$ROOT/../shared/json-schema-test-suite}"
mode=lsan
filter=()
while (($#)); do
  case "$1" in
    --valgrind) mode=valgrind; shift ;;
    -R) filter=(-R "$2"); shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "leak-check.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
start=$SECONDS

if [[ $mode == lsan ]]; then
  BUILD="$ROOT/build/lsan"
  # RelWithDebInfo: optimized like the release build, with line numbers in the leak stacks.
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS=-fsanitize=leak -fno-omit-frame-pointer" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=leak" >/dev/null
  cmake --build "$BUILD" -j "$JOBS" --target jsonsieve_tests suite_runner
  # exitcode: what a leaking process returns (CTest then reports the test as failed).
  export LSAN_OPTIONS="exitcode=23:report_objects=1:max_leaks=20"
  echo "leak-check.sh: built in $((SECONDS - start)) s; running CTest under LeakSanitizer"
  # Catch2 tests have their own main; the suite runner's tests too: a leak in any process fails
  # that test. Hidden Catch2 tests ([.]) are not run, as in the ordinary test command.
  rc=0
  (cd "$BUILD" && ctest --output-on-failure --no-tests=error -j "$JOBS" "${filter[@]}") || rc=$?
  if ((rc != 0)); then
    echo "leak-check.sh: FAILED (a leak reports \"ERROR: LeakSanitizer: detected memory leaks\" above)" >&2
    exit 1
  fi
  echo "leak-check.sh: no leaks (LeakSanitizer, $((SECONDS - start)) s)"
  exit 0
fi

# --- valgrind ----------------------------------------------------------------------------------
BUILD="$ROOT/build/native"
command -v valgrind >/dev/null || { echo "leak-check.sh: valgrind not installed" >&2; exit 2; }
[[ -x "$BUILD/jsonsieve_tests" && -x "$BUILD/suite_runner" ]] ||
  { echo "leak-check.sh: build/native binaries missing: run scripts/build.sh native" >&2; exit 2; }
# RE2 reads uninitialized memory on purpose (its sparse sets and arrays are valid whatever the
# memory holds; upstream only initializes it when built for valgrind/MSan): not our errors.
supp="$ROOT/build/valgrind-re2.supp"
mkdir -p "$ROOT/build"
cat > "$supp" <<'SUPP'
{
   re2-sparse-uninitialised-cond
   Memcheck:Cond
   obj:*/libre2.so*
}
{
   re2-sparse-uninitialised-value
   Memcheck:Value8
   obj:*/libre2.so*
}
SUPP
# Any memcheck error fails the run, not only leaks (an invalid read is worse than a leak).
vg=(valgrind --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible
    --error-exitcode=1 --quiet --suppressions="$supp"
    --show-mismatched-frees=no)  # the allocation-counting tests replace global new/delete with malloc/free
failed=()
run() {  # run NAME COMMAND...
  local name="$1"; shift
  echo "=== valgrind: $name"
  if ! (cd "$ROOT" && "${vg[@]}" "$@"); then failed+=("$name"); fi
}
# [!mayfail]: known open bugs (some are invalid reads, see tests/fuzz/regressions/OPEN).
run "Catch2 tests" "$BUILD/jsonsieve_tests" --use-colour no "~[perf]~[timed]~[depth]~[concurrency]~[alloc]~[huge]~[!mayfail]"
run "suite draft2020-12" "$BUILD/suite_runner" --suite "$SUITE" --draft draft2020-12
if ((${#failed[@]})); then
  printf 'leak-check.sh: FAILED under valgrind: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "leak-check.sh: no leaks (valgrind, $((SECONDS - start)) s)"
