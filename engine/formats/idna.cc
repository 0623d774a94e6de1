// U-label validity: RFC 5891 section 4.2.3, the contextual rules of RFC 5892 appendix A, and the
// Bidi Rule of RFC 5893 section 2.
#include "formats/idna.h"

#include "formats/unicode_props.h"

namespace jsonsieve::formats::idna {
namespace {

using unicode::Bidi;
using unicode::Joining;
using unicode::lookup;
using unicode::Script;

// The table only describes characters allowed in U-labels; ASCII-only labels (which may hold
// upper-case letters) also take part in the Bidi Rule, so ASCII is classified here.
Bidi bidi_of(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return Bidi::kL;
  if (cp >= '0' && cp <= '9') return Bidi::kEN;
  return lookup(cp).bidi;
}

// A.1 ZERO WIDTH NON-JOINER and A.2 ZERO WIDTH JOINER.
bool context_j_holds(const Label& l, size_t i) {
  if (i > 0 && lookup(l.cp[i - 1]).is_virama) return true;
  if (l.cp[i] != 0x200C) return false;
  // (Joining_Type:{L,D})(Joining_Type:T)* ZWNJ (Joining_Type:T)*(Joining_Type:{R,D})
  size_t j = i;
  Joining before = Joining::kU;
  while (j > 0 && (before = lookup(l.cp[--j]).joining) == Joining::kT) {}
  if (before != Joining::kL && before != Joining::kD) return false;
  Joining after = Joining::kU;
  for (size_t k = i + 1; k < l.size; ++k) {
    after = lookup(l.cp[k]).joining;
    if (after != Joining::kT) break;
  }
  return after == Joining::kR || after == Joining::kD;
}

bool label_contains(const Label& l, char32_t first, char32_t last) {
  for (size_t k = 0; k < l.size; ++k) {
    if (l.cp[k] >= first && l.cp[k] <= last) return true;
  }
  return false;
}

// A.3 - A.9.
bool context_o_holds(const Label& l, size_t i) {
  char32_t cp = l.cp[i];
  if (cp == 0x00B7) {  // MIDDLE DOT: between two 'l' (Catalan ela geminada)
    return i > 0 && i + 1 < l.size && l.cp[i - 1] == 'l' && l.cp[i + 1] == 'l';
  }
  if (cp == 0x0375) {  // GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
    return i + 1 < l.size && lookup(l.cp[i + 1]).script == Script::kGreek;
  }
  if (cp == 0x05F3 || cp == 0x05F4) {  // HEBREW GERESH / GERSHAYIM: preceded by Hebrew
    return i > 0 && lookup(l.cp[i - 1]).script == Script::kHebrew;
  }
  if (cp == 0x30FB) {  // KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the label
    for (size_t k = 0; k < l.size; ++k) {
      if (lookup(l.cp[k]).script == Script::kHiraganaKatakanaHan) return true;
    }
    return false;
  }
  if (cp >= 0x0660 && cp <= 0x0669) return !label_contains(l, 0x06F0, 0x06F9);  // ARABIC-INDIC
  if (cp >= 0x06F0 && cp <= 0x06F9) return !label_contains(l, 0x0660, 0x0669);  // EXTENDED
  return false;
}

}  // namespace

bool is_valid_u_label(const Label& l) {
  if (l.size == 0) return false;
  if (l.size >= 4 && l.cp[2] == '-' && l.cp[3] == '-') return false;
  if (l.cp[0] == '-' || l.cp[l.size - 1] == '-') return false;
  if (lookup(l.cp[0]).is_mark) return false;
  for (size_t i = 0; i < l.size; ++i) {
    switch (lookup(l.cp[i]).idna) {
      case unicode::Idna::kPvalid:
        break;
      case unicode::Idna::kContextJ:
        if (!context_j_holds(l, i)) return false;
        break;
      case unicode::Idna::kContextO:
        if (!context_o_holds(l, i)) return false;
        break;
      case unicode::Idna::kDisallowed:
        return false;
    }
  }
  return true;
}

bool is_rtl_label(const Label& l) {
  for (size_t k = 0; k < l.size; ++k) {
    Bidi b = bidi_of(l.cp[k]);
    if (b == Bidi::kR || b == Bidi::kAL || b == Bidi::kAN) return true;
  }
  return false;
}

bool satisfies_bidi_rule(const Label& l) {
  if (l.size == 0) return false;
  Bidi first = bidi_of(l.cp[0]);
  bool rtl = first == Bidi::kR || first == Bidi::kAL;
  if (!rtl && first != Bidi::kL) return false;  // rule 1
  bool has_en = false, has_an = false;
  Bidi last = first;  // last character that is not NSM
  for (size_t k = 0; k < l.size; ++k) {
    Bidi b = bidi_of(l.cp[k]);
    switch (b) {
      case Bidi::kNSM:
        continue;
      case Bidi::kR:
      case Bidi::kAL:
      case Bidi::kAN:
        if (!rtl) return false;  // rule 5
        break;
      case Bidi::kL:
        if (rtl) return false;  // rule 2
        break;
      case Bidi::kOther:
        return false;  // rules 2 and 5
      case Bidi::kEN:
      case Bidi::kNeutral:
        break;
    }
    has_en |= b == Bidi::kEN;
    has_an |= b == Bidi::kAN;
    last = b;
  }
  if (rtl) {
    if (has_en && has_an) return false;  // rule 4
    return last == Bidi::kR || last == Bidi::kAL || last == Bidi::kEN || last == Bidi::kAN;  // rule 3
  }
  return last == Bidi::kL || last == Bidi::kEN;  // rule 6
}

}  // namespace jsonsieve::formats::idna
