// ECMA-262 syntax tree -> RE2 pattern text with the same matches (see the limits in pattern.h).
#include <re2/re2.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "regex/class_sets.h"
#include "regex/ecma_ast.h"
#include "regex/pattern.h"
#include "regex/regex_internal.h"

namespace jsonsieve::regex {
namespace {

using ecma::Ast;
using ecma::ClassItem;
using ecma::Node;
using ecma::NodeKind;
using ecma::PropertyRef;

// RE2 allows at most 1000 in a counted repetition.
constexpr uint64_t kMaxRepeat = 1000;
// Matches nothing: the class of no code point.
constexpr const char* kNothing = "[^\\x00-\\x{10FFFF}]";
// The RE2 major categories whose union is every assigned code point except Cn (RE2's \p{C} is
// Cc|Cf|Co|Cs: it has no unassigned code points).
constexpr const char* kAssignedMajors[] = {"\\p{L}", "\\p{M}", "\\p{N}", "\\p{P}",
                                           "\\p{S}", "\\p{Z}", "\\p{C}"};

void append_code_point(uint32_t cp, std::string* out) {
  if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
      cp == '_' || cp == ' ') {
    out->push_back(static_cast<char>(cp));
  } else if (cp > 0x20 && cp < 0x7F) {
    out->push_back('\\');  // RE2 takes any escaped ASCII punctuation literally
    out->push_back(static_cast<char>(cp));
  } else {
    char buf[16];
    std::snprintf(buf, sizeof buf, "\\x{%X}", static_cast<unsigned>(cp));
    out->append(buf);
  }
}

// True if RE2 knows \p{name} (its script list depends on its Unicode version).
bool re2_has_group(const std::string& name) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 probe("\\p{" + name + "}", options);
  return probe.ok();
}

bool re2_group_name(const std::string& name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    const bool word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                      (c >= 'a' && c <= 'z') || c == '_';
    if (!word) return false;
  }
  return true;
}

class Translator {
 public:
  Translator(std::string_view source, const Ast& ast) : source_(source), ast_(ast) {}

  bool run(std::string* out, RegexError* error) {
    if (!emit_body(ast_.root)) {
      if (error != nullptr) *error = error_;
      return false;
    }
    *out = std::move(out_);
    return true;
  }

 private:
  const Node& node(int i) const { return ast_.nodes[static_cast<size_t>(i)]; }

  bool unsupported(const std::string& detail, size_t offset) {
    error_.kind = RegexError::Kind::kUnsupported;
    error_.offset = offset;
    error_.message = format_message(source_, detail);
    return false;
  }

  bool emit(int index) {
    const Node& n = node(index);
    switch (n.kind) {
      case NodeKind::kDisjunction:
        if (n.kids.size() == 1) return emit(n.kids[0]);
        out_ += "(?:";
        for (size_t i = 0; i < n.kids.size(); ++i) {
          if (i > 0) out_ += '|';
          if (!emit(n.kids[i])) return false;
        }
        out_ += ')';
        return true;
      case NodeKind::kSequence:
        for (int kid : n.kids)
          if (!emit(kid)) return false;
        return true;
      case NodeKind::kChar:
        if (n.cp >= 0xD800 && n.cp <= 0xDFFF)
          out_ += kNothing;  // a lone surrogate cannot occur in UTF-8 text
        else
          append_code_point(n.cp, &out_);
        return true;
      case NodeKind::kDot:
        out_ += (n.flags & ecma::kDotAll) ? "(?s:.)" : "[^\\n\\r\\x{2028}\\x{2029}]";
        return true;
      case NodeKind::kClass:
        return emit_class(n);
      case NodeKind::kAssertion:
        switch (n.assertion) {
          case ecma::AssertionKind::kStart:
          case ecma::AssertionKind::kEnd: {
            const bool start = n.assertion == ecma::AssertionKind::kStart;
            if (n.flags & ecma::kMultiline)
              return unsupported(std::string("multi-line anchor '") + (start ? "^" : "$") +
                                     "' at offset " + std::to_string(n.offset) +
                                     " is not supported (ECMA line anchors need lookaround)",
                                 n.offset);
            out_ += start ? '^' : '$';
            return true;
          }
          case ecma::AssertionKind::kWordBoundary:
            out_ += "\\b";
            return true;
          case ecma::AssertionKind::kNotWordBoundary:
            out_ += "\\B";
            return true;
        }
        return true;
      case NodeKind::kLookaround: {
        static const char* const kNames[] = {"lookahead '(?='", "negative lookahead '(?!'",
                                             "lookbehind '(?<='", "negative lookbehind '(?<!'"};
        return unsupported(std::string(kNames[static_cast<int>(n.look)]) + " at offset " +
                               std::to_string(n.offset) +
                               " is not supported (cannot run in linear time)",
                           n.offset);
      }
      case NodeKind::kBackreference: {
        const std::string text = n.name.empty() ? "\\" + std::to_string(n.backref_number)
                                                : "\\k<" + n.name + ">";
        return unsupported("backreference '" + text + "' at offset " + std::to_string(n.offset) +
                               " is not supported (cannot run in linear time)",
                           n.offset);
      }
      case NodeKind::kGroup:
        if (!n.capturing) {
          out_ += "(?:";
        } else if (re2_group_name(n.name) && names_.insert(n.name).second) {
          out_ += "(?P<" + n.name + ">";
        } else {
          out_ += '(';  // unnamed, a name RE2 cannot spell, or a duplicate in another alternative
        }
        if (!emit_body(n.kids[0])) return false;
        out_ += ')';
        return true;
      case NodeKind::kModifierGroup:
        // (?s:) and (?m:) are applied while translating '.', '^' and '$'; only case folding is
        // left to RE2.
        if (n.add_flags & ecma::kIgnoreCase)
          out_ += "(?i:";
        else if (n.remove_flags & ecma::kIgnoreCase)
          out_ += "(?-i:";
        else
          out_ += "(?:";
        if (!emit_body(n.kids[0])) return false;
        out_ += ')';
        return true;
      case NodeKind::kRepeat:
        return emit_repeat(n);
    }
    return true;
  }

  // A group's body: its alternatives need no extra (?:...) inside the group's own parentheses.
  bool emit_body(int index) {
    const Node& n = node(index);
    if (n.kind != NodeKind::kDisjunction) return emit(index);
    for (size_t i = 0; i < n.kids.size(); ++i) {
      if (i > 0) out_ += '|';
      if (!emit(n.kids[i])) return false;
    }
    return true;
  }

  bool emit_repeat(const Node& n) {
    const uint64_t big = n.max == ecma::kUnbounded ? n.min : n.max;
    if (big > kMaxRepeat) {
      std::string q = "{" + std::to_string(n.min);
      if (n.max != n.min) q += n.max == ecma::kUnbounded ? "," : "," + std::to_string(n.max);
      q += "}";
      return unsupported("repetition count " + q + " at offset " + std::to_string(n.offset) +
                             " exceeds RE2's limit of " + std::to_string(kMaxRepeat),
                         n.offset);
    }
    if (!emit(n.kids[0])) return false;
    if (n.min == 0 && n.max == ecma::kUnbounded)
      out_ += '*';
    else if (n.min == 1 && n.max == ecma::kUnbounded)
      out_ += '+';
    else if (n.min == 0 && n.max == 1)
      out_ += '?';
    else if (n.max == ecma::kUnbounded)
      out_ += "{" + std::to_string(n.min) + ",}";
    else if (n.min == n.max)
      out_ += "{" + std::to_string(n.min) + "}";
    else
      out_ += "{" + std::to_string(n.min) + "," + std::to_string(n.max) + "}";
    if (!n.greedy) out_ += '?';
    return true;
  }

  // A class as (explicit ranges + RE2 \p items) and complement groups (each a union of RE2 \p
  // items to be negated), which is how LC, Cn and C are rebuilt from RE2's categories.
  struct ClassParts {
    CodePointSet ranges;
    std::vector<std::string> props;
    std::vector<std::vector<std::string>> complements;
  };

  bool add_property(const ClassItem& item, bool ignore_case, ClassParts* parts) {
    const PropertyRef& p = item.property;
    const std::string written = std::string(item.negated ? "\\P{" : "\\p{") + p.source + "}";
    switch (p.type) {
      case PropertyRef::Type::kGeneralCategory: {
        std::vector<std::string> group;
        if (p.canonical == "LC") {
          group = {"\\p{Lu}", "\\p{Ll}", "\\p{Lt}"};
        } else if (p.canonical == "Cn" || p.canonical == "C") {
          // Cn = not assigned; ECMA's C = Cc|Cf|Cn|Co|Cs = not in L M N P S Z.
          group.assign(std::begin(kAssignedMajors), std::end(kAssignedMajors));
          if (p.canonical == "C") group.pop_back();
          // Cn and C are complements of a union: the negated escape is the union itself.
          if (item.negated)
            parts->props.insert(parts->props.end(), group.begin(), group.end());
          else
            parts->complements.push_back(group);
          return true;
        } else {
          parts->props.push_back(std::string(item.negated ? "\\P{" : "\\p{") + p.canonical + "}");
          return true;
        }
        if (item.negated)
          parts->complements.push_back(group);
        else
          parts->props.insert(parts->props.end(), group.begin(), group.end());
        return true;
      }
      case PropertyRef::Type::kScript:
        if (!re2_has_group(p.canonical))
          return unsupported("script '" + written + "' at offset " + std::to_string(item.offset) +
                                 " is not supported (RE2 has no table for " + p.canonical + ")",
                             item.offset);
        parts->props.push_back(std::string(item.negated ? "\\P{" : "\\p{") + p.canonical + "}");
        return true;
      case PropertyRef::Type::kScriptExtensions:
        return unsupported("property '" + written + "' at offset " + std::to_string(item.offset) +
                               " is not supported (RE2 has no Script_Extensions data)",
                           item.offset);
      case PropertyRef::Type::kBinary: {
        if (p.canonical == "Assigned") {
          ClassItem cn = item;
          cn.property.type = PropertyRef::Type::kGeneralCategory;
          cn.property.canonical = "Cn";
          cn.negated = !item.negated;
          return add_property(cn, ignore_case, parts);
        }
        CodePointSet set;
        if (!binary_property_set(p.canonical, &set))
          return unsupported("binary property '" + written + "' at offset " +
                                 std::to_string(item.offset) +
                                 " is not supported (too large to tabulate without RE2 support)",
                             item.offset);
        parts->ranges.add(item.negated ? set.complement() : set);
        return true;
      }
    }
    return true;
  }

  void append_ranges(const CodePointSet& set, std::string* out) {
    for (const auto& r : set.ranges()) {
      append_code_point(r.first, out);
      if (r.second != r.first) {
        if (r.second != r.first + 1) out->push_back('-');
        append_code_point(r.second, out);
      }
    }
  }

  bool emit_class(const Node& n) {
    const ecma::CharClass& cls = ast_.classes[static_cast<size_t>(n.class_index)];
    const bool ignore_case = (n.flags & ecma::kIgnoreCase) != 0;
    ClassParts parts;
    for (const ClassItem& item : cls.items) {
      switch (item.kind) {
        case ClassItem::Kind::kRange:
          parts.ranges.add(item.lo, item.hi);
          break;
        case ClassItem::Kind::kEscape:
          parts.ranges.add(escape_set(item.escape, ignore_case));
          break;
        case ClassItem::Kind::kProperty:
          if (!add_property(item, ignore_case, &parts)) return false;
          break;
      }
    }
    const CodePointSet ranges = parts.ranges.without_surrogates();
    std::string positive;
    if (!ranges.empty() || !parts.props.empty()) {
      append_ranges(ranges, &positive);
      for (const std::string& p : parts.props) positive += p;
    }
    if (cls.negated) {
      if (!parts.complements.empty())
        return unsupported("negated class at offset " + std::to_string(n.offset) +
                               " is not supported: it holds \\p{Cn}, \\p{C}, \\P{LC} or "
                               "\\P{Assigned}, which RE2 cannot intersect",
                           n.offset);
      // RE2 folds case before negating, as ECMA's CharacterSetMatcher does with invert.
      out_ += positive.empty() ? "[\\x00-\\x{10FFFF}]" : "[^" + positive + "]";
      return true;
    }
    std::vector<std::string> pieces;
    if (!positive.empty()) pieces.push_back("[" + positive + "]");
    for (const auto& group : parts.complements) {
      std::string piece = "[^";
      for (const std::string& p : group) piece += p;
      pieces.push_back(piece + "]");
    }
    if (pieces.empty()) {
      out_ += kNothing;
    } else if (pieces.size() == 1) {
      out_ += pieces[0];
    } else {
      out_ += "(?:";
      for (size_t i = 0; i < pieces.size(); ++i) {
        if (i > 0) out_ += '|';
        out_ += pieces[i];
      }
      out_ += ')';
    }
    return true;
  }

  std::string_view source_;
  const Ast& ast_;
  std::string out_;
  std::set<std::string> names_;
  RegexError error_;
};

}  // namespace

std::string format_message(std::string_view pattern, const std::string& detail) {
  // The pattern as a JSON-style quoted string, cut after 200 bytes.
  std::string quoted = "pattern \"";
  const size_t limit = 200;
  for (size_t i = 0; i < pattern.size() && i < limit; ++i) {
    const unsigned char c = static_cast<unsigned char>(pattern[i]);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      quoted += buf;
    } else {
      quoted += static_cast<char>(c);
    }
  }
  if (pattern.size() > limit) quoted += "...";
  return quoted + "\": " + detail;
}

bool translate_ast(std::string_view ecma, const ecma::Ast& ast, std::string* re2_out,
                   RegexError* error) {
  Translator t(ecma, ast);
  return t.run(re2_out, error);
}

bool parse_ecma(std::string_view ecma, ecma::Ast* ast, RegexError* error) {
  ecma::ParseError pe;
  if (ecma::parse(ecma, ast, &pe)) return true;
  if (error != nullptr) {
    error->kind = RegexError::Kind::kSyntax;
    error->offset = pe.offset;
    error->message = format_message(ecma, "invalid ECMA-262 regex: " + pe.detail);
  }
  return false;
}

bool translate_ecma_to_re2(std::string_view ecma, std::string* re2_out, RegexError* error) {
  ecma::Ast ast;
  if (!parse_ecma(ecma, &ast, error)) return false;
  return translate_ast(ecma, ast, re2_out, error);
}

bool is_valid_ecma_regex(std::string_view ecma) {
  ecma::Ast ast;
  ecma::ParseError pe;
  return ecma::parse(ecma, &ast, &pe);
}

}  // namespace jsonsieve::regex
