// uri, uri-reference: RFC 3986 section 3 and 4.1. iri, iri-reference: RFC 3987 section 2.2, which
// adds ucschar to the unreserved characters and iprivate to the query.
#include "formats/checkers.h"
#include "formats/utf8.h"

namespace jsonsieve::formats {

bool is_ucschar(char32_t cp) {
  if (cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)) return false;
  if (cp >= 0xA0 && cp <= 0xD7FF) return true;
  if (cp >= 0xF900 && cp <= 0xFDCF) return true;
  if (cp >= 0xFDF0 && cp <= 0xFFEF) return true;
  // %x10000-1FFFD / %x20000-2FFFD / ... / %xD0000-DFFFD / %xE1000-EFFFD
  if (cp >= 0x10000 && cp <= 0xEFFFD && (cp & 0xFFFF) <= 0xFFFD) return cp < 0xE0000 || cp >= 0xE1000;
  return false;
}

bool is_iprivate(char32_t cp) {
  return (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xF0000 && cp <= 0xFFFFD) || (cp >= 0x100000 && cp <= 0x10FFFD);
}

namespace {

bool is_unreserved(char c) { return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~'; }

bool is_sub_delim(char c) {
  switch (c) {
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

enum class Part { kUserinfo, kRegName, kPath, kQuery, kFragment };

// True if s is a sequence of the characters allowed in the given part: unreserved, pct-encoded,
// sub-delims, plus ":" "@" "/" "?" as the grammar allows, plus ucschar (and iprivate in the
// query) for IRIs.
bool is_valid_part(std::string_view s, Part part, bool iri) {
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (is_unreserved(c) || is_sub_delim(c)) {
      ++i;
    } else if (c == '%') {
      if (i + 2 >= s.size() || !is_hex_digit(s[i + 1]) || !is_hex_digit(s[i + 2])) return false;
      i += 3;
    } else if (c == ':') {
      if (part == Part::kRegName) return false;
      ++i;
    } else if (c == '@') {
      if (part == Part::kUserinfo || part == Part::kRegName) return false;
      ++i;
    } else if (c == '/' || c == '?') {
      if (part != Part::kQuery && part != Part::kFragment && !(c == '/' && part == Part::kPath)) return false;
      ++i;
    } else if (iri && static_cast<unsigned char>(c) >= 0x80) {
      char32_t cp;
      if (!next_code_point(s, i, cp)) return false;
      if (!is_ucschar(cp) && !(part == Part::kQuery && is_iprivate(cp))) return false;
    } else {
      return false;
    }
  }
  return true;
}

// IP-literal = "[" ( IPv6address / IPvFuture ) "]";  IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
bool is_ip_literal(std::string_view inner) {
  if (!inner.empty() && (inner[0] == 'v' || inner[0] == 'V')) {
    size_t i = 1;
    while (i < inner.size() && is_hex_digit(inner[i])) ++i;
    if (i == 1 || i >= inner.size() || inner[i] != '.' || i + 1 == inner.size()) return false;
    for (++i; i < inner.size(); ++i) {
      if (!is_unreserved(inner[i]) && !is_sub_delim(inner[i]) && inner[i] != ':') return false;
    }
    return true;
  }
  return is_ipv6(inner);
}

// authority = [ userinfo "@" ] host [ ":" port ]
bool is_valid_authority(std::string_view a, bool iri) {
  size_t at = a.find('@');
  if (at != std::string_view::npos) {
    if (!is_valid_part(a.substr(0, at), Part::kUserinfo, iri)) return false;
    a = a.substr(at + 1);
  }
  std::string_view host = a, port;
  if (!a.empty() && a[0] == '[') {
    size_t close = a.find(']');
    if (close == std::string_view::npos || !is_ip_literal(a.substr(1, close - 1))) return false;
    host = a.substr(0, close + 1);
    port = a.substr(close + 1);
    if (!port.empty() && port[0] != ':') return false;
  } else {
    size_t colon = a.find(':');
    if (colon != std::string_view::npos) {
      host = a.substr(0, colon);
      port = a.substr(colon);
    }
    // IPv4address is a subset of reg-name, so the reg-name rule covers both.
    if (!is_valid_part(host, Part::kRegName, iri)) return false;
  }
  for (size_t i = 1; i < port.size(); ++i) {  // port = *DIGIT
    if (!is_digit(port[i])) return false;
  }
  return true;
}

// URI-reference = URI / relative-ref; require_scheme selects URI alone.
bool is_valid_reference(std::string_view s, bool iri, bool require_scheme) {
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), terminated by ":"
  bool has_scheme = false;
  if (!s.empty() && is_alpha(s[0])) {
    size_t i = 1;
    while (i < s.size() && (is_alpha(s[i]) || is_digit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
    if (i < s.size() && s[i] == ':') {
      has_scheme = true;
      s = s.substr(i + 1);
    }
  }
  if (require_scheme && !has_scheme) return false;

  size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    if (!is_valid_part(s.substr(hash + 1), Part::kFragment, iri)) return false;
    s = s.substr(0, hash);
  }
  size_t question = s.find('?');
  if (question != std::string_view::npos) {
    if (!is_valid_part(s.substr(question + 1), Part::kQuery, iri)) return false;
    s = s.substr(0, question);
  }
  // hier-part / relative-part
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    size_t slash = s.find('/', 2);
    if (slash == std::string_view::npos) slash = s.size();
    if (!is_valid_authority(s.substr(2, slash - 2), iri)) return false;
    s = s.substr(slash);  // path-abempty
  } else if (!has_scheme) {
    // path-noscheme: the first segment cannot contain ":" (it would read as a scheme).
    size_t first_end = s.find('/');
    if (s.substr(0, first_end).find(':') != std::string_view::npos) return false;
  }
  return is_valid_part(s, Part::kPath, iri);
}

}  // namespace

bool is_uri(std::string_view s) { return is_valid_reference(s, false, true); }
bool is_uri_reference(std::string_view s) { return is_valid_reference(s, false, false); }
bool is_iri(std::string_view s) { return is_valid_reference(s, true, true); }
bool is_iri_reference(std::string_view s) { return is_valid_reference(s, true, false); }

}  // namespace jsonsieve::formats
