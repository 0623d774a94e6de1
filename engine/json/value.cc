#include "json/value.h"

#include <rapidjson/internal/dtoa.h>

#include <cmath>
#include <cstring>

namespace jsonsieve::json {

uint8_t type_bits(const Json& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return kNull;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return kBoolean;
    case rapidjson::kObjectType: return kObject;
    case rapidjson::kArrayType: return kArray;
    case rapidjson::kStringType: return kString;
    case rapidjson::kNumberType: {
      if (v.IsInt64() || v.IsUint64()) return kNumber | kInteger;
      double d = v.GetDouble();
      return (std::isfinite(d) && std::floor(d) == d) ? (kNumber | kInteger) : kNumber;
    }
  }
  return 0;
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

int compare_numbers(const Json& a, const Json& b) {
  if (a.IsInt64() && b.IsInt64()) {
    int64_t x = a.GetInt64(), y = b.GetInt64();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.IsUint64() && b.IsUint64()) {
    uint64_t x = a.GetUint64(), y = b.GetUint64();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if ((a.IsInt64() || a.IsUint64()) && (b.IsInt64() || b.IsUint64())) {
    // One is a negative int64, the other a uint64 above INT64_MAX.
    return a.IsInt64() && a.GetInt64() < 0 ? -1 : 1;
  }
  double x = a.GetDouble(), y = b.GetDouble();
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool equal(const Json& a, const Json& b) {
  if (a.IsNumber() && b.IsNumber()) return compare_numbers(a, b) == 0;
  if (a.GetType() != b.GetType()) return false;
  switch (a.GetType()) {
    case rapidjson::kStringType:
      return a.GetStringLength() == b.GetStringLength() &&
             std::memcmp(a.GetString(), b.GetString(), a.GetStringLength()) == 0;
    case rapidjson::kArrayType: {
      if (a.Size() != b.Size()) return false;
      for (rapidjson::SizeType i = 0; i < a.Size(); ++i) {
        if (!equal(a[i], b[i])) return false;
      }
      return true;
    }
    case rapidjson::kObjectType: {
      if (a.MemberCount() != b.MemberCount()) return false;
      for (auto it = a.MemberBegin(); it != a.MemberEnd(); ++it) {
        auto other = b.FindMember(it->name);
        if (other == b.MemberEnd() || !equal(it->value, other->value)) return false;
      }
      return true;
    }
    default:
      return true;  // null, true, false: same type means equal
  }
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
}  // namespace

uint64_t hash(const Json& v) {
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
    case rapidjson::kArrayType: {
      uint64_t h = 0xabcdef;
      for (auto& item : v.GetArray()) h = mix(h * 31 + hash(item));
      return h;
    }
    case rapidjson::kObjectType: {
      uint64_t h = 0xfedcba;  // order-independent: sum of member hashes
      for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
        h += mix(hash_bytes(it->name.GetString(), it->name.GetStringLength()) * 7 + hash(it->value));
      }
      return h;
    }
  }
  return 0;
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
