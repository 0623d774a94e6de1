#!/usr/bin/env node
// Size report of the npm package's runtime files in dist/: raw, gzip -9 and brotli sizes, the wasm
// sections and biggest functions (wabt's wasm-objdump), and how much code comes from each origin.
//
//   node scripts/size-report.mjs [--dist DIR] [--out FILE] [--quiet]
//     default: reads dist/, writes dist/size-report.json (read by the demo page), prints a summary.
//   Also an ES module: `measure(distDir)` returns the `files`/`totals` part (used by check-size.mjs
//   and append-size-history.mjs).
//
// dist/size-report.json, schema 1 (all sizes in bytes; gzip = zlib level 9, brotli = quality 11):
// {
//   "schema": 1,
//   "commit": "<git HEAD>" | null, "dirty": bool,     // dirty: uncommitted changes in the tree
//   "files": [ { "file": "jsonsieve.wasm", "name": "jsonsieve.wasm", "kind": "wasm" | "glue" | "wrapper",
//                "raw": n, "gzip": n, "brotli": n } ],
//   "totals": { "wasm": {raw,gzip,brotli}, "glue": {…}, "wrapper": {…},
//               "shipped": {…} },     // wasm + glue + wrapper (what a page loads); sums of the files
//   "budget": { "file": "scripts/size-budget.json", "gzip": n, "ok": bool } | null,
//   "sections": [ { "name": "Code", "size": n } ],      // wasm sections, biggest first
//   "functions": [ { "index": n, "name": "…", "size": n, "origin": "re2" } ],  // 30 biggest bodies
//   "origins": [ { "origin": "re2", "size": n, "functions": n } ],  // code bytes by origin
//   "named": bool                                       // false: no names, origins are "unknown"
// }
// Kinds: "wasm" = *.wasm; "glue" = jsonsieve.mjs (Emscripten's generated loader); "wrapper" =
// the other *.js files (the hand-written API). Not counted: the Node CLI (cli.js, never loaded by a
// page), jsonsieve/pool (pool.js, pool-worker.js: loaded only by apps that import that subpath),
// types (.d.ts), licenses.
// Function names come from the wasm "name" section or, when stripped, from an Emscripten symbol
// map (`--emit-symbol-map`: <glue>.symbols next to the wasm, or in build/wasm/bindings/module/),
// demangled with c++filt when present. Origins group names by namespace (re2, rapidjson,
// jsonsieve, libc++, embind, libc/malloc).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GLUE = 'jsonsieve.mjs';

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** dist/ files a page that imports 'jsonsieve' never loads. */
export const NOT_SHIPPED = new Set(['cli.js', 'pool.js', 'pool-worker.js']);

/** Sizes of the runtime files in `distDir` (throws when there is no .wasm). */
export function measure(distDir = path.join(ROOT, 'dist')) {
  if (!fs.existsSync(distDir)) throw new Error(`${distDir} does not exist: run scripts/build.sh wasm`);
  const files = [];
  for (const name of fs.readdirSync(distDir).sort()) {
    let kind = null;
    if (name.endsWith('.wasm')) kind = 'wasm';
    else if (name === GLUE) kind = 'glue';
    else if (NOT_SHIPPED.has(name)) kind = null;
    else if (name.endsWith('.js') || name.endsWith('.mjs')) kind = 'wrapper';
    if (!kind) continue;
    files.push({ file: name, name, kind, ...sizes(fs.readFileSync(path.join(distDir, name))) });
  }
  if (!files.some((f) => f.kind === 'wasm')) throw new Error(`no .wasm in ${distDir}: run scripts/build.sh wasm`);
  const zero = { raw: 0, gzip: 0, brotli: 0 };
  const totals = { wasm: zero, glue: zero, wrapper: zero, shipped: zero };
  for (const f of files) {
    totals[f.kind] = add(totals[f.kind], f);
    totals.shipped = add(totals.shipped, f);
  }
  return { files, totals };
}

function tool(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

// `wasm-objdump -h`: "     Code start=0x… end=0x… (size=0x00001234) count: 20"
function sections(wasm) {
  const out = tool('wasm-objdump', ['-h', wasm]);
  if (out === null) return [];
  const list = [];
  for (const m of out.matchAll(/^\s*(\S+) start=0x[0-9a-f]+ end=0x[0-9a-f]+ \(size=0x([0-9a-f]+)\)(?:.*"(.+)")?/gm)) {
    list.push({ name: m[1] === 'Custom' && m[3] ? `Custom "${m[3]}"` : m[1], size: parseInt(m[2], 16) });
  }
  return list.sort((a, b) => b.size - a.size);
}

// Index -> name from an Emscripten symbol map ("12:_ZN3re22RE2…").
function symbolMap(wasm) {
  const candidates = [
    path.join(path.dirname(wasm), `${GLUE}.symbols`),
    path.join(ROOT, 'build/wasm/bindings/module', `${GLUE}.symbols`),
  ];
  for (const file of candidates) {
    if (!fs.existsSync(file) || fs.statSync(file).mtimeMs + 1000 < fs.statSync(wasm).mtimeMs) continue;
    const map = new Map();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const i = line.indexOf(':');
      // Emscripten escapes characters outside [A-Za-z0-9_.$] as \XX (hex): "\28" is "(".
      if (i > 0) map.set(Number(line.slice(0, i)), line.slice(i + 1).replace(/\\([0-9a-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
    }
    return map;
  }
  return null;
}

function demangle(names) {
  if (names.length === 0) return names;
  try {
    const out = execFileSync('c++filt', [], { input: names.join('\n'), encoding: 'utf8', maxBuffer: 256 << 20 });
    const lines = out.split('\n');
    return names.map((n, i) => lines[i] || n);
  } catch {
    return names;
  }
}

// The namespace that appears first in the (demangled) name decides: "jsonsieve::f(rapidjson::…)"
// is ours, "void rapidjson::GenericReader<…>::Parse" is RapidJSON's.
const ORIGINS = [
  ['re2', /\bre2::|\bRE2\b/],
  ['rapidjson', /\brapidjson::/],
  ['jsonsieve', /\bjsonsieve::/],
  ['embind', /\bemscripten::|embind|_embind_/],
  ['libc++', /\bstd::|__cxxabiv1|__cxa_|operator new|operator delete/],
];
function originOf(name) {
  if (!name) return 'unknown';
  let best = null, at = Infinity;
  for (const [origin, re] of ORIGINS) {
    const m = re.exec(name);
    if (m && m.index < at) { best = origin; at = m.index; }
  }
  if (best) return best;
  if (/^(dl|em|__|str|mem|wc|mb)|malloc|free|sbrk|printf|scanf|strto|fmt_|^pad$|^out$|^pop_arg$/.test(name)) return 'libc/malloc';
  return 'other';
}

// `wasm-objdump -x -j Code`: " - func[17] size=45 <name>"
function functions(wasm) {
  const out = tool('wasm-objdump', ['-x', '-j', 'Code', wasm]);
  if (out === null) return { functions: [], named: false };
  const list = [];
  for (const m of out.matchAll(/^ - func\[(\d+)\] size=(\d+)(?: <(.*)>)?$/gm)) {
    list.push({ index: Number(m[1]), name: m[3] ?? '', size: Number(m[2]) });
  }
  const symbols = symbolMap(wasm);
  if (symbols) for (const f of list) if (!f.name && symbols.has(f.index)) f.name = symbols.get(f.index);
  const names = demangle(list.map((f) => f.name));
  list.forEach((f, i) => { f.name = names[i]; f.origin = originOf(f.name); });
  const named = list.filter((f) => f.name).length > list.length / 2;
  return { functions: list, named };
}

function budget(shippedGzip) {
  const file = path.join(ROOT, 'scripts/size-budget.json');
  if (!fs.existsSync(file)) return null;
  const b = JSON.parse(fs.readFileSync(file, 'utf8'));
  return { file: 'scripts/size-budget.json', gzip: b.gzip, ok: shippedGzip <= b.gzip };
}

/** git HEAD and whether the working tree has uncommitted changes (null outside git). */
export function gitState() {
  const head = tool('git', ['-C', ROOT, 'rev-parse', 'HEAD']);
  if (head === null) return { commit: null, dirty: false };
  const status = tool('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']) ?? '';
  return { commit: head.trim(), dirty: status.trim().length > 0 };
}

export function report(distDir) {
  const { files, totals } = measure(distDir);
  const wasm = path.join(distDir, files.find((f) => f.kind === 'wasm').file);
  const fn = functions(wasm);
  const byOrigin = new Map();
  for (const f of fn.functions) {
    const o = byOrigin.get(f.origin) ?? { origin: f.origin, size: 0, functions: 0 };
    o.size += f.size;
    o.functions += 1;
    byOrigin.set(f.origin, o);
  }
  return {
    schema: 1,
    ...gitState(),
    files,
    totals,
    budget: budget(totals.shipped.gzip),
    sections: sections(wasm),
    functions: [...fn.functions].sort((a, b) => b.size - a.size).slice(0, 30),
    origins: [...byOrigin.values()].sort((a, b) => b.size - a.size),
    named: fn.named,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  };
  const distDir = path.resolve(opt('--dist', path.join(ROOT, 'dist')));
  const out = path.resolve(opt('--out', path.join(distDir, 'size-report.json')));
  let r;
  try {
    r = report(distDir);
  } catch (e) {
    console.error(`size-report: ${e.message}`);
    process.exit(2);
  }
  fs.writeFileSync(out, JSON.stringify(r, null, 2) + '\n');
  if (args.includes('--quiet')) return;
  console.log(`size report (${r.commit ? r.commit.slice(0, 10) : 'no git'}${r.dirty ? ', dirty tree' : ''}) -> ${path.relative(process.cwd(), out)}`);
  console.log('  file                     raw       gzip -9   brotli');
  for (const f of [...r.files, ...Object.entries(r.totals).map(([k, v]) => ({ file: `total ${k}`, ...v }))]) {
    console.log(`  ${f.file.padEnd(20)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
  }
  if (r.budget) console.log(`  budget (gzip, shipped): ${kb(r.budget.gzip)} -> ${r.budget.ok ? 'ok' : 'EXCEEDED'}`);
  console.log('  sections: ' + r.sections.slice(0, 6).map((s) => `${s.name} ${kb(s.size)}`).join(', '));
  if (r.named) console.log('  code by origin: ' + r.origins.map((o) => `${o.origin} ${kb(o.size)}`).join(', '));
  console.log('  biggest functions:');
  for (const f of r.functions.slice(0, 10)) {
    console.log(`    ${kb(f.size).padStart(9)}  ${(f.name || `func[${f.index}]`).slice(0, 100)}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
