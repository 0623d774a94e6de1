// jsonsieve — JSON Schema validation engine (public C++ API).
//
// A schema is compiled once into an immutable `Schema` (a program of rules); instances are then
// validated against it any number of times, from any number of threads. Nothing here throws:
// failures come back as values (`CompileResult::error`, `ParseError`, `ValidationResult`).
//
//   jsonsieve::CompileOptions options;                     // 2020-12, formats annotate
//   jsonsieve::CompileResult compiled = jsonsieve::compile(schema_json_text, options);
//   if (!compiled.ok()) { report(compiled.error.message, compiled.error.schema_location); }
//   jsonsieve::Validator validator(*compiled.schema);      // per-thread scratch state, reusable
//   jsonsieve::ValidationResult result = validator.validate_text(instance_json_text);
//
// Locations are JSON Pointers (RFC 6901). Strings are UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>

namespace jsonsieve {

// The JSON value type the engine reads. Documents from any RapidJSON parse can be validated.
using Json = rapidjson::Value;

enum class Dialect : uint8_t { Draft2020_12, Draft2019_09, Draft07, Draft06, Draft04 };
// Parses "2020-12", "2019-09", "draft-07"/"draft7", "draft-06"/"draft6", "draft-04"/"draft4".
bool parse_dialect(std::string_view name, Dialect* out);
const char* dialect_name(Dialect dialect);  // "2020-12", "2019-09", "draft-07", ...

// How `format` behaves: as an annotation only (the 2020-12 default) or as an assertion.
enum class FormatMode : uint8_t { Annotate, Assert };

// The spec's output formats (JSON Schema 2020-12 Core §12.4). `Flag` answers valid/invalid only
// and stops at the first failure; `Basic` is a flat list; `Detailed` and `Verbose` are trees.
enum class OutputFormat : uint8_t { Flag, Basic, Detailed, Verbose };
bool parse_output_format(std::string_view name, OutputFormat* out);

// Budgets that turn hostile input into a clear error instead of a crash or a hang.
struct Limits {
  uint32_t max_data_depth = 1000;       // nesting of arrays/objects in parsed instances
  uint32_t max_schema_depth = 1000;     // nesting of subschemas inside a schema document
  uint32_t max_evaluation_depth = 2000; // nested subschema evaluations (e.g. $ref recursion)
  size_t max_input_bytes = size_t(1) << 30;  // JSON text accepted by the parse/validate calls
  size_t max_regex_memory = 8u << 20;   // RE2 program budget per pattern
  uint32_t max_errors = 0;              // stop collecting after this many errors (0 = all)
};

// Known schemas by URI: the only source of remote `$ref`s (nothing is ever fetched).
// Values are JSON texts. URIs are absolute, without fragment (a trailing '#' is ignored).
using Registry = std::map<std::string, std::string>;

struct CompileOptions {
  Dialect default_dialect = Dialect::Draft2020_12;  // for schemas without `$schema`
  FormatMode formats = FormatMode::Annotate;
  bool validate_schema = true;        // check the schema against its meta-schema at compile time
  const Registry* registry = nullptr; // borrowed for the duration of compile() only
  std::string base_uri;               // retrieval URI of the root schema ("" = none)
  Limits limits;
};

// Where a JSON text went wrong (schema text or instance text). Lines and columns are 1-based;
// columns count bytes; offset is 0-based in bytes.
struct ParseError {
  std::string message;
  size_t offset = 0;
  size_t line = 0;
  size_t column = 0;
};

// Why a schema did not compile.
struct SchemaError {
  std::string message;          // what is wrong, in words
  std::string schema_location;  // JSON Pointer into the schema document ("" = the root)
  std::string schema_uri;       // URI of the schema resource where it happened ("" if none)
  ParseError parse;             // set (line > 0) when the schema text is not valid JSON
};

class Schema;  // immutable compiled schema; shared, thread-safe to read

struct CompileResult {
  std::shared_ptr<const Schema> schema;  // null on failure
  SchemaError error;
  bool ok() const { return schema != nullptr; }
};

// Compile a schema from JSON text, or from an already parsed value (copied).
CompileResult compile(std::string_view schema_json, const CompileOptions& options = {});
CompileResult compile(const Json& schema, const CompileOptions& options = {});

// One output unit (2020-12 Core §12.4.2). `error` is set on failing units, `annotation_json`
// (serialized JSON) on annotating ones. `parent` is the index of the enclosing unit in
// ValidationResult::units (-1 for the root), so detailed/verbose trees are reconstructable.
struct OutputUnit {
  bool valid = true;
  int32_t parent = -1;
  std::string keyword;                   // "" for a whole-subschema unit
  std::string keyword_location;
  std::string absolute_keyword_location;  // canonical: URI of the enclosing `$id` resource + pointer
  // The same keyword as a pointer from the root of the document that holds it, as a URI
  // ("doc-uri#/$defs/a/$defs/b/title"): differs from absolute_keyword_location only inside a
  // nested `$id` resource. The form the suite's annotations/ tests name schema locations in.
  std::string schema_location;
  std::string instance_location;
  std::string error;                     // human message; "" when valid
  std::string annotation_json;           // "" when the unit carries no annotation
  // For validate_text: where the instance value starts (1-based; 0 when unknown).
  size_t line = 0;
  size_t column = 0;
};

struct ValidationResult {
  bool valid = true;
  // Failing keyword units (the basic format's errors): each with instanceLocation,
  // keywordLocation, absoluteKeywordLocation, keyword and a message.
  std::vector<OutputUnit> errors;
  // Detailed/Verbose (and Basic with annotations): every unit, in evaluation order.
  std::vector<OutputUnit> units;
  bool truncated = false;  // Limits::max_errors was reached
  // A problem that stopped validation itself (evaluation depth exceeded, input too large,
  // malformed instance text). `valid` is false when this is set.
  ParseError failure;
  bool failed() const { return !failure.message.empty(); }
};

// Serialize a result in one of the spec's output formats (JSON text).
std::string format_output(const ValidationResult& result, OutputFormat format);

// Validates instances against one schema. Holds reusable scratch memory (parse arena, stacks),
// so a Validator is cheap to reuse and not thread-safe: use one per thread.
class Validator {
 public:
  explicit Validator(std::shared_ptr<const Schema> schema);
  // With other limits than the schema was compiled with (data depth, evaluation depth, input
  // size, max_errors); the schema's own limits are used by the constructor above.
  Validator(std::shared_ptr<const Schema> schema, const Limits& limits);
  ~Validator();
  Validator(const Validator&) = delete;
  Validator& operator=(const Validator&) = delete;

  // Fast path: valid/invalid only, stops at the first failure. Allocates nothing on the valid
  // path once warm. A malformed instance or exceeded limit answers false (see last_failure()).
  bool is_valid(const Json& instance);
  bool is_valid_text(std::string_view json_text);

  // Full results. `format` chooses how much is collected: Flag (verdict only), Basic (errors),
  // Detailed/Verbose (all units with annotations).
  // `annotations` also collects annotation units (always on for Detailed/Verbose).
  ValidationResult validate(const Json& instance, OutputFormat format = OutputFormat::Basic,
                            bool annotations = false);
  // Parses in place of JSON.parse; on malformed text `failure` holds the ParseError and
  // `valid` is false. Errors also carry the line/column of the offending value.
  ValidationResult validate_text(std::string_view json_text,
                                 OutputFormat format = OutputFormat::Basic,
                                 bool annotations = false);
  // is_valid_text first; only when the instance fails is it evaluated again, on the same
  // parsed document, for validate_text's full result in *result. Returns true (and leaves
  // *result alone) when valid. Batches of mostly valid records pay one parse per record.
  bool check_text(std::string_view json_text, ValidationResult* result,
                  OutputFormat format = OutputFormat::Basic, bool annotations = false);

  const ParseError& last_failure() const;
  const Schema& schema() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Parse JSON text with the engine's rules (depth and size limits, UTF-8 validated, full-precision
// numbers). Returns false and fills *error on failure. `doc` owns the memory.
bool parse_json(std::string_view text, rapidjson::Document* doc, ParseError* error,
                const Limits& limits = {});

}  // namespace jsonsieve
