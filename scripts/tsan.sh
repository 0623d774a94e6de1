#!/usr/bin/env bash
# ThreadSanitizer run of the concurrency tests:  scripts/tsan.sh
# Builds the engine library with -fsanitize=thread into build/tsan (CMake, target jsonsieve_engine
# only), links tests/native/concurrency_test.cc + main.cc against it, and runs the [concurrency]
# test cases. Exits non-zero on a test failure or on any data race TSan reports.
# Native only; RE2 is Debian's (not instrumented: its locking goes through pthread, which TSan
# intercepts). JSONSIEVE_JOBS overrides the parallelism (default 2: the machine is shared).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/tsan"
JOBS="${JSONSIEVE_JOBS:-2}"
CXX="${CXX:-g++}"
SAN_FLAGS="-fsanitize=thread -g -O1 -fno-omit-frame-pointer"

echo "tsan: engine -> $BUILD"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_COMPILER=$CXX" "-DCMAKE_CXX_FLAGS=$SAN_FLAGS" \
  "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread" >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target jsonsieve_engine

echo "tsan: concurrency tests"
TEST_OBJS=()
for src in concurrency_test.cc main.cc; do
  obj="$BUILD/tsan_${src%.cc}.o"
  # The test is always rebuilt (engine headers may have changed); Catch2's main only once.
  if [[ "$src" != main.cc || ! -f "$obj" ]]; then
    "$CXX" -std=c++17 $SAN_FLAGS -DRAPIDJSON_HAS_STDSTRING=1 \
      -I"$ROOT/engine/include" -I"$ROOT/engine" -c "$ROOT/tests/native/$src" -o "$obj"
  fi
  TEST_OBJS+=("$obj")
done
"$CXX" -fsanitize=thread -o "$BUILD/concurrency_tests" "${TEST_OBJS[@]}" "$BUILD/libjsonsieve_engine.a" \
  $(pkg-config --libs re2) -pthread

# halt_on_error: the first race fails the run; second_deadlock_stack: better lock reports.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
"$BUILD/concurrency_tests" "[concurrency]" --use-colour no
