#!/usr/bin/env bash
# The main job. Installs what is missing, builds, then:
#   scripts/run.sh                       builds the npm package and the demo page and serves the page
#                                        at http://127.0.0.1:4173/ with its strict CSP (scripts/serve-demo.sh;
#                                        PORT and HOST override)
#   scripts/run.sh SCHEMA FILE... [--formats assert] [other CLI options]
#                                        validates JSON files (.json, or one document per line:
#                                        .ndjson/.jsonl) with the native CLI (build/native/jsonsieve)
#   scripts/run.sh --cli-demo            the shared benchmark's payment-event schema (formats asserted)
#                                        against 1000 generated records (node ../shared/bench/gen.mjs, seed 1,
#                                        exactly 100 invalid); exits 0 when the CLI flags exactly the
#                                        records the generator made invalid
# CLI exit status: 0 all valid, 1 some invalid, 2 usage/schema/I-O error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared"

if (($# == 0)); then
  exec "$ROOT/scripts/serve-demo.sh"     # installs and builds the wasm package itself
fi

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" native

cli="$ROOT/build/native/jsonsieve"
if [[ ! -x "$cli" ]]; then
  echo "run: $cli was not built (engine/cli/main.cc missing?)" >&2
  exit 2
fi

if [[ "$1" != --cli-demo ]]; then
  if [[ "$1" == -* ]] || (($# < 2)); then
    echo "usage: $0 [SCHEMA FILE... [CLI options] | --cli-demo]   (no argument: serve the demo page)" >&2
    exit 2
  fi
  schema="$1"; shift
  exec "$cli" --schema "$schema" "$@"
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
