#!/usr/bin/env node
// jsonsieve (the npm package in dist/) beside Ajv 8 + ajv-formats, in one Node process, on the
// shared bench workloads (../shared/bench): records/s, MB/s, ratios to Ajv and to JSON.parse,
// schema compile times cold and warm.
//
//   node scripts/bench-node.mjs [--quick] [--rounds N] [--workloads payment-event,large-config]
//                               [--no-compile] [--pool] [--out FILE]
//
// Data: generate({ schema, count, invalidRatio: 0.1, seed: 1 }) from ../shared/bench/gen.mjs,
// 100,000 payment events and 5,000 large-config documents (--quick: 10,000 / 500).
// Each round runs every contender once over every record, in a rotated order (interleaved, so
// machine noise spreads over all of them); one warm-up round is not counted; medians and min–max.
// MB/s counts the NDJSON bytes (UTF-8 record + newline).
// Contenders, per workload:
//   JSON.parse                  JSON.parse(line) per record: the cost of reading the text in JS
//   Ajv text                    JSON.parse(line) + Ajv's compiled validate per record
//   validateNDJSON bytes|string one call on the whole NDJSON file (Uint8Array / string)
//   validateJSON                schema.validateJSON(line) per record
//   Ajv object                  Ajv's validate on objects parsed beforehand (not timed)
//   validate(object), isValid(object)   jsonsieve on the same objects
//   native validate_ndjson      the engine compiled natively (tests/bench, built by
//                               scripts/bench-native.sh), same call as validateNDJSON, one
//                               iteration per round inside the same interleaving: the wasm/native
//                               ratio compares like with like (skipped when the binary is absent
//                               or with --no-native)
//   pool ×N (--pool)            jsonsieve/pool's validateNDJSON(bytes) on N worker threads, N = 1 … cores
//                               (at least 2), beside the one-thread call: the multi-core speed-up
// Every verdict is compared with the generator's label: a wrong jsonsieve verdict fails the run
// (exit 1; a fast wrong answer is not a result). Ajv is reported too.
// Compile: cold = the first compile in a fresh Node process (median of 3 processes; jsonsieve's
// load() is reported apart), warm = median of 20 compiles after 5 unmeasured ones.
// Results: printed, and written as JSON to build/bench/node.json (or --out).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.resolve(ROOT, '..', 'shared', 'bench');
const DIST = path.join(ROOT, 'dist', 'index.js');
const WORKLOADS = { 'payment-event': 100000, 'large-config': 5000 };

// ------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};

async function loadAjv() {
  const [ajvMod, formatsMod] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  const Ajv2020 = ajvMod.default?.default ?? ajvMod.default ?? ajvMod;
  const addFormats = formatsMod.default?.default ?? formatsMod.default ?? formatsMod;
  // allowUnionTypes: large-config has `type: [string, number, boolean]` (strict mode otherwise warns).
  return () => { const ajv = new Ajv2020({ allowUnionTypes: true }); addFormats(ajv); return ajv; };
}

async function loadJsonsieve() {
  if (!fs.existsSync(DIST)) throw new Error(`${path.relative(process.cwd(), DIST)} not found: run scripts/build.sh wasm`);
  return import(pathToFileURL(DIST).href);
}

const NATIVE_BENCH = [path.join(ROOT, 'build/native/tests/bench/jsonsieve_bench'), path.join(ROOT, 'build/bench/jsonsieve_bench')]
  .find((f) => fs.existsSync(f)) ?? null;

/** Writes the workload as gen.mjs's CLI would (NDJSON + labels) for the native binary. */
function writeNativeData(w, quick) {
  const dir = path.join(ROOT, 'build', quick ? 'bench-data-quick' : 'bench-data');
  const data = path.join(dir, `${w.name}.ndjson`);
  if (!fs.existsSync(data) || fs.statSync(data).size !== w.bytes.length) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${w.name}.labels.tsv`), w.labels);
    fs.writeFileSync(data, w.bytes);
  }
  return dir;
}

const schemaText = (name) => fs.readFileSync(path.join(BENCH, 'schemas', `${name}.schema.json`), 'utf8');
const COMPILE_OPTIONS = { formats: 'assert' };  // the labels count bad formats as invalid

// ------------------------------------------------------------- compile-time child processes
// `--compile-child ajv|jsonsieve NAME`: prints { loadMs, compileMs } of a first compile.
if (flag('--compile-child')) {
  const [which, name] = [argv[argv.indexOf('--compile-child') + 1], argv[argv.indexOf('--compile-child') + 2]];
  const text = schemaText(name);
  let loadMs = 0, compileMs;
  if (which === 'ajv') {
    const t0 = performance.now();
    const make = await loadAjv();
    const ajv = make();
    const t1 = performance.now();
    ajv.compile(JSON.parse(text));
    compileMs = performance.now() - t1;
    loadMs = t1 - t0;
  } else {
    const t0 = performance.now();
    const { load } = await loadJsonsieve();
    const sieve = await load();
    const t1 = performance.now();
    sieve.compile(text, COMPILE_OPTIONS);
    compileMs = performance.now() - t1;
    loadMs = t1 - t0;
  }
  process.stdout.write(JSON.stringify({ loadMs, compileMs }) + '\n');
  process.exit(0);
}

// --------------------------------------------------------------------------------- helpers
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));

async function prepare(name, count) {
  const { generate } = await import(pathToFileURL(path.join(BENCH, 'gen.mjs')).href);
  const lines = [], valid = [], labels = [];
  for (const r of generate({ schema: name, count, invalidRatio: 0.1, seed: 1 })) {
    labels.push(`${lines.length}\t${r.invalid ? 'invalid' : 'valid'}\t${r.kind}\t${r.where}\n`);
    lines.push(r.line);
    valid.push(!r.invalid);
  }
  const text = lines.join('\n') + '\n';
  const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
  return {
    name, lines, valid, text, bytes, labels: labels.join(''),
    objects: lines.map((l) => JSON.parse(l)),
    expectedInvalid: valid.filter((v) => !v).length,
  };
}

/** Wrong verdicts of `got` (booleans per record) against the labels: { wrong, first }. */
function compare(w, got) {
  let wrong = 0, first = -1;
  for (let i = 0; i < w.valid.length; i++) {
    if (got[i] !== w.valid[i]) { if (wrong++ === 0) first = i; }
  }
  return { wrong, first };
}

/** Verdicts of a validateNDJSON report: a record is invalid when an error names its line. */
function ndjsonVerdicts(w, report) {
  const got = new Array(w.lines.length).fill(true);
  for (const e of report.errors ?? []) if (e.line >= 1 && e.line <= got.length) got[e.line - 1] = false;
  const counts = report.total === w.lines.length && report.invalid === w.expectedInvalid &&
    report.valid === w.lines.length - w.expectedInvalid && report.malformed === 0;
  return { got, counts, summary: `total ${report.total}, valid ${report.valid}, invalid ${report.invalid}, malformed ${report.malformed}` };
}

// ------------------------------------------------------------------------------ contenders
function contenders(w, validateAjv, schema) {
  const n = w.lines.length;
  const list = [
    { id: 'json-parse', label: 'JSON.parse', base: true, run() {
      let k = 0;
      for (let i = 0; i < n; i++) k += JSON.parse(w.lines[i]) !== null;
      return { verdicts: null, sink: k };
    } },
    { id: 'ajv-text', label: 'Ajv (JSON.parse + validate)', ajv: true, run() {
      const got = new Array(n);
      for (let i = 0; i < n; i++) got[i] = validateAjv(JSON.parse(w.lines[i]));
      return { verdicts: got };
    } },
    { id: 'ajv-object', label: 'Ajv validate(object)', ajv: true, objects: true, run() {
      const got = new Array(n);
      for (let i = 0; i < n; i++) got[i] = validateAjv(w.objects[i]);
      return { verdicts: got };
    } },
  ];
  if (w.nativeDir) {
    list.push({ id: 'native-ndjson', label: 'native validate_ndjson', native: true, run() {
      const p = spawnSync(NATIVE_BENCH, ['--data', w.nativeDir, '--schemas', path.join(BENCH, 'schemas'),
        '--workloads', w.name, '--parsed-limit', '0', `--benchmark_filter=^${w.name}/validate_ndjson`,
        '--benchmark_min_time=0', '--benchmark_format=json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      if (p.status !== 0) return { error: `native benchmark exited ${p.status}: ${(p.stderr || '').trim().split('\n').pop()}` };
      const b = JSON.parse(p.stdout).benchmarks[0];
      const unit = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1 }[b.time_unit];
      return { seconds: b.real_time * unit };  // the timed loop only, not process start or setup
    } });
  }
  if (!schema) return list;
  list.push(
    { id: 'ndjson-bytes', label: 'jsonsieve validateNDJSON(bytes)', run() {
      const r = ndjsonVerdicts(w, schema.validateNDJSON(w.bytes));
      return { verdicts: r.got, counts: r.counts, summary: r.summary };
    } },
    { id: 'ndjson-string', label: 'jsonsieve validateNDJSON(string)', run() {
      const r = ndjsonVerdicts(w, schema.validateNDJSON(w.text));
      return { verdicts: r.got, counts: r.counts, summary: r.summary };
    } },
    { id: 'validate-json', label: 'jsonsieve validateJSON(line)', run() {
      const got = new Array(n);
      for (let i = 0; i < n; i++) got[i] = schema.validateJSON(w.lines[i]).valid;
      return { verdicts: got };
    } },
    { id: 'validate-object', label: 'jsonsieve validate(object)', objects: true, run() {
      const got = new Array(n);
      for (let i = 0; i < n; i++) got[i] = schema.validate(w.objects[i]).valid;
      return { verdicts: got };
    } },
    { id: 'isvalid-object', label: 'jsonsieve isValid(object)', objects: true, run() {
      const got = new Array(n);
      for (let i = 0; i < n; i++) got[i] = schema.isValid(w.objects[i]);
      return { verdicts: got };
    } },
  );
  return list;
}

async function benchWorkload(w, makeAjv, sieve, rounds, failures) {
  const validateAjv = makeAjv().compile(JSON.parse(schemaText(w.name)));
  const schema = sieve ? sieve.compile(schemaText(w.name), COMPILE_OPTIONS) : null;
  const list = contenders(w, validateAjv, schema);
  const times = new Map(list.map((c) => [c.id, []]));
  const checked = new Map();
  for (let round = 0; round <= rounds; round++) {
    const order = list.map((_, i) => list[(i + round) % list.length]);
    for (const c of order) {
      const t0 = performance.now();
      const r = c.run();
      const dt = r.seconds ?? (performance.now() - t0) / 1000;
      if (r.error && !checked.has(c.id)) { checked.set(c.id, r.error); failures.push(`${w.name}: ${c.label}: ${r.error}`); }
      if (round > 0) times.get(c.id).push(dt);
      if (r.verdicts && !checked.has(c.id)) {
        const { wrong, first } = compare(w, r.verdicts);
        const ok = wrong === 0 && r.counts !== false;
        checked.set(c.id, ok ? 'ok' : `${wrong} wrong verdicts${first >= 0 ? ` (first: record ${first}, expected ${w.valid[first] ? 'valid' : 'invalid'})` : ''}${r.counts === false ? `; counts ${r.summary}` : ''}`);
        if (!ok) {
          const msg = `${w.name}: ${c.label}: ${checked.get(c.id)}`;
          if (c.ajv) console.warn(`warning: ${msg}`); else failures.push(msg);
        }
      }
    }
    process.stderr.write(round === 0 ? `  ${w.name}: warm-up done\n` : `  ${w.name}: round ${round}/${rounds}\n`);
  }
  schema?.dispose();
  const mb = w.bytes.length / 1e6, n = w.lines.length;
  const rows = list.map((c) => {
    const t = times.get(c.id);
    const rps = t.map((s) => n / s);
    return {
      id: c.id, label: c.label, objects: !!c.objects,
      recordsPerSec: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) },
      native: !!c.native,
      mbPerSec: { median: mb / median(t) },
      seconds: t, verdicts: checked.get(c.id) ?? (c.native ? 'ok (checked by the binary)' : null),
    };
  });
  const get = (id) => rows.find((r) => r.id === id)?.recordsPerSec.median;
  for (const r of rows) {
    const base = r.objects ? get('ajv-object') : get('ajv-text');
    r.vsAjv = r.recordsPerSec.median / base;
    r.vsJsonParse = r.objects ? null : r.recordsPerSec.median / get('json-parse');
  }
  return { workload: w.name, records: n, bytes: w.bytes.length, invalid: w.expectedInvalid, rows };
}

// ----------------------------------------------------------------------------- compile times
function coldCompile(which, name, runs = 3) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--compile-child', which, name], { encoding: 'utf8' });
    if (p.status !== 0) throw new Error(`compile child (${which} ${name}) failed: ${p.stderr.trim().split('\n').pop()}`);
    samples.push(JSON.parse(p.stdout.trim().split('\n').pop()));
  }
  return { compileMs: median(samples.map((s) => s.compileMs)), loadMs: median(samples.map((s) => s.loadMs)) };
}

function warmCompile(compileOnce, warm = 5, runs = 20) {
  for (let i = 0; i < warm; i++) compileOnce();
  const t = [];
  for (let i = 0; i < runs; i++) t.push(compileOnce());
  return { median: median(t), min: Math.min(...t), max: Math.max(...t) };
}

function compileTimes(name, makeAjv, sieve) {
  const text = schemaText(name);
  const result = { workload: name };
  result.ajv = {
    cold: coldCompile('ajv', name),
    warm: warmCompile(() => {
      const ajv = makeAjv();  // a fresh instance: Ajv caches compiled schemas by $id
      const schema = JSON.parse(text);
      const t0 = performance.now();
      ajv.compile(schema);
      return performance.now() - t0;
    }),
  };
  if (sieve) {
    result.jsonsieve = {
      cold: coldCompile('jsonsieve', name),
      warm: warmCompile(() => {
        const t0 = performance.now();
        const s = sieve.compile(text, COMPILE_OPTIONS);
        const dt = performance.now() - t0;
        s.dispose();
        return dt;
      }),
    };
    result.warmSpeedup = result.ajv.warm.median / result.jsonsieve.warm.median;
  }
  return result;
}

// ------------------------------------------------------------------------------------- pool
// validateNDJSON(bytes) on one thread vs jsonsieve/pool with 1 … N workers, interleaved rounds.
async function poolScaling(w, sieve, rounds, failures) {
  const { createPool } = await import(pathToFileURL(path.join(ROOT, 'dist', 'pool.js')).href);
  const os = await import('node:os');
  const cores = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
  const text = schemaText(w.name);
  const single = sieve.compile(text, COMPILE_OPTIONS);
  const contenders = [{ label: 'validateNDJSON (one thread)', run: async () => single.validateNDJSON(w.bytes) }];
  const pools = [];
  for (let n = 1; n <= cores; n++) {
    const pool = await createPool(text, { ...COMPILE_OPTIONS, workers: n });
    pools.push(pool);
    contenders.push({ label: `pool ×${n}`, run: () => pool.validateNDJSON(w.bytes) });
  }
  const times = contenders.map(() => []);
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      const t0 = performance.now();
      const report = await contenders[i].run();
      const dt = performance.now() - t0;
      if (round === 0) {
        const v = ndjsonVerdicts(w, report);
        const { wrong, first } = compare(w, v.got);
        if (wrong || !v.counts) failures.push(`${w.name}: ${contenders[i].label}: ${wrong} wrong verdicts (first: record ${first + 1}); ${v.summary}`);
      }
      if (round > 0) times[i].push(dt);
    }
  }
  for (const pool of pools) pool.close();
  single.dispose();
  const n = w.lines.length;
  const base = n / (median(times[0]) / 1000);
  return contenders.map((c, i) => {
    const perSec = n / (median(times[i]) / 1000);
    return { label: c.label, recordsPerSec: perSec, speedup: perSec / base };
  });
}

// ------------------------------------------------------------------------------------- main
async function main() {
  const quick = flag('--quick');
  const rounds = Number(option('--rounds', quick ? 3 : 5));
  const names = option('--workloads', Object.keys(WORKLOADS).join(',')).split(',').filter(Boolean);
  const out = path.resolve(option('--out', path.join(ROOT, 'build', 'bench', 'node.json')));
  const makeAjv = await loadAjv();
  let sieve = null;
  if (!flag('--no-jsonsieve')) {
    try {
      const { load } = await loadJsonsieve();
      sieve = await load();
    } catch (e) {
      console.error(`bench-node: ${e.message}`);
      process.exit(2);
    }
  }

  const failures = [];
  const results = { node: process.version, date: new Date().toISOString(), rounds, workloads: [], compile: [] };
  for (const name of names) {
    if (!(name in WORKLOADS)) { console.error(`bench-node: unknown workload ${name}`); process.exit(2); }
    const count = quick ? WORKLOADS[name] / 10 : WORKLOADS[name];
    process.stderr.write(`bench-node: ${name}: generating ${count} records\n`);
    const w = await prepare(name, count);
    if (NATIVE_BENCH && !flag('--no-native')) w.nativeDir = writeNativeData(w, quick);
    results.workloads.push(await benchWorkload(w, makeAjv, sieve, rounds, failures));
    if (flag('--pool') && sieve) {
      process.stderr.write(`bench-node: ${name}: jsonsieve/pool\n`);
      results.workloads.at(-1).pool = await poolScaling(w, sieve, rounds, failures);
    }
  }
  if (!flag('--no-compile')) {
    for (const name of names) {
      process.stderr.write(`bench-node: ${name}: compile times\n`);
      results.compile.push(compileTimes(name, makeAjv, sieve));
    }
  }

  // Native numbers of the latest scripts/bench-native.sh run, for the wasm/native ratio.
  const nativeFile = path.join(ROOT, 'build', 'bench', 'native.json');
  if (fs.existsSync(nativeFile)) {
    const native = JSON.parse(fs.readFileSync(nativeFile, 'utf8'));
    results.native = {};
    for (const b of native.benchmarks) {
      if (b.error_occurred || (b.run_type === 'aggregate' && b.aggregate_name !== 'median')) continue;
      results.native[(b.run_name ?? b.name).replace(/\/real_time$/, "")] = b.items_per_second;
    }
  }


  console.log(`\nNode ${process.version}, ${rounds} rounds + 1 warm-up, medians (min–max)`);
  for (const wr of results.workloads) {
    console.log(`\n${wr.workload}: ${fmtInt(wr.records)} records, ${(wr.bytes / 1e6).toFixed(1)} MB, ${fmtInt(wr.invalid)} invalid`);
    console.log(`  ${'contender'.padEnd(34)} ${'records/s'.padStart(10)} ${'(min–max)'.padStart(20)} ${'MB/s'.padStart(6)} ${'×Ajv'.padStart(6)} ${'×parse'.padStart(7)}  verdicts`);
    for (const r of wr.rows) {
      const mm = `${fmtInt(r.recordsPerSec.min)}–${fmtInt(r.recordsPerSec.max)}`;
      console.log(`  ${r.label.padEnd(34)} ${fmtInt(r.recordsPerSec.median).padStart(10)} ${mm.padStart(20)} ${r.mbPerSec.median.toFixed(0).padStart(6)} ${r.vsAjv.toFixed(2).padStart(6)} ${(r.vsJsonParse == null ? '—' : r.vsJsonParse.toFixed(2)).padStart(7)}  ${r.verdicts ?? '—'}`);
    }
    const nd = wr.rows.find((r) => r.id === 'ndjson-bytes');
    const same = wr.rows.find((r) => r.id === 'native-ndjson');
    const nat = same?.recordsPerSec.median ?? results.native?.[`${wr.workload}/validate_ndjson`];
    if (nat && nd) {
      wr.wasmVsNative = nd.recordsPerSec.median / nat;
      console.log(`  wasm validateNDJSON / native validate_ndjson (${same ? 'same rounds' : 'build/bench/native.json, another run'}): ${wr.wasmVsNative.toFixed(2)}`);
    }
    for (const p of wr.pool ?? []) {
      console.log(`  ${p.label.padEnd(34)} ${fmtInt(p.recordsPerSec).padStart(10)} records/s  ×${p.speedup.toFixed(2)} vs one thread`);
    }
  }
  if (results.compile.length) {
    console.log('\ncompile (ms)                 Ajv cold   Ajv warm   jsonsieve cold   jsonsieve warm   warm speed-up');
    for (const c of results.compile) {
      const j = c.jsonsieve;
      console.log(`  ${c.workload.padEnd(24)} ${fmtMs(c.ajv.cold.compileMs).padStart(9)} ${fmtMs(c.ajv.warm.median).padStart(10)} ${(j ? fmtMs(j.cold.compileMs) : '—').padStart(16)} ${(j ? fmtMs(j.warm.median) : '—').padStart(16)} ${(j ? `${c.warmSpeedup.toFixed(0)}×` : '—').padStart(15)}`);
    }
    const j = results.compile[0].jsonsieve;
    if (j) console.log(`  jsonsieve load() in a fresh process: ${fmtMs(j.cold.loadMs)} ms`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults: ${path.relative(process.cwd(), out)}`);
  if (failures.length) {
    console.error('\nbench-node: FAILED (wrong verdicts):');
    for (const f of failures) console.error(`  ${f}`);
    process.exit(1);
  }
}

await main();
