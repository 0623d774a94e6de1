#!/usr/bin/env node
// Appends the current commit's package sizes to scripts/size-history.json (committed), so size
// changes are visible over time. Run after a change lands and `scripts/build.sh wasm` rebuilt dist/:
//
//   node scripts/append-size-history.mjs [--dist DIR] [--allow-dirty]
//
// An entry for the same commit is replaced. A dirty tree (uncommitted changes to tracked files)
// is refused unless --allow-dirty, since the sizes would not belong to the commit.
// scripts/size-history.json: { "schema": 1, "budget": { "gzip" } (copy of size-budget.json),
//   "entries": [ { "commit", "date" (commit date, ISO), "subject", "dirty", "emcc",
//   "files": [ { "file", "name", "kind", raw, gzip, brotli } ] (as in size-report.json),
//   "shipped": { raw, gzip, brotli } } ] }   (oldest first)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitState, measure } from './size-report.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HISTORY = path.join(ROOT, 'scripts/size-history.json');
const args = process.argv.slice(2);
const i = args.indexOf('--dist');
const distDir = path.resolve(i >= 0 && args[i + 1] ? args[i + 1] : path.join(ROOT, 'dist'));

const git = (...a) => execFileSync('git', ['-C', ROOT, ...a], { encoding: 'utf8' }).trim();
const { commit, dirty } = gitState();
if (!commit) { console.error('append-size-history: not a git checkout'); process.exit(2); }
if (dirty && !args.includes('--allow-dirty')) {
  console.error('append-size-history: the tree has uncommitted changes; commit first or pass --allow-dirty');
  process.exit(2);
}
let sizes;
try { sizes = measure(distDir); } catch (e) { console.error(`append-size-history: ${e.message}`); process.exit(2); }
let emcc = null;
try { emcc = execFileSync('emcc', ['--version'], { encoding: 'utf8' }).split('\n')[0].replace(/^emcc \([^)]*\) /, ''); } catch { /* not installed */ }

const entry = {
  commit,
  date: git('show', '-s', '--format=%cI', commit),
  subject: git('show', '-s', '--format=%s', commit),
  dirty,
  emcc,
  files: sizes.files,
  shipped: sizes.totals.shipped,
};
const history = fs.existsSync(HISTORY) ? JSON.parse(fs.readFileSync(HISTORY, 'utf8')) : { schema: 1, entries: [] };
const budgetFile = path.join(ROOT, 'scripts/size-budget.json');
if (fs.existsSync(budgetFile)) history.budget = { gzip: JSON.parse(fs.readFileSync(budgetFile, 'utf8')).gzip };
history.entries = history.entries.filter((e) => e.commit !== commit);
history.entries.push(entry);
fs.writeFileSync(HISTORY, JSON.stringify(history, null, 2) + '\n');
const prev = history.entries.length > 1 ? history.entries[history.entries.length - 2] : null;
const delta = prev ? ` (${entry.shipped.gzip - prev.shipped.gzip >= 0 ? '+' : ''}${entry.shipped.gzip - prev.shipped.gzip} B since ${prev.commit.slice(0, 10)})` : '';
console.log(`append-size-history: ${commit.slice(0, 10)} shipped ${entry.shipped.gzip} B gzip${delta} -> scripts/size-history.json`);
