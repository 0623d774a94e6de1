// The package's TypeScript types: `tsc --noEmit` over a typed usage example (tests/js/types/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

test('tsc --noEmit accepts the usage example and rejects the marked misuses', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const project = new URL('./types/tsconfig.json', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
