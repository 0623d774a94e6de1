// Throughput of the package's validation calls on the shared benchmark workload:
//   node bindings/bench.mjs [--schema payment-event|large-config] [--count N] [--rounds R]
// Data: ../shared/bench/gen.mjs (seeded, 10% invalid). Prints records/s per call and checks that
// every call agrees on the number of invalid records. Run after the wasm build (uses dist/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { load } from 'jsonsieve';

const { values } = parseArgs({
  options: {
    schema: { type: 'string', default: 'payment-event' },
    count: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
  },
});
const shared = fileURLToPath(new URL('../../shared/bench/', import.meta.url));
const count = Number(values.count);
const rounds = Number(values.rounds);

const ndjson = execFileSync(process.execPath, [
  `${shared}gen.mjs`, '--schema', values.schema, '--count', String(count),
  '--invalid-ratio', '0.1', '--seed', '1', '--quiet',
], { maxBuffer: 1 << 30, encoding: 'utf8' });
const lines = ndjson.split('\n').filter((l) => l.length > 0);
const values_ = lines.map((l) => JSON.parse(l));
const bytes = new TextEncoder().encode(ndjson);

const sieve = await load();
const schema = sieve.compile(readFileSync(`${shared}schemas/${values.schema}.schema.json`, 'utf8'), { formats: 'assert' });

function measure(name, body) {
  let best = Infinity;
  let invalid = body();  // warm-up: memory growth, first-call compilation of wasm functions
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    invalid = body();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.min(best, seconds);
  }
  const perSecond = Math.round(lines.length / best);
  console.log(`${name.padEnd(34)} ${String(perSecond).padStart(9)} records/s  ` +
              `${(bytes.length / best / 1e6).toFixed(0).padStart(4)} MB/s  invalid=${invalid}`);
  return invalid;
}

console.log(`${values.schema}: ${lines.length} records, ${(bytes.length / 1e6).toFixed(1)} MB, best of ${rounds} after a warm-up`);
const results = [
  measure('validateJSON(string) per record', () => {
    let n = 0;
    for (const line of lines) if (!schema.validateJSON(line).valid) n++;
    return n;
  }),
  measure('validateNDJSON(string) one batch', () => schema.validateNDJSON(ndjson).invalid),
  measure('validateNDJSON(bytes) one batch', () => schema.validateNDJSON(bytes).invalid),
  measure('validate(value) per record', () => {
    let n = 0;
    for (const v of values_) if (!schema.validate(v).valid) n++;
    return n;
  }),
  measure('isValid(value) per record', () => {
    let n = 0;
    for (const v of values_) if (!schema.isValid(v)) n++;
    return n;
  }),
  measure('JSON.stringify alone (reference)', () => {
    let n = 0;
    for (const v of values_) n += JSON.stringify(v).length > 0 ? 0 : 1;
    return 'n/a';
  }),
];
const verdicts = new Set(results.filter((r) => r !== 'n/a'));
if (verdicts.size !== 1) {
  console.error(`calls disagree on the number of invalid records: ${[...verdicts].join(', ')}`);
  process.exit(1);
}
schema.dispose();
