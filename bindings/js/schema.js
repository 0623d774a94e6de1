// Schema: a compiled schema, the only handle a user holds. It owns an engine-side object that
// dispose() (or the garbage collector) frees, and the source it was compiled from, so it can
// recompile itself transparently if the engine had to restart after an abort.
import { JsonSyntaxError } from './errors.js';
import { NO_OUTPUT, OUTPUT_FORMATS, VERDICT } from './engine.js';
import { createNdjsonStream } from './ndjson-stream.js';

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

// Frees the engine-side object of schemas that were never disposed. The held value is the cell,
// never the Schema itself (that would keep it alive).
const finalizer = new FinalizationRegistry((cell) => cell.release());

/** The engine-side object of one Schema: handle and the engine generation it belongs to. */
class Cell {
  constructor(engine) {
    this.engine = engine;
    this.handle = 0;
    this.generation = -1;
  }
  release() {
    // Objects of an older generation died with their instance.
    if (this.handle !== 0 && this.generation === this.engine.generation && !this.engine.restarting) {
      const handle = this.handle;
      this.engine.call((m) => m.destroy(handle));
    }
    this.handle = 0;
  }
}

export class Schema {
  #engine;
  #compileNow;   // (engine) => handle; throws SchemaError
  #cell;
  #output;       // default output format index, or NO_OUTPUT
  #disposed = false;

  /** @internal Use `sieve.compile()`. */
  constructor(engine, compileNow, output) {
    this.#engine = engine;
    this.#compileNow = compileNow;
    this.#output = output;
    this.#cell = new Cell(engine);
    this.#cell.handle = compileNow();
    this.#cell.generation = engine.generation;
    finalizer.register(this, this.#cell, this);
  }

  /** The engine handle, recompiling after an engine restart. */
  #handle() {
    if (this.#disposed) throw new Error('jsonsieve: this schema was disposed');
    this.#engine.assertReady();
    const cell = this.#cell;
    if (cell.generation !== this.#engine.generation) {
      cell.handle = 0;
      cell.handle = this.#compileNow();
      cell.generation = this.#engine.generation;
    }
    return cell.handle;
  }

  #outputOf(options) {
    if (options?.output === undefined) return this.#output;
    const index = OUTPUT_FORMATS.indexOf(options.output);
    if (index < 0) throw new TypeError(`jsonsieve: unknown output format ${JSON.stringify(options.output)} (${OUTPUT_FORMATS.join(', ')})`);
    return index;
  }

  /**
   * Validates any JS value, as the JSON text `JSON.stringify(value)` gives (see README: Dates
   * become strings, NaN/Infinity become null, undefined members are dropped...). Throws a
   * TypeError for what has no JSON text at all (undefined, functions, symbols, BigInt, cycles).
   */
  validate(value, options) {
    return this.#validate(toJSONText(value), this.#outputOf(options), false);
  }

  /** Fastest path: true or false only. Same conversion rules as validate(). */
  isValid(value) {
    const text = toJSONText(value);
    const handle = this.#handle();
    const engine = this.#engine;
    return engine.call((m) => {
      const length = engine.write(text);
      const verdict = m.isValid(handle, engine.bufferPointer, length);
      engine.trim();
      if (verdict === VERDICT.MALFORMED) throw unencodable(engine.details());
      return verdict === VERDICT.VALID;
    });
  }

  /**
   * Validates JSON text (string or UTF-8 bytes) parsed by the engine. Errors also carry the
   * line and column (1-based, bytes) where the offending value starts. Malformed text throws
   * JsonSyntaxError.
   */
  validateJSON(input, options) {
    return this.#validate(input, this.#outputOf(options), true);
  }

  #validate(input, output, locate) {
    const handle = this.#handle();
    const engine = this.#engine;
    return engine.call((m) => {
      const length = engine.write(input);
      const verdict = m.validate(handle, engine.bufferPointer, length, output, locate);
      engine.trim();
      if (verdict === VERDICT.VALID && output === NO_OUTPUT) return { valid: true, errors: [] };
      const details = engine.details();
      if (verdict === VERDICT.MALFORMED) throw locate ? new JsonSyntaxError(details) : unencodable(details);
      const result = { valid: verdict === VERDICT.VALID, errors: details.errors };
      if (details.truncated) result.truncated = true;
      if (output !== NO_OUTPUT) result.output = details.output;
      return result;
    });
  }

  /**
   * Validates newline-delimited JSON in one engine call. Malformed and invalid records are
   * reported per line; the other records are still checked.
   */
  validateNDJSON(input, options) {
    return this.ndjsonRange(input, options, 1, 0);
  }

  /**
   * @internal validateNDJSON of a piece of a bigger input that starts at line `firstLine` and
   * byte `baseOffset` of the whole (jsonsieve/pool): reported lines and offsets are the whole's.
   */
  ndjsonRange(input, options, firstLine, baseOffset) {
    const output = this.#outputOf(options);
    const maxFailures = options?.maxFailures ?? 0;
    const handle = this.#handle();
    const engine = this.#engine;
    const report = engine.call((m) => {
      const length = engine.write(input);
      m.validateNdjson(handle, engine.bufferPointer, length, firstLine, baseOffset === 0, output, maxFailures, false);
      engine.trim();
      return engine.details();
    });
    const result = {
      total: report.total,
      valid: report.valid,
      invalid: report.invalid,
      malformed: report.malformed,
      errors: report.failures.map((f) => lineFailure(f, baseOffset)),
    };
    if (report.truncated) result.truncated = true;
    return result;
  }

  /**
   * @internal One NDJSON batch for the stream: `parts` are byte arrays written back to back,
   * `firstLine`/`baseOffset` where the batch starts in the whole input. Returns the report and
   * a copy of the per-line verdicts.
   */
  ndjsonBatch(parts, firstLine, baseOffset, output) {
    const handle = this.#handle();
    const engine = this.#engine;
    return engine.call((m) => {
      const length = engine.writeParts(parts);
      m.validateNdjson(handle, engine.bufferPointer, length, firstLine, baseOffset === 0, output, 0, true);
      engine.trim();
      const report = engine.details();
      const verdicts = engine.verdicts(report.lines).slice();
      return { report, verdicts, failures: report.failures.map((f) => lineFailure(f, baseOffset)) };
    });
  }

  /**
   * A TransformStream from UTF-8 bytes (e.g. `response.body`, `file.stream()`) to one verdict
   * per NDJSON record. Records split across chunks are joined; memory stays constant (one
   * chunk plus the longest line).
   */
  ndjsonStream(options) {
    const output = this.#outputOf(options);
    this.#handle();
    return createNdjsonStream(this, output);
  }

  /** Frees the engine-side schema now. Idempotent; later use throws. */
  dispose() {
    if (this.#disposed) return;
    this.#disposed = true;
    finalizer.unregister(this);
    this.#cell.release();
  }

  [disposeSymbol]() {
    this.dispose();
  }

  /** True once dispose() was called. */
  get disposed() {
    return this.#disposed;
  }
}

/** The JSON text of a JS value, with JSON.stringify's conversions; TypeError when there is none. */
export function toJSONText(value) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`jsonsieve: the value has no JSON text (${error.message})`, { cause: error });
  }
  if (text === undefined) {
    throw new TypeError(`jsonsieve: ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`} has no JSON text`);
  }
  return text;
}

// JSON.stringify's text of a value the engine still rejects: strings with lone surrogates
// (stringify escapes them as \udXXX, which is no Unicode text), numbers beyond its limits.
function unencodable(details) {
  return new TypeError(`jsonsieve: the value's JSON text is not valid JSON for the engine: ${details.message}`);
}

// Engine NDJSON failure → public shape (offsets moved by `base`).
export function lineFailure(f, base) {
  if (f.malformed) {
    return {
      line: f.line,
      offset: f.offset + base,
      malformed: true,
      errors: [],
      error: { message: f.message, line: f.line, column: f.column, offset: f.errorOffset + base },
    };
  }
  const failure = { line: f.line, offset: f.offset + base, malformed: false, errors: f.errors };
  if (f.truncated) failure.truncated = true;
  if (f.output !== undefined) failure.output = f.output;
  return failure;
}

