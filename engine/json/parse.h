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

// Parses `text` into `doc` (its allocator is reused). On failure fills *error.
bool parse(std::string_view text, rapidjson::Document* doc, ParseError* error,
           const Limits& limits);

// 1-based line and column (in bytes) of a byte offset in `text`.
void locate(std::string_view text, size_t offset, size_t* line, size_t* column);

}  // namespace jsonsieve::json
