// Finds JSON values inside a CodeMirror document, for highlighting errors.
// Two ways in: a (line, column) from jsonsieve (1-based, column in UTF-8 bytes — the engine's
// ParseError/OutputUnit convention), or a JSON Pointer walked over the Lezer JSON syntax tree.
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';

const VALUE_TYPES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

function treeOf(state) {
  return ensureSyntaxTree(state, state.doc.length, 500) ?? syntaxTree(state);
}

/** Document offset of a 1-based line and 1-based UTF-8 byte column (clamped to the line). */
export function posFromLineByteColumn(doc, line, byteColumn) {
  if (!(line >= 1)) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  let bytes = 0;
  let i = 0;
  const target = Math.max(0, (byteColumn || 1) - 1);
  while (i < l.text.length && bytes < target) {
    const cp = l.text.codePointAt(i);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  return l.from + i;
}

/** The range of the JSON value that starts at `pos` (or the character there if none does). */
export function valueRangeAt(state, pos) {
  let node = treeOf(state).resolveInner(pos, 1);
  let best = null;
  for (let n = node; n; n = n.parent) {
    if (n.from !== pos) break;
    if (VALUE_TYPES.has(n.name)) best = n;
  }
  if (best) return { from: best.from, to: best.to };
  return { from: pos, to: Math.min(state.doc.length, pos + 1) };
}

function unescapePointerToken(t) {
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueChildren(node) {
  const out = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (VALUE_TYPES.has(c.name)) out.push(c);
  return out;
}

/**
 * The range of the value a JSON Pointer ("" = root, "/a/0") designates, or of the deepest
 * existing ancestor when the pointer runs past the document (e.g. a missing property).
 * Returns null when the document has no parsable root value.
 */
export function pointerRange(state, pointer) {
  const tree = treeOf(state);
  const doc = state.doc;
  let node = valueChildren(tree.topNode)[0];
  if (!node) return null;
  const tokens = pointer === '' ? [] : pointer.split('/').slice(1).map(unescapePointerToken);
  for (const token of tokens) {
    let next = null;
    if (node.name === 'Object') {
      for (let p = node.firstChild; p && !next; p = p.nextSibling) {
        if (p.name !== 'Property') continue;
        const nameNode = p.getChild('PropertyName');
        if (!nameNode) continue;
        let name;
        try { name = JSON.parse(doc.sliceString(nameNode.from, nameNode.to)); } catch { continue; }
        if (name === token) next = valueChildren(p)[0] ?? null;
      }
    } else if (node.name === 'Array' && /^(0|[1-9][0-9]*)$/.test(token)) {
      next = valueChildren(node)[Number(token)] ?? null;
    }
    if (!next) break;
    node = next;
  }
  return { from: node.from, to: node.to };
}

/** The JSON Pointer in a URI fragment ("#/a%20b/0" → "/a b/0"), or null if it is not one. */
export function fragmentPointer(fragment) {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f !== '' && !f.startsWith('/')) return null; // a plain-name anchor, not a pointer
  try { return decodeURIComponent(f); } catch { return null; }
}
