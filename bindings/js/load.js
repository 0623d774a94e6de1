// load(): finds, compiles and instantiates the wasm module once (memoized), in Node, browsers,
// Web Workers and bundlers alike.
import createJsonsieveModule from './jsonsieve.mjs';
import { Engine } from './engine.js';
import { Sieve } from './sieve.js';

let loaded = null;

/**
 * Instantiates the engine. The first call decides where the module comes from; later calls
 * return the same promise. Without `wasm`: Node reads `jsonsieve.wasm` next to this file,
 * browsers fetch `new URL('./jsonsieve.wasm', import.meta.url)` (bundlers emit it as an asset).
 * @param {{ wasm?: URL | string | Response | ArrayBuffer | ArrayBufferView | WebAssembly.Module }} [options]
 */
export function load(options = {}) {
  if (loaded === null) {
    loaded = createSieve(createJsonsieveModule, options.wasm);
    loaded.catch(() => { loaded = null; });  // a failed load may be retried
  }
  return loaded;
}

/** @internal A Sieve on a given Emscripten factory and wasm source (tests use other builds). */
export async function createSieve(factory, wasm) {
  const module = await compileModule(wasm);
  const engine = new Engine(factory, module);
  try {
    await engine.start();
  } catch (error) {
    throw new Error(`jsonsieve: could not instantiate the WebAssembly module: ${error.message}`, { cause: error });
  }
  return Sieve.create(engine);
}

/** @internal The WebAssembly.Module from a load() `wasm` source (also used by jsonsieve/pool). */
export async function compileModule(wasm) {
  if (wasm instanceof WebAssembly.Module) return wasm;
  const source = wasm ?? new URL('./jsonsieve.wasm', import.meta.url);
  const where = source instanceof URL || typeof source === 'string' ? String(source) : describe(source);
  try {
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return await WebAssembly.compile(source);
    if (typeof Response !== 'undefined' && source instanceof Response) return await compileResponse(source);
    const url = source instanceof URL ? source : new URL(source, import.meta.url);
    if (url.protocol === 'file:' && isNode()) {
      // Node's fetch() does not read file: URLs; the package file is read directly.
      const fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeFs);
      return await WebAssembly.compile(await fs.readFile(url));
    }
    return await compileResponse(await fetch(url));
  } catch (error) {
    throw new Error(`jsonsieve: could not load the WebAssembly module from ${where}: ${error.message}`, { cause: error });
  }
}

// A variable, so bundlers for the browser do not try to resolve it.
const nodeFs = 'node:fs/promises';

async function compileResponse(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  if (typeof WebAssembly.compileStreaming === 'function' &&
      (response.headers.get('Content-Type') ?? '').startsWith('application/wasm')) {
    return WebAssembly.compileStreaming(response);
  }
  // Servers that do not send application/wasm: compile from the bytes.
  return WebAssembly.compile(await response.arrayBuffer());
}

function isNode() {
  return typeof process === 'object' && typeof process.versions?.node === 'string';
}

function describe(source) {
  if (source === null || source === undefined) return String(source);
  return source.constructor?.name ?? typeof source;
}
