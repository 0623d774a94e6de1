// allOf, anyOf, oneOf, not: boolean logic over in-place subschemas.
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {

bool compile_list(KeywordCompiler& c, std::vector<const schema::Node*>* out) {
  if (!c.value().IsArray() || c.value().Empty()) {
    c.error("must be a non-empty array of schemas");
    return false;
  }
  for (rapidjson::SizeType i = 0; i < c.value().Size(); ++i) {
    std::string index = std::to_string(i);
    const schema::Node* node = c.subschema(c.value()[i], {index});
    if (node == nullptr) return false;
    out->push_back(node);
  }
  return true;
}

// Evaluates branch i with its index on the keyword path.
bool branch(const schema::Node& node, size_t i, const Json& instance, schema::Context& ctx) {
  ctx.push_keyword_index(i);
  bool ok = ctx.evaluate_in_place(node, instance);
  ctx.pop_keyword_segment();
  return ok;
}

class AllOf final : public Keyword {
 public:
  std::vector<const schema::Node*> branches;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (!branch(*branches[i], i, instance, ctx)) {
        valid = false;
        if (ctx.flag_only()) return false;
      }
    }
    return valid;
  }
};

class AnyOf final : public Keyword {
 public:
  std::vector<const schema::Node*> branches;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t mark = ctx.error_mark();
    // All branches run when annotations matter (unevaluated*, output); otherwise stop at a match.
    const bool exhaustive = ctx.evaluated() != nullptr || ctx.collecting_annotations();
    bool any = false;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (branch(*branches[i], i, instance, ctx)) {
        any = true;
        if (!exhaustive) break;
      }
    }
    if (any) {
      ctx.discard_errors_since(mark);
      return true;
    }
    return ctx.fail(*this, "must match at least one of the " +
                               std::to_string(branches.size()) + " schemas in anyOf");
  }
};

class OneOf final : public Keyword {
 public:
  std::vector<const schema::Node*> branches;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t mark = ctx.error_mark();
    size_t matches = 0, first = 0, second = 0;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (branch(*branches[i], i, instance, ctx)) {
        if (matches == 0) first = i; else if (matches == 1) second = i;
        if (++matches > 1 && ctx.flag_only()) return false;
      }
    }
    if (matches == 1) {
      ctx.discard_errors_since(mark);
      return true;
    }
    if (matches == 0) {
      return ctx.fail(*this, "must match exactly one of the " + std::to_string(branches.size()) +
                                 " schemas in oneOf, but matches none");
    }
    ctx.discard_errors_since(mark);
    return ctx.fail(*this, "must match exactly one schema in oneOf, but matches " +
                               std::to_string(matches) + " (at least branches " +
                               std::to_string(first) + " and " + std::to_string(second) + ")");
  }
};

class Not final : public Keyword {
 public:
  const schema::Node* negated = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t mark = ctx.error_mark();
    bool matched = ctx.evaluate_in_place(*negated, instance);
    ctx.discard_errors_since(mark);
    if (!matched) return true;
    return ctx.fail(*this, "must not match the schema in not");
  }
};

}  // namespace

Compiled compile_all_of(KeywordCompiler& c) {
  auto k = c.make<AllOf>();
  return compile_list(c, &k->branches) ? std::move(k) : nullptr;
}
Compiled compile_any_of(KeywordCompiler& c) {
  auto k = c.make<AnyOf>();
  return compile_list(c, &k->branches) ? std::move(k) : nullptr;
}
Compiled compile_one_of(KeywordCompiler& c) {
  auto k = c.make<OneOf>();
  return compile_list(c, &k->branches) ? std::move(k) : nullptr;
}
Compiled compile_not(KeywordCompiler& c) {
  auto k = c.make<Not>();
  k->negated = c.subschema(c.value());
  return k->negated ? std::move(k) : nullptr;
}

}  // namespace jsonsieve::keywords
