// Size dashboard: the wasm module and JS glue of the build being served, from the size report the
// package build writes (copied next to the page at build time), and their history across commits.
import { h, fmt } from '../lib/dom.js';
import { lineChart } from '../lib/chart.js';

/**
 * The report's files as [{ name, file, raw, gzip, brotli }]. Accepts `{ files: [...] }` or an
 * object whose members are `{ raw, gzip, brotli, file? }` (e.g. `{ wasm: {...}, glue: {...} }`).
 */
export function reportFiles(report) {
  const isEntry = (v) => v && typeof v === 'object' && Number.isFinite(v.raw) && Number.isFinite(v.gzip);
  const list = Array.isArray(report?.files)
    ? report.files.map((f) => ({ name: f.name ?? f.kind ?? f.file, ...f }))
    : Object.entries(report ?? {}).filter(([, v]) => isEntry(v)).map(([name, v]) => ({ name, ...v }));
  return list.filter(isEntry);
}

/** History entries as [{ label, totals: { gzip, brotli, raw }, files }], oldest first. */
export function historyPoints(history) {
  const entries = Array.isArray(history) ? history : history?.entries ?? history?.history ?? [];
  return entries.map((e) => {
    const files = reportFiles(e.report ?? e.sizes ?? e);
    const sum = (k) => files.reduce((a, f) => a + (Number.isFinite(f[k]) ? f[k] : 0), 0);
    const label = String(e.commit ?? e.sha ?? e.rev ?? '').slice(0, 7) || (e.date ?? '').slice(0, 10) || '?';
    return { label, date: e.date, totals: { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') }, files };
  }).filter((p) => p.files.length);
}

async function fetchJson(name) {
  const res = await fetch(`./${name}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res.json();
}

export function mountSize(root) {
  const current = h('div', { 'data-testid': 'size-current' }, 'Loading the size report…');
  const history = h('div', { 'data-testid': 'size-history' });
  root.append(h('h3', {}, 'This build'), current, h('h3', {}, 'History'), history);

  fetchJson('size-report.json').then((report) => {
    const files = reportFiles(report);
    if (!files.length) throw new Error('size-report.json has no entries with raw/gzip sizes');
    const total = (k) => files.reduce((a, f) => a + (f[k] ?? 0), 0);
    const row = (name, f, attrs = {}) => h('tr', attrs, h('td', {}, name),
      ...['raw', 'gzip', 'brotli'].map((k) => h('td', { class: 'num', 'data-k': k, 'data-bytes': f[k] ?? '' }, f[k] == null ? '—' : `${fmt.int(f[k])} B (${fmt.bytes(f[k])})`)));
    const budget = report.budget?.gzip ?? report.budgetGzip ?? null;
    current.replaceChildren(
      h('table', { class: 'size-table' },
        h('thead', {}, h('tr', {}, ['file', 'raw', 'gzip -9', 'brotli'].map((t) => h('th', {}, t)))),
        h('tbody', {}, files.map((f) => row(`${f.name}${f.file && f.file !== f.name ? ` (${f.file})` : ''}`, f, { 'data-file': f.file ?? f.name, 'data-name': f.name }))),
        h('tfoot', {}, row('total', { raw: total('raw'), gzip: total('gzip'), brotli: files.every((f) => f.brotli != null) ? total('brotli') : null }, { 'data-name': 'total' }))),
      budget ? h('p', {}, `Budget: ${fmt.int(budget)} B gzip (wasm + glue); this build uses ${fmt.num((100 * total('gzip')) / budget)}%.`) : '',
      report.commit || report.date ? h('p', { class: 'hint' }, `Built from ${report.commit ?? ''} ${report.date ?? ''}`) : '');
  }).catch((e) => {
    current.className = 'summary bad';
    current.textContent = `No size report: ${e.message}. It is written by \`scripts/build.sh wasm\` to dist/size-report.json and copied here by the page build.`;
  });

  fetchJson('size-history.json').then((hist) => {
    const pts = historyPoints(hist);
    if (!pts.length) throw new Error('size-history.json has no entries');
    const names = [...new Set(pts.flatMap((p) => p.files.map((f) => f.name)))];
    const colors = ['#2f6fd6', '#d6822f', '#2fa56a', '#a03fd6'];
    const series = [
      { name: 'total gzip', color: '#222', values: pts.map((p) => p.totals.gzip / 1024) },
      ...names.map((n, i) => ({ name: `${n} gzip`, color: colors[i % colors.length], values: pts.map((p) => (p.files.find((f) => f.name === n)?.gzip ?? null) / 1024 || null) })),
    ];
    const budget = hist.budget?.gzip ?? null;
    history.replaceChildren(lineChart(series, pts.map((p) => p.label), {
      yLabel: (v) => `${v.toFixed(0)} KB`, title: 'gzip size per commit (KB)',
      hline: budget ? { value: budget / 1024, label: 'budget' } : null,
    }), h('p', { class: 'hint' }, `${pts.length} commits recorded.`));
  }).catch((e) => {
    history.className = 'summary bad';
    history.textContent = `No size history: ${e.message}.`;
  });
}
