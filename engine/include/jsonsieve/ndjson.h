// jsonsieve — NDJSON batch validation (public C++ API).
//
// Validates a batch of newline-delimited JSON records (https://github.com/ndjson/ndjson-spec) in one
// call, so the native CLI and the wasm module share one implementation and the wasm boundary is
// crossed once per batch, not once per record.
//
//   jsonsieve::Validator validator(compiled.schema);
//   jsonsieve::NdjsonReport report = jsonsieve::validate_ndjson(validator, text);
//   for (const jsonsieve::NdjsonFailure& f : report.failures) print(f.line, ...);
//
// Rules:
// - Records are separated by "\n"; a "\r" before it (CRLF) is dropped. The last record needs no
//   line end (a stream passes only complete lines, then the remainder when it ends).
// - Lines holding only spaces, tabs or "\r" are skipped: they are not records and are not counted.
// - A UTF-8 byte order mark at the very start of the batch is skipped (when `skip_bom`); anywhere
//   else it is a malformed record.
// - A malformed record (ParseError) is reported and the following records are still checked.
// - Line numbers are 1-based and count every line (empty ones too), starting at `first_line`.
//   Columns are 1-based byte columns within the line. Offsets are 0-based bytes from the start of
//   the batch plus `first_offset`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve {

// What became of one line of a batch.
enum class LineVerdict : uint8_t { Empty = 0, Valid = 1, Invalid = 2, Malformed = 3 };

// One record that did not pass.
struct NdjsonFailure {
  size_t line = 0;     // line number (see the rules above)
  size_t offset = 0;   // byte offset where the line starts
  bool malformed = false;
  // When `malformed`: why the record is not JSON; `parse.line` is the record's line number,
  // `parse.column` the byte column within it, `parse.offset` the byte offset of the error from
  // the start of the batch (plus first_offset). The message names the same line and column.
  ParseError parse;
  // Otherwise: the record's validation result in the requested format. Every OutputUnit's
  // `line` is the record's line number and `column` is within that line. A failure that stopped
  // validation itself (evaluation depth) is in `result.failure` with line 0.
  ValidationResult result;
};

struct NdjsonOptions {
  size_t first_line = 1;    // number of the batch's first line (streams continue the count)
  size_t first_offset = 0;  // byte offset of the batch's first byte in the whole input
  bool skip_bom = true;     // skip a BOM at the start of the batch (only the first batch of a stream)
  OutputFormat format = OutputFormat::Basic;  // how failing records are reported
  bool annotations = false;                   // collect annotation units for failing records
  // Details are kept for at most this many failures (0 = all); later failures are counted only.
  size_t max_failures = 0;
  // If set, receives one verdict per line of the batch (index 0 = first_line), empty lines included.
  std::vector<LineVerdict>* verdicts = nullptr;
};

struct NdjsonReport {
  size_t lines = 0;      // lines seen, empty ones included
  size_t total = 0;      // records (non-empty lines) = valid + invalid + malformed
  size_t valid = 0;
  size_t invalid = 0;
  size_t malformed = 0;
  std::vector<NdjsonFailure> failures;  // in line order
  bool truncated = false;               // max_failures dropped some details
};

// Validates every record of `text`. Valid records cost one fast-path validation each; only
// failing records are validated again to collect their errors.
NdjsonReport validate_ndjson(Validator& validator, std::string_view text, const NdjsonOptions& options = {});

}  // namespace jsonsieve
