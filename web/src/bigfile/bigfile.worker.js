// Validates a File in this worker, never on the main thread, and never sends it anywhere:
//   NDJSON (anything but *.json): streamed through schema.ndjsonStream(), constant memory;
//   *.json: one document, read into memory and checked with validateJSON (a single JSON value
//           cannot be validated before its end is read).
// Messages out: progress {bytes, records, invalid, ms}, invalid {items}, done {...}, error {message}.
import { load, SchemaError, JsonSyntaxError } from 'jsonsieve';

const MAX_LISTED = 1000; // invalid records sent to the page; the rest are only counted
const PROGRESS_MS = 100;

self.onmessage = async ({ data: { file, schema: schemaText, dialect, formats } }) => {
  let schema;
  try {
    const sieve = await load();
    schema = sieve.compile(schemaText, { dialect, formats });
  } catch (e) {
    const what = e instanceof SchemaError || e instanceof JsonSyntaxError ? 'schema error' : 'could not start';
    self.postMessage({ type: 'error', message: `${what}: ${e.message}` });
    return;
  }
  try {
    if (/\.json$/i.test(file.name)) await validateDocument(file, schema);
    else await validateStream(file, schema);
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.message ?? e) });
  } finally {
    schema.dispose();
  }
};

function progress(stats, force) {
  const now = performance.now();
  if (!force && now - stats.lastPost < PROGRESS_MS) return;
  stats.lastPost = now;
  self.postMessage({ type: 'progress', bytes: stats.bytes, records: stats.records, invalid: stats.invalid, ms: now - stats.t0 });
}

function newStats(file) {
  const t0 = performance.now();
  return { t0, lastPost: t0, bytes: 0, records: 0, invalid: 0, listed: 0, pending: [], total: file.size };
}

function flushInvalid(stats) {
  if (stats.pending.length) self.postMessage({ type: 'invalid', items: stats.pending.splice(0) });
}

async function validateStream(file, schema) {
  const stats = newStats(file);
  const counter = new TransformStream({
    transform(chunk, ctl) { stats.bytes += chunk.byteLength; ctl.enqueue(chunk); },
  });
  const reader = file.stream().pipeThrough(counter).pipeThrough(schema.ndjsonStream()).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const v of Array.isArray(value) ? value : [value]) record(stats, v);
    progress(stats, false);
    if (stats.pending.length >= 50) flushInvalid(stats);
  }
  flushInvalid(stats);
  progress(stats, true);
  self.postMessage({ type: 'done', mode: 'ndjson', bytes: stats.bytes, records: stats.records, invalid: stats.invalid, ms: performance.now() - stats.t0 });
}

/** One verdict of ndjsonStream: { line, valid, errors?, error? (malformed line) }. */
function record(stats, v) {
  stats.records++;
  if (v.valid) return;
  stats.invalid++;
  if (stats.listed >= MAX_LISTED) return;
  stats.listed++;
  stats.pending.push({
    line: v.line,
    malformed: v.malformed ? (v.error?.message ?? v.message ?? 'malformed JSON') : null,
    errors: (v.errors ?? []).slice(0, 20).map((e) => ({ instanceLocation: e.instanceLocation, keywordLocation: e.keywordLocation, message: e.message })),
  });
}

async function validateDocument(file, schema) {
  const stats = newStats(file);
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes.set(value, stats.bytes);
    stats.bytes += value.byteLength;
    progress(stats, false);
  }
  stats.records = 1;
  try {
    const r = schema.validateJSON(bytes);
    if (!r.valid) {
      stats.invalid = 1;
      stats.pending.push({ line: 1, malformed: null, errors: r.errors.slice(0, MAX_LISTED).map((e) => ({ instanceLocation: `${e.instanceLocation} (line ${e.line})`, keywordLocation: e.keywordLocation, message: e.message })) });
    }
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    stats.invalid = 1;
    stats.pending.push({ line: e.line, malformed: `${e.message} (column ${e.column})`, errors: [] });
  }
  flushInvalid(stats);
  progress(stats, true);
  self.postMessage({ type: 'done', mode: 'json', bytes: stats.bytes, records: 1, invalid: stats.invalid, ms: performance.now() - stats.t0 });
}
