// ReDoS immunity in the package: the classic catastrophic-backtracking patterns, over 100,000-
// character inputs, validate in linear time (RE2) — while JavaScript's own RegExp, given the same
// pattern and an input of 32 to 42 characters, is still backtracking when a worker running it is stopped
// after 2 s. The bounds are generous on purpose (seconds where backtracking takes hours): this
// shows exponential vs linear, it is not a benchmark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { load } from 'jsonsieve';

const sieve = await load();

const CASES = [
  // jsLength: where JS's backtracking (2^n, or Fibonacci(n) per start position) passes minutes
  { pattern: '^(a+)+$', subject: (n) => 'a'.repeat(n) + '!', jsLength: 32 },
  { pattern: '(a|aa)*b', subject: (n) => 'a'.repeat(n), jsLength: 42 },
  { pattern: '(x+x+)+y', subject: (n) => 'x'.repeat(n), jsLength: 32 },
];

/** Runs `new RegExp(pattern, 'u').test(subject)` in a worker; resolves to ms taken, or null if stopped at `limitMs`. */
function jsRegExpTime(pattern, subject, limitMs) {
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    const started = performance.now();
    new RegExp(workerData.pattern, 'u').test(workerData.subject);
    parentPort.postMessage(performance.now() - started);`, { eval: true, workerData: { pattern, subject } });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { worker.terminate(); resolve(null); }, limitMs);
    worker.once('message', (ms) => { clearTimeout(timer); worker.terminate(); resolve(ms); });
    worker.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

for (const { pattern, subject, jsLength } of CASES) {
  test(`pattern ${pattern}: 100,000 characters in linear time; JS RegExp on ${jsLength} still running after 2 s`, async () => {
    const schema = sieve.compile({ type: 'string', pattern });
    const long = subject(100_000);
    const started = performance.now();
    assert.equal(schema.isValid(long), false);
    const result = schema.validate(long);
    const jsonsieveMs = performance.now() - started;
    assert.equal(result.valid, false);
    assert.equal(result.errors[0].keyword, 'pattern');
    assert.ok(jsonsieveMs < 5_000, `jsonsieve took ${jsonsieveMs.toFixed(0)} ms on 100,000 characters`);

    // Same verdict as JS on a short subject (JS is fine there), so the regex means the same thing.
    const short = subject(12);
    assert.equal(schema.isValid(short), new RegExp(pattern, 'u').test(short));

    const jsMs = await jsRegExpTime(pattern, subject(jsLength), 2_000);
    assert.equal(jsMs, null, `JS RegExp finished in ${jsMs?.toFixed(0)} ms: not the exponential case this test shows`);
    console.log(`# ${pattern}: jsonsieve ${jsonsieveMs.toFixed(1)} ms on 100,000 chars (isValid + validate); JS RegExp still running after 2,000 ms on ${jsLength} chars`);
    schema.dispose();
  });
}
