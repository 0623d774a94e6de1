// type: one mask test per instance.
#include <algorithm>
#include <cmath>

#include "json/value.h"
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {
class Type final : public Keyword {
 public:
  uint8_t allowed = 0;
  std::string expected;  // for the message: "string", "string or null"
  // Draft-04: an integer is a number written without fraction or exponent, so 1.0 is not one.
  // RapidJSON keeps such literals as int64/uint64; a double that is integral and beyond 2^64 can
  // only be a big integer literal (or an exponent form we cannot tell apart: counted integral).
  bool draft4 = false;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    uint8_t bits = json::type_bits(instance);
    if (draft4 && (bits & json::kInteger) && instance.IsDouble() &&
        std::fabs(instance.GetDouble()) < 18446744073709551616.0) {
      bits &= static_cast<uint8_t>(~json::kInteger);
    }
    if (bits & allowed) return true;
    return ctx.fail(*this, [&] { return std::string("must be ") + expected + ", got " + json::type_name(instance); });
  }
};

uint8_t bit_of(std::string_view name) {
  if (name == "null") return json::kNull;
  if (name == "boolean") return json::kBoolean;
  if (name == "object") return json::kObject;
  if (name == "array") return json::kArray;
  if (name == "number") return json::kNumber;
  if (name == "string") return json::kString;
  if (name == "integer") return json::kInteger;
  return 0;
}
}  // namespace

Compiled compile_type(KeywordCompiler& c) {
  auto k = c.make<Type>();
  k->draft4 = c.dialect() == Dialect::Draft04;
  std::vector<std::string_view> names;
  auto add = [&](const Json& v) {
    if (!v.IsString()) return false;
    std::string_view name(v.GetString(), v.GetStringLength());
    uint8_t bit = bit_of(name);
    if (bit == 0) return false;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    k->allowed |= bit;
    return true;
  };
  if (c.value().IsArray()) {
    for (auto& v : c.value().GetArray()) {
      if (!add(v)) return c.error("must list type names (null, boolean, object, array, number, string, integer)");
    }
  } else if (!add(c.value())) {
    return c.error("must be a type name (null, boolean, object, array, number, string, integer) or an array of them");
  }
  // For the message: "string", "string or null", "string, null or integer".
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) k->expected += i + 1 == names.size() ? " or " : ", ";
    k->expected += names[i];
  }
  if (!k->draft4) k->flag_type_mask = k->allowed;  // draft-04's integers need evaluate()
  return k;
}

}  // namespace jsonsieve::keywords
