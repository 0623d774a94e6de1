// NDJSON: validateNDJSON batches and ndjsonStream() with malformed and empty lines, CRLF, a BOM,
// records split across chunks at every possible byte, and the two agreeing with each other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from 'jsonsieve';

const sieve = await load();
const schema = sieve.compile({
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 5 } },
  required: ['id'],
});
const encode = (s) => new TextEncoder().encode(s);

test('counts, line numbers and failures of a batch', () => {
  const text = '{"id":1}\n{"id":"x"}\n\n{"id":\n{"id":4,"name":"toolong"}\n   \n{"id":6}';
  const r = schema.validateNDJSON(text);
  assert.deepEqual([r.total, r.valid, r.invalid, r.malformed], [5, 2, 2, 1]);
  assert.deepEqual(r.errors.map((e) => [e.line, e.malformed]), [[2, false], [4, true], [5, false]]);
  const [typeError, syntax, tooLong] = r.errors;
  assert.equal(typeError.offset, 9);
  assert.deepEqual(typeError.errors.map((e) => [e.instanceLocation, e.keyword, e.line, e.column]), [['/id', 'type', 2, 7]]);
  assert.deepEqual(syntax.errors, []);
  assert.equal(syntax.error.line, 4);
  assert.equal(syntax.error.column, 7);
  assert.equal(syntax.error.offset, text.indexOf('{"id":\n') + 6);
  assert.match(syntax.error.message, /at line 4, column 7$/);
  assert.deepEqual(tooLong.errors.map((e) => [e.instanceLocation, e.keyword, e.line, e.column]), [['/name', 'maxLength', 5, 16]]);
});

test('CRLF line ends, a BOM at the start, empty input', () => {
  const r = schema.validateNDJSON('\uFEFF{"id":1}\r\n{"id":"2"}\r\n\r\n{"id":3}\r\n');
  assert.deepEqual([r.total, r.valid, r.invalid, r.malformed], [3, 2, 1, 0]);
  assert.equal(r.errors[0].line, 2);
  assert.equal(r.errors[0].offset, 13);  // the BOM is 3 bytes, "{"id":1}\r\n" is 10
  assert.deepEqual(schema.validateNDJSON(''), { total: 0, valid: 0, invalid: 0, malformed: 0, errors: [] });
  assert.deepEqual(schema.validateNDJSON('\n\r\n  \n'), { total: 0, valid: 0, invalid: 0, malformed: 0, errors: [] });
  // A BOM anywhere but at the start is not JSON.
  const late = schema.validateNDJSON('{"id":1}\n\uFEFF{"id":2}\n');
  assert.equal(late.malformed, 1);
  assert.equal(late.errors[0].line, 2);
});

test('bytes and strings give the same report; non-ASCII columns count bytes', () => {
  const text = '{"name":"ééé","id":"no"}\n{"id":1}\n';
  const fromString = schema.validateNDJSON(text);
  assert.deepEqual(schema.validateNDJSON(encode(text)), fromString);
  assert.equal(fromString.errors[0].errors[0].column, 23);  // "é" is two bytes
});

test('maxFailures keeps the counts and drops details', () => {
  const text = Array.from({ length: 10 }, (_, i) => `{"id":${i % 2 ? '"x"' : i}}`).join('\n');
  const r = schema.validateNDJSON(text, { maxFailures: 2 });
  assert.equal(r.invalid, 5);
  assert.equal(r.errors.length, 2);
  assert.equal(r.truncated, true);
});

test('output option adds the output unit per failing record', () => {
  const r = schema.validateNDJSON('{"id":"x"}\n', { output: 'detailed' });
  assert.equal(r.errors[0].output.valid, false);
  assert.ok(Array.isArray(r.errors[0].output.errors));
});

async function streamVerdicts(chunks, options) {
  const source = new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
  const verdicts = [];
  for await (const v of source.pipeThrough(schema.ndjsonStream(options))) verdicts.push(v);
  return verdicts;
}

const sample = '\uFEFF{"id":1}\r\n{"id":"x"}\n\n{"id":\n{"id":4,"name":"ååå"}\r\n{"id":5,"name":"toolong"}\n{"id":6}';

test('ndjsonStream: one verdict per record, same failures as validateNDJSON', async () => {
  const batch = schema.validateNDJSON(sample);
  const verdicts = await streamVerdicts([encode(sample)]);
  assert.equal(verdicts.length, batch.total);
  assert.deepEqual(verdicts.map((v) => v.line), [1, 2, 4, 5, 6, 7]);
  assert.deepEqual(verdicts.filter((v) => !v.valid).map(({ valid, ...f }) => f), batch.errors);
  assert.deepEqual(verdicts.find((v) => v.line === 1), { line: 1, valid: true, malformed: false, errors: [] });
});

test('ndjsonStream: records split across chunks at every byte', async () => {
  const bytes = encode(sample);
  const expected = await streamVerdicts([bytes]);
  for (let cut = 1; cut < bytes.length; cut++) {
    const got = await streamVerdicts([bytes.slice(0, cut), bytes.slice(cut)]);
    assert.deepEqual(got, expected, `split at byte ${cut}`);
  }
  // One byte per chunk, too.
  const single = await streamVerdicts(Array.from(bytes, (b) => Uint8Array.of(b)));
  assert.deepEqual(single, expected);
});

test('ndjsonStream: a long stream in chunks keeps the heap flat', async () => {
  const record = encode('{"id":1,"name":"abc"}\n{"id":"bad"}\n');
  let made = 0;
  const total = 20000;  // records
  const source = new ReadableStream({
    pull(controller) {
      if (made >= total) { controller.close(); return; }
      // 100 records per chunk, cut mid-record so every chunk boundary splits a line.
      const chunk = new Uint8Array(record.length * 50);
      for (let i = 0; i < 50; i++) chunk.set(record, i * record.length);
      made += 100;
      controller.enqueue(chunk.subarray(0, chunk.length - 7));
      controller.enqueue(chunk.subarray(chunk.length - 7));
    },
  });
  let count = 0;
  let invalid = 0;
  let lastLine = 0;
  let heapAfterFirst = 0;
  for await (const v of source.pipeThrough(schema.ndjsonStream())) {
    count += 1;
    if (!v.valid) invalid += 1;
    assert.ok(v.line > lastLine);
    lastLine = v.line;
    if (count === 1000) heapAfterFirst = sieve.memoryUsage().heapUsed;
  }
  assert.equal(count, total);
  assert.equal(invalid, total / 2);
  assert.equal(lastLine, total);
  assert.ok(sieve.memoryUsage().heapUsed <= heapAfterFirst, 'heap grew while streaming');
});

test('ndjsonStream rejects non-byte chunks clearly', async () => {
  await assert.rejects(streamVerdicts([42]), /Uint8Array/);
});
