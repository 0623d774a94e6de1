// The demo page (web/) in headless Chromium: loads under the strict CSP with no errors, the
// playground locates errors, a dropped NDJSON file reports its bad lines, the benchmark runs and
// its verdicts agree, and the size panel shows the real file sizes. Screenshots of each panel go to
// test-artifacts/screenshots/. Run from the repo root: node --test tests/browser/
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NOT_SHIPPED } from '../../scripts/size-report.mjs';
import { ROOT, SHARED, ARTIFACTS, missingPrerequisites, buildPage, startPreview, launchBrowser, newWatchedPage, screenshot } from './lib/harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'";
const missing = missingPrerequisites();
if (missing) throw new Error(`browser tests cannot run; missing:\n  ${missing.join('\n  ')}`);

let server, browser, session, page;

before(async () => {
  buildPage();
  server = await startPreview();
  browser = await launchBrowser();
  session = await newWatchedPage(browser);
  page = session.page;
}, { timeout: 180_000 });

after(async () => {
  await session?.context.close();
  await browser?.close();
  await server?.stop();
});

const dataEditor = () => page.locator('[data-testid=data-editor] .cm-content');
const schemaEditor = () => page.locator('[data-testid=schema-editor] .cm-content');

async function setEditor(locator, text) {
  await locator.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

function assertNoProblems(where) {
  assert.deepEqual(session.problems.splice(0), [], `${where}: console errors or CSP violations`);
}

test('page loads under the strict CSP with no console errors', async () => {
  const res = await page.goto(server.url);
  assert.equal(res.headers()['content-security-policy'], CSP);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
  await page.waitForSelector('[data-testid=pg-status].invalid'); // the first example has errors
  assert.deepEqual(await page.evaluate(() => self.__csp), []);
  await screenshot(page.locator('body'), 'page');
  assertNoProblems('load');
});

test('typing a schema and invalid data lists the errors and highlights the value', async () => {
  await setEditor(schemaEditor(), JSON.stringify({
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  }, null, 2));
  await setEditor(dataEditor(), '{\n  "age": -5,\n  "name": "Ada"\n}');
  await page.waitForFunction(() => document.querySelector('[data-testid=pg-errors] tbody')?.textContent.includes('-5'));
  const rows = page.locator('[data-testid=pg-errors] tbody tr');
  assert.equal(await rows.count(), 1);
  const cells = await rows.nth(0).locator('td').allTextContents();
  assert.deepEqual(cells.slice(0, 2), ['/age', '/properties/age/minimum']);
  assert.match(cells[2], /\b0\b/);
  assert.equal(await rows.nth(0).getAttribute('data-line'), '2');
  assert.equal(await rows.nth(0).getAttribute('data-column'), '10');

  // two errors, one at the root: required + type
  await setEditor(dataEditor(), '{\n  "age": "old"\n}');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=pg-errors] tbody tr').length === 2);
  const texts = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(0, 2).map((c) => c.textContent).join(' ')));
  assert.deepEqual(texts.sort(), ['(root) /required', '/age /properties/age/type'].sort());

  // clicking the /age error highlights "old" in the data editor and the keyword in the schema
  await rows.filter({ hasText: '/properties/age/type' }).click();
  const focus = page.locator('[data-testid=data-editor] .cm-sieve-focus');
  await focus.waitFor();
  assert.equal(await focus.textContent(), '"old"');
  assert.equal(await page.locator('[data-testid=schema-editor] .cm-sieve-focus').textContent(), '"integer"');
  await screenshot(page.locator('#panel-playground'), 'playground');

  // a schema error points into the schema editor
  await setEditor(schemaEditor(), '{\n  "type": "object",\n  "minProperties": -1\n}');
  await page.waitForSelector('[data-testid=pg-status].schema-error');
  assert.match(await page.locator('[data-testid=pg-status]').textContent(), /minProperties/);
  assert.equal(await page.locator('[data-testid=schema-editor] .cm-sieve-focus').textContent(), '-1');
  await screenshot(page.locator('#panel-playground'), 'playground-schema-error');

  // malformed data: the syntax error is located
  await setEditor(schemaEditor(), '{ "type": "object" }');
  await setEditor(dataEditor(), '{\n  "a": 1,,\n}');
  await page.waitForSelector('[data-testid=pg-status].syntax-error');
  assert.match(await page.locator('[data-testid=pg-status]').textContent(), /line 2/);
  assertNoProblems('playground');
});

test('share-as-URL restores schema, data and options', async () => {
  await page.selectOption('[data-testid=example]', 'person');
  await page.waitForSelector('[data-testid=pg-status].invalid');
  await page.selectOption('[data-testid=dialect]', '2019-09');
  await page.click('[data-testid=share]');
  const link = await page.locator('[data-testid=share-link]').inputValue();
  assert.match(link, /#share=[A-Za-z0-9_-]+$/);
  const before = { schema: await schemaEditor().textContent(), data: await dataEditor().textContent() };
  const other = await newWatchedPage(browser);
  try {
    await other.page.goto(link);
    await other.page.waitForSelector('body[data-ready="1"]');
    assert.equal(await other.page.locator('[data-testid=schema-editor] .cm-content').textContent(), before.schema);
    assert.equal(await other.page.locator('[data-testid=data-editor] .cm-content').textContent(), before.data);
    assert.equal(await other.page.locator('[data-testid=dialect]').inputValue(), '2019-09');
    assert.equal(await other.page.locator('[data-testid=formats]').inputValue(), 'assert');
    assert.deepEqual(other.problems, []);
  } finally {
    await other.context.close();
  }
});

test('the size panel shows the real file sizes', async () => {
  await page.click('[role=tab][data-panel=size]');
  const rows = page.locator('[data-testid=size-current] tbody tr');
  await rows.first().waitFor({ timeout: 10_000 }).catch(async () => {
    assert.fail(`size panel: ${await page.locator('[data-testid=size-current]').textContent()}`);
  });
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => ({
    file: tr.dataset.file,
    ...Object.fromEntries([...tr.querySelectorAll('td[data-k]')].map((td) => [td.dataset.k, td.dataset.bytes === '' ? null : Number(td.dataset.bytes)])),
  })));
  // the package's runtime files, measured here independently (gzip: zlib -9; brotli: quality 11);
  // the Node CLI and jsonsieve/pool are not loaded by a page importing 'jsonsieve': the size
  // report leaves them out (NOT_SHIPPED)
  const runtime = readdirSync(join(ROOT, 'dist')).filter((f) => /\.(wasm|m?js)$/.test(f) && !NOT_SHIPPED.has(f)).sort();
  assert.deepEqual(shown.map((r) => r.file).sort(), runtime);
  for (const r of shown) {
    const bytes = readFileSync(join(ROOT, 'dist', r.file));
    assert.equal(r.raw, bytes.length, `${r.file} raw`);
    assert.equal(r.gzip, gzipSync(bytes, { level: 9 }).length, `${r.file} gzip`);
    const br = brotliCompressSync(bytes, { params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    assert.equal(r.brotli, br.length, `${r.file} brotli`);
  }
  // the wasm the page runs is the one measured
  const wasmFetched = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.decodedBodySize));
  const wasmRow = shown.find((r) => r.file.endsWith('.wasm'));
  assert.ok(wasmFetched.length >= 1 && wasmFetched.every((n) => n === wasmRow.raw), `fetched ${wasmFetched}, report ${wasmRow.raw}`);
  const total = await page.locator('[data-testid=size-current] tfoot tr[data-total=shipped] td[data-k=gzip]').getAttribute('data-bytes');
  assert.equal(Number(total), shown.reduce((a, r) => a + r.gzip, 0));

  // history: a chart with one point per recorded commit, or a visible note that there is none
  const historyFile = join(ROOT, 'scripts', 'size-history.json');
  if (existsSync(historyFile)) {
    const entries = JSON.parse(readFileSync(historyFile, 'utf8')).entries;
    await page.locator('[data-testid=size-history] svg').waitFor({ timeout: 10_000 });
    assert.equal(Number(await page.locator('[data-testid=size-history] [data-points]').getAttribute('data-points')), entries.length);
  } else {
    await page.locator('[data-testid=size-history][data-missing]').waitFor({ timeout: 10_000 });
  }
  await screenshot(page.locator('#panel-size'), 'size');
  assertNoProblems('size');
  assert.deepEqual(await page.evaluate(() => self.__csp), []);
});

test('a dropped NDJSON file with bad lines reports them', async () => {
  const { generate } = await import(pathToFileURL(join(SHARED, 'bench', 'gen.mjs')).href);
  const lines = [];
  const expectedInvalid = new Set();
  for (const r of generate({ schema: 'payment-event', count: 400, invalidRatio: 0.1, seed: 3 })) {
    lines.push(r.line);
    if (r.invalid) expectedInvalid.add(lines.length);
  }
  lines.splice(99, 0, '{"event_id": "truncated');  // line 100: malformed
  lines.splice(249, 0, 'not json at all');          // line 250: malformed
  const shifted = new Set([...expectedInvalid].map((n) => n + (n >= 100 ? 1 : 0)).map((n) => n + (n >= 250 ? 1 : 0)));
  shifted.add(100).add(250);
  const text = lines.join('\n') + '\n';

  await page.click('[role=tab][data-panel=playground]');
  await page.selectOption('[data-testid=example]', 'payment-event');
  await page.waitForSelector('[data-testid=pg-status].invalid');
  await page.click('[role=tab][data-panel=bigfile]');
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'events.ndjson', { type: 'application/x-ndjson' }));
    return d;
  }, text);
  await page.dispatchEvent('[data-testid=dropzone]', 'drop', { dataTransfer: dt });
  const summary = page.locator('[data-testid=file-summary]');
  await page.waitForSelector('[data-testid=file-summary][data-invalid]', { timeout: 60_000 });
  assert.equal(Number(await summary.getAttribute('data-records')), lines.length);
  assert.equal(Number(await summary.getAttribute('data-invalid')), shifted.size);
  const listed = (await page.locator('[data-testid=file-invalid] > li').evaluateAll((lis) => lis.map((li) => Number(li.dataset.line))));
  assert.deepEqual(listed.sort((a, b) => a - b), [...shifted].sort((a, b) => a - b));
  assert.match(await page.locator('[data-testid=file-invalid] > li[data-line="100"]').textContent(), /malformed/);
  assert.equal(await page.locator('[data-testid=file-progress]').evaluate((p) => p.value), 1);
  assert.match(await page.locator('[data-testid=file-rps]').textContent(), /[0-9] records\/s/);
  await screenshot(page.locator('#panel-bigfile'), 'bigfile');
  assertNoProblems('big file');
});

test('the benchmark runs (short setting) and its verdicts agree', async () => {
  await page.click('[role=tab][data-panel=speed]');
  await page.selectOption('[data-testid=bench-setting]', 'short');
  await page.click('[data-testid=bench-run]');
  await page.waitForSelector('[data-testid=bench-status][data-done]', { timeout: 300_000 });
  assert.match(await page.locator('[data-testid=bench-status]').getAttribute('class'), /good/,
    await page.locator('[data-testid=bench-status]').textContent());
  const rows = await page.locator('[data-testid=bench-table] tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    method: tr.dataset.method, recordsPerSec: Number(tr.dataset.rps), ratio: tr.dataset.ratio ? Number(tr.dataset.ratio) : null,
  })));
  assert.equal(rows.length, 5);
  for (const r of rows) assert.ok(r.recordsPerSec > 0, `${r.method}: ${r.recordsPerSec}`);
  assert.ok(await page.locator('[data-testid=bench-chart] svg rect').count() >= 5);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'browser-bench.json'), JSON.stringify({ userAgent: await page.evaluate(() => navigator.userAgent), rows }, null, 2));
  for (const r of rows) console.log(`# bench ${r.method}: ${r.recordsPerSec} records/s${r.ratio ? ` (${r.ratio.toFixed(2)}x Ajv)` : ''}`);
  await screenshot(page.locator('#panel-speed'), 'speed');
  assertNoProblems('benchmark');
});
