#!/usr/bin/env bash
# Installs, builds, and validates JSON data with the native CLI (build/native/jsonsieve):
#   scripts/run.sh [schema.json data.json]     data: .json, or one document per line (.ndjson/.jsonl)
# Exit status is the CLI's: 0 all valid, 1 some invalid, 2 usage/schema/I-O error.
# Without arguments: the shared benchmark's payment-event schema (formats asserted) against 1000
# generated records (node ../shared/bench/gen.mjs, seed 1, exactly 100 invalid), ../shared being
# relative to the repo root; that demo exits 0 when the CLI finds exactly the generated invalid
# records (the per-record errors are printed, the summary comes last).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" native

cli="$ROOT/build/native/jsonsieve"
if [[ ! -x "$cli" ]]; then
  echo "run: $cli was not built (engine/cli/main.cc missing?)" >&2
  exit 2
fi

if (($# == 2)); then
  exec "$cli" --schema "$1" "$2"
elif (($# != 0)); then
  echo "usage: $0 [schema.json data.json]" >&2
  exit 2
fi

schema="$SHARED/bench/schemas/payment-event.schema.json"
run_dir="$ROOT/build/run"
data="$run_dir/payment-event.ndjson" labels="$run_dir/payment-event.labels.tsv"
out="$run_dir/payment-event.out"
mkdir -p "$run_dir"
node "$SHARED/bench/gen.mjs" --schema payment-event --count 1000 --invalid-ratio 0.1 --seed 1 \
  --labels "$labels" --quiet > "$data"

echo "run: jsonsieve --schema ${schema#"$ROOT/"} --formats assert ${data#"$ROOT/"}"
status=0
"$cli" --schema "$schema" --formats assert "$data" > "$out" || status=$?   # summary: stderr
((status == 0 || status == 1)) || { cat "$out"; exit "$status"; }  # 1 = some invalid: expected
head -n 10 "$out"
echo "… $(wc -l < "$out") error lines in all, in ${out#"$ROOT/"}"

# The CLI must flag exactly the records the generator made invalid (labels: 0-based index).
flagged="$(grep -o "^${data}:[0-9]*" "$out" | cut -d: -f2 | sort -un)"
expected="$(awk -F'\t' '$2 == "invalid" { print $1 + 1 }' "$labels" | sort -n)"
if [[ "$flagged" == "$expected" ]]; then
  echo "run: OK, the CLI flagged exactly the $(wc -l <<< "$expected") records the generator made invalid"
else
  echo "run: MISMATCH between the CLI's invalid records (<) and the generator's labels (>):" >&2
  diff <(echo "$flagged") <(echo "$expected") | grep '^[<>]' | head -n 20 >&2
  exit 1
fi
