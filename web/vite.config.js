// Vite config for the jsonsieve demo page. The page imports the npm package exactly as a user
// would (`import { load } from 'jsonsieve'`, linked from the repo root by web/package.json).
import { defineConfig } from 'vite';
import { demoData, CSP, SHARED_BENCH } from './tools/vite-plugin-demo-data.mjs';

// The same strict policy in dev, preview and scripts/serve-demo.sh: no 'unsafe-eval' anywhere.
const headers = { 'Content-Security-Policy': CSP };

export default defineConfig({
  base: './',
  appType: 'mpa', // unknown paths are 404s, not index.html (the size panel relies on it)
  resolve: { alias: { '@bench': SHARED_BENCH } },
  plugins: [demoData()],
  // gen.mjs uses top-level await; every browser this page targets has it.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Workers are bundled separately and need the Ajv virtual module too (not the size files).
  worker: { format: 'es', plugins: () => [demoData({ sizeFiles: false })] },
  server: { headers, fs: { allow: ['..', SHARED_BENCH] } },
  preview: { headers },
});
