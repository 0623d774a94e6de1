// Build-time data for the demo page, produced in Node so the browser never compiles code:
//   virtual:ajv-payment-event  Ajv standalone validator of the shared payment-event schema
//   size-report.json           the package build's size report (../dist/size-report.json), copied
//   size-history.json          the committed size history (../scripts/size-history.json), copied
// The size report is (re)written with scripts/size-report.mjs when it is missing or older than the
// package's .wasm, so the page always describes the module it bundles. A missing file is not a
// build error: its place is taken by `{ "missing": "<path>" }`, which the page shows visibly
// (a 404 would also put an error on the console).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ajvStandaloneModule } from './ajv-standalone.mjs';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(WEB, '..');
// ../shared beside the repository (a fresh clone in CI has it there too).
export const SHARED_BENCH = resolve(ROOT, '..', 'shared', 'bench');
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";

/** Files the size dashboard reads; name in the served page -> path on disk. */
export const SIZE_FILES = {
  'size-report.json': resolve(ROOT, 'dist', 'size-report.json'),
  'size-history.json': resolve(ROOT, 'scripts', 'size-history.json'),
};

const AJV_ID = 'virtual:ajv-payment-event';

/** The bytes served as `name`: the file, or a note saying which file is missing. */
function sizeFileSource(name) {
  const file = SIZE_FILES[name];
  if (existsSync(file)) return readFileSync(file);
  return JSON.stringify({ missing: relative(ROOT, file) }) + '\n';
}

function refreshSizeReport(warn) {
  const wasm = resolve(ROOT, 'dist', 'jsonsieve.wasm');
  const report = SIZE_FILES['size-report.json'];
  if (!existsSync(wasm)) return;
  if (existsSync(report) && statSync(report).mtimeMs >= statSync(wasm).mtimeMs) return;
  try {
    execFileSync(process.execPath, [resolve(ROOT, 'scripts', 'size-report.mjs'), '--quiet'], { stdio: 'pipe' });
  } catch (e) {
    warn(`scripts/size-report.mjs failed: ${e.stderr ?? e.message}`);
  }
}

export function demoData({ sizeFiles = true } = {}) {
  return {
    name: 'jsonsieve-demo-data',
    buildStart() {
      const schema = resolve(SHARED_BENCH, 'schemas', 'payment-event.schema.json');
      if (!existsSync(schema)) {
        this.error(`shared bench data not found at ${SHARED_BENCH} (expected ../shared beside the repo)`);
      }
      if (sizeFiles) refreshSizeReport((m) => this.warn(m));
      for (const [name, file] of Object.entries(sizeFiles ? SIZE_FILES : {})) {
        if (!existsSync(file)) this.warn(`${name}: ${file} does not exist; the size panel will say so`);
      }
    },
    resolveId(id) {
      return id === AJV_ID ? '\0' + AJV_ID : null;
    },
    load(id) {
      if (id !== '\0' + AJV_ID) return null;
      const file = resolve(SHARED_BENCH, 'schemas', 'payment-event.schema.json');
      this.addWatchFile(file);
      return ajvStandaloneModule(JSON.parse(readFileSync(file, 'utf8')));
    },
    // dev server: serve the size files live from disk
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const name = (req.url || '').split('?')[0].replace(/^\//, '');
        if (!SIZE_FILES[name]) return next();
        if (name === 'size-report.json') refreshSizeReport((m) => server.config.logger.warn(m));
        res.setHeader('Content-Type', 'application/json');
        res.end(sizeFileSource(name));
      });
    },
    // build: copy them next to index.html, so the built page shows the build it was made from
    generateBundle() {
      if (!sizeFiles) return;
      for (const name of Object.keys(SIZE_FILES)) {
        this.emitFile({ type: 'asset', fileName: name, source: sizeFileSource(name) });
      }
    },
  };
}
