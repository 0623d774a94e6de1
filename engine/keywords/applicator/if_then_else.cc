// if / then / else (draft-07+): `if`'s outcome selects `then` or `else`; `if`'s own errors are
// never reported. Compiled as one rule on `if`; `then`/`else` alone do nothing.
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {
class IfThenElse final : public Keyword {
 public:
  const schema::Node* condition = nullptr;
  const schema::Node* then_branch = nullptr;
  const schema::Node* else_branch = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const bool holds = ctx.passes_in_place(*condition, instance);
    const schema::Node* next = holds ? then_branch : else_branch;
    if (next == nullptr) return true;
    // The chosen branch reports its own location: step from "if" to its sibling.
    ctx.pop_keyword_segment();
    const char* name = holds ? "then" : "else";
    ctx.push_keyword_segment(name, 4);
    bool ok = ctx.evaluate_in_place(*next, instance);
    ctx.pop_keyword_segment();
    ctx.push_keyword_segment("if", 2);
    return ok;
  }
};
}  // namespace

Compiled compile_if(KeywordCompiler& c) {
  auto k = c.make<IfThenElse>();
  k->condition = c.subschema(c.value());
  if (k->condition == nullptr) return nullptr;
  if (const Json* then_value = c.sibling("then")) {
    if (!(k->then_branch = c.sibling_subschema("then", *then_value))) return nullptr;
  }
  if (const Json* else_value = c.sibling("else")) {
    if (!(k->else_branch = c.sibling_subschema("else", *else_value))) return nullptr;
  }
  return k;
}

}  // namespace jsonsieve::keywords
