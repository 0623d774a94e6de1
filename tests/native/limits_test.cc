// Limits and failure behaviour: deep data and schemas (100,000 and 1,000,000 levels) are clear
// errors, never stack overflows; $ref cycles that never consume the instance terminate;
// pathological sizes stay fast (uniqueItems on 1,000,000 items, huge enums, wide objects); and the
// warm valid path of Validator::is_valid_text allocates nothing.
//
// Allocation counting replaces the global operator new/delete for the whole test executable.
// The replacement only forwards to malloc/free; it counts (and, in quarantine mode, holds freed
// blocks filled with a pattern to catch writes after free) on the current thread only while a
// test of this file asks it to, so every other test sees the usual allocator.
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#ifndef __EMSCRIPTEN__
#include <sys/wait.h>
#include <unistd.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#define JSONSIEVE_TEST_QUARANTINE 1
#endif

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "jsonsieve/jsonsieve.h"

namespace {
thread_local bool t_counting = false;
thread_local size_t t_allocations = 0;

#ifdef JSONSIEVE_TEST_QUARANTINE
// Freed blocks held back while a Quarantine is active (one thread at a time).
constexpr unsigned char kFreedByte = 0xA5;
struct Held { void* p; size_t n; };
Held g_held[4096];
size_t g_held_count = 0;
thread_local bool t_quarantine = false;

bool hold(void* p) {
  if (!t_quarantine || g_held_count == sizeof g_held / sizeof g_held[0]) return false;
  size_t n = malloc_usable_size(p);
  std::memset(p, kFreedByte, n);
  g_held[g_held_count++] = {p, n};
  return true;
}
#endif

void release(void* p) noexcept {
  if (p == nullptr) return;
#ifdef JSONSIEVE_TEST_QUARANTINE
  if (hold(p)) return;
#endif
  std::free(p);
}
}  // namespace

void* operator new(std::size_t size) {
  if (t_counting) ++t_allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  if (t_counting) ++t_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return ::operator new(size, tag); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }

namespace {

using Catch::Matchers::Contains;

// Counts operator new calls (this thread) and malloc-ing containers made by `run`.
template <typename F>
size_t allocations_during(F&& run) {
  t_allocations = 0;
  t_counting = true;
  run();
  t_counting = false;
  return t_allocations;
}

// While alive, blocks freed through operator delete on this thread are filled with a pattern and
// kept; writes_after_free() then tells how many were written to after being freed.
class Quarantine {
 public:
#ifdef JSONSIEVE_TEST_QUARANTINE
  Quarantine() { g_held_count = 0; t_quarantine = true; }
  ~Quarantine() { finish(); }
  size_t writes_after_free() {
    finish();
    return dirty_;
  }

 private:
  void finish() {
    if (!t_quarantine) return;
    t_quarantine = false;
    for (size_t i = 0; i < g_held_count; ++i) {
      const unsigned char* bytes = static_cast<const unsigned char*>(g_held[i].p);
      for (size_t k = 0; k < g_held[i].n; ++k) {
        if (bytes[k] != kFreedByte) { ++dirty_; break; }
      }
      std::free(g_held[i].p);
    }
    g_held_count = 0;
  }
  size_t dirty_ = 0;
#else
  size_t writes_after_free() { return 0; }
#endif
};

// Time budget of the pathological-size tests: generous (n log n needs a fraction of it), still
// far below what a quadratic algorithm would take. Wasm under Node gets twice as long.
#ifdef __EMSCRIPTEN__
constexpr double kBudgetMs = 6000;
#else
constexpr double kBudgetMs = 3000;
#endif

double elapsed_ms(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

std::shared_ptr<const jsonsieve::Schema> compiled(const std::string& schema,
                                                  const jsonsieve::CompileOptions& options = {}) {
  jsonsieve::CompileResult c = jsonsieve::compile(schema, options);
  INFO(schema.substr(0, 200) << "\n -> " << c.error.message);
  REQUIRE(c.ok());
  return c.schema;
}

std::string nested_arrays(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }
std::string nested_objects(size_t depth) {
  std::string s;
  s.reserve(depth * 6 + 1);
  for (size_t i = 0; i < depth; ++i) s += "{\"a\":";
  s += "1";
  s.append(depth, '}');
  return s;
}
// {"items": {"items": ... true ...}}
std::string nested_schema(size_t depth, const char* keyword = "items") {
  std::string open = std::string("{\"") + keyword + "\":";
  std::string s;
  s.reserve(depth * (open.size() + 1) + 4);
  for (size_t i = 0; i < depth; ++i) s += open;
  s += "true";
  s.append(depth, '}');
  return s;
}

// A validator for a permissive schema, to prove the engine works after a failure.
void engine_still_works() {
  jsonsieve::Validator v(compiled(R"({"type": "array", "items": {"type": "integer"}})"));
  CHECK(v.is_valid_text("[1, 2, 3]"));
  CHECK_FALSE(v.is_valid_text("[1, \"x\"]"));
}

}  // namespace

// ---- nesting depth -----------------------------------------------------------------------------

TEST_CASE("limits: a 100,000-deep array is a clear error, not a crash", "[limits][depth]") {
  jsonsieve::Validator v(compiled(R"({"type": "array", "items": {"$ref": "#"}})"));
  jsonsieve::ValidationResult r = v.validate_text(nested_arrays(100000));
  CHECK_FALSE(r.valid);
  REQUIRE(r.failed());
  CHECK_THAT(r.failure.message, Contains("nesting") && Contains("1000"));
  CHECK(r.failure.line == 1);
  CHECK(r.failure.column == 1001);  // the bracket that went one level too deep
  CHECK_FALSE(v.is_valid_text(nested_arrays(100000)));
  CHECK(v.is_valid_text(nested_arrays(100)));
  engine_still_works();
}

TEST_CASE("limits: 1,000,000-deep arrays and objects in instance text", "[limits][depth]") {
  jsonsieve::Validator v(compiled("{}"));
  for (const std::string& text : {nested_arrays(1000000), nested_objects(1000000)}) {
    jsonsieve::ValidationResult r = v.validate_text(text);
    CHECK(r.failed());
    CHECK_THAT(r.failure.message, Contains("nesting"));
    CHECK_FALSE(v.is_valid_text(text));
    for (auto f : {jsonsieve::OutputFormat::Flag, jsonsieve::OutputFormat::Verbose}) {
      CHECK(v.validate_text(text, f).failed());
    }
  }
  CHECK(v.is_valid_text("[[[]]]"));
  engine_still_works();
}

TEST_CASE("limits: a 1,000,000-deep schema text is a clear compile error", "[limits][depth]") {
  for (const char* keyword : {"items", "not", "additionalProperties"}) {
    INFO(keyword);
    jsonsieve::CompileResult r = jsonsieve::compile(nested_schema(1000000, keyword));
    CHECK_FALSE(r.ok());
    CHECK_THAT(r.error.message, Contains("nesting") && Contains("1000"));
    CHECK(r.error.parse.line == 1);
    jsonsieve::CompileOptions unchecked;
    unchecked.validate_schema = false;
    CHECK_FALSE(jsonsieve::compile(nested_schema(1000000, keyword), unchecked).ok());
  }
  engine_still_works();
}

TEST_CASE("limits: depth limits are configurable", "[limits][depth]") {
  jsonsieve::CompileOptions options;
  options.limits.max_data_depth = 10;
  options.limits.max_schema_depth = 20;
  jsonsieve::Validator v(compiled("{}", options));
  CHECK(v.is_valid_text(nested_arrays(10)));
  CHECK_FALSE(v.is_valid_text(nested_arrays(11)));
  CHECK_THAT(v.last_failure().message, Contains("10"));
  options.validate_schema = false;
  CHECK(jsonsieve::compile(nested_schema(19), options).ok());
  jsonsieve::CompileResult deep = jsonsieve::compile(nested_schema(40), options);
  CHECK_FALSE(deep.ok());
  CHECK_THAT(deep.error.message, Contains("20"));
  jsonsieve::ParseError error;
  rapidjson::Document doc;
  jsonsieve::Limits limits;
  limits.max_data_depth = 3;
  CHECK(jsonsieve::parse_json("[[[1]]]", &doc, &error, limits));
  CHECK_FALSE(jsonsieve::parse_json("[[[[1]]]]", &doc, &error, limits));
  CHECK(error.column == 4);
}

TEST_CASE("limits: deep schemas and the meta-schema check", "[limits][depth]") {
  // A meta-schema takes several nested evaluations per schema level: 200 levels fit the
  // default evaluation budget (2,000).
  jsonsieve::CompileResult r = jsonsieve::compile(nested_schema(200));
  INFO(r.error.message);
  CHECK(r.ok());
  // Deeper ones are refused with what happened and what to do, not as non-conformance (the
  // budget is not raised behind the caller's back: in wasm the recursion shares the host stack).
  r = jsonsieve::compile(nested_schema(600));
  REQUIRE_FALSE(r.ok());
  CHECK_THAT(r.error.message, Contains("too deeply nested to be checked against its meta-schema"));
  CHECK_THAT(r.error.message, Contains("max_evaluation_depth"));
  CHECK_THAT(r.error.message, !Contains("does not conform"));
  // Without the check the same schema compiles (its depth is within max_schema_depth).
  jsonsieve::CompileOptions options;
  options.validate_schema = false;
  CHECK(jsonsieve::compile(nested_schema(600), options).ok());
}

TEST_CASE("limits: deep schema compiled without meta-schema check validates deep data", "[limits][depth]") {
  jsonsieve::CompileOptions options;
  options.validate_schema = false;
  jsonsieve::Validator v(compiled(nested_schema(900), options));
  CHECK(v.is_valid_text(nested_arrays(950)));
}

#ifndef __EMSCRIPTEN__
namespace {

// Runs `test` in a forked child so that a stack overflow fails this test instead of killing the
// test runner. The child's exit status is 0 when `test` returned true.
template <typename F>
void in_child(F&& test) {
  fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) _exit(test() ? 0 : 1);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  INFO("child " << (WIFSIGNALED(status) ? "died of signal " + std::to_string(WTERMSIG(status))
                                        : "exited with " + std::to_string(WEXITSTATUS(status))));
  CHECK(WIFEXITED(status));
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
}

// A 1,000,000-deep array parsed outside the engine's limits, as any RapidJSON user could.
bool parse_deep(rapidjson::Document* doc) {
  jsonsieve::Limits unlimited;
  unlimited.max_data_depth = 2000000;
  jsonsieve::ParseError error;
  return jsonsieve::parse_json(nested_arrays(1000000), doc, &error, unlimited);
}

}  // namespace

TEST_CASE("limits: validate() on a 1,000,000-deep parsed document with recursive $ref", "[limits][depth]") {
  in_child([] {
    rapidjson::Document doc;
    if (!parse_deep(&doc)) return false;
    jsonsieve::CompileResult c = jsonsieve::compile(R"({"items": {"$ref": "#"}})");
    if (!c.ok()) return false;
    jsonsieve::Validator v(c.schema);
    jsonsieve::ValidationResult r = v.validate(doc);
    return !r.valid && r.failed() && !v.is_valid(doc) && v.is_valid_text("[[1]]");
  });
}

TEST_CASE("limits: enum/const/uniqueItems on a 1,000,000-deep parsed document", "[limits][depth]") {
  // json::hash and json::equal used to recurse without a bound (now iterative), and the message
  // serialized the whole instance recursively (now bounded): validate() of a deep document
  // parsed by the caller overflowed the stack in Enum::evaluate and UniqueItems::evaluate.
  for (const char* schema : {R"({"const": [[1]]})", R"({"enum": [1, [2]]})", R"({"uniqueItems": true})"}) {
    INFO(schema);
    in_child([schema] {
      // Two deep items, so uniqueItems has something to compare.
      std::string text = "[" + nested_arrays(999999) + "," + nested_arrays(999999) + "]";
      jsonsieve::Limits unlimited;
      unlimited.max_data_depth = 2000000;
      jsonsieve::ParseError error;
      rapidjson::Document doc;
      if (!jsonsieve::parse_json(text, &doc, &error, unlimited)) return false;
      jsonsieve::CompileResult c = jsonsieve::compile(schema);
      if (!c.ok()) return false;
      jsonsieve::Validator v(c.schema);
      jsonsieve::ValidationResult r = v.validate(doc);
      bool fast = v.is_valid(doc);
      return !r.valid && !fast;
    });
  }
}

TEST_CASE("limits: compile() of a 1,000,000-deep parsed schema is a clear error", "[limits][depth]") {
  // compile(const Json&) used to copy the value with RapidJSON's recursive CopyFrom before any
  // depth check, and overflowed the stack; the depth is now checked (iteratively) first.
  in_child([] {
    jsonsieve::Limits unlimited;
    unlimited.max_data_depth = 2000000;
    jsonsieve::ParseError error;
    rapidjson::Document doc;
    if (!jsonsieve::parse_json(nested_schema(1000000), &doc, &error, unlimited)) return false;
    jsonsieve::CompileResult r = jsonsieve::compile(doc);
    return !r.ok() && r.error.message.find("deep") != std::string::npos;
  });
}
#endif  // __EMSCRIPTEN__

// ---- $ref cycles -------------------------------------------------------------------------------

TEST_CASE("limits: $ref cycles that never consume the instance fail clearly", "[limits][ref][timed]") {
  for (const char* schema : {R"({"$ref": "#"})",
                             R"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})",
                             R"({"allOf": [{"$ref": "#"}]})",
                             R"({"$defs": {"x": {"$anchor": "x", "not": {"$ref": "#x"}}}, "$ref": "#x"})"}) {
    INFO(schema);
    auto started = std::chrono::steady_clock::now();
    jsonsieve::CompileResult c = jsonsieve::compile(schema);
    if (!c.ok()) {
      // Rejecting the cycle at compile time is fine too, if it says so.
      CHECK_THAT(c.error.message, Contains("cycle") || Contains("$ref"));
      continue;
    }
    jsonsieve::Validator v(c.schema);
    for (auto f : {jsonsieve::OutputFormat::Flag, jsonsieve::OutputFormat::Basic, jsonsieve::OutputFormat::Verbose}) {
      jsonsieve::ValidationResult r = v.validate_text("{\"a\": [1]}", f);
      CHECK_FALSE(r.valid);
      CHECK(r.failed());
      CHECK_THAT(r.failure.message, Contains("deeper than the limit"));
    }
    CHECK_FALSE(v.is_valid_text("1"));
    CHECK_THAT(v.last_failure().message, Contains("$ref"));
    CHECK(elapsed_ms(started) < 2000);
  }
  // A cycle taken only for some instances: the validator recovers for the others.
  jsonsieve::Validator v(compiled(R"({"anyOf": [{"type": "string"}, {"$ref": "#"}]})"));
  CHECK_FALSE(v.is_valid_text("1"));
  CHECK(v.validate_text("1").failed());
  CHECK(v.is_valid_text("\"s\""));
  jsonsieve::ValidationResult ok = v.validate_text("\"s\"");
  CHECK(ok.valid);
  CHECK_FALSE(ok.failed());
}

TEST_CASE("limits: max_evaluation_depth is configurable", "[limits][ref]") {
  jsonsieve::CompileOptions options;
  options.limits.max_evaluation_depth = 50;
  jsonsieve::Validator v(compiled(R"({"items": {"$ref": "#"}})", options));
  CHECK(v.is_valid_text(nested_arrays(20)));
  CHECK_FALSE(v.is_valid_text(nested_arrays(60)));
  CHECK_THAT(v.last_failure().message, Contains("50"));
}

// ---- pathological sizes -----------------------------------------------------------------------

TEST_CASE("limits: uniqueItems on 1,000,000 items is not quadratic", "[limits][perf]") {
  // Documents are parsed outside the timed part (and outside validate_text, whose >64 KiB path
  // has the use-after-free tested below).
  std::string ints = "[";
  for (int i = 0; i < 1000000; ++i) ints += std::to_string(i * 7) + ",";
  std::string unique = ints + "-1]";
  std::string duplicated = ints + "7]";  // equals item 1
  rapidjson::Document doc, dup_doc, strings_doc;
  doc.Parse(unique.c_str());
  dup_doc.Parse(duplicated.c_str());
  REQUIRE(doc.Size() == 1000001);
  std::string strings = "[";
  for (int i = 0; i < 1000000; ++i) strings += "\"s" + std::to_string(i) + "\",";
  strings += "\"end\"]";
  strings_doc.Parse(strings.c_str());
  REQUIRE(strings_doc.Size() == 1000001);

  jsonsieve::Validator v(compiled(R"({"uniqueItems": true})"));
  auto started = std::chrono::steady_clock::now();
  CHECK(v.is_valid(doc));
  jsonsieve::ValidationResult r = v.validate(dup_doc);
  CHECK(v.is_valid(strings_doc));
  double ms = elapsed_ms(started);
  CHECK_FALSE(r.valid);
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0].error, Contains("items 1 and 1000000"));
  INFO("uniqueItems, 3 x 1,000,000 items: " << ms << " ms");
  CHECK(ms < kBudgetMs);  // n log n takes well under a second natively; quadratic would take hours
}

TEST_CASE("limits: a 100,000-value enum and a 100,000-member object stay fast", "[limits][perf]") {
  std::string values = "[";
  for (int i = 0; i < 100000; ++i) values += "\"v" + std::to_string(i) + "\",";
  values += "0]";
  jsonsieve::Validator e(compiled("{\"enum\": " + values + "}"));
  std::string wide = "{";
  for (int i = 0; i < 100000; ++i) wide += "\"p" + std::to_string(i) + "\": " + std::to_string(i) + ",";
  wide += "\"last\": 0}";
  rapidjson::Document wide_doc;
  wide_doc.Parse(wide.c_str());
  REQUIRE(wide_doc.MemberCount() == 100001);
  jsonsieve::Validator u(compiled(R"({"patternProperties": {"^p": {"type": "integer"}}, "unevaluatedProperties": false})"));
  auto started = std::chrono::steady_clock::now();
  bool all = true;
  for (int i = 0; i < 1000; ++i) {
    all = all && e.is_valid_text("\"v99999\"") && !e.is_valid_text("\"v100000\"");
  }
  CHECK(all);
  jsonsieve::ValidationResult r = u.validate(wide_doc);
  double ms = elapsed_ms(started);
  CHECK_FALSE(r.valid);
  REQUIRE(r.errors.size() == 1);
  CHECK_THAT(r.errors[0].error, Contains("\"last\""));
  INFO(ms << " ms");
  CHECK(ms < kBudgetMs);
}

TEST_CASE("limits: a long $ref chain compiles in bounded time and fails clearly", "[limits][ref][timed]") {
  // Every "#/$defs/dN" used to be resolved with RapidJSON's FindMember, a linear scan of $defs:
  // compiling n chained references cost O(n^2) (40,000: 2.3 s here). The compiler now resolves
  // through a json::MemberIndex: 20,000 / 40,000 / 80,000 take 0.25 / 0.49 / 0.98 s.
  const int n = 40000;
  std::string schema = "{\"$ref\": \"#/$defs/d0\", \"$defs\": {";
  for (int i = 0; i < n; ++i) {
    schema += "\"d" + std::to_string(i) + "\": {\"$ref\": \"#/$defs/d" + std::to_string(i + 1) + "\"},";
  }
  schema += "\"d" + std::to_string(n) + "\": {\"type\": \"integer\"}}}";
  auto started = std::chrono::steady_clock::now();
  jsonsieve::CompileResult c = jsonsieve::compile(schema);
  double ms = elapsed_ms(started);
  INFO("compiling a chain of " << n << " $refs: " << ms << " ms");
  CHECK(ms < kBudgetMs);
  if (!c.ok()) {
    CHECK_THAT(c.error.message, Contains("deep") || Contains("limit"));  // rejecting it is fine too
    return;
  }
  jsonsieve::Validator v(c.schema);
  jsonsieve::ValidationResult r = v.validate_text("1");
  CHECK_FALSE(r.valid);
  CHECK_THAT(r.failure.message, Contains("deeper than the limit"));
}

namespace {
// A string of `bytes` 'a's, as JSON text.
std::string long_string_json(size_t bytes) {
  std::string text;
  text.reserve(bytes + 2);
  text += '"';
  text.append(bytes, 'a');
  text += '"';
  return text;
}

void check_long_string(size_t bytes) {
  const std::string text = long_string_json(bytes);
  jsonsieve::Validator v(compiled(R"({"type": "string", "maxLength": 10, "pattern": "^a+$"})"));
  jsonsieve::ValidationResult r = v.validate_text(text);
  CHECK_FALSE(r.failed());
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].error == "must be at most 10 characters long, got " + std::to_string(bytes));
  jsonsieve::Validator p(compiled(R"({"pattern": "^a+$", "minLength": 1})"));
  CHECK(p.is_valid_text(text));
  jsonsieve::Validator q(compiled(R"({"pattern": "b"})"));
  CHECK_FALSE(q.is_valid_text(text));
  CHECK(q.is_valid_text("\"abc\""));
}
}  // namespace

TEST_CASE("limits: an 8 MB string is measured and matched correctly", "[limits][perf]") {
  check_long_string(8u << 20);
}

// Hidden (run with `jsonsieve_tests "[huge]"`): takes tens of seconds on a slow shared machine.
TEST_CASE("limits: a 100 MB string is measured and matched correctly", "[.][huge][limits]") {
  check_long_string(100u << 20);
}

#ifdef JSONSIEVE_TEST_QUARANTINE
TEST_CASE("limits: instances bigger than the validator's parse buffer are safe", "[limits]") {
  // Regression: the parse buffer was resized while the pool allocator living in it was still
  // alive, whose destructor then wrote into the freed 64 KiB block (heap corruption on the first
  // instance needing more than 64 KiB). Freed blocks are held here and must stay untouched.
  jsonsieve::Validator v(compiled(R"({"type": "array", "items": {"type": "string"}})"));
  std::string big = "[";
  for (int i = 0; i < 20000; ++i) big += "\"item number " + std::to_string(i) + "\",";
  big += "\"last\"]";
  size_t dirty;
  bool first, second;
  {
    Quarantine quarantine;
    first = v.is_valid_text(big);
    second = v.validate_text(big + " ").valid;
    dirty = quarantine.writes_after_free();
  }
  CHECK(first);
  CHECK(second);
  CHECK(dirty == 0);
}
#endif

// ---- allocation-free valid path -----------------------------------------------------------------

namespace {

// Warms a validator on `instance`, then counts allocations of further is_valid_text calls.
size_t warm_allocations(const std::string& schema, const std::string& instance) {
  jsonsieve::Validator v(compiled(schema));
  for (int i = 0; i < 3; ++i) REQUIRE(v.is_valid_text(instance));
  bool valid = true;
  size_t n = allocations_during([&] {
    for (int i = 0; i < 10; ++i) valid = v.is_valid_text(instance) && valid;
  });
  CHECK(valid);
  return n;
}

const char* kPayment = R"({
  "type": "object",
  "required": ["id", "amount", "currency", "lines"],
  "properties": {
    "id": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{6}$", "minLength": 8, "maxLength": 8},
    "amount": {"type": "number", "multipleOf": 0.01, "exclusiveMinimum": 0},
    "currency": {"enum": ["EUR", "USD", "GBP"]},
    "iban": {"$ref": "#/$defs/iban"},
    "meta": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
    "lines": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/line"}}
  },
  "additionalProperties": false,
  "$defs": {
    "iban": {"type": "string", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$"},
    "line": {"type": "object", "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1}},
             "required": ["sku"], "anyOf": [{"required": ["qty"]}, {"properties": {"sku": {"const": "FREE"}}}]}
  }
})";
const char* kPaymentInstance = R"({"id": "AB123456", "amount": 19.99, "currency": "EUR",
  "iban": "DE89370400440532013000", "meta": {"note": "x", "ref": null},
  "lines": [{"sku": "A", "qty": 2}, {"sku": "FREE"}, {"sku": "B", "qty": 1}]})";

}  // namespace

TEST_CASE("limits: the warm valid path of is_valid_text allocates nothing", "[limits][alloc]") {
  // Counts operator new only: RapidJSON's CrtAllocator calls malloc directly. (Regression: the
  // parser's stacks used to be created, with their allocators, on every call.)
  // Sanity check of the counter itself.
  CHECK(allocations_during([] { ::operator delete(::operator new(16)); }) == 1);
  CHECK(warm_allocations(kPayment, kPaymentInstance) == 0);
  CHECK(warm_allocations(R"({"type": "array", "items": {"type": "integer"}, "contains": {"const": 3}})",
                         "[1, 2, 3, 4]") == 0);
  CHECK(warm_allocations(R"({"if": {"type": "string"}, "then": {"format": "email"}, "else": {"not": {"type": "null"}}})",
                         "\"a@b.c\"") == 0);
  CHECK(warm_allocations(R"({"uniqueItems": true})", "[1, 2, 3]") == 0);
  // A bigger instance than the validator's first buffer: after warming, still nothing. (Under
  // quarantine, so a use-after-free like the one above could not corrupt the test runner.)
  std::string big = "[";
  for (int i = 0; i < 20000; ++i) big += "{\"sku\": \"S" + std::to_string(i) + "\", \"qty\": 1},";
  big += "{\"sku\": \"FREE\"}]";
  Quarantine quarantine;
  CHECK(warm_allocations(R"({"items": {"properties": {"sku": {"type": "string"}}, "required": ["sku"]}})", big) == 0);
}

TEST_CASE("limits: warm is_valid_text allocates nothing with uniqueItems over 8 items",
          "[limits][alloc]") {
  // UniqueItems::evaluate used to build a std::vector of hashes on every call for arrays of more
  // than 8 items (now a per-thread buffer grown to the peak).
  CHECK(warm_allocations(R"({"uniqueItems": true})", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]") == 0);
}

TEST_CASE("limits: warm is_valid_text allocates nothing with unevaluatedProperties/Items",
          "[limits][alloc]") {
  // The evaluated-members trackers are kept by the Context across calls, with their capacity.
  CHECK(warm_allocations(R"({"properties": {"a": true}, "unevaluatedProperties": false})", R"({"a": 1})") == 0);
  CHECK(warm_allocations(R"({"prefixItems": [true], "unevaluatedItems": false})", "[1]") == 0);
  // Nested and in-place trackers ($ref, allOf, anyOf) too.
  CHECK(warm_allocations(R"({"allOf": [{"properties": {"a": true}}], "anyOf": [{"$ref": "#/$defs/b"}],
                             "$defs": {"b": {"properties": {"b": {"unevaluatedItems": false, "prefixItems": [true]}}}},
                             "unevaluatedProperties": false})", R"({"a": 1, "b": [2]})") == 0);
}

TEST_CASE("limits: warm is_valid on a parsed document allocates nothing", "[limits][alloc]") {
  CHECK(allocations_during([] { ::operator delete(::operator new(16)); }) == 1);  // the counter works
  jsonsieve::Validator v(compiled(kPayment));
  rapidjson::Document doc;
  doc.Parse(kPaymentInstance);
  REQUIRE(v.is_valid(doc));
  bool valid = true;
  size_t n = allocations_during([&] {
    for (int i = 0; i < 10; ++i) valid = v.is_valid(doc) && valid;
  });
  CHECK(valid);
  CHECK(n == 0);
}
