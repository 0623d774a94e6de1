// Big files: drop or choose a JSON/NDJSON file; a Web Worker validates it against the playground's
// current schema while this panel shows progress, MB/s, records/s and the invalid records.
import { h, fmt } from '../lib/dom.js';

export function mountBigFile(root, playground) {
  const input = h('input', { type: 'file', accept: '.json,.ndjson,.jsonl,application/json,application/x-ndjson', 'data-testid': 'file-input' });
  const drop = h('div', { class: 'dropzone', 'data-testid': 'dropzone', tabindex: 0 },
    h('p', {}, h('strong', {}, 'Drop a .json or .ndjson file here'), ' or ', h('label', { class: 'file-label' }, 'choose one', input)),
    h('p', { class: 'hint' }, 'Validated in a Web Worker against the Playground\u2019s schema. The file never leaves this browser.'));
  const bar = h('progress', { max: 1, value: 0, 'data-testid': 'file-progress' });
  const cancel = h('button', { type: 'button', disabled: true }, 'Cancel');
  const stats = h('div', { class: 'stats', 'data-testid': 'file-stats' });
  const summary = h('div', { class: 'summary', role: 'status', 'data-testid': 'file-summary' });
  const list = h('ol', { class: 'invalid-list', 'data-testid': 'file-invalid' });
  const more = h('p', { class: 'hint' });
  root.append(drop, h('div', { class: 'progress-row' }, bar, cancel), stats, summary, list, more);

  let worker = null;
  let shown = 0;

  function stop() {
    worker?.terminate();
    worker = null;
    cancel.disabled = true;
  }
  cancel.addEventListener('click', () => { stop(); summary.textContent = 'Cancelled.'; });

  function showStats(file, m) {
    const s = Math.max(m.ms, 1) / 1000;
    bar.value = file.size ? m.bytes / file.size : 1;
    stats.replaceChildren(
      h('span', {}, `${fmt.bytes(m.bytes)} of ${fmt.bytes(file.size)}`),
      h('span', { 'data-testid': 'file-mbps' }, `${fmt.num(m.bytes / 1048576 / s)} MB/s`),
      h('span', { 'data-testid': 'file-rps' }, `${fmt.int(m.records / s)} records/s`),
      h('span', {}, `${fmt.int(m.records)} records, ${fmt.int(m.invalid)} invalid`));
  }

  function showInvalid(items) {
    for (const it of items) {
      shown++;
      const errs = it.malformed
        ? [h('li', { class: 'malformed' }, `malformed JSON: ${it.malformed}`)]
        : it.errors.map((e) => h('li', {}, h('code', {}, e.instanceLocation || '(root)'), ' ', h('code', { class: 'kw' }, e.keywordLocation), ' ', e.message));
      list.append(h('li', { 'data-line': it.line }, h('strong', {}, `line ${it.line}`), h('ul', {}, errs)));
    }
  }

  function start(file) {
    stop();
    list.replaceChildren();
    more.textContent = '';
    shown = 0;
    summary.className = 'summary';
    delete summary.dataset.records;
    delete summary.dataset.invalid;
    summary.textContent = `Validating ${file.name}…`;
    const { schema, dialect, formats } = playground.current();
    worker = new Worker(new URL('./bigfile.worker.js', import.meta.url), { type: 'module' });
    cancel.disabled = false;
    worker.onmessage = ({ data: m }) => {
      if (m.type === 'progress') showStats(file, m);
      else if (m.type === 'invalid') showInvalid(m.items);
      else if (m.type === 'error') { summary.className = 'summary bad'; summary.textContent = `Error: ${m.message}`; stop(); }
      else if (m.type === 'done') {
        showStats(file, m);
        summary.className = m.invalid ? 'summary bad' : 'summary good';
        summary.textContent = `${file.name}: ${fmt.int(m.records)} record${m.records === 1 ? '' : 's'}, ${fmt.int(m.invalid)} invalid, in ${fmt.num(m.ms / 1000, 2)} s`;
        summary.dataset.records = m.records;
        summary.dataset.invalid = m.invalid;
        if (m.invalid > shown) more.textContent = `Listed ${fmt.int(shown)} of ${fmt.int(m.invalid)} invalid records.`;
        stop();
      }
    };
    worker.onerror = (e) => { summary.className = 'summary bad'; summary.textContent = `Worker failed: ${e.message}`; stop(); };
    worker.postMessage({ file, schema, dialect, formats });
  }

  input.addEventListener('change', () => { if (input.files?.[0]) start(input.files[0]); input.value = ''; });
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) start(file);
  });
}
