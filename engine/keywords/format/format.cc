// format: an annotation by default; an assertion when the format-assertion vocabulary is on
// (CompileOptions::formats = Assert, or a meta-schema that requires it). Unknown formats are
// ignored, as the spec allows, except that 2020-12's format-assertion vocabulary may reject them.
#include "formats/formats.h"
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"
#include "schema/dialects.h"

namespace jsonsieve::keywords {
namespace {
class Format final : public Keyword {
 public:
  formats::FormatChecker checker = nullptr;
  std::string format;
  const Json* value = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (checker == nullptr || !instance.IsString()) {
      ctx.annotate(*this, [&] { return output::to_json(*value); });
      return true;
    }
    if (checker(std::string_view(instance.GetString(), instance.GetStringLength()))) {
      ctx.annotate(*this, [&] { return output::to_json(*value); });
      return true;
    }
    return ctx.fail(*this, [&] { return "must be a valid " + format + ", got " + output::brief(instance); });
  }
};
}  // namespace

Compiled compile_format(KeywordCompiler& c) {
  if (!c.value().IsString()) return c.error("must be a string");
  auto k = c.make<Format>();
  k->format.assign(c.value().GetString(), c.value().GetStringLength());
  k->value = &c.value();
  const bool assert = (c.vocabularies() & schema::kFormatAssertion) != 0;
  if (assert) k->checker = formats::find_format_checker(k->format);
  k->annotation_only = k->checker == nullptr;
  return k;
}

}  // namespace jsonsieve::keywords
