// allOf, anyOf, oneOf, not: boolean logic over in-place subschemas.
#include <cstdint>

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

// Where each branch's errors start in the output, to pick the closest branch on failure.
// Fixed capacity so the valid path never allocates; beyond it, every branch's errors stay.
struct BranchMarks {
  static constexpr size_t kMax = 32;
  size_t begin[kMax + 1];
  size_t count = 0;
  void add(size_t mark) { if (count < kMax) begin[count++] = mark; }
};

// The branch with the fewest errors (the first on ties), as "branch i (location)".
std::string keep_closest(schema::Context& ctx, size_t mark, BranchMarks& marks, size_t branches,
                         const std::vector<const schema::Node*>& nodes) {
  if (marks.count != branches || branches < 2) return "";
  marks.begin[branches] = ctx.error_mark();
  size_t best = 0, best_errors = SIZE_MAX;
  for (size_t i = 0; i < branches; ++i) {
    size_t errors = marks.begin[i + 1] - marks.begin[i];
    if (errors < best_errors) { best = i; best_errors = errors; }
  }
  ctx.keep_errors_between(mark, marks.begin[best], marks.begin[best + 1]);
  return "; closest is branch " + std::to_string(best) + " (" + nodes[best]->absolute_location + ")";
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
    if (!ctx.flag_only() && ctx.can_probe()) {  // errors are needed only when no branch matches
      for (const schema::Node* b : branches) {
        if (ctx.probe(*b, instance, true)) return true;
      }
    }
    const size_t mark = ctx.error_mark();
    // All branches run when annotations matter (unevaluated*, output); otherwise stop at a match.
    const bool exhaustive = ctx.evaluated() != nullptr || ctx.collecting_annotations();
    bool any = false;
    BranchMarks marks;
    for (size_t i = 0; i < branches.size(); ++i) {
      marks.add(ctx.error_mark());
      if (branch(*branches[i], i, instance, ctx)) {
        any = true;
        if (!exhaustive) break;
      }
    }
    if (any) {
      ctx.discard_errors_since(mark);
      return true;
    }
    if (ctx.flag_only()) return false;
    std::string closest = keep_closest(ctx, mark, marks, branches.size(), branches);
    return ctx.fail(*this, [&] {
      if (branches.size() == 1) return std::string("must match the schema in anyOf, but does not");
      return "must match at least one of the " + std::to_string(branches.size()) +
             " schemas in anyOf, but matches none" + closest;
    });
  }
};

class OneOf final : public Keyword {
 public:
  std::vector<const schema::Node*> branches;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (!ctx.flag_only() && ctx.can_probe()) {  // errors are needed only when not exactly one matches
      size_t matches = 0;
      for (const schema::Node* b : branches) {
        if (ctx.probe(*b, instance, true) && ++matches > 1) break;
      }
      if (matches == 1) return true;
    }
    const size_t mark = ctx.error_mark();
    size_t matches = 0, first = 0, second = 0;
    BranchMarks marks;
    for (size_t i = 0; i < branches.size(); ++i) {
      marks.add(ctx.error_mark());
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
      if (ctx.flag_only()) return false;
      std::string closest = keep_closest(ctx, mark, marks, branches.size(), branches);
      return ctx.fail(*this, [&] {
        if (branches.size() == 1) return std::string("must match the schema in oneOf, but does not");
        return "must match exactly one of the " + std::to_string(branches.size()) +
               " schemas in oneOf, but matches none" + closest;
      });
    }
    ctx.discard_errors_since(mark);
    // Outside flag mode every branch ran, so `matches` is exact; only the first two are named.
    return ctx.fail(*this, [&] {
      std::string which = "branches " + std::to_string(first) +
                          (matches == 2 ? " and " : ", ") + std::to_string(second);
      if (matches > 2) which += " and " + std::to_string(matches - 2) + " more";
      return "must match exactly one schema in oneOf, but matches " + std::to_string(matches) + " (" + which + ")";
    });
  }
};

class Not final : public Keyword {
 public:
  const schema::Node* negated = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (!ctx.passes_in_place(*negated, instance)) return true;
    return ctx.fail(*this, [&] { return "must not match the schema in not"; });
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
