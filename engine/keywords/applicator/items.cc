// prefixItems, items, additionalItems. In 2020-12 `prefixItems` is positional and `items`
// covers the rest; before, `items` is one schema for all items or an array (positional) with
// `additionalItems` for the rest.
#include "json/value.h"
#include "keywords/factories.h"
#include <string>

namespace jsonsieve::keywords {
namespace {

// Applies `positional[i]` to item i (for i < count), then `rest` from `start` on.
class Items final : public Keyword {
 public:
  std::vector<const schema::Node*> positional;
  const schema::Node* rest = nullptr;
  size_t start = 0;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t count = instance.Size();
    bool valid = true;
    schema::Evaluated* evaluated = ctx.evaluated();
    for (size_t i = 0; i < positional.size() && i < count; ++i) {
      ctx.push_keyword_index(i);
      bool ok = ctx.evaluate_item(*positional[i], instance[static_cast<rapidjson::SizeType>(i)], i);
      ctx.pop_keyword_segment();
      if (!ok) { valid = false; if (ctx.flag_only()) return false; }
    }
    if (rest != nullptr) {
      for (size_t i = start; i < count; ++i) {
        if (!ctx.evaluate_item(*rest, instance[static_cast<rapidjson::SizeType>(i)], i)) {
          valid = false;
          if (ctx.flag_only()) return false;
        }
      }
    }
    if (evaluated != nullptr && valid) {
      if (rest != nullptr) evaluated->all_items = true;
      else evaluated->mark_items_below(positional.size(), count);
    }
    if (valid && ctx.collecting_annotations()) {
      // prefixItems (and array-form items): the largest index applied, or true for all;
      // items/additionalItems: true when they applied to any item (Core §10.3.1).
      if (rest != nullptr) {
        if (count > start) ctx.annotate(*this, "true");
      } else if (count > 0) {
        ctx.annotate(*this, positional.size() >= count ? "true" : std::to_string(positional.size() - 1));
      }
    }
    return valid;
  }
};

bool compile_positional(KeywordCompiler& c, const Json& value, Items* k) {
  if (!value.IsArray()) {
    c.error("must be an array of schemas");
    return false;
  }
  for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
    std::string index = std::to_string(i);
    const schema::Node* node = c.subschema(value[i], {index});
    if (node == nullptr) return false;
    k->positional.push_back(node);
  }
  return true;
}

}  // namespace

Compiled compile_prefix_items(KeywordCompiler& c) {
  auto k = c.make<Items>();
  k->applies_to = json::kArray;
  if (!compile_positional(c, c.value(), k.get())) return nullptr;
  return k;
}

Compiled compile_items(KeywordCompiler& c) {
  auto k = c.make<Items>();
  k->applies_to = json::kArray;
  if (c.dialect() != Dialect::Draft2020_12 && c.value().IsArray()) {
    if (!compile_positional(c, c.value(), k.get())) return nullptr;
    return k;
  }
  k->rest = c.subschema(c.value());
  if (k->rest == nullptr) return nullptr;
  if (c.dialect() == Dialect::Draft2020_12) {
    const Json* prefix = c.sibling("prefixItems");
    if (prefix != nullptr && prefix->IsArray()) k->start = prefix->Size();
  }
  return k;
}

Compiled compile_additional_items(KeywordCompiler& c) {
  const Json* items = c.sibling("items");
  const schema::Node* node = c.subschema(c.value());
  if (node == nullptr) return nullptr;
  if (items == nullptr || !items->IsArray()) return nullptr;  // ignored unless items is an array
  auto k = c.make<Items>();
  k->applies_to = json::kArray;
  k->rest = node;
  k->start = items->Size();
  return k;
}

}  // namespace jsonsieve::keywords
