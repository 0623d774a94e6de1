// JSON Pointer (RFC 6901): token escaping (~0, ~1), parsing, resolution, the URI-fragment form
// (percent-encoding, RFC 6901 §6), and the pointers the engine reports and follows in `$ref`.
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "json/pointer.h"
#include "jsonsieve/jsonsieve.h"

namespace {

using jsonsieve::json::append_pointer_index;
using jsonsieve::json::append_pointer_token;
using jsonsieve::json::encode_uri_fragment;
using jsonsieve::json::percent_decode;
using jsonsieve::json::resolve_pointer;
using jsonsieve::json::split_pointer;

// The example document of RFC 6901 §5.
const char* kRfc6901Doc = R"({
  "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4,
  "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8
})";

std::string token(std::string_view t) {
  std::string out;
  append_pointer_token(&out, t);
  return out;
}

std::vector<std::string> split(std::string_view p) {
  std::vector<std::string> tokens;
  REQUIRE(split_pointer(p, &tokens));
  return tokens;
}

}  // namespace

TEST_CASE("pointer: tokens escape ~ as ~0 and / as ~1", "[pointer]") {
  CHECK(token("foo") == "/foo");
  CHECK(token("") == "/");
  CHECK(token("a/b") == "/a~1b");
  CHECK(token("m~n") == "/m~0n");
  // '~' first, so a literal "~1" does not turn into "/" on the way back.
  CHECK(token("~1") == "/~01");
  CHECK(token("/~") == "/~1~0");
  CHECK(token("é ü") == "/é ü");  // pointers are Unicode strings, not URIs
  std::string p;
  append_pointer_token(&p, "items");
  append_pointer_index(&p, 12);
  CHECK(p == "/items/12");
}

TEST_CASE("pointer: split undoes escaping, ~01 is ~1 (RFC 6901 §4 order)", "[pointer]") {
  CHECK(split("").empty());
  CHECK(split("/") == std::vector<std::string>{""});
  CHECK(split("//") == std::vector<std::string>{"", ""});
  CHECK(split("/foo/0") == std::vector<std::string>{"foo", "0"});
  CHECK(split("/a~1b") == std::vector<std::string>{"a/b"});
  CHECK(split("/m~0n") == std::vector<std::string>{"m~n"});
  CHECK(split("/~01") == std::vector<std::string>{"~1"});
  CHECK(split("/~10") == std::vector<std::string>{"/0"});
  for (const std::string& t : {std::string("a/b"), std::string("~"), std::string("~1~0/"), std::string("")}) {
    CHECK(split(token(t)) == std::vector<std::string>{t});
  }
}

TEST_CASE("pointer: malformed pointers are rejected", "[pointer]") {
  std::vector<std::string> tokens;
  CHECK_FALSE(split_pointer("foo", &tokens));   // no leading '/'
  CHECK_FALSE(split_pointer("/~", &tokens));    // dangling '~'
  CHECK_FALSE(split_pointer("/~2", &tokens));   // only ~0 and ~1 exist
  CHECK_FALSE(split_pointer("/a~/b", &tokens));
}

TEST_CASE("pointer: RFC 6901 §5 examples resolve", "[pointer]") {
  rapidjson::Document doc;
  doc.Parse(kRfc6901Doc);
  REQUIRE_FALSE(doc.HasParseError());
  struct Case { const char* pointer; int value; };
  CHECK(resolve_pointer(doc, "") == &doc);
  const jsonsieve::Json* foo = resolve_pointer(doc, "/foo");
  REQUIRE(foo != nullptr);
  CHECK(foo->IsArray());
  REQUIRE(resolve_pointer(doc, "/foo/0") != nullptr);
  CHECK(std::string(resolve_pointer(doc, "/foo/0")->GetString()) == "bar");
  for (Case c : {Case{"/", 0}, Case{"/a~1b", 1}, Case{"/c%d", 2}, Case{"/e^f", 3}, Case{"/g|h", 4},
                 Case{"/i\\j", 5}, Case{"/k\"l", 6}, Case{"/ ", 7}, Case{"/m~0n", 8}}) {
    INFO(c.pointer);
    const jsonsieve::Json* v = resolve_pointer(doc, c.pointer);
    REQUIRE(v != nullptr);
    CHECK(v->GetInt() == c.value);
  }
}

TEST_CASE("pointer: missing members and bad array indices resolve to nothing", "[pointer]") {
  rapidjson::Document doc;
  doc.Parse(kRfc6901Doc);
  CHECK(resolve_pointer(doc, "/nope") == nullptr);
  CHECK(resolve_pointer(doc, "/a/b") == nullptr);      // "a/b" unescaped is two tokens
  CHECK(resolve_pointer(doc, "/foo/2") == nullptr);    // past the end
  CHECK(resolve_pointer(doc, "/foo/-") == nullptr);    // "-" names no element
  CHECK(resolve_pointer(doc, "/foo/01") == nullptr);   // leading zeros are not indices
  CHECK(resolve_pointer(doc, "/foo/+1") == nullptr);
  CHECK(resolve_pointer(doc, "/foo/0/x") == nullptr);  // through a scalar
  CHECK(resolve_pointer(doc, "foo") == nullptr);       // malformed
}

TEST_CASE("pointer: URI fragment form percent-encodes (RFC 6901 §6)", "[pointer]") {
  CHECK(encode_uri_fragment("") == "");
  CHECK(encode_uri_fragment("/foo/0") == "/foo/0");
  CHECK(encode_uri_fragment("/a~1b") == "/a~1b");
  CHECK(encode_uri_fragment("/m~0n") == "/m~0n");
  CHECK(encode_uri_fragment("/c%d") == "/c%25d");
  CHECK(encode_uri_fragment("/e^f") == "/e%5Ef");
  CHECK(encode_uri_fragment("/g|h") == "/g%7Ch");
  CHECK(encode_uri_fragment("/i\\j") == "/i%5Cj");
  CHECK(encode_uri_fragment("/k\"l") == "/k%22l");
  CHECK(encode_uri_fragment("/ ") == "/%20");
  CHECK(encode_uri_fragment("/#") == "/%23");                // '#' may not appear in a fragment
  CHECK(encode_uri_fragment("/\xC3\xA9") == "/%C3%A9");      // é as UTF-8 octets
  CHECK(encode_uri_fragment("/$defs/x") == "/$defs/x");      // sub-delims stay literal
}

TEST_CASE("pointer: percent-decoding inverts the fragment form and rejects bad escapes", "[pointer]") {
  std::string out;
  for (const char* p : {"/c%d", "/e^f", "/ ", "/\xC3\xA9", "/a~1b", "/100%"}) {
    INFO(p);
    REQUIRE(percent_decode(encode_uri_fragment(p), &out));
    CHECK(out == p);
  }
  REQUIRE(percent_decode("/%7e%7E", &out));
  CHECK(out == "/~~");
  CHECK_FALSE(percent_decode("/%", &out));
  CHECK_FALSE(percent_decode("/%2", &out));
  CHECK_FALSE(percent_decode("/%zz", &out));
  CHECK_FALSE(percent_decode("/%g0", &out));
}

namespace {

struct Outcome {
  bool compiled = false;
  std::string compile_error;
  jsonsieve::ValidationResult result;
};

Outcome run(const char* schema, const char* instance) {
  Outcome o;
  jsonsieve::CompileResult c = jsonsieve::compile(schema);
  o.compiled = c.ok();
  o.compile_error = c.error.message;
  if (!c.ok()) return o;
  jsonsieve::Validator v(c.schema);
  o.result = v.validate_text(instance);
  return o;
}

}  // namespace

TEST_CASE("pointer: $ref fragments use ~0, ~1 and percent-encoding", "[pointer][ref]") {
  const char* schema = R"({
    "$defs": {
      "a/b": {"type": "string"},
      "m~n": {"type": "integer"},
      "c%d": {"minimum": 10},
      " x": {"maxLength": 2},
      "é": {"const": true}
    },
    "properties": {
      "slash": {"$ref": "#/$defs/a~1b"},
      "tilde": {"$ref": "#/$defs/m~0n"},
      "percent": {"$ref": "#/$defs/c%25d"},
      "space": {"$ref": "#/$defs/%20x"},
      "accent": {"$ref": "#/$defs/%C3%A9"}
    }
  })";
  Outcome ok = run(schema, R"({"slash":"s","tilde":1,"percent":11,"space":"ab","accent":true})");
  REQUIRE(ok.compiled);
  CHECK(ok.result.valid);
  Outcome bad = run(schema, R"({"slash":1,"tilde":"t","percent":1,"space":"abc","accent":false})");
  REQUIRE(bad.compiled);
  CHECK_FALSE(bad.result.valid);
  CHECK(bad.result.errors.size() == 5);
  std::vector<std::string> locations;
  for (const auto& e : bad.result.errors) locations.push_back(e.keyword_location);
  CHECK_THAT(locations, Catch::Matchers::VectorContains(std::string("/properties/slash/$ref/type")));
  CHECK_THAT(locations, Catch::Matchers::VectorContains(std::string("/properties/tilde/$ref/type")));
  CHECK_THAT(locations, Catch::Matchers::VectorContains(std::string("/properties/percent/$ref/minimum")));
  CHECK_THAT(locations, Catch::Matchers::VectorContains(std::string("/properties/space/$ref/maxLength")));
  CHECK_THAT(locations, Catch::Matchers::VectorContains(std::string("/properties/accent/$ref/const")));
}

TEST_CASE("pointer: a $ref to a missing or malformed pointer is a located schema error", "[pointer][ref]") {
  Outcome missing = run(R"({"$defs":{"a":true},"properties":{"p":{"$ref":"#/$defs/b"}}})", "{}");
  CHECK_FALSE(missing.compiled);
  CHECK_THAT(missing.compile_error, Catch::Matchers::Contains("#/$defs/b"));
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"$defs":{"a":true},"properties":{"p":{"$ref":"#/$defs/b"}}})");
  CHECK(c.error.schema_location == "/properties/p/$ref");
  jsonsieve::CompileResult bad_escape = jsonsieve::compile(R"({"$defs":{"a":true},"$ref":"#/$defs/%zz"})");
  CHECK_FALSE(bad_escape.ok());
  CHECK(bad_escape.error.schema_location == "/$ref");
  CHECK_THAT(bad_escape.error.message, Catch::Matchers::Contains("%zz"));
}

TEST_CASE("pointer: reported locations escape property names; absolute locations percent-encode",
          "[pointer][output]") {
  const char* schema = R"({
    "$id": "https://example.com/pointers.json",
    "properties": {
      "a/b": {"type": "string"},
      "m~n": {"type": "string"},
      "c%d": {"type": "string"},
      "sp ace": {"type": "string"},
      "é": {"type": "string"}
    }
  })";
  for (auto [name, escaped, encoded] :
       {std::tuple<const char*, const char*, const char*>{"a/b", "a~1b", "a~1b"},
        {"m~n", "m~0n", "m~0n"},
        {"c%d", "c%d", "c%25d"},
        {"sp ace", "sp ace", "sp%20ace"},
        {"é", "é", "%C3%A9"}}) {
    INFO(name);
    std::string instance = std::string("{\"") + name + "\": 1}";
    Outcome o = run(schema, instance.c_str());
    REQUIRE(o.compiled);
    REQUIRE(o.result.errors.size() == 1);
    const jsonsieve::OutputUnit& e = o.result.errors[0];
    CHECK(e.instance_location == std::string("/") + escaped);
    CHECK(e.keyword_location == std::string("/properties/") + escaped + "/type");
    CHECK(e.absolute_keyword_location ==
          std::string("https://example.com/pointers.json#/properties/") + encoded + "/type");
  }
}
