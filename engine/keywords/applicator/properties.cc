// properties, patternProperties, additionalProperties, propertyNames.
// additionalProperties knows its siblings' names and patterns, so each rule is self-contained.
#include "json/value.h"
#include "keywords/property_table.h"
#include "keywords/factories.h"
#include "output/messages.h"
#include "regex/pattern.h"

namespace jsonsieve::keywords {
namespace {

struct PatternRule {
  std::unique_ptr<regex::Pattern> pattern;
  std::string source;
  const schema::Node* node;
};

class Properties final : public Keyword {
 public:
  PropertyTable table;
  // Sibling additionalProperties (without patternProperties) and required: in flag mode with
  // no evaluated-member tracking, this one loop applies them too, and they pass at once. One
  // name lookup per member instead of three (lookups were a third of is_valid).
  const schema::Node* additional = nullptr;
  bool additional_forbidden = false;
  uint64_t required_mask = 0;  // by table position
  bool applies_siblings() const { return additional != nullptr || required_mask != 0; }
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (applies_siblings() && ctx.flag_untracked()) {
      uint64_t found = 0;
      for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m) {
        const int32_t i = table.find_index(m->name.GetString(), m->name.GetStringLength());
        const schema::Node* node;
        if (i >= 0) {
          if (i < 64) found |= uint64_t{1} << i;
          node = table.node_at(i);
        } else if (additional == nullptr) {
          continue;
        } else if (additional_forbidden) {
          return false;
        } else {
          node = additional;
        }
        if (!ctx.evaluate_member(*node, m->value, m->name.GetString(), m->name.GetStringLength())) return false;
      }
      return (found & required_mask) == required_mask;
    }
    bool valid = true;
    schema::Evaluated* evaluated = ctx.evaluated();
    output::AnnotationList names(ctx.collecting_annotations());
    const size_t count = instance.MemberCount();
    size_t index = 0;
    for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m, ++index) {
      const schema::Node* node = table.find(m->name.GetString(), m->name.GetStringLength());
      if (node == nullptr) continue;
      names.add_name(std::string_view(m->name.GetString(), m->name.GetStringLength()));
      ctx.push_keyword_segment(m->name.GetString(), m->name.GetStringLength());
      bool ok = ctx.evaluate_member(*node, m->value, m->name.GetString(), m->name.GetStringLength());
      ctx.pop_keyword_segment();
      if (!ok) { valid = false; if (ctx.flag_only()) return false; }
      if (evaluated != nullptr) evaluated->mark_member(index, count);
    }
    if (valid && names.enabled()) ctx.annotate(*this, names.finish());
    return valid;
  }
};

class PatternProperties final : public Keyword {
 public:
  std::vector<PatternRule> rules;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    schema::Evaluated* evaluated = ctx.evaluated();
    output::AnnotationList names(ctx.collecting_annotations());
    const size_t count = instance.MemberCount();
    size_t index = 0;
    for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m, ++index) {
      std::string_view name(m->name.GetString(), m->name.GetStringLength());
      bool named = false;
      for (const PatternRule& rule : rules) {
        if (!rule.pattern->search(name)) continue;
        if (!named) { names.add_name(name); named = true; }
        ctx.push_keyword_segment(rule.source.data(), static_cast<uint32_t>(rule.source.size()));
        bool ok = ctx.evaluate_member(*rule.node, m->value, name.data(), static_cast<uint32_t>(name.size()));
        ctx.pop_keyword_segment();
        if (!ok) { valid = false; if (ctx.flag_only()) return false; }
        if (evaluated != nullptr) evaluated->mark_member(index, count);
      }
    }
    if (valid && names.enabled()) ctx.annotate(*this, names.finish());
    return valid;
  }
};

class AdditionalProperties final : public Keyword {
 public:
  PropertyTable known;                 // names from sibling `properties`
  std::vector<PatternRule> patterns;   // sibling `patternProperties`
  const schema::Node* node = nullptr;
  bool forbidden = false;              // `false`: a cheaper, clearer check
  bool applied_by_properties = false;  // see Properties::additional
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    if (applied_by_properties && ctx.flag_untracked()) return true;
    bool valid = true;
    schema::Evaluated* evaluated = ctx.evaluated();
    output::AnnotationList names(ctx.collecting_annotations());
    const size_t count = instance.MemberCount();
    size_t index = 0;
    for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m, ++index) {
      const char* name = m->name.GetString();
      const uint32_t length = m->name.GetStringLength();
      if (known.find(name, length) != nullptr) continue;
      bool matched = false;
      for (const PatternRule& rule : patterns) {
        if (rule.pattern->search(std::string_view(name, length))) { matched = true; break; }
      }
      if (matched) continue;
      names.add_name(std::string_view(name, length));
      if (forbidden) {
        valid = false;
        if (ctx.flag_only()) return false;
        ctx.fail(*this, [&] { return "property " + output::quote(std::string_view(name, length)) +
                            " is not allowed (additionalProperties is false)"; });
        continue;
      }
      if (!ctx.evaluate_member(*node, m->value, name, length)) {
        valid = false;
        if (ctx.flag_only()) return false;
      } else if (evaluated != nullptr) {
        evaluated->mark_member(index, count);
      }
    }
    if (valid && evaluated != nullptr) evaluated->all_members = true;
    if (valid && names.enabled()) ctx.annotate(*this, names.finish());
    return valid;
  }
};

class PropertyNames final : public Keyword {
 public:
  const schema::Node* node = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    bool valid = true;
    const size_t mark = ctx.error_mark();
    for (auto m = instance.MemberBegin(); m != instance.MemberEnd(); ++m) {
      // The name itself is the instance; its location is the member's.
      if (!ctx.evaluate_member(*node, m->name, m->name.GetString(), m->name.GetStringLength())) {
        valid = false;
        if (ctx.flag_only()) return false;
      }
    }
    ctx.drop_annotations_since(mark);
    return valid;
  }
};

// Whether `properties` applies its sibling `additionalProperties` in flag mode (see
// Properties::additional): both present, and no `patternProperties` to consult. `c` compiles
// either keyword.
bool additional_applied_by_properties(const KeywordCompiler& c) {
  const Json* properties = c.sibling("properties");
  return properties != nullptr && properties->IsObject() && c.sibling("additionalProperties") != nullptr &&
         c.sibling("patternProperties") == nullptr;
}

bool compile_patterns(KeywordCompiler& c, const Json& value, bool compile_nodes,
                      std::vector<PatternRule>* out) {
  if (!value.IsObject()) {
    c.error("must be an object");
    return false;
  }
  for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
    PatternRule rule;
    rule.source.assign(m->name.GetString(), m->name.GetStringLength());
    regex::RegexError error;
    rule.pattern = regex::Pattern::compile(rule.source, &error, c.options().limits.max_regex_memory);
    if (rule.pattern == nullptr) {
      c.error("invalid regular expression: " + error.message, {rule.source});
      return false;
    }
    rule.node = compile_nodes ? c.subschema(m->value, {rule.source}) : nullptr;
    if (compile_nodes && rule.node == nullptr) return false;
    out->push_back(std::move(rule));
  }
  return true;
}

}  // namespace

Compiled compile_properties(KeywordCompiler& c) {
  if (!c.value().IsObject()) return c.error("must be an object");
  auto k = c.make<Properties>();
  k->applies_to = json::kObject;
  for (auto m = c.value().MemberBegin(); m != c.value().MemberEnd(); ++m) {
    std::string name(m->name.GetString(), m->name.GetStringLength());
    const schema::Node* node = c.subschema(m->value, {name});
    if (node == nullptr) return nullptr;
    k->table.add(std::move(name), node);
  }
  k->table.seal();
  if (additional_applied_by_properties(c)) {
    const Json* additional = c.sibling("additionalProperties");
    k->additional = c.sibling_subschema("additionalProperties", *additional);
    if (k->additional == nullptr) return nullptr;
    k->additional_forbidden = additional->IsBool() && !additional->GetBool();
  }
  if (required_checked_by_properties(c)) {
    for (const Json& name : c.sibling("required")->GetArray()) {
      k->required_mask |= uint64_t{1} << k->table.find_index(name.GetString(), name.GetStringLength());
    }
  }
  return k;
}

Compiled compile_pattern_properties(KeywordCompiler& c) {
  auto k = c.make<PatternProperties>();
  k->applies_to = json::kObject;
  if (!compile_patterns(c, c.value(), true, &k->rules)) return nullptr;
  return k;
}

Compiled compile_additional_properties(KeywordCompiler& c) {
  auto k = c.make<AdditionalProperties>();
  k->applies_to = json::kObject;
  k->node = c.subschema(c.value());
  if (k->node == nullptr) return nullptr;
  k->forbidden = c.value().IsBool() && !c.value().GetBool();
  const Json* properties = c.sibling("properties");
  if (properties != nullptr && properties->IsObject()) {
    for (auto m = properties->MemberBegin(); m != properties->MemberEnd(); ++m) {
      k->known.add(std::string(m->name.GetString(), m->name.GetStringLength()), k->node);
    }
  }
  k->known.seal();
  k->applied_by_properties = additional_applied_by_properties(c);
  if (const Json* patterns = c.sibling("patternProperties"); patterns != nullptr && patterns->IsObject()) {
    if (!compile_patterns(c, *patterns, false, &k->patterns)) return nullptr;
  }
  return k;
}

Compiled compile_property_names(KeywordCompiler& c) {
  auto k = c.make<PropertyNames>();
  k->applies_to = json::kObject;
  k->node = c.subschema(c.value());
  return k->node ? std::move(k) : nullptr;
}

}  // namespace jsonsieve::keywords
