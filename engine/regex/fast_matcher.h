// A matcher for the simplest pattern shapes, cheaper per call than RE2 (whose per-search setup
// dominates on short subjects). Internal to engine/regex; Pattern consults it before RE2.
//
// Shapes (optionally anchored by a leading ^ and/or a trailing $, no (?i:)):
//   - literal: a sequence of code points, e.g. ^SKU-, foo, ^bar$   -> compare / find;
//   - items: a sequence of characters, classes without \p{..} (tabulated binary properties are
//     fine) and '.', each with an optional quantifier, e.g. ^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$.
// When the pattern is ^-anchored and no item with a choice of count shares a character with what can
// follow it, one greedy pass over the bytes decides. Otherwise the items matcher tracks the set of
// subject positions where the items so far can end, as sorted intervals; linear per item. It answers kUnknown (RE2
// decides) when an item can match a non-ASCII code point and the subject is not ASCII, or when the
// position set fragments into more than kMaxIntervals intervals.
#ifndef JSONSIEVE_REGEX_FAST_MATCHER_H_
#define JSONSIEVE_REGEX_FAST_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "regex/ecma_ast.h"

namespace jsonsieve::regex {

class FastMatcher {
 public:
  enum class Result { kNoMatch, kMatch, kUnknown };
  static constexpr size_t kMaxIntervals = 32;

  // nullptr when the pattern is not one of the shapes above.
  static std::unique_ptr<FastMatcher> build(const ecma::Ast& ast);

  // Unanchored search semantics (anchors as written). Thread-safe: no state is written.
  Result match(std::string_view subject) const;

  bool is_literal() const { return literal_; }
  bool is_greedy() const { return greedy_; }

 private:
  struct Item {
    bool member[256] = {};      // member[b]: byte b is an ASCII character of the set (b < 0x80)
    bool non_ascii = false;     // the set holds some code point >= 0x80
    uint64_t min = 1, max = 1;  // max may be ecma::kUnbounded
    bool has(unsigned char c) const { return member[c]; }
  };
  struct Interval {
    size_t lo, hi;  // inclusive byte positions
  };

  // Positions reachable after `item` from the positions in `in`; returns the count written to
  // `out`, or SIZE_MAX when more than kMaxIntervals would be needed.
  static size_t step(const Item& item, std::string_view s, const Interval* in, size_t in_count,
                     Interval* out);

  // Anchored at the start and no item can give characters back to a later one: one greedy pass
  // decides (e.g. ^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$).
  Result match_greedy(std::string_view subject) const;

  bool greedy_ = false;
  bool anchored_start_ = false;
  bool anchored_end_ = false;
  bool literal_ = false;
  std::string literal_text_;
  bool any_non_ascii_ = false;
  uint64_t min_length_ = 0;  // sum of item minimums
  std::vector<Item> items_;
};

}  // namespace jsonsieve::regex

#endif  // JSONSIEVE_REGEX_FAST_MATCHER_H_
