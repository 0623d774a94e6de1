// Strict UTF-8 decoding for the format checkers. Internal to engine/formats.
#pragma once

#include <cstddef>
#include <string_view>

namespace jsonsieve::formats {

// Decodes the code point starting at s[i] into cp and advances i past it. Returns false (leaving i
// unspecified) on malformed input: truncated or overlong sequences, surrogates, values > U+10FFFF.
inline bool next_code_point(std::string_view s, size_t& i, char32_t& cp) {
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    ++i;
    return true;
  }
  int extra;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, min = 0x80, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, min = 0x800, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, min = 0x10000, cp = b0 & 0x07;
  } else {
    return false;
  }
  if (s.size() - i <= static_cast<size_t>(extra)) return false;
  for (int k = 1; k <= extra; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  i += extra + 1;
  return cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
}

}  // namespace jsonsieve::formats
