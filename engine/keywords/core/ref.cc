// $ref (all dialects): evaluate the referenced schema in place. Resolved at compile time.
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {
class Ref final : public Keyword {
 public:
  const schema::Node* target = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    return ctx.evaluate_in_place(*target, instance);
  }
};
}  // namespace

Compiled compile_ref(KeywordCompiler& c) {
  if (!c.value().IsString()) return c.error("must be a string (a URI reference)");
  auto keyword = c.make<Ref>();
  c.defer_reference(std::string(c.value().GetString(), c.value().GetStringLength()), &keyword->target);
  return keyword;
}

}  // namespace jsonsieve::keywords
