// Each 2020-12 vocabulary (core, applicator, unevaluated, validation, format, content, meta-data):
// a passing and a failing instance per keyword, and for each failure where it is reported —
// instanceLocation, keywordLocation, absoluteKeywordLocation, keyword — and its message, which
// must read as a sentence a person understands ("must be at most 10 characters long, got 14").
#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "jsonsieve/jsonsieve.h"

namespace {

const std::string kId = "https://example.com/k.json";

// `body` is the inside of a schema object; it gets kId as its $id.
std::string schema_with_id(const std::string& body) {
  return "{\"$id\": \"" + kId + "\"" + (body.empty() ? "" : ", ") + body + "}";
}

jsonsieve::ValidationResult check(const std::string& schema, const std::string& instance,
                                  const jsonsieve::CompileOptions& options = {}) {
  jsonsieve::CompileResult c = jsonsieve::compile(schema, options);
  INFO(schema << "\n  -> " << c.error.message);
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult r = v.validate_text(instance);
  INFO(instance << "\n  -> " << r.failure.message);
  REQUIRE_FALSE(r.failed());
  CHECK(v.is_valid_text(instance) == r.valid);  // fast path agrees
  return r;
}

void expect_valid(const std::string& body, const std::string& instance,
                  const jsonsieve::CompileOptions& options = {}) {
  INFO("schema body: " << body << "\ninstance: " << instance);
  jsonsieve::ValidationResult r = check(schema_with_id(body), instance, options);
  for (const auto& e : r.errors) INFO("unexpected error: " << e.keyword_location << ": " << e.error);
  CHECK(r.valid);
  CHECK(r.errors.empty());
}

struct Expected {
  std::string keyword;
  std::string keyword_location;
  std::string instance_location;
  std::string message;
  std::string absolute = "";  // default: kId + "#" + keyword_location
};

std::string describe(const std::vector<jsonsieve::OutputUnit>& errors) {
  std::string out;
  for (const auto& e : errors) {
    out += "  [" + e.keyword + "] " + e.keyword_location + " | " + e.absolute_keyword_location + " @ " +
           e.instance_location + ": " + e.error + "\n";
  }
  return out;
}

// The instance fails, and among the errors is `want`: every location field exactly, the message
// starting with the expected text.
void expect_error(const std::string& body, const std::string& instance, const Expected& want,
                  const jsonsieve::CompileOptions& options = {}) {
  INFO("schema body: " << body << "\ninstance: " << instance);
  jsonsieve::ValidationResult r = check(schema_with_id(body), instance, options);
  INFO("errors:\n" << describe(r.errors));
  CHECK_FALSE(r.valid);
  const std::string absolute = want.absolute.empty() ? kId + "#" + want.keyword_location : want.absolute;
  bool found = false;
  for (const auto& e : r.errors) {
    if (e.keyword_location != want.keyword_location || e.instance_location != want.instance_location) continue;
    found = true;
    CHECK(e.keyword == want.keyword);
    CHECK(e.absolute_keyword_location == absolute);
    // The expected text must be all there; a message may add detail after it.
    CHECK_THAT(e.error, Catch::Matchers::StartsWith(want.message));
    CHECK_FALSE(e.valid);
  }
  INFO("wanted " << want.keyword_location << " @ " << want.instance_location);
  CHECK(found);
}

}  // namespace

// ---- validation vocabulary -------------------------------------------------------------------

TEST_CASE("keywords: type", "[keywords][validation]") {
  expect_valid(R"("type": "string")", R"("x")");
  expect_valid(R"("type": ["integer", "null"])", "null");
  expect_valid(R"("type": "number")", "1");
  expect_error(R"("type": "string")", "1", {"type", "/type", "", "must be string, got integer"});
  expect_error(R"("type": ["string", "null"])", "1.5", {"type", "/type", "", "must be string or null, got number"});
  expect_error(R"("type": "object")", "[]", {"type", "/type", "", "must be object, got array"});
  expect_error(R"("type": "integer")", "true", {"type", "/type", "", "must be integer, got boolean"});
}

TEST_CASE("keywords: enum and const", "[keywords][validation]") {
  expect_valid(R"("enum": ["EUR", "USD", 1, null])", R"("USD")");
  expect_error(R"("enum": ["EUR", "USD"])", R"("GBP")",
               {"enum", "/enum", "", R"(must be one of ["EUR","USD"], got "GBP")"});
  expect_valid(R"("const": {"a": [1]})", R"({"a": [1.0]})");
  expect_error(R"("const": "EUR")", R"("eur")", {"const", "/const", "", R"(must be equal to "EUR", got "eur")"});
  // Long values are shortened in messages, not pasted whole.
  std::string long_string(500, 'x');
  jsonsieve::ValidationResult r = check(schema_with_id(R"("const": "y")"), "\"" + long_string + "\"");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].error.size() < 200);
}

TEST_CASE("keywords: numeric bounds and multipleOf", "[keywords][validation]") {
  expect_valid(R"("minimum": 1, "maximum": 10)", "10");
  expect_valid(R"("exclusiveMinimum": 1, "exclusiveMaximum": 10)", "9.99");
  expect_valid(R"("maximum": 1)", R"("not a number")");
  expect_error(R"("maximum": 10)", "11", {"maximum", "/maximum", "", "must be at most 10, got 11"});
  expect_error(R"("minimum": 0.5)", "0.25", {"minimum", "/minimum", "", "must be at least 0.5, got 0.25"});
  expect_error(R"("exclusiveMaximum": 10)", "10", {"exclusiveMaximum", "/exclusiveMaximum", "", "must be less than 10, got 10"});
  expect_error(R"("exclusiveMinimum": 0)", "0", {"exclusiveMinimum", "/exclusiveMinimum", "", "must be greater than 0, got 0"});
  expect_error(R"("multipleOf": 0.01)", "0.001", {"multipleOf", "/multipleOf", "", "must be a multiple of 0.01, got 0.001"});
}

TEST_CASE("keywords: string lengths and pattern", "[keywords][validation]") {
  expect_valid(R"("minLength": 2, "maxLength": 3)", R"("abc")");
  expect_error(R"("maxLength": 10)", R"("abcdefghijklmn")",
               {"maxLength", "/maxLength", "", "must be at most 10 characters long, got 14"});
  expect_error(R"("minLength": 3)", R"("ab")", {"minLength", "/minLength", "", "must be at least 3 characters long, got 2"});
  expect_error(R"("maxLength": 1)", R"("ab")", {"maxLength", "/maxLength", "", "must be at most 1 character long, got 2"});
  expect_valid(R"("pattern": "^[A-Z]{2}[0-9]{2}")", R"("DE89370400440532013000")");
  expect_valid(R"("pattern": "b")", R"("abc")");  // unanchored search, like RegExp.test
  expect_error(R"("pattern": "^[A-Z]{2}$")", R"("abc")",
               {"pattern", "/pattern", "", R"(must match the pattern "^[A-Z]{2}$", got "abc")"});
}

TEST_CASE("keywords: array counts and uniqueItems", "[keywords][validation]") {
  expect_valid(R"("minItems": 1, "maxItems": 2)", "[1, 2]");
  expect_error(R"("maxItems": 1)", "[1, 2]", {"maxItems", "/maxItems", "", "must have at most 1 item, got 2"});
  expect_error(R"("minItems": 3)", "[1]", {"minItems", "/minItems", "", "must have at least 3 items, got 1"});
  expect_valid(R"("uniqueItems": true)", "[1, 2, \"1\"]");
  expect_error(R"("uniqueItems": true)", R"([1, {"a": 1}, {"a": 1.0}])",
               {"uniqueItems", "/uniqueItems", "", "must not contain duplicates, but items 1 and 2 are equal"});
}

TEST_CASE("keywords: object counts, required, dependentRequired", "[keywords][validation]") {
  expect_valid(R"("minProperties": 1, "maxProperties": 1)", R"({"a": 1})");
  expect_error(R"("maxProperties": 1)", R"({"a": 1, "b": 2})",
               {"maxProperties", "/maxProperties", "", "must have at most 1 property, got 2"});
  expect_error(R"("minProperties": 2)", R"({})", {"minProperties", "/minProperties", "", "must have at least 2 properties, got 0"});
  expect_valid(R"("required": ["a"])", R"({"a": null})");
  expect_valid(R"("required": ["a"])", R"(["a"])");
  expect_error(R"("required": ["iban", "bic"])", R"({"bic": "x"})",
               {"required", "/required", "", R"(missing required property "iban")"});
  jsonsieve::ValidationResult both = check(schema_with_id(R"("required": ["a", "b"])"), "{}");
  CHECK(both.errors.size() == 2);  // every missing property is reported
  expect_valid(R"("dependentRequired": {"card": ["cvv"]})", R"({"iban": 1})");
  expect_error(R"("dependentRequired": {"card": ["cvv"]})", R"({"card": "4111"})",
               {"dependentRequired", "/dependentRequired", "", R"(property "cvv" is required when "card" is present)"});
}

TEST_CASE("keywords: contains with minContains and maxContains", "[keywords][applicator]") {
  expect_valid(R"("contains": {"type": "integer"})", R"(["a", 1])");
  expect_valid(R"("contains": {"type": "integer"}, "minContains": 0)", R"(["a"])");
  expect_error(R"("contains": {"type": "integer"})", R"(["a", "b"])",
               {"contains", "/contains", "", "must contain at least one item matching the contains schema"});
  expect_error(R"("contains": {"type": "integer"}, "minContains": 2)", R"([1, "b"])",
               {"contains", "/contains", "", "must contain at least 2 items matching the contains schema, found 1"});
  expect_error(R"("contains": {"type": "integer"}, "maxContains": 2)", R"([1, 2, 3])",
               {"contains", "/contains", "", "must contain at most 2 items matching the contains schema, found 3"});
}

TEST_CASE("keywords: maxContains 1 says 'item', not 'items'", "[keywords][applicator]") {
  jsonsieve::ValidationResult r = check(schema_with_id(R"("contains": {"type": "integer"}, "maxContains": 1)"), "[1, 2]");
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0].error, Catch::Matchers::StartsWith("must contain at most 1 item matching the contains schema"));
  CHECK_THAT(r.errors[0].error, !Catch::Matchers::Contains("1 items"));
}

// ---- applicator vocabulary -------------------------------------------------------------------

TEST_CASE("keywords: allOf, anyOf, oneOf, not", "[keywords][applicator]") {
  expect_valid(R"("allOf": [{"type": "integer"}, {"minimum": 1}])", "2");
  expect_error(R"("allOf": [{"type": "integer"}, {"minimum": 1}])", "0",
               {"minimum", "/allOf/1/minimum", "", "must be at least 1, got 0"});

  expect_valid(R"("anyOf": [{"type": "string"}, {"type": "null"}])", "null");
  expect_error(R"("anyOf": [{"type": "string"}, {"type": "null"}])", "1",
               {"anyOf", "/anyOf", "", "must match at least one of the 2 schemas in anyOf"});
  expect_error(R"("anyOf": [{"type": "string"}, {"type": "null"}])", "1",
               {"type", "/anyOf/0/type", "", "must be string, got integer"});

  expect_valid(R"("oneOf": [{"type": "integer"}, {"type": "string"}])", "1");
  expect_error(R"("oneOf": [{"type": "integer"}, {"type": "string"}])", "null",
               {"oneOf", "/oneOf", "", "must match exactly one of the 2 schemas in oneOf, but matches none"});
  expect_error(R"("oneOf": [{"type": "integer"}, {"minimum": 0}, {"type": "string"}])", "1",
               {"oneOf", "/oneOf", "", "must match exactly one schema in oneOf, but matches 2 (branches 0 and 1)"});

  expect_valid(R"("not": {"type": "string"})", "1");
  expect_error(R"("not": {"type": "string"})", R"("x")", {"not", "/not", "", "must not match the schema in not"});
  // Errors of branches that were allowed to fail do not leak into a valid result.
  jsonsieve::ValidationResult r = check(schema_with_id(R"("anyOf": [{"type": "string"}, {"type": "integer"}])"), "1");
  CHECK(r.valid);
  CHECK(r.errors.empty());
}

// In an invalid instance, applicators whose verdict needs no error of their own (a passing
// oneOf, anyOf, not, an if, contains) answer through a flag-mode probe: only the real error
// is reported, and annotations/unevaluated* still see every branch.
TEST_CASE("keywords: passing applicators beside a failing keyword report nothing", "[keywords][applicator]") {
  const std::string body = R"("properties": {
        "one": {"oneOf": [{"type": "string"}, {"minimum": 5}]},
        "any": {"anyOf": [{"type": "string"}, {"minimum": 5}, {"type": "integer"}]},
        "no": {"not": {"type": "string"}},
        "cond": {"if": {"minimum": 5}, "then": {"maximum": 10}, "else": {"maximum": 1}},
        "list": {"contains": {"type": "string"}},
        "bad": {"type": "boolean"}})";
  const std::string instance = R"({"one": 7, "any": 7, "no": 1, "cond": 7, "list": [1, "a"], "bad": 0})";
  jsonsieve::ValidationResult r = check(schema_with_id(body), instance);
  INFO(describe(r.errors));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "/properties/bad/type");
  // The same applicators failing still report their closest branch / own message.
  expect_error(body, R"({"one": 1})", {"oneOf", "/properties/one/oneOf", "/one", "must match exactly one"});
  expect_error(body, R"({"any": 1.5})", {"anyOf", "/properties/any/anyOf", "/any", "must match at least one"});
  expect_error(body, R"({"no": "s"})", {"not", "/properties/no/not", "/no", "must not match"});
  expect_error(body, R"({"cond": 11})", {"maximum", "/properties/cond/then/maximum", "/cond", "must be at most 10"});
  expect_error(body, R"({"list": [1]})", {"contains", "/properties/list/contains", "/list", "must contain at least one"});
  // With unevaluatedProperties, oneOf's passing branch still marks what it evaluated.
  const std::string tracked = R"("oneOf": [{"properties": {"a": true}, "required": ["a"]}, {"required": ["b"]}],
      "properties": {"c": {"type": "string"}}, "unevaluatedProperties": false)";
  expect_error(tracked, R"({"a": 1, "c": 2})", {"type", "/properties/c/type", "/c", "must be string, got integer"});
  jsonsieve::ValidationResult t = check(schema_with_id(tracked), R"({"a": 1, "c": 2})");
  INFO(describe(t.errors));
  CHECK(t.errors.size() == 1);
}

TEST_CASE("keywords: if / then / else", "[keywords][applicator]") {
  const std::string body = R"("if": {"type": "integer"}, "then": {"minimum": 0}, "else": {"type": "string"})";
  expect_valid(body, "5");
  expect_valid(body, R"("s")");
  expect_error(body, "-1", {"minimum", "/then/minimum", "", "must be at least 0, got -1"});
  expect_error(body, "true", {"type", "/else/type", "", "must be string, got boolean"});
  // `if` failing alone is not an error.
  jsonsieve::ValidationResult r = check(schema_with_id(R"("if": {"type": "integer"})"), R"("s")");
  CHECK(r.valid);
}

TEST_CASE("keywords: dependentSchemas", "[keywords][applicator]") {
  const std::string body = R"("dependentSchemas": {"card": {"required": ["cvv"], "properties": {"cvv": {"maxLength": 4}}}})";
  expect_valid(body, R"({"iban": "x"})");
  expect_valid(body, R"({"card": "4111", "cvv": "123"})");
  expect_error(body, R"({"card": "4111"})",
               {"required", "/dependentSchemas/card/required", "", R"(missing required property "cvv")"});
  expect_error(body, R"({"card": "4111", "cvv": "12345"})",
               {"maxLength", "/dependentSchemas/card/properties/cvv/maxLength", "/cvv",
                "must be at most 4 characters long, got 5"});
}

TEST_CASE("keywords: prefixItems and items report the item's location", "[keywords][applicator]") {
  const std::string body = R"("prefixItems": [{"type": "string"}, {"type": "integer"}], "items": {"type": "boolean"})";
  expect_error(body, R"(["a", "b"])", {"type", "/prefixItems/1/type", "/1", "must be integer, got string"});
  expect_error(body, R"(["a", 1, true, 7])", {"type", "/items/type", "/3", "must be boolean, got integer"});
  expect_valid(R"("items": {"type": "integer"})", "[]");
  // items: false forbids anything past prefixItems.
  expect_error(R"("prefixItems": [true], "items": false)", "[1, 2]",
               {"", "/items", "/1", "no value is allowed here (the schema is false)"});
}

TEST_CASE("keywords: properties, patternProperties, additionalProperties", "[keywords][applicator]") {
  const std::string body = R"("properties": {"amount": {"type": "number"}},
      "patternProperties": {"^x-": {"type": "string"}},
      "additionalProperties": {"type": "boolean"})";
  expect_valid(body, R"({"amount": 1.5, "x-note": "n", "flag": true})");
  expect_error(body, R"({"amount": "1"})", {"type", "/properties/amount/type", "/amount", "must be number, got string"});
  // '^' is not allowed literally in a URI fragment: the absolute location percent-encodes it.
  expect_error(body, R"({"x-note": 1})",
               {"type", "/patternProperties/^x-/type", "/x-note", "must be string, got integer",
                kId + "#/patternProperties/%5Ex-/type"});
  expect_error(body, R"({"other": 1})", {"type", "/additionalProperties/type", "/other", "must be boolean, got integer"});
  // additionalProperties: false names the property.
  jsonsieve::ValidationResult r =
      check(schema_with_id(R"("properties": {"a": true}, "additionalProperties": false)"), R"({"a": 1, "b": 2})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "/additionalProperties");
  CHECK(r.errors[0].absolute_keyword_location == kId + "#/additionalProperties");
  CHECK_THAT(r.errors[0].error, Catch::Matchers::Contains("\"b\"") && Catch::Matchers::Contains("not allowed"));
  CHECK((r.errors[0].instance_location == "/b" || r.errors[0].instance_location == ""));
}

// In flag mode (is_valid) `properties` applies its siblings `additionalProperties` and
// `required` in its own loop, and they stand aside; check() compares both modes every time.
TEST_CASE("keywords: properties with additionalProperties and required, in both modes", "[keywords][applicator]") {
  const std::string closed = R"("properties": {"a": {"type": "integer"}, "b": true},
      "required": ["a"], "additionalProperties": false)";
  expect_valid(closed, R"({"a": 1})");
  expect_valid(closed, R"({"b": null, "a": 1})");
  expect_error(closed, R"({"b": 1})", {"required", "/required", "", R"(missing required property "a")"});
  expect_error(closed, R"({"a": "1"})", {"type", "/properties/a/type", "/a", "must be integer, got string"});
  CHECK_FALSE(check(schema_with_id(closed), R"({"a": 1, "c": 2})").valid);
  // additionalProperties as a schema; a required name that properties does not list.
  const std::string open = R"("properties": {"a": true}, "required": ["a", "z"],
      "additionalProperties": {"type": "string"})";
  expect_valid(open, R"({"a": 1, "z": "s"})");
  expect_error(open, R"({"a": 1, "z": 2})", {"type", "/additionalProperties/type", "/z", "must be string, got integer"});
  expect_error(open, R"({"a": 1})", {"required", "/required", "", R"(missing required property "z")"});
  // Required alone beside properties; more than 64 properties (the required bit set's limit).
  expect_error(R"("properties": {"a": true}, "required": ["a"])", "{}",
               {"required", "/required", "", R"(missing required property "a")"});
  std::string many = "\"properties\": {";
  for (int i = 0; i < 70; ++i) many += (i ? ", " : "") + std::string("\"p") + std::to_string(i) + "\": true";
  many += R"(}, "required": ["p0", "p69"], "additionalProperties": false)";
  expect_valid(many, R"({"p0": 1, "p69": 2})");
  expect_error(many, R"({"p0": 1})", {"required", "/required", "", R"(missing required property "p69")"});
  // With unevaluatedProperties in play, each keyword evaluates on its own (annotations flow).
  const std::string tracked = R"("allOf": [{"properties": {"a": true}, "required": ["a"], "additionalProperties": false}],
      "unevaluatedProperties": false)";
  expect_valid(tracked, R"({"a": 1})");
  CHECK_FALSE(check(schema_with_id(tracked), R"({"a": 1, "b": 2})").valid);
  CHECK_FALSE(check(schema_with_id(tracked), "{}").valid);
}

TEST_CASE("keywords: propertyNames", "[keywords][applicator]") {
  expect_valid(R"("propertyNames": {"maxLength": 3})", R"({"abc": 1})");
  jsonsieve::ValidationResult r = check(schema_with_id(R"("propertyNames": {"maxLength": 3})"), R"({"abcd": 1})");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "/propertyNames/maxLength");
  CHECK(r.errors[0].absolute_keyword_location == kId + "#/propertyNames/maxLength");
  CHECK(r.errors[0].error == "must be at most 3 characters long, got 4");
  // The name itself has no pointer of its own: the error points at the member or the object.
  CHECK((r.errors[0].instance_location == "/abcd" || r.errors[0].instance_location == ""));
}

// ---- unevaluated vocabulary ------------------------------------------------------------------

TEST_CASE("keywords: unevaluatedProperties sees through allOf, $ref and if/then", "[keywords][unevaluated]") {
  const std::string body = R"("$defs": {"base": {"properties": {"id": true}}},
      "allOf": [{"$ref": "#/$defs/base"}],
      "if": {"required": ["kind"]}, "then": {"properties": {"kind": true}},
      "unevaluatedProperties": false)";
  expect_valid(body, R"({"id": 1})");
  expect_valid(body, R"({"id": 1, "kind": "a"})");
  expect_error(body, R"({"id": 1, "extra": 2})",
               {"unevaluatedProperties", "/unevaluatedProperties", "",
                R"(property "extra" is not allowed (unevaluatedProperties is false))"});
  expect_error(R"("unevaluatedProperties": {"type": "string"})", R"({"a": 1})",
               {"type", "/unevaluatedProperties/type", "/a", "must be string, got integer"});
}

TEST_CASE("keywords: unevaluatedItems sees through prefixItems, contains and anyOf", "[keywords][unevaluated]") {
  const std::string body = R"("prefixItems": [{"type": "string"}],
      "anyOf": [{"prefixItems": [true, {"type": "integer"}]}, true],
      "unevaluatedItems": false)";
  expect_valid(body, R"(["a", 1])");
  expect_error(body, R"(["a", 1, null])",
               {"unevaluatedItems", "/unevaluatedItems", "", "item 2 is not allowed (unevaluatedItems is false)"});
  expect_valid(R"("contains": {"type": "integer"}, "unevaluatedItems": {"type": "string"})", R"([1, "a", 2])");
  expect_error(R"("contains": {"type": "integer"}, "unevaluatedItems": {"type": "string"})", R"([1, null])",
               {"type", "/unevaluatedItems/type", "/1", "must be string, got null"});
}

// ---- core vocabulary -------------------------------------------------------------------------

TEST_CASE("keywords: $ref and $anchor report both the dynamic and the absolute path", "[keywords][core]") {
  const std::string body = R"("$defs": {"positive": {"$anchor": "pos", "exclusiveMinimum": 0}},
      "properties": {"byPointer": {"$ref": "#/$defs/positive"}, "byAnchor": {"$ref": "#pos"}})";
  expect_valid(body, R"({"byPointer": 1, "byAnchor": 2})");
  expect_error(body, R"({"byPointer": 0})",
               {"exclusiveMinimum", "/properties/byPointer/$ref/exclusiveMinimum", "/byPointer",
                "must be greater than 0, got 0", kId + "#/$defs/positive/exclusiveMinimum"});
  expect_error(body, R"({"byAnchor": -1})",
               {"exclusiveMinimum", "/properties/byAnchor/$ref/exclusiveMinimum", "/byAnchor",
                "must be greater than 0, got -1", kId + "#/$defs/positive/exclusiveMinimum"});
}

TEST_CASE("keywords: recursive $ref consumes the instance and terminates", "[keywords][core]") {
  const std::string body = R"("type": "object", "properties": {"child": {"$ref": "#"}, "n": {"type": "integer"}})";
  expect_valid(body, R"({"child": {"child": {"n": 1}}})");
  expect_error(body, R"({"child": {"child": {"n": "x"}}})",
               {"type", "/properties/child/$ref/properties/child/$ref/properties/n/type", "/child/child/n",
                "must be integer, got string", kId + "#/properties/n/type"});
}

TEST_CASE("keywords: $dynamicRef resolves in the dynamic scope", "[keywords][core]") {
  // The spec's strict-tree example: the generic tree's $dynamicRef lands on the strict root.
  const std::string body = R"("$dynamicAnchor": "node", "$ref": "tree", "unevaluatedProperties": false,
      "$defs": {"tree": {"$id": "tree", "$dynamicAnchor": "node", "type": "object",
        "properties": {"data": true, "children": {"type": "array", "items": {"$dynamicRef": "#node"}}}}})";
  expect_valid(body, R"({"children": [{"data": 1}]})");
  expect_error(body, R"({"children": [{"daat": 1}]})",
               {"unevaluatedProperties", "/$ref/properties/children/items/$dynamicRef/unevaluatedProperties",
                "/children/0", R"(property "daat" is not allowed (unevaluatedProperties is false))",
                kId + "#/unevaluatedProperties"});
}

TEST_CASE("keywords: schema_location names keywords from the document root across nested $id", "[keywords][core]") {
  // absoluteKeywordLocation is canonical (the nested resource's URI); schema_location is the
  // same keyword as a pointer from the document root (the annotations suite's form).
  const std::string body = R"("$ref": "inner", "title": "outer",
      "$defs": {"inner": {"$id": "inner", "$defs": {"leaf": {"maxLength": 1, "title": "leaf"}},
                          "items": {"$ref": "#/$defs/leaf"}}})";
  const std::string inner = "https://example.com/inner";
  jsonsieve::ValidationResult r = check(schema_with_id(body), R"(["ab"])");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "/$ref/items/$ref/maxLength");
  CHECK(r.errors[0].absolute_keyword_location == inner + "#/$defs/leaf/maxLength");
  CHECK(r.errors[0].schema_location == kId + "#/$defs/inner/$defs/leaf/maxLength");

  jsonsieve::CompileResult c = jsonsieve::compile(schema_with_id(body));
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult a = v.validate_text(R"(["a"])", jsonsieve::OutputFormat::Basic, true);
  REQUIRE(a.valid);
  std::vector<std::string> titles;
  for (const auto& u : a.units) {
    if (u.keyword != "title") continue;
    titles.push_back(u.instance_location + " " + u.absolute_keyword_location + " " + u.schema_location);
  }
  std::sort(titles.begin(), titles.end());
  CHECK(titles == std::vector<std::string>{
                      " " + kId + "#/title " + kId + "#/title",
                      "/0 " + inner + "#/$defs/leaf/title " + kId + "#/$defs/inner/$defs/leaf/title"});
}

TEST_CASE("keywords: $defs, $comment and unknown keywords do not validate", "[keywords][core]") {
  expect_valid(R"("$comment": "must be a string", "$defs": {"never": false})", "1");
  expect_valid(R"("x-unknown": {"type": "string"}, "foo": false)", "1");
}

TEST_CASE("keywords: $vocabulary of a custom meta-schema turns vocabularies off", "[keywords][core]") {
  jsonsieve::Registry registry = {{"https://example.com/meta/no-validation", R"({
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.com/meta/no-validation",
    "$vocabulary": {
      "https://json-schema.org/draft/2020-12/vocab/applicator": true,
      "https://json-schema.org/draft/2020-12/vocab/core": true
    },
    "$dynamicAnchor": "meta",
    "allOf": [
      {"$ref": "https://json-schema.org/draft/2020-12/meta/core"},
      {"$ref": "https://json-schema.org/draft/2020-12/meta/applicator"}
    ]
  })"}};
  jsonsieve::CompileOptions options;
  options.registry = &registry;
  const std::string schema = R"({"$schema": "https://example.com/meta/no-validation",
      "properties": {"a": false}, "minimum": 5, "type": "string"})";
  CHECK(check(schema, "1", options).valid);          // minimum and type are not evaluated
  CHECK_FALSE(check(schema, R"({"a": 1})", options).valid);  // applicators still are
  // required is validation: off, even beside properties, which in flag mode checks it otherwise.
  const std::string with_required = R"({"$schema": "https://example.com/meta/no-validation",
      "properties": {"a": {"type": "string"}}, "required": ["a"], "additionalProperties": false})";
  CHECK(check(with_required, "{}", options).valid);
  CHECK_FALSE(check(with_required, R"({"b": 1})", options).valid);
}

// ---- format, content, meta-data --------------------------------------------------------------

TEST_CASE("keywords: format annotates by default and asserts on request", "[keywords][format]") {
  expect_valid(R"("format": "email")", R"("not an email")");
  jsonsieve::CompileOptions assert_formats;
  assert_formats.formats = jsonsieve::FormatMode::Assert;
  expect_valid(R"("format": "email")", R"("joe@example.com")", assert_formats);
  expect_valid(R"("format": "email")", "42", assert_formats);  // only strings are checked
  expect_error(R"("format": "email")", R"("not an email")",
               {"format", "/format", "", R"(must be a valid email, got "not an email")"}, assert_formats);
  expect_error(R"("properties": {"day": {"format": "date"}})", R"({"day": "2024-02-30"})",
               {"format", "/properties/day/format", "/day", R"(must be a valid date, got "2024-02-30")"},
               assert_formats);
  expect_valid(R"("format": "x-unknown-format")", R"("anything")", assert_formats);
}

TEST_CASE("keywords: content and meta-data keywords only annotate", "[keywords][content]") {
  const std::string body = R"("title": "Amount", "description": "in cents", "default": 0, "deprecated": true,
      "readOnly": true, "writeOnly": false, "examples": [1],
      "contentEncoding": "base64", "contentMediaType": "application/json")";
  expect_valid(body, R"("%%% not base64 %%%")");
  expect_valid(body, "12");
  jsonsieve::CompileResult c = jsonsieve::compile(schema_with_id(body));
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult r = v.validate_text(R"("e30=")", jsonsieve::OutputFormat::Basic, true);
  CHECK(r.valid);
  std::vector<std::string> annotated;
  for (const auto& u : r.units) {
    if (u.annotation_json.empty()) continue;
    annotated.push_back(u.keyword);
    if (u.keyword == "title") {
      CHECK(u.annotation_json == R"("Amount")");
      CHECK(u.keyword_location == "/title");
      CHECK(u.absolute_keyword_location == kId + "#/title");
      CHECK(u.instance_location == "");
    }
    if (u.keyword == "contentMediaType") CHECK(u.annotation_json == R"("application/json")");
  }
  for (const char* k : {"title", "description", "default", "deprecated", "readOnly", "examples",
                        "contentEncoding", "contentMediaType"}) {
    INFO(k);
    CHECK_THAT(annotated, Catch::Matchers::VectorContains(std::string(k)));
  }
}

TEST_CASE("keywords: boolean schemas", "[keywords][core]") {
  jsonsieve::CompileResult t = jsonsieve::compile("true");
  REQUIRE(t.ok());
  jsonsieve::Validator vt(t.schema);
  CHECK(vt.is_valid_text(R"({"anything": [1, 2]})"));
  jsonsieve::CompileResult f = jsonsieve::compile("false");
  REQUIRE(f.ok());
  jsonsieve::Validator vf(f.schema);
  jsonsieve::ValidationResult r = vf.validate_text("null");
  CHECK_FALSE(r.valid);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].keyword_location == "");
  CHECK(r.errors[0].instance_location == "");
  CHECK(r.errors[0].error == "no value is allowed here (the schema is false)");
  expect_error(R"("properties": {"secret": false})", R"({"secret": 1})",
               {"", "/properties/secret", "/secret", "no value is allowed here (the schema is false)"});
}

TEST_CASE("keywords: every error message reads as a sentence", "[keywords][output]") {
  // A schema that fails in many keywords at once: each message starts with lowercase prose,
  // has no placeholders, and mentions neither C++ nor RapidJSON internals.
  const std::string body = R"("type": "object", "required": ["a", "z"], "maxProperties": 2,
      "properties": {"a": {"type": "string", "minLength": 5, "pattern": "^x", "enum": ["xxxxx"]},
                     "b": {"type": "array", "items": {"multipleOf": 2}, "uniqueItems": true, "maxItems": 1}},
      "additionalProperties": false)";
  jsonsieve::ValidationResult r = check(schema_with_id(body), R"({"a": "ab", "b": [1, 1], "c": null})");
  CHECK(r.errors.size() >= 9);
  for (const auto& e : r.errors) {
    INFO(e.keyword_location << ": " << e.error);
    REQUIRE_FALSE(e.error.empty());
    CHECK(e.error.front() >= 'a');
    CHECK(e.error.front() <= 'z');
    CHECK(e.error.find('%') == std::string::npos);
    CHECK(e.error.find("{}") == std::string::npos);
    CHECK(e.error.find("rapidjson") == std::string::npos);
    CHECK(e.error.find("Keyword") == std::string::npos);
    CHECK(e.error.back() != '.');
  }
}
