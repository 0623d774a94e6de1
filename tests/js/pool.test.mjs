// jsonsieve/pool: NDJSON over worker threads gives exactly validateNDJSON's result (counts, line
// numbers, offsets, located errors), from a string, bytes and a Blob, whatever the chunking;
// bad schemas reject; a closed pool says so.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { load, SchemaError } from 'jsonsieve';
import { createPool } from 'jsonsieve/pool';
import { generate } from '../../../shared/bench/gen.mjs';
import { readFileSync } from 'node:fs';

const schemaText = readFileSync(new URL('../../../shared/bench/schemas/payment-event.schema.json', import.meta.url), 'utf8');
const options = { formats: 'assert' };
const lines = [];
let expectedInvalid = 0;
for (const r of generate({ schema: 'payment-event', count: 3000, invalidRatio: 0.1, seed: 7 })) {
  lines.push(r.line);
  if (r.invalid) expectedInvalid++;
}
// Malformed records, blank lines, CRLF and multi-byte text, so chunk seams meet every case.
lines.splice(100, 0, '{"broken": ', '', '   ');
lines.splice(2000, 0, '{"id": "é€😀"}\r');
const text = lines.join('\n') + '\n';
const bytes = new TextEncoder().encode(text);

const sieve = await load();
const single = sieve.compile(schemaText, options);
const expected = single.validateNDJSON(bytes);
const pool = await createPool(schemaText, { ...options, workers: 2 });
after(() => pool.close());

test('the single-threaded reference is what the generator says', () => {
  assert.equal(expected.malformed, 1);                         // '{"broken": '
  assert.equal(expected.invalid, expectedInvalid + 1);         // + the 'é€😀' record
  assert.equal(expected.total, 3000 + 2);
});

test('bytes, string and Blob give validateNDJSON\'s result, for any chunk size', async () => {
  assert.equal(pool.size, 2);
  for (const chunkSize of [700, 4096, 65536, 1 << 22]) {
    assert.deepEqual(await pool.validateNDJSON(bytes, { chunkSize }), expected, `bytes, chunkSize ${chunkSize}`);
  }
  assert.deepEqual(await pool.validateNDJSON(text, { chunkSize: 10_000 }), expected, 'string');
  for (const chunkSize of [999, 50_000]) {
    assert.deepEqual(await pool.validateNDJSON(new Blob([bytes]), { chunkSize }), expected, `Blob, chunkSize ${chunkSize}`);
  }
  // Chunks of a byte or a few (every record its own chunk, lines longer than a Blob piece).
  const small = lines.slice(95, 110).join('\n');
  const smallExpected = single.validateNDJSON(small);
  for (const chunkSize of [1, 7]) {
    assert.deepEqual(await pool.validateNDJSON(small, { chunkSize }), smallExpected, `small, chunkSize ${chunkSize}`);
    assert.deepEqual(await pool.validateNDJSON(new Blob([small]), { chunkSize }), smallExpected, `small Blob, chunkSize ${chunkSize}`);
  }
  assert.deepEqual(await pool.validateNDJSON(''), { total: 0, valid: 0, invalid: 0, malformed: 0, errors: [] });
});

test('located errors keep the whole input\'s lines, columns and offsets', async () => {
  const r = await pool.validateNDJSON(bytes, { chunkSize: 5000 });
  for (const failure of r.errors) {
    const lineStart = failure.offset;
    assert.ok(lineStart === 0 || bytes[lineStart - 1] === 10, `failure at line ${failure.line} starts a line`);
    for (const e of failure.errors) assert.equal(e.line, failure.line);
  }
  const broken = r.errors.find((f) => f.malformed);
  assert.equal(broken.line, 101);
});

test('maxFailures and output formats pass through', async () => {
  const capped = await pool.validateNDJSON(bytes, { chunkSize: 20_000, maxFailures: 5 });
  assert.equal(capped.errors.length, 5);
  assert.equal(capped.truncated, true);
  assert.deepEqual(capped.errors, expected.errors.slice(0, 5));
  assert.equal(capped.invalid, expected.invalid);
  const detailed = await pool.validateNDJSON(bytes, { chunkSize: 20_000, output: 'detailed' });
  assert.deepEqual(detailed, single.validateNDJSON(bytes, { output: 'detailed' }));
});

test('an error in a worker rejects the call with that error, and the pool still works', async () => {
  await assert.rejects(pool.validateNDJSON(bytes, { chunkSize: 50_000, output: 'nope' }), /unknown output format "nope"/);
  assert.deepEqual(await pool.validateNDJSON(bytes, { chunkSize: 50_000 }), expected);
});

test('a bad schema rejects with SchemaError and leaves no worker running', async () => {
  await assert.rejects(createPool({ type: 'nope' }, { workers: 2 }), (e) => e instanceof SchemaError && e.schemaLocation === '/type');
  await assert.rejects(createPool({}, { workers: 0 }), TypeError);
});

test('a closed pool says so', async () => {
  const p = await createPool({ type: 'integer' }, { workers: 1 });
  assert.deepEqual(await p.validateNDJSON('1\n"x"\n'), { total: 2, valid: 1, invalid: 1, malformed: 0, errors: (await p.validateNDJSON('1\n"x"\n')).errors });
  p.close();
  p.close();
  await assert.rejects(p.validateNDJSON('1\n'), /closed/);
});
