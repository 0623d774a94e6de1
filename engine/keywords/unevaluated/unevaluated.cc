// unevaluatedProperties and unevaluatedItems: apply a schema to the members/items that no
// adjacent keyword (including those reached in place through $ref, allOf, anyOf, oneOf,
// if/then/else, dependentSchemas, ...) evaluated successfully. They run after their siblings;
// the node gives them the tracker their siblings filled.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {

class UnevaluatedProperties final : public Keyword {
 public:
  const schema::Node* node = nullptr;
  bool forbidden = false;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    schema::Evaluated* evaluated = ctx.evaluated();
    output::AnnotationList names(ctx.collecting_annotations());
    bool valid = true;
    size_t index = 0;
    for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m, ++index) {
      if (evaluated != nullptr && evaluated->member(index)) continue;
      const char* name = m->name.GetString();
      const uint32_t length = m->name.GetStringLength();
      names.add_name(std::string_view(name, length));
      if (forbidden) {
        valid = false;
        if (ctx.flag_only()) return false;
        ctx.fail(*this, [&] { return "property " + output::quote(std::string_view(name, length)) +
                            " is not allowed (unevaluatedProperties is false)"; });
        continue;
      }
      if (!ctx.evaluate_member(*node, m->value, name, length)) {
        valid = false;
        if (ctx.flag_only()) return false;
      }
    }
    if (valid && evaluated != nullptr) evaluated->all_members = true;
    if (valid && names.enabled()) ctx.annotate(*this, names.finish());
    return valid;
  }
};

class UnevaluatedItems final : public Keyword {
 public:
  const schema::Node* node = nullptr;
  bool forbidden = false;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    schema::Evaluated* evaluated = ctx.evaluated();
    bool valid = true;
    bool applied = false;
    const size_t count = instance.Size();
    for (size_t i = 0; i < count; ++i) {
      if (evaluated != nullptr && evaluated->item(i)) continue;
      applied = true;
      if (forbidden) {
        valid = false;
        if (ctx.flag_only()) return false;
        ctx.fail(*this, [&] { return "item " + std::to_string(i) + " is not allowed (unevaluatedItems is false)"; });
        continue;
      }
      if (!ctx.evaluate_item(*node, instance[static_cast<rapidjson::SizeType>(i)], i)) {
        valid = false;
        if (ctx.flag_only()) return false;
      }
    }
    if (valid && evaluated != nullptr) evaluated->all_items = true;
    if (valid && applied) ctx.annotate(*this, "true");
    return valid;
  }
};

template <typename K>
Compiled compile_unevaluated(KeywordCompiler& c, uint8_t applies_to) {
  auto k = c.make<K>();
  k->applies_to = applies_to;
  k->node = c.subschema(c.value());
  if (k->node == nullptr) return nullptr;
  k->forbidden = c.value().IsBool() && !c.value().GetBool();
  return k;
}

}  // namespace

Compiled compile_unevaluated_properties(KeywordCompiler& c) {
  return compile_unevaluated<UnevaluatedProperties>(c, json::kObject);
}
Compiled compile_unevaluated_items(KeywordCompiler& c) {
  return compile_unevaluated<UnevaluatedItems>(c, json::kArray);
}

}  // namespace jsonsieve::keywords
