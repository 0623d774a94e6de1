// Playground: schema + data editors, validated as you type with the wasm engine on the main thread
// (a single document validates in well under a millisecond). Errors are listed with their
// locations; clicking one highlights the value in the data editor and the keyword in the schema.
import { SchemaError, JsonSyntaxError } from 'jsonsieve';
import { h, select } from '../lib/dom.js';
import { posFromLineByteColumn, valueRangeAt, pointerRange, fragmentPointer } from '../lib/json-locate.js';
import { createJsonEditor } from './editor.js';
import { EXAMPLES, exampleData } from './examples.js';
import { encodeShare, decodeShare } from './share.js';

export const DIALECTS = ['2020-12', '2019-09', 'draft-07', 'draft-06', 'draft-04'];

export function mountPlayground(root, sieve) {
  const exampleSel = select([['', '(your own)'], ...EXAMPLES.map((e) => [e.id, e.label])], { 'aria-label': 'Example', 'data-testid': 'example' });
  const dialectSel = select(DIALECTS.map((d) => [d, d]), { 'aria-label': 'Dialect', 'data-testid': 'dialect' });
  const formatsSel = select([['annotate', 'annotate only'], ['assert', 'assert']], { 'aria-label': 'Formats', 'data-testid': 'formats' });
  const shareBtn = h('button', { type: 'button', 'data-testid': 'share' }, 'Share as URL');
  const shareOut = h('input', { type: 'text', readonly: true, class: 'share-out', 'aria-label': 'Share link', 'data-testid': 'share-link', hidden: true });
  const status = h('div', { class: 'pg-status', role: 'status', 'data-testid': 'pg-status' });
  const errorBody = h('tbody');
  const errorTable = h('table', { class: 'pg-errors', 'data-testid': 'pg-errors' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Instance location'), h('th', {}, 'Keyword location'), h('th', {}, 'Message'))),
    errorBody);
  const schemaHost = h('div', { class: 'editor', 'data-testid': 'schema-editor' });
  const dataHost = h('div', { class: 'editor', 'data-testid': 'data-editor' });

  root.append(
    h('div', { class: 'pg-controls' },
      h('label', {}, 'Example ', exampleSel),
      h('label', { title: 'Used when the schema has no $schema' }, 'Dialect ', dialectSel),
      h('label', {}, 'format ', formatsSel),
      shareBtn, shareOut),
    h('div', { class: 'pg-editors' },
      h('div', { class: 'pg-pane' }, h('h3', {}, 'Schema'), schemaHost),
      h('div', { class: 'pg-pane' }, h('h3', {}, 'Data'), dataHost)),
    status,
    errorTable,
  );

  let timer = 0;
  let loading = false; // set while an example or shared state fills the editors
  const schedule = () => { clearTimeout(timer); timer = setTimeout(run, 120); };
  const edited = () => { if (!loading) exampleSel.value = ''; schedule(); };
  const schemaEd = createJsonEditor(schemaHost, { label: 'Schema editor', onChange: edited });
  const dataEd = createJsonEditor(dataHost, { label: 'Data editor', onChange: edited });
  dialectSel.addEventListener('change', schedule);
  formatsSel.addEventListener('change', schedule);

  let compiled = null; // { key, schema } | { key, error }

  function loadExample(ex) {
    loading = true;
    exampleSel.value = ex.id;
    dialectSel.value = ex.dialect ?? '2020-12';
    formatsSel.value = ex.formats ?? 'annotate';
    schemaEd.setText(ex.schema);
    dataEd.setText(exampleData(ex));
    loading = false;
    run();
  }
  exampleSel.addEventListener('change', () => {
    const ex = EXAMPLES.find((e) => e.id === exampleSel.value);
    if (ex) loadExample(ex);
  });

  function setStatus(kind, text) {
    status.className = `pg-status ${kind}`;
    status.textContent = text;
  }

  /** (Re)compiles only when the schema text or options changed. */
  function schemaFor(text, dialect, formats) {
    const key = `${dialect}\u0000${formats}\u0000${text}`;
    if (compiled?.key === key) return compiled;
    compiled?.schema?.dispose();
    try {
      compiled = { key, schema: sieve.compile(text, { dialect, formats }) };
    } catch (e) {
      if (!(e instanceof SchemaError || e instanceof JsonSyntaxError)) throw e;
      compiled = { key, error: e };
    }
    return compiled;
  }

  function schemaErrorRange(e) {
    const state = schemaEd.view.state;
    if (e.line > 0) return valueRangeAt(state, posFromLineByteColumn(state.doc, e.line, e.column));
    if (typeof e.schemaLocation === 'string') return pointerRange(state, e.schemaLocation);
    return null;
  }

  /** Where in the schema editor a validation error's keyword is, when it can be told. */
  function keywordRange(err) {
    const state = schemaEd.view.state;
    const abs = err.absoluteKeywordLocation ?? '';
    const hash = abs.indexOf('#');
    if (hash >= 0) {
      const base = abs.slice(0, hash);
      let rootId = '';
      try { rootId = String(JSON.parse(state.doc.toString()).$id ?? '').split('#')[0]; } catch { /* shown elsewhere */ }
      const pointer = fragmentPointer(abs.slice(hash));
      if (pointer !== null && (base === '' || base === rootId)) return pointerRange(state, pointer);
    }
    // keywordLocation follows $refs, so it is a document pointer only when it crossed none
    if (!/\$(dynamic|recursive)?[rR]ef/.test(err.keywordLocation)) return pointerRange(state, err.keywordLocation);
    return null;
  }

  function run() {
    clearTimeout(timer);
    const c = schemaFor(schemaEd.text, dialectSel.value, formatsSel.value);
    errorBody.replaceChildren();
    dataEd.mark([]);
    if (c.error) {
      const r = schemaErrorRange(c.error);
      schemaEd.mark(r ? [r] : [], r);
      const where = c.error.line > 0 ? `line ${c.error.line}, column ${c.error.column}`
        : `at ${c.error.schemaLocation === '' ? '(root)' : c.error.schemaLocation}`;
      setStatus('schema-error', `Schema error ${where}: ${c.error.message}`);
      return;
    }
    schemaEd.mark([]);
    let result;
    try {
      result = c.schema.validateJSON(dataEd.text);
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      const state = dataEd.view.state;
      const pos = posFromLineByteColumn(state.doc, e.line, e.column);
      const r = { from: pos, to: Math.min(state.doc.length, pos + 1) };
      dataEd.mark([r], r);
      setStatus('syntax-error', `Data is not JSON (line ${e.line}, column ${e.column}): ${e.message}`);
      return;
    }
    if (result.valid) {
      setStatus('valid', 'Valid ✓');
      return;
    }
    setStatus('invalid', `Invalid: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
    const state = dataEd.view.state;
    const ranges = result.errors.map((err) => err.line > 0
      ? valueRangeAt(state, posFromLineByteColumn(state.doc, err.line, err.column))
      : pointerRange(state, err.instanceLocation));
    dataEd.mark(ranges.filter(Boolean));
    result.errors.forEach((err, i) => {
      const row = h('tr', {
        tabindex: 0,
        class: 'pg-error',
        'data-line': err.line ?? '',
        'data-column': err.column ?? '',
        title: err.line > 0 ? `line ${err.line}, column ${err.column}` : '',
      },
      h('td', {}, h('code', {}, err.instanceLocation === '' ? '(root)' : err.instanceLocation)),
      h('td', {}, h('code', {}, err.keywordLocation)),
      h('td', {}, err.message));
      const pick = () => {
        for (const r of errorBody.children) r.classList.toggle('selected', r === row);
        dataEd.mark(ranges.filter(Boolean), ranges[i]);
        const k = keywordRange(err);
        schemaEd.mark([], k);
      };
      row.addEventListener('click', pick);
      row.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } });
      errorBody.append(row);
    });
  }

  shareBtn.addEventListener('click', async () => {
    const hash = await encodeShare({
      schema: schemaEd.text, data: dataEd.text, dialect: dialectSel.value, formats: formatsSel.value,
    });
    history.replaceState(null, '', hash);
    shareOut.hidden = false;
    shareOut.value = location.href;
    shareOut.select();
    navigator.clipboard?.writeText(location.href).catch(() => { /* the link is shown anyway */ });
  });

  async function init() {
    const shared = await decodeShare(location.hash);
    if (shared) {
      loading = true;
      dialectSel.value = DIALECTS.includes(shared.dialect) ? shared.dialect : '2020-12';
      formatsSel.value = shared.formats === 'assert' ? 'assert' : 'annotate';
      schemaEd.setText(shared.schema);
      dataEd.setText(shared.data);
      exampleSel.value = '';
      loading = false;
      run();
    } else {
      loadExample(EXAMPLES[0]);
    }
  }

  return {
    ready: init(),
    /** The schema the big-file panel validates against. */
    current: () => ({ schema: schemaEd.text, dialect: dialectSel.value, formats: formatsSel.value }),
    editors: { schema: schemaEd, data: dataEd },
  };
}
