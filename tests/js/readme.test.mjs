// The README's usage example must run and print what its comments say. Each `console.log(...)`
// with a trailing `// expected` comment (continued on following comment lines) is checked: the
// logged text (util.inspect on one line) must start with the comment's text up to any "...".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(root + 'README.md', 'utf8');

function exampleAndExpectations() {
  const block = readme.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, 'README has a ```js usage example');
  const lines = block[1].split('\n');
  const expectations = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/console\.log\(.*\);\s*\/\/\s*(.*)$/);
    const plain = /console\.log\(/.test(lines[i]);
    let comment = m ? m[1] : null;
    // Continuation comment lines belong to the log above them.
    while (plain && i + 1 < lines.length && /^\s*\/\/\s/.test(lines[i + 1])) {
      comment = (comment ?? '') + ' ' + lines[++i].replace(/^\s*\/\/\s*/, '');
    }
    if (plain) expectations.push(comment);
  }
  return { code: block[1], expectations };
}

test('README usage example runs and prints what it says', async () => {
  const { code, expectations } = exampleAndExpectations();
  const logged = [];
  const source = code.replaceAll('console.log(', '__log(');
  globalThis.__log = (...args) => logged.push(args.map((a) => (typeof a === 'string' ? a
    : inspect(a, { depth: Infinity, breakLength: Infinity }))).join(' '));
  // Run it as a module from the package root, so `import ... from 'jsonsieve'` is the package.
  const url = 'data:text/javascript;base64,' + Buffer.from(
    source.replace("from 'jsonsieve'", `from '${new URL('dist/index.js', 'file://' + root).href}'`)).toString('base64');
  await import(url);
  assert.equal(logged.length, expectations.length, 'one output per console.log');
  expectations.forEach((expected, i) => {
    if (expected === null) return;
    const prefix = expected.split('...')[0].trim().replace(/\s+/g, ' ');
    const actual = logged[i].replace(/\s+/g, ' ');
    assert.ok(actual.startsWith(prefix), `console.log #${i + 1}: expected it to start with\n  ${prefix}\ngot\n  ${actual}`);
  });
});
