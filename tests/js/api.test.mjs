// The package's API through its public entry point ('jsonsieve' resolves to this package's dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, SchemaError, JsonSyntaxError } from 'jsonsieve';

const sieve = await load();

test('load() is memoized', async () => {
  assert.equal(await load(), sieve);
});

test('validateJSON reports located errors', () => {
  const schema = sieve.compile({ type: 'object', properties: { a: { type: 'integer', minimum: 3 } } });
  assert.deepEqual(schema.validateJSON('{"a": 5}'), { valid: true, errors: [] });
  const result = schema.validateJSON('{\n  "a": 1\n}');
  assert.equal(result.valid, false);
  assert.deepEqual(result.errors, [{
    instanceLocation: '/a', keywordLocation: '/properties/a/minimum',
    absoluteKeywordLocation: '#/properties/a/minimum', keyword: 'minimum',
    message: result.errors[0].message, line: 2, column: 8,
  }]);
  assert.match(result.errors[0].message, /3/);
  schema.dispose();
});

test('malformed JSON throws JsonSyntaxError, bad schemas SchemaError', () => {
  const schema = sieve.compile(true);
  assert.throws(() => schema.validateJSON('{"a": }'),
    (e) => e instanceof JsonSyntaxError && e.line === 1 && e.column === 7 && e.offset === 6);
  assert.throws(() => sieve.compile({ type: 'nope' }),
    (e) => e instanceof SchemaError && e.schemaLocation === '/type');
});
