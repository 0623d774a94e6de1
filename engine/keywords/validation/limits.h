// Shared compile helper for count keywords (maxLength, minItems, ...).
#pragma once

#include <cmath>
#include <cstdint>

#include "keywords/factories.h"

namespace jsonsieve::keywords {

// Reads a non-negative integer (2.0 counts as 2). Reports a schema error otherwise.
inline bool read_count(KeywordCompiler& c, uint64_t* out) {
  const Json& v = c.value();
  if (v.IsUint64()) { *out = v.GetUint64(); return true; }
  if (v.IsNumber()) {
    double d = v.GetDouble();
    if (d >= 0 && std::floor(d) == d && d < 1.8e19) { *out = static_cast<uint64_t>(d); return true; }
  }
  c.error("must be a non-negative integer");
  return false;
}

}  // namespace jsonsieve::keywords
