// IDNA2008 label checks (RFC 5891 section 4.2.3, RFC 5892 appendix A, RFC 5893) and the Punycode
// transform of RFC 3492. Internal to engine/formats; hostname.cc builds the domain-level checks.
#pragma once

#include <cstddef>
#include <string_view>

namespace jsonsieve::formats::idna {

// A label as code points. 63 is enough: a longer label can never fit the 63-octet limit on its
// ASCII (A-label) form, so callers reject it before filling this.
struct Label {
  static constexpr size_t kCapacity = 63;
  char32_t cp[kCapacity];
  size_t size = 0;
};

// True if label is a valid U-label apart from NFC and the Bidi Rule: no "--" in positions 3-4, no
// leading or trailing hyphen, no leading combining mark, every code point PVALID or a CONTEXTJ /
// CONTEXTO code point whose contextual rule holds.
bool is_valid_u_label(const Label& label);

// True if the label contains a right-to-left character (Bidi_Class R, AL or AN): a domain with
// such a label is a "Bidi domain name", whose every label must satisfy the Bidi Rule.
bool is_rtl_label(const Label& label);

// RFC 5893 section 2, rules 1-6. ASCII letters of either case count as L.
bool satisfies_bidi_rule(const Label& label);

// RFC 3492 decoding of the part of an A-label after "xn--". False on malformed input, overflow,
// a result that is not a Unicode scalar value, or more than Label::kCapacity code points.
bool punycode_decode(std::string_view in, Label& out);

// RFC 3492 encoding of label into out[0..capacity). Returns the encoded length, or 0 if it would
// not fit (or the label is empty).
size_t punycode_encode(const Label& label, char* out, size_t capacity);

}  // namespace jsonsieve::formats::idna
