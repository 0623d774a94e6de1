// Types of 'jsonsieve/pool': NDJSON validation spread over Web Workers / worker threads.
import type { CompileOptions, NdjsonOptions, NdjsonResult, SchemaSource, WasmSource } from './index.js';

export interface PoolOptions extends CompileOptions {
  /** Number of workers (default: one per core: os.availableParallelism() / navigator.hardwareConcurrency). */
  workers?: number;
  /** Where the wasm comes from, as for load({ wasm }). Compiled once, shared by the workers. */
  wasm?: WasmSource;
}

export interface PoolNdjsonOptions extends NdjsonOptions {
  /** Bytes per chunk handed to a worker (default 4 MiB; a chunk is extended to its last line end). */
  chunkSize?: number;
}

/**
 * Starts the workers; each compiles `schema`. Rejects with SchemaError when the schema does not
 * compile (then no worker is left running).
 */
export function createPool(schema: SchemaSource, options?: PoolOptions): Promise<Pool>;

export class Pool {
  private constructor();
  /** Number of workers. */
  readonly size: number;
  /**
   * Validates NDJSON on all workers, chunk by chunk; a Blob/File is read piece by piece (memory:
   * about one chunk per worker). The result is exactly what Schema.validateNDJSON returns for the
   * whole input: line numbers and byte offsets are the whole input's.
   */
  validateNDJSON(input: string | Uint8Array | ArrayBufferView | ArrayBuffer | Blob, options?: PoolNdjsonOptions): Promise<NdjsonResult>;
  /** Terminates the workers. Idempotent; later calls reject. */
  close(): void;
  [Symbol.dispose](): void;
}
