#!/usr/bin/env node
// Size budget check (CI): fails when the shipped runtime files in dist/ (wasm + Emscripten glue +
// JS wrapper; see scripts/size-report.mjs) grow past the gzip budget committed in
// scripts/size-budget.json. Size is deterministic for a given toolchain, so any growth past the
// budget is a real change: shrink it, or raise the budget in the same commit and say why.
//
//   node scripts/check-size.mjs [--dist DIR]     exit 0 within budget, 1 over it, 2 no dist/ or budget
//
// scripts/size-budget.json: { "gzip": <bytes allowed for wasm + glue + wrapper, gzip -9>,
//                             "target": <the goal, bytes>, "note": "…" }
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './size-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const i = args.indexOf('--dist');
const distDir = path.resolve(i >= 0 && args[i + 1] ? args[i + 1] : path.join(ROOT, 'dist'));

let budget, sizes;
try {
  budget = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/size-budget.json'), 'utf8'));
  if (!Number.isInteger(budget.gzip) || budget.gzip <= 0) throw new Error('size-budget.json: "gzip" must be a positive integer');
  sizes = measure(distDir);
} catch (e) {
  console.error(`check-size: ${e.message}`);
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const s = sizes.totals.shipped;
const parts = sizes.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(' + ');
const target = budget.target ? `, target ${kb(budget.target)}${s.gzip <= budget.target ? ' met' : ' not met'}` : '';
if (s.gzip > budget.gzip) {
  console.error(`check-size: FAIL: ${kb(s.gzip)} gzip (${s.gzip} B) is over the budget of ${kb(budget.gzip)} (${budget.gzip} B) by ${s.gzip - budget.gzip} B`);
  console.error(`  ${parts}`);
  process.exit(1);
}
console.log(`check-size: ok: ${kb(s.gzip)} gzip (${s.gzip} B) within the budget of ${kb(budget.gzip)}${target} [${parts}]`);
