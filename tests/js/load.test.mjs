// load(): every accepted wasm source, failures that say why, memoization, and use from a worker
// thread. Each case runs in a fresh Node process (load() is memoized per process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';

// Runs an ES module snippet that has `load` imported; returns its stdout (trimmed).
function run(body) {
  const script = `import { load } from 'jsonsieve';\n${body}`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../../', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

const check = `
const schema = sieve.compile({ type: 'integer' });
console.log(schema.isValid(1), schema.isValid('1'));`;

const sources = {
  'default (package file)': 'undefined',
  'file URL': `import.meta.resolve('jsonsieve/jsonsieve.wasm')`,
  'URL object': `new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))`,
  'ArrayBuffer': `(await import('node:fs')).readFileSync(new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))).buffer`,
  'Uint8Array': `new Uint8Array((await import('node:fs')).readFileSync(new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))))`,
  'WebAssembly.Module': `await WebAssembly.compile((await import('node:fs')).readFileSync(new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))))`,
  'Response (application/wasm)': `new Response((await import('node:fs')).readFileSync(new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))), { headers: { 'Content-Type': 'application/wasm' } })`,
  'Response (other type)': `new Response((await import('node:fs')).readFileSync(new URL(import.meta.resolve('jsonsieve/jsonsieve.wasm'))))`,
};

for (const [name, source] of Object.entries(sources)) {
  test(`load({ wasm }) from ${name}`, () => {
    assert.equal(run(`const sieve = await load({ wasm: ${source} });${check}`), 'true false');
  });
}

test('load() is memoized; the first call decides the source', () => {
  assert.equal(run(`
    const a = load(); const b = load({ wasm: new ArrayBuffer(8) });
    console.log(a === b, (await a) === (await load()));`), 'true true');
});

test('a failed load says why, and may be retried', () => {
  const out = run(`
    for (const wasm of [new Uint8Array([0, 97, 115, 109]), new URL('file:///nonexistent/jsonsieve.wasm'),
                        new Response('nope', { status: 404, statusText: 'Not Found' }), 42]) {
      try { await load({ wasm }); console.log('loaded?'); } catch (e) { console.log(e.message); }
    }
    const sieve = await load();${check}`).split('\n');
  assert.equal(out.length, 5);
  assert.match(out[0], /could not load the WebAssembly module from Uint8Array: .+/);
  assert.match(out[1], /could not load the WebAssembly module from file:\/\/\/nonexistent\/jsonsieve\.wasm: .*ENOENT/);
  assert.match(out[2], /HTTP 404 Not Found/);
  assert.match(out[3], /could not load the WebAssembly module from Number/);
  assert.equal(out[4], 'true false');
});

test('works inside a worker thread', async () => {
  const worker = new Worker(new URL('./fixtures/worker.mjs', import.meta.url));
  const message = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  assert.deepEqual(message, [true, 1]);
});
