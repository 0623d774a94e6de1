// The embedded meta-schemas: the set is complete, every text is the JSON of the document it
// claims to be, every reference inside resolves without leaving the set, lookups accept the
// URIs schemas write, and the generated table agrees with the JSON files it came from.
#include <catch2/catch.hpp>
#include <rapidjson/document.h>
#include <rapidjson/pointer.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef __EMSCRIPTEN__
#include <filesystem>
#endif

#include "schema/metaschemas.h"

using jsonsieve::schema::EmbeddedSchema;
using jsonsieve::schema::embedded_schemas_begin;
using jsonsieve::schema::embedded_schemas_end;
using jsonsieve::schema::find_embedded_schema;

namespace {

// What the engine promises to resolve offline: the dialects of TEAM.md, each with the
// vocabulary meta-schemas its top meta-schema references.
const std::vector<std::string> kExpectedUris = {
    "https://json-schema.org/draft/2020-12/schema",
    "https://json-schema.org/draft/2020-12/meta/core",
    "https://json-schema.org/draft/2020-12/meta/applicator",
    "https://json-schema.org/draft/2020-12/meta/unevaluated",
    "https://json-schema.org/draft/2020-12/meta/validation",
    "https://json-schema.org/draft/2020-12/meta/meta-data",
    "https://json-schema.org/draft/2020-12/meta/format-annotation",
    "https://json-schema.org/draft/2020-12/meta/format-assertion",
    "https://json-schema.org/draft/2020-12/meta/content",
    "https://json-schema.org/draft/2019-09/schema",
    "https://json-schema.org/draft/2019-09/meta/core",
    "https://json-schema.org/draft/2019-09/meta/applicator",
    "https://json-schema.org/draft/2019-09/meta/validation",
    "https://json-schema.org/draft/2019-09/meta/meta-data",
    "https://json-schema.org/draft/2019-09/meta/format",
    "https://json-schema.org/draft/2019-09/meta/content",
    "http://json-schema.org/draft-07/schema",
    "http://json-schema.org/draft-06/schema",
    "http://json-schema.org/draft-04/schema",
};

std::vector<const EmbeddedSchema*> all_schemas() {
  std::vector<const EmbeddedSchema*> out;
  for (const EmbeddedSchema* it = embedded_schemas_begin(); it != embedded_schemas_end(); ++it) {
    out.push_back(it);
  }
  return out;
}

bool parse(std::string_view text, rapidjson::Document* doc) {
  doc->Parse<rapidjson::kParseValidateEncodingFlag>(text.data(), text.size());
  return !doc->HasParseError();
}

// Drops JSON whitespace outside strings. Mirrors minify() in scripts/gen_metaschemas.mjs.
std::string minify(std::string_view text) {
  std::string out;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
      out += c;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      out += c;
    }
  }
  return out;
}

// Resolves the reference forms that occur in meta-schemas: absolute URIs, fragments, and
// relative paths such as "meta/core". Anything else is reported as unresolvable ("").
std::string resolve(const std::string& base, const std::string& ref) {
  if (ref.find("://") != std::string::npos) return ref;
  if (!ref.empty() && ref[0] == '#') return base + ref;
  if (ref.empty() || ref[0] == '/' || ref.compare(0, 2, "./") == 0 ||
      ref.compare(0, 3, "../") == 0) {
    return "";
  }
  return base.substr(0, base.rfind('/') + 1) + ref;
}

// Every string value of a reference keyword under `v`. The document's URI is the base for
// all of them: no meta-schema nests an "$id".
void collect_refs(const rapidjson::Value& v, std::vector<std::string>* refs) {
  if (v.IsObject()) {
    for (auto& m : v.GetObject()) {
      std::string_view key(m.name.GetString(), m.name.GetStringLength());
      if ((key == "$ref" || key == "$dynamicRef" || key == "$recursiveRef") &&
          m.value.IsString()) {
        refs->emplace_back(m.value.GetString(), m.value.GetStringLength());
      }
      collect_refs(m.value, refs);
    }
  } else if (v.IsArray()) {
    for (auto& e : v.GetArray()) collect_refs(e, refs);
  }
}

bool has_anchor(const rapidjson::Value& v, const std::string& name) {
  if (v.IsObject()) {
    for (const char* key : {"$anchor", "$dynamicAnchor"}) {
      auto it = v.FindMember(key);
      if (it != v.MemberEnd() && it->value.IsString() && name == it->value.GetString()) {
        return true;
      }
    }
    for (auto& m : v.GetObject()) {
      if (has_anchor(m.value, name)) return true;
    }
  } else if (v.IsArray()) {
    for (auto& e : v.GetArray()) {
      if (has_anchor(e, name)) return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("metaschemas: the embedded set is exactly the expected one", "[metaschemas]") {
  std::vector<std::string> actual;
  for (const EmbeddedSchema* s : all_schemas()) actual.emplace_back(s->uri);
  std::vector<std::string> expected = kExpectedUris;
  std::sort(actual.begin(), actual.end());
  std::sort(expected.begin(), expected.end());
  CHECK(actual == expected);
  CHECK(std::set<std::string>(actual.begin(), actual.end()).size() == actual.size());
}

TEST_CASE("metaschemas: every text parses and carries its own uri as id", "[metaschemas]") {
  for (const EmbeddedSchema* s : all_schemas()) {
    INFO(s->uri);
    rapidjson::Document doc;
    REQUIRE(parse(s->json_text, &doc));
    REQUIRE(doc.IsObject());
    // draft-04 names its identifier "id"; every later dialect "$id".
    bool draft4 = s->uri.find("/draft-04/") != std::string_view::npos;
    const char* id_key = draft4 ? "id" : "$id";
    CHECK_FALSE(doc.HasMember(draft4 ? "$id" : "id"));
    REQUIRE(doc.HasMember(id_key));
    REQUIRE(doc[id_key].IsString());
    std::string id = doc[id_key].GetString();
    CHECK((id == std::string(s->uri) || id == std::string(s->uri) + "#"));
    CHECK(s->uri.back() != '#');
  }
}

TEST_CASE("metaschemas: texts are compact", "[metaschemas]") {
  size_t total = 0;
  for (const EmbeddedSchema* s : all_schemas()) {
    INFO(s->uri);
    CHECK(minify(s->json_text) == s->json_text);
    total += s->json_text.size();
  }
  // Size budget: these bytes ship in every wasm build. 22,138 today; growing past this
  // means a document was added or embedded uncompacted, which deserves a look.
  CHECK(total <= 24000);
}

TEST_CASE("metaschemas: $schema and every reference resolve inside the set", "[metaschemas]") {
  for (const EmbeddedSchema* s : all_schemas()) {
    INFO(s->uri);
    rapidjson::Document doc;
    REQUIRE(parse(s->json_text, &doc));
    REQUIRE(doc.HasMember("$schema"));
    const EmbeddedSchema* dialect = find_embedded_schema(doc["$schema"].GetString());
    REQUIRE(dialect != nullptr);

    std::vector<std::string> refs;
    collect_refs(doc, &refs);
    for (const std::string& ref : refs) {
      INFO("ref " << ref);
      std::string target = resolve(std::string(s->uri), ref);
      REQUIRE_FALSE(target.empty());
      size_t hash = target.find('#');
      std::string resource = target.substr(0, hash);
      std::string fragment = hash == std::string::npos ? "" : target.substr(hash + 1);
      const EmbeddedSchema* found = find_embedded_schema(resource);
      REQUIRE(found != nullptr);
      rapidjson::Document target_doc;
      REQUIRE(parse(found->json_text, &target_doc));
      if (fragment.empty()) continue;
      if (fragment[0] == '/') {
        // No meta-schema percent-encodes a fragment, so it is the pointer's plain spelling.
        REQUIRE(fragment.find('%') == std::string::npos);
        rapidjson::Pointer pointer(fragment.c_str());
        REQUIRE(pointer.IsValid());
        CHECK(pointer.Get(target_doc) != nullptr);
      } else {
        CHECK(has_anchor(target_doc, fragment));
      }
    }
  }
}

TEST_CASE("metaschemas: lookup by uri", "[metaschemas]") {
  for (const std::string& uri : kExpectedUris) {
    INFO(uri);
    const EmbeddedSchema* plain = find_embedded_schema(uri);
    REQUIRE(plain != nullptr);
    CHECK(plain->uri == uri);
    CHECK(find_embedded_schema(uri + "#") == plain);
  }
  // The spellings dialects are declared with in the wild.
  CHECK(find_embedded_schema("http://json-schema.org/draft-07/schema#") != nullptr);
  CHECK(find_embedded_schema("http://json-schema.org/draft-04/schema#") != nullptr);
  CHECK(find_embedded_schema("https://json-schema.org/draft/2020-12/schema") != nullptr);

  // Exact match only: no other normalization happens here.
  CHECK(find_embedded_schema("") == nullptr);
  CHECK(find_embedded_schema("#") == nullptr);
  CHECK(find_embedded_schema("http://json-schema.org/draft-07/schema##") == nullptr);
  CHECK(find_embedded_schema("http://json-schema.org/draft-07/schema#/definitions") == nullptr);
  CHECK(find_embedded_schema("https://json-schema.org/draft-07/schema") == nullptr);
  CHECK(find_embedded_schema("http://json-schema.org/draft-07/schema/") == nullptr);
  CHECK(find_embedded_schema("https://json-schema.org/draft/2020-12/meta") == nullptr);
  CHECK(find_embedded_schema("http://json-schema.org/draft-03/schema#") == nullptr);
  CHECK(find_embedded_schema("https://json-schema.org/draft/2019-09/hyper-schema") == nullptr);
}

#ifndef __EMSCRIPTEN__
// The source tree is only reachable from a native test binary.
namespace {
std::string source_dir() {
#ifdef JSONSIEVE_SOURCE_DIR
  return JSONSIEVE_SOURCE_DIR;
#else
  std::string file = __FILE__;
  std::string suffix = "tests/native/metaschemas_test.cc";
  REQUIRE(file.size() >= suffix.size());
  REQUIRE(file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0);
  return file.substr(0, file.size() - suffix.size());
#endif
}
}  // namespace

TEST_CASE("metaschemas: generated table agrees with the JSON files", "[metaschemas]") {
  namespace fs = std::filesystem;
  fs::path json_dir = fs::path(source_dir()) / "engine/schema/metaschemas/json";
  REQUIRE(fs::is_directory(json_dir));

  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(json_dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") ++files;
  }
  auto schemas = all_schemas();
  CHECK(files == schemas.size());

  for (const EmbeddedSchema* s : schemas) {
    INFO(s->uri << " (run node scripts/gen_metaschemas.mjs if the JSON changed)");
    // The file mirrors the URI's path: .../json-schema.org/<path> -> json/<path>.json
    std::string host = "json-schema.org/";
    size_t at = s->uri.find(host);
    REQUIRE(at != std::string_view::npos);
    fs::path file = json_dir / (std::string(s->uri.substr(at + host.size())) + ".json");
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream text;
    text << in.rdbuf();
    CHECK(minify(text.str()) == s->json_text);
  }
}
#endif
