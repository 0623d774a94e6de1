// Vite config for the jsonsieve demo page. The page imports the npm package exactly as a user
// would (`import { load } from 'jsonsieve'`, linked from the repo root by web/package.json).
import { defineConfig } from 'vite';
import { demoData, CSP, SHARED_BENCH } from './tools/vite-plugin-demo-data.mjs';

// The same strict policy in dev, preview and scripts/serve-demo.sh: no 'unsafe-eval' anywhere.
const headers = { 'Content-Security-Policy': CSP };

// gen.mjs imports node:fs/node:url only when run as a command, never in a browser: Vite's notice
// that it stubbed them out is expected, so it is not printed.
function onLog(level, log, handler) {
  if (/externalized for browser compatibility.*gen\.mjs/s.test(log.message ?? '')) return;
  handler(level, log);
}

export default defineConfig({
  base: './',
  appType: 'mpa', // unknown paths are 404s, not index.html (the size panel relies on it)
  resolve: { alias: { '@bench': SHARED_BENCH } },
  plugins: [demoData()],
  // gen.mjs uses top-level await; every browser this page targets has it.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, rolldownOptions: { onLog } },
  // Workers are bundled separately and need the Ajv virtual module too (not the size files).
  worker: { format: 'es', plugins: () => [demoData({ sizeFiles: false })], rolldownOptions: { onLog } },
  // dev only: the Ajv standalone module's CommonJS helpers, pre-bundled up front (found late, they
  // would make the dev server reload the page mid-benchmark)
  optimizeDeps: { include: ['ajv/dist/runtime/ucs2length', 'ajv/dist/runtime/equal', 'ajv-formats/dist/formats'] },
  server: { headers, fs: { allow: ['..', SHARED_BENCH] } },
  preview: { headers },
});
