// Memory: compiled schemas and validations leave the wasm heap where it started — 100,000
// compile/dispose cycles, 1,000,000 validations, and schemas left to the garbage collector.
// heapUsed is malloc's count of bytes in use; wasmMemory is the linear memory's size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { load, SchemaError } from 'jsonsieve';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const sieve = await load();

const schemas = [
  { type: 'object', properties: { id: { type: 'integer', minimum: 0 }, tags: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } } }, required: ['id'] },
  { $defs: { n: { type: 'number', multipleOf: 0.5 } }, anyOf: [{ $ref: '#/$defs/n' }, { type: 'string', format: 'email' }] },
  { items: { enum: ['a', 'b', { c: [1, 2] }] }, uniqueItems: true, unevaluatedItems: false },
  true,
];
const registry = { 'https://example.com/remote.json': { type: 'string', maxLength: 3 } };

// One compile/dispose cycle; every 100th schema does not compile.
function cycle(i) {
  if (i % 100 === 99) {
    assert.throws(() => sieve.compile({ properties: { a: { type: 'nope', pattern: '(' } } }), SchemaError);
    return;
  }
  const s = sieve.compile(schemas[i % schemas.length], { formats: i % 2 ? 'assert' : 'annotate', registry });
  s.dispose();
}

test('100,000 compile/dispose cycles leave the heap where it started', () => {
  for (let i = 0; i < 1000; i++) cycle(i);  // warm-up: first-use allocations of the module
  const start = sieve.memoryUsage();
  for (let i = 0; i < 100000; i++) cycle(i);
  assert.deepEqual(sieve.memoryUsage(), start);
});

test('1,000,000 validations leave the heap where it started', () => {
  const schema = sieve.compile(schemas[0]);
  const values = [{ id: 1, tags: ['a', 'b'] }, { id: -1, tags: ['A'] }, { tags: 1 }];
  const texts = values.map((v) => JSON.stringify(v));
  const ndjson = `${texts.join('\n')}\n{oops\n`;
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      switch (i % 5) {
        case 0: schema.isValid(values[i % 3]); break;
        case 1: schema.validate(values[i % 3]); break;
        case 2: schema.validateJSON(texts[i % 3]); break;
        case 3: schema.validate(values[i % 3], { output: 'verbose' }); break;
        default: if (i % 100 === 4) schema.validateNDJSON(ndjson); else schema.isValid(values[1]);
      }
    }
  };
  run(10000);  // warm-up: the validator's scratch memory reaches its working size
  const start = sieve.memoryUsage();
  run(1000000);
  assert.deepEqual(sieve.memoryUsage(), start);
  schema.dispose();
});

test('schemas never disposed are freed by the garbage collector', async () => {
  const start = sieve.memoryUsage().heapUsed;
  (() => {
    for (let i = 0; i < 2000; i++) sieve.compile(schemas[i % schemas.length]).isValid(i);
  })();
  assert.ok(sieve.memoryUsage().heapUsed > start, 'the forgotten schemas should hold memory');
  for (let round = 0; round < 50 && sieve.memoryUsage().heapUsed !== start; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));  // finalizers run as tasks
  }
  assert.equal(sieve.memoryUsage().heapUsed, start);
});
