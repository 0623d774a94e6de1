// maxLength/minLength (code points), maxItems/minItems, maxProperties/minProperties.
#include "json/value.h"
#include "keywords/factories.h"
#include "keywords/validation/limits.h"

namespace jsonsieve::keywords {
namespace {

enum class Measure : uint8_t { Length, Items, Properties };

class CountBound final : public Keyword {
 public:
  uint64_t limit = 0;
  bool upper = true;
  Measure measure = Measure::Length;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    uint64_t n;
    switch (measure) {
      case Measure::Length:
        // A byte count bounds the code point count from above: skip counting when it decides.
        if (upper && instance.GetStringLength() <= limit) return true;
        n = json::utf8_length(std::string_view(instance.GetString(), instance.GetStringLength()));
        break;
      case Measure::Items: n = instance.Size(); break;
      case Measure::Properties: n = instance.MemberCount(); break;
    }
    if (upper ? n <= limit : n >= limit) return true;
    const char* unit = measure == Measure::Length ? (limit == 1 ? " character" : " characters")
                       : measure == Measure::Items ? (limit == 1 ? " item" : " items")
                                                   : (limit == 1 ? " property" : " properties");
    return ctx.fail(*this, [&] { return std::string(measure == Measure::Length ? "must be " : "must have ") +
                               (upper ? "at most " : "at least ") + std::to_string(limit) + unit +
                               (measure == Measure::Length ? " long" : "") + ", got " + std::to_string(n); });
  }
};

Compiled compile_count(KeywordCompiler& c, Measure measure, bool upper) {
  auto k = c.make<CountBound>();
  if (!read_count(c, &k->limit)) return nullptr;
  k->upper = upper;
  k->measure = measure;
  k->applies_to = measure == Measure::Length ? json::kString
                  : measure == Measure::Items ? json::kArray : json::kObject;
  return k;
}

}  // namespace

Compiled compile_max_length(KeywordCompiler& c) { return compile_count(c, Measure::Length, true); }
Compiled compile_min_length(KeywordCompiler& c) { return compile_count(c, Measure::Length, false); }
Compiled compile_max_items(KeywordCompiler& c) { return compile_count(c, Measure::Items, true); }
Compiled compile_min_items(KeywordCompiler& c) { return compile_count(c, Measure::Items, false); }
Compiled compile_max_properties(KeywordCompiler& c) { return compile_count(c, Measure::Properties, true); }
Compiled compile_min_properties(KeywordCompiler& c) { return compile_count(c, Measure::Properties, false); }

}  // namespace jsonsieve::keywords
