// RFC 3492 Punycode, the Bootstring parameters of section 5.
#include <cstdint>

#include "formats/idna.h"

namespace jsonsieve::formats::idna {
namespace {

constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr uint32_t kInitialBias = 72, kInitialN = 0x80;

uint32_t adapt(uint32_t delta, uint32_t num_points, bool first_time) {
  delta = first_time ? delta / kDamp : delta / 2;
  delta += delta / num_points;
  uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
}

uint32_t threshold(uint32_t k, uint32_t bias) {
  return k <= bias ? kTMin : k >= bias + kTMax ? kTMax : k - bias;
}

// Digit value of an encoded character, or kBase if it is not a digit (either case accepted).
uint32_t digit_value(char c) {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '0' && c <= '9') return c - '0' + 26;
  return kBase;
}

char digit_char(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

}  // namespace

bool punycode_decode(std::string_view in, Label& out) {
  out.size = 0;
  size_t delimiter = in.rfind('-');
  size_t b = delimiter == std::string_view::npos ? 0 : delimiter;
  if (b > Label::kCapacity) return false;
  for (size_t j = 0; j < b; ++j) {
    if (static_cast<unsigned char>(in[j]) >= 0x80) return false;
    out.cp[out.size++] = static_cast<unsigned char>(in[j]);
  }
  uint32_t n = kInitialN, i = 0, bias = kInitialBias;
  for (size_t pos = delimiter == std::string_view::npos ? 0 : delimiter + 1; pos < in.size();) {
    uint32_t old_i = i, w = 1;
    for (uint32_t k = kBase;; k += kBase) {
      if (pos >= in.size()) return false;
      uint32_t digit = digit_value(in[pos++]);
      if (digit >= kBase) return false;
      if (digit > (UINT32_MAX - i) / w) return false;
      i += digit * w;
      uint32_t t = threshold(k, bias);
      if (digit < t) break;
      if (w > UINT32_MAX / (kBase - t)) return false;
      w *= kBase - t;
    }
    uint32_t count = static_cast<uint32_t>(out.size) + 1;
    bias = adapt(i - old_i, count, old_i == 0);
    if (i / count > 0x10FFFF - n) return false;
    n += i / count;
    i %= count;
    if (n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF) || out.size >= Label::kCapacity) return false;
    for (size_t j = out.size; j > i; --j) out.cp[j] = out.cp[j - 1];
    out.cp[i++] = n;
    ++out.size;
  }
  return true;
}

size_t punycode_encode(const Label& label, char* out, size_t capacity) {
  size_t len = 0;
  for (size_t j = 0; j < label.size; ++j) {
    if (label.cp[j] < 0x80) {
      if (len >= capacity) return 0;
      out[len++] = static_cast<char>(label.cp[j]);
    }
  }
  uint32_t h = static_cast<uint32_t>(len), b = h;
  if (b > 0) {
    if (len >= capacity) return 0;
    out[len++] = '-';
  }
  uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  while (h < label.size) {
    uint32_t m = UINT32_MAX;
    for (size_t j = 0; j < label.size; ++j) {
      if (label.cp[j] >= n && label.cp[j] < m) m = label.cp[j];
    }
    if ((m - n) > (UINT32_MAX - delta) / (h + 1)) return 0;
    delta += (m - n) * (h + 1);
    n = m;
    for (size_t j = 0; j < label.size; ++j) {
      if (label.cp[j] < n && ++delta == 0) return 0;
      if (label.cp[j] != n) continue;
      uint32_t q = delta;
      for (uint32_t k = kBase;; k += kBase) {
        uint32_t t = threshold(k, bias);
        if (q < t) break;
        if (len >= capacity) return 0;
        out[len++] = digit_char(t + (q - t) % (kBase - t));
        q = (q - t) / (kBase - t);
      }
      if (len >= capacity) return 0;
      out[len++] = digit_char(q);
      bias = adapt(delta, h + 1, h == b);
      delta = 0;
      ++h;
    }
    ++delta;
    ++n;
  }
  return len;
}

}  // namespace jsonsieve::formats::idna
