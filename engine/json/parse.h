// JSON text → RapidJSON document with the engine's rules: bounded nesting depth (iterative
// parser, so hostile depth never recurses), exact numbers, UTF-8 validated, a leading BOM
// skipped, text after a NUL byte not ignored, duplicate keys rejected ("duplicate key \"k\"" at
// the second occurrence), and errors located by byte offset, line and column.
#pragma once

#include <string>
#include <string_view>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::json {

// Numbers arrive as text and are converted by the engine (exact 64-bit integers, correctly
// rounded doubles): RapidJSON 1.1.0's full-precision conversion misreads or crashes on extreme
// numbers. The Locator (api/validator.cc) re-parses with the same flags.
// UTF-8 is checked once over the whole input before parsing (json/utf8.h), not by RapidJSON
// character by character (kParseValidateEncodingFlag): same verdicts, a fifth of the cost.
// Not RAPIDJSON_SSE2: RapidJSON 1.1.0's SSE2 string scanner lets the control characters
// 0x1A-0x1F through (the json_parse fuzz target found it within seconds).
inline constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                        rapidjson::kParseNumbersAsStringsFlag;

// A document whose parse stack also lives in a pool: with a reused buffer, warm parses
// do not touch the heap at all.
using PooledDocument = rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<>,
                                                  rapidjson::MemoryPoolAllocator<>>;

// Parses `text` into `doc` (its allocator is reused). On failure fills *error.
bool parse(std::string_view text, rapidjson::Document* doc, ParseError* error,
           const Limits& limits);
// `scratch` also holds the parser's own stack.
bool parse(std::string_view text, PooledDocument* doc, ParseError* error, const Limits& limits,
           rapidjson::MemoryPoolAllocator<>* scratch);

// For other RapidJSON passes over text that parse() accepted (the Locator): `text` with the
// finite numbers RapidJSON's reader refuses on its own (0e400) masked by a same-length 0, or ""
// when there are none.
std::string mask_refused_numbers(std::string_view text);

// 1-based line and column (in bytes) of a byte offset in `text`.
void locate(std::string_view text, size_t offset, size_t* line, size_t* column);

}  // namespace jsonsieve::json
