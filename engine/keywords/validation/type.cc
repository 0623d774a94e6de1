// type: one mask test per instance.
#include "json/value.h"
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {
class Type final : public Keyword {
 public:
  uint8_t allowed = 0;
  std::string expected;  // for the message: "string", "string or null"
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (json::type_bits(instance) & allowed) return true;
    return ctx.fail(*this, std::string("must be ") + expected + ", got " + json::type_name(instance));
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
  auto add = [&](const Json& v) {
    if (!v.IsString()) return false;
    std::string_view name(v.GetString(), v.GetStringLength());
    uint8_t bit = bit_of(name);
    if (bit == 0) return false;
    k->allowed |= bit;
    if (!k->expected.empty()) k->expected += " or ";
    k->expected += name;
    return true;
  };
  if (c.value().IsArray()) {
    for (auto& v : c.value().GetArray()) {
      if (!add(v)) return c.error("must list type names (null, boolean, object, array, number, string, integer)");
    }
  } else if (!add(c.value())) {
    return c.error("must be a type name (null, boolean, object, array, number, string, integer) or an array of them");
  }
  return k;
}

}  // namespace jsonsieve::keywords
