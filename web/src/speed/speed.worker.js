// The in-browser benchmark, run in a worker so the page stays responsive. Generates payment events
// with the shared generator, then times, in interleaved rounds after a warm-up:
//   jsonsieve: validateNDJSON(all bytes), validateJSON(each line), validate(each parsed object)
//   Ajv 8 + ajv-formats (standalone code precompiled at build time): JSON.parse + validate per line,
//   and validate(each parsed object).
// Every method's invalid count must equal the generator's: a fast wrong answer is not a result.
import { load } from 'jsonsieve';
import { generate } from '@bench/gen.mjs';
import ajvValidate from 'virtual:ajv-payment-event';
import paymentSchema from '@bench/schemas/payment-event.schema.json?raw';

const METHODS = [
  // id, label, engine, baseline it is compared with
  { id: 'sieve-ndjson', label: 'jsonsieve validateNDJSON', engine: 'jsonsieve', vs: 'ajv-text' },
  { id: 'sieve-json', label: 'jsonsieve validateJSON per record', engine: 'jsonsieve', vs: 'ajv-text' },
  { id: 'sieve-object', label: 'jsonsieve validate(object)', engine: 'jsonsieve', vs: 'ajv-object' },
  { id: 'ajv-text', label: 'Ajv JSON.parse + validate', engine: 'ajv' },
  { id: 'ajv-object', label: 'Ajv validate(object)', engine: 'ajv' },
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

self.onmessage = async ({ data: { count, rounds, invalidRatio = 0.1, seed = 1 } }) => {
  try {
    const post = (fraction, label) => self.postMessage({ type: 'progress', fraction, label });
    post(0, 'loading jsonsieve');
    const sieve = await load();
    const schema = sieve.compile(paymentSchema, { formats: 'assert' });

    post(0.02, `generating ${count} payment events`);
    const lines = [];
    let expectedInvalid = 0;
    for (const r of generate({ schema: 'payment-event', count, invalidRatio, seed })) {
      lines.push(r.line);
      if (r.invalid) expectedInvalid++;
    }
    const ndjson = new TextEncoder().encode(lines.join('\n') + '\n');
    const objects = lines.map((l) => JSON.parse(l));

    const run = {
      'sieve-ndjson': () => schema.validateNDJSON(ndjson).invalid,
      'sieve-json': () => { let bad = 0; for (const l of lines) if (!schema.validateJSON(l).valid) bad++; return bad; },
      'sieve-object': () => { let bad = 0; for (const o of objects) if (!schema.validate(o).valid) bad++; return bad; },
      'ajv-text': () => { let bad = 0; for (const l of lines) if (!ajvValidate(JSON.parse(l))) bad++; return bad; },
      'ajv-object': () => { let bad = 0; for (const o of objects) if (!ajvValidate(o)) bad++; return bad; },
    };

    post(0.05, 'warming up');
    for (const m of METHODS) run[m.id]();

    const times = Object.fromEntries(METHODS.map((m) => [m.id, []]));
    const verdicts = {};
    const steps = rounds * METHODS.length;
    let step = 0;
    for (let r = 0; r < rounds; r++) {
      for (const m of METHODS) {
        post(0.1 + 0.9 * (step / steps), `round ${r + 1}/${rounds}: ${m.label}`);
        const t0 = performance.now();
        const invalid = run[m.id]();
        times[m.id].push(performance.now() - t0);
        verdicts[m.id] = invalid;
        step++;
        await new Promise((res) => setTimeout(res, 0)); // let progress messages out
      }
    }
    schema.dispose();

    const results = METHODS.map((m) => {
      const ms = median(times[m.id]);
      return { ...m, ms, roundsMs: times[m.id], recordsPerSec: count / (ms / 1000), mbPerSec: ndjson.byteLength / 1048576 / (ms / 1000), invalid: verdicts[m.id] };
    });
    for (const r of results) {
      if (r.vs) r.ratio = r.recordsPerSec / results.find((x) => x.id === r.vs).recordsPerSec;
    }
    self.postMessage({ type: 'done', count, rounds, bytes: ndjson.byteLength, expectedInvalid, results, userAgent: navigator.userAgent });
  } catch (e) {
    self.postMessage({ type: 'error', message: String(e?.stack ?? e) });
  }
};
