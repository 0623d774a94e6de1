// NdjsonSplitter: the transformer behind schema.ndjsonStream(). Each chunk's complete lines go to
// the engine as one batch; the bytes after the chunk's last "\n" wait for the next chunk. Memory
// is one chunk plus the longest line, whatever the stream's length.
import { LINE } from './engine.js';

const NEWLINE = 0x0a;

class NdjsonSplitter {
  #schema;
  #output;
  #carry = new Uint8Array(0);  // the unfinished line (its bytes are in carry[0, carried))
  #carried = 0;
  #line = 1;                   // number of the next batch's first line
  #offset = 0;                 // byte offset of the next batch's first byte

  constructor(schema, output) {
    this.#schema = schema;
    this.#output = output;
  }

  transform(chunk, controller) {
    const bytes = toBytes(chunk);
    const last = bytes.lastIndexOf(NEWLINE);
    if (last < 0) {
      this.#keep(bytes);
      return;
    }
    const head = bytes.subarray(0, last + 1);
    const parts = this.#carried > 0 ? [this.#carry.subarray(0, this.#carried), head] : [head];
    this.#run(parts, controller);
    this.#carried = 0;
    this.#keep(bytes.subarray(last + 1));
  }

  flush(controller) {
    if (this.#carried > 0) this.#run([this.#carry.subarray(0, this.#carried)], controller);
    this.#carried = 0;
    this.#carry = new Uint8Array(0);
  }

  // Appends to the unfinished line, doubling its buffer so long lines are not quadratic.
  #keep(bytes) {
    if (bytes.length === 0) return;
    const needed = this.#carried + bytes.length;
    if (needed > this.#carry.length) {
      const grown = new Uint8Array(Math.max(needed, this.#carry.length * 2, 1024));
      grown.set(this.#carry.subarray(0, this.#carried));
      this.#carry = grown;
    }
    this.#carry.set(bytes, this.#carried);
    this.#carried = needed;
  }

  #run(parts, controller) {
    let length = 0;
    for (const p of parts) length += p.length;
    const { report, verdicts, failures } = this.#schema.ndjsonBatch(parts, this.#line, this.#offset, this.#output);
    let next = 0;
    for (let i = 0; i < verdicts.length; i++) {
      const verdict = verdicts[i];
      if (verdict === LINE.EMPTY) continue;
      if (verdict === LINE.VALID) {
        controller.enqueue({ line: this.#line + i, valid: true, malformed: false, errors: [] });
      } else {
        controller.enqueue({ valid: false, ...failures[next++] });
      }
    }
    this.#line += report.lines;
    this.#offset += length;
  }
}

function toBytes(chunk) {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError('jsonsieve: ndjsonStream() takes Uint8Array chunks');
}

/** @internal See Schema#ndjsonStream. */
export function createNdjsonStream(schema, output) {
  return new TransformStream(new NdjsonSplitter(schema, output));
}
