// An instance that aborts (out of memory) is replaced at once: the failing call reports a clear
// error, later calls work, and existing schemas recompile themselves. Runs the test-only module
// capped at 16 MiB (build/js-test/tinymem, built with the wasm build) through the same wrapper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EngineAbortError } from 'jsonsieve';
import { createSieve } from '../../dist/load.js';

const dir = fileURLToPath(new URL('../../build/js-test/tinymem/', import.meta.url));
assert.ok(existsSync(`${dir}jsonsieve.wasm`), `${dir} is missing: run scripts/build.sh wasm`);
const { default: factory } = await import(`${dir}jsonsieve.mjs`);
const sieve = await createSieve(factory, readFileSync(`${dir}jsonsieve.wasm`));

// ~4 MB of JSON whose parsed form needs more than the 16 MiB the module may have.
const big = `[${Array.from({ length: 300000 }, () => '{"a":[1,2,3]}').join(',')}]`;

test('an out-of-memory abort fails the call clearly and the module lives on', () => {
  const schema = sieve.compile({ type: 'array', items: { type: 'object' } });
  assert.equal(schema.validateJSON('[{}]').valid, true);
  for (const call of [() => schema.validateJSON(big), () => schema.isValid(JSON.parse(big)),
    () => schema.validateNDJSON(`${big}\n`)]) {
    assert.throws(call, (e) => {
      assert.ok(e instanceof EngineAbortError, `${e}`);
      assert.match(e.message, /aborted \(OOM\).*restarted/);
      assert.ok(e.cause instanceof WebAssembly.RuntimeError);
      return true;
    });
    // Same schema object, fresh instance: it recompiled itself.
    assert.equal(schema.validateJSON('[{}, 1]').valid, false);
    assert.deepEqual(schema.validate([{}, 1]).errors.map((e) => e.instanceLocation), ['/1']);
  }
  // Schemas compiled after the restart, and disposing old ones, work too.
  const other = sieve.compile({ type: 'string' });
  assert.equal(other.isValid('x'), true);
  schema.dispose();
  other.dispose();
});

test('input larger than the memory limit is a RangeError, not an abort', () => {
  const schema = sieve.compile(true);
  assert.throws(() => schema.validateJSON(' '.repeat(20e6)), (e) => e instanceof RangeError && /do not fit/.test(e.message));
  assert.equal(schema.validateJSON('1').valid, true);
});

test('every restart comes back to the same resting heap', () => {
  const schema = sieve.compile({ type: 'object' });
  const warm = () => { schema.isValid({}); schema.validate([]); };
  assert.throws(() => schema.validateJSON(big), EngineAbortError);
  warm();
  const rest = sieve.memoryUsage();
  for (let i = 0; i < 3; i++) {
    assert.throws(() => schema.validateJSON(big), EngineAbortError);
    warm();
    assert.deepEqual(sieve.memoryUsage(), rest);
  }
});

// The validator's parser recurses up to the default depth limit (1,000): the smallest module's
// 1 MiB stack must hold it, in every entry point, and one level more is a clear error.
test('the smallest module parses data nested to the default depth limit', () => {
  const schema = sieve.compile({ type: 'array', items: { $ref: '#' } });
  const deep = (n) => '['.repeat(n) + ']'.repeat(n);
  assert.equal(schema.validateJSON(deep(1000)).valid, true);
  assert.equal(schema.isValid(JSON.parse(deep(999))), true);
  const batch = schema.validateNDJSON(`${deep(1000)}\n${deep(1001)}\n`);
  assert.equal(batch.valid, 1);
  assert.equal(batch.malformed, 1);
  assert.throws(() => schema.validateJSON(deep(1001)), /nesting deeper than the limit of 1000 at line 1, column 1001/);
  assert.equal(schema.isValid([[]]), true);
  schema.dispose();
});
