// Output formats (2020-12 Core §12.4) through format_output: flag, basic, detailed and verbose
// shapes; errors' line/column from validate_text; max_errors truncation; annotations.
#include <functional>
#include <set>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "jsonsieve/jsonsieve.h"

namespace {

using jsonsieve::OutputFormat;

const char* kSchema = R"({
  "$id": "https://example.com/order.json",
  "type": "object",
  "properties": {
    "id": {"type": "integer"},
    "amount": {"type": "number", "minimum": 0, "title": "Amount"},
    "currency": {"enum": ["EUR", "USD"]}
  },
  "required": ["id"]
})";
const char* kBad = "{\n  \"amount\": -5,\n  \"currency\": \"GBP\"\n}";
const char* kGood = R"({"id": 7, "amount": 12.5, "currency": "EUR"})";

std::shared_ptr<const jsonsieve::Schema> order_schema() {
  jsonsieve::CompileResult c = jsonsieve::compile(kSchema);
  INFO(c.error.message);
  REQUIRE(c.ok());
  return c.schema;
}

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str());
  INFO(text);
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc.IsObject());
  return doc;
}

std::string str(const rapidjson::Value& object, const char* key) {
  auto m = object.FindMember(key);
  if (m == object.MemberEnd() || !m->value.IsString()) return "<missing>";
  return std::string(m->value.GetString(), m->value.GetStringLength());
}

using ErrorKey = std::tuple<std::string, std::string, std::string>;  // keywordLocation, instanceLocation, error

// Checks one output unit's shape, then its children recursively; collects leaf errors.
void walk_tree(const rapidjson::Value& unit, const std::string& parent_keyword_location, bool verbose,
               std::set<ErrorKey>* leaf_errors, size_t* units, size_t* valid_units) {
  REQUIRE(unit.IsObject());
  ++*units;
  REQUIRE(unit.HasMember("valid"));
  REQUIRE(unit["valid"].IsBool());
  const bool valid = unit["valid"].GetBool();
  if (valid) ++*valid_units;
  const std::string kl = str(unit, "keywordLocation");
  CHECK(kl != "<missing>");
  CHECK(str(unit, "instanceLocation") != "<missing>");
  // A child's keyword location extends its parent's.
  CHECK(kl.compare(0, parent_keyword_location.size(), parent_keyword_location) == 0);
  if (unit.HasMember("error")) {
    CHECK_FALSE(valid);
    leaf_errors->insert({kl, str(unit, "instanceLocation"), str(unit, "error")});
  }
  if (unit.HasMember("errors")) {
    CHECK_FALSE(valid);
    REQUIRE(unit["errors"].IsArray());
    CHECK_FALSE(unit["errors"].Empty());
    for (const auto& child : unit["errors"].GetArray()) {
      if (!verbose) CHECK_FALSE(child["valid"].GetBool());  // detailed keeps failing units only
      walk_tree(child, kl, verbose, leaf_errors, units, valid_units);
    }
  }
  if (unit.HasMember("annotations")) {
    REQUIRE(unit["annotations"].IsArray());
    for (const auto& child : unit["annotations"].GetArray()) {
      walk_tree(child, kl, verbose, leaf_errors, units, valid_units);
    }
  }
}

std::set<ErrorKey> basic_errors(const jsonsieve::ValidationResult& r) {
  std::set<ErrorKey> out;
  for (const auto& e : r.errors) out.insert({e.keyword_location, e.instance_location, e.error});
  return out;
}

}  // namespace

TEST_CASE("output: flag is {\"valid\": bool} and nothing else", "[output]") {
  jsonsieve::Validator v(order_schema());
  for (auto [text, expected] : {std::pair<const char*, bool>{kBad, false}, {kGood, true}}) {
    jsonsieve::ValidationResult r = v.validate_text(text, OutputFormat::Flag);
    CHECK(r.valid == expected);
    rapidjson::Document doc = parse(jsonsieve::format_output(r, OutputFormat::Flag));
    CHECK(doc.MemberCount() == 1);
    REQUIRE(doc.HasMember("valid"));
    CHECK(doc["valid"].GetBool() == expected);
  }
  // The flag format of a full result is still just the verdict.
  jsonsieve::ValidationResult full = v.validate_text(kBad, OutputFormat::Basic);
  CHECK(jsonsieve::format_output(full, OutputFormat::Flag) == R"({"valid":false})");
}

TEST_CASE("output: basic is a flat list of located errors", "[output]") {
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult r = v.validate_text(kBad, OutputFormat::Basic);
  REQUIRE_FALSE(r.valid);
  CHECK(r.errors.size() == 3);  // required id, minimum, enum
  rapidjson::Document doc = parse(jsonsieve::format_output(r, OutputFormat::Basic));
  CHECK_FALSE(doc["valid"].GetBool());
  REQUIRE(doc.HasMember("errors"));
  REQUIRE(doc["errors"].IsArray());
  CHECK(doc["errors"].Size() == r.errors.size());
  std::set<ErrorKey> seen;
  for (const auto& e : doc["errors"].GetArray()) {
    CHECK_FALSE(e["valid"].GetBool());
    CHECK_FALSE(e.HasMember("errors"));  // flat
    CHECK(str(e, "absoluteKeywordLocation").rfind("https://example.com/order.json#", 0) == 0);
    seen.insert({str(e, "keywordLocation"), str(e, "instanceLocation"), str(e, "error")});
  }
  CHECK(seen == basic_errors(r));
  CHECK(seen.count({"/required", "", "missing required property \"id\""}) == 1);
  CHECK(seen.count({"/properties/amount/minimum", "/amount", "must be at least 0, got -5"}) == 1);
  CHECK(seen.count({"/properties/currency/enum", "/currency", R"(must be one of ["EUR","USD"], got "GBP")"}) == 1);

  rapidjson::Document ok = parse(jsonsieve::format_output(v.validate_text(kGood), OutputFormat::Basic));
  CHECK(ok["valid"].GetBool());
  CHECK_FALSE(ok.HasMember("errors"));
}

TEST_CASE("output: basic lists annotations of a valid instance when asked", "[output]") {
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult r = v.validate_text(kGood, OutputFormat::Basic, true);
  REQUIRE(r.valid);
  rapidjson::Document doc = parse(jsonsieve::format_output(r, OutputFormat::Basic));
  REQUIRE(doc.HasMember("annotations"));
  bool title = false;
  for (const auto& a : doc["annotations"].GetArray()) {
    CHECK(a["valid"].GetBool());
    REQUIRE(a.HasMember("annotation"));
    if (str(a, "keywordLocation") == "/properties/amount/title") {
      title = true;
      CHECK(str(a, "instanceLocation") == "/amount");
      CHECK(str(a, "annotation") == "Amount");
    }
  }
  CHECK(title);
  // Annotations of a failing subschema are dropped (Core §7.7.1.2).
  jsonsieve::ValidationResult bad = v.validate_text(R"({"id": 7, "amount": -1})", OutputFormat::Basic, true);
  for (const auto& u : bad.units) CHECK(u.annotation_json.empty());
}

TEST_CASE("output: applicators annotate what they evaluated", "[output]") {
  // properties: the set of property names it matched (Core §10.3.2.1).
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult r = v.validate_text(kGood, OutputFormat::Basic, true);
  REQUIRE(r.valid);
  bool properties = false;
  for (const auto& u : r.units) {
    if (u.keyword_location != "/properties") continue;
    properties = true;
    rapidjson::Document names;
    names.Parse(u.annotation_json.c_str());
    REQUIRE(names.IsArray());
    CHECK(names.Size() == 3);
  }
  CHECK(properties);
}

TEST_CASE("output: detailed is a condensed tree of failing units", "[output]") {
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult basic = v.validate_text(kBad, OutputFormat::Basic);
  jsonsieve::ValidationResult r = v.validate_text(kBad, OutputFormat::Detailed);
  REQUIRE_FALSE(r.valid);
  CHECK(basic_errors(r) == basic_errors(basic));  // same errors whatever the format
  rapidjson::Document doc = parse(jsonsieve::format_output(r, OutputFormat::Detailed));
  CHECK_FALSE(doc["valid"].GetBool());
  CHECK(str(doc, "keywordLocation") == "");
  CHECK(str(doc, "instanceLocation") == "");
  REQUIRE(doc.HasMember("errors"));
  std::set<ErrorKey> leaves;
  size_t units = 0, valid_units = 0;
  walk_tree(doc, "", false, &leaves, &units, &valid_units);
  CHECK(leaves == basic_errors(basic));
  CHECK(valid_units == 0);
  // Condensed: no more nodes than errors plus the containers on their paths (root, properties,
  // properties/amount, properties/currency).
  CHECK(units <= basic.errors.size() + 4);
}

TEST_CASE("output: verbose is the full tree, passing units included", "[output]") {
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult basic = v.validate_text(kBad, OutputFormat::Basic);
  jsonsieve::ValidationResult r = v.validate_text(kBad, OutputFormat::Verbose);
  rapidjson::Document doc = parse(jsonsieve::format_output(r, OutputFormat::Verbose));
  CHECK_FALSE(doc["valid"].GetBool());
  std::set<ErrorKey> leaves;
  size_t units = 0, valid_units = 0;
  walk_tree(doc, "", true, &leaves, &units, &valid_units);
  CHECK(leaves == basic_errors(basic));
  CHECK(valid_units >= 1);  // e.g. /type passed
  rapidjson::Document detailed = parse(jsonsieve::format_output(v.validate_text(kBad, OutputFormat::Detailed),
                                                                OutputFormat::Detailed));
  std::set<ErrorKey> ignored;
  size_t detailed_units = 0, ignored_valid = 0;
  walk_tree(detailed, "", false, &ignored, &detailed_units, &ignored_valid);
  CHECK(units > detailed_units);

  // A valid instance: a tree of valid units carrying annotations.
  rapidjson::Document ok = parse(jsonsieve::format_output(v.validate_text(kGood, OutputFormat::Verbose),
                                                          OutputFormat::Verbose));
  CHECK(ok["valid"].GetBool());
  CHECK_FALSE(ok.HasMember("errors"));
  std::set<ErrorKey> none;
  size_t ok_units = 0, ok_valid = 0;
  walk_tree(ok, "", true, &none, &ok_units, &ok_valid);
  CHECK(none.empty());
  CHECK(ok_units == ok_valid);
  CHECK(ok_units > 1);
}

TEST_CASE("output: errors from validate_text carry the line and column of the value", "[output]") {
  jsonsieve::Validator v(order_schema());
  jsonsieve::ValidationResult r = v.validate_text(kBad);
  bool amount = false, currency = false;
  for (const auto& e : r.errors) {
    INFO(e.instance_location);
    if (e.instance_location == "/amount") {
      amount = true;
      CHECK(e.line == 2);
      CHECK(e.column == 13);  // `  "amount": -5`: the value starts at byte 13
    } else if (e.instance_location == "/currency") {
      currency = true;
      CHECK(e.line == 3);
      CHECK(e.column == 15);
    } else if (e.instance_location == "") {
      CHECK(e.line == 1);
      CHECK(e.column == 1);
    }
  }
  CHECK(amount);
  CHECK(currency);
  // validate() on a parsed value has no text to point into.
  rapidjson::Document doc;
  doc.Parse(kBad);
  for (const auto& e : v.validate(doc).errors) CHECK(e.line == 0);
}

TEST_CASE("output: a failed parse is reported in every format", "[output]") {
  jsonsieve::Validator v(order_schema());
  for (OutputFormat f : {OutputFormat::Flag, OutputFormat::Basic, OutputFormat::Detailed, OutputFormat::Verbose}) {
    jsonsieve::ValidationResult r = v.validate_text("{\"id\": 1,,}", f);
    CHECK_FALSE(r.valid);
    CHECK(r.failed());
    rapidjson::Document doc = parse(jsonsieve::format_output(r, f));
    CHECK_FALSE(doc["valid"].GetBool());
    if (f != OutputFormat::Flag) CHECK(str(doc, "error") == r.failure.message);
  }
}

TEST_CASE("output: max_errors stops collecting and says so", "[output]") {
  jsonsieve::CompileOptions options;
  options.limits.max_errors = 2;
  jsonsieve::CompileResult c = jsonsieve::compile(R"({"items": {"type": "string"}})", options);
  REQUIRE(c.ok());
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult r = v.validate_text("[1, 2, 3, 4, 5]");
  CHECK_FALSE(r.valid);
  CHECK(r.errors.size() == 2);
  CHECK(r.truncated);
  jsonsieve::ValidationResult all = v.validate_text("[1, 2]");
  CHECK(all.errors.size() == 2);
  CHECK_FALSE(all.truncated);
}

TEST_CASE("output: format names parse", "[output]") {
  OutputFormat f = OutputFormat::Flag;
  CHECK(jsonsieve::parse_output_format("verbose", &f));
  CHECK(f == OutputFormat::Verbose);
  CHECK(jsonsieve::parse_output_format("detailed", &f));
  CHECK(f == OutputFormat::Detailed);
  CHECK(jsonsieve::parse_output_format("basic", &f));
  CHECK(f == OutputFormat::Basic);
  CHECK(jsonsieve::parse_output_format("flag", &f));
  CHECK(f == OutputFormat::Flag);
  CHECK_FALSE(jsonsieve::parse_output_format("Verbose", &f));
  CHECK_FALSE(jsonsieve::parse_output_format("", &f));
}
