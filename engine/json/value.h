// JSON value semantics as JSON Schema defines them: types (1.0 is an integer), deep equality
// (numbers by value, objects regardless of member order), a hash consistent with that equality,
// string length in code points, and exact decimal `multipleOf`.
#pragma once

#include <cstdint>
#include <string_view>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::json {

// JSON Schema's primitive types as bits, so a `type` keyword is one mask test.
enum TypeBit : uint8_t {
  kNull = 1, kBoolean = 2, kObject = 4, kArray = 8, kNumber = 16, kString = 32, kInteger = 64,
};
// The type bits a value satisfies: an integral number has kNumber | kInteger.
// Inline: every subschema evaluation starts with it (a call was 4% of is_valid).
uint8_t double_type_bits(double d);
inline uint8_t type_bits(const Json& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return kNull;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return kBoolean;
    case rapidjson::kObjectType: return kObject;
    case rapidjson::kArrayType: return kArray;
    case rapidjson::kStringType: return kString;
    case rapidjson::kNumberType:
      return v.IsInt64() || v.IsUint64() ? uint8_t(kNumber | kInteger) : double_type_bits(v.GetDouble());
  }
  return 0;
}
// Name of the instance's most specific type ("integer" for 3, "number" for 3.5).
const char* type_name(const Json& value);

// Iterative (any depth, no recursion), allocation-free up to 64 levels of nesting.
bool equal(const Json& a, const Json& b);
uint64_t hash(const Json& value);  // equal(a, b) ⇒ hash(a) == hash(b)
// Nesting depth of containers (a scalar is 0, [] is 1); stops counting past `stop_after`.
size_t depth(const Json& value, size_t stop_after);

// Numbers: compare a ⋚ b exactly when either is a 64-bit integer (never rounded through double:
// 2^53 + 1 > 2^53.0), else as doubles. Returns -1, 0, 1.
int compare_numbers(const Json& a, const Json& b);

// A finite number as digits × 10^exponent (shortest round-trip digits for doubles), so decimal
// quantities like 19.99 and 0.01 are exact.
struct Decimal {
  uint64_t digits = 0;
  int exponent = 0;
  bool negative = false;
  bool finite = true;
};
Decimal to_decimal(const Json& number);
Decimal to_decimal(double number);
// Whether value / divisor is an integer, decided in decimal arithmetic (no binary rounding).
bool is_multiple_of(const Decimal& value, const Decimal& divisor);

size_t utf8_length(std::string_view s);  // code points (bytes that are not continuation bytes)

}  // namespace jsonsieve::json
