// The official meta-schemas of every supported dialect, compiled into the binary so that the
// engine resolves "$schema" and meta-schema "$ref"s without any fetch.
//
// Embedded set (19 documents):
//   2020-12  https://json-schema.org/draft/2020-12/schema and its meta/ vocabularies core,
//            applicator, unevaluated, validation, meta-data, format-annotation,
//            format-assertion, content
//   2019-09  https://json-schema.org/draft/2019-09/schema and meta/ core, applicator,
//            validation, meta-data, format, content
//   draft-07 http://json-schema.org/draft-07/schema
//   draft-06 http://json-schema.org/draft-06/schema
//   draft-04 http://json-schema.org/draft-04/schema
//
// The texts live in engine/schema/metaschemas/json/ (origin and licence in the README there);
// embedded_metaschemas.cc is generated from them by scripts/gen_metaschemas.mjs.
#pragma once

#include <string_view>

namespace jsonsieve::schema {

// One embedded meta-schema. Both views point into static storage: valid for the whole
// program, never freed, never null-terminated by contract (use the size).
struct EmbeddedSchema {
  // Canonical URI: the document's own "$id" (draft-04: "id") without a trailing empty
  // fragment, e.g. "http://json-schema.org/draft-07/schema" (not "...schema#").
  std::string_view uri;
  // The official JSON text, UTF-8, with insignificant whitespace removed; keys keep their
  // published order. Parse it like any schema document.
  std::string_view json_text;
};

// All embedded meta-schemas as a contiguous array [begin, end), in a fixed but unspecified
// order (each dialect's documents are adjacent). Neither pointer is null.
const EmbeddedSchema* embedded_schemas_begin();
const EmbeddedSchema* embedded_schemas_end();

// The embedded meta-schema whose canonical URI is `uri`, or nullptr if none is.
// One trailing '#' (an empty fragment) is ignored, so "http://json-schema.org/draft-07/schema#"
// and "http://json-schema.org/draft-07/schema" find the same entry. The match is otherwise
// exact: no other normalization (scheme, case, "http" vs "https") is applied, and a non-empty
// fragment ("...schema#/definitions/x") finds nothing; strip it with the URI helpers first.
const EmbeddedSchema* find_embedded_schema(std::string_view uri);

}  // namespace jsonsieve::schema
