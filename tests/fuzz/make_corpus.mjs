// Writes the fuzz targets' seed corpora (see targets.h for each target's input layout) from the
// official JSON-Schema-Test-Suite and the bench workload. Generated at run time by
// scripts/fuzz.sh, never committed.
//   node tests/fuzz/make_corpus.mjs --suite DIR --bench DIR --out DIR
// Writes DIR/<target>/<sha1 of the input>, so identical seeds collapse into one file.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
for (const required of ['suite', 'bench', 'out']) {
  if (!args[required]) throw new Error(`missing --${required}`);
}

// Options byte (targets.h): bits 0-2 dialect. Bit 4 (meta-schema check) is left off in seeds.
const DRAFTS = { 'draft2020-12': 0, 'draft2019-09': 1, draft7: 2, draft6: 3, draft4: 4 };
const NUL = Buffer.from([0]);
const counts = {};
const written = new Set();

function write(target, ...parts) {
  const bytes = Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'utf8'))));
  const dir = join(args.out, target);
  mkdirSync(dir, { recursive: true });
  const name = createHash('sha1').update(bytes).digest('hex');
  if (written.has(`${target}/${name}`)) return;
  written.add(`${target}/${name}`);
  writeFileSync(join(dir, name), bytes);
  counts[target] = (counts[target] ?? 0) + 1;
}
const byte = (b) => Buffer.from([b]);

function* jsonFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* jsonFiles(path);
    else if (entry.endsWith('.json')) yield path;
  }
}

// Every `pattern` value and `patternProperties` key in a schema.
function* patternsOf(node) {
  if (Array.isArray(node)) {
    for (const item of node) yield* patternsOf(item);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') yield value;
      if (key === 'patternProperties' && value && typeof value === 'object') yield* Object.keys(value);
      yield* patternsOf(value);
    }
  }
}

function* stringsOf(node) {
  if (typeof node === 'string') yield node;
  else if (Array.isArray(node)) for (const item of node) yield* stringsOf(item);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) { yield key; yield* stringsOf(value); }
  }
}

function seedSchemaAndInstances(draftByte, schema, instances) {
  const schemaText = JSON.stringify(schema);
  write('json_parse', JSON.stringify(schema, null, 2));
  write('schema_compile', byte(draftByte), schemaText);
  const patterns = [...new Set(patternsOf(schema))];
  for (const p of patterns) write('regex', p);
  for (const data of instances) {
    const dataText = JSON.stringify(data);
    write('json_parse', dataText);
    write('validate', byte(draftByte), schemaText, NUL, dataText);
    // a few of the instance's strings as subjects (the bench's instances have hundreds)
    const subjects = [...new Set(stringsOf(data))].slice(0, 4);
    for (const p of patterns) for (const s of subjects) write('regex', p, NUL, s);
  }
}

// --- the official suite -------------------------------------------------------------------------
for (const [draft, draftByte] of Object.entries(DRAFTS)) {
  const dir = join(args.suite, 'tests', draft);
  for (const file of jsonFiles(dir)) {
    const groups = JSON.parse(readFileSync(file, 'utf8'));
    for (const group of groups) {
      seedSchemaAndInstances(draftByte, group.schema, group.tests.map((t) => t.data));
      // format "regex" tests: their strings are patterns
      if (group.schema?.format === 'regex') {
        for (const t of group.tests) if (typeof t.data === 'string') write('regex', t.data);
      }
    }
  }
}

// --- the bench workload: its schemas and a few generated instances, valid and not ---------------
const { generate } = await import(pathToFileURL(join(args.bench, 'gen.mjs')).href);
for (const file of readdirSync(join(args.bench, 'schemas'))) {
  const schema = JSON.parse(readFileSync(join(args.bench, 'schemas', file), 'utf8'));
  const name = file.replace(/\.schema\.json$/, '');
  const instances = [...generate({ schema: name, count: 12, invalidRatio: 0.5, seed: 7 })]
    .map((record) => JSON.parse(record.line));
  seedSchemaAndInstances(0, schema, instances);
}

// --- hand-written seeds for what the suite has little of -----------------------------------------
for (const text of ['\uFEFF{"a":1}', '[1e400]', '[-0, 0.0, -0.0]', `[${'9'.repeat(1000)}]`,
  '"\\ud800"', '"\\udc00"', '{"a":1,"a":2}', '"a\\u0000b"', '[[[[[[[[[[]]]]]]]]]]', '{"\\ud83d\\ude00":true}']) {
  write('json_parse', text);
}
for (const p of ['^(a+)+$', '(a|aa)*b', '(x+x+)+y', '\\p{L}+', '[^\\d\\s]', '(?<year>\\d{4})-\\k<year>',
  '(?=a)b', '\\u{1F600}', '[\\uD83D\\uDE00-\\uD83D\\uDE4F]', '(?i:straße)', '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$']) {
  write('regex', p, NUL, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');
}

console.log(Object.entries(counts).map(([t, n]) => `${t}: ${n}`).join(', '));
