#!/usr/bin/env node
// jsonsieve CLI: validates JSON and NDJSON files (or stdin) against a schema with the npm package.
//
//   jsonsieve --schema schema.json data.json more.ndjson
//   cat events.ndjson | jsonsieve --schema event.json --ndjson
//
// Exit status: 0 every document/record valid, 1 some invalid or malformed, 2 usage, schema or I/O error.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { load, SchemaError, JsonSyntaxError, EngineAbortError } from './index.js';

const USAGE = `usage: jsonsieve --schema SCHEMA [options] [FILE...]

Validates JSON documents (*.json, and anything else) and NDJSON files (*.ndjson, *.jsonl,
*.ldjson) against a JSON Schema. Without FILE, or with FILE "-", reads stdin.

options:
  -s, --schema FILE     the schema (required)
      --dialect D       dialect of schemas without $schema: 2020-12 (default), 2019-09,
                        draft-07, draft-06, draft-04
      --formats MODE    annotate (default) or assert: whether "format" is checked
      --output FORMAT   flag, basic, detailed or verbose: add the spec's output unit to --json
      --registry DIR    register every *.json under DIR, by its $id and by its file URL
                        (the only source of remote $refs; nothing is fetched)
      --ndjson          read every input (stdin too) as NDJSON
      --json            print one JSON report on stdout instead of located messages
      --max-errors N    errors reported per document or record (default: all)
  -q, --quiet           print nothing for invalid data; the exit status tells
  -h, --help            this text
  -v, --version         the package version

exit status: 0 all valid, 1 some invalid or malformed, 2 usage, schema or I/O error`;

const NDJSON_EXTENSIONS = /\.(ndjson|jsonl|ldjson)$/i;

class UsageError extends Error {}

async function main(argv) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        schema: { type: 'string', short: 's' },
        dialect: { type: 'string' },
        formats: { type: 'string' },
        output: { type: 'string' },
        registry: { type: 'string', multiple: true },
        ndjson: { type: 'boolean' },
        json: { type: 'boolean' },
        'max-errors': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values: options, positionals } = args;
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (!options.schema) throw new UsageError('--schema is required');
  let maxErrors = 0;
  if (options['max-errors'] !== undefined) {
    maxErrors = Number(options['max-errors']);
    if (!Number.isInteger(maxErrors) || maxErrors < 1) throw new UsageError('--max-errors takes a positive integer');
  }

  const registry = {};
  for (const dir of options.registry ?? []) addRegistryDir(registry, resolve(dir));
  const schemaPath = resolve(options.schema);
  const schemaText = readInput(schemaPath, 'schema');

  const sieve = await load();
  let schema;
  try {
    schema = sieve.compile(schemaText, {
      dialect: options.dialect,
      formats: options.formats,
      output: options.output,
      maxErrors,
      registry,
      baseUri: pathToFileURL(schemaPath).href,
    });
  } catch (error) {
    if (error instanceof SchemaError) {
      const at = error.line !== undefined ? `:${error.line}:${error.column}` : '';
      const where = error.schemaLocation ? ` (at ${error.schemaLocation || '/'}${error.schemaUri ? ` in ${error.schemaUri}` : ''})` : '';
      throw new FatalError(`${options.schema}${at}: invalid schema: ${stripLocation(error.message)}${where}`);
    }
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^jsonsieve: /, ''));
    throw error;
  }

  const inputs = positionals.length > 0 ? positionals : ['-'];
  const report = new Report(options);
  for (const input of inputs) {
    const name = input === '-' ? '<stdin>' : input;
    const ndjson = options.ndjson || NDJSON_EXTENSIONS.test(input);
    try {
      if (ndjson) await checkNdjson(schema, input, name, report);
      else checkDocument(schema, input, name, report);
    } catch (error) {
      // Unreadable, too big for the module's memory, or the module aborted on it: this input
      // fails, the others are still checked.
      if (error instanceof FatalError || error instanceof RangeError || error instanceof EngineAbortError) {
        report.ioError(name, error instanceof FatalError ? error.message : `${name}: ${error.message.replace(/^jsonsieve: /, '')}`);
        continue;
      }
      throw error;
    }
  }
  report.finish();
  schema.dispose();
  return report.status();
}

class FatalError extends Error {}

function readInput(path, what) {
  try {
    return path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (error) {
    throw new FatalError(`cannot read ${what} ${path === '-' ? 'from stdin' : path}: ${error.message}`);
  }
}

// Registry entries: every *.json under `dir`, by its file URL and, if it has one, its $id.
function addRegistryDir(registry, dir) {
  for (const path of jsonFilesUnder(dir)) {
    const text = readFileSync(path, 'utf8');
    registry[pathToFileURL(path).href] = text;
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new FatalError(`registry file ${path} is not JSON: ${error.message}`);
    }
    const id = parsed?.$id ?? parsed?.id;
    if (typeof id === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(id)) registry[id.replace(/#$/, '')] = text;
  }
}

function jsonFilesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new FatalError(`cannot read registry directory ${dir}: ${error.message}`);
  }
  const files = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...jsonFilesUnder(path));
    else if (entry.name.endsWith('.json') && statSync(path).isFile()) files.push(path);
  }
  return files;
}

function checkDocument(schema, input, name, report) {
  const bytes = readInput(input, 'file');
  report.progress(name, 0, bytes.length);
  try {
    const result = schema.validateJSON(bytes);
    report.record(name, result.valid ? null : { errors: result.errors });
    if (result.output !== undefined) report.output(name, result.output);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    report.record(name, { malformed: true, error });
  }
}

async function checkNdjson(schema, input, name, report) {
  let nodeStream;
  let size = 0;
  try {
    if (input === '-') {
      nodeStream = process.stdin;
    } else {
      size = statSync(input).size;
      nodeStream = createReadStream(input, { highWaterMark: 1 << 20 });
    }
  } catch (error) {
    throw new FatalError(`cannot read file ${input}: ${error.message}`);
  }
  let bytesRead = 0;
  nodeStream.on('data', (chunk) => { bytesRead += chunk.length; });
  const verdicts = Readable.toWeb(nodeStream).pipeThrough(schema.ndjsonStream());
  try {
    for await (const verdict of verdicts) {
      report.record(name, verdict.valid ? null : verdict);
      report.progress(name, bytesRead, size);
    }
  } catch (error) {
    if (error?.code && error.syscall) throw new FatalError(`cannot read file ${input}: ${error.message}`);
    throw error;
  }
}

// Collects counts, prints located messages as it goes (or one JSON report at the end), and
// shows progress on stderr when it is a terminal.
class Report {
  constructor(options) {
    this.options = options;
    this.files = new Map();
    this.failed = false;
    this.ioFailed = false;
    this.showProgress = Boolean(process.stderr.isTTY) && !options.json;
    this.lastProgress = 0;
  }

  #file(name) {
    let f = this.files.get(name);
    if (!f) {
      f = { file: name, total: 0, valid: 0, invalid: 0, malformed: 0, failures: [] };
      this.files.set(name, f);
    }
    return f;
  }

  // `failure`: null when valid; else { line, malformed, errors, error, output }.
  record(name, failure) {
    const f = this.#file(name);
    f.total += 1;
    if (failure === null) {
      f.valid += 1;
      return;
    }
    this.failed = true;
    if (failure.malformed) f.malformed += 1;
    else f.invalid += 1;
    if (this.options.json) {
      f.failures.push(jsonFailure(failure));
      return;
    }
    if (this.options.quiet) return;
    this.#clearProgress();
    if (failure.malformed) {
      const e = failure.error;
      process.stdout.write(`${name}:${e.line}:${e.column}: malformed JSON: ${stripLocation(e.message)}\n`);
      return;
    }
    for (const e of failure.errors) {
      const at = e.line !== undefined ? `${e.line}:${e.column}` : `${failure.line ?? 1}:1`;
      const keyword = e.keywordLocation ? ` [${e.keywordLocation}]` : '';
      process.stdout.write(`${name}:${at}: ${e.instanceLocation || '/'}${keyword}: ${e.message}\n`);
    }
  }

  // The spec output unit of a JSON document (--output), shown with --json.
  output(name, unit) {
    this.#file(name).output = unit;
  }

  ioError(name, message) {
    this.ioFailed = true;
    this.#clearProgress();
    if (this.options.json) this.#file(name).error = message;
    process.stderr.write(`jsonsieve: ${message}\n`);
  }

  progress(name, done, size) {
    if (!this.showProgress) return;
    const now = Date.now();
    if (now - this.lastProgress < 200) return;
    this.lastProgress = now;
    const f = this.#file(name);
    const percent = size > 0 ? ` ${Math.min(100, Math.floor((done / size) * 100))}%` : '';
    process.stderr.write(`\r\x1b[K${name}:${percent} ${f.total} records, ${f.invalid + f.malformed} failing`);
    this.progressShown = true;
  }

  #clearProgress() {
    if (this.progressShown) {
      process.stderr.write('\r\x1b[K');
      this.progressShown = false;
    }
  }

  finish() {
    this.#clearProgress();
    const files = [...this.files.values()];
    if (this.options.json) {
      const out = { valid: !this.failed && !this.ioFailed, files };
      process.stdout.write(`${JSON.stringify(out)}\n`);
      return;
    }
    if (this.options.quiet) return;
    const sum = (k) => files.reduce((n, f) => n + f[k], 0);
    process.stderr.write(`${files.length} input${files.length === 1 ? '' : 's'}: ${sum('total')} checked, ` +
      `${sum('valid')} valid, ${sum('invalid')} invalid, ${sum('malformed')} malformed\n`);
  }

  status() {
    if (this.ioFailed) return 2;
    return this.failed ? 1 : 0;
  }
}

function jsonFailure(failure) {
  if (failure.malformed) {
    const e = failure.error;
    return { line: e.line, column: e.column, offset: e.offset, malformed: true, message: e.message };
  }
  const out = { line: failure.line ?? 1, malformed: false, errors: failure.errors };
  if (failure.output !== undefined) out.output = failure.output;
  return out;
}

function stripLocation(message) {
  return message.replace(/ at line \d+, column \d+$/, '');
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`jsonsieve: ${error.message}\n\n${USAGE}\n`);
    } else if (error instanceof FatalError) {
      process.stderr.write(`jsonsieve: ${error.message}\n`);
    } else {
      process.stderr.write(`jsonsieve: internal error: ${error?.stack ?? error}\n`);
    }
    process.exitCode = 2;
  });
