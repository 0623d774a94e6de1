// ECMA-262 Pattern grammar, Unicode mode (the grammar of ECMA-262 2025, section 22.2.1, with the
// [+UnicodeMode] parameter set and no Annex B), and its early errors.
#include <re2/re2.h>

#include <cstdio>
#include <utility>

#include "regex/ecma_ast.h"
#include "regex/unicode_tables.h"

namespace jsonsieve::regex::ecma {
namespace {

constexpr uint32_t kEof = 0xFFFFFFFFu;

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }
bool is_lead(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool is_trail(uint32_t cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }
bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(uint32_t c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
uint32_t hex_value(uint32_t c) {
  return is_digit(c) ? c - '0' : (c >= 'a' ? c - 'a' + 10 : c - 'A' + 10);
}
bool is_syntax_char(uint32_t c) {
  switch (c) {
    case '^': case '$': case '\\': case '.': case '*': case '+': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}': case '|':
      return true;
    default:
      return false;
  }
}

void append_utf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes UTF-8, also accepting surrogates in their 3-byte form (WTF-8), as a JSON string with a
// lone "\ud800" escape may produce. A lead surrogate followed by a trail surrogate becomes one code
// point, as it would in the UTF-16 source text ECMA-262 reads patterns from.
bool decode(std::string_view s, std::vector<uint32_t>* cps, std::vector<size_t>* offsets,
            size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b0 = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t len;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      cp = b0 & 0x1F;
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      cp = b0 & 0x0F;
      len = 3;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      cp = b0 & 0x07;
      len = 4;
    } else {
      *bad_offset = i;
      return false;
    }
    if (i + len > s.size()) {
      *bad_offset = i;
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      const unsigned char b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) {
        *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (b & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF) {
      *bad_offset = i;
      return false;
    }
    if (is_trail(cp) && !cps->empty() && is_lead(cps->back()) &&
        offsets->back() + 3 == i) {  // WTF-8 pair written as two 3-byte sequences
      cps->back() = 0x10000 + ((cps->back() - 0xD800) << 10) + (cp - 0xDC00);
    } else {
      cps->push_back(cp);
      offsets->push_back(i);
    }
    i += len;
  }
  return true;
}

std::string describe_cp(uint32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return std::string(1, static_cast<char>(cp));
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

// UnicodeIDStart / UnicodeIDContinue for group names. ASCII is exact; beyond ASCII the categories
// that define ID_Start (L, Nl, Other_ID_Start) and ID_Continue (+ Mn, Mc, Nd, Pc,
// Other_ID_Continue) are taken from RE2's tables.
bool unicode_id(uint32_t cp, bool start) {
  if (cp < 0x80) {
    if (is_ascii_letter(cp) || cp == '$' || cp == '_') return true;
    return !start && is_digit(cp);
  }
  if (!start && (cp == 0x200C || cp == 0x200D)) return true;
  static const RE2* const id_start =
      new RE2("[\\p{L}\\p{Nl}\\x{1885}\\x{1886}\\x{2118}\\x{212E}\\x{309B}\\x{309C}]");
  static const RE2* const id_continue = new RE2(
      "[\\p{L}\\p{Nl}\\x{1885}\\x{1886}\\x{2118}\\x{212E}\\x{309B}\\x{309C}\\p{Mn}\\p{Mc}"
      "\\p{Nd}\\p{Pc}\\x{B7}\\x{387}\\x{1369}-\\x{1371}\\x{19DA}]");
  if (is_surrogate(cp)) return false;
  std::string utf8;
  append_utf8(cp, &utf8);
  return RE2::FullMatch(utf8, start ? *id_start : *id_continue);
}

class Parser {
 public:
  Parser(std::string_view src, Ast* ast) : src_(src), ast_(ast) {}

  bool run(ParseError* error) {
    size_t bad = 0;
    if (!decode(src_, &cps_, &offsets_, &bad)) {
      error->detail = "invalid UTF-8 at offset " + std::to_string(bad);
      error->offset = bad;
      return false;
    }
    int root = -1;
    bool ok = disjunction(0, &root);
    if (ok && peek() == ')') ok = fail("unmatched ')'", pos_);
    if (ok) ok = check_references();
    if (!ok) {
      *error = error_;
      return false;
    }
    ast_->root = root;
    return true;
  }

 private:
  struct NamedGroup {
    std::string name;
    size_t offset;
    std::vector<std::pair<int, int>> path;  // (disjunction id, alternative index) from the root
  };
  struct NamedReference {
    std::string name;
    size_t offset;
  };

  uint32_t peek(size_t k = 0) const {
    return pos_ + k < cps_.size() ? cps_[pos_ + k] : kEof;
  }
  size_t offset_of(size_t index) const {
    return index < offsets_.size() ? offsets_[index] : src_.size();
  }
  // The pattern text from code point index `from` up to the current position.
  std::string text_from(size_t from) const {
    const size_t a = offset_of(from), b = offset_of(pos_);
    return std::string(src_.substr(a, b - a));
  }
  bool fail(const std::string& what, size_t index) {
    error_.offset = offset_of(index);
    error_.detail = what + " at offset " + std::to_string(error_.offset);
    return false;
  }
  // Failure with the construct quoted: "<what> '<text>' at offset N<why>".
  bool fail_at(const std::string& what, size_t from, const std::string& why = "") {
    std::string text = text_from(from);
    if (text.empty() && from < cps_.size()) append_utf8(cps_[from], &text);
    error_.offset = offset_of(from);
    error_.detail = what + " '" + text + "' at offset " + std::to_string(error_.offset) + why;
    return false;
  }

  int new_node(NodeKind kind, size_t index) {
    Node n;
    n.kind = kind;
    n.offset = offset_of(index);
    n.flags = flags_;
    ast_->nodes.push_back(std::move(n));
    return static_cast<int>(ast_->nodes.size()) - 1;
  }
  Node& node(int i) { return ast_->nodes[static_cast<size_t>(i)]; }

  bool disjunction(int depth, int* out) {
    const int id = next_disjunction_id_++;
    const int n = new_node(NodeKind::kDisjunction, pos_);
    for (int alt = 0;; ++alt) {
      path_.emplace_back(id, alt);
      int seq = -1;
      const bool ok = alternative(depth, &seq);
      path_.pop_back();
      if (!ok) return false;
      node(n).kids.push_back(seq);
      if (peek() != '|') break;
      ++pos_;
    }
    *out = n;
    return true;
  }

  bool alternative(int depth, int* out) {
    const int seq = new_node(NodeKind::kSequence, pos_);
    while (peek() != kEof && peek() != '|' && peek() != ')') {
      int t = -1;
      if (!term(depth, &t)) return false;
      node(seq).kids.push_back(t);
    }
    *out = seq;
    return true;
  }

  // In Unicode mode assertions (lookarounds included) cannot be quantified.
  bool no_quantifier(size_t assertion_start) {
    const uint32_t c = peek();
    if (c == '*' || c == '+' || c == '?' || c == '{')
      return fail_at("nothing to repeat: quantifier after assertion", assertion_start,
                     " (assertions cannot be quantified in Unicode mode)");
    return true;
  }

  bool term(int depth, int* out) {
    const size_t start = pos_;
    const uint32_t c = peek();
    if (c == '^' || c == '$') {
      ++pos_;
      *out = new_node(NodeKind::kAssertion, start);
      node(*out).assertion = c == '^' ? AssertionKind::kStart : AssertionKind::kEnd;
      return no_quantifier(start);
    }
    if (c == '\\' && (peek(1) == 'b' || peek(1) == 'B')) {
      pos_ += 2;
      *out = new_node(NodeKind::kAssertion, start);
      node(*out).assertion = cps_[start + 1] == 'b' ? AssertionKind::kWordBoundary
                                                     : AssertionKind::kNotWordBoundary;
      return no_quantifier(start);
    }
    if (c == '(' && peek(1) == '?') {
      const uint32_t c2 = peek(2);
      const bool behind = c2 == '<' && (peek(3) == '=' || peek(3) == '!');
      if (c2 == '=' || c2 == '!' || behind) {
        LookKind look;
        if (behind)
          look = peek(3) == '=' ? LookKind::kBehind : LookKind::kNegativeBehind;
        else
          look = c2 == '=' ? LookKind::kAhead : LookKind::kNegativeAhead;
        pos_ += behind ? 4 : 3;
        int body = -1;
        if (!group_body(start, depth, &body)) return false;
        *out = new_node(NodeKind::kLookaround, start);
        node(*out).look = look;
        node(*out).kids.push_back(body);
        return no_quantifier(start);
      }
    }
    int atom_node = -1;
    if (!atom(depth, &atom_node)) return false;
    return quantifier(atom_node, start, out);
  }

  // Parses "Disjunction )" after an opening construct that began at `open`.
  bool group_body(size_t open, int depth, int* body) {
    if (depth + 1 > kMaxDepth)
      return fail("groups nested deeper than " + std::to_string(kMaxDepth), open);
    if (!disjunction(depth + 1, body)) return false;
    if (peek() != ')') return fail("unterminated group (missing ')' for the '(' at offset " +
                                       std::to_string(offset_of(open)) + ")",
                                   pos_);
    ++pos_;
    return true;
  }

  // DecimalDigits, saturating; `digits` keeps the text (without leading zeros) for exact compares.
  bool decimal(uint64_t* value, std::string* digits) {
    if (!is_digit(peek())) return false;
    *value = 0;
    digits->clear();
    while (is_digit(peek())) {
      const uint32_t d = peek() - '0';
      if (!(digits->empty() && d == 0)) digits->push_back(static_cast<char>('0' + d));
      if (*value > (UINT64_MAX - 1 - d) / 10)
        *value = UINT64_MAX - 1;
      else
        *value = *value * 10 + d;
      ++pos_;
    }
    return true;
  }
  static bool digits_greater(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return a.size() > b.size();
    return a > b;
  }

  bool quantifier(int atom_node, size_t start, int* out) {
    const size_t qstart = pos_;
    uint64_t min = 0, max = 0;
    switch (peek()) {
      case '*': min = 0; max = kUnbounded; ++pos_; break;
      case '+': min = 1; max = kUnbounded; ++pos_; break;
      case '?': min = 0; max = 1; ++pos_; break;
      case '{': {
        ++pos_;
        std::string lo_digits, hi_digits;
        if (!decimal(&min, &lo_digits)) {
          pos_ = qstart + 1;
          return fail_at("incomplete quantifier", qstart,
                         " ('{' must be escaped as \\{ in Unicode mode)");
        }
        if (peek() == '}') {
          max = min;
        } else if (peek() == ',') {
          ++pos_;
          if (peek() == '}') {
            max = kUnbounded;
          } else if (!decimal(&max, &hi_digits)) {
            return fail_at("incomplete quantifier", qstart,
                           " ('{' must be escaped as \\{ in Unicode mode)");
          } else if (digits_greater(lo_digits, hi_digits)) {
            if (peek() == '}') ++pos_;
            return fail_at("numbers out of order in quantifier", qstart);
          }
        }
        if (peek() != '}')
          return fail_at("incomplete quantifier", qstart,
                         " ('{' must be escaped as \\{ in Unicode mode)");
        ++pos_;
        break;
      }
      default:
        *out = atom_node;
        return true;
    }
    bool greedy = true;
    if (peek() == '?') {
      greedy = false;
      ++pos_;
    }
    *out = new_node(NodeKind::kRepeat, start);
    Node& n = node(*out);
    n.min = min;
    n.max = max;
    n.greedy = greedy;
    n.kids.push_back(atom_node);
    return true;
  }

  bool atom(int depth, int* out) {
    const size_t start = pos_;
    const uint32_t c = peek();
    switch (c) {
      case '.':
        ++pos_;
        *out = new_node(NodeKind::kDot, start);
        return true;
      case '(':
        return group(depth, out);
      case '[':
        return char_class(out);
      case '\\':
        return atom_escape(out);
      case '*': case '+': case '?':
        ++pos_;
        return fail_at("nothing to repeat: quantifier", start, " has no preceding atom");
      case '{':
        ++pos_;
        return fail_at("lone quantifier bracket", start,
                       " (write \\{ for a literal brace in Unicode mode)");
      case '}': case ']':
        ++pos_;
        return fail_at("lone bracket", start, " (write \\" + describe_cp(c) +
                                                  " for a literal bracket in Unicode mode)");
      default:
        ++pos_;
        *out = new_node(NodeKind::kChar, start);
        node(*out).cp = c;
        return true;
    }
  }

  bool group(int depth, int* out) {
    const size_t start = pos_;
    bool capturing = true;
    std::string name;
    uint8_t add = 0, remove = 0;
    bool modifiers = false;
    if (peek(1) != '?') {
      pos_ += 1;
    } else if (peek(2) == ':') {
      pos_ += 3;
      capturing = false;
    } else if (peek(2) == '<') {
      pos_ += 3;
      if (!group_name(&name)) return false;
    } else if (peek(2) == 'i' || peek(2) == 'm' || peek(2) == 's' || peek(2) == '-') {
      pos_ += 2;
      if (!modifier_flags(start, &add, &remove)) return false;
      capturing = false;
      modifiers = true;
    } else {
      pos_ += 2;
      if (peek() != kEof) ++pos_;
      return fail_at("invalid group", start,
                     " (ECMA-262 groups are (...), (?:...), (?<name>...), (?=...), (?!...), "
                     "(?<=...), (?<!...) and (?ims-ims:...))");
    }
    if (capturing) {
      ++ast_->capture_count;
      if (!name.empty()) named_groups_.push_back({name, offset_of(start), path_});
    }
    const uint8_t saved_flags = flags_;
    flags_ = static_cast<uint8_t>((flags_ | add) & ~remove);
    int body = -1;
    const bool ok = group_body(start, depth, &body);
    flags_ = saved_flags;
    if (!ok) return false;
    *out = new_node(modifiers ? NodeKind::kModifierGroup : NodeKind::kGroup, start);
    Node& n = node(*out);
    n.capturing = capturing;
    n.name = std::move(name);
    n.add_flags = add;
    n.remove_flags = remove;
    n.kids.push_back(body);
    return true;
  }

  // After "(?": RegularExpressionModifiers [- RegularExpressionModifiers] ":".
  bool modifier_flags(size_t start, uint8_t* add, uint8_t* remove) {
    uint8_t* target = add;
    bool dash = false;
    for (;;) {
      const uint32_t c = peek();
      uint8_t bit = 0;
      if (c == 'i') bit = kIgnoreCase;
      else if (c == 'm') bit = kMultiline;
      else if (c == 's') bit = kDotAll;
      if (bit != 0) {
        ++pos_;
        if ((*add & bit) || (*remove & bit))
          return fail_at("repeated flag in modifier group", start);
        *target |= bit;
        continue;
      }
      if (c == '-' && !dash) {
        ++pos_;
        dash = true;
        target = remove;
        continue;
      }
      if (c == ':') {
        ++pos_;
        if (dash && *add == 0 && *remove == 0)
          return fail_at("empty modifier group", start);
        return true;
      }
      if (c != kEof) ++pos_;
      return fail_at("invalid modifier group", start,
                     " (only i, m and s can be set or cleared, as (?ims-ims:...))");
    }
  }

  // RegExpUnicodeEscapeSequence[+UnicodeMode], the position after "\u".
  bool unicode_escape(size_t start, uint32_t* cp) {
    if (peek() == '{') {
      ++pos_;
      uint64_t v = 0;
      bool any = false;
      while (is_hex(peek())) {
        v = v * 16 + hex_value(peek());
        if (v > 0x10FFFF) v = 0x110000;
        any = true;
        ++pos_;
      }
      if (!any || peek() != '}') return fail_at("invalid Unicode escape", start);
      ++pos_;
      if (v > 0x10FFFF)
        return fail_at("Unicode escape out of range", start, " (the maximum is \\u{10FFFF})");
      *cp = static_cast<uint32_t>(v);
      return true;
    }
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      if (!is_hex(peek())) return fail_at("invalid Unicode escape", start,
                                          " (expected \\uXXXX or \\u{X...})");
      v = v * 16 + hex_value(peek());
      ++pos_;
    }
    // A lead surrogate escape followed by a trail surrogate escape is one code point.
    if (is_lead(v) && peek() == '\\' && peek(1) == 'u' && is_hex(peek(2)) && is_hex(peek(3)) &&
        is_hex(peek(4)) && is_hex(peek(5))) {
      uint32_t t = 0;
      for (int k = 2; k < 6; ++k) t = t * 16 + hex_value(peek(static_cast<size_t>(k)));
      if (is_trail(t)) {
        pos_ += 6;
        v = 0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00);
      }
    }
    *cp = v;
    return true;
  }

  // After "(?<" or "\k<": RegExpIdentifierName ">".
  bool group_name(std::string* name) {
    const size_t start = pos_;
    bool first = true;
    for (;;) {
      const size_t at = pos_;
      uint32_t c = peek();
      if (c == '>') break;
      if (c == kEof) return fail("unterminated group name", start);
      ++pos_;
      if (c == '\\') {
        if (peek() != 'u') return fail_at("invalid escape in group name", at);
        ++pos_;
        if (!unicode_escape(at, &c)) return false;
      }
      if (!unicode_id(c, first)) {
        return fail_at("invalid character in group name", at);
      }
      append_utf8(c, name);
      first = false;
    }
    if (first) return fail("empty group name", start);
    ++pos_;  // '>'
    return true;
  }

  // CharacterEscape, with the position on the backslash. `in_class` also admits \- .
  bool character_escape(bool in_class, uint32_t* cp) {
    const size_t start = pos_;
    const uint32_t c = peek(1);
    pos_ += 2;
    switch (c) {
      case 'f': *cp = 0x0C; return true;
      case 'n': *cp = 0x0A; return true;
      case 'r': *cp = 0x0D; return true;
      case 't': *cp = 0x09; return true;
      case 'v': *cp = 0x0B; return true;
      case 'c':
        if (is_ascii_letter(peek())) {
          *cp = peek() % 32;
          ++pos_;
          return true;
        }
        return fail_at("invalid control escape", start, " (\\c must be followed by a letter A-Z or a-z)");
      case 'x':
        if (is_hex(peek()) && is_hex(peek(1))) {
          *cp = hex_value(peek()) * 16 + hex_value(peek(1));
          pos_ += 2;
          return true;
        }
        return fail_at("invalid hexadecimal escape", start, " (expected \\xHH)");
      case 'u':
        return unicode_escape(start, cp);
      case '0':
        if (is_digit(peek())) {
          ++pos_;
          return fail_at("invalid decimal escape", start,
                         " (octal escapes are not allowed in Unicode mode)");
        }
        *cp = 0;
        return true;
      default:
        break;
    }
    if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
      *cp = c;
      return true;
    }
    if (c == kEof) {
      pos_ = start + 1;
      return fail("'\\' at end of pattern", start);
    }
    return fail_at("invalid escape", start,
                   in_class ? " (in Unicode mode only syntax characters ^$\\.*+?()[]{}|, / and - "
                              "can be escaped inside a class)"
                            : " (in Unicode mode only syntax characters ^$\\.*+?()[]{}| and / can "
                              "be escaped)");
  }

  // \p{...} or \P{...}, with the position on the backslash.
  bool property(ClassItem* item) {
    const size_t start = pos_;
    item->kind = ClassItem::Kind::kProperty;
    item->negated = peek(1) == 'P';
    item->offset = offset_of(start);
    pos_ += 2;
    if (peek() != '{')
      return fail_at("invalid property escape", start, " (expected \\p{...} in Unicode mode)");
    ++pos_;
    std::string name, value;
    bool has_value = false;
    for (;;) {
      const uint32_t c = peek();
      if (c == '}') break;
      if (c == '=' && !has_value) {
        has_value = true;
        ++pos_;
        continue;
      }
      if (!(is_ascii_letter(c) || is_digit(c) || c == '_')) {
        if (c != kEof) ++pos_;
        return fail_at("invalid property escape", start);
      }
      (has_value ? value : name).push_back(static_cast<char>(c));
      ++pos_;
    }
    ++pos_;  // '}'
    PropertyRef& p = item->property;
    p.source = has_value ? name + "=" + value : name;
    if (has_value) {
      const unicode::NameAlias* v = nullptr;
      if (name == "General_Category" || name == "gc") {
        p.type = PropertyRef::Type::kGeneralCategory;
        v = unicode::find_general_category(value);
      } else if (name == "Script" || name == "sc" || name == "Script_Extensions" || name == "scx") {
        p.type = (name == "Script" || name == "sc") ? PropertyRef::Type::kScript
                                                    : PropertyRef::Type::kScriptExtensions;
        v = unicode::find_script(value);
      } else {
        return fail_at("unknown Unicode property name", start,
                       " (ECMA-262 accepts General_Category, gc, Script, sc, Script_Extensions, scx)");
      }
      if (v == nullptr || name.empty())
        return fail_at("unknown Unicode property value", start);
      p.canonical = v->canonical;
      return true;
    }
    if (const unicode::NameAlias* gc = unicode::find_general_category(name)) {
      p.type = PropertyRef::Type::kGeneralCategory;
      p.canonical = gc->canonical;
      return true;
    }
    if (const unicode::BinaryProperty* b = unicode::find_binary_property(name)) {
      p.type = PropertyRef::Type::kBinary;
      p.canonical = b->canonical;
      return true;
    }
    return fail_at("unknown Unicode property", start,
                   " (names are case-sensitive; scripts need Script=...)");
  }

  int class_node(size_t start, ClassItem item) {
    CharClass cls;
    cls.items.push_back(std::move(item));
    ast_->classes.push_back(std::move(cls));
    const int n = new_node(NodeKind::kClass, start);
    node(n).class_index = static_cast<int>(ast_->classes.size()) - 1;
    return n;
  }

  static bool is_class_escape_letter(uint32_t c) {
    return c == 'd' || c == 'D' || c == 's' || c == 'S' || c == 'w' || c == 'W';
  }

  bool atom_escape(int* out) {
    const size_t start = pos_;
    const uint32_t c = peek(1);
    if (c >= '1' && c <= '9') {
      pos_ += 1;
      uint64_t number = 0;
      std::string digits;
      decimal(&number, &digits);
      *out = new_node(NodeKind::kBackreference, start);
      node(*out).backref_number =
          number > UINT32_MAX ? UINT32_MAX : static_cast<uint32_t>(number);
      numbered_refs_.push_back({digits, start});
      return true;
    }
    if (c == 'k') {
      pos_ += 2;
      if (peek() != '<')
        return fail_at("invalid named reference", start, " (expected \\k<name>)");
      ++pos_;
      std::string name;
      if (!group_name(&name)) return false;
      *out = new_node(NodeKind::kBackreference, start);
      node(*out).name = name;
      named_refs_.push_back({name, offset_of(start)});
      return true;
    }
    if (is_class_escape_letter(c)) {
      pos_ += 2;
      ClassItem item;
      item.kind = ClassItem::Kind::kEscape;
      item.escape = static_cast<char>(c);
      item.offset = offset_of(start);
      *out = class_node(start, std::move(item));
      return true;
    }
    if (c == 'p' || c == 'P') {
      ClassItem item;
      if (!property(&item)) return false;
      *out = class_node(start, std::move(item));
      return true;
    }
    uint32_t cp = 0;
    if (!character_escape(false, &cp)) return false;
    *out = new_node(NodeKind::kChar, start);
    node(*out).cp = cp;
    return true;
  }

  // ClassAtom. Sets *is_char and *cp for a single character, or fills *item for \d \p{..} etc.
  bool class_atom(bool* is_char, uint32_t* cp, ClassItem* item) {
    const size_t start = pos_;
    *is_char = true;
    if (peek() != '\\') {
      *cp = peek();
      ++pos_;
      return true;
    }
    const uint32_t c = peek(1);
    if (c == 'b') {
      pos_ += 2;
      *cp = 0x08;
      return true;
    }
    if (is_class_escape_letter(c)) {
      pos_ += 2;
      *is_char = false;
      item->kind = ClassItem::Kind::kEscape;
      item->escape = static_cast<char>(c);
      item->offset = offset_of(start);
      return true;
    }
    if (c == 'p' || c == 'P') {
      *is_char = false;
      return property(item);
    }
    if (c == 'B' || c == 'k' || (c >= '1' && c <= '9')) {
      pos_ += 2;
      return fail_at("invalid escape in character class", start);
    }
    return character_escape(true, cp);
  }

  bool char_class(int* out) {
    const size_t start = pos_;
    ++pos_;
    CharClass cls;
    if (peek() == '^') {
      cls.negated = true;
      ++pos_;
    }
    for (;;) {
      if (peek() == kEof) return fail("unterminated character class (missing ']' for the '[' at offset " +
                                          std::to_string(offset_of(start)) + ")",
                                      pos_);
      if (peek() == ']') {
        ++pos_;
        break;
      }
      const size_t atom_start = pos_;
      bool a_char = false;
      uint32_t a = 0;
      ClassItem a_item;
      if (!class_atom(&a_char, &a, &a_item)) return false;
      if (peek() == '-' && peek(1) != ']' && peek(1) != kEof) {
        ++pos_;
        bool b_char = false;
        uint32_t b = 0;
        ClassItem b_item;
        if (!class_atom(&b_char, &b, &b_item)) return false;
        if (!a_char || !b_char)
          return fail_at("character class escape used as a range bound", atom_start,
                         " (not allowed in Unicode mode)");
        if (a > b) return fail_at("range out of order in character class", atom_start);
        ClassItem r;
        r.kind = ClassItem::Kind::kRange;
        r.lo = a;
        r.hi = b;
        r.offset = offset_of(atom_start);
        cls.items.push_back(std::move(r));
        continue;
      }
      if (a_char) {
        a_item.kind = ClassItem::Kind::kRange;
        a_item.lo = a_item.hi = a;
        a_item.offset = offset_of(atom_start);
      }
      cls.items.push_back(std::move(a_item));
    }
    ast_->classes.push_back(std::move(cls));
    *out = new_node(NodeKind::kClass, start);
    node(*out).class_index = static_cast<int>(ast_->classes.size()) - 1;
    return true;
  }

  // Early errors that need the whole pattern: backreference targets and duplicate group names.
  bool check_references() {
    const std::string count = std::to_string(ast_->capture_count);
    for (const auto& ref : numbered_refs_) {
      if (digits_greater(ref.first, count)) {
        pos_ = ref.second + 1;
        while (is_digit(peek())) ++pos_;
        return fail_at("backreference to a missing group", ref.second,
                       " (the pattern has " + count + " capturing groups)");
      }
    }
    for (const NamedReference& ref : named_refs_) {
      bool found = false;
      for (const NamedGroup& g : named_groups_) found = found || g.name == ref.name;
      if (!found) {
        error_.offset = ref.offset;
        error_.detail = "reference '\\k<" + ref.name + ">' at offset " +
                        std::to_string(ref.offset) + " names no group";
        return false;
      }
    }
    for (size_t i = 0; i < named_groups_.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        const NamedGroup& a = named_groups_[j];
        const NamedGroup& b = named_groups_[i];
        if (a.name != b.name) continue;
        // Same name is allowed only in different alternatives of one disjunction.
        size_t k = 0;
        while (k < a.path.size() && k < b.path.size() && a.path[k] == b.path[k]) ++k;
        const bool separated = k < a.path.size() && k < b.path.size() &&
                               a.path[k].first == b.path[k].first;
        if (!separated) {
          error_.offset = b.offset;
          error_.detail = "duplicate group name '" + b.name + "' at offset " +
                          std::to_string(b.offset) + " (first defined at offset " +
                          std::to_string(a.offset) + " in the same alternative)";
          return false;
        }
      }
    }
    return true;
  }

  std::string_view src_;
  Ast* ast_;
  std::vector<uint32_t> cps_;
  std::vector<size_t> offsets_;
  size_t pos_ = 0;
  uint8_t flags_ = 0;
  int next_disjunction_id_ = 0;
  std::vector<std::pair<int, int>> path_;
  std::vector<NamedGroup> named_groups_;
  std::vector<NamedReference> named_refs_;
  std::vector<std::pair<std::string, size_t>> numbered_refs_;  // (digits, index of '\')
  ParseError error_;
};

}  // namespace

bool parse(std::string_view pattern, Ast* ast, ParseError* error) {
  *ast = Ast();
  Parser parser(pattern, ast);
  return parser.run(error);
}

}  // namespace jsonsieve::regex::ecma
