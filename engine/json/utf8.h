// UTF-8 validation of whole inputs (RFC 3629: no overlong forms, no surrogates, nothing past
// U+10FFFF), run once before parsing instead of RapidJSON's per-character check inside every
// string (kParseValidateEncodingFlag), which was ~20% of is_valid_text on the bench workloads.
#pragma once

#include <cstddef>
#include <string_view>

namespace jsonsieve::json {

// Offset of the first byte of the first ill-formed sequence, or std::string_view::npos.
size_t invalid_utf8_offset(std::string_view text);

}  // namespace jsonsieve::json
