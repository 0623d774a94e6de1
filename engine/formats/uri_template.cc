// uri-template: RFC 6570 section 2 (level 4 grammar).
#include "formats/checkers.h"
#include "formats/utf8.h"

namespace jsonsieve::formats {
namespace {

bool is_pct_encoded(std::string_view s, size_t i) {
  return i + 2 < s.size() && s[i] == '%' && is_hex_digit(s[i + 1]) && is_hex_digit(s[i + 2]);
}

// literals: any Unicode character except CTL, SP, DQUOTE, "%" (outside pct-encoded), "<", ">",
// "\", "^", "`", "{", "|", "}". The apostrophe is accepted: the ABNF's omission of %x27 is at odds
// with it being a sub-delim elsewhere in the RFC, and the JSON Schema test suite expects it valid.
bool is_literal_ascii(char c) {
  if (c <= 0x20 || c == 0x7F) return false;
  switch (c) {
    case '"': case '%': case '<': case '>': case '\\': case '^': case '`': case '{': case '|': case '}':
      return false;
    default:
      return true;
  }
}

// varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded
bool parse_varname(std::string_view s, size_t& pos) {
  bool need_char = true;  // at the start and after "."
  size_t start = pos;
  while (pos < s.size()) {
    char c = s[pos];
    if (is_alpha(c) || is_digit(c) || c == '_') {
      ++pos;
    } else if (is_pct_encoded(s, pos)) {
      pos += 3;
    } else if (c == '.' && !need_char) {
      ++pos;
      need_char = true;
      continue;
    } else {
      break;
    }
    need_char = false;
  }
  return pos > start && !need_char;
}

// expression = "{" [ operator ] variable-list "}"; pos is just after "{", left after "}".
bool parse_expression(std::string_view s, size_t& pos) {
  // op-level2 / op-level3. The reserved operators "=" "," "!" "@" "|" have no expansion defined,
  // so a template using them cannot be processed: rejected.
  if (pos < s.size()) {
    switch (s[pos]) {
      case '+': case '#': case '.': case '/': case ';': case '?': case '&':
        ++pos;
    }
  }
  while (true) {
    if (!parse_varname(s, pos)) return false;
    // modifier-level4 = prefix / explode; prefix = ":" max-length (1-9999, no leading zero)
    if (pos < s.size() && s[pos] == '*') {
      ++pos;
    } else if (pos < s.size() && s[pos] == ':') {
      size_t start = ++pos;
      while (pos < s.size() && is_digit(s[pos])) ++pos;
      if (pos == start || pos - start > 4 || s[start] == '0') return false;
    }
    if (pos >= s.size()) return false;
    char c = s[pos++];
    if (c == '}') return true;
    if (c != ',') return false;
  }
}

}  // namespace

bool is_uri_template(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    char c = s[pos];
    if (c == '{') {
      ++pos;
      if (!parse_expression(s, pos)) return false;
    } else if (is_pct_encoded(s, pos)) {
      pos += 3;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      char32_t cp;
      if (!next_code_point(s, pos, cp) || !(is_ucschar(cp) || is_iprivate(cp))) return false;
    } else if (is_literal_ascii(c)) {
      ++pos;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace jsonsieve::formats
