#!/usr/bin/env bash
# Installs, builds, and validates JSON data with the native CLI:
#   scripts/run.sh [schema.json data.json]
# Without arguments: the shared benchmark's payment-event schema against 1000 generated records
# (node ../shared/bench/gen.mjs, seed 1, 10% invalid), ../shared being relative to the repo root.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$ROOT/../shared"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh" native

if (($# == 2)); then
  schema="$1" data="$2"
elif (($# == 0)); then
  schema="$SHARED/bench/schemas/payment-event.schema.json"
  data="$ROOT/build/run/payment-event.ndjson"
  mkdir -p "$(dirname "$data")"
  node "$SHARED/bench/gen.mjs" --schema payment-event --count 1000 --invalid-ratio 0.1 --seed 1 \
    > "$data"
else
  echo "usage: $0 [schema.json data.json]" >&2
  exit 2
fi

cli="$ROOT/build/native/jsonsieve"
if [[ ! -x "$cli" ]]; then
  echo "run: $cli was not built (engine/cli/main.cc missing?)" >&2
  exit 1
fi
exec "$cli" "$schema" "$data"
