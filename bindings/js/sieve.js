// Sieve: what load() resolves to. Compiles schemas; everything else hangs off the Schema.
import { Engine, DIALECTS, FORMAT_MODES, NO_OUTPUT, OUTPUT_FORMATS } from './engine.js';
import { SchemaError } from './errors.js';
import { Schema } from './schema.js';

const constructing = Symbol('jsonsieve.Sieve');

export class Sieve {
  #engine;

  /** @internal Use `await load()`. */
  constructor(token, engine) {
    if (token !== constructing || !(engine instanceof Engine)) {
      throw new TypeError('jsonsieve: a Sieve comes from `await load()`; it cannot be constructed directly');
    }
    this.#engine = engine;
  }

  /** @internal */
  static create(engine) {
    return new Sieve(constructing, engine);
  }

  /**
   * Compiles a schema (a JS value, JSON text, or UTF-8 bytes of JSON text).
   * @throws {SchemaError} the schema (or a registry entry it uses) is not a valid schema
   */
  compile(schema, options = {}) {
    const engine = this.#engine;
    engine.assertReady();
    const source = schemaSource(schema, 'schema');
    const dialect = choice(options.dialect, DIALECTS, 'dialect', 0);
    const formats = choice(options.formats, FORMAT_MODES, 'formats', 0);
    const output = options.output === undefined ? NO_OUTPUT : choice(options.output, OUTPUT_FORMATS, 'output');
    const maxErrors = options.maxErrors ?? 0;
    const baseUri = options.baseUri === undefined ? '' : String(options.baseUri);
    if (!Number.isInteger(maxErrors) || maxErrors < 0 || maxErrors > 0xffffffff) {
      throw new TypeError('jsonsieve: maxErrors must be a non-negative integer (0 = no limit)');
    }
    const registry = Object.entries(options.registry ?? {}).map(
      ([uri, value]) => [uri, schemaSource(value, `registry entry ${JSON.stringify(uri)}`)]);

    // Runs in the engine now, and again if the engine ever restarts.
    const compileNow = () => engine.call((m) => {
      m.registryClear();
      for (const [uri, text] of registry) {
        const [[uriPointer, uriLength], [textPointer, textLength]] = engine.writeStrings([uri, text]);
        m.registryAdd(uriPointer, uriLength, textPointer, textLength);
      }
      const [[pointer, length], [basePointer, baseLength]] = engine.writeStrings([source, baseUri]);
      const handle = m.compile(pointer, length, dialect, formats, maxErrors, basePointer, baseLength);
      m.registryClear();
      engine.trim();
      if (handle === 0) {
        const e = engine.details();
        throw new SchemaError(e.message, e);
      }
      return handle;
    });
    return new Schema(engine, compileNow, output);
  }

  /**
   * Memory of the wasm instance: `wasmMemory` = bytes of linear memory (it only grows),
   * `heapUsed` = bytes currently allocated by malloc. For diagnostics and leak tests.
   */
  memoryUsage() {
    return this.#engine.memoryUsage();
  }

  /** Settles when the engine can take calls (after an asynchronous restart, if one is pending). */
  get ready() {
    return (this.#engine.restarting ?? Promise.resolve()).then(() => this);
  }
}

function schemaSource(value, what) {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  if (value === null || typeof value === 'boolean' || typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch (error) {
      throw new TypeError(`jsonsieve: the ${what} has no JSON text (${error.message})`, { cause: error });
    }
  }
  throw new TypeError(`jsonsieve: the ${what} must be an object, a boolean, JSON text or UTF-8 bytes`);
}

function choice(value, names, option, fallback) {
  if (value === undefined && fallback !== undefined) return fallback;
  const index = names.indexOf(value);
  if (index < 0) {
    throw new TypeError(`jsonsieve: unknown ${option} ${JSON.stringify(value)} (one of: ${names.join(', ')})`);
  }
  return index;
}
