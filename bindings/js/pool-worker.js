// The worker of jsonsieve/pool (pool.js): one engine instance and one compiled schema, then
// NDJSON chunks in, reports out. Runs as a module Web Worker or a Node worker thread.
//   in:  { type: 'init', module: WebAssembly.Module, source, options }   (compile options)
//        { type: 'validate', bytes, firstLine, offset, output, maxFailures }
//   out: { ok: true, value } | { ok: false, error: { name, message, ...where } }
import createJsonsieveModule from './jsonsieve.mjs';
import { createSieve } from './load.js';

const nodeWorkerThreads = 'node:worker_threads';   // a variable: bundlers must not resolve it
const port = typeof process === 'object' && typeof process.versions?.node === 'string'
  ? (await import(/* webpackIgnore: true */ /* @vite-ignore */ nodeWorkerThreads)).parentPort
  : null;
const reply = (message) => (port ? port.postMessage(message) : self.postMessage(message));

let schema = null;

async function handle(message) {
  if (message.type === 'init') {
    const sieve = await createSieve(createJsonsieveModule, message.module);
    schema = sieve.compile(message.source, message.options);
    return true;
  }
  if (message.type === 'validate') {
    if (!schema) throw new Error('jsonsieve: pool worker used before init');
    return schema.ndjsonRange(message.bytes, { output: message.output, maxFailures: message.maxFailures },
      message.firstLine, message.offset);
  }
  throw new Error(`jsonsieve: unknown pool message ${JSON.stringify(message.type)}`);
}

async function onMessage(message) {
  try {
    reply({ ok: true, value: await handle(message) });
  } catch (error) {
    reply({ ok: false, error: { ...error, name: error?.name ?? 'Error', message: error?.message ?? String(error) } });
  }
}

if (port) port.on('message', onMessage);
else self.onmessage = (event) => onMessage(event.data);
