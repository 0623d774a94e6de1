// The code point sets behind ECMA-262 class escapes and classes. Internal to engine/regex; shared by
// the RE2 translation and the fast matcher so both read \d \s \w identically.
#ifndef JSONSIEVE_REGEX_CLASS_SETS_H_
#define JSONSIEVE_REGEX_CLASS_SETS_H_

#include <string>

#include "regex/code_point_set.h"
#include "regex/ecma_ast.h"

namespace jsonsieve::regex {

// \d \D \s \S \w \W. With ignore_case, \w also holds U+017F and U+212A (ECMA-262 u+i
// WordCharacters: they case-fold to 's' and 'k'), so \W excludes them.
CodePointSet escape_set(char escape, bool ignore_case);

// Explicit code points of a binary property (Any, ASCII, or one small enough to be tabulated).
// False when it has none here (Assigned, Alphabetic, ...).
bool binary_property_set(const std::string& canonical, CodePointSet* out);

// The code points a class matches, negation applied, when every item is a range, a class escape or a
// tabulated binary property. False when an item needs RE2's Unicode tables (\p{L}, \p{Greek}, ...).
bool class_set(const ecma::CharClass& cls, bool ignore_case, CodePointSet* out);

}  // namespace jsonsieve::regex

#endif  // JSONSIEVE_REGEX_CLASS_SETS_H_
