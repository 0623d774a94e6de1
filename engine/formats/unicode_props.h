// Unicode properties needed to validate IDNA2008 U-labels (RFC 5891-5893), from a compact
// generated table (unicode_props_data.inc, ~4.6 KB; regenerate with tools/gen_unicode_props.py).
// Internal to engine/formats.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jsonsieve::formats::unicode {

// RFC 5892 derived property. Unassigned code points report kDisallowed.
enum class Idna : uint8_t { kDisallowed = 0, kPvalid = 1, kContextJ = 2, kContextO = 3 };

// Bidi_Class grouped the way RFC 5893 uses it. kNeutral = ES, CS, ET, ON or BN (allowed in both
// left-to-right and right-to-left labels); kOther = any class the Bidi Rule never allows.
enum class Bidi : uint8_t { kL = 0, kR = 1, kAL = 2, kAN = 3, kEN = 4, kNSM = 5, kNeutral = 6, kOther = 7 };

// Joining_Type (U = Non_Joining), for the ZERO WIDTH NON-JOINER rule (RFC 5892 A.1).
enum class Joining : uint8_t { kU = 0, kL = 1, kD = 2, kR = 3, kT = 4, kC = 5 };

// The Script values the CONTEXTO rules ask about; Hiragana, Katakana and Han share one value
// because only "any of the three" is ever asked (RFC 5892 A.7).
enum class Script : uint8_t { kOther = 0, kGreek = 1, kHebrew = 2, kHiraganaKatakanaHan = 3 };

// Properties of one code point. Everything but `idna` is only meaningful when idna is not
// kDisallowed (the table does not store properties of code points that can never be in a label).
struct Props {
  Idna idna;
  bool is_mark;    // General_Category Mn, Mc or Me
  bool is_virama;  // Canonical_Combining_Class = 9
  Bidi bidi;
  Joining joining;
  Script script;
};

// cp must be <= 0x10FFFF.
Props lookup(char32_t cp);

}  // namespace jsonsieve::formats::unicode
