// JSON text → RapidJSON document with the engine's rules: bounded nesting depth (iterative
// parser, so hostile depth never recurses), full-precision numbers, UTF-8 validated, a leading
// BOM skipped, and errors located by byte offset, line and column.
#pragma once

#include <string_view>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::json {

inline constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                        rapidjson::kParseFullPrecisionFlag |
                                        rapidjson::kParseValidateEncodingFlag;

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

// 1-based line and column (in bytes) of a byte offset in `text`.
void locate(std::string_view text, size_t offset, size_t* line, size_t* column);

}  // namespace jsonsieve::json
