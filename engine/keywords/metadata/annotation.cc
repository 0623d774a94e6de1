// Meta-data and content keywords (title, description, default, examples, readOnly, writeOnly,
// deprecated, contentMediaType, contentEncoding, contentSchema): they never fail; their value
// is an annotation, collected only when an output format asks for annotations.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {
class Annotation final : public Keyword {
 public:
  const Json* value = nullptr;
  bool evaluate(const Json&, schema::Context& ctx) const override {
    ctx.annotate(*this, [&] { return output::to_json(*value); });
    return true;
  }
};
}  // namespace

Compiled compile_annotation(KeywordCompiler& c) {
  // contentSchema only annotates alongside contentMediaType (2020-12 Validation §8.5).
  if (c.name() == "contentSchema" && c.sibling("contentMediaType") == nullptr) return nullptr;
  auto k = c.make<Annotation>();
  k->value = &c.value();
  k->annotation_only = true;
  if (c.name().rfind("content", 0) == 0) k->applies_to = json::kString;
  return k;
}

Compiled make_unknown_keyword_annotation(std::string_view name, const Json& value,
                                         const std::string& node_location) {
  auto k = std::make_unique<Annotation>();
  k->name = name;
  k->absolute_location = node_location + "/" + std::string(name);
  k->value = &value;
  k->annotation_only = true;
  return k;
}

}  // namespace jsonsieve::keywords
