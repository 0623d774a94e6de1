#include "regex/class_sets.h"

#include "regex/unicode_tables.h"

namespace jsonsieve::regex {

CodePointSet escape_set(char escape, bool ignore_case) {
  CodePointSet set;
  switch (escape) {
    case 'd': case 'D':
      set.add('0', '9');
      break;
    case 's': case 'S':
      // WhiteSpace (TAB VT FF SP NBSP ZWNBSP + Zs) and LineTerminator (LF CR LS PS).
      set.add(0x09, 0x0D);
      set.add(0x20, 0x20);
      set.add(0xA0, 0xA0);
      set.add(0x1680, 0x1680);
      set.add(0x2000, 0x200A);
      set.add(0x2028, 0x2029);
      set.add(0x202F, 0x202F);
      set.add(0x205F, 0x205F);
      set.add(0x3000, 0x3000);
      set.add(0xFEFF, 0xFEFF);
      break;
    case 'w': case 'W':
      set.add('0', '9');
      set.add('A', 'Z');
      set.add('_', '_');
      set.add('a', 'z');
      if (ignore_case) {
        set.add(0x017F, 0x017F);
        set.add(0x212A, 0x212A);
      }
      break;
    default:
      break;
  }
  if (escape == 'D' || escape == 'S' || escape == 'W') return set.complement();
  return set;
}

bool binary_property_set(const std::string& canonical, CodePointSet* out) {
  if (canonical == "Any") {
    out->add(0, kMaxCodePoint);
    return true;
  }
  if (canonical == "ASCII") {
    out->add(0, 0x7F);
    return true;
  }
  const unicode::BinaryProperty* p = unicode::find_binary_property(canonical);
  if (p == nullptr || p->ranges == nullptr) return false;
  for (size_t i = 0; i < p->range_count; ++i) out->add(p->ranges[i].lo, p->ranges[i].hi);
  return true;
}

bool class_set(const ecma::CharClass& cls, bool ignore_case, CodePointSet* out) {
  CodePointSet set;
  for (const ecma::ClassItem& item : cls.items) {
    switch (item.kind) {
      case ecma::ClassItem::Kind::kRange:
        set.add(item.lo, item.hi);
        break;
      case ecma::ClassItem::Kind::kEscape:
        set.add(escape_set(item.escape, ignore_case));
        break;
      case ecma::ClassItem::Kind::kProperty: {
        if (item.property.type != ecma::PropertyRef::Type::kBinary) return false;
        CodePointSet p;
        if (!binary_property_set(item.property.canonical, &p)) return false;
        set.add(item.negated ? p.complement() : p);
        break;
      }
    }
  }
  *out = cls.negated ? set.complement() : set;
  return true;
}

}  // namespace jsonsieve::regex
