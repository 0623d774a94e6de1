// dependentSchemas (2019-09+) and dependencies (≤ draft-07): when a property is present, the
// whole object must also match a schema (or, for dependencies, have other properties).
#include "keywords/factories.h"
#include "json/value.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {
struct Dependency {
  std::string property;
  const schema::Node* schema = nullptr;   // schema form
  std::vector<std::string> required;      // array form (dependencies only)
};

class DependentSchemas final : public Keyword {
 public:
  std::vector<Dependency> dependencies;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    for (const Dependency& d : dependencies) {
      if (!instance.HasMember(rapidjson::StringRef(d.property.data(), d.property.size()))) continue;
      if (d.schema != nullptr) {
        ctx.push_keyword_segment(d.property.data(), static_cast<uint32_t>(d.property.size()));
        bool ok = ctx.evaluate_in_place(*d.schema, instance);
        ctx.pop_keyword_segment();
        if (!ok) { valid = false; if (ctx.flag_only()) return false; }
        continue;
      }
      for (const std::string& name : d.required) {
        if (instance.HasMember(rapidjson::StringRef(name.data(), name.size()))) continue;
        valid = false;
        ctx.fail(*this, [&] { return "property " + output::quote(name) + " is required when " +
                            output::quote(d.property) + " is present"; });
        if (ctx.flag_only()) return false;
      }
    }
    return valid;
  }
};

Compiled compile_dependency_map(KeywordCompiler& c, bool allow_arrays) {
  if (!c.value().IsObject()) return c.error("must be an object");
  auto k = c.make<DependentSchemas>();
  k->applies_to = json::kObject;
  for (auto m = c.value().MemberBegin(); m != c.value().MemberEnd(); ++m) {
    Dependency d;
    d.property.assign(m->name.GetString(), m->name.GetStringLength());
    if (allow_arrays && m->value.IsArray()) {
      for (auto& item : m->value.GetArray()) {
        if (!item.IsString()) return c.error("must list property names (strings)", {d.property});
        d.required.emplace_back(item.GetString(), item.GetStringLength());
      }
    } else {
      d.schema = c.subschema(m->value, {d.property});
      if (d.schema == nullptr) return nullptr;
    }
    k->dependencies.push_back(std::move(d));
  }
  return k;
}
}  // namespace

Compiled compile_dependent_schemas(KeywordCompiler& c) { return compile_dependency_map(c, false); }
Compiled compile_dependencies(KeywordCompiler& c) { return compile_dependency_map(c, true); }

}  // namespace jsonsieve::keywords
