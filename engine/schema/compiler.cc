#include "schema/compiler.h"


#include <mutex>
#include <unordered_map>

#include "json/parse.h"
#include "json/pointer.h"
#include "schema/context.h"
#include "schema/dialects.h"
#include "keywords/factories.h"
#include "schema/metaschemas.h"
#include "uri/uri.h"

namespace jsonsieve::schema {

class Compiler {
 public:
  Compiler(Schema& schema, const CompileOptions& options) : schema_(schema), options_(options) {
    if (options.registry != nullptr) {
      for (const auto& [key, text] : *options.registry) {
        std::string without, fragment;
        uri::split_fragment(key, &without, &fragment);
        registry_[uri::normalize(without)] = &text;
      }
    }
  }

  SchemaError error;
  bool failed = false;

  std::nullptr_t fail(std::string message, std::string location, std::string schema_uri) {
    if (!failed) {
      failed = true;
      error.message = std::move(message);
      error.schema_location = std::move(location);
      error.schema_uri = std::move(schema_uri);
    }
    return nullptr;
  }

  const CompileOptions& options() const { return options_; }

  // Compile a whole document whose retrieval URI is `retrieval_uri`.
  const Node* compile_root(const Json& root, const std::string& retrieval_uri) {
    DialectInfo defaults;
    defaults.dialect = options_.default_dialect;
    DialectInfo dialect;
    if (!dialect_of(root, defaults, &dialect)) return nullptr;
    // The canonical URI is the root's `$id` resolved against the retrieval URI.
    std::string canonical = uri::normalize(retrieval_uri);
    const char* id_keyword = dialect.dialect == Dialect::Draft04 ? "id" : "$id";
    if (root.IsObject()) {
      auto id = root.FindMember(id_keyword);
      bool hidden = dialect.dialect != Dialect::Draft2020_12 &&
                    dialect.dialect != Dialect::Draft2019_09 && root.HasMember("$ref");
      if (id != root.MemberEnd() && id->value.IsString() && !hidden &&
          !(id->value.GetStringLength() > 0 && id->value.GetString()[0] == '#')) {
        std::string without, fragment;
        uri::split_fragment(uri::resolve(retrieval_uri,
                                         std::string(id->value.GetString(), id->value.GetStringLength())),
                            &without, &fragment);
        canonical = uri::normalize(without);
      }
    }
    Resource* resource = new_resource(canonical);
    resources_by_uri_[canonical] = {resource, &root, dialect};
    resources_by_uri_[uri::normalize(retrieval_uri)] = {resource, &root, dialect};
    const Node* node = compile_node(root, canonical, "", dialect, resource, 0);
    if (node != nullptr && resource->root == nullptr) resource->root = node;
    return node;
  }

  const Node* compile_node(const Json& value, std::string base, std::string pointer,
                           DialectInfo dialect, Resource* resource, uint32_t depth) {
    auto found = nodes_by_value_.find(&value);
    if (found != nodes_by_value_.end()) return found->second;
    if (failed) return nullptr;
    if (depth > options_.limits.max_schema_depth) {
      return fail("schema nesting is deeper than the limit of " +
                      std::to_string(options_.limits.max_schema_depth),
                  pointer, resource->uri);
    }
    auto owned = std::make_unique<Node>();
    Node* node = owned.get();
    schema_.nodes.push_back(std::move(owned));
    nodes_by_value_[&value] = node;
    node->source = &value;

    if (value.IsBool()) {
      node->is_boolean = true;
      node->boolean_value = value.GetBool();
      node->resource = resource;
      node->dialect = dialect;
      node->absolute_location = resource->uri + "#" + json::encode_uri_fragment(pointer);
      return node;
    }
    if (!value.IsObject()) {
      return fail(std::string("a schema must be an object or a boolean, not ") +
                      (value.IsArray() ? "an array" : value.IsString() ? "a string"
                       : value.IsNumber() ? "a number" : "null"),
                  pointer, resource->uri);
    }

    const bool legacy_ref = dialect.dialect == Dialect::Draft07 ||
                            dialect.dialect == Dialect::Draft06 ||
                            dialect.dialect == Dialect::Draft04;
    const bool has_ref = value.HasMember("$ref");
    const char* id_keyword = dialect.dialect == Dialect::Draft04 ? "id" : "$id";

    // A new resource: `$id` (draft-04: `id`) changes the base URI. Before 2019-09 a `$ref`
    // hides its siblings, `$id` included, and `$id: "#name"` is a plain-name anchor. The
    // document root's `$id` was applied by compile_root.
    auto id = value.FindMember(id_keyword);
    if (id != value.MemberEnd() && id->value.IsString() && !(legacy_ref && has_ref)) {
      std::string id_text(id->value.GetString(), id->value.GetStringLength());
      if (legacy_ref && !id_text.empty() && id_text[0] == '#') {
        register_anchor(base, id_text.substr(1), value, dialect, false);
      } else {
        std::string without, fragment;
        uri::split_fragment(uri::resolve(base, id_text), &without, &fragment);
        std::string canonical = uri::normalize(without);
        if (depth > 0) {
          if (!dialect_of(value, dialect, &dialect)) return nullptr;  // may declare its own $schema
          Resource* nested = new_resource(canonical);
          nested->root = node;
          resources_by_uri_[canonical] = {nested, &value, dialect};
          resource = nested;
        }
        base = canonical;
        pointer.clear();
        if (legacy_ref && !fragment.empty()) register_anchor(base, fragment, value, dialect, false);
      }
    }
    if (resource->root == nullptr) resource->root = node;
    node->resource = resource;
    node->dialect = dialect;
    node->absolute_location = resource->uri + "#" + json::encode_uri_fragment(pointer);

    if (dialect.dialect == Dialect::Draft2020_12 || dialect.dialect == Dialect::Draft2019_09) {
      auto anchor = value.FindMember("$anchor");
      if (anchor != value.MemberEnd() && anchor->value.IsString()) {
        register_anchor(base, std::string(anchor->value.GetString(), anchor->value.GetStringLength()),
                        value, dialect, false);
      }
    }
    if (dialect.dialect == Dialect::Draft2020_12) {
      auto anchor = value.FindMember("$dynamicAnchor");
      if (anchor != value.MemberEnd() && anchor->value.IsString()) {
        std::string name(anchor->value.GetString(), anchor->value.GetStringLength());
        register_anchor(base, name, value, dialect, true);
        resource->dynamic_anchors.emplace(name, node);
      }
    }
    if (dialect.dialect == Dialect::Draft2019_09) {
      auto anchor = value.FindMember("$recursiveAnchor");
      if (anchor != value.MemberEnd() && anchor->value.IsBool() && anchor->value.GetBool() &&
          pointer.empty()) {
        resource->recursive_anchor = true;
      }
    }

    std::vector<std::unique_ptr<Keyword>> last;
    for (auto member = value.MemberBegin(); member != value.MemberEnd(); ++member) {
      std::string_view name(member->name.GetString(), member->name.GetStringLength());
      const KeywordSpec* spec = find_keyword(name, dialect.dialect);
      if (spec == nullptr) {
        // 2019-09+: unknown keywords are collected as annotations (Core §7.7.1).
        if (dialect.dialect == Dialect::Draft2020_12 || dialect.dialect == Dialect::Draft2019_09) {
          node->annotations.push_back(keywords::make_unknown_keyword_annotation(
              name, member->value, node->absolute_location));
        }
        continue;
      }
      if (!(spec->vocabulary & dialect.vocabularies)) continue;
      const bool hidden = legacy_ref && has_ref && name != "$ref";
      KeywordCompiler kc(*this, *node, value, spec->name, member->value, base, pointer, depth);
      if (spec->compile == nullptr || hidden) {
        // Nothing to check, but subschemas may hold resources and anchors that `$ref`s reach.
        walk_subschemas(kc, *spec, member->value);
        if (failed) return nullptr;
        continue;
      }
      std::unique_ptr<Keyword> keyword = spec->compile(kc);
      if (failed) return nullptr;
      if (keyword == nullptr) continue;
      if (keyword->annotation_only) node->annotations.push_back(std::move(keyword));
      else if (spec->last) last.push_back(std::move(keyword));
      else node->keywords.push_back(std::move(keyword));
    }
    for (auto& keyword : last) {
      node->tracks_evaluated = true;
      node->keywords.push_back(std::move(keyword));
    }
    for (const auto& keyword : node->keywords) {
      if (keyword->flag_type_mask != 0) node->type_mask &= keyword->flag_type_mask;
      else node->flag_keywords.push_back(keyword.get());
    }
    if (node->tracks_evaluated) schema_.uses_unevaluated = true;
    return node;
  }

  void walk_subschemas(KeywordCompiler& kc, const KeywordSpec& spec, const Json& value) {
    switch (spec.subschemas) {
      case Subschemas::None: return;
      case Subschemas::One: kc.subschema(value); return;
      case Subschemas::OneOrArray:
        if (!value.IsArray()) { kc.subschema(value); return; }
        [[fallthrough]];
      case Subschemas::Array:
        if (!value.IsArray()) return;
        for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
          std::string index = std::to_string(i);
          kc.subschema(value[i], {index});
        }
        return;
      case Subschemas::Map:
      case Subschemas::MapOrStrings:
        if (!value.IsObject()) return;
        for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
          if (spec.subschemas == Subschemas::MapOrStrings && m->value.IsArray()) continue;
          kc.subschema(m->value, {std::string_view(m->name.GetString(), m->name.GetStringLength())});
        }
        return;
    }
  }

  void defer(std::string reference, const Node** target, bool* via_dynamic,
             const std::string& where_uri, const std::string& where_pointer) {
    pending_.push_back({std::move(reference), target, via_dynamic, where_uri, where_pointer});
  }

  bool resolve_pending() {
    for (size_t i = 0; i < pending_.size() && !failed; ++i) {
      Pending p = pending_[i];  // copy: resolving may append
      bool dynamic = false;
      const Node* target = resolve(p.reference, &dynamic, p.where_uri, p.where_pointer);
      if (target == nullptr) return false;
      *p.target = target;
      if (p.via_dynamic != nullptr) *p.via_dynamic = dynamic;
    }
    return !failed;
  }

  const Node* resolve(const std::string& reference, bool* dynamic, const std::string& where_uri,
                      const std::string& where_pointer) {
    std::string without, fragment;
    uri::split_fragment(reference, &without, &fragment);
    std::string base = uri::normalize(without);
    auto entry = resources_by_uri_.find(base);
    if (entry == resources_by_uri_.end()) {
      if (!load_external(base)) {
        if (failed) return nullptr;
        return fail("cannot resolve \"" + reference + "\": no schema with URI \"" + base +
                        "\" is known (add it to the registry; nothing is fetched)",
                    where_pointer, where_uri);
      }
      entry = resources_by_uri_.find(base);
      if (entry == resources_by_uri_.end()) {
        return fail("cannot resolve \"" + reference + "\"", where_pointer, where_uri);
      }
    }
    const ResourceEntry& res = entry->second;
    if (fragment.empty()) return node_for(*res.value, res.resource->uri, "", res);
    if (fragment[0] == '/') {
      std::string decoded;
      if (!json::percent_decode(fragment, &decoded)) {
        return fail("malformed percent-encoding in \"" + reference + "\"", where_pointer, where_uri);
      }
      const Json* value = json::resolve_pointer(*res.value, decoded, &member_index_);
      if (value == nullptr) {
        return fail("cannot resolve \"" + reference + "\": nothing at JSON Pointer \"" + decoded +
                        "\" in \"" + base + "\"",
                    where_pointer, where_uri);
      }
      return node_for(*value, res.resource->uri, decoded, res);
    }
    auto anchor = anchors_.find(base + "#" + fragment);
    if (anchor == anchors_.end()) {
      return fail("cannot resolve \"" + reference + "\": no anchor \"" + fragment + "\" in \"" +
                      base + "\"",
                  where_pointer, where_uri);
    }
    *dynamic = anchor->second.dynamic;
    auto node = nodes_by_value_.find(anchor->second.value);
    return node == nodes_by_value_.end() ? nullptr : node->second;
  }

  // The dialect of a schema object: its `$schema`, else `inherited`.
  bool dialect_of(const Json& value, DialectInfo inherited, DialectInfo* out) {
    DialectInfo info = inherited;
    if (value.IsObject()) {
      auto declared = value.FindMember("$schema");
      if (declared != value.MemberEnd() && declared->value.IsString()) {
        std::string uri_text(declared->value.GetString(), declared->value.GetStringLength());
        if (!dialect_from_uri(uri_text, &info, 0)) return false;
      }
    }
    if (options_.formats == FormatMode::Assert) info.vocabularies |= kFormatAssertion;
    *out = info;
    return true;
  }

  // A meta-schema URI → dialect and vocabularies (custom meta-schemas come from the registry).
  bool dialect_from_uri(const std::string& uri_text, DialectInfo* info, int depth) {
    Dialect d;
    if (dialect_from_metaschema(uri_text, &d)) {
      info->dialect = d;
      info->vocabularies = kDefaultVocabularies;
      return true;
    }
    std::string without, fragment;
    uri::split_fragment(uri_text, &without, &fragment);
    auto text = registry_.find(uri::normalize(without));
    if (text == registry_.end() || depth > 8) {
      fail("unknown meta-schema \"" + uri_text + "\" in $schema (register it in the registry)",
           "/$schema", "");
      return false;
    }
    rapidjson::Document meta;
    ParseError perr;
    if (!json::parse(*text->second, &meta, &perr, options_.limits) || !meta.IsObject()) {
      fail("meta-schema \"" + uri_text + "\" is not a JSON object", "/$schema", "");
      return false;
    }
    auto parent = meta.FindMember("$schema");
    info->dialect = options_.default_dialect;
    if (parent != meta.MemberEnd() && parent->value.IsString()) {
      std::string parent_uri(parent->value.GetString(), parent->value.GetStringLength());
      if (uri::normalize(parent_uri) != uri::normalize(without) &&
          !dialect_from_uri(parent_uri, info, depth + 1)) {
        return false;
      }
    }
    auto vocab = meta.FindMember("$vocabulary");
    if (vocab != meta.MemberEnd() && vocab->value.IsObject()) {
      uint16_t bits = 0;
      for (auto m = vocab->value.MemberBegin(); m != vocab->value.MemberEnd(); ++m) {
        std::string_view vocab_uri(m->name.GetString(), m->name.GetStringLength());
        uint16_t bit = vocabulary_from_uri(vocab_uri);
        if (bit == 0) {
          if (m->value.IsBool() && m->value.GetBool()) {
            fail("meta-schema \"" + uri_text + "\" requires the unknown vocabulary \"" +
                     std::string(vocab_uri) + "\"",
                 "/$schema", "");
            return false;
          }
          continue;
        }
        bits |= bit;
      }
      bits |= kCore;
      if (bits & kApplicator && info->dialect == Dialect::Draft2019_09) bits |= kUnevaluated;
      info->vocabularies = bits;
    }
    return true;
  }

 private:
  struct ResourceEntry {
    Resource* resource;
    const Json* value;
    DialectInfo dialect;
  };
  struct AnchorEntry {
    const Json* value;
    bool dynamic;
  };
  struct Pending {
    std::string reference;
    const Node** target;
    bool* via_dynamic;
    std::string where_uri, where_pointer;
  };

  Resource* new_resource(const std::string& uri_text) {
    auto owned = std::make_unique<Resource>();
    owned->uri = uri::normalize(uri_text);
    Resource* r = owned.get();
    schema_.resources.push_back(std::move(owned));
    return r;
  }

  void register_anchor(const std::string& base, const std::string& name, const Json& value,
                       DialectInfo, bool dynamic) {
    auto& slot = anchors_[uri::normalize(base) + "#" + name];
    if (slot.value == nullptr || dynamic) slot = {&value, dynamic};
  }

  const Node* node_for(const Json& value, const std::string& base, const std::string& pointer,
                       const ResourceEntry& res) {
    auto found = nodes_by_value_.find(&value);
    if (found != nodes_by_value_.end()) return found->second;
    // Reached only by pointer (e.g. under an unknown keyword): compile it now.
    const Node* node = compile_node(value, base, pointer, res.dialect, res.resource, 1);
    return node;
  }

  bool load_external(const std::string& base) {
    std::string_view text;
    auto registered = registry_.find(base);
    if (registered != registry_.end()) {
      text = *registered->second;
    } else if (const EmbeddedSchema* embedded = find_embedded_schema(base)) {
      text = embedded->json_text;
    } else {
      return false;
    }
    auto doc = std::make_unique<rapidjson::Document>();
    ParseError perr;
    Limits limits = options_.limits;
    limits.max_data_depth = limits.max_schema_depth;
    if (!json::parse(text, doc.get(), &perr, limits)) {
      fail("schema \"" + base + "\" from the registry is not valid JSON: " + perr.message, "", base);
      return false;
    }
    const Json& root = *doc;
    schema_.documents.push_back(std::move(doc));
    return compile_root(root, base) != nullptr;
  }

  Schema& schema_;
  const CompileOptions& options_;
  std::map<std::string, const std::string*> registry_;
  std::map<std::string, ResourceEntry> resources_by_uri_;
  std::map<std::string, AnchorEntry> anchors_;
  std::map<const Json*, const Node*> nodes_by_value_;
  json::MemberIndex member_index_;  // $ref pointers into big $defs: no linear scans
  std::vector<Pending> pending_;
};

// ---- KeywordCompiler ----

const Json* KeywordCompiler::sibling(std::string_view name) const {
  auto m = schema_.FindMember(rapidjson::StringRef(name.data(), name.size()));
  return m == schema_.MemberEnd() ? nullptr : &m->value;
}

const CompileOptions& KeywordCompiler::options() const { return compiler_.options(); }

const Node* KeywordCompiler::subschema(const Json& value, std::initializer_list<std::string_view> tokens) {
  std::string pointer = pointer_;
  json::append_pointer_token(&pointer, name_);
  for (std::string_view t : tokens) json::append_pointer_token(&pointer, t);
  return compiler_.compile_node(value, base_uri_, pointer, node_.dialect,
                                const_cast<Resource*>(node_.resource), depth_ + 1);
}

const Node* KeywordCompiler::sibling_subschema(std::string_view sibling_name, const Json& value) {
  std::string pointer = pointer_;
  json::append_pointer_token(&pointer, sibling_name);
  return compiler_.compile_node(value, base_uri_, pointer, node_.dialect,
                                const_cast<Resource*>(node_.resource), depth_ + 1);
}

void KeywordCompiler::defer_reference(std::string reference, const Node** target, bool* via_dynamic) {
  std::string pointer = pointer_;
  json::append_pointer_token(&pointer, name_);
  compiler_.defer(uri::resolve(base_uri_, reference), target, via_dynamic, node_.resource->uri, pointer);
}

std::nullptr_t KeywordCompiler::error(std::string message, std::initializer_list<std::string_view> tokens) {
  std::string pointer = pointer_;
  json::append_pointer_token(&pointer, name_);
  for (std::string_view t : tokens) json::append_pointer_token(&pointer, t);
  return compiler_.fail(std::string(name_) + ": " + message, pointer, node_.resource->uri);
}

// ---- entry points ----

namespace {

// Meta-schemas are compiled once per process and shared (they are immutable).
std::shared_ptr<const Schema> metaschema_for(const std::string& uri_text) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Schema>> cache;
  std::lock_guard<std::mutex> lock(mutex);
  std::string without, fragment;
  uri::split_fragment(uri_text, &without, &fragment);
  std::string key = uri::normalize(without);
  auto found = cache.find(key);
  if (found != cache.end()) return found->second;
  const EmbeddedSchema* embedded = find_embedded_schema(key);
  if (embedded == nullptr) return nullptr;
  CompileOptions options;
  options.validate_schema = false;
  Dialect d = Dialect::Draft2020_12;
  dialect_from_metaschema(key, &d);
  options.default_dialect = d;
  CompileResult result = compile(embedded->json_text, options);
  cache[key] = result.schema;
  return result.schema;
}

bool check_against_metaschema(const Json& root, const CompileOptions& options, SchemaError* error) {
  std::string meta_uri;
  if (root.IsObject()) {
    auto declared = root.FindMember("$schema");
    if (declared != root.MemberEnd() && declared->value.IsString()) {
      meta_uri.assign(declared->value.GetString(), declared->value.GetStringLength());
    }
  }
  if (meta_uri.empty()) meta_uri = metaschema_uri(options.default_dialect);
  std::shared_ptr<const Schema> meta = metaschema_for(meta_uri);
  if (meta == nullptr && options.registry != nullptr) {
    // A custom meta-schema from the registry.
    std::string without, fragment;
    uri::split_fragment(meta_uri, &without, &fragment);
    for (const auto& [key, text] : *options.registry) {
      std::string kw, kf;
      uri::split_fragment(key, &kw, &kf);
      if (uri::normalize(kw) != uri::normalize(without)) continue;
      CompileOptions meta_options = options;
      meta_options.validate_schema = false;
      meta_options.base_uri = key;
      CompileResult compiled = compile(text, meta_options);
      if (!compiled.ok()) {
        error->message = "meta-schema \"" + meta_uri + "\" does not compile: " + compiled.error.message;
        error->schema_location = "/$schema";
        return false;
      }
      meta = compiled.schema;
      break;
    }
  }
  if (meta == nullptr) return true;  // unknown meta-schema: compile reports it
  // The caller's limits, all errors. A meta-schema takes several nested evaluations per level
  // of the schema it checks (2020-12: $dynamicRef, allOf, the vocabulary's $ref, the keyword),
  // so very deep schemas reach max_evaluation_depth here first; that budget is not raised on
  // the caller's behalf: in wasm the evaluation recursion shares the host's call stack.
  Limits meta_limits = options.limits;
  meta_limits.max_errors = 0;
  Validator validator(meta, meta_limits);
  ValidationResult result = validator.validate(root, OutputFormat::Basic);
  if (result.valid) return true;
  if (result.failed()) {  // a limit, not a verdict
    error->message = "the schema is too deeply nested to be checked against its meta-schema (" +
                     result.failure.message + "); raise limits.max_evaluation_depth or compile " +
                     "without the meta-schema check";
    return false;
  }
  const OutputUnit* first = nullptr;
  for (const OutputUnit& unit : result.errors) {
    if (first == nullptr || unit.instance_location.size() > first->instance_location.size()) first = &unit;
  }
  error->message = "the schema does not conform to its meta-schema";
  if (first != nullptr) {
    error->message += ": at \"" + first->instance_location + "\": " + first->error +
                      " (meta-schema keyword " + first->absolute_keyword_location + ")";
    error->schema_location = first->instance_location;
  }
  return false;
}

// Locates every node and keyword from the root of the document holding it (Node and
// Keyword::document_location). Canonical locations restart at each nested `$id`; these do
// not, and are what the suite's annotations/ tests name. Iterative: documents may be deep.
void record_document_locations(Schema& schema) {
  std::unordered_map<const Json*, Node*> by_source;
  for (const auto& node : schema.nodes) by_source.emplace(node->source, node.get());
  for (const auto& doc : schema.documents) {
    const Json& root = *doc;
    auto root_node = by_source.find(&root);
    if (root_node == by_source.end()) continue;
    const std::string& doc_uri = root_node->second->resource->uri;
    std::vector<std::pair<const Json*, std::string>> stack{{&root, std::string()}};
    while (!stack.empty()) {
      auto [value, pointer] = std::move(stack.back());
      stack.pop_back();
      auto found = by_source.find(value);
      if (found != by_source.end()) {
        Node& node = *found->second;
        std::string location = doc_uri + "#" + json::encode_uri_fragment(pointer);
        if (location != node.absolute_location) {
          for (auto* list : {&node.keywords, &node.annotations}) {
            for (auto& keyword : *list) {
              std::string token = pointer;
              json::append_pointer_token(&token, keyword->name);
              keyword->document_location = doc_uri + "#" + json::encode_uri_fragment(token);
            }
          }
          node.document_location = std::move(location);
        }
      }
      if (value->IsObject()) {
        for (auto m = value->MemberBegin(); m != value->MemberEnd(); ++m) {
          if (!m->value.IsObject() && !m->value.IsArray() && !m->value.IsBool()) continue;
          std::string child = pointer;
          json::append_pointer_token(&child, std::string_view(m->name.GetString(), m->name.GetStringLength()));
          stack.emplace_back(&m->value, std::move(child));
        }
      } else if (value->IsArray()) {
        for (rapidjson::SizeType i = 0; i < value->Size(); ++i) {
          const Json& item = (*value)[i];
          if (!item.IsObject() && !item.IsArray() && !item.IsBool()) continue;
          std::string child = pointer;
          json::append_pointer_token(&child, std::to_string(i));
          stack.emplace_back(&item, std::move(child));
        }
      }
    }
  }
}

}  // namespace

CompileResult compile_document(std::unique_ptr<rapidjson::Document> doc, const CompileOptions& options) {
  CompileResult result;
  if (options.validate_schema) {
    SchemaError meta_error;
    if (!check_against_metaschema(*doc, options, &meta_error)) {
      meta_error.schema_uri = options.base_uri;
      result.error = std::move(meta_error);
      return result;
    }
  }
  auto schema = std::make_shared<Schema>();
  schema->options = options;
  schema->options.registry = nullptr;
  const Json& root = *doc;
  schema->documents.push_back(std::move(doc));
  Compiler compiler(*schema, options);
  const Node* node = compiler.compile_root(root, options.base_uri);
  if (node != nullptr) compiler.resolve_pending();
  if (compiler.failed || node == nullptr) {
    result.error = compiler.error;
    return result;
  }
  schema->root = node;
  record_document_locations(*schema);
  result.schema = std::move(schema);
  return result;
}

}  // namespace jsonsieve::schema
