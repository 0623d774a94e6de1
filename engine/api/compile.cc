// Public entry points: compile, parse_json, dialect and output-format names.
#include "json/parse.h"
#include "json/value.h"
#include "schema/compiler.h"

namespace jsonsieve {

bool parse_dialect(std::string_view name, Dialect* out) {
  struct Row { std::string_view name; Dialect dialect; };
  static const Row rows[] = {
      {"2020-12", Dialect::Draft2020_12}, {"draft2020-12", Dialect::Draft2020_12},
      {"2019-09", Dialect::Draft2019_09}, {"draft2019-09", Dialect::Draft2019_09},
      {"draft-07", Dialect::Draft07}, {"draft7", Dialect::Draft07},
      {"draft-06", Dialect::Draft06}, {"draft6", Dialect::Draft06},
      {"draft-04", Dialect::Draft04}, {"draft4", Dialect::Draft04},
  };
  for (const Row& row : rows) {
    if (row.name == name) { *out = row.dialect; return true; }
  }
  return false;
}

const char* dialect_name(Dialect dialect) {
  switch (dialect) {
    case Dialect::Draft2020_12: return "2020-12";
    case Dialect::Draft2019_09: return "2019-09";
    case Dialect::Draft07: return "draft-07";
    case Dialect::Draft06: return "draft-06";
    case Dialect::Draft04: return "draft-04";
  }
  return "";
}

bool parse_output_format(std::string_view name, OutputFormat* out) {
  if (name == "flag") *out = OutputFormat::Flag;
  else if (name == "basic") *out = OutputFormat::Basic;
  else if (name == "detailed") *out = OutputFormat::Detailed;
  else if (name == "verbose") *out = OutputFormat::Verbose;
  else return false;
  return true;
}

bool parse_json(std::string_view text, rapidjson::Document* doc, ParseError* error, const Limits& limits) {
  return json::parse(text, doc, error, limits);
}

CompileResult compile(std::string_view schema_json, const CompileOptions& options) {
  auto doc = std::make_unique<rapidjson::Document>();
  ParseError error;
  Limits limits = options.limits;
  limits.max_data_depth = limits.max_schema_depth;
  if (!json::parse(schema_json, doc.get(), &error, limits)) {
    CompileResult result;
    result.error.message = "the schema is not valid JSON: " + error.message;
    result.error.schema_uri = options.base_uri;
    result.error.parse = error;
    return result;
  }
  return schema::compile_document(std::move(doc), options);
}

CompileResult compile(const Json& schema_value, const CompileOptions& options) {
  // RapidJSON's CopyFrom recurses: check the caller's value first (iteratively), as parsing
  // checks schema text.
  const size_t limit = options.limits.max_schema_depth;
  if (json::depth(schema_value, limit) > limit) {
    CompileResult result;
    result.error.message = "the schema nests deeper than the limit of " + std::to_string(limit) +
                           " (max_schema_depth)";
    result.error.schema_uri = options.base_uri;
    return result;
  }
  auto doc = std::make_unique<rapidjson::Document>();
  doc->CopyFrom(schema_value, doc->GetAllocator());
  return schema::compile_document(std::move(doc), options);
}

}  // namespace jsonsieve
