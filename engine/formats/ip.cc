// ipv4: dotted-quad of RFC 2673 section 3.2 (decimal, no leading zeros, each part 0-255).
// ipv6: the text forms of RFC 4291 section 2.2, without zone index or prefix length.
#include "formats/checkers.h"

namespace jsonsieve::formats {

bool is_ipv4(std::string_view s) {
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= s.size() || s[pos] != '.') return false;
      ++pos;
    }
    size_t start = pos;
    int value = 0;
    while (pos < s.size() && is_digit(s[pos]) && pos - start < 3) value = value * 10 + (s[pos++] - '0');
    size_t len = pos - start;
    if (len == 0 || value > 255 || (len > 1 && s[start] == '0')) return false;
  }
  return pos == s.size();
}

bool is_ipv6(std::string_view s) {
  int groups = 0;           // 16-bit groups seen, an embedded IPv4 counts for two
  bool compressed = false;  // "::" seen
  size_t pos = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    compressed = true;
    pos = 2;
    if (pos == s.size()) return true;  // "::"
  } else if (!s.empty() && s[0] == ':') {
    return false;
  }
  while (true) {
    size_t start = pos;
    while (pos < s.size() && is_hex_digit(s[pos]) && pos - start < 5) ++pos;
    if (pos < s.size() && s[pos] == '.') {
      // Trailing IPv4 part: must end the address and fit in the remaining two groups.
      if (!is_ipv4(s.substr(start))) return false;
      groups += 2;
      break;
    }
    size_t len = pos - start;
    if (len == 0 || len > 4) return false;
    ++groups;
    if (pos == s.size()) break;
    if (s[pos] != ':') return false;
    ++pos;
    if (pos < s.size() && s[pos] == ':') {
      if (compressed) return false;
      compressed = true;
      ++pos;
      if (pos == s.size()) break;  // trailing "::"
    } else if (pos == s.size()) {
      return false;  // trailing single ":"
    }
  }
  // "::" stands for at least one group of zeros.
  return compressed ? groups <= 7 : groups == 8;
}

}  // namespace jsonsieve::formats
