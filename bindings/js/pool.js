// jsonsieve/pool: validates big NDJSON inputs on every core. A pool of workers (Web Workers in
// browsers, worker_threads in Node), each with its own instance of the one compiled
// WebAssembly.Module and its own copy of the compiled schema, takes the input in chunks cut at
// line ends; the per-chunk reports are merged into exactly what Schema.validateNDJSON returns
// for the whole input (line numbers and byte offsets are those of the whole input).
//
//   import { createPool } from 'jsonsieve/pool';
//   const pool = await createPool(schema, { formats: 'assert', workers: 4 });
//   const report = await pool.validateNDJSON(file);   // string, bytes or a Blob/File
//   pool.close();
//
// Kept out of the main entry point: apps that never use it do not load it (nor its worker).
import { compileModule } from './load.js';
import { SchemaError, JsonSyntaxError, EngineAbortError } from './errors.js';
import { asBytes } from './engine.js';

const encoder = new TextEncoder();
const NEWLINE = 10;
/** Default chunk: big enough that per-chunk overhead vanishes, small enough to balance the load. */
const DEFAULT_CHUNK = 4 * 1024 * 1024;
const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

// Variables, so bundlers for the browser do not try to resolve Node's modules.
const nodeWorkerThreads = 'node:worker_threads';
const nodeOs = 'node:os';
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

/**
 * Starts `workers` workers (default: one per core), each compiling `schema` with `options`
 * (the options of sieve.compile(); plus `wasm`, as for load()). Rejects with SchemaError when
 * the schema does not compile.
 */
export async function createPool(schema, options = {}) {
  const { workers: requested, wasm, ...compileOptions } = options;
  const size = requested ?? (await defaultWorkers());
  if (!Number.isInteger(size) || size < 1 || size > 256) {
    throw new TypeError('jsonsieve: workers must be an integer from 1 to 256');
  }
  const source = typeof schema === 'string' ? schema : JSON.stringify(schema);
  if (typeof source !== 'string') throw new TypeError('jsonsieve: the schema has no JSON text');
  const module = await compileModule(wasm);
  const started = [];
  for (let i = 0; i < size; i++) started.push(PoolWorker.start(module, source, compileOptions));
  const settled = await Promise.allSettled(started);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) {
    for (const s of settled) if (s.status === 'fulfilled') s.value.terminate();
    throw failed.reason;
  }
  return new Pool(settled.map((s) => s.value));
}

export class Pool {
  #workers;
  #closed = false;

  /** @internal Use createPool(). */
  constructor(workers) {
    this.#workers = workers;
  }

  /** Number of workers. */
  get size() {
    return this.#workers.length;
  }

  /**
   * Validates NDJSON (string, UTF-8 bytes, or a Blob/File read piece by piece) on all workers.
   * Options: those of validateNDJSON (`output`, `maxFailures`) and `chunkSize` (bytes, default
   * 4 MiB; a chunk is extended to the end of its last line). Same result as validateNDJSON.
   */
  async validateNDJSON(input, options = {}) {
    if (this.#closed) throw new Error('jsonsieve: this pool was closed');
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new TypeError('jsonsieve: chunkSize must be a positive integer');
    const maxFailures = options.maxFailures ?? 0;
    const call = { output: options.output, maxFailures };
    const chunks = typeof Blob !== 'undefined' && input instanceof Blob
      ? blobChunks(input, chunkSize)
      : byteChunks(typeof input === 'string' ? encoder.encode(input) : asBytes(input), chunkSize);

    // Chunks are handed out in order to whichever worker is free; reports are kept by index.
    const reports = [];
    const idle = [...this.#workers];
    const waiting = [];
    const running = new Set();
    let failure = null;  // the first chunk's error: the call rejects with it
    let index = 0;
    try {
      for await (const chunk of chunks) {
        while (idle.length === 0) await new Promise((resolve) => waiting.push(resolve));
        if (this.#closed) throw new Error('jsonsieve: the pool was closed during validateNDJSON');
        if (failure) break;
        const worker = idle.pop();
        const i = index++;
        const job = worker.validate(chunk, call)
          .then((report) => { reports[i] = report; }, (error) => { failure ??= error; })
          .finally(() => {
            running.delete(job);
            idle.push(worker);
            waiting.shift()?.();
          });
        running.add(job);
      }
    } finally {
      // Even when reading the input failed: no call of this one may still be in flight after it.
      await Promise.allSettled(running);
    }
    if (failure) throw failure;
    return merge(reports, maxFailures);
  }

  /** Terminates the workers. Idempotent; later calls throw. */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const w of this.#workers) w.terminate();
  }

  [disposeSymbol]() {
    this.close();
  }
}

/** Chunks of `bytes` cut after a newline: { bytes (a copy: its buffer is transferred), firstLine, offset }. */
function* byteChunks(bytes, chunkSize) {
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    let end = Math.min(start + chunkSize, bytes.length);
    if (end < bytes.length) {
      const nl = bytes.indexOf(NEWLINE, end - 1);
      end = nl < 0 ? bytes.length : nl + 1;
    }
    yield { bytes: bytes.slice(start, end), firstLine: line, offset: start };
    line += countNewlines(bytes, start, end);
    start = end;
  }
}

/** Chunks of a Blob, read one piece at a time (memory: about one chunk per worker). */
async function* blobChunks(blob, chunkSize) {
  let offset = 0;      // of `carry` in the blob
  let line = 1;
  let carry = new Uint8Array(0);   // bytes after the last newline of the previous piece
  for (let at = 0; at < blob.size; at += chunkSize) {
    const piece = new Uint8Array(await blob.slice(at, Math.min(at + chunkSize, blob.size)).arrayBuffer());
    const last = piece.lastIndexOf(NEWLINE);
    const atEnd = at + chunkSize >= blob.size;
    if (last < 0 && !atEnd) {  // no line end in this piece: keep collecting
      carry = concat(carry, piece);
      continue;
    }
    const cut = atEnd ? piece.length : last + 1;
    const bytes = concat(carry, piece.subarray(0, cut));
    const chunk = { bytes, firstLine: line, offset };
    line += countNewlines(bytes, 0, bytes.length);   // before the yield: the bytes are then transferred
    offset += bytes.length;
    carry = piece.slice(cut);
    yield chunk;
  }
}

function concat(a, b) {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function countNewlines(bytes, from, to) {
  let n = 0;
  for (let i = bytes.indexOf(NEWLINE, from); i >= 0 && i < to; i = bytes.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/** The chunks' reports (in input order) → one validateNDJSON result. */
function merge(reports, maxFailures) {
  const result = { total: 0, valid: 0, invalid: 0, malformed: 0, errors: [] };
  let truncated = false;
  for (const r of reports) {
    result.total += r.total;
    result.valid += r.valid;
    result.invalid += r.invalid;
    result.malformed += r.malformed;
    for (const e of r.errors) result.errors.push(e);
    truncated ||= r.truncated === true;
  }
  if (maxFailures > 0 && result.errors.length > maxFailures) {
    result.errors.length = maxFailures;
    truncated = true;
  }
  if (truncated) result.truncated = true;
  return result;
}

async function defaultWorkers() {
  if (isNode) {
    const os = await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeOs);
    return os.availableParallelism?.() ?? os.cpus().length;
  }
  return globalThis.navigator?.hardwareConcurrency || 2;
}

/** One worker and its calls in flight (it answers them in order). */
class PoolWorker {
  #worker;
  #pending = [];      // { resolve, reject } of the calls in flight, oldest first (replies come in order)
  #dead = null;      // Error once the worker failed or was terminated

  static async start(module, source, options) {
    const worker = new PoolWorker(await spawn());
    await worker.#call({ type: 'init', module, source, options });
    return worker;
  }

  constructor(worker) {
    this.#worker = worker;
    const onMessage = (data) => {
      const pending = this.#pending.shift();
      if (isNode && this.#pending.length === 0) worker.unref();
      if (!pending) return;
      if (data.ok) pending.resolve(data.value);
      else pending.reject(reviveError(data.error));
    };
    const onError = (error) => this.#fail(new Error(`jsonsieve: a pool worker failed: ${error?.message ?? error}`, { cause: error }));
    if (isNode) {
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', (code) => this.#fail(new Error(`jsonsieve: a pool worker exited (code ${code})`)));
    } else {
      worker.onmessage = (event) => onMessage(event.data);
      worker.onerror = (event) => { event.preventDefault?.(); onError(event.error ?? event.message); };
      worker.onmessageerror = () => onError('a message could not be deserialized');
    }
  }

  validate(chunk, call) {
    return this.#call({ type: 'validate', ...call, firstLine: chunk.firstLine, offset: chunk.offset, bytes: chunk.bytes },
      [chunk.bytes.buffer]);
  }

  #call(message, transfer = []) {
    if (this.#dead) return Promise.reject(this.#dead);
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      if (isNode) this.#worker.ref();
      this.#worker.postMessage(message, transfer);
    });
  }

  #fail(error) {
    if (!this.#dead) this.#dead = error;
    for (const pending of this.#pending.splice(0)) pending.reject(this.#dead);
  }

  terminate() {
    this.#fail(new Error('jsonsieve: the pool was closed'));
    this.#worker.terminate();
  }
}

async function spawn() {
  if (isNode) {
    const { Worker } = await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeWorkerThreads);
    // Not the literal `new URL('./pool-worker.js', …)`: that form is the browser branch's, which
    // bundlers recognise and bundle as a worker.
    const worker = new Worker(new URL(`./pool-worker${'.js'}`, import.meta.url));
    worker.unref();  // an idle pool does not keep Node alive (ref'd while a call is in flight)
    return worker;
  }
  return new Worker(new URL('./pool-worker.js', import.meta.url), { type: 'module' });
}

// Errors cross the worker boundary as plain objects: rebuild the package's error classes.
function reviveError(e) {
  if (e.name === 'SchemaError') return new SchemaError(e.message, e);
  if (e.name === 'JsonSyntaxError') return new JsonSyntaxError(e);
  if (e.name === 'EngineAbortError') return new EngineAbortError(e.message);
  if (e.name === 'TypeError') return new TypeError(e.message);
  const error = new Error(e.message);
  if (e.name) error.name = e.name;
  return error;
}
