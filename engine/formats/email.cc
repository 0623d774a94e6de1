// email: the Mailbox of RFC 5321 section 4.1.2 (Local-part "@" ( Domain / address-literal )).
// idn-email: RFC 6531 section 3.3, which adds UTF8-non-ascii to atext and qtextSMTP and U-labels
// to sub-domains.
#include "formats/checkers.h"
#include "formats/utf8.h"

namespace jsonsieve::formats {
namespace {

constexpr size_t kMaxLocalPartOctets = 64;  // RFC 5321 section 4.5.3.1.1

bool is_atext(char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  for (char special : std::string_view("!#$%&'*+-/=?^_`{|}~")) {
    if (c == special) return true;
  }
  return false;
}

// Consumes one UTF8-non-ascii character (RFC 6532) at s[pos] when idn allows it.
bool consume_non_ascii(std::string_view s, size_t& pos, bool idn) {
  char32_t cp;
  return idn && static_cast<unsigned char>(s[pos]) >= 0x80 && next_code_point(s, pos, cp);
}

// Local-part = Dot-string / Quoted-string; leaves pos on the character after it.
bool parse_local_part(std::string_view s, size_t& pos, bool idn) {
  if (pos < s.size() && s[pos] == '"') {
    // Quoted-string = DQUOTE *QcontentSMTP DQUOTE
    for (++pos; pos < s.size();) {
      char c = s[pos];
      if (c == '"') {
        ++pos;
        return true;
      }
      if (c == '\\') {  // quoted-pairSMTP = %d92 %d32-126
        if (pos + 1 >= s.size() || s[pos + 1] < 32 || s[pos + 1] > 126) return false;
        pos += 2;
      } else if (c >= 32 && c <= 126) {  // qtextSMTP: %d32-33 / %d35-91 / %d93-126
        ++pos;
      } else if (!consume_non_ascii(s, pos, idn)) {
        return false;
      }
    }
    return false;
  }
  // Dot-string = Atom *("." Atom)
  while (true) {
    size_t atom_start = pos;
    while (pos < s.size()) {
      if (is_atext(s[pos])) {
        ++pos;
      } else if (static_cast<unsigned char>(s[pos]) < 0x80 || !consume_non_ascii(s, pos, idn)) {
        break;
      }
    }
    if (pos == atom_start) return false;
    if (pos >= s.size() || s[pos] != '.') return true;
    ++pos;
  }
}

// address-literal = "[" ( IPv4-address-literal / IPv6-address-literal / General-address-literal ) "]"
bool is_address_literal(std::string_view inner) {
  if (is_ipv4(inner)) return true;
  size_t colon = inner.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view tag = inner.substr(0, colon), content = inner.substr(colon + 1);
  if (tag.size() == 4 && (tag[0] == 'I' || tag[0] == 'i') && (tag[1] == 'P' || tag[1] == 'p') &&
      (tag[2] == 'v' || tag[2] == 'V') && tag[3] == '6') {
    return is_ipv6(content);
  }
  // General-address-literal = Standardized-tag ":" 1*dcontent; Standardized-tag = Ldh-str
  for (char c : tag) {
    if (!is_alpha(c) && !is_digit(c) && c != '-') return false;
  }
  if (tag.back() == '-' || content.empty()) return false;
  for (char c : content) {
    if (c < 33 || c > 126 || (c >= 91 && c <= 93)) return false;  // dcontent = %d33-90 / %d94-126
  }
  return true;
}

bool is_mailbox(std::string_view s, bool idn) {
  size_t pos = 0;
  if (!parse_local_part(s, pos, idn) || pos > kMaxLocalPartOctets) return false;
  if (pos >= s.size() || s[pos] != '@') return false;
  std::string_view domain = s.substr(pos + 1);
  if (!domain.empty() && domain.front() == '[') {
    return domain.size() >= 2 && domain.back() == ']' && is_address_literal(domain.substr(1, domain.size() - 2));
  }
  return idn ? is_idn_email_domain(domain) : is_hostname(domain);
}

}  // namespace

bool is_email(std::string_view s) { return is_mailbox(s, false); }
bool is_idn_email(std::string_view s) { return is_mailbox(s, true); }

}  // namespace jsonsieve::formats
