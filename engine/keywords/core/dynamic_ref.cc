// $dynamicRef (2020-12) and $recursiveRef (2019-09): references whose target can be overridden
// by the outermost resource in the dynamic scope that declares a matching anchor.
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {

class DynamicRef final : public Keyword {
 public:
  const schema::Node* target = nullptr;
  bool via_dynamic_anchor = false;  // the static target was found through a $dynamicAnchor
  std::string anchor;               // the fragment's anchor name
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const schema::Node* node = target;
    if (via_dynamic_anchor) {
      for (const schema::Resource* resource : ctx.dynamic_scope()) {
        auto found = resource->dynamic_anchors.find(anchor);
        if (found != resource->dynamic_anchors.end()) { node = found->second; break; }
      }
    }
    return ctx.evaluate_in_place(*node, instance);
  }
};

class RecursiveRef final : public Keyword {
 public:
  const schema::Node* target = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const schema::Node* node = target;
    if (target->resource->recursive_anchor) {
      for (const schema::Resource* resource : ctx.dynamic_scope()) {
        if (resource->recursive_anchor && resource->root != nullptr) { node = resource->root; break; }
      }
    }
    return ctx.evaluate_in_place(*node, instance);
  }
};

}  // namespace

Compiled compile_dynamic_ref(KeywordCompiler& c) {
  if (!c.value().IsString()) return c.error("must be a string (a URI reference)");
  std::string reference(c.value().GetString(), c.value().GetStringLength());
  auto keyword = c.make<DynamicRef>();
  size_t hash = reference.find('#');
  if (hash != std::string::npos && hash + 1 < reference.size() && reference[hash + 1] != '/') {
    keyword->anchor = reference.substr(hash + 1);
  }
  c.defer_reference(reference, &keyword->target, &keyword->via_dynamic_anchor);
  return keyword;
}

Compiled compile_recursive_ref(KeywordCompiler& c) {
  if (!c.value().IsString()) return c.error("must be a string (a URI reference)");
  auto keyword = c.make<RecursiveRef>();
  c.defer_reference(std::string(c.value().GetString(), c.value().GetStringLength()), &keyword->target);
  return keyword;
}

}  // namespace jsonsieve::keywords
