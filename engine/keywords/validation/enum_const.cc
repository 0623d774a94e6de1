// enum and const: deep equality (1 equals 1.0, member order irrelevant). Values are hashed at
// compile time so a large enum costs one hash plus a few comparisons.
#include <algorithm>

#include "json/value.h"
#include "keywords/factories.h"
#include "keywords/property_table.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {
// The instance for a message. output::brief serializes with RapidJSON's recursive writer, and a
// caller's document may nest to any depth: bound it first.
std::string got(const Json& instance) {
  constexpr size_t kMaxDepth = 100;
  if (json::depth(instance, kMaxDepth) > kMaxDepth) {
    return std::string(instance.IsArray() ? "an array" : "an object") + " nested deeper than " +
           std::to_string(kMaxDepth) + " levels";
  }
  return output::brief(instance);
}

class Enum final : public Keyword {
 public:
  std::vector<std::pair<uint64_t, const Json*>> values;  // sorted by hash
  std::string listing;
  bool is_const = false;
  // Every value a string (the usual enum): a name table, and no JSON hash of the instance
  // (hashing and comparing were 3% of is_valid on the bench schema).
  bool all_strings = false;
  PropertyTable strings;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (all_strings) {
      if (instance.IsString() && strings.find_index(instance.GetString(), instance.GetStringLength()) >= 0) return true;
    } else {
      uint64_t h = json::hash(instance);
      auto it = std::lower_bound(values.begin(), values.end(), std::make_pair(h, static_cast<const Json*>(nullptr)),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
      for (; it != values.end() && it->first == h; ++it) {
        if (json::equal(*it->second, instance)) return true;
      }
    }
    if (is_const || values.size() == 1) {
      return ctx.fail(*this, [&] { return "must be equal to " + listing + ", got " + got(instance); });
    }
    if (values.empty()) return ctx.fail(*this, [&] { return "no value is allowed here (the enum is empty), got " + got(instance); });
    return ctx.fail(*this, [&] { return "must be one of " + listing + ", got " + got(instance); });
  }
};

void finish(Enum* k) {
  std::sort(k->values.begin(), k->values.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  k->all_strings = !k->values.empty() &&
                   std::all_of(k->values.begin(), k->values.end(), [](const auto& v) { return v.second->IsString(); });
  if (!k->all_strings) return;
  for (const auto& v : k->values) k->strings.add(std::string(v.second->GetString(), v.second->GetStringLength()));
  k->strings.seal();
}
}  // namespace

Compiled compile_enum(KeywordCompiler& c) {
  if (!c.value().IsArray()) return c.error("must be an array");
  auto k = c.make<Enum>();
  for (auto& v : c.value().GetArray()) k->values.emplace_back(json::hash(v), &v);
  // One value: the message names it alone ("must be equal to \"a\"").
  k->listing = output::brief(c.value().Size() == 1 ? c.value()[0] : c.value(), 120);
  finish(k.get());
  return k;
}

Compiled compile_const(KeywordCompiler& c) {
  auto k = c.make<Enum>();
  k->is_const = true;
  k->values.emplace_back(json::hash(c.value()), &c.value());
  k->listing = output::brief(c.value(), 120);
  finish(k.get());
  return k;
}

}  // namespace jsonsieve::keywords
