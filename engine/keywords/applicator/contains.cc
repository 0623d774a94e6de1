// contains with minContains/maxContains: how many items match a schema.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {
class Contains final : public Keyword {
 public:
  const schema::Node* schema_node = nullptr;
  uint64_t min = 1;
  uint64_t max = UINT64_MAX;
  bool annotates = false;  // 2020-12: matched items count as evaluated for unevaluatedItems
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t mark = ctx.error_mark();
    const size_t count = instance.Size();
    schema::Evaluated* evaluated = ctx.evaluated();
    // Every item must be tried when annotations matter or a maximum applies.
    const bool exhaustive = (evaluated != nullptr && annotates) || max != UINT64_MAX || ctx.collecting_annotations();
    uint64_t matches = 0;
    std::string indices;  // the annotation: indices of matching items
    // Items' errors are never reported: probe when no annotation is wanted from them.
    const bool probe = !ctx.collecting_annotations() && !(evaluated != nullptr && annotates);
    for (size_t i = 0; i < count; ++i) {
      const Json& item = instance[static_cast<rapidjson::SizeType>(i)];
      if (probe ? ctx.probe(*schema_node, item, false) : ctx.evaluate_item(*schema_node, item, i)) {
        ++matches;
        if (ctx.collecting_annotations()) indices += (indices.empty() ? "" : ",") + std::to_string(i);
        if (evaluated != nullptr && annotates) evaluated->mark_item(i, count);
        if (!exhaustive && matches >= min) break;
      }
    }
    ctx.discard_errors_since(mark);
    if (matches < min || matches > max) return ctx.fail(*this, [&] { return message(matches); });
    if (ctx.collecting_annotations()) ctx.annotate(*this, "[" + indices + "]");
    return true;
  }

  // The count agrees with its noun: "at most 1 item", "at least 2 items", "found 1".
  std::string message(uint64_t matches) const {
    const std::string found = ", found " + std::to_string(matches);
    if (matches < min) {
      if (min == 1) return "must contain at least one item matching the contains schema";
      return "must contain at least " + output::plural(min, "item", "items") + " matching the contains schema" + found;
    }
    if (max == 0) return "must not contain any item matching the contains schema" + found;
    return "must contain at most " + output::plural(max, "item", "items") + " matching the contains schema" + found;
  }
};

bool read_count(const Json* v, uint64_t* out) {
  if (v == nullptr) return true;
  if (!v->IsNumber()) return false;
  double d = v->GetDouble();
  if (d < 0 || d != static_cast<double>(static_cast<uint64_t>(d))) return false;
  *out = static_cast<uint64_t>(d);
  return true;
}
}  // namespace

Compiled compile_contains(KeywordCompiler& c) {
  auto k = c.make<Contains>();
  k->applies_to = json::kArray;
  k->schema_node = c.subschema(c.value());
  if (k->schema_node == nullptr) return nullptr;
  k->annotates = c.dialect() == Dialect::Draft2020_12;
  if (c.dialect() == Dialect::Draft2020_12 || c.dialect() == Dialect::Draft2019_09) {
    if (!read_count(c.sibling("minContains"), &k->min)) return c.error("minContains must be a non-negative integer");
    if (!read_count(c.sibling("maxContains"), &k->max)) return c.error("maxContains must be a non-negative integer");
  }
  return k;
}

}  // namespace jsonsieve::keywords
