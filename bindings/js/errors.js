// The error types a caller can tell apart. Bad schemas, malformed JSON and a failed instance are
// different outcomes; invalid data is not an error at all (it is a result with valid: false).

/** A schema did not compile: what is wrong and where in the schema. */
export class SchemaError extends Error {
  /**
   * @param {string} message
   * @param {{ schemaLocation?: string, schemaUri?: string, line?: number, column?: number, offset?: number }} [where]
   */
  constructor(message, where = {}) {
    super(message);
    this.name = 'SchemaError';
    /** JSON Pointer into the schema document ('' = the root). */
    this.schemaLocation = where.schemaLocation ?? '';
    /** URI of the schema resource where it happened ('' if none). */
    this.schemaUri = where.schemaUri ?? '';
    // When the schema text itself is not JSON: where the syntax error is (1-based, bytes).
    if (where.line !== undefined) {
      this.line = where.line;
      this.column = where.column;
      this.offset = where.offset;
    }
  }
}

/** JSON text that does not parse. Lines and columns are 1-based, columns and offset count UTF-8 bytes. */
export class JsonSyntaxError extends SyntaxError {
  /** @param {{ message: string, line: number, column: number, offset: number }} where */
  constructor({ message, line, column, offset }) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.line = line;
    this.column = column;
    this.offset = offset;
  }
}

/**
 * The WebAssembly instance trapped during the call (typically: out of memory). The module has
 * already been replaced by a fresh instance; schemas keep working (they recompile themselves).
 */
export class EngineAbortError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'EngineAbortError';
  }
}
