// multipleOf, maximum, minimum, exclusiveMaximum, exclusiveMinimum.
// multipleOf is decided in decimal arithmetic, so 19.99 is a multiple of 0.01.
// Draft-04's boolean exclusiveMaximum/exclusiveMinimum modify maximum/minimum.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {

class MultipleOf final : public Keyword {
 public:
  json::Decimal divisor;
  std::string text;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (json::is_multiple_of(json::to_decimal(instance), divisor)) return true;
    return ctx.fail(*this, [&] { return "must be a multiple of " + text + ", got " + output::number_text(instance); });
  }
};

// instance <op> limit, where op is ≤, <, ≥ or >.
class Bound final : public Keyword {
 public:
  const Json* limit = nullptr;
  bool upper = true;
  bool exclusive = false;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    int cmp = json::compare_numbers(instance, *limit);
    bool ok = upper ? (exclusive ? cmp < 0 : cmp <= 0) : (exclusive ? cmp > 0 : cmp >= 0);
    if (ok) return true;
    const char* relation = upper ? (exclusive ? "less than " : "at most ")
                                 : (exclusive ? "greater than " : "at least ");
    return ctx.fail(*this, [&] { return std::string("must be ") + relation + output::number_text(*limit) +
                               ", got " + output::number_text(instance); });
  }
};

Compiled compile_bound(KeywordCompiler& c, bool upper, bool exclusive_keyword) {
  if (exclusive_keyword && c.dialect() == Dialect::Draft04) {
    if (!c.value().IsBool()) return c.error("must be a boolean in draft-04");
    return nullptr;  // read by maximum/minimum
  }
  if (!c.value().IsNumber()) return c.error("must be a number");
  auto k = c.make<Bound>();
  k->applies_to = json::kNumber;
  k->limit = &c.value();
  k->upper = upper;
  k->exclusive = exclusive_keyword;
  if (!exclusive_keyword && c.dialect() == Dialect::Draft04) {
    const Json* flag = c.sibling(upper ? "exclusiveMaximum" : "exclusiveMinimum");
    k->exclusive = flag != nullptr && flag->IsBool() && flag->GetBool();
  }
  return k;
}

}  // namespace

Compiled compile_multiple_of(KeywordCompiler& c) {
  if (!c.value().IsNumber() || c.value().GetDouble() <= 0) return c.error("must be a number greater than 0");
  auto k = c.make<MultipleOf>();
  k->applies_to = json::kNumber;
  k->divisor = json::to_decimal(c.value());
  k->text = output::number_text(c.value());
  return k;
}
Compiled compile_maximum(KeywordCompiler& c) { return compile_bound(c, true, false); }
Compiled compile_minimum(KeywordCompiler& c) { return compile_bound(c, false, false); }
Compiled compile_exclusive_maximum(KeywordCompiler& c) { return compile_bound(c, true, true); }
Compiled compile_exclusive_minimum(KeywordCompiler& c) { return compile_bound(c, false, true); }

}  // namespace jsonsieve::keywords
