// The wasm module's surface: the only file of jsonsieve that includes Emscripten.
//
// Calling convention (see bindings/js/engine.js, the only JS that calls these):
// - Text goes in as (pointer, length) of UTF-8 in a heap buffer the JS side malloc'd and reuses;
//   no embind std::string on any hot path.
// - A compiled schema is an integer handle (a heap pointer to a Compiled); 0 means "failed".
// - Every call answers with a small integer. Details exist only when something failed (or when
//   the caller asked for a spec output unit): they are one JSON text, written with RapidJSON, left
//   in a module-wide buffer that JS reads through details_pointer()/details_length() and parses.
#include <emscripten/bind.h>
#include <malloc.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "jsonsieve/jsonsieve.h"
#include "jsonsieve/ndjson.h"

namespace {

using jsonsieve::OutputFormat;
using jsonsieve::OutputUnit;
using jsonsieve::ParseError;
using jsonsieve::ValidationResult;
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Results of the validation calls.
enum Verdict : int { kInvalid = 0, kValid = 1, kMalformed = -1 };
// `output` argument: no spec output unit wanted.
constexpr int kNoOutput = -1;

// The last call's details (JSON text). Kept between calls so warm calls do not allocate; large
// ones are released by clear_details() so the heap returns to its resting size.
rapidjson::StringBuffer g_details;
jsonsieve::Registry g_registry;
std::vector<jsonsieve::LineVerdict> g_verdicts;

std::string_view text_at(uintptr_t pointer, size_t length) {
  return std::string_view(reinterpret_cast<const char*>(pointer), length);
}

void key_string(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void key_uint(Writer& w, const char* key, size_t value) {
  w.Key(key);
  w.Uint64(value);
}

// {"message","line","column","offset"}: members of a JSON syntax error.
void write_parse_error_members(Writer& w, const ParseError& e) {
  key_string(w, "message", e.message);
  key_uint(w, "line", e.line);
  key_uint(w, "column", e.column);
  key_uint(w, "offset", e.offset);
}

// "errors": the basic format's failing keyword units; a failure that stopped validation itself
// (evaluation depth) becomes one error at the root with an empty keyword.
void write_errors(Writer& w, const ValidationResult& r, bool locate) {
  w.Key("errors");
  w.StartArray();
  for (const OutputUnit& u : r.errors) {
    w.StartObject();
    key_string(w, "instanceLocation", u.instance_location);
    key_string(w, "keywordLocation", u.keyword_location);
    key_string(w, "absoluteKeywordLocation", u.absolute_keyword_location);
    key_string(w, "keyword", u.keyword);
    key_string(w, "message", u.error);
    if (locate && u.line > 0) {
      key_uint(w, "line", u.line);
      key_uint(w, "column", u.column);
    }
    w.EndObject();
  }
  if (r.failed()) {
    w.StartObject();
    key_string(w, "instanceLocation", "");
    key_string(w, "keywordLocation", "");
    key_string(w, "absoluteKeywordLocation", "");
    key_string(w, "keyword", "");
    key_string(w, "message", r.failure.message);
    w.EndObject();
  }
  w.EndArray();
  w.Key("truncated");
  w.Bool(r.truncated);
}

void write_output(Writer& w, const ValidationResult& r, int output) {
  if (output == kNoOutput) return;
  std::string text = jsonsieve::format_output(r, static_cast<OutputFormat>(output));
  w.Key("output");
  w.RawValue(text.data(), text.size(), rapidjson::kObjectType);
}

bool collects_annotations(int output) {
  return output != kNoOutput && static_cast<OutputFormat>(output) != OutputFormat::Flag;
}

// A compiled schema and the validator (scratch memory) used for it. Single-threaded module, so
// one validator per schema is enough.
struct Compiled {
  explicit Compiled(std::shared_ptr<const jsonsieve::Schema> s) : validator(std::move(s)) {}
  jsonsieve::Validator validator;
};

Compiled* handle(uintptr_t h) { return reinterpret_cast<Compiled*>(h); }

// --- registry (filled before compile(), emptied after) ---------------------------------------

void registry_add(uintptr_t uri, size_t uri_length, uintptr_t text, size_t text_length) {
  g_registry[std::string(text_at(uri, uri_length))] = std::string(text_at(text, text_length));
}

void registry_clear() { jsonsieve::Registry().swap(g_registry); }

// --- compile ------------------------------------------------------------------------------------

// dialect: jsonsieve::Dialect value; formats: FormatMode value; max_errors: Limits::max_errors;
// base URI: retrieval URI of the schema ("" = none). Returns a handle, or 0 with details
// {"message","schemaLocation","schemaUri"[,"line","column","offset"]}.
uintptr_t compile(uintptr_t text, size_t length, int dialect, int formats, unsigned max_errors,
                  uintptr_t base_uri, size_t base_uri_length) {
  jsonsieve::CompileOptions options;
  options.base_uri = std::string(text_at(base_uri, base_uri_length));
  options.default_dialect = static_cast<jsonsieve::Dialect>(dialect);
  options.formats = static_cast<jsonsieve::FormatMode>(formats);
  options.limits.max_errors = max_errors;
  options.registry = g_registry.empty() ? nullptr : &g_registry;
  jsonsieve::CompileResult result = jsonsieve::compile(text_at(text, length), options);
  g_details.Clear();
  if (result.ok()) return reinterpret_cast<uintptr_t>(new Compiled(std::move(result.schema)));
  Writer w(g_details);
  w.StartObject();
  key_string(w, "message", result.error.message);
  key_string(w, "schemaLocation", result.error.schema_location);
  key_string(w, "schemaUri", result.error.schema_uri);
  if (result.error.parse.line > 0) {
    key_uint(w, "line", result.error.parse.line);
    key_uint(w, "column", result.error.parse.column);
    key_uint(w, "offset", result.error.parse.offset);
  }
  w.EndObject();
  return 0;
}

void destroy(uintptr_t h) { delete handle(h); }

// --- validation -------------------------------------------------------------------------------

// Fast path: 1 valid, 0 invalid, -1 malformed (details: the syntax error). No details otherwise.
int is_valid(uintptr_t h, uintptr_t text, size_t length) {
  jsonsieve::Validator& v = handle(h)->validator;
  if (v.is_valid_text(text_at(text, length))) return kValid;
  // A parse failure is located; an evaluation failure (depth) is not. The fields outlive the
  // call that set them, so the message says whether this call failed at all.
  const ParseError& failure = v.last_failure();
  if (failure.message.empty() || failure.line == 0) return kInvalid;
  g_details.Clear();
  Writer w(g_details);
  w.StartObject();
  write_parse_error_members(w, failure);
  w.EndObject();
  return kMalformed;
}

// Full result. Without an output format the valid path is the fast path and writes nothing;
// invalid instances get {"errors":[...],"truncated":b}; with `output` (an OutputFormat value),
// every call gets {"errors":[...],"truncated":b,"output":{...}} from the one engine result.
// `locate` adds line/column (of the instance text) to each error. Malformed: as is_valid().
int validate(uintptr_t h, uintptr_t text, size_t length, int output, bool locate) {
  jsonsieve::Validator& v = handle(h)->validator;
  std::string_view json = text_at(text, length);
  if (output == kNoOutput) {
    int fast = is_valid(h, text, length);
    if (fast != kInvalid) return fast;
  }
  ValidationResult r = output == kNoOutput
                           ? v.validate_text(json, OutputFormat::Basic, false)
                           : v.validate_text(json, static_cast<OutputFormat>(output), collects_annotations(output));
  g_details.Clear();
  Writer w(g_details);
  w.StartObject();
  if (r.failed() && r.failure.line > 0) {  // did not parse
    write_parse_error_members(w, r.failure);
    w.EndObject();
    return kMalformed;
  }
  write_errors(w, r, locate);
  write_output(w, r, output);
  w.EndObject();
  return r.valid ? kValid : kInvalid;
}

// One NDJSON batch (see jsonsieve/ndjson.h). Returns the number of failing records; details are
// always written: {"lines","total","valid","invalid","malformed","truncated","failures":[
//   {"line","offset","malformed":true,"message","column","errorOffset"} |
//   {"line","offset","malformed":false,"errors":[...],"truncated":b[,"output":{...}]} ]}.
// With `verdicts`, verdicts_pointer() then holds one byte (LineVerdict) per line of the batch.
int validate_ndjson(uintptr_t h, uintptr_t text, size_t length, double first_line, bool skip_bom,
                    int output, unsigned max_failures, bool verdicts) {
  jsonsieve::NdjsonOptions options;
  options.first_line = static_cast<size_t>(first_line);
  options.skip_bom = skip_bom;
  options.max_failures = max_failures;
  if (output != kNoOutput) {
    options.format = static_cast<OutputFormat>(output);
    options.annotations = collects_annotations(output);
  }
  options.verdicts = verdicts ? &g_verdicts : nullptr;
  jsonsieve::NdjsonReport report = jsonsieve::validate_ndjson(handle(h)->validator, text_at(text, length), options);
  g_details.Clear();
  Writer w(g_details);
  w.StartObject();
  key_uint(w, "lines", report.lines);
  key_uint(w, "total", report.total);
  key_uint(w, "valid", report.valid);
  key_uint(w, "invalid", report.invalid);
  key_uint(w, "malformed", report.malformed);
  w.Key("truncated");
  w.Bool(report.truncated);
  w.Key("failures");
  w.StartArray();
  for (const jsonsieve::NdjsonFailure& f : report.failures) {
    w.StartObject();
    key_uint(w, "line", f.line);
    key_uint(w, "offset", f.offset);
    w.Key("malformed");
    w.Bool(f.malformed);
    if (f.malformed) {
      key_string(w, "message", f.parse.message);
      key_uint(w, "column", f.parse.column);
      key_uint(w, "errorOffset", f.parse.offset);
    } else {
      write_errors(w, f.result, true);
      write_output(w, f.result, output);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return static_cast<int>(report.invalid + report.malformed);
}

// --- details and diagnostics ------------------------------------------------------------------

uintptr_t details_pointer() { return reinterpret_cast<uintptr_t>(g_details.GetString()); }
size_t details_length() { return g_details.GetSize(); }
uintptr_t verdicts_pointer() { return reinterpret_cast<uintptr_t>(g_verdicts.data()); }

// Drops the details (and, past 64 KiB, their memory), so an occasional huge report does not pin
// heap memory for the rest of the module's life.
void clear_details() {
  if (g_details.GetSize() > (64u << 10)) {
    g_details.Clear();
    g_details.ShrinkToFit();
  } else {
    g_details.Clear();
  }
  if (g_verdicts.capacity() > (64u << 10)) std::vector<jsonsieve::LineVerdict>().swap(g_verdicts);
}

// Bytes currently allocated by malloc (for the memory-flatness tests and diagnostics).
size_t heap_used() { return static_cast<size_t>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(jsonsieve) {
  using emscripten::function;
  function("registryAdd", &registry_add);
  function("registryClear", &registry_clear);
  function("compile", &compile);
  function("destroy", &destroy);
  function("isValid", &is_valid);
  function("validate", &validate);
  function("validateNdjson", &validate_ndjson);
  function("detailsPointer", &details_pointer);
  function("detailsLength", &details_length);
  function("verdictsPointer", &verdicts_pointer);
  function("clearDetails", &clear_details);
  function("heapUsed", &heap_used);
}
