// URI references (RFC 3986): parsing into components, resolution against a base with the
// normal and abnormal examples of §5.4, normalization of identifiers, and how the engine uses
// them for `$id`, `$ref` and the registry.
#include <string>

#include <catch2/catch.hpp>

#include "jsonsieve/jsonsieve.h"
#include "uri/uri.h"

namespace {

using jsonsieve::uri::normalize;
using jsonsieve::uri::resolve;

struct Example {
  const char* reference;
  const char* expected;
};

const char* kBase = "http://a/b/c/d;p?q";

void check_examples(std::initializer_list<Example> examples) {
  for (const Example& e : examples) {
    INFO("base " << kBase << ", reference \"" << e.reference << "\"");
    CHECK(resolve(kBase, e.reference) == e.expected);
  }
}

}  // namespace

TEST_CASE("uri: RFC 3986 §5.4.1 normal examples", "[uri]") {
  check_examples({
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
  });
}

TEST_CASE("uri: RFC 3986 §5.4.2 abnormal examples", "[uri]") {
  check_examples({
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
      {"http:g", "http:g"},  // strict parsers (§5.2.2) keep the scheme
  });
}

TEST_CASE("uri: resolution cases JSON Schema relies on", "[uri]") {
  // Bases without a path, URNs, and references that are only a fragment.
  CHECK(resolve("http://example.com", "foo.json") == "http://example.com/foo.json");
  CHECK(resolve("http://example.com/", "#/$defs/a") == "http://example.com/#/$defs/a");
  CHECK(resolve("http://example.com/root.json", "#foo") == "http://example.com/root.json#foo");
  CHECK(resolve("http://example.com/a/b.json", "c/d.json") == "http://example.com/a/c/d.json");
  CHECK(resolve("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed", "#/$defs/bar") ==
        "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar");
  CHECK(resolve("http://example.com/root.json", "urn:example:other") == "urn:example:other");
  // No base: the reference stays as it is.
  CHECK(resolve("", "foo.json#bar") == "foo.json#bar");
  CHECK(resolve("", "#/a") == "#/a");
  // A base with a fragment: the fragment never survives (§5.2.2 takes only the reference's).
  CHECK(resolve("http://a/b#frag", "c") == "http://a/c");
  CHECK(resolve("http://a/b#frag", "") == "http://a/b");
}

TEST_CASE("uri: parse splits the five components", "[uri]") {
  jsonsieve::uri::Uri u = jsonsieve::uri::parse("https://user@Example.com:8080/p/a/t/h?query=1#frag/x");
  CHECK(u.has_scheme);
  CHECK(u.scheme == "https");
  CHECK(u.has_authority);
  CHECK(u.authority == "user@Example.com:8080");
  CHECK(u.path == "/p/a/t/h");
  CHECK(u.has_query);
  CHECK(u.query == "query=1");
  CHECK(u.has_fragment);
  CHECK(u.fragment == "frag/x");
  CHECK(u.str() == "https://user@Example.com:8080/p/a/t/h?query=1#frag/x");
  CHECK(u.without_fragment() == "https://user@Example.com:8080/p/a/t/h?query=1");

  jsonsieve::uri::Uri relative = jsonsieve::uri::parse("a/b:c");  // ':' after '/' is no scheme
  CHECK_FALSE(relative.has_scheme);
  CHECK(relative.path == "a/b:c");
  jsonsieve::uri::Uri empty_fragment = jsonsieve::uri::parse("http://x/y#");
  CHECK(empty_fragment.has_fragment);
  CHECK(empty_fragment.fragment.empty());
  jsonsieve::uri::Uri urn = jsonsieve::uri::parse("urn:example:foo");
  CHECK(urn.scheme == "urn");
  CHECK_FALSE(urn.has_authority);
  CHECK(urn.path == "example:foo");
}

TEST_CASE("uri: split_fragment and normalize", "[uri]") {
  std::string without, fragment;
  bool has = false;
  jsonsieve::uri::split_fragment("http://x/y#/a/b", &without, &fragment, &has);
  CHECK(without == "http://x/y");
  CHECK(fragment == "/a/b");
  CHECK(has);
  jsonsieve::uri::split_fragment("http://x/y", &without, &fragment, &has);
  CHECK(without == "http://x/y");
  CHECK(fragment.empty());
  CHECK_FALSE(has);

  CHECK(normalize("HTTP://Example.COM/Path") == "http://example.com/Path");  // path stays case-sensitive
  CHECK(normalize("http://User@EXAMPLE.com/") == "http://User@example.com/");  // userinfo too
  CHECK(normalize("http://example.com/s#") == "http://example.com/s");
  CHECK(normalize("http://example.com/s#x") == "http://example.com/s#x");
}

namespace {

jsonsieve::ValidationResult validate(const jsonsieve::CompileResult& c, const char* instance) {
  jsonsieve::Validator v(c.schema);
  return v.validate_text(instance);
}

}  // namespace

TEST_CASE("uri: nested $id changes the base for $ref and absolute locations", "[uri][ref]") {
  jsonsieve::CompileResult c = jsonsieve::compile(R"({
    "$id": "http://example.com/schemas/root.json",
    "$defs": {
      "item": {"$id": "item.json", "type": "integer"},
      "deep": {"$id": "sub/deep.json", "$defs": {"x": {"$id": "../x.json", "minimum": 5}}}
    },
    "properties": {
      "a": {"$ref": "item.json"},
      "b": {"$ref": "http://example.com/schemas/x.json"},
      "c": {"$ref": "sub/deep.json#/$defs/x"}
    }
  })");
  REQUIRE(c.ok());
  jsonsieve::ValidationResult r = validate(c, R"({"a": "s", "b": 1, "c": 2})");
  REQUIRE(r.errors.size() == 3);
  for (const jsonsieve::OutputUnit& e : r.errors) {
    INFO(e.instance_location);
    if (e.instance_location == "/a") {
      CHECK(e.keyword_location == "/properties/a/$ref/type");
      CHECK(e.absolute_keyword_location == "http://example.com/schemas/item.json#/type");
    } else {
      CHECK(e.absolute_keyword_location == "http://example.com/schemas/x.json#/minimum");
    }
  }
}

TEST_CASE("uri: registry entries are found by normalized URI, never fetched", "[uri][ref]") {
  jsonsieve::Registry registry = {
      {"HTTP://Example.COM/money.json#", R"({"type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$"})"},
  };
  jsonsieve::CompileOptions options;
  options.registry = &registry;
  jsonsieve::CompileResult c = jsonsieve::compile(
      R"({"$id": "http://example.com/order.json", "properties": {"amount": {"$ref": "money.json"}}})",
      options);
  REQUIRE(c.ok());
  CHECK(validate(c, R"({"amount": "19.99"})").valid);
  jsonsieve::ValidationResult bad = validate(c, R"({"amount": "19.9"})");
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].absolute_keyword_location == "http://example.com/money.json#/pattern");

  // The same reference without the registry entry: a compile error, not a network request.
  jsonsieve::CompileResult missing = jsonsieve::compile(
      R"({"$id": "http://example.com/order.json", "properties": {"amount": {"$ref": "money.json"}}})");
  CHECK_FALSE(missing.ok());
  CHECK_THAT(missing.error.message, Catch::Matchers::Contains("http://example.com/money.json"));
  CHECK(missing.error.schema_location == "/properties/amount/$ref");
}

TEST_CASE("uri: base_uri option is the retrieval URI of a schema without $id", "[uri][ref]") {
  jsonsieve::CompileOptions options;
  options.base_uri = "https://example.com/dir/schema.json";
  jsonsieve::Registry registry = {{"https://example.com/dir/other.json", R"({"maximum": 3})"}};
  options.registry = &registry;
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"$ref": "other.json"})", options);
  REQUIRE(c.ok());
  jsonsieve::ValidationResult r = validate(c, "4");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "/$ref/maximum");
  CHECK(r.errors[0].absolute_keyword_location == "https://example.com/dir/other.json#/maximum");
}
