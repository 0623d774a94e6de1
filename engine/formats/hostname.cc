// hostname: RFC 1123 section 2.1 labels (letters, digits, hyphens; 1-63 octets; no leading or
// trailing hyphen; 253 octets in all). Labels starting "xn--" must be valid A-labels (RFC 5890).
// idn-hostname: RFC 5890-5893. Labels may be U-labels; "." and its ideographic / fullwidth /
// halfwidth forms separate labels (RFC 3490 section 3.1); lengths apply to the A-label form.
#include "formats/checkers.h"
#include "formats/idna.h"
#include "formats/utf8.h"

namespace jsonsieve::formats {
namespace {

enum class Syntax {
  kHostname,     // ASCII only; reserved "??--" labels other than "xn--" are plain RFC 1123 labels
  kIdnHostname,  // U-labels allowed, four label separators
  kIdnEmail,     // U-labels allowed, only "." separates labels (RFC 6531 sub-domain)
};

constexpr size_t kMaxLabelOctets = 63;
constexpr size_t kMaxNameOctets = 253;  // 255 on the wire, less the length and root octets

bool is_ldh(char c) { return is_alpha(c) || is_digit(c) || c == '-'; }

bool equals_ignoring_ascii_case(std::string_view a, const char* b, size_t b_len) {
  if (a.size() != b_len) return false;
  for (size_t k = 0; k < b_len; ++k) {
    char x = a[k], y = b[k];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Checks one label and converts it to code points (A-labels decoded) for the Bidi Rule.
// ace_octets receives the length of the label's ASCII form.
bool check_label(std::string_view text, Syntax syntax, idna::Label& label, size_t& ace_octets) {
  label.size = 0;
  if (text.empty()) return false;
  bool ascii = true;
  for (char c : text) ascii &= static_cast<unsigned char>(c) < 0x80;

  if (ascii) {
    if (text.size() > kMaxLabelOctets) return false;
    for (char c : text) {
      if (!is_ldh(c)) return false;
    }
    if (text.front() == '-' || text.back() == '-') return false;
    ace_octets = text.size();
    if (text.size() >= 4 && text[2] == '-' && text[3] == '-') {
      if ((text[0] == 'x' || text[0] == 'X') && (text[1] == 'n' || text[1] == 'N')) {
        // A-label: must decode to a valid U-label that encodes back to exactly this label.
        std::string_view encoded = text.substr(4);
        if (!idna::punycode_decode(encoded, label)) return false;
        bool has_non_ascii = false;
        for (size_t k = 0; k < label.size; ++k) has_non_ascii |= label.cp[k] >= 0x80;
        if (!has_non_ascii || !idna::is_valid_u_label(label)) return false;
        char again[kMaxLabelOctets];
        size_t n = idna::punycode_encode(label, again, sizeof(again));
        return n != 0 && equals_ignoring_ascii_case(encoded, again, n);
      }
      // Other "Reserved LDH labels" are not valid in IDNA (RFC 5890 section 2.3.1).
      if (syntax != Syntax::kHostname) return false;
    }
    for (char c : text) label.cp[label.size++] = static_cast<unsigned char>(c);
    return true;
  }

  if (syntax == Syntax::kHostname) return false;
  // U-label. More than 63 code points can never fit 63 octets once encoded.
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    if (label.size >= idna::Label::kCapacity || !next_code_point(text, i, cp)) return false;
    label.cp[label.size++] = cp;
  }
  if (!idna::is_valid_u_label(label)) return false;
  char encoded[kMaxLabelOctets - 4];
  size_t n = idna::punycode_encode(label, encoded, sizeof(encoded));
  if (n == 0) return false;
  ace_octets = 4 + n;
  return true;
}

// Calls visit(label_text) for each label; separators per syntax. Returns false early if visit does.
template <typename Visit>
bool for_each_label(std::string_view s, Syntax syntax, Visit visit) {
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '.') {
      ++i;
    } else if (syntax == Syntax::kIdnHostname && c >= 0x80) {
      char32_t cp;
      if (!next_code_point(s, i, cp)) return false;
      // IDEOGRAPHIC FULL STOP, FULLWIDTH FULL STOP, HALFWIDTH IDEOGRAPHIC FULL STOP
      if (cp != 0x3002 && cp != 0xFF0E && cp != 0xFF61) continue;
    } else {
      ++i;
      continue;
    }
    if (!visit(s.substr(start, at - start))) return false;
    start = i;
  }
  return visit(s.substr(start));
}

bool check_domain(std::string_view s, Syntax syntax) {
  size_t total = 0;
  bool bidi_domain = false;
  idna::Label label;
  bool ok = for_each_label(s, syntax, [&](std::string_view text) {
    size_t ace_octets = 0;
    if (!check_label(text, syntax, label, ace_octets)) return false;
    total += (total == 0 ? 0 : 1) + ace_octets;
    bidi_domain |= idna::is_rtl_label(label);
    return true;
  });
  if (!ok || total > kMaxNameOctets) return false;
  if (!bidi_domain) return true;
  // RFC 5893: in a domain with a right-to-left label, every label must satisfy the Bidi Rule.
  return for_each_label(s, syntax, [&](std::string_view text) {
    size_t ace_octets = 0;
    return check_label(text, syntax, label, ace_octets) && idna::satisfies_bidi_rule(label);
  });
}

}  // namespace

bool is_hostname(std::string_view s) { return check_domain(s, Syntax::kHostname); }
bool is_idn_hostname(std::string_view s) { return check_domain(s, Syntax::kIdnHostname); }
bool is_idn_email_domain(std::string_view s) { return check_domain(s, Syntax::kIdnEmail); }

}  // namespace jsonsieve::formats
