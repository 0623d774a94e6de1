// jsonsieve: JSON Schema validation in WebAssembly. Public entry point of the npm package.
//
//   import { load, SchemaError, JsonSyntaxError } from 'jsonsieve';
//   const sieve = await load();
//   const schema = sieve.compile({ type: 'object', required: ['id'] });
//   schema.validate({ id: 1 });   // { valid: true, errors: [] }
//
// Types and per-call documentation: index.d.ts.
export { load } from './load.js';
export { SchemaError, JsonSyntaxError, EngineAbortError } from './errors.js';
export { Sieve } from './sieve.js';
export { Schema } from './schema.js';
