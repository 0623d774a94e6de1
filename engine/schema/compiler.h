// Schema compilation: loads documents (the root, then registry entries and embedded
// meta-schemas as `$ref`s need them), finds every resource (`$id`) and anchor, compiles each
// subschema into a Node, then resolves references. Keyword files see only KeywordCompiler.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jsonsieve/jsonsieve.h"
#include "schema/program.h"

namespace jsonsieve::schema {

class Compiler;

// What a keyword's compile function gets: its value, its siblings, and ways to compile
// subschemas, defer reference resolution and report schema errors.
class KeywordCompiler {
 public:
  KeywordCompiler(Compiler& compiler, Node& node, const Json& schema, std::string_view name,
                  const Json& value, const std::string& base_uri, const std::string& pointer,
                  uint32_t depth)
      : compiler_(compiler), node_(node), schema_(schema), name_(name), value_(value),
        base_uri_(base_uri), pointer_(pointer), depth_(depth) {}

  const Json& value() const { return value_; }
  const Json& schema() const { return schema_; }   // the schema object holding the keyword
  std::string_view name() const { return name_; }
  const Json* sibling(std::string_view name) const;  // another keyword of the same schema object
  Dialect dialect() const { return node_.dialect.dialect; }
  uint16_t vocabularies() const { return node_.dialect.vocabularies; }
  const CompileOptions& options() const;
  const std::string& base_uri() const { return base_uri_; }

  // Compiles a subschema found at this keyword's location + `tokens` (e.g. {"foo"} for
  // properties/foo, {"0"} for allOf/0). Returns nullptr after reporting an error.
  const Node* subschema(const Json& value, std::initializer_list<std::string_view> tokens = {});
  // Compiles the subschema held by a sibling keyword (e.g. `then` for `if`) at its own location.
  const Node* sibling_subschema(std::string_view sibling_name, const Json& value);
  // Resolve `reference` (relative to the current base URI) once all documents are loaded;
  // writes the target node into *target. With `dynamic_anchor`, also reports whether the
  // target was found through a `$dynamicAnchor` of that name (for $dynamicRef).
  void defer_reference(std::string reference, const Node** target, bool* via_dynamic_anchor = nullptr);

  // Report an invalid keyword value; `tokens` locate it inside the keyword. Returns nullptr.
  std::nullptr_t error(std::string message, std::initializer_list<std::string_view> tokens = {});

  // Keyword object with name and absolute location filled in.
  template <typename K, typename... Args>
  std::unique_ptr<K> make(Args&&... args) {
    auto keyword = std::make_unique<K>(std::forward<Args>(args)...);
    keyword->name = name_;
    keyword->absolute_location = node_.absolute_location + "/" + std::string(name_);
    return keyword;
  }

  Compiler& compiler() { return compiler_; }

 private:
  Compiler& compiler_;
  Node& node_;
  const Json& schema_;
  std::string_view name_;
  const Json& value_;
  const std::string& base_uri_;
  const std::string& pointer_;
  uint32_t depth_;
};

// Compile `root` (owned by `doc`, which moves into the Schema) with `options`.
CompileResult compile_document(std::unique_ptr<rapidjson::Document> doc, const CompileOptions& options);

}  // namespace jsonsieve::schema
