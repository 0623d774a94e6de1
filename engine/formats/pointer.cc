// json-pointer: RFC 6901 section 3. relative-json-pointer: draft-handrews-relative-json-pointer-01
// section 3 (non-negative-integer followed by "#" or a JSON Pointer).
#include "formats/checkers.h"

namespace jsonsieve::formats {

// json-pointer = *( "/" reference-token ); "~" must be followed by "0" or "1". Every other
// character is allowed: the value is already JSON-unescaped.
bool is_json_pointer(std::string_view s) {
  if (!s.empty() && s[0] != '/') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

// relative-json-pointer = non-negative-integer ( "#" / json-pointer )
// non-negative-integer  = "0" / %x31-39 *DIGIT
bool is_relative_json_pointer(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || (i > 1 && s[0] == '0')) return false;
  std::string_view rest = s.substr(i);
  return rest == "#" || is_json_pointer(rest);
}

}  // namespace jsonsieve::formats
