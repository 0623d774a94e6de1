// What a user gets is what is tested: `npm pack`, install the tarball into an empty project
// (offline, no scripts), import it there and validate; run its bin. Also checks the tarball's
// file list, that dist/ is fresh against its sources, and that the glue has no eval/new Function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const work = mkdtempSync(join(tmpdir(), 'jsonsieve-pack-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

test('dist/ is fresh: wrapper and types match their sources', () => {
  for (const name of readdirSync(join(root, 'bindings/js'))) {
    assert.equal(readFileSync(join(root, 'dist', name), 'utf8'), readFileSync(join(root, 'bindings/js', name), 'utf8'),
      `dist/${name} is stale: rebuild (scripts/build.sh wasm)`);
  }
  assert.equal(readFileSync(join(root, 'dist/index.d.ts'), 'utf8'), readFileSync(join(root, 'bindings/types/index.d.ts'), 'utf8'));
});

test('the glue contains no eval or new Function (CSP without unsafe-eval)', () => {
  const glue = readFileSync(join(root, 'dist/jsonsieve.mjs'), 'utf8');
  assert.doesNotMatch(glue, /\beval\s*\(/);
  assert.doesNotMatch(glue, /new\s+Function\b/);
  assert.doesNotMatch(glue, /\bFunction\s*\(/);
  for (const name of readdirSync(join(root, 'bindings/js'))) {
    assert.doesNotMatch(readFileSync(join(root, 'bindings/js', name), 'utf8'), /\beval\s*\(|new\s+Function\b/, name);
  }
});

test('npm pack → install the tarball offline → import, validate, run the bin', () => {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  const files = packed.files.map((f) => f.path).sort();
  const expectedDist = [...readdirSync(join(root, 'bindings/js')).map((n) => `dist/${n}`),
    ...readdirSync(join(root, 'bindings/types')).map((n) => `dist/${n}`), 'dist/jsonsieve.mjs', 'dist/jsonsieve.wasm',
    'dist/licenses/RE2-LICENSE', 'dist/licenses/RapidJSON-LICENSE'];
  assert.deepEqual(files.filter((f) => f.startsWith('dist/')), expectedDist.sort());
  assert.deepEqual(files.filter((f) => !f.startsWith('dist/') && !/^(README|LICENSE)/i.test(f)), ['package.json']);

  const project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', join(work, packed.filename)], project);

  writeFileSync(join(project, 'check.mjs'), `
    import { load, SchemaError } from 'jsonsieve';
    import { createPool } from 'jsonsieve/pool';
    import { createRequire } from 'node:module';
    const sieve = await load();
    const schema = sieve.compile({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });
    const wasmPath = createRequire(import.meta.url).resolve('jsonsieve/jsonsieve.wasm');
    let schemaError = false;
    try { sieve.compile({ type: 3 }); } catch (e) { schemaError = e instanceof SchemaError; }
    console.log(JSON.stringify({
      valid: schema.validate({ n: 1 }).valid,
      invalid: schema.validateJSON('{"n": "x"}').errors[0].keyword,
      ndjson: schema.validateNDJSON('{"n":1}\\n{}\\n').invalid,
      schemaError,
      wasm: wasmPath.endsWith('jsonsieve.wasm'),
      pool: await (async () => {
        const pool = await createPool({ type: 'integer' }, { workers: 2 });
        try { return (await pool.validateNDJSON('1\\n"x"\\n2\\n')).invalid; } finally { pool.close(); }
      })(),
    }));
  `);
  const out = execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { valid: true, invalid: 'type', ndjson: 1, schemaError: true, wasm: true, pool: 1 });

  writeFileSync(join(project, 's.json'), '{"type": "string"}');
  writeFileSync(join(project, 'd.json'), '"ok"');
  const bin = join(project, 'node_modules/.bin/jsonsieve');
  assert.equal(execFileSync(bin, ['--schema', 's.json', 'd.json'], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }), '');
});
