// A set of Unicode code points as sorted, disjoint, non-adjacent inclusive ranges. Internal to
// engine/regex: class translation and the fast matcher build their sets with it.
#ifndef JSONSIEVE_REGEX_CODE_POINT_SET_H_
#define JSONSIEVE_REGEX_CODE_POINT_SET_H_

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace jsonsieve::regex {

inline constexpr uint32_t kMaxCodePoint = 0x10FFFF;

class CodePointSet {
 public:
  using Range = std::pair<uint32_t, uint32_t>;  // inclusive

  void add(uint32_t lo, uint32_t hi) {
    if (lo > hi) return;
    ranges_.emplace_back(lo, hi);
    normalized_ = false;
  }
  void add(const CodePointSet& other) {
    ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end());
    normalized_ = false;
  }
  // Everything in [0, kMaxCodePoint] not in this set.
  CodePointSet complement() const {
    const auto& r = ranges();
    CodePointSet out;
    uint32_t next = 0;
    for (const Range& x : r) {
      if (x.first > next) out.ranges_.emplace_back(next, x.first - 1);
      next = x.second + 1;
    }
    if (next <= kMaxCodePoint) out.ranges_.emplace_back(next, kMaxCodePoint);
    return out;
  }
  // Removes the UTF-16 surrogates (U+D800..U+DFFF): they cannot occur in UTF-8 text.
  CodePointSet without_surrogates() const {
    CodePointSet out;
    for (const Range& x : ranges()) {
      if (x.second < 0xD800 || x.first > 0xDFFF) {
        out.ranges_.push_back(x);
        continue;
      }
      if (x.first < 0xD800) out.ranges_.emplace_back(x.first, 0xD7FF);
      if (x.second > 0xDFFF) out.ranges_.emplace_back(0xE000, x.second);
    }
    return out;
  }
  bool contains(uint32_t cp) const {
    for (const Range& x : ranges())
      if (cp >= x.first && cp <= x.second) return true;
    return false;
  }
  bool empty() const { return ranges().empty(); }
  // Sorted, merged view.
  const std::vector<Range>& ranges() const {
    if (!normalized_) {
      std::sort(ranges_.begin(), ranges_.end());
      std::vector<Range> merged;
      for (const Range& x : ranges_) {
        if (!merged.empty() && x.first <= merged.back().second + 1)
          merged.back().second = std::max(merged.back().second, x.second);
        else
          merged.push_back(x);
      }
      ranges_.swap(merged);
      normalized_ = true;
    }
    return ranges_;
  }

 private:
  mutable std::vector<Range> ranges_;
  mutable bool normalized_ = true;
};

}  // namespace jsonsieve::regex

#endif  // JSONSIEVE_REGEX_CODE_POINT_SET_H_
