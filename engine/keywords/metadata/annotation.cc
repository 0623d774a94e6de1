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
    ctx.annotate(*this, output::to_json(*value));
    return true;
  }
};
}  // namespace

Compiled compile_annotation(KeywordCompiler& c) {
  auto k = c.make<Annotation>();
  k->value = &c.value();
  k->annotation_only = true;
  if (c.name().rfind("content", 0) == 0) k->applies_to = json::kString;
  return k;
}

}  // namespace jsonsieve::keywords
