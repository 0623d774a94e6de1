#include "schema/dialects.h"

#include "keywords/factories.h"
#include "uri/uri.h"

namespace jsonsieve::schema {

using namespace jsonsieve::keywords;  // NOLINT: the table names every compile function

uint8_t dialect_bit(Dialect d) {
  switch (d) {
    case Dialect::Draft2020_12: return k2020;
    case Dialect::Draft2019_09: return k2019;
    case Dialect::Draft07: return k07;
    case Dialect::Draft06: return k06;
    case Dialect::Draft04: return k04;
  }
  return k2020;
}

const char* metaschema_uri(Dialect d) {
  switch (d) {
    case Dialect::Draft2020_12: return "https://json-schema.org/draft/2020-12/schema";
    case Dialect::Draft2019_09: return "https://json-schema.org/draft/2019-09/schema";
    case Dialect::Draft07: return "http://json-schema.org/draft-07/schema";
    case Dialect::Draft06: return "http://json-schema.org/draft-06/schema";
    case Dialect::Draft04: return "http://json-schema.org/draft-04/schema";
  }
  return "";
}

bool dialect_from_metaschema(std::string_view text, Dialect* out) {
  std::string normalized = uri::normalize(text);
  for (Dialect d : {Dialect::Draft2020_12, Dialect::Draft2019_09, Dialect::Draft07,
                    Dialect::Draft06, Dialect::Draft04}) {
    if (normalized == metaschema_uri(d)) { *out = d; return true; }
  }
  return false;
}

uint16_t vocabulary_from_uri(std::string_view uri_text) {
  struct Row { std::string_view uri; uint16_t bit; };
  static const Row rows[] = {
      {"https://json-schema.org/draft/2020-12/vocab/core", kCore},
      {"https://json-schema.org/draft/2020-12/vocab/applicator", kApplicator},
      {"https://json-schema.org/draft/2020-12/vocab/unevaluated", kUnevaluated},
      {"https://json-schema.org/draft/2020-12/vocab/validation", kValidation},
      {"https://json-schema.org/draft/2020-12/vocab/meta-data", kMetaData},
      {"https://json-schema.org/draft/2020-12/vocab/format-annotation", kFormatAnnotation},
      {"https://json-schema.org/draft/2020-12/vocab/format-assertion", kFormatAssertion},
      {"https://json-schema.org/draft/2020-12/vocab/content", kContent},
      {"https://json-schema.org/draft/2019-09/vocab/core", kCore},
      {"https://json-schema.org/draft/2019-09/vocab/applicator", kApplicator | kUnevaluated},
      {"https://json-schema.org/draft/2019-09/vocab/validation", kValidation},
      {"https://json-schema.org/draft/2019-09/vocab/meta-data", kMetaData},
      {"https://json-schema.org/draft/2019-09/vocab/format", kFormatAnnotation},
      {"https://json-schema.org/draft/2019-09/vocab/content", kContent},
  };
  for (const Row& row : rows) if (row.uri == uri_text) return row.bit;
  return 0;
}

namespace {

using S = Subschemas;

// The one table of keywords. Order does not matter; `last` rows run after their siblings.
const KeywordSpec kKeywords[] = {
    // core
    {"$ref", kAllDialects, kCore, S::None, compile_ref},
    {"$dynamicRef", k2020, kCore, S::None, compile_dynamic_ref},
    {"$recursiveRef", k2019, kCore, S::None, compile_recursive_ref},
    {"$defs", k2019Up, kCore, S::Map, nullptr},
    {"definitions", kUpTo07, kCore, S::Map, nullptr},
    // applicator
    {"allOf", kAllDialects, kApplicator, S::Array, compile_all_of},
    {"anyOf", kAllDialects, kApplicator, S::Array, compile_any_of},
    {"oneOf", kAllDialects, kApplicator, S::Array, compile_one_of},
    {"not", kAllDialects, kApplicator, S::One, compile_not},
    {"if", k07Up, kApplicator, S::One, compile_if},
    {"then", k07Up, kApplicator, S::One, nullptr},
    {"else", k07Up, kApplicator, S::One, nullptr},
    {"dependentSchemas", k2019Up, kApplicator, S::Map, compile_dependent_schemas},
    {"dependencies", kAllDialects, kApplicator, S::MapOrStrings, compile_dependencies},  // 2019+: compatibility
    {"prefixItems", k2020, kApplicator, S::Array, compile_prefix_items},
    {"items", k2020, kApplicator, S::One, compile_items},
    {"items", k2019 | kUpTo07, kApplicator, S::OneOrArray, compile_items},
    {"additionalItems", k2019 | kUpTo07, kApplicator, S::One, compile_additional_items},
    {"contains", k06Up, kApplicator, S::One, compile_contains},
    {"properties", kAllDialects, kApplicator, S::Map, compile_properties},
    {"patternProperties", kAllDialects, kApplicator, S::Map, compile_pattern_properties},
    {"additionalProperties", kAllDialects, kApplicator, S::One, compile_additional_properties},
    {"propertyNames", k06Up, kApplicator, S::One, compile_property_names},
    // unevaluated
    {"unevaluatedItems", k2019Up, kUnevaluated, S::One, compile_unevaluated_items, true},
    {"unevaluatedProperties", k2019Up, kUnevaluated, S::One, compile_unevaluated_properties, true},
    // validation
    {"type", kAllDialects, kValidation, S::None, compile_type},
    {"enum", kAllDialects, kValidation, S::None, compile_enum},
    {"const", k06Up, kValidation, S::None, compile_const},
    {"multipleOf", kAllDialects, kValidation, S::None, compile_multiple_of},
    {"maximum", kAllDialects, kValidation, S::None, compile_maximum},
    {"minimum", kAllDialects, kValidation, S::None, compile_minimum},
    {"exclusiveMaximum", kAllDialects, kValidation, S::None, compile_exclusive_maximum},
    {"exclusiveMinimum", kAllDialects, kValidation, S::None, compile_exclusive_minimum},
    {"maxLength", kAllDialects, kValidation, S::None, compile_max_length},
    {"minLength", kAllDialects, kValidation, S::None, compile_min_length},
    {"pattern", kAllDialects, kValidation, S::None, compile_pattern},
    {"maxItems", kAllDialects, kValidation, S::None, compile_max_items},
    {"minItems", kAllDialects, kValidation, S::None, compile_min_items},
    {"uniqueItems", kAllDialects, kValidation, S::None, compile_unique_items},
    {"maxContains", k2019Up, kValidation, S::None, nullptr},  // read by contains
    {"minContains", k2019Up, kValidation, S::None, nullptr},  // read by contains
    {"maxProperties", kAllDialects, kValidation, S::None, compile_max_properties},
    {"minProperties", kAllDialects, kValidation, S::None, compile_min_properties},
    {"required", kAllDialects, kValidation, S::None, compile_required},
    {"dependentRequired", k2019Up, kValidation, S::None, compile_dependent_required},
    // format
    {"format", kAllDialects, kFormatAnnotation | kFormatAssertion, S::None, compile_format},
    // meta-data and content: annotations
    {"title", kAllDialects, kMetaData, S::None, compile_annotation},
    {"description", kAllDialects, kMetaData, S::None, compile_annotation},
    {"default", kAllDialects, kMetaData, S::None, compile_annotation},
    {"examples", k06Up, kMetaData, S::None, compile_annotation},
    {"readOnly", k07Up, kMetaData, S::None, compile_annotation},
    {"writeOnly", k07Up, kMetaData, S::None, compile_annotation},
    {"deprecated", k2019Up, kMetaData, S::None, compile_annotation},
    {"contentMediaType", k07Up, kContent, S::None, compile_content_assertion},
    {"contentEncoding", k07Up, kContent, S::None, compile_content_assertion},
    {"contentSchema", k2019Up, kContent, S::One, compile_annotation},
};

}  // namespace

const KeywordSpec* find_keyword(std::string_view name, Dialect dialect) {
  const uint8_t bit = dialect_bit(dialect);
  for (const KeywordSpec& spec : kKeywords) {
    if ((spec.dialects & bit) && spec.name == name) return &spec;
  }
  return nullptr;
}

}  // namespace jsonsieve::schema
