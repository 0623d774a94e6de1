// Syntax tree of an ECMA-262 regular expression parsed with the u flag, and the parser that builds
// it. Internal to engine/regex: ecma_to_re2.cc translates the tree, fast_matcher.cc recognises the
// simple shapes it can run without RE2.
//
// The parser accepts exactly the ECMA-262 (2025) Pattern grammar in Unicode mode, including its
// early errors: lookaround, backreferences (\1, \k<name>), named groups (duplicates only in
// different alternatives), modifiers (?ims-ims:...), \p{...}. Annex B extensions do not apply in
// Unicode mode and are rejected (\a, \-, lone ']' '{' '}', {,5}, quantified lookahead, ...).
#ifndef JSONSIEVE_REGEX_ECMA_AST_H_
#define JSONSIEVE_REGEX_ECMA_AST_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jsonsieve::regex::ecma {

enum class NodeKind : uint8_t {
  kDisjunction,    // kids: alternatives (each a kSequence)
  kSequence,       // kids: terms, matched in order
  kChar,           // one code point (cp)
  kDot,            // '.'
  kClass,          // [...], \d, \p{..} ... (class_index)
  kAssertion,      // ^ $ \b \B
  kLookaround,     // (?= (?! (?<= (?<!   kids[0]: body
  kGroup,          // ( ), (?: ), (?<name> )   kids[0]: body
  kModifierGroup,  // (?ims-ims: )   kids[0]: body
  kBackreference,  // \1, \k<name>
  kRepeat,         // kids[0] quantified by {min,max}
};

enum class AssertionKind : uint8_t { kStart, kEnd, kWordBoundary, kNotWordBoundary };
enum class LookKind : uint8_t { kAhead, kNegativeAhead, kBehind, kNegativeBehind };

// Regular expression flags that modifier groups can switch.
enum Flag : uint8_t { kIgnoreCase = 1, kMultiline = 2, kDotAll = 4 };

inline constexpr uint64_t kUnbounded = UINT64_MAX;

struct PropertyRef {
  enum class Type : uint8_t { kGeneralCategory, kScript, kScriptExtensions, kBinary };
  Type type = Type::kGeneralCategory;
  // The value's canonical spelling: "Lu", "Greek", "ASCII_Hex_Digit".
  std::string canonical;
  std::string source;  // as written, for messages: "Script=Grek"
};

struct ClassItem {
  enum class Kind : uint8_t { kRange, kEscape, kProperty };
  Kind kind = Kind::kRange;
  uint32_t lo = 0, hi = 0;  // kRange, inclusive; may include surrogates
  char escape = 0;          // kEscape: one of d D s S w W
  bool negated = false;     // kProperty: \P
  PropertyRef property;     // kProperty
  size_t offset = 0;        // where the item starts in the pattern
};

struct CharClass {
  bool negated = false;  // [^...]
  std::vector<ClassItem> items;
};

struct Node {
  NodeKind kind = NodeKind::kSequence;
  size_t offset = 0;   // byte offset of the construct in the pattern
  uint8_t flags = 0;   // Flag bits in effect here
  std::vector<int> kids;
  uint32_t cp = 0;                 // kChar
  int class_index = -1;            // kClass
  AssertionKind assertion{};       // kAssertion
  LookKind look{};                 // kLookaround
  bool capturing = false;          // kGroup
  std::string name;                // kGroup: group name; kBackreference: \k<name>
  uint8_t add_flags = 0;           // kModifierGroup
  uint8_t remove_flags = 0;        // kModifierGroup
  uint32_t backref_number = 0;     // kBackreference by number (0 when by name)
  uint64_t min = 0, max = 0;       // kRepeat; max may be kUnbounded; saturates at UINT64_MAX - 1
  bool greedy = true;              // kRepeat
};

struct Ast {
  std::vector<Node> nodes;
  std::vector<CharClass> classes;
  int root = -1;
  int capture_count = 0;
};

struct ParseError {
  std::string detail;  // what is wrong, with the construct and its offset
  size_t offset = 0;
};

// Parses `pattern` (UTF-8; a lone surrogate may appear in its 3-byte WTF-8 form). Returns false and
// fills *error when it is not a valid ECMA-262 u-flag pattern, or nests deeper than kMaxDepth.
inline constexpr int kMaxDepth = 200;
bool parse(std::string_view pattern, Ast* ast, ParseError* error);

}  // namespace jsonsieve::regex::ecma

#endif  // JSONSIEVE_REGEX_ECMA_AST_H_
