#include "regex/fast_matcher.h"

#include <algorithm>

#include "regex/class_sets.h"
#include "regex/code_point_set.h"

namespace jsonsieve::regex {
namespace {

using ecma::Node;
using ecma::NodeKind;

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

bool is_surrogate(uint32_t cp) { return cp >= 0xD800 && cp <= 0xDFFF; }

}  // namespace

std::unique_ptr<FastMatcher> FastMatcher::build(const ecma::Ast& ast) {
  const Node* root = &ast.nodes[static_cast<size_t>(ast.root)];
  if (root->kind != NodeKind::kDisjunction || root->kids.size() != 1) return nullptr;
  const Node& seq = ast.nodes[static_cast<size_t>(root->kids[0])];
  std::vector<int> kids = seq.kids;

  auto m = std::unique_ptr<FastMatcher>(new FastMatcher());
  auto is_anchor = [&](int i, ecma::AssertionKind kind) {
    const Node& n = ast.nodes[static_cast<size_t>(i)];
    return n.kind == NodeKind::kAssertion && n.assertion == kind &&
           (n.flags & ecma::kMultiline) == 0;
  };
  if (!kids.empty() && is_anchor(kids.front(), ecma::AssertionKind::kStart)) {
    m->anchored_start_ = true;
    kids.erase(kids.begin());
  }
  if (!kids.empty() && is_anchor(kids.back(), ecma::AssertionKind::kEnd)) {
    m->anchored_end_ = true;
    kids.pop_back();
  }

  // Literal shape.
  bool literal = true;
  for (int i : kids) {
    const Node& n = ast.nodes[static_cast<size_t>(i)];
    if (n.kind != NodeKind::kChar || (n.flags & ecma::kIgnoreCase) || is_surrogate(n.cp)) {
      literal = false;
      break;
    }
    append_utf8(n.cp, &m->literal_text_);
  }
  if (literal) {
    m->literal_ = true;
    return m;
  }

  // Items shape.
  for (int i : kids) {
    const Node* n = &ast.nodes[static_cast<size_t>(i)];
    Item item;
    if (n->kind == NodeKind::kRepeat) {
      item.min = n->min;
      item.max = n->max;
      n = &ast.nodes[static_cast<size_t>(n->kids[0])];
    }
    if (n->flags & ecma::kIgnoreCase) return nullptr;
    if (item.max == 0) continue;  // x{0} matches the empty string
    CodePointSet set;
    switch (n->kind) {
      case NodeKind::kChar:
        set.add(n->cp, n->cp);
        break;
      case NodeKind::kDot:
        set.add(0, kMaxCodePoint);
        if ((n->flags & ecma::kDotAll) == 0) {
          CodePointSet line_terminators;
          line_terminators.add('\n', '\n');
          line_terminators.add('\r', '\r');
          line_terminators.add(0x2028, 0x2029);
          set = line_terminators.complement();
        }
        break;
      case NodeKind::kClass:
        if (!class_set(ast.classes[static_cast<size_t>(n->class_index)], false, &set))
          return nullptr;
        break;
      default:
        return nullptr;
    }
    const CodePointSet members = set.without_surrogates();
    for (const auto& r : members.ranges()) {
      if (r.second >= 0x80) item.non_ascii = true;
      for (uint32_t c = r.first; c <= r.second && c < 0x80; ++c) item.member[c] = true;
    }
    m->any_non_ascii_ = m->any_non_ascii_ || item.non_ascii;
    m->min_length_ = std::min<uint64_t>(m->min_length_ + item.min, UINT64_MAX / 2);
    m->items_.push_back(item);
  }
  // Greedy is the only way to match when every item with a choice of count is disjoint from what
  // can follow it: the items up to and including the next one that must consume a character.
  m->greedy_ = m->anchored_start_;
  for (size_t i = 0; i < m->items_.size() && m->greedy_; ++i) {
    const Item& item = m->items_[i];
    if (item.min == item.max) continue;
    for (size_t j = i + 1; j < m->items_.size(); ++j) {
      const Item& next = m->items_[j];
      for (int c = 0; c < 0x80; ++c)
        if (item.member[c] && next.member[c]) m->greedy_ = false;
      if (next.min > 0) break;
    }
  }
  return m;
}

FastMatcher::Result FastMatcher::match_greedy(std::string_view s) const {
  const size_t n = s.size();
  size_t pos = 0;
  for (const Item& item : items_) {
    const size_t limit =
        item.max == ecma::kUnbounded || item.max >= n - pos ? n : pos + static_cast<size_t>(item.max);
    const size_t start = pos;
    while (pos < limit && item.has(static_cast<unsigned char>(s[pos]))) ++pos;
    // A non-ASCII byte is in no set here; it decides nothing if some set has non-ASCII members.
    if (pos < n && any_non_ascii_ && static_cast<unsigned char>(s[pos]) >= 0x80) return Result::kUnknown;
    if (pos - start < item.min) return Result::kNoMatch;
  }
  if (!anchored_end_ || pos == n) return Result::kMatch;
  if (any_non_ascii_ && static_cast<unsigned char>(s[pos]) >= 0x80) return Result::kUnknown;
  return Result::kNoMatch;
}

size_t FastMatcher::step(const Item& item, std::string_view s, const Interval* in,
                         size_t in_count, Interval* out) {
  const size_t n = s.size();
  size_t count = 0;
  bool overflow = false;
  auto emit = [&](size_t lo, size_t hi) {
    if (count > 0 && lo <= out[count - 1].hi + 1) {
      out[count - 1].hi = std::max(out[count - 1].hi, hi);
    } else if (count == kMaxIntervals) {
      overflow = true;
    } else {
      out[count++] = {lo, hi};
    }
  };
  // s[run_start, run_end) are all in the set; run_closed: s[run_end] is not (or run_end == n).
  size_t run_start = 0, run_end = 0;
  bool run_closed = false, run_valid = false;
  for (size_t k = 0; k < in_count && !overflow; ++k) {
    const size_t a = in[k].lo, b = in[k].hi;
    size_t p = a;
    while (p <= b && !overflow) {
      if (p == n || !item.has(static_cast<unsigned char>(s[p]))) {
        if (item.min == 0) emit(p, p);
        ++p;
        continue;
      }
      if (!(run_valid && run_start <= p && p < run_end)) {
        run_start = run_end = p;
        run_closed = false;
        run_valid = true;
      }
      // Scanning past b + max cannot change any end position reachable from [p, b].
      const size_t limit =
          (item.max == ecma::kUnbounded || item.max >= n - b) ? n : b + static_cast<size_t>(item.max);
      while (!run_closed && run_end < limit) {
        if (!item.has(static_cast<unsigned char>(s[run_end]))) {
          run_closed = true;
          break;
        }
        ++run_end;
      }
      if (run_end == n) run_closed = true;
      const size_t r = run_end;
      const size_t q_end = std::min(b, r - 1);  // start positions inside this run
      if (r - p >= item.min) {
        const size_t q_last = std::min<uint64_t>(q_end, r - item.min);
        const size_t hi = item.max == ecma::kUnbounded
                              ? r
                              : static_cast<size_t>(std::min<uint64_t>(q_last + item.max, r));
        emit(p + static_cast<size_t>(item.min), hi);
      }
      p = q_end + 1;
    }
  }
  return overflow ? SIZE_MAX : count;
}

FastMatcher::Result FastMatcher::match(std::string_view s) const {
  if (literal_) {
    bool found;
    if (anchored_start_ && anchored_end_)
      found = s == literal_text_;
    else if (anchored_start_)
      found = s.substr(0, literal_text_.size()) == literal_text_;
    else if (anchored_end_)
      found = s.size() >= literal_text_.size() &&
              s.substr(s.size() - literal_text_.size()) == literal_text_;
    else
      found = s.find(literal_text_) != std::string_view::npos;
    return found ? Result::kMatch : Result::kNoMatch;
  }
  if (greedy_) return match_greedy(s);
  if (any_non_ascii_) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) return Result::kUnknown;
  }
  // Every item consumes ASCII bytes only, so byte counts are character counts.
  if (s.size() < min_length_) return Result::kNoMatch;
  Interval a[kMaxIntervals], b[kMaxIntervals];
  Interval* cur = a;
  Interval* next = b;
  cur[0] = {0, anchored_start_ ? 0 : s.size()};
  size_t count = 1;
  for (const Item& item : items_) {
    count = step(item, s, cur, count, next);
    if (count == SIZE_MAX) return Result::kUnknown;
    if (count == 0) return Result::kNoMatch;
    std::swap(cur, next);
  }
  if (anchored_end_) return cur[count - 1].hi == s.size() ? Result::kMatch : Result::kNoMatch;
  return Result::kMatch;
}

}  // namespace jsonsieve::regex
