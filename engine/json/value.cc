#include "json/value.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace jsonsieve::json {

uint8_t double_type_bits(double d) {
  return (std::isfinite(d) && std::floor(d) == d) ? (kNumber | kInteger) : kNumber;
}

const char* type_name(const Json& v) {
  uint8_t bits = type_bits(v);
  if (bits & kInteger) return "integer";
  if (bits & kNumber) return "number";
  if (bits & kString) return "string";
  if (bits & kObject) return "object";
  if (bits & kArray) return "array";
  if (bits & kBoolean) return "boolean";
  return "null";
}

namespace {
int sign_of(double x) { return x < 0 ? -1 : (x > 0 ? 1 : 0); }

// An integer against a double, exactly: the integer is never rounded to a double (2^53 + 1 is
// not 2^53.0). The double is split into its integral part (exact in 64 bits within the checked
// range) and a fraction.
int compare_integer_double(const Json& a, double d) {
  if (std::isnan(d)) return 0;  // as the double comparison answers (not produced by parsing)
  if (a.IsUint64()) {
    uint64_t x = a.GetUint64();
    if (d < 0) return 1;
    if (d >= 18446744073709551616.0) return -1;  // 2^64
    double whole = std::trunc(d);
    uint64_t w = static_cast<uint64_t>(whole);
    if (x != w) return x < w ? -1 : 1;
    return -sign_of(d - whole);
  }
  int64_t x = a.GetInt64();
  if (d >= 9223372036854775808.0) return -1;  // 2^63
  if (d < -9223372036854775808.0) return 1;
  double whole = std::trunc(d);
  int64_t w = static_cast<int64_t>(whole);
  if (x != w) return x < w ? -1 : 1;
  return -sign_of(d - whole);
}
}  // namespace

int compare_numbers(const Json& a, const Json& b) {
  const bool ai = a.IsInt64() || a.IsUint64(), bi = b.IsInt64() || b.IsUint64();
  if (ai && bi) {
    if (a.IsInt64() && b.IsInt64()) {
      int64_t x = a.GetInt64(), y = b.GetInt64();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.IsUint64() && b.IsUint64()) {
      uint64_t x = a.GetUint64(), y = b.GetUint64();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    // One is a negative int64, the other a uint64 above INT64_MAX.
    return a.IsInt64() && a.GetInt64() < 0 ? -1 : 1;
  }
  if (ai) return compare_integer_double(a, b.GetDouble());
  if (bi) return -compare_integer_double(b, a.GetDouble());
  double x = a.GetDouble(), y = b.GetDouble();
  return x < y ? -1 : (x > y ? 1 : 0);
}

namespace {
// A stack for the iterative walks below: inline for ordinary depths (so the warm path does not
// allocate), heap beyond. Iterative because callers may hand in documents of any depth
// (parse_json with a raised limit, or their own RapidJSON documents): recursion would overflow
// the stack.
template <typename Frame>
class WalkStack {
 public:
  bool empty() const { return size_ == 0; }
  Frame& top() { return at(size_ - 1); }
  void push(const Frame& f) {
    if (size_ < kInline) inline_[size_] = f;
    else heap_.push_back(f);
    ++size_;
  }
  void pop() {
    if (size_ > kInline) heap_.pop_back();
    --size_;
  }

 private:
  static constexpr size_t kInline = 64;
  Frame& at(size_t i) { return i < kInline ? inline_[i] : heap_[i - kInline]; }
  Frame inline_[kInline];
  std::vector<Frame> heap_;
  size_t size_ = 0;
};

// Equality of two values, not looking inside containers (sizes only).
bool shallow_equal(const Json& a, const Json& b) {
  if (a.IsNumber() && b.IsNumber()) return compare_numbers(a, b) == 0;
  if (a.GetType() != b.GetType()) return false;
  switch (a.GetType()) {
    case rapidjson::kStringType:
      return a.GetStringLength() == b.GetStringLength() &&
             std::memcmp(a.GetString(), b.GetString(), a.GetStringLength()) == 0;
    case rapidjson::kArrayType: return a.Size() == b.Size();
    case rapidjson::kObjectType: return a.MemberCount() == b.MemberCount();
    default: return true;  // null, true, false: same type means equal
  }
}
}  // namespace

bool equal(const Json& a, const Json& b) {
  if (!shallow_equal(a, b)) return false;
  if (!a.IsArray() && !a.IsObject()) return true;
  struct Frame {
    const Json* a;
    const Json* b;
    rapidjson::SizeType next;  // next element or member of a
  };
  WalkStack<Frame> stack;
  stack.push({&a, &b, 0});
  while (!stack.empty()) {
    Frame& f = stack.top();
    const Json* x;
    const Json* y;
    if (f.a->IsArray()) {
      if (f.next == f.a->Size()) { stack.pop(); continue; }
      x = &(*f.a)[f.next];
      y = &(*f.b)[f.next];
    } else {
      if (f.next == f.a->MemberCount()) { stack.pop(); continue; }
      const auto& member = f.a->MemberBegin()[f.next];
      auto other = f.b->FindMember(member.name);
      if (other == f.b->MemberEnd()) return false;
      x = &member.value;
      y = &other->value;
    }
    ++f.next;
    if (!shallow_equal(*x, *y)) return false;
    if (x->IsArray() || x->IsObject()) stack.push({x, y, 0});  // invalidates f
  }
  return true;
}

namespace {
uint64_t mix(uint64_t h) {
  h ^= h >> 33; h *= 0xff51afd7ed558ccdULL; h ^= h >> 33; h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 33);
}
uint64_t hash_bytes(const char* s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) { h ^= static_cast<unsigned char>(s[i]); h *= 0x100000001b3ULL; }
  return h;
}

uint64_t scalar_hash(const Json& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return 0x9e3779b97f4a7c15ULL;
    case rapidjson::kFalseType: return 0x1234567;
    case rapidjson::kTrueType: return 0x7654321;
    case rapidjson::kStringType: return hash_bytes(v.GetString(), v.GetStringLength());
    case rapidjson::kNumberType: {
      double d = v.GetDouble();  // equal numbers have equal doubles (hash may collide; fine)
      if (d == 0) d = 0;         // -0 and 0 are equal
      uint64_t bits;
      std::memcpy(&bits, &d, sizeof bits);
      return mix(bits ^ 0x5bd1e995);
    }
    default: return 0;
  }
}

// Folds a finished child's hash into its container's running hash (child `index` of it).
uint64_t fold(const Json& container, rapidjson::SizeType index, uint64_t h, uint64_t child) {
  if (container.IsArray()) return mix(h * 31 + child);
  const Json& name = container.MemberBegin()[index].name;  // order-independent: a sum
  return h + mix(hash_bytes(name.GetString(), name.GetStringLength()) * 7 + child);
}
}  // namespace

uint64_t hash(const Json& v) {
  if (!v.IsArray() && !v.IsObject()) return scalar_hash(v);
  struct Frame {
    const Json* v;
    rapidjson::SizeType next;
    uint64_t h;
  };
  auto start = [](const Json* c) { return Frame{c, 0, c->IsArray() ? 0xabcdefULL : 0xfedcbaULL}; };
  WalkStack<Frame> stack;
  stack.push(start(&v));
  uint64_t done = 0;
  while (true) {
    Frame& f = stack.top();
    rapidjson::SizeType size = f.v->IsArray() ? f.v->Size() : f.v->MemberCount();
    if (f.next == size) {
      done = f.h;
      stack.pop();
      if (stack.empty()) return done;
      Frame& parent = stack.top();
      parent.h = fold(*parent.v, parent.next - 1, parent.h, done);
      continue;
    }
    const Json& child = f.v->IsArray() ? (*f.v)[f.next] : f.v->MemberBegin()[f.next].value;
    ++f.next;
    if (child.IsArray() || child.IsObject()) {
      stack.push(start(&child));  // invalidates f
    } else {
      f.h = fold(*f.v, f.next - 1, f.h, scalar_hash(child));
    }
  }
}

size_t depth(const Json& v, size_t stop_after) {
  if (!v.IsArray() && !v.IsObject()) return 0;
  struct Frame {
    const Json* v;
    rapidjson::SizeType next;
  };
  WalkStack<Frame> stack;
  stack.push({&v, 0});
  size_t current = 1, deepest = 1;
  while (!stack.empty()) {
    Frame& f = stack.top();
    rapidjson::SizeType size = f.v->IsArray() ? f.v->Size() : f.v->MemberCount();
    if (f.next == size) { stack.pop(); --current; continue; }
    const Json& child = f.v->IsArray() ? (*f.v)[f.next] : f.v->MemberBegin()[f.next].value;
    ++f.next;
    if (child.IsArray() || child.IsObject()) {
      stack.push({&child, 0});
      deepest = std::max(deepest, ++current);
      if (deepest > stop_after) return deepest;
    }
  }
  return deepest;
}

Decimal to_decimal(double d) {
  Decimal out;
  if (!std::isfinite(d)) { out.finite = false; return out; }
  if (d < 0) { out.negative = true; d = -d; }
  if (d == 0) return out;
  char buffer[32];
  int length = 0, k = 0;
  rapidjson::internal::Grisu2(d, buffer, &length, &k);  // shortest digits, d = digits × 10^k
  uint64_t digits = 0;
  for (int i = 0; i < length; ++i) digits = digits * 10 + static_cast<uint64_t>(buffer[i] - '0');
  while (digits != 0 && digits % 10 == 0) { digits /= 10; ++k; }
  out.digits = digits;
  out.exponent = k;
  return out;
}

Decimal to_decimal(const Json& v) {
  Decimal out;
  if (v.IsUint64()) {
    out.digits = v.GetUint64();
  } else if (v.IsInt64()) {
    int64_t i = v.GetInt64();
    out.negative = i < 0;
    out.digits = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  } else {
    return to_decimal(v.GetDouble());
  }
  while (out.digits != 0 && out.digits % 10 == 0) { out.digits /= 10; ++out.exponent; }
  return out;
}

bool is_multiple_of(const Decimal& value, const Decimal& divisor) {
  if (!value.finite || !divisor.finite || divisor.digits == 0) return false;
  if (value.digits == 0) return true;
  using u128 = unsigned __int128;
  if (value.exponent >= divisor.exponent) {
    // value.digits × 10^(e1-e2) mod divisor.digits == 0 ?
    u128 m = divisor.digits;
    u128 r = value.digits % m;
    for (int i = 0; i < value.exponent - divisor.exponent && r != 0; ++i) r = (r * 10) % m;
    return r == 0;
  }
  // divisor.digits × 10^(e2-e1) must divide value.digits (< 2^64 < 10^20).
  int shift = divisor.exponent - value.exponent;
  if (shift > 20) return false;
  u128 m = divisor.digits;
  for (int i = 0; i < shift; ++i) m *= 10;
  return static_cast<u128>(value.digits) % m == 0;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace jsonsieve::json
