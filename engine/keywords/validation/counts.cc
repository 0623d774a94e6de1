// maxLength/minLength (code points), maxItems/minItems, maxProperties/minProperties.
#include "json/value.h"
#include "keywords/factories.h"
#include "keywords/validation/limits.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {

enum class Measure : uint8_t { Length, Items, Properties };

class CountBound final : public Keyword {
 public:
  uint64_t limit = 0;
  bool upper = true;
  Measure measure = Measure::Length;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    uint64_t n = 0;
    if (measure == Measure::Length) {
      // A byte count bounds the code point count from above: skip counting when it decides.
      if (upper && instance.GetStringLength() <= limit) return true;
      n = json::utf8_length(std::string_view(instance.GetString(), instance.GetStringLength()));
    } else {
      n = measure == Measure::Items ? instance.Size() : instance.MemberCount();
    }
    if (upper ? n <= limit : n >= limit) return true;
    return ctx.fail(*this, [&] { return message(n); });
  }

  // "must have at most 1 item, got 2", "must be at least 3 characters long, got 1": the unit
  // agrees with the limit it follows.
  std::string message(uint64_t n) const {
    const bool length = measure == Measure::Length;
    std::string limit_text = length ? output::plural(limit, "character", "characters")
                             : measure == Measure::Items ? output::plural(limit, "item", "items")
                                                         : output::plural(limit, "property", "properties");
    return std::string(length ? "must be " : "must have ") + (upper ? "at most " : "at least ") +
           limit_text + (length ? " long" : "") + ", got " + std::to_string(n);
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
