// jsonsieve/pool in a real browser: module Web Workers started from the package's own files
// (served as they are, under a strict CSP: script-src 'self' 'wasm-unsafe-eval'), each running the
// wasm module compiled once by the page, give exactly validateNDJSON's result for text and Blobs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { ROOT, missingPrerequisites, launchBrowser, newWatchedPage } from './lib/harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const missing = missingPrerequisites();
let server, origin, browser, watched;

before(async () => {
  if (missing) return;
  const dist = join(ROOT, 'dist');
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();  // not a failure of the page
    const file = path === '/' ? null : normalize(join(dist, path));
    try {
      if (file !== null && !file.startsWith(dist)) throw new Error('outside dist');
      const body = file === null ? '<!doctype html><title>pool</title><p>jsonsieve/pool</p>' : await readFile(file);
      const type = file === null ? TYPES['.html'] : TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchBrowser();
  watched = await newWatchedPage(browser);
  await watched.page.goto(`${origin}/`);
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test('createPool in Chromium: module workers, same result as validateNDJSON, CSP respected', { skip: missing?.join('; ') }, async () => {
  const outcome = await watched.page.evaluate(async () => {
    const { load } = await import('/index.js');
    const { createPool } = await import('/pool.js');
    const schema = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 5 } }, required: ['id'] };
    const lines = [];
    for (let i = 0; i < 3000; i++) {
      lines.push(i % 97 === 0 ? '{"id": ' : i % 10 === 0 ? `{"id": "${i}"}` : i % 13 === 0 ? '' : `{"id": ${i}, "name": "n${i % 1000}"}`);
    }
    const text = lines.join('\n');
    const single = (await load()).compile(schema).validateNDJSON(text);
    const pool = await createPool(schema, { workers: 2 });
    try {
      return {
        single,
        text: await pool.validateNDJSON(text, { chunkSize: 4096 }),
        blob: await pool.validateNDJSON(new Blob([text]), { chunkSize: 1000 }),
        size: pool.size,
        workers: typeof Worker,
      };
    } finally {
      pool.close();
    }
  });
  assert.equal(outcome.size, 2);
  assert.ok(outcome.single.invalid > 0 && outcome.single.malformed > 0 && outcome.single.valid > 0);
  assert.deepEqual(outcome.text, outcome.single);
  assert.deepEqual(outcome.blob, outcome.single);
  assert.deepEqual(watched.problems, []);
  assert.deepEqual(await watched.page.evaluate(() => self.__csp), []);
});
