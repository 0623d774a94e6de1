#!/usr/bin/env bash
# Native engine throughput on the shared bench workloads (Google Benchmark, tests/bench/).
#   scripts/bench-native.sh [--quick] [--benchmark_filter=REGEX] [other --benchmark_* flags]
# 1. generates ../shared/bench data with labels into build/bench-data/ (once; the standard sets:
#    payment-event 100,000 and large-config 5,000 records, 10% invalid, seed 1; --quick: 10,000/500),
# 2. builds the engine in build/native and the benchmark (the CMake target jsonsieve_bench when the
#    root CMakeLists.txt includes tests/bench, else compiled here against libjsonsieve_engine.a),
# 3. runs it (JSON results in build/bench/native.json) and prints records/s per benchmark and how
#    validation compares with parsing alone.
# Exits non-zero when a benchmark gives one wrong verdict (checked against the generator's labels).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/../shared/bench"
JOBS="${JSONSIEVE_JOBS:-2}"
PAYMENTS=100000 CONFIGS=5000 DATA="$ROOT/build/bench-data"
args=()
for a in "$@"; do
  if [[ "$a" == --quick ]]; then PAYMENTS=10000 CONFIGS=500 DATA="$ROOT/build/bench-data-quick"
  else args+=("$a"); fi
done

# --- data ----------------------------------------------------------------------------------------
mkdir -p "$DATA" "$ROOT/build/bench"
gen() {  # gen NAME COUNT
  local name="$1" count="$2"
  if [[ ! -s "$DATA/$name.ndjson" || ! -s "$DATA/$name.labels.tsv" ]]; then
    echo "bench-native: generating $name ($count records)"
    node "$BENCH/gen.mjs" --schema "$name" --count "$count" --invalid-ratio 0.1 --seed 1 --quiet \
      --labels "$DATA/$name.labels.tsv.tmp" > "$DATA/$name.ndjson.tmp"
    mv "$DATA/$name.labels.tsv.tmp" "$DATA/$name.labels.tsv"
    mv "$DATA/$name.ndjson.tmp" "$DATA/$name.ndjson"
  fi
}
gen payment-event "$PAYMENTS"
gen large-config "$CONFIGS"

# --- build ---------------------------------------------------------------------------------------
NATIVE="$ROOT/build/native"
cmake -S "$ROOT" -B "$NATIVE" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
if ninja -C "$NATIVE" -t targets all 2>/dev/null | grep -q '^jsonsieve_bench:'; then
  cmake --build "$NATIVE" -j "$JOBS" --target jsonsieve_bench
  EXE="$NATIVE/tests/bench/jsonsieve_bench"
else
  cmake --build "$NATIVE" -j "$JOBS" --target jsonsieve_engine
  EXE="$ROOT/build/bench/jsonsieve_bench"
  if [[ ! -x "$EXE" || "$EXE" -ot "$NATIVE/libjsonsieve_engine.a" || "$EXE" -ot "$ROOT/tests/bench/validate_bench.cc" ]]; then
    echo "bench-native: compiling tests/bench/validate_bench.cc"
    # shellcheck disable=SC2046
    g++ -std=c++17 -O3 -DNDEBUG -DRAPIDJSON_HAS_STDSTRING=1 \
      "-DJSONSIEVE_BENCH_SCHEMAS=\"$BENCH/schemas\"" -I"$ROOT/engine/include" \
      "$ROOT/tests/bench/validate_bench.cc" "$NATIVE/libjsonsieve_engine.a" \
      $(pkg-config --libs re2) -lbenchmark -lpthread -o "$EXE"
  fi
fi

# --- run -----------------------------------------------------------------------------------------
OUT="$ROOT/build/bench/native.json"
status=0
"$EXE" --data "$DATA" --schemas "$BENCH/schemas" --benchmark_out="$OUT" --benchmark_out_format=json \
  "${args[@]}" || status=$?

[[ -s "$OUT" ]] && node - "$OUT" <<'JS' || true
// Summary: records/s and MB/s per benchmark (median when repeated), validation vs parsing.
const r = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
const by = new Map();
for (const b of r.benchmarks) {
  if (b.error_occurred || (b.run_type === 'aggregate' && b.aggregate_name !== 'median')) continue;
  if (r.benchmarks.some((o) => o.run_type === 'aggregate') && b.run_type !== 'aggregate') continue;
  by.set((b.run_name ?? b.name).replace(/\/real_time$/, ""), b);
}
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log('\nnative summary (' + r.context.date + ', ' + r.context.num_cpus + ' cpus)');
for (const w of ['payment-event', 'large-config']) {
  const get = (k) => by.get(`${w}/${k}`);
  if (!get('is_valid_text')) continue;
  for (const k of ['parse_rapidjson', 'parse_engine', 'is_valid_text', 'validate_text', 'validate_ndjson', 'is_valid_parsed']) {
    const b = get(k);
    // Rates are per wall-clock second; per CPU-second shows what one core does when the shared
    // machine is busy (the two differ by the time the process waited for a core).
    if (b) console.log(`  ${w.padEnd(14)} ${k.padEnd(16)} ${fmt(b.items_per_second).padStart(11)} records/s ${(b.bytes_per_second / 1e6).toFixed(0).padStart(5)} MB/s   per CPU-second: ${fmt(b.items_per_second * b.real_time / b.cpu_time).padStart(11)} records/s`);
  }
  const c = get('compile');
  if (c) console.log(`  ${w.padEnd(14)} compile          ${(c.real_time).toFixed(0).padStart(11)} ${c.time_unit}   CPU: ${(c.cpu_time).toFixed(0)} ${c.time_unit}`);
  const p = get('parse_engine'), v = get('is_valid_text');
  if (p && v) {
    const parseShare = v.items_per_second / p.items_per_second;
    console.log(`  ${w.padEnd(14)} parse share of is_valid_text: ${(100 * parseShare).toFixed(0)}%  (validation ${(100 - 100 * parseShare).toFixed(0)}%)`);
  }
}
JS
exit $status
