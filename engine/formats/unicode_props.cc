#include "formats/unicode_props.h"

namespace jsonsieve::formats::unicode {
namespace {

struct Checkpoint {
  uint32_t first_cp;
  uint16_t offset;
};

#include "formats/unicode_props_data.inc"

Props unpack(uint16_t v) {
  return Props{static_cast<Idna>(v & 3),
               (v >> 2 & 1) != 0,
               (v >> 3 & 1) != 0,
               static_cast<Bidi>(v >> 4 & 7),
               static_cast<Joining>(v >> 7 & 7),
               static_cast<Script>(v >> 10 & 3)};
}

}  // namespace

Props lookup(char32_t cp) {
  // Last checkpoint whose run starts at or before cp.
  size_t lo = 0, hi = sizeof(kCheckpoints) / sizeof(kCheckpoints[0]);
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (kCheckpoints[mid].first_cp <= cp) lo = mid; else hi = mid;
  }
  uint32_t start = kCheckpoints[lo].first_cp;
  size_t i = kCheckpoints[lo].offset;
  while (i < sizeof(kRuns)) {
    uint8_t head = kRuns[i++];
    uint32_t length = 0;
    for (int shift = 0;; shift += 7) {
      uint8_t b = kRuns[i++];
      length |= uint32_t(b & 0x7F) << shift;
      if (b < 0x80) break;
    }
    if (cp < start + length) {
      bool alternate_off = (head & 0x80) && ((cp - start) & 1);
      return unpack(alternate_off ? 0 : kPalette[head & 0x7F]);
    }
    start += length;
  }
  return unpack(0);  // beyond U+10FFFF
}

}  // namespace jsonsieve::formats::unicode
