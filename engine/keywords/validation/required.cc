// required and dependentRequired: property presence.
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {

bool read_names(KeywordCompiler& c, const Json& value, std::vector<std::string>* out,
                std::initializer_list<std::string_view> where = {}) {
  if (!value.IsArray()) {
    c.error("must be an array of property names", where);
    return false;
  }
  for (auto& v : value.GetArray()) {
    if (!v.IsString()) {
      c.error("must contain only strings", where);
      return false;
    }
    out->emplace_back(v.GetString(), v.GetStringLength());
  }
  return true;
}

class Required final : public Keyword {
 public:
  std::vector<std::string> names;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    for (const std::string& name : names) {
      if (instance.HasMember(rapidjson::StringRef(name.data(), name.size()))) continue;
      valid = false;
      if (ctx.flag_only()) return false;
      ctx.fail(*this, [&] { return "missing required property " + output::quote(name); });
    }
    return valid;
  }
};

class DependentRequired final : public Keyword {
 public:
  std::vector<std::pair<std::string, std::vector<std::string>>> rules;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    for (const auto& rule : rules) {
      // Not a structured binding: clang 14 (emcc) rejects capturing one in the lambda below.
      const std::string& trigger = rule.first;
      const std::vector<std::string>& names = rule.second;
      if (!instance.HasMember(rapidjson::StringRef(trigger.data(), trigger.size()))) continue;
      for (const std::string& name : names) {
        if (instance.HasMember(rapidjson::StringRef(name.data(), name.size()))) continue;
        valid = false;
        if (ctx.flag_only()) return false;
        ctx.fail(*this, [&] { return "property " + output::quote(name) + " is required when " +
                            output::quote(trigger) + " is present"; });
      }
    }
    return valid;
  }
};

}  // namespace

Compiled compile_required(KeywordCompiler& c) {
  auto k = c.make<Required>();
  k->applies_to = json::kObject;
  if (!read_names(c, c.value(), &k->names)) return nullptr;
  if (k->names.empty()) return nullptr;
  return k;
}

Compiled compile_dependent_required(KeywordCompiler& c) {
  if (!c.value().IsObject()) return c.error("must be an object");
  auto k = c.make<DependentRequired>();
  k->applies_to = json::kObject;
  for (auto m = c.value().MemberBegin(); m != c.value().MemberEnd(); ++m) {
    std::string trigger(m->name.GetString(), m->name.GetStringLength());
    std::vector<std::string> names;
    if (!read_names(c, m->value, &names, {trigger})) return nullptr;
    k->rules.emplace_back(std::move(trigger), std::move(names));
  }
  return k;
}

}  // namespace jsonsieve::keywords
