// A CodeMirror 6 JSON editor with two kinds of marks: every located error (wavy underline) and
// the one the user picked (highlighted, scrolled into view).
import { basicSetup } from 'codemirror';
import { EditorView, Decoration } from '@codemirror/view';
import { StateEffect, StateField } from '@codemirror/state';
import { json } from '@codemirror/lang-json';

const setMarks = StateEffect.define(); // { errors: [{from, to}], focus: {from, to} | null }

const marksField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const ranges = [];
      for (const r of e.value.errors) {
        if (r.to > r.from) ranges.push(Decoration.mark({ class: 'cm-sieve-error' }).range(r.from, r.to));
      }
      const f = e.value.focus;
      if (f && f.to > f.from) ranges.push(Decoration.mark({ class: 'cm-sieve-focus' }).range(f.from, f.to));
      deco = Decoration.set(ranges, true);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
  '.cm-sieve-error': { textDecoration: 'underline wavy #d33', textDecorationSkipInk: 'none' },
  '.cm-sieve-focus': { backgroundColor: '#ffd54f88', outline: '1px solid #e0a800' },
});

/** Creates an editor in `parent`; `onChange(text)` runs after every document change. */
export function createJsonEditor(parent, { doc = '', onChange, label }) {
  const view = new EditorView({
    parent,
    doc,
    extensions: [
      basicSetup,
      json(),
      marksField,
      theme,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((u) => { if (u.docChanged) onChange?.(u.state.doc.toString()); }),
    ],
  });
  return {
    view,
    get text() { return view.state.doc.toString(); },
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Underlines `errors` and highlights `focus` ({from, to} ranges); scrolls to focus. */
    mark(errors, focus = null) {
      const effects = [setMarks.of({ errors, focus })];
      if (focus) effects.push(EditorView.scrollIntoView(focus.from, { y: 'center' }));
      view.dispatch({ effects, selection: focus ? { anchor: focus.from } : undefined });
    },
  };
}
