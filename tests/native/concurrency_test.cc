// A compiled Schema is immutable and shared: several threads, each with its own Validator, must
// get exactly the results one thread gets. Compiling concurrently (the shared meta-schema cache)
// must be safe too. scripts/tsan.sh runs these under ThreadSanitizer.
// Native only: the wasm build has no threads.
#ifndef __EMSCRIPTEN__
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "jsonsieve/jsonsieve.h"

namespace {

// Uses most of the engine's shared state: $ref/$dynamicRef targets, regexes (RE2 is internally
// synchronized), enum hashes, property tables, unevaluated tracking, formats.
const char* kSchema = R"({
  "$id": "https://example.com/concurrency.json",
  "$dynamicAnchor": "node",
  "type": "object",
  "properties": {
    "id": {"type": "string", "pattern": "^[A-Z]{2}-[0-9]+$"},
    "email": {"format": "email"},
    "amount": {"type": "number", "multipleOf": 0.01, "minimum": 0},
    "currency": {"enum": ["EUR", "USD", "GBP", "CHF", "JPY"]},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}, "uniqueItems": true},
    "children": {"type": "array", "items": {"$dynamicRef": "#node"}}
  },
  "patternProperties": {"^x-": {"type": "string"}},
  "required": ["id"],
  "unevaluatedProperties": false
})";

std::vector<std::string> instances() {
  std::vector<std::string> out = {
      R"({"id": "AB-1", "amount": 19.99, "currency": "EUR"})",
      R"({"id": "ab-1", "amount": 19.999, "currency": "XXX"})",
      R"({"id": "CD-22", "tags": ["a", "b", "a"], "x-note": 1})",
      R"({"id": "EF-3", "email": "a@b.c", "children": [{"id": "GH-4"}, {"id": "bad", "extra": true}]})",
      R"({"amount": -1, "tags": ["toolongtag"], "unknown": null})",
      R"([1, 2, 3])",
      R"({"id": "IJ-5", "children": [{"id": "KL-6", "children": [{"id": "MN-7", "amount": 0.1}]}]})",
      R"({"id": 1,,})",  // malformed
  };
  // Generated ones, so threads interleave over many shapes.
  for (int i = 0; i < 40; ++i) {
    out.push_back("{\"id\": \"ZZ-" + std::to_string(i) + "\", \"amount\": " + std::to_string(i) + "." +
                  std::to_string(i % 100) + ", \"tags\": [\"t" + std::to_string(i % 7) + "\", \"u\"]" +
                  (i % 3 == 0 ? ", \"surprise\": 1" : "") + "}");
  }
  return out;
}

// Everything a result says, in one string.
std::string fingerprint(jsonsieve::Validator& v, const std::string& text) {
  std::string out = v.is_valid_text(text) ? "valid|" : "invalid|";
  for (auto f : {jsonsieve::OutputFormat::Basic, jsonsieve::OutputFormat::Verbose}) {
    out += jsonsieve::format_output(v.validate_text(text, f, true), f);
    out += '|';
  }
  return out;
}

}  // namespace

TEST_CASE("concurrency: one compiled schema, many threads, identical results", "[concurrency]") {
  jsonsieve::CompileResult c = jsonsieve::compile(kSchema);
  INFO(c.error.message);
  REQUIRE(c.ok());
  const std::vector<std::string> inputs = instances();
  std::vector<std::string> expected;
  {
    jsonsieve::Validator v(c.schema);
    for (const std::string& text : inputs) expected.push_back(fingerprint(v, text));
  }
  // The expectations themselves must be varied, or the comparison proves little.
  CHECK(expected[0].rfind("valid|", 0) == 0);
  CHECK(expected[1].rfind("invalid|", 0) == 0);

  const unsigned threads = std::max(2u, std::min(4u, std::thread::hardware_concurrency()));
  std::atomic<int> mismatches{0};
  std::atomic<int> runs{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      jsonsieve::Validator v(c.schema);  // one Validator per thread; the Schema is shared
      for (int round = 0; round < 20; ++round) {
        for (size_t k = 0; k < inputs.size(); ++k) {
          size_t i = (k + t * 7 + static_cast<size_t>(round)) % inputs.size();  // different orders
          if (fingerprint(v, inputs[i]) != expected[i]) ++mismatches;
          ++runs;
        }
      }
    });
  }
  for (std::thread& th : pool) th.join();
  CHECK(runs == static_cast<int>(threads * 20 * inputs.size()));
  CHECK(mismatches == 0);
}

TEST_CASE("concurrency: compiling in parallel gives working schemas", "[concurrency]") {
  // Compilation shares the process-wide meta-schema cache; several dialects at once.
  const std::vector<std::string> schemas = {
      R"({"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "integer"})",
      R"({"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "integer"})",
      R"({"$schema": "http://json-schema.org/draft-07/schema#", "type": "integer"})",
      R"({"$schema": "http://json-schema.org/draft-06/schema#", "type": "integer"})",
      R"({"$schema": "http://json-schema.org/draft-04/schema#", "type": "integer"})",
  };
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        const std::string& text = schemas[(t + static_cast<unsigned>(round)) % schemas.size()];
        jsonsieve::CompileResult c = jsonsieve::compile(text);
        if (!c.ok()) { ++failures; continue; }
        jsonsieve::Validator v(c.schema);
        if (!v.is_valid_text("3") || v.is_valid_text("\"3\"")) ++failures;
        // A broken schema in the same dialect must still be rejected.
        std::string broken = text;
        broken.replace(broken.find("\"integer\""), 9, "\"intger\"");
        if (jsonsieve::compile(broken).ok()) ++failures;
      }
    });
  }
  for (std::thread& th : pool) th.join();
  CHECK(failures == 0);
}

TEST_CASE("concurrency: the last reference to a schema may be dropped on another thread", "[concurrency]") {
  std::shared_ptr<const jsonsieve::Schema> schema = jsonsieve::compile(kSchema).schema;
  REQUIRE(schema != nullptr);
  std::atomic<bool> ok{true};
  std::thread worker([s = std::move(schema), &ok]() mutable {
    jsonsieve::Validator v(s);
    s.reset();  // the Validator keeps the Schema alive
    if (!v.is_valid_text(R"({"id": "AB-1"})")) ok = false;
  });
  worker.join();
  CHECK(ok);
}
#endif  // __EMSCRIPTEN__
