#!/usr/bin/env bash
# Builds the npm package and the demo page (web/), then serves the page with its strict CSP:
#   scripts/serve-demo.sh [--no-build-wasm]     PORT=4173 HOST=127.0.0.1 by default
# The page is built by Vite from the package as users import it; `vite preview` sends
#   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'
# (set in web/vite.config.js). Open http://HOST:PORT/ ; Ctrl-C stops it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PORT:-4173}"
HOST="${HOST:-127.0.0.1}"

if [[ "${1:-}" != "--no-build-wasm" ]]; then
  "$ROOT/scripts/setup.sh"
  "$ROOT/scripts/build.sh" wasm        # assembles the package in dist/ (and its size report)
fi
if [[ ! -d "$ROOT/dist" ]]; then
  echo "serve-demo: $ROOT/dist is missing: run scripts/build.sh wasm" >&2
  exit 1
fi
if [[ ! -d "$ROOT/web/node_modules" ]]; then
  (cd "$ROOT/web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

cd "$ROOT/web"
node node_modules/vite/bin/vite.js build --logLevel warn
echo "serve-demo: http://$HOST:$PORT/"
exec node node_modules/vite/bin/vite.js preview --host "$HOST" --port "$PORT" --strictPort
