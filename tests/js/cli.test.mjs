// The CLI (package.json "bin"): located messages, --json reports, options, stdin, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cli = join(root, pkg.bin.jsonsieve);

const dir = mkdtempSync(join(tmpdir(), 'jsonsieve-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const schema = file('person.json', JSON.stringify({
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 }, email: { format: 'email' } },
  required: ['name'],
}));
const good = file('good.json', '{"name": "Ada", "age": 36}');
const bad = file('bad.json', '{\n  "name": "Bob",\n  "age": -1\n}');
const broken = file('broken.json', '{"name": ');
const records = file('people.ndjson', '{"name":"a"}\r\n{"age":1}\n\n{"name":\n{"name":"b","email":"x"}\n');

function jsonsieve(args, input) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('all valid: exit 0, nothing on stdout', () => {
  const r = jsonsieve(['--schema', schema, good]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /1 input: 1 checked, 1 valid, 0 invalid, 0 malformed/);
});

test('invalid and malformed data: file:line:column messages, exit 1', () => {
  const r = jsonsieve(['-s', schema, 'good.json', 'bad.json', 'broken.json', 'people.ndjson']);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'bad.json:3:10: /age [/properties/age/minimum]: ' + r.stdout.match(/bad\.json:3:10: \S+ \S+ (.*)/)[1],
    `broken.json:1:10: malformed JSON: ${r.stdout.match(/broken\.json:1:10: malformed JSON: (.*)/)[1]}`,
    'people.ndjson:2:1: / [/required]: ' + r.stdout.match(/people\.ndjson:2:1: \/ \[\/required\]: (.*)/)[1],
    `people.ndjson:4:9: malformed JSON: ${r.stdout.match(/people\.ndjson:4:9: malformed JSON: (.*)/)[1]}`,
  ]);
  assert.doesNotMatch(r.stdout, /at line \d+, column/);  // the location is in front already
  assert.match(r.stderr, /4 inputs: 7 checked, 3 valid, 2 invalid, 2 malformed/);
});

test('--formats assert, --dialect, --max-errors', () => {
  assert.equal(jsonsieve(['-s', schema, 'people.ndjson', '--formats', 'annotate']).stdout.includes('email'), false);
  const asserting = jsonsieve(['-s', schema, 'people.ndjson', '--formats', 'assert']);
  assert.match(asserting.stdout, /people\.ndjson:5:\d+: \/email \[\/properties\/email\/format\]/);
  const draft4 = file('draft4.json', '{"maximum": 5, "exclusiveMaximum": true}');
  const five = file('five.json', '5');
  assert.equal(jsonsieve(['-s', draft4, '--dialect', 'draft-04', five]).status, 1);
  assert.equal(jsonsieve(['-s', draft4, five]).status, 2);  // not a 2020-12 schema
  const many = file('many.json', JSON.stringify({ items: { type: 'string' } }));
  const list = file('list.json', '[1, 2, 3]');
  assert.equal(jsonsieve(['-s', many, list]).stdout.trim().split('\n').length, 3);
  assert.equal(jsonsieve(['-s', many, list, '--max-errors', '1']).stdout.trim().split('\n').length, 1);
});

test('--json: one report on stdout, with --output units', () => {
  const r = jsonsieve(['-s', schema, '--json', 'bad.json', 'people.ndjson']);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.valid, false);
  assert.deepEqual(report.files.map((f) => [f.file, f.total, f.valid, f.invalid, f.malformed]),
    [['bad.json', 1, 0, 1, 0], ['people.ndjson', 4, 2, 1, 1]]);
  const [badFile, people] = report.files;
  assert.deepEqual(badFile.failures[0].errors.map((e) => [e.instanceLocation, e.keyword, e.line, e.column]),
    [['/age', 'minimum', 3, 10]]);
  assert.deepEqual(people.failures.map((f) => [f.line, f.malformed]), [[2, false], [4, true]]);
  assert.equal(people.failures[1].column, 9);  // just after '{"name":'
  const withOutput = JSON.parse(jsonsieve(['-s', schema, '--json', '--output', 'basic', 'bad.json', 'good.json']).stdout);
  assert.equal(withOutput.files[0].output.valid, false);
  assert.equal(withOutput.files[1].output.valid, true);
  assert.deepEqual(JSON.parse(jsonsieve(['-s', schema, '--json', 'good.json']).stdout),
    { valid: true, files: [{ file: 'good.json', total: 1, valid: 1, invalid: 0, malformed: 0, failures: [] }] });
});

test('stdin: JSON by default, NDJSON with --ndjson; "-" names it', () => {
  assert.equal(jsonsieve(['-s', schema], '{"name": "x"}').status, 0);
  const r = jsonsieve(['-s', schema, '--ndjson', '-'], '{"name":"x"}\n{}\n');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^<stdin>:2:1: \/ \[\/required\]/);
});

test('--registry DIR: remote $refs by $id and by file URL', () => {
  const defs = join(dir, 'defs');
  mkdirSync(join(defs, 'nested'), { recursive: true });
  writeFileSync(join(defs, 'nested', 'name.json'), JSON.stringify({ $id: 'https://example.com/name.json', type: 'string', minLength: 2 }));
  writeFileSync(join(defs, 'age.json'), JSON.stringify({ type: 'integer' }));
  const main = file('main.json', JSON.stringify({
    properties: { name: { $ref: 'https://example.com/name.json' }, age: { $ref: 'defs/age.json' } },
  }));
  const data = file('data.json', '{"name": "x", "age": "y"}');
  const r = jsonsieve(['-s', main, '--registry', defs, data]);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /data\.json:1:10: \/name \[\/properties\/name\/\$ref\/minLength\]/);
  assert.match(r.stdout, /data\.json:1:22: \/age \[\/properties\/age\/\$ref\/type\]/);
  assert.equal(jsonsieve(['-s', main, data]).status, 2);  // unresolvable without the registry
});

test('usage, schema and I/O errors exit 2', () => {
  const cases = [
    [[], /--schema is required/],
    [['-s', schema, '--bogus'], /Unknown option/],
    [['-s', schema, '--output', 'xml', good], /unknown output "xml"/],
    [['-s', join(dir, 'missing.json'), good], /cannot read schema/],
    [['-s', file('bad-schema.json', '{"type": 1}'), good], /bad-schema\.json: invalid schema: .*\(at \/type in file:/],
    [['-s', file('not-json.json', '{"type": '), good], /not-json\.json:1:10: invalid schema/],
    [['-s', schema, 'missing.json'], /cannot read file missing\.json/],
    [['-s', schema, '--registry', join(dir, 'nope'), good], /cannot read registry directory/],
  ];
  for (const [args, message] of cases) {
    const r = jsonsieve(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
  }
  // An unreadable input still lets the others be checked.
  const r = jsonsieve(['-s', schema, 'missing.json', 'bad.json']);
  assert.equal(r.status, 2);
  assert.match(r.stdout, /bad\.json:3:10/);
});

test('--help and --version exit 0; no progress when stderr is not a terminal', () => {
  const help = jsonsieve(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^usage: jsonsieve --schema SCHEMA/);
  const version = jsonsieve(['--version']);
  assert.equal(version.stdout.trim(), pkg.version);
  const r = jsonsieve(['-s', schema, 'people.ndjson']);
  assert.doesNotMatch(r.stderr, /\r/);
});

// util-linux `script` gives the CLI a terminal; stdout goes to /dev/null, so what comes back is stderr.
const hasScript = spawnSync('script', ['--version']).status === 0;
test('progress on stderr when it is a terminal', { skip: !hasScript && 'util-linux script(1) not installed' }, () => {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} -s ${JSON.stringify(schema)} ${JSON.stringify(records)} >/dev/null`;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /\r\x1b\[K\S*people\.ndjson: \d+% \d+ records, \d+ failing/);
  assert.match(r.stdout, /4 checked, 2 valid, 1 invalid, 1 malformed/);
});
