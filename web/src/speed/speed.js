// Speed dashboard: runs the benchmark worker and draws records/s with the ratio to Ajv.
import { h, fmt, select } from '../lib/dom.js';
import { barChart } from '../lib/chart.js';

const SETTINGS = {
  short: { count: 2000, rounds: 3, label: 'short (2,000 events × 3 rounds)' },
  standard: { count: 20000, rounds: 5, label: 'standard (20,000 events × 5 rounds)' },
  long: { count: 100000, rounds: 7, label: 'long (100,000 events × 7 rounds)' },
};

export function mountSpeed(root) {
  const setting = select(Object.entries(SETTINGS).map(([k, v]) => [k, v.label]), { 'aria-label': 'Benchmark size', 'data-testid': 'bench-setting' });
  setting.value = new URLSearchParams(location.search).get('bench') in SETTINGS ? new URLSearchParams(location.search).get('bench') : 'standard';
  const runBtn = h('button', { type: 'button', 'data-testid': 'bench-run' }, 'Run benchmark');
  const bar = h('progress', { max: 1, value: 0, 'data-testid': 'bench-progress' });
  const label = h('span', { class: 'hint' });
  const status = h('div', { role: 'status', class: 'summary', 'data-testid': 'bench-status' });
  const chart = h('div', { class: 'chart-host', 'data-testid': 'bench-chart' });
  const table = h('table', { class: 'bench-table', 'data-testid': 'bench-table' });
  root.append(
    h('p', {}, 'Payment events from the shared benchmark generator (10% invalid), validated in a Web Worker in this browser: jsonsieve (wasm) beside Ajv 8 + ajv-formats (standalone code precompiled at build time). Medians of several rounds after a warm-up.'),
    h('div', { class: 'pg-controls' }, h('label', {}, 'Size ', setting), runBtn),
    h('div', { class: 'progress-row' }, bar, label), status, chart, table);

  let worker = null;
  runBtn.addEventListener('click', () => {
    worker?.terminate();
    const { count, rounds } = SETTINGS[setting.value];
    runBtn.disabled = true;
    status.className = 'summary';
    status.textContent = 'Running…';
    chart.replaceChildren();
    table.replaceChildren();
    worker = new Worker(new URL('./speed.worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data: m }) => {
      if (m.type === 'progress') { bar.value = m.fraction; label.textContent = m.label; return; }
      runBtn.disabled = false;
      worker.terminate();
      worker = null;
      if (m.type === 'error') { status.className = 'summary bad'; status.textContent = `Benchmark failed: ${m.message}`; return; }
      bar.value = 1;
      label.textContent = '';
      show(m);
    };
    worker.onerror = (e) => { runBtn.disabled = false; status.className = 'summary bad'; status.textContent = `Worker failed: ${e.message}`; };
    worker.postMessage({ count, rounds });
  });

  function show(m) {
    const wrong = m.results.filter((r) => r.invalid !== m.expectedInvalid);
    status.className = wrong.length ? 'summary bad' : 'summary good';
    status.dataset.done = '1';
    status.textContent = wrong.length
      ? `Verdicts disagree with the generator (${m.expectedInvalid} invalid expected): ${wrong.map((r) => `${r.label} found ${r.invalid}`).join('; ')}`
      : `${fmt.int(m.count)} events (${fmt.bytes(m.bytes)}), ${m.rounds} rounds: every method found the ${m.expectedInvalid} invalid events.`;
    chart.replaceChildren(barChart(m.results.map((r) => ({
      label: r.label,
      value: r.recordsPerSec,
      color: r.engine === 'ajv' ? '#9aa4b1' : '#2f6fd6',
      note: r.ratio ? `${fmt.num(r.ratio, 2)}× Ajv` : '',
    })), { valueLabel: (v) => `${fmt.int(v)} rec/s`, title: 'records per second (median)' }));
    table.replaceChildren(
      h('thead', {}, h('tr', {}, ['method', 'records/s', 'MB/s', 'vs Ajv', 'median ms', 'invalid found'].map((t) => h('th', {}, t)))),
      h('tbody', {}, m.results.map((r) => h('tr', { 'data-method': r.id, 'data-rps': Math.round(r.recordsPerSec), 'data-ratio': r.ratio ?? '' },
        h('td', {}, r.label), h('td', { class: 'num' }, fmt.int(r.recordsPerSec)), h('td', { class: 'num' }, fmt.num(r.mbPerSec)),
        h('td', { class: 'num' }, r.ratio ? `${fmt.num(r.ratio, 2)}×` : '—'), h('td', { class: 'num' }, fmt.num(r.ms, 1)),
        h('td', { class: 'num' }, String(r.invalid))))));
  }
}
