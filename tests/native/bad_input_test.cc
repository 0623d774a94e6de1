// Bad input, schema side and data side: malformed JSON, meta-schema violations, unresolvable
// $ref, unsupported regex, invalid UTF-8, lone surrogates, BOM, NUL bytes, huge numbers, duplicate
// keys. Each must give a clear, located error, and the engine must work on the next call.
#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "jsonsieve/jsonsieve.h"

namespace {

using Catch::Matchers::Contains;

jsonsieve::CompileResult compile_text(const std::string& schema, bool validate_schema = true) {
  jsonsieve::CompileOptions options;
  options.validate_schema = validate_schema;
  return jsonsieve::compile(schema, options);
}

// A validator whose schema accepts {"a": <string>} objects, used to prove the engine still works
// after a failure.
struct Probe {
  std::shared_ptr<const jsonsieve::Schema> schema;
  jsonsieve::Validator validator;
  Probe()
      : schema(jsonsieve::compile(R"({"type": "object", "properties": {"a": {"type": "string"}}})").schema),
        validator(schema) {}

  void still_works() {
    CHECK(validator.is_valid_text(R"({"a": "ok"})"));
    CHECK_FALSE(validator.is_valid_text(R"({"a": 1})"));
    jsonsieve::ValidationResult r = validator.validate_text(R"({"a": 2})");
    CHECK_FALSE(r.failed());
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].instance_location == "/a");
  }
};

// `text` must not parse: a located failure from validate_text, false from is_valid_text with
// last_failure set, and the validator keeps working.
void expect_data_error(const std::string& text, size_t line, size_t column, const std::string& words = "") {
  Probe probe;
  jsonsieve::ValidationResult r = probe.validator.validate_text(text);
  INFO("failure: " << r.failure.message);
  CHECK_FALSE(r.valid);
  CHECK(r.failed());
  CHECK(r.errors.empty());
  CHECK(r.failure.line == line);
  CHECK(r.failure.column == column);
  CHECK_THAT(r.failure.message, Contains("line " + std::to_string(line)));
  if (!words.empty()) CHECK_THAT(r.failure.message, Contains(words, Catch::CaseSensitive::No));
  CHECK_FALSE(probe.validator.is_valid_text(text));
  CHECK(probe.validator.last_failure().message == r.failure.message);
  probe.still_works();
  CHECK(probe.validator.last_failure().message.empty());  // a good call clears the failure
}

}  // namespace

// ---- schema side -----------------------------------------------------------------------------

TEST_CASE("bad input: malformed schema JSON gives line and column", "[bad_input]") {
  struct Case { std::string text; size_t line, column; };
  for (const Case& c : {Case{"{\"type\": \"string\",\n  \"minimum\": }", 2, 14},
                        Case{"{\"type\": \"string\",}", 1, 19},
                        Case{"{'type': 'string'}", 1, 2},
                        Case{"{\"a\": 1} {}", 1, 10},
                        Case{"", 1, 1},
                        Case{"   \n\n  ", 3, 3},
                        Case{"{\"type\": \"str", 1, 14},
                        Case{"// comment\n{}", 1, 1}}) {
    INFO(c.text);
    jsonsieve::CompileResult r = jsonsieve::compile(c.text);
    CHECK_FALSE(r.ok());
    CHECK(r.error.parse.line == c.line);
    CHECK(r.error.parse.column == c.column);
    CHECK_THAT(r.error.message, Contains("not valid JSON"));
    CHECK_THAT(r.error.message, Contains("line " + std::to_string(c.line) + ", column " + std::to_string(c.column)));
  }
  Probe().still_works();
}

TEST_CASE("bad input: a schema that breaks its meta-schema is located by schema_location", "[bad_input]") {
  struct Case { const char* schema; const char* location; };
  for (const Case& c : {Case{R"({"type": "strin"})", "/type"},
                        Case{R"({"properties": {"a": {"minLength": -1}}})", "/properties/a/minLength"},
                        Case{R"({"required": "a"})", "/required"},
                        Case{R"({"items": {"maximum": "10"}})", "/items/maximum"},
                        Case{R"({"allOf": []})", "/allOf"},
                        Case{R"({"$defs": {"x": {"uniqueItems": 1}}})", "/$defs/x/uniqueItems"}}) {
    INFO(c.schema);
    jsonsieve::CompileResult r = jsonsieve::compile(c.schema);
    CHECK_FALSE(r.ok());
    CHECK(r.error.schema_location == c.location);
    CHECK_THAT(r.error.message, Contains("meta-schema"));
    CHECK_THAT(r.error.message, Contains(c.location));
    CHECK(r.error.parse.line == 0);  // it was valid JSON
  }
}

TEST_CASE("bad input: schema errors name the schema resource", "[bad_input]") {
  jsonsieve::CompileOptions options;
  options.base_uri = "https://example.com/schemas/order.json";
  jsonsieve::CompileResult meta = jsonsieve::compile(R"({"type": "strin"})", options);
  CHECK_FALSE(meta.ok());
  CHECK(meta.error.schema_uri == "https://example.com/schemas/order.json");
  // A $ref that fails inside an embedded resource: that resource's URI and a pointer from its root.
  jsonsieve::CompileResult nested = jsonsieve::compile(R"({
    "$id": "https://example.com/root.json",
    "$defs": {"money": {"$id": "money.json", "properties": {"cur": {"$ref": "#/$defs/nope"}}}}
  })");
  CHECK_FALSE(nested.ok());
  CHECK(nested.error.schema_uri == "https://example.com/money.json");
  CHECK(nested.error.schema_location == "/properties/cur/$ref");
  CHECK_THAT(nested.error.message, Contains("https://example.com/money.json#/$defs/nope"));
}

TEST_CASE("bad input: with the meta-schema check off, keywords still reject bad values", "[bad_input]") {
  struct Case { const char* schema; const char* location; const char* words; };
  for (const Case& c : {Case{R"({"minLength": -1})", "/minLength", "non-negative integer"},
                        Case{R"({"properties": {"a": {"type": 5}}})", "/properties/a/type", "type name"},
                        Case{R"({"multipleOf": 0})", "/multipleOf", "greater than 0"},
                        Case{R"({"items": 3})", "/items", "object or a boolean"},
                        Case{R"({"required": [1]})", "/required", "strings"}}) {
    INFO(c.schema);
    jsonsieve::CompileResult r = compile_text(c.schema, false);
    CHECK_FALSE(r.ok());
    CHECK(r.error.schema_location == c.location);
    CHECK_THAT(r.error.message, Contains(c.words));
  }
}

TEST_CASE("bad input: unresolvable $ref is a clear compile error, with no network access", "[bad_input][ref]") {
  struct Case { const char* schema; const char* location; const char* words; };
  auto started = std::chrono::steady_clock::now();
  for (const Case& c : {Case{R"({"$ref": "https://json-schema.example/not-there.json"})", "/$ref",
                             "https://json-schema.example/not-there.json"},
                        Case{R"({"properties": {"a": {"$ref": "http://10.255.255.1/x.json#/y"}}})",
                             "/properties/a/$ref", "http://10.255.255.1/x.json"},
                        Case{R"({"$ref": "#nowhere"})", "/$ref", "nowhere"},
                        Case{R"({"$defs": {}, "$ref": "#/$defs/missing"})", "/$ref", "/$defs/missing"},
                        Case{R"({"$id": "https://example.com/a.json", "$ref": "b.json"})", "/$ref",
                             "https://example.com/b.json"}}) {
    INFO(c.schema);
    jsonsieve::CompileResult r = jsonsieve::compile(c.schema);
    CHECK_FALSE(r.ok());
    CHECK(r.error.schema_location == c.location);
    CHECK_THAT(r.error.message, Contains("cannot resolve"));
    CHECK_THAT(r.error.message, Contains(c.words));
  }
  // An unroutable address would take seconds to time out if anything were fetched.
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
  jsonsieve::CompileResult remote = jsonsieve::compile(R"({"$ref": "https://json-schema.example/not-there.json"})");
  CHECK_THAT(remote.error.message, Contains("registry"));
  Probe().still_works();
}

TEST_CASE("bad input: unsupported regex constructs are named", "[bad_input][regex]") {
  struct Case { const char* schema; const char* location; const char* construct; };
  for (const Case& c : {Case{R"j({"pattern": "^(?=.*[0-9])[a-z0-9]+$"})j", "/pattern", "lookahead"},
                        Case{R"j({"pattern": "(?!x)"})j", "/pattern", "lookahead"},
                        Case{R"j({"pattern": "(?<=a)b"})j", "/pattern", "lookbehind"},
                        Case{R"j({"pattern": "(a)\\1"})j", "/pattern", "backreference"},
                        Case{R"j({"properties": {"p": {"pattern": "(?<!a)b"}}})j", "/properties/p/pattern", "lookbehind"}}) {
    INFO(c.schema);
    jsonsieve::CompileResult r = jsonsieve::compile(c.schema);
    INFO(r.error.message);
    CHECK_FALSE(r.ok());
    CHECK(r.error.schema_location == c.location);
    CHECK_THAT(r.error.message, Contains(c.construct, Catch::CaseSensitive::No));
  }
  // In patternProperties the offending pattern is the member name: the message must show it.
  jsonsieve::CompileResult pp = jsonsieve::compile(R"j({"patternProperties": {"^(?=a)": true}})j");
  CHECK_FALSE(pp.ok());
  CHECK_THAT(pp.error.message, Contains("^(?=a)"));
  CHECK_THAT(pp.error.message, Contains("lookahead", Catch::CaseSensitive::No));
  CHECK(pp.error.schema_location.rfind("/patternProperties", 0) == 0);
  // Not a regex at all.
  jsonsieve::CompileResult broken = jsonsieve::compile(R"({"pattern": "[a-"})");
  CHECK_FALSE(broken.ok());
  CHECK(broken.error.schema_location == "/pattern");
  Probe().still_works();
}

TEST_CASE("bad input: invalid UTF-8 and lone surrogates in schema text", "[bad_input][utf8]") {
  for (const std::string& text : {std::string("{\"const\": \"\xff\"}"), std::string("{\"\xC0\xAF\": true}"),
                                  std::string(R"({"const": "\ud800"})")}) {
    INFO(text);
    jsonsieve::CompileResult r = jsonsieve::compile(text);
    CHECK_FALSE(r.ok());
    CHECK(r.error.parse.line == 1);
    CHECK(r.error.parse.column > 1);
  }
}

// ---- data side -------------------------------------------------------------------------------

TEST_CASE("bad input: malformed instance JSON", "[bad_input]") {
  expect_data_error("{\"a\": 1,}", 1, 9);
  expect_data_error("[1, 2", 1, 6);
  expect_data_error("", 1, 1, "empty");
  expect_data_error("nul", 1, 1);  // located at the start of the misspelled literal
  expect_data_error("{\"a\": \"x\"}\n{\"a\": \"y\"}", 2, 1);  // two documents
  expect_data_error("{\n  \"a\": tru\n}", 2, 8);
  expect_data_error("[NaN]", 1, 2);
  expect_data_error("[01]", 1, 3);
}

TEST_CASE("bad input: invalid UTF-8 in strings and property names", "[bad_input][utf8]") {
  expect_data_error("{\"a\": \"\xff\"}", 1, 8, "encoding");
  expect_data_error("{\"a\": \"ok\xC3\"}", 1, 10);            // truncated 2-byte sequence
  expect_data_error("{\"a\": \"\xC0\xAF\"}", 1, 8);           // overlong '/'
  expect_data_error("{\"a\": \"\xED\xA0\x80\"}", 1, 8);       // a surrogate encoded as UTF-8
  expect_data_error("{\"a\": \"\xF4\x90\x80\x80\"}", 1, 8);   // above U+10FFFF
  expect_data_error("{\"\xfe\": 1}", 1, 3);                   // in a property name
  expect_data_error("[\"x\",\n \"\x80\"]", 2, 3);
}

TEST_CASE("bad input: lone surrogate escapes", "[bad_input][utf8]") {
  expect_data_error(R"({"a": "\ud800"})", 1, 8, "surrogate");
  expect_data_error(R"({"a": "x\ud83dy"})", 1, 9);
  expect_data_error(R"({"\ud800": 1})", 1, 3);
  // A proper pair is fine and counts as one character.
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"maxLength": 1})");
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  CHECK(v.is_valid_text(R"("\ud83d\ude00")"));
}

TEST_CASE("bad input: lone low surrogate escapes", "[bad_input][utf8]") {
  // RapidJSON alone only checks that a high surrogate is followed by a low one; a lone low
  // surrogate (\uDC00-\uDFFF) would be stored as the invalid UTF-8 bytes ED B0 80.
  expect_data_error(R"({"a": "\udc00"})", 1, 8, "surrogate");
  expect_data_error(R"({"\udfff": 1})", 1, 3, "surrogate");
  expect_data_error(R"(["ok", "x\ude00"])", 1, 10, "surrogate");
}

TEST_CASE("bad input: a byte order mark is skipped at the start only", "[bad_input]") {
  Probe probe;
  const std::string bom = "\xEF\xBB\xBF";
  CHECK(probe.validator.is_valid_text(bom + R"({"a": "x"})"));
  jsonsieve::ValidationResult r = probe.validator.validate_text(bom + "{\n\"a\": 1}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].column == 6);
  // A schema may start with one too.
  CHECK(jsonsieve::compile(bom + R"({"type": "string"})").ok());
  // Anywhere else it is an error.
  expect_data_error("[1, " + bom + "2]", 1, 5);
  expect_data_error(bom + bom + "{}", 1, 4);
}

TEST_CASE("bad input: NUL bytes", "[bad_input]") {
  Probe probe;
  // Escaped NUL is an ordinary character.
  CHECK(probe.validator.is_valid_text(R"({"a": "x\u0000y"})"));
  CHECK(probe.validator.is_valid_text(R"({"a\u0000b": 1, "a": "s"})"));
  // A raw NUL inside a string or between tokens is an error at its position.
  expect_data_error(std::string("{\"a\": \"x\0y\"}", 12), 1, 9);
  expect_data_error(std::string("[1,\0 2]", 7), 1, 4);
}

TEST_CASE("bad input: text after a NUL byte is not ignored", "[bad_input]") {
  // RapidJSON's MemoryStream reads NUL as end of input, so `{"a": "ok"}\0garbage` used to be
  // accepted as valid; the text has trailing content and must be rejected at offset 11.
  expect_data_error(std::string("{\"a\": \"ok\"}\0garbage", 19), 1, 12);
  expect_data_error(std::string("{\"a\": \"ok\"}\0", 12), 1, 12);
}

TEST_CASE("bad input: last_failure is reset on every call, location included", "[bad_input]") {
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"$ref": "#"})");  // a cycle: fails while evaluating
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  CHECK_FALSE(v.is_valid_text("[1,\n 2,]"));
  CHECK(v.last_failure().line == 2);
  CHECK(v.last_failure().column > 1);
  CHECK_FALSE(v.is_valid_text("1"));  // no parse error: the evaluation limit
  CHECK_FALSE(v.last_failure().message.empty());
  CHECK(v.last_failure().line == 0);
  CHECK(v.last_failure().column == 0);
  CHECK(v.last_failure().offset == 0);
  jsonsieve::ValidationResult r = v.validate_text("1");
  CHECK(r.failed());
  CHECK(r.failure.line == 0);
  CHECK(v.last_failure().line == 0);
}

TEST_CASE("bad input: numbers out of double range give a located error", "[bad_input][number]") {
  expect_data_error("{\"a\": 1e400}", 1, 7, "number");
  expect_data_error("[0, -1e400]", 1, 5, "number");
}

TEST_CASE("bad input: 1,000-digit integers are integers or a located error", "[bad_input][number]") {
  const std::string digits(1000, '9');
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"type": "integer", "minimum": 0})");
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  for (const std::string& text : {digits, "[" + digits + "]", "{\"n\":\n" + digits + "}"}) {
    INFO(text.substr(0, 12));
    jsonsieve::ValidationResult r = v.validate_text(text);
    if (r.failed()) {
      CHECK(r.failure.line >= 1);
      CHECK(r.failure.column >= 1);
      CHECK_THAT(r.failure.message, Contains("number", Catch::CaseSensitive::No));
    } else {
      CHECK(r.valid);
    }
  }
  CHECK(v.is_valid_text("5"));
  CHECK_FALSE(v.is_valid_text("-5"));
}

TEST_CASE("bad input: duplicate keys are a located error", "[bad_input]") {
  // Duplicate members used to be kept; `properties` checked the first while JSON.parse (and most
  // consumers) use the last, so {"amount": 1, "amount": 1000000} passed "maximum": 100.
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"properties": {"amount": {"maximum": 100}}})");
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  CHECK_FALSE(v.is_valid_text(R"({"amount": 1, "amount": 1000000})"));
  expect_data_error("{\"a\": \"x\",\n \"a\": \"y\"}", 2, 2, "duplicate");
}

TEST_CASE("bad input: duplicate keys are found in big objects, nested objects and through escapes", "[bad_input]") {
  // 40 members (past the key-by-key check: sorted when the object ends), the duplicate last.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  std::string ok = big + "\"k40\": 40}";
  std::string dup = big + "\n\"k7\": 0}";
  auto parses = [](const std::string& text) {
    rapidjson::Document doc;
    jsonsieve::ParseError error;
    bool ok = jsonsieve::parse_json(text, &doc, &error);
    INFO(error.message);
    return ok;
  };
  CHECK(parses(ok));
  expect_data_error(dup, 2, 1, "duplicate key \"k7\"");
  // The same name spelled with an escape is the same key.
  expect_data_error(R"({"a": 1, "\u0061": 2})", 1, 10, "duplicate key \"a\"");
  expect_data_error(R"({"q\"x": 1, "q\u0022x": 2})", 1, 13, "duplicate");
  // Equal names in different objects are fine; inside a nested object they are not.
  CHECK(parses(R"({"a": {"a": {"a": 1}}, "b": [{"a": 1}, {"a": 2}]})"));
  expect_data_error(R"({"a": [{"b": 1, "c": {"d": 1, "d": 2}}]})", 1, 31, "duplicate key \"d\"");
  // Keys sharing a long prefix and length are different keys.
  CHECK(parses(R"({"a_rather_long_key_name_1": 1, "a_rather_long_key_name_2": 2})"));
}

TEST_CASE("bad input: duplicate keys in a schema are a located error", "[bad_input]") {
  // {"maximum": 100, "maximum": 1000000} used to compile; which bound applied was arbitrary.
  jsonsieve::CompileResult r = jsonsieve::compile("{\"maximum\": 100,\n \"maximum\": 1000000}");
  CHECK_FALSE(r.ok());
  CHECK(r.error.parse.line == 2);
  CHECK_THAT(r.error.message, Contains("duplicate", Catch::CaseSensitive::No));
}

TEST_CASE("bad input: input larger than max_input_bytes is refused, then the next call works", "[bad_input][limits]") {
  jsonsieve::CompileOptions options;
  options.limits.max_input_bytes = 64;
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"type": "array"})", options);
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  std::string big = "[" + std::string(100, '1') + "]";
  jsonsieve::ValidationResult r = v.validate_text(big);
  CHECK(r.failed());
  CHECK_THAT(r.failure.message, Contains("64"));
  CHECK_FALSE(v.is_valid_text(big));
  CHECK(v.is_valid_text("[1, 2, 3]"));
  CHECK(v.validate_text("[1]").valid);
  // The schema text is bounded too.
  jsonsieve::CompileResult big_schema = jsonsieve::compile("{\"description\": \"" + std::string(100, 'x') + "\"}", options);
  CHECK_FALSE(big_schema.ok());
}

// The validator parses in situ with RapidJSON's recursive parser (under the default depth
// limit); parse_json and higher limits use its iterative parser. Both must say the same thing,
// at the same place, about every kind of malformed text.
TEST_CASE("bad input: both parsers report malformed text identically", "[bad_input]") {
  const char* inputs[] = {
      "", " ", "{", "}", "[", "]", "[1,]", "[,1]", "{\"a\":1,}", "{,}", "{\"a\"}", "{\"a\" 1}",
      "{\"a\":}", "{1:2}", "[1 2]", "{\"a\":1 \"b\":2}", "nul", "tru", "falsy", "[NaN]", "[01]",
      "[-]", "[1.]", "[1e]", "[.5]", "[+1]", "\"abc", "\"a\\x\"", "\"\\u12G4\"", "\"\\uD800\"",
      "[\"a\nb\"]", "[1]x", "{} {}", "[[[[[", "]]]]", "{\"a\":{\"b\":[1,{\"c\":}]}}", "[1e400]",
      "{\"a\":1,\"a\":2}", "[\"\\uDC00\"]", "[1,\n  2,\n  ]", "\xEF\xBB\xBF[1,]", "[1]\n\n,",
      "[\"a\"\x00]", "{\"k\":[true,false,null,{}]]", "[[[[[[[[[[[[1]]]]]]]]]]]",
      // Control characters 0x1A-0x1F deep in long strings (RapidJSON's SSE2 scanner misses them).
      "[\"0123456789abcdefghijklmnopqrstuvwxyz\x1Fz\"]", "{\"0123456789abcdefghijklmnopqrstuvwxyz\x1A\": 1}"};
  jsonsieve::Limits limits;
  limits.max_data_depth = 10;  // the last input nests 12 deep
  jsonsieve::CompileOptions options;
  options.limits = limits;
  std::shared_ptr<const jsonsieve::Schema> schema = jsonsieve::compile("{}", options).schema;
  REQUIRE(schema != nullptr);
  jsonsieve::Validator validator(schema);
  for (const char* c : inputs) {
    const std::string text = c;
    INFO("input: " << text);
    rapidjson::Document doc;
    jsonsieve::ParseError iterative;
    const bool parsed = jsonsieve::parse_json(text, &doc, &iterative, limits);
    jsonsieve::ValidationResult r = validator.validate_text(text);
    CHECK(parsed == !r.failed());
    CHECK_FALSE(parsed);  // every input is malformed
    CHECK(r.failure.message == iterative.message);
    CHECK(r.failure.offset == iterative.offset);
  }
}
