// uuid: the string representation of RFC 4122 section 3 (8-4-4-4-12 hex digits, either case).
// Version and variant nibbles are not restricted: the format names the syntax, not a generator.
#include "formats/checkers.h"

namespace jsonsieve::formats {

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? s[i] != '-' : !is_hex_digit(s[i])) return false;
  }
  return true;
}

}  // namespace jsonsieve::formats
