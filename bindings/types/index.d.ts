// Types of the jsonsieve npm package (hand-written; checked by tests/js/types.test.mjs with
// `tsc --noEmit` over tests/js/types/usage.ts).

/** Where the WebAssembly module comes from; see {@link load}. */
export type WasmSource = URL | string | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

export interface LoadOptions {
  /**
   * Defaults: Node reads `jsonsieve.wasm` from the package; browsers and workers fetch
   * `new URL('./jsonsieve.wasm', import.meta.url)` (bundlers emit it as an asset). A string is a
   * URL relative to the package's dist/ directory.
   */
  wasm?: WasmSource;
}

/**
 * Instantiates the engine once. Later calls return the same promise (the first call decides
 * where the module comes from). Rejects with an Error saying why when the module cannot be
 * fetched, read, compiled or instantiated; a failed load may be retried.
 */
export function load(options?: LoadOptions): Promise<Sieve>;

export type Dialect = '2020-12' | '2019-09' | 'draft-07' | 'draft-06' | 'draft-04';
export type FormatMode = 'annotate' | 'assert';
export type OutputFormat = 'flag' | 'basic' | 'detailed' | 'verbose';

/**
 * A schema: an object or boolean (turned into JSON text with JSON.stringify), JSON text, or the
 * UTF-8 bytes of JSON text (Uint8Array, another ArrayBufferView, ArrayBuffer).
 */
export type SchemaSource = object | boolean | string;

export interface CompileOptions {
  /** Dialect of schemas without `$schema` (default '2020-12'). */
  dialect?: Dialect;
  /** `format` as an annotation only ('annotate', the 2020-12 default) or as an assertion. */
  formats?: FormatMode;
  /**
   * Known schemas by absolute URI: the only source of remote `$ref`s and custom meta-schemas
   * (nothing is ever fetched). Values as for the schema itself.
   */
  registry?: Record<string, SchemaSource>;
  /**
   * Also return the spec's output unit (JSON Schema 2020-12 Core §12.4) as `result.output` in
   * this format. Without it results carry `valid` and `errors` only (the basic format's errors).
   * 'flag' asks for the verdict only: evaluation stops at the first failure and `errors` is empty.
   */
  output?: OutputFormat;
  /** Stop collecting after this many errors per instance (0 = all, the default). */
  maxErrors?: number;
  /**
   * Retrieval URI of the schema: the base for its relative `$ref`s and `$id`s (default: none),
   * e.g. `file:///schemas/order.json` so that `"$ref": "item.json"` finds a registry entry
   * `file:///schemas/item.json`.
   */
  baseUri?: string;
}

export interface CallOptions {
  /** Overrides the schema's `output` option for this call. */
  output?: OutputFormat;
}

/** One failing keyword (the basic output format's error units). */
export interface ValidationError {
  /** JSON Pointer to the failing value in the instance. */
  instanceLocation: string;
  /** JSON Pointer to the keyword, following `$ref`s as they were taken. */
  keywordLocation: string;
  /** Absolute URI of the keyword in its schema resource. */
  absoluteKeywordLocation: string;
  /** The keyword, e.g. 'minimum' ('' for a failure of the validation itself, e.g. depth). */
  keyword: string;
  /** What is wrong, in words. */
  message: string;
  /** validateJSON/validateNDJSON: 1-based line where the failing value starts. */
  line?: number;
  /** validateJSON/validateNDJSON: 1-based column (UTF-8 bytes) where the failing value starts. */
  column?: number;
}

/** The spec's output unit (flag, basic, detailed or verbose), as produced by the engine. */
export interface OutputUnit {
  valid: boolean;
  keywordLocation?: string;
  absoluteKeywordLocation?: string;
  instanceLocation?: string;
  error?: string;
  annotation?: unknown;
  errors?: OutputUnit[];
  annotations?: OutputUnit[];
}

export interface ValidationResult {
  valid: boolean;
  /** Empty when valid. */
  errors: ValidationError[];
  /** Present (true) when `maxErrors` cut the list short. */
  truncated?: true;
  /** Present when an output format was asked for. */
  output?: OutputUnit;
}

/** A JSON syntax error as plain data (inside NDJSON reports). */
export interface SyntaxErrorInfo {
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-8 bytes. */
  column: number;
  /** 0-based byte offset in the input. */
  offset: number;
}

/** One NDJSON record that did not pass. */
export interface NdjsonFailure {
  /** 1-based line number (empty lines are counted). */
  line: number;
  /** Byte offset where the line starts. */
  offset: number;
  /** True when the line is not JSON; then `error` says why and `errors` is empty. */
  malformed: boolean;
  errors: ValidationError[];
  error?: SyntaxErrorInfo;
  truncated?: true;
  output?: OutputUnit;
}

export interface NdjsonOptions extends CallOptions {
  /** Keep details of at most this many failing records (0 = all); all are still counted. */
  maxFailures?: number;
}

export interface NdjsonResult {
  /** Records (non-empty lines) = valid + invalid + malformed. */
  total: number;
  valid: number;
  invalid: number;
  malformed: number;
  /** One entry per failing record, in line order. */
  errors: NdjsonFailure[];
  /** Present (true) when `maxFailures` dropped details. */
  truncated?: true;
}

/** What ndjsonStream() emits for every record. `offset` is given for failing records. */
export type NdjsonVerdict =
  | { line: number; valid: true; malformed: false; errors: [] }
  | ({ valid: false } & NdjsonFailure);

/** What load() resolves to. */
export class Sieve {
  private constructor();
  /**
   * Compiles a schema.
   * @throws {SchemaError} the schema (or a registry entry it uses) is invalid
   * @throws {TypeError} an option has an unknown value
   */
  compile(schema: SchemaSource, options?: CompileOptions): Schema;
  /**
   * `wasmMemory`: bytes of linear memory (never shrinks); `heapUsed`: bytes allocated by malloc
   * right now. Diagnostics and leak tests.
   */
  memoryUsage(): { wasmMemory: number; heapUsed: number };
  /** Settles when the engine takes calls again after an asynchronous restart (normally at once). */
  readonly ready: Promise<Sieve>;
}

/** A compiled schema (from sieve.compile). */
export class Schema {
  private constructor();
  /**
   * Validates a JS value: the JSON text `JSON.stringify(value)` produces is validated, so
   * `toJSON()` is honoured (Dates become ISO strings), NaN and ±Infinity become null, and
   * undefined, functions and symbols are dropped from objects (null in arrays).
   * @throws {TypeError} the value has no JSON text: undefined, a function or symbol at the top,
   *   a BigInt anywhere, or a cycle; or the engine refuses its text (strings with lone
   *   surrogates, nesting deeper than the engine's limit of 1000)
   */
  validate(value: unknown, options?: CallOptions): ValidationResult;
  /** As validate(), answering only true or false: the fastest call. */
  isValid(value: unknown): boolean;
  /**
   * Validates JSON text (a string, or UTF-8 bytes) parsed by the engine; errors carry line and
   * column. A leading BOM is skipped.
   * @throws {JsonSyntaxError} the text is not JSON
   */
  validateJSON(input: string | Uint8Array | ArrayBufferView | ArrayBuffer, options?: CallOptions): ValidationResult;
  /**
   * Validates newline-delimited JSON in one call: "\n" or "\r\n" line ends, blank lines skipped,
   * a BOM at the start skipped. Malformed and invalid records are reported; the rest still checked.
   */
  validateNDJSON(input: string | Uint8Array | ArrayBufferView | ArrayBuffer, options?: NdjsonOptions): NdjsonResult;
  /**
   * A stream from UTF-8 bytes (fetch() bodies, File.stream(), Node's Readable.toWeb) to one
   * verdict per record; records split across chunks are handled, memory stays constant.
   */
  ndjsonStream(options?: CallOptions): TransformStream<Uint8Array, NdjsonVerdict>;
  /** Frees the compiled schema now (idempotent). Later calls throw. */
  dispose(): void;
  /** `using schema = sieve.compile(...)` disposes at the end of the scope. */
  [Symbol.dispose](): void;
  readonly disposed: boolean;
}

/** A schema that does not compile. */
export class SchemaError extends Error {
  name: 'SchemaError';
  /** JSON Pointer into the schema document ('' = the root). */
  schemaLocation: string;
  /** URI of the schema resource where it happened ('' if none). */
  schemaUri: string;
  /** When the schema text is not JSON: 1-based line of the syntax error. */
  line?: number;
  column?: number;
  offset?: number;
}

/** JSON text that does not parse (validateJSON). */
export class JsonSyntaxError extends SyntaxError {
  name: 'JsonSyntaxError';
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-8 bytes. */
  column: number;
  /** 0-based byte offset. */
  offset: number;
}

/**
 * The WebAssembly instance trapped during the call (typically out of memory). The module was
 * already replaced by a fresh instance; existing schemas keep working.
 */
export class EngineAbortError extends Error {
  name: 'EngineAbortError';
}
