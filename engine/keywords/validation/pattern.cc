// pattern: an ECMA-262 regex (translated to RE2, linear time), unanchored search.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"
#include "regex/pattern.h"

namespace jsonsieve::keywords {
namespace {
class Pattern final : public Keyword {
 public:
  std::unique_ptr<regex::Pattern> pattern;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (pattern->search(std::string_view(instance.GetString(), instance.GetStringLength()))) return true;
    return ctx.fail(*this, [&] { return "must match the pattern " + output::quote(pattern->source()) + ", got " +
                               output::brief(instance); });
  }
};
}  // namespace

Compiled compile_pattern(KeywordCompiler& c) {
  if (!c.value().IsString()) return c.error("must be a string (an ECMA-262 regular expression)");
  auto k = c.make<Pattern>();
  k->applies_to = json::kString;
  regex::RegexError error;
  k->pattern = regex::Pattern::compile(std::string_view(c.value().GetString(), c.value().GetStringLength()),
                                       &error, c.options().limits.max_regex_memory);
  if (k->pattern == nullptr) return c.error("invalid regular expression: " + error.message);
  return k;
}

}  // namespace jsonsieve::keywords
