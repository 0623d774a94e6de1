// required and dependentRequired: property presence.
#include "json/value.h"
#include "keywords/factories.h"
#include "keywords/property_table.h"
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
  // Up to 64 names: one pass over the members marks the names present, instead of
  // one member search per name (that search was 13% of is_valid on the bench schema).
  PropertyTable table;               // the names; a repeated name is found at its first entry
  std::vector<uint8_t> bit;          // names[i] → the entry it is found at
  uint64_t all = 0;                  // the bits of every name
  bool checked_by_properties = false;  // in flag mode (see Properties in applicator/properties.cc)
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (checked_by_properties && ctx.flag_untracked()) return true;
    if (all != 0) {
      uint64_t found = 0;
      for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m) {
        int32_t i = table.find_index(m->name.GetString(), m->name.GetStringLength());
        if (i >= 0) found |= uint64_t{1} << i;
      }
      if (found == all) return true;
      if (ctx.flag_only()) return false;
      for (size_t i = 0; i < names.size(); ++i) {
        if (found & (uint64_t{1} << bit[i])) continue;
        ctx.fail(*this, [&] { return "missing required property " + output::quote(names[i]); });
      }
      return false;
    }
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
  k->checked_by_properties = required_checked_by_properties(c);
  if (k->names.size() <= 64) {
    for (const std::string& name : k->names) k->table.add(name);
    k->table.seal();
    for (const std::string& name : k->names) {
      k->bit.push_back(static_cast<uint8_t>(k->table.find_index(name.data(), name.size())));
      k->all |= uint64_t{1} << k->bit.back();
    }
  }
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
