// Engine: the one owner of a wasm instance. Everything that touches the heap or calls an embind
// function goes through here, so the rules live in one place:
// - text enters as UTF-8 written by TextEncoder.encodeInto into one reused malloc'd buffer,
//   and crosses as (pointer, length);
// - heap views are re-created whenever memory has grown (the old ArrayBuffer is detached);
// - a call that traps (out of memory, any abort) never leaves a dead instance behind: the module
//   is instantiated again from the already compiled WebAssembly.Module, the generation counter
//   moves on (schemas recompile themselves lazily), and the call fails with EngineAbortError.
import { EngineAbortError } from './errors.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The input buffer starts here and is given back when a call needed more than LARGE_BUFFER.
const INITIAL_BUFFER = 64 * 1024;
const LARGE_BUFFER = 1024 * 1024;

/** Output formats, in the engine's `OutputFormat` order. */
export const OUTPUT_FORMATS = Object.freeze(['flag', 'basic', 'detailed', 'verbose']);
/** Dialects, in the engine's `Dialect` order. */
export const DIALECTS = Object.freeze(['2020-12', '2019-09', 'draft-07', 'draft-06', 'draft-04']);
/** `format` modes, in the engine's `FormatMode` order. */
export const FORMAT_MODES = Object.freeze(['annotate', 'assert']);
/** Per-line NDJSON verdicts (engine `LineVerdict`). */
export const LINE = Object.freeze({ EMPTY: 0, VALID: 1, INVALID: 2, MALFORMED: 3 });
/** Results of the validation calls. */
export const VERDICT = Object.freeze({ INVALID: 0, VALID: 1, MALFORMED: -1 });
/** `output` argument meaning "no spec output unit". */
export const NO_OUTPUT = -1;

export class Engine {
  /**
   * @param {(module: object) => Promise<object>} factory  the Emscripten MODULARIZE factory
   * @param {WebAssembly.Module} wasmModule  the compiled module, kept for re-instantiation
   */
  constructor(factory, wasmModule) {
    this.factory = factory;
    this.wasmModule = wasmModule;
    /** Bumped on every (re-)instantiation; compiled schemas of older generations are gone. */
    this.generation = 0;
    this.module = null;
    this.memory = null;
    this.heap = null;
    this.bufferPointer = 0;
    this.bufferCapacity = 0;
    this.lastAbort = '';
    this.inputTooLarge = 0;
    /** Settles when a pending asynchronous restart is done (null when ready). */
    this.restarting = null;
  }

  /** Instantiates the module (asynchronously: browsers forbid large synchronous instantiation). */
  async start() {
    await this.#instantiate(false);
  }

  // Creates a fresh instance. `sync`: instantiate within this call (used to restart after an
  // abort without making every caller await); throws if the host refuses synchronous instantiation.
  #instantiate(sync) {
    const module = {
      print: () => {},
      printErr: (text) => { this.lastAbort = String(text); },
      onAbort: (what) => { this.lastAbort = String(what ?? ''); },
      instantiateWasm: (imports, receive) => {
        if (sync) {
          const instance = new WebAssembly.Instance(this.wasmModule, imports);
          receive(instance, this.wasmModule);
          return instance.exports;
        }
        WebAssembly.instantiate(this.wasmModule, imports).then(
          (instance) => receive(instance, this.wasmModule),
          (error) => { module.instantiationError = error; });
        return {};
      },
    };
    const ready = this.factory(module);
    const adopt = () => {
      if (module.instantiationError) throw module.instantiationError;
      this.module = module;
      this.memory = findMemory(module.asm ?? {});
      this.heap = new Uint8Array(this.memory.buffer);
      this.bufferPointer = 0;
      this.bufferCapacity = 0;
      this.generation += 1;
      this.#reserve(INITIAL_BUFFER);
    };
    if (sync) {
      if (!module.calledRun) throw new Error('the module did not start synchronously');
      adopt();
      return undefined;
    }
    return ready.then(adopt);
  }

  /** Throws unless the engine can take calls right now. */
  assertReady() {
    if (this.restarting) {
      throw new Error('jsonsieve: the WebAssembly module is restarting after an abort; await sieve.ready and retry');
    }
  }

  /** The current heap bytes (re-created after memory growth). */
  bytes() {
    if (this.heap.buffer !== this.memory.buffer) this.heap = new Uint8Array(this.memory.buffer);
    return this.heap;
  }

  // Makes the input buffer at least `size` bytes; returns false if malloc cannot.
  #reserve(size) {
    if (size <= this.bufferCapacity) return true;
    const capacity = capacityFor(size, this.bufferCapacity);
    if (this.bufferPointer !== 0) {
      this.module._free(this.bufferPointer);
      this.bufferPointer = 0;
      this.bufferCapacity = 0;
    }
    const pointer = this.#malloc(capacity, size);
    if (pointer === 0) return false;
    this.bufferPointer = pointer;
    this.bufferCapacity = capacity;
    return true;
  }

  // malloc aborts the instance when memory cannot grow (ABORTING_MALLOC): remember that it was
  // the input that did not fit, so call() reports a RangeError rather than an engine abort.
  #malloc(capacity, size) {
    try {
      return this.module._malloc(capacity);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) this.inputTooLarge = size;
      throw error;
    }
  }

  #reserveOrThrow(size) {
    if (!this.#reserve(size)) {
      throw new RangeError(`jsonsieve: ${size} bytes of input do not fit in the WebAssembly memory`);
    }
  }

  /** Gives back an input buffer that grew past LARGE_BUFFER (after a big call). */
  trim() {
    if (this.bufferCapacity > LARGE_BUFFER) {
      this.module._free(this.bufferPointer);
      this.bufferPointer = 0;
      this.bufferCapacity = 0;
      this.#reserve(INITIAL_BUFFER);
    }
  }

  /**
   * Writes `input` (string, Uint8Array or other ArrayBufferView/ArrayBuffer) as UTF-8 at the
   * start of the input buffer. Returns its length in bytes.
   */
  write(input) {
    if (typeof input === 'string') return this.#writeString(input, 0);
    const bytes = asBytes(input);
    this.#reserveOrThrow(bytes.length);
    this.bytes().set(bytes, this.bufferPointer);
    return bytes.length;
  }

  /** Writes several byte arrays one after the other; returns the total length. */
  writeParts(parts) {
    let total = 0;
    for (const p of parts) total += p.length;
    this.#reserveOrThrow(total);
    const heap = this.bytes();
    let at = this.bufferPointer;
    for (const p of parts) { heap.set(p, at); at += p.length; }
    return total;
  }

  // encodeInto straight into the heap. The first attempt assumes mostly one byte per UTF-16
  // unit (JSON usually is); what did not fit is finished with a buffer sized for the worst case.
  #writeString(text, offset) {
    this.#reserveOrThrow(offset + text.length + 16);
    let view = this.bytes().subarray(this.bufferPointer + offset, this.bufferPointer + this.bufferCapacity);
    let { read, written } = encoder.encodeInto(text, view);
    if (read < text.length) {
      const rest = text.length - read;
      this.#growKeeping(offset + written + rest * 3);
      view = this.bytes().subarray(this.bufferPointer + offset + written, this.bufferPointer + this.bufferCapacity);
      written += encoder.encodeInto(text.slice(read), view).written;
    }
    return written;
  }

  // Grows the input buffer keeping its content.
  #growKeeping(size) {
    if (size <= this.bufferCapacity) return;
    const oldPointer = this.bufferPointer;
    const oldCapacity = this.bufferCapacity;
    const capacity = capacityFor(size, oldCapacity);
    const pointer = this.#malloc(capacity, size);
    if (pointer === 0) {
      throw new RangeError(`jsonsieve: ${size} bytes of input do not fit in the WebAssembly memory`);
    }
    const heap = this.bytes();
    heap.copyWithin(pointer, oldPointer, oldPointer + oldCapacity);
    this.module._free(oldPointer);
    this.bufferPointer = pointer;
    this.bufferCapacity = capacity;
  }

  /** Writes several texts (strings or bytes) one after the other; returns [[pointer, length], ...]. */
  writeStrings(texts) {
    const encoded = texts.map((t) => (typeof t === 'string' ? encoder.encode(t) : asBytes(t)));
    this.writeParts(encoded);
    let at = this.bufferPointer;
    return encoded.map((e) => { const r = [at, e.length]; at += e.length; return r; });
  }

  /** Parses the details JSON the last call left behind, then releases it. */
  details() {
    const m = this.module;
    const pointer = m.detailsPointer();
    const length = m.detailsLength();
    const text = decoder.decode(this.bytes().subarray(pointer, pointer + length));
    m.clearDetails();
    return JSON.parse(text);
  }

  /** `length` bytes of per-line NDJSON verdicts from the last validateNdjson call (a view). */
  verdicts(length) {
    const pointer = this.module.verdictsPointer();
    return this.bytes().subarray(pointer, pointer + length);
  }

  /**
   * Runs `body(module)` against the instance. If the instance traps, it is replaced and the call
   * fails with EngineAbortError; errors thrown by our own JS pass through unchanged.
   */
  call(body) {
    this.assertReady();
    try {
      return body(this.module);
    } catch (error) {
      // Only a trap (the glue's abort() throws one too) kills an instance; our own errors pass.
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      const why = (this.lastAbort || error.message).replace(/^Aborted\((.*)\)$/, '$1') || 'abort';
      const tooLarge = this.inputTooLarge;
      this.inputTooLarge = 0;
      this.#restart();
      if (tooLarge) {
        throw new RangeError(`jsonsieve: ${tooLarge} bytes of input do not fit in the WebAssembly memory`, { cause: error });
      }
      throw new EngineAbortError(
        `jsonsieve: the WebAssembly instance aborted (${why}); it was restarted and this call failed. ` +
        'Typical cause: the input needs more memory than the module may use.', { cause: error });
    }
  }

  #restart() {
    this.lastAbort = '';
    this.module = null;
    try {
      this.#instantiate(true);
    } catch {
      // Hosts may refuse synchronous instantiation: restart asynchronously, refusing calls meanwhile.
      this.restarting = this.#instantiate(false).finally(() => { this.restarting = null; });
    }
  }

  /** Bytes of linear memory, and bytes currently allocated by malloc (diagnostics, tests). */
  memoryUsage() {
    this.assertReady();
    return { wasmMemory: this.memory.buffer.byteLength, heapUsed: this.module.heapUsed() };
  }
}

// The memory export's name is minified by the build: find it by type.
function findMemory(exports) {
  for (const value of Object.values(exports)) if (value instanceof WebAssembly.Memory) return value;
  throw new Error('jsonsieve: the WebAssembly module exports no memory');
}

// Doubling for small buffers; past 64 MiB just what is needed (rounded to 1 MiB), so a big
// input close to the memory limit still fits.
function capacityFor(size, current) {
  let capacity = Math.max(INITIAL_BUFFER, current);
  while (capacity < size && capacity < 64 * 1024 * 1024) capacity *= 2;
  if (capacity < size) capacity = Math.ceil(size / (1024 * 1024)) * 1024 * 1024;
  return capacity;
}

/** @returns {Uint8Array} */
export function asBytes(input) {
  if (input instanceof Uint8Array) return input;
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError('jsonsieve: expected a string, Uint8Array, ArrayBufferView or ArrayBuffer');
}
