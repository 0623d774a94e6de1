// Size dashboard: the wasm module, JS glue and wrapper of the build being served, from the size
// report the package build writes (dist/size-report.json, copied next to the page at build time),
// and their history across commits (scripts/size-history.json). Both formats: scripts/size-report.mjs.
import { h, fmt } from '../lib/dom.js';
import { lineChart } from '../lib/chart.js';

const KINDS = ['wasm', 'glue', 'wrapper'];
const COLORS = { shipped: '#222', wasm: '#2f6fd6', glue: '#d6822f', wrapper: '#2fa56a' };
const isSizes = (v) => v && Number.isFinite(v.raw) && Number.isFinite(v.gzip);

/** The report's runtime files, [{ file, kind, raw, gzip, brotli }]. */
export function reportFiles(report) {
  return (Array.isArray(report?.files) ? report.files : []).filter(isSizes);
}

/** Sums of `files` per kind and in all ("shipped"). */
export function totalsByKind(files) {
  const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });
  const t = { shipped: zero() };
  for (const f of files) {
    t[f.kind] ??= zero();
    for (const k of ['raw', 'gzip', 'brotli']) { t[f.kind][k] += f[k] ?? 0; t.shipped[k] += f[k] ?? 0; }
  }
  return t;
}

async function fetchJson(name) {
  const res = await fetch(`./${name}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  if (!(res.headers.get('Content-Type') ?? '').includes('json')) throw new Error(`${name} is not JSON`);
  const json = await res.json();
  if (json?.missing) throw new Error(`${json.missing} did not exist when the page was built`);
  return json;
}

const cell = (n, k) => h('td', { class: 'num', 'data-k': k, 'data-bytes': n ?? '' }, n == null ? '—' : h('span', { title: `${fmt.int(n)} bytes` }, fmt.int(n), h('small', {}, ` (${fmt.bytes(n)})`)));

function renderCurrent(host, report) {
  const files = reportFiles(report);
  if (!files.length) throw new Error('size-report.json lists no files with raw/gzip sizes');
  const totals = totalsByKind(files);
  const budget = report.budget;
  host.replaceChildren(
    h('table', { class: 'size-table' },
      h('thead', {}, h('tr', {}, ['file', 'kind', 'raw (bytes)', 'gzip -9', 'brotli'].map((t) => h('th', {}, t)))),
      h('tbody', {}, files.map((f) => h('tr', { 'data-file': f.file, 'data-kind': f.kind },
        h('td', {}, h('code', {}, f.file)), h('td', {}, f.kind), cell(f.raw, 'raw'), cell(f.gzip, 'gzip'), cell(f.brotli, 'brotli')))),
      h('tfoot', {}, [...KINDS.filter((k) => totals[k]), 'shipped'].map((k) => h('tr', { 'data-total': k },
        h('th', {}, k === 'shipped' ? 'total shipped' : `total ${k}`), h('td'), cell(totals[k].raw, 'raw'), cell(totals[k].gzip, 'gzip'), cell(totals[k].brotli, 'brotli'))))),
    budget ? h('p', { class: budget.ok ? 'summary good' : 'summary bad', 'data-testid': 'size-budget' },
      `Budget: ${fmt.int(budget.gzip)} B gzip for everything shipped; this build: ${fmt.int(totals.shipped.gzip)} B (${fmt.num((100 * totals.shipped.gzip) / budget.gzip)}%).`) : '',
    h('p', { class: 'hint' }, `Report of commit ${String(report.commit ?? 'unknown').slice(0, 10)}${report.dirty ? ' (with uncommitted changes)' : ''}. gzip = zlib level 9, brotli = quality 11.`));
}

function renderHistory(host, history) {
  const entries = (history?.entries ?? []).filter((e) => reportFiles(e).length);
  if (!entries.length) throw new Error('size-history.json has no entries');
  const totals = entries.map((e) => totalsByKind(reportFiles(e)));
  const series = ['shipped', ...KINDS].map((k) => ({
    name: k === 'shipped' ? 'total' : k, color: COLORS[k], values: totals.map((t) => (t[k] ? t[k].gzip / 1024 : null)),
  }));
  const budget = history.budget?.gzip;
  host.replaceChildren(
    lineChart(series, entries.map((e) => String(e.commit).slice(0, 7)), {
      title: 'gzip size per commit (KB)', yLabel: (v) => `${v.toFixed(0)} KB`,
      hline: budget ? { value: budget / 1024, label: 'budget' } : null,
    }),
    h('p', { class: 'hint', 'data-points': entries.length }, `${entries.length} commit${entries.length === 1 ? '' : 's'} recorded, oldest first; latest: ${entries.at(-1).subject ?? ''}`));
}

export function mountSize(root) {
  const current = h('div', { 'data-testid': 'size-current' }, 'Loading the size report…');
  const history = h('div', { 'data-testid': 'size-history' }, 'Loading the size history…');
  root.append(h('h3', {}, 'This build'), current, h('h3', {}, 'History'), history);
  fetchJson('size-report.json').then((r) => renderCurrent(current, r)).catch((e) => {
    current.className = 'summary bad';
    current.textContent = `No size report (${e.message}). The package build writes dist/size-report.json (node scripts/size-report.mjs) and the page build copies it here.`;
  });
  fetchJson('size-history.json').then((r) => renderHistory(history, r)).catch((e) => {
    history.className = 'summary bad';
    history.dataset.missing = '1';
    history.textContent = `No size history (${e.message}). It is kept in scripts/size-history.json (node scripts/append-size-history.mjs).`;
  });
}
