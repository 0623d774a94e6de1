// Error messages are read by people: the noun after a count agrees with that count ("1 item",
// "2 items", "0 items"), in every count keyword (minItems/maxItems, minLength/maxLength,
// minProperties/maxProperties, minContains/maxContains) and in the applicators' wording.
#include <string>

#include <catch2/catch.hpp>

#include "jsonsieve/jsonsieve.h"
#include "output/messages.h"

namespace {

// The one error message of `instance` against `schema` (2020-12 unless the schema says otherwise).
std::string only_error(const std::string& schema, const std::string& instance) {
  jsonsieve::CompileResult c = jsonsieve::compile(schema);
  INFO(schema << "\n  -> " << c.error.message);
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult r = v.validate_text(instance);
  INFO(schema << " with " << instance);
  REQUIRE_FALSE(r.failed());
  REQUIRE(r.errors.size() == 1);
  return r.errors[0].error;
}

std::string repeat(const std::string& item, uint64_t n, const std::string& separator = ",") {
  std::string out;
  for (uint64_t i = 0; i < n; ++i) out += (i == 0 ? "" : separator) + item;
  return out;
}

std::string array_of(uint64_t n) { return "[" + repeat("1", n) + "]"; }
std::string string_of(uint64_t n) { return "\"" + repeat("x", n, "") + "\""; }
std::string object_of(uint64_t n) {
  std::string out = "{";
  for (uint64_t i = 0; i < n; ++i) out += (i == 0 ? "\"" : ",\"") + std::to_string(i) + "\":1";
  return out + "}";
}

}  // namespace

TEST_CASE("messages: plural() makes the noun agree with the count", "[messages]") {
  using jsonsieve::output::plural;
  CHECK(plural(0, "item", "items") == "0 items");
  CHECK(plural(1, "item", "items") == "1 item");
  CHECK(plural(2, "property", "properties") == "2 properties");
  CHECK(plural(uint64_t{1} << 40, "character", "characters") == "1099511627776 characters");
}

TEST_CASE("messages: minItems and maxItems, singular and plural", "[messages]") {
  CHECK(only_error(R"({"minItems": 1})", "[]") == "must have at least 1 item, got 0");
  CHECK(only_error(R"({"minItems": 2})", "[1]") == "must have at least 2 items, got 1");
  CHECK(only_error(R"({"maxItems": 0})", "[1]") == "must have at most 0 items, got 1");
  CHECK(only_error(R"({"maxItems": 1})", "[1, 2]") == "must have at most 1 item, got 2");
  CHECK(only_error(R"({"maxItems": 2})", "[1, 2, 3]") == "must have at most 2 items, got 3");
}

TEST_CASE("messages: minLength and maxLength, singular and plural", "[messages]") {
  CHECK(only_error(R"({"minLength": 1})", R"("")") == "must be at least 1 character long, got 0");
  CHECK(only_error(R"({"minLength": 2})", R"("a")") == "must be at least 2 characters long, got 1");
  CHECK(only_error(R"({"maxLength": 0})", R"("a")") == "must be at most 0 characters long, got 1");
  CHECK(only_error(R"({"maxLength": 1})", R"("ab")") == "must be at most 1 character long, got 2");
  // Code points, not bytes: "é" is one character.
  CHECK(only_error(R"({"maxLength": 1})", "\"\xC3\xA9\xC3\xA9\"") == "must be at most 1 character long, got 2");
  CHECK(only_error(R"({"maxLength": 10})", string_of(12)) == "must be at most 10 characters long, got 12");
}

TEST_CASE("messages: minProperties and maxProperties, singular and plural", "[messages]") {
  CHECK(only_error(R"({"minProperties": 1})", "{}") == "must have at least 1 property, got 0");
  CHECK(only_error(R"({"minProperties": 2})", R"({"a": 1})") == "must have at least 2 properties, got 1");
  CHECK(only_error(R"({"maxProperties": 0})", R"({"a": 1})") == "must have at most 0 properties, got 1");
  CHECK(only_error(R"({"maxProperties": 1})", R"({"a": 1, "b": 2})") == "must have at most 1 property, got 2");
  CHECK(only_error(R"({"maxProperties": 2})", R"({"a": 1, "b": 2, "c": 3})") ==
        "must have at most 2 properties, got 3");
}

TEST_CASE("messages: minContains and maxContains, singular and plural", "[messages]") {
  const std::string ints = R"("contains": {"type": "integer"})";
  CHECK(only_error("{" + ints + "}", R"(["a"])") == "must contain at least one item matching the contains schema");
  CHECK(only_error("{" + ints + R"(, "minContains": 2})", R"([1, "a"])") ==
        "must contain at least 2 items matching the contains schema, found 1");
  CHECK(only_error("{" + ints + R"(, "minContains": 3})", R"(["a"])") ==
        "must contain at least 3 items matching the contains schema, found 0");
  CHECK(only_error("{" + ints + R"(, "maxContains": 1})", "[1, 2]") ==
        "must contain at most 1 item matching the contains schema, found 2");
  CHECK(only_error("{" + ints + R"(, "maxContains": 2})", "[1, 2, 3]") ==
        "must contain at most 2 items matching the contains schema, found 3");
  CHECK(only_error("{" + ints + R"(, "minContains": 0, "maxContains": 0})", "[1]") ==
        "must not contain any item matching the contains schema, found 1");
  // 2019-09 has the same keywords and the same words.
  CHECK(only_error(R"({"$schema": "https://json-schema.org/draft/2019-09/schema", )" + ints +
                       R"(, "maxContains": 1})", "[1, 2]") ==
        "must contain at most 1 item matching the contains schema, found 2");
}

TEST_CASE("messages: every count keyword agrees with limits 0 to 3", "[messages]") {
  // For each keyword and limit, an instance one past the limit: the message names the limit
  // with the singular noun exactly when the limit is 1, and never "1 items" and the like.
  struct Case {
    const char* keyword;
    bool upper;
    const char* singular;
    const char* plural;
    std::string (*instance)(uint64_t);
  };
  const Case cases[] = {
      {"maxItems", true, "item", "items", array_of},
      {"minItems", false, "item", "items", array_of},
      {"maxLength", true, "character", "characters", string_of},
      {"minLength", false, "character", "characters", string_of},
      {"maxProperties", true, "property", "properties", object_of},
      {"minProperties", false, "property", "properties", object_of},
  };
  for (const Case& c : cases) {
    for (uint64_t limit = 0; limit <= 3; ++limit) {
      if (!c.upper && limit == 0) continue;  // a minimum of 0 never fails
      const uint64_t size = c.upper ? limit + 1 : limit - 1;
      const std::string message =
          only_error("{\"" + std::string(c.keyword) + "\": " + std::to_string(limit) + "}", c.instance(size));
      INFO(c.keyword << " " << limit << ": " << message);
      const std::string noun = limit == 1 ? c.singular : c.plural;
      const std::string bound = (c.upper ? "at most " : "at least ") + std::to_string(limit) + " " + noun;
      const size_t at = message.find(bound);
      REQUIRE(at != std::string::npos);
      const char after = message[at + bound.size()];
      CHECK((after == ',' || after == ' '));  // the whole noun: "1 item," never "1 items,"
      CHECK(message.substr(message.size() - std::to_string(size).size() - 6) == ", got " + std::to_string(size));
    }
  }
  const std::string ints = R"("contains": {"type": "integer"}, "minContains": 0)";
  for (uint64_t limit = 1; limit <= 3; ++limit) {
    const std::string message =
        only_error("{" + ints + ", \"maxContains\": " + std::to_string(limit) + "}", array_of(limit + 1));
    INFO("maxContains " << limit << ": " << message);
    CHECK(message.find("at most " + std::to_string(limit) + (limit == 1 ? " item " : " items ")) != std::string::npos);
  }
  for (uint64_t limit = 2; limit <= 3; ++limit) {
    const std::string message = only_error(
        "{\"contains\": {\"type\": \"integer\"}, \"minContains\": " + std::to_string(limit) + "}", array_of(limit - 1));
    INFO("minContains " << limit << ": " << message);
    CHECK(message.find("at least " + std::to_string(limit) + " items ") != std::string::npos);
  }
}

TEST_CASE("messages: anyOf and oneOf count their schemas and matches in words", "[messages]") {
  // One branch: no "one of the 1 schemas" (the branch's own error is reported beside it).
  jsonsieve::CompileResult any = jsonsieve::compile(R"({"anyOf": [{"type": "string"}]})");
  REQUIRE(any.ok());
  jsonsieve::Validator any_validator(any.schema);
  jsonsieve::ValidationResult r = any_validator.validate_text("1");
  bool saw_any = false;
  for (const auto& e : r.errors) {
    if (e.keyword != "anyOf") continue;
    saw_any = true;
    CHECK(e.error == "must match the schema in anyOf, but does not");
  }
  CHECK(saw_any);

  jsonsieve::CompileResult one = jsonsieve::compile(R"({"oneOf": [{"type": "string"}]})");
  REQUIRE(one.ok());
  jsonsieve::Validator one_validator(one.schema);
  r = one_validator.validate_text("1");
  bool saw_one = false;
  for (const auto& e : r.errors) {
    if (e.keyword != "oneOf") continue;
    saw_one = true;
    CHECK(e.error == "must match the schema in oneOf, but does not");
  }
  CHECK(saw_one);

  // Several matches: the count is exact and the first two branches are named.
  CHECK(only_error(R"({"oneOf": [{"type": "integer"}, {"minimum": 0}]})", "1") ==
        "must match exactly one schema in oneOf, but matches 2 (branches 0 and 1)");
  CHECK(only_error(R"({"oneOf": [{"type": "string"}, {"type": "integer"}, {"minimum": 0}, {"maximum": 5}]})", "1") ==
        "must match exactly one schema in oneOf, but matches 3 (branches 1, 2 and 1 more)");
  CHECK(only_error(R"({"oneOf": [true, true, true, true]})", "1") ==
        "must match exactly one schema in oneOf, but matches 4 (branches 0, 1 and 2 more)");
}

TEST_CASE("messages: type lists read as a list, enums of one or no value", "[messages]") {
  CHECK(only_error(R"({"type": "string"})", "1") == "must be string, got integer");
  CHECK(only_error(R"({"type": ["string", "null"]})", "1") == "must be string or null, got integer");
  CHECK(only_error(R"({"type": ["string", "null", "boolean"]})", "1") == "must be string, null or boolean, got integer");
  CHECK(only_error(R"({"enum": ["EUR"]})", R"("GBP")") == R"(must be equal to "EUR", got "GBP")");
  CHECK(only_error(R"({"enum": ["EUR", "USD"]})", R"("GBP")") == R"(must be one of ["EUR","USD"], got "GBP")");
  CHECK(only_error(R"({"enum": []})", "1") == "no value is allowed here (the enum is empty), got 1");
  CHECK(only_error(R"({"const": {"a": 1}})", "2") == R"(must be equal to {"a":1}, got 2)");
}
