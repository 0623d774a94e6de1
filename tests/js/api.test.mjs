// The package's API through its public entry point ('jsonsieve' resolves to this package's dist/):
// results, options, conversions of JS values, errors and the schema life cycle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load, Sieve, Schema, SchemaError, JsonSyntaxError } from 'jsonsieve';

const sieve = await load();

const person = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1 },
    age: { type: 'integer', minimum: 0 },
    email: { type: 'string', format: 'email' },
  },
  required: ['name'],
  additionalProperties: false,
};

test('load() is memoized and resolves to a Sieve', async () => {
  assert.equal(await load(), sieve);
  assert.ok(sieve instanceof Sieve);
  assert.equal(await sieve.ready, sieve);
});

test('a Sieve comes only from load()', () => {
  assert.throws(() => new Sieve(), (e) => e instanceof TypeError && /await load\(\)/.test(e.message));
});

test('validate: valid and invalid values, error fields', () => {
  const schema = sieve.compile(person);
  assert.ok(schema instanceof Schema);
  assert.deepEqual(schema.validate({ name: 'Ada', age: 36 }), { valid: true, errors: [] });
  const r = schema.validate({ name: '', age: -1, extra: true });
  assert.equal(r.valid, false);
  const byKeyword = Object.fromEntries(r.errors.map((e) => [e.keyword, e]));
  assert.deepEqual(Object.keys(byKeyword).sort(), ['additionalProperties', 'minLength', 'minimum']);
  assert.deepEqual(byKeyword.minimum, {
    instanceLocation: '/age',
    keywordLocation: '/properties/age/minimum',
    absoluteKeywordLocation: '#/properties/age/minimum',
    keyword: 'minimum',
    message: byKeyword.minimum.message,
  });
  assert.ok(byKeyword.minimum.message.length > 0);
  // Values carry no line/column (there is no text to point into).
  for (const e of r.errors) assert.equal(e.line, undefined);
  assert.equal(schema.isValid({ name: 'Ada' }), true);
  assert.equal(schema.isValid({ age: 1 }), false);
});

test('validateJSON: strings, bytes, BOM, located errors with byte columns', () => {
  const schema = sieve.compile(person);
  const text = '{\n  "name": "Zoë",\n  "age": "old"\n}';
  const r = schema.validateJSON(text);
  assert.equal(r.valid, false);
  assert.deepEqual(r.errors.map((e) => [e.instanceLocation, e.keyword, e.line, e.column]), [['/age', 'type', 3, 10]]);
  const bytes = new TextEncoder().encode(text);
  assert.deepEqual(schema.validateJSON(bytes), r);
  assert.deepEqual(schema.validateJSON(bytes.buffer), r);
  assert.deepEqual(schema.validateJSON(new DataView(bytes.buffer)), r);
  assert.equal(schema.validateJSON('\uFEFF{"name":"x"}').valid, true);
  // Columns count UTF-8 bytes: "ë" is two.
  const r2 = schema.validateJSON('{"name":"Zoë","age":-1}');
  assert.equal(r2.errors[0].column, 22);
});

test('validateJSON: malformed text throws JsonSyntaxError with line, column, offset', () => {
  const schema = sieve.compile(true);
  for (const [text, line, column, offset] of [['{"a": }', 1, 7, 6], ['[1,\n2,\n', 3, 1, 7], ['', 1, 1, 0], ['{"a":1} x', 1, 9, 8]]) {
    assert.throws(() => schema.validateJSON(text), (e) => {
      assert.ok(e instanceof JsonSyntaxError && e instanceof SyntaxError);
      assert.equal(e.name, 'JsonSyntaxError');
      assert.deepEqual([e.line, e.column, e.offset], [line, column, offset], text);
      return true;
    });
  }
});

test('validate(value) converts like JSON.stringify, and refuses what has no JSON text', () => {
  const any = sieve.compile(true);
  const isNull = sieve.compile({ type: 'null' });
  const object = sieve.compile({ type: 'object', properties: { a: false } });
  assert.equal(isNull.validate(NaN).valid, true);        // NaN → null
  assert.equal(isNull.validate(-Infinity).valid, true);  // ±Infinity → null
  assert.equal(object.validate({ a: undefined, b: 1 }).valid, true);  // undefined members dropped
  assert.equal(object.validate({ a: () => 1 }).valid, true);          // function members dropped
  assert.equal(sieve.compile({ const: [null] }).validate([undefined]).valid, true);
  assert.equal(sieve.compile({ const: '1970-01-01T00:00:00.000Z' }).validate(new Date(0)).valid, true);
  assert.equal(sieve.compile({ const: { x: 1 } }).validate({ toJSON: () => ({ x: 1 }) }).valid, true);
  const cycle = {};
  cycle.self = cycle;
  for (const value of [undefined, () => 1, Symbol('s'), 10n, { big: 1n }, cycle, '\uD800']) {
    assert.throws(() => any.validate(value), TypeError);
    assert.throws(() => any.isValid(value), TypeError);
  }
});

test('output formats: one engine result, the spec output unit on request', () => {
  const schema = sieve.compile({ properties: { n: { type: 'integer', title: 'N' } } });
  const bad = { n: 'x' };
  assert.equal(schema.validate(bad).output, undefined);
  // flag: the verdict only (evaluation stops at the first failure, no errors are collected).
  const flag = schema.validate(bad, { output: 'flag' });
  assert.deepEqual(flag, { valid: false, errors: [], output: { valid: false } });
  const basic = schema.validate(bad, { output: 'basic' });
  assert.equal(basic.output.valid, false);
  assert.deepEqual(basic.output.errors.map((e) => e.keywordLocation), ['/properties/n/type']);
  assert.deepEqual(basic.errors.map((e) => e.keywordLocation), ['/properties/n/type']);
  const detailed = schema.validate(bad, { output: 'detailed' });
  const verbose = schema.validate(bad, { output: 'verbose' });
  for (const r of [detailed, verbose]) {
    assert.equal(r.output.valid, false);
    assert.equal(r.output.instanceLocation, '');
    assert.ok(JSON.stringify(r.output).includes('/properties/n/type'));
  }
  // Valid instances: annotations in the verbose tree.
  const ok = schema.validate({ n: 1 }, { output: 'verbose' });
  assert.equal(ok.valid, true);
  assert.ok(JSON.stringify(ok.output).includes('"annotation"'));
  // The schema-level option is the default for every call; a call can override it.
  const detailedByDefault = sieve.compile({ type: 'string' }, { output: 'detailed' });
  assert.equal(detailedByDefault.validate(1).output.valid, false);
  assert.deepEqual(detailedByDefault.validate(1, { output: 'flag' }).output, { valid: false });
  assert.deepEqual(detailedByDefault.validateJSON('1', { output: 'flag' }).output, { valid: false });
});

test('maxErrors caps the errors and says so', () => {
  const schema = sieve.compile({ items: { type: 'string' } }, { maxErrors: 2 });
  const r = schema.validate([1, 2, 3, 4]);
  assert.equal(r.valid, false);
  assert.equal(r.errors.length, 2);
  assert.equal(r.truncated, true);
  assert.equal(sieve.compile({ items: { type: 'string' } }).validate([1, 2, 3, 4]).errors.length, 4);
});

test('registry: the only source of remote $refs', () => {
  const registry = {
    'https://example.com/defs/positive.json': { type: 'integer', exclusiveMinimum: 0 },
    'https://example.com/defs/name.json': '{"type": "string"}',
  };
  const schema = sieve.compile({
    properties: {
      n: { $ref: 'https://example.com/defs/positive.json' },
      s: { $ref: 'https://example.com/defs/name.json' },
    },
  }, { registry });
  assert.equal(schema.isValid({ n: 1, s: 'x' }), true);
  assert.equal(schema.validate({ n: 0 }).errors[0].absoluteKeywordLocation,
    'https://example.com/defs/positive.json#/exclusiveMinimum');
  assert.throws(() => sieve.compile({ $ref: 'https://example.com/missing.json' }),
    (e) => e instanceof SchemaError && /registry/.test(e.message));
});

test('baseUri resolves relative references against the registry', () => {
  const schema = sieve.compile({ $ref: 'item.json' }, {
    baseUri: 'file:///schemas/order.json',
    registry: { 'file:///schemas/item.json': { type: 'string' } },
  });
  assert.equal(schema.isValid('x'), true);
  assert.equal(schema.isValid(1), false);
});

test('dialect applies to schemas without $schema', () => {
  const draft4 = { maximum: 5, exclusiveMaximum: true };
  const schema = sieve.compile(draft4, { dialect: 'draft-04' });
  assert.equal(schema.isValid(5), false);
  assert.equal(schema.isValid(4), true);
  assert.throws(() => sieve.compile(draft4), SchemaError);  // 2020-12: exclusiveMaximum is a number
  const explicit = sieve.compile({ $schema: 'http://json-schema.org/draft-07/schema#', items: [{ type: 'string' }] });
  assert.equal(explicit.isValid([1]), false);
  assert.equal(explicit.isValid(['a', 1]), true);
});

test('formats: annotate by default, assert on request', () => {
  const schema = { type: 'string', format: 'email' };
  assert.equal(sieve.compile(schema).isValid('not an email'), true);
  const asserting = sieve.compile(schema, { formats: 'assert' });
  assert.equal(asserting.isValid('not an email'), false);
  assert.equal(asserting.validate('not an email').errors[0].keyword, 'format');
  assert.equal(asserting.isValid('ada@example.com'), true);
});

test('schemas as JSON text and bytes; SchemaError fields', () => {
  assert.equal(sieve.compile('{"type":"string"}').isValid('x'), true);
  assert.equal(sieve.compile(new TextEncoder().encode('{"type":"string"}')).isValid(1), false);
  assert.equal(sieve.compile(new TextEncoder().encode('{"type":"string"}').buffer).isValid(1), false);
  assert.throws(() => sieve.compile({ properties: { a: { minimum: 'zero' } } }), (e) => {
    assert.ok(e instanceof SchemaError);
    assert.equal(e.name, 'SchemaError');
    assert.equal(e.schemaLocation, '/properties/a/minimum');
    assert.equal(typeof e.schemaUri, 'string');
    return true;
  });
  assert.throws(() => sieve.compile({ $id: 'https://example.com/s.json', type: 12 }),
    (e) => e instanceof SchemaError && e.schemaLocation === '/type');
  assert.throws(() => sieve.compile('{"type": "string",\n  oops}'), (e) => {
    assert.ok(e instanceof SchemaError);
    assert.equal(e.line, 2);
    assert.equal(e.column, 3);
    return true;
  });
});

test('options are checked', () => {
  assert.throws(() => sieve.compile(true, { dialect: 'draft-05' }), (e) => e instanceof TypeError && /dialect/.test(e.message));
  assert.throws(() => sieve.compile(true, { formats: 'maybe' }), TypeError);
  assert.throws(() => sieve.compile(true, { output: 'tree' }), TypeError);
  assert.throws(() => sieve.compile(true, { maxErrors: -1 }), TypeError);
  assert.throws(() => sieve.compile(true).validate(1, { output: 'xml' }), TypeError);
  assert.throws(() => sieve.compile(undefined), TypeError);
  assert.throws(() => sieve.compile(true).validateJSON(42), TypeError);
});

test('dispose: idempotent, Symbol.dispose, later use is a clear error', () => {
  const schema = sieve.compile({ type: 'string' });
  assert.equal(schema.disposed, false);
  schema.dispose();
  schema.dispose();
  assert.equal(schema.disposed, true);
  for (const call of [() => schema.validate('x'), () => schema.isValid('x'), () => schema.validateJSON('"x"'),
    () => schema.validateNDJSON('"x"'), () => schema.ndjsonStream()]) {
    assert.throws(call, /disposed/);
  }
  const scoped = sieve.compile(true);
  scoped[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();
  assert.equal(scoped.disposed, true);
});

test('big inputs grow the memory; views are re-created and the input buffer given back', () => {
  const before = sieve.memoryUsage();
  const schema = sieve.compile({ type: 'array', items: { type: 'object', required: ['i'] } });
  const items = Array.from({ length: 400000 }, (_, i) => `{"i":${i},"s":"ééé"}`);
  items[399999] = '{"x":1}';
  const r = schema.validateJSON(`[${items.join(',')}]`);
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].instanceLocation, '/399999');
  assert.ok(sieve.memoryUsage().wasmMemory > before.wasmMemory, 'expected the memory to grow');
  assert.equal(schema.validateJSON('[{"i":1}]').valid, true);
  assert.equal(schema.validate([{ i: 'é'.repeat(1000) }]).valid, true);
  // The input buffer went back at once; the schema's parse arena (sized to its largest
  // instance) goes with the schema.
  schema.dispose();
  assert.equal(sieve.memoryUsage().heapUsed, before.heapUsed);
});

test('non-ASCII text of every width crosses intact', () => {
  const values = ['a', 'é', '€', '😀', 'x'.repeat(70000) + '😀'];
  for (const v of values) {
    const schema = sieve.compile({ const: v });
    assert.equal(schema.validate(v).valid, true, v.slice(0, 10));
    assert.equal(schema.validateJSON(JSON.stringify(v)).valid, true);
    assert.equal(schema.validate(`${v}!`).valid, false);
  }
});
