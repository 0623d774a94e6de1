// The compiled program: a graph of `Node`s (one per subschema), each holding the `Keyword`
// rules that apply to it, in evaluation order. Built once by the compiler, then read-only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jsonsieve/jsonsieve.h"
#include "schema/dialects.h"

namespace jsonsieve::schema {

class Context;
struct Node;

// A schema resource: the scope of an `$id`. Evaluation keeps a stack of the resources it
// entered (the dynamic scope) for `$dynamicRef` and `$recursiveRef`.
struct Resource {
  std::string uri;                                 // absolute, without fragment ("" if none)
  std::map<std::string, const Node*, std::less<>> dynamic_anchors;  // $dynamicAnchor name → node
  const Node* root = nullptr;
  bool recursive_anchor = false;                   // 2019-09 `$recursiveAnchor: true` at root
};

// One keyword of one subschema: its compiled parameters and its check. `evaluate` returns
// whether the instance passes; in collecting modes it reports failures through the Context.
class Keyword {
 public:
  virtual ~Keyword() = default;
  virtual bool evaluate(const Json& instance, Context& ctx) const = 0;

  std::string_view name;           // as spelled in the schema
  std::string absolute_location;   // absolute keyword location (URI with pointer fragment)
  // The same keyword located from the root of the document holding it ("doc-uri#pointer");
  // empty when equal to absolute_location (no nested `$id` on the way).
  std::string document_location;
  uint8_t applies_to = 0xFF;       // json::TypeBit mask; other instance types pass untouched
  bool annotation_only = false;    // never fails; evaluated only when annotations are collected
  // A `type` keyword's allowed types, which flag mode tests on the node before any keyword
  // (Node::type_mask) instead of calling it; 0 for every other keyword.
  uint8_t flag_type_mask = 0;
  const std::string& schema_location() const {
    return document_location.empty() ? absolute_location : document_location;
  }
};

struct Node {
  const Json* source = nullptr;          // the schema value (lives in the Schema's documents)
  const Resource* resource = nullptr;    // enclosing resource
  bool is_boolean = false;               // `true` / `false` schema
  bool boolean_value = true;
  bool tracks_evaluated = false;         // has unevaluatedProperties/Items: track annotations
  DialectInfo dialect;
  std::string absolute_location;         // "base#pointer" of this subschema
  std::string document_location;         // "doc-uri#pointer from the document root"; "" if equal
  const std::string& schema_location() const {
    return document_location.empty() ? absolute_location : document_location;
  }
  std::vector<std::unique_ptr<Keyword>> keywords;  // evaluation order: unevaluated* last
  // Flag mode (is_valid): the instance's type must be in type_mask, then flag_keywords run:
  // `keywords` without the type keyword, whose virtual call was 3% of is_valid.
  uint8_t type_mask = 0xFF;
  std::vector<const Keyword*> flag_keywords;
  // Keywords that only annotate (title, default, format when not asserting, ...): evaluated
  // only when annotations are collected, so validation never pays for them.
  std::vector<std::unique_ptr<Keyword>> annotations;
};

}  // namespace jsonsieve::schema

namespace jsonsieve {

// The immutable compiled schema (opaque in the public API).
class Schema {
 public:
  std::vector<std::unique_ptr<rapidjson::Document>> documents;  // root + loaded registry/meta docs
  std::vector<std::unique_ptr<schema::Resource>> resources;
  std::vector<std::unique_ptr<schema::Node>> nodes;
  const schema::Node* root = nullptr;
  CompileOptions options;   // registry pointer is cleared after compile
  bool uses_unevaluated = false;
};

}  // namespace jsonsieve
