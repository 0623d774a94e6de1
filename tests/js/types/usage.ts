// A typed usage example of the jsonsieve package: `tsc --noEmit -p tests/js/types` must accept
// it (tests/js/types.test.mjs), and reject the misuses marked @ts-expect-error.
import { load, SchemaError, JsonSyntaxError, EngineAbortError } from 'jsonsieve';
import type {
  CompileOptions, NdjsonResult, NdjsonVerdict, OutputUnit, Schema, Sieve, ValidationError, ValidationResult,
} from 'jsonsieve';

export async function example(bytes: Uint8Array, stream: ReadableStream<Uint8Array>): Promise<number> {
  const sieve: Sieve = await load();
  await load({ wasm: new URL('https://cdn.example.com/jsonsieve.wasm') });
  await load({ wasm: new ArrayBuffer(8) });

  const options: CompileOptions = {
    dialect: 'draft-07',
    formats: 'assert',
    registry: { 'https://example.com/item.json': { type: 'string' }, 'https://example.com/n.json': '{"type":"number"}' },
    output: 'detailed',
    maxErrors: 10,
    baseUri: 'https://example.com/order.json',
  };
  interface Typed { type: 'object'; properties: Record<string, { type: string }> }
  const typed: Typed = { type: 'object', properties: { id: { type: 'integer' } } };
  sieve.compile(typed).dispose();
  sieve.compile(new TextEncoder().encode('{}').buffer).dispose();
  let schema: Schema;
  try {
    schema = sieve.compile({ type: 'object', required: ['id'] }, options);
  } catch (error) {
    if (error instanceof SchemaError) console.error(error.schemaLocation, error.schemaUri, error.line);
    throw error;
  }

  const result: ValidationResult = schema.validate({ id: 1 });
  const first: ValidationError | undefined = result.errors[0];
  const where: string = first ? `${first.instanceLocation} ${first.keywordLocation} ${first.keyword}` : '';
  const unit: OutputUnit | undefined = schema.validate([], { output: 'verbose' }).output;
  const fast: boolean = schema.isValid(null);

  try {
    const located = schema.validateJSON(bytes);
    console.log(located.errors.map((e) => e.line ?? 0), where, unit?.valid, fast);
  } catch (error) {
    if (error instanceof JsonSyntaxError) console.error(error.line, error.column, error.offset);
    else if (error instanceof EngineAbortError) console.error(error.message);
  }

  const report: NdjsonResult = schema.validateNDJSON('{"id":1}\n{}\n', { maxFailures: 5 });
  for (const failure of report.errors) {
    if (failure.malformed) console.error(failure.line, failure.error?.column);
    else console.error(failure.line, failure.errors.length);
  }

  let invalid = 0;
  const verdicts = stream.pipeThrough(schema.ndjsonStream());
  const reader = verdicts.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    const verdict: NdjsonVerdict = r.value;
    if (!verdict.valid) invalid += verdict.errors.length + (verdict.malformed ? 1 : 0);
  }

  {
    using scoped = sieve.compile(true);
    scoped.isValid(1);
  }
  schema.dispose();
  const usage: { wasmMemory: number; heapUsed: number } = sieve.memoryUsage();

  // @ts-expect-error unknown dialect
  sieve.compile(true, { dialect: 'draft-05' });
  // @ts-expect-error unknown output format
  schema.validate(1, { output: 'xml' });
  // @ts-expect-error validateJSON takes text or bytes
  schema.validateJSON(42);
  // @ts-expect-error a number is no schema
  sieve.compile(42);
  // @ts-expect-error a Sieve comes from load()
  new (sieve.constructor as typeof import('jsonsieve').Sieve)();

  return invalid + report.total + usage.heapUsed;
}

// jsonsieve/pool: NDJSON over all cores.
import { createPool } from 'jsonsieve/pool';
import type { Pool } from 'jsonsieve/pool';

export async function poolExample(file: Blob, text: string): Promise<number> {
  const pool: Pool = await createPool({ type: 'object' }, { formats: 'assert', workers: 2 });
  const fromFile: NdjsonResult = await pool.validateNDJSON(file, { chunkSize: 1 << 20, maxFailures: 10 });
  const fromText = await pool.validateNDJSON(text);
  // @ts-expect-error workers is a number
  await createPool({}, { workers: 'all' });
  // @ts-expect-error chunkSize is a number
  await pool.validateNDJSON(text, { chunkSize: '1MB' });
  pool.close();
  return fromFile.invalid + fromText.total + pool.size;
}
