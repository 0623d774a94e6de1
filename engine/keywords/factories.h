// Compile functions of every keyword, one per keyword file, listed in schema/dialects.cc.
#pragma once

#include <memory>

#include "schema/compiler.h"
#include "schema/context.h"
#include "schema/program.h"

namespace jsonsieve::keywords {

using schema::Keyword;
using schema::KeywordCompiler;
using Compiled = std::unique_ptr<Keyword>;

// core
Compiled compile_ref(KeywordCompiler&);
Compiled compile_dynamic_ref(KeywordCompiler&);
Compiled compile_recursive_ref(KeywordCompiler&);
// applicator
Compiled compile_all_of(KeywordCompiler&);
Compiled compile_any_of(KeywordCompiler&);
Compiled compile_one_of(KeywordCompiler&);
Compiled compile_not(KeywordCompiler&);
Compiled compile_if(KeywordCompiler&);
Compiled compile_dependent_schemas(KeywordCompiler&);
Compiled compile_dependencies(KeywordCompiler&);
Compiled compile_prefix_items(KeywordCompiler&);
Compiled compile_items(KeywordCompiler&);
Compiled compile_additional_items(KeywordCompiler&);
Compiled compile_contains(KeywordCompiler&);
Compiled compile_properties(KeywordCompiler&);
Compiled compile_pattern_properties(KeywordCompiler&);
Compiled compile_additional_properties(KeywordCompiler&);
Compiled compile_property_names(KeywordCompiler&);
// unevaluated
Compiled compile_unevaluated_items(KeywordCompiler&);
Compiled compile_unevaluated_properties(KeywordCompiler&);
// validation
Compiled compile_type(KeywordCompiler&);
Compiled compile_enum(KeywordCompiler&);
Compiled compile_const(KeywordCompiler&);
Compiled compile_multiple_of(KeywordCompiler&);
Compiled compile_maximum(KeywordCompiler&);
Compiled compile_minimum(KeywordCompiler&);
Compiled compile_exclusive_maximum(KeywordCompiler&);
Compiled compile_exclusive_minimum(KeywordCompiler&);
Compiled compile_max_length(KeywordCompiler&);
Compiled compile_min_length(KeywordCompiler&);
Compiled compile_pattern(KeywordCompiler&);
Compiled compile_max_items(KeywordCompiler&);
Compiled compile_min_items(KeywordCompiler&);
Compiled compile_unique_items(KeywordCompiler&);
Compiled compile_max_properties(KeywordCompiler&);
Compiled compile_min_properties(KeywordCompiler&);
Compiled compile_required(KeywordCompiler&);
Compiled compile_dependent_required(KeywordCompiler&);
// format, meta-data, content
Compiled compile_format(KeywordCompiler&);
Compiled compile_annotation(KeywordCompiler&);
Compiled compile_content_assertion(KeywordCompiler&);  // draft-07 only; else annotation
// An unknown keyword of a 2019-09+ schema: its value is an annotation.
Compiled make_unknown_keyword_annotation(std::string_view name, const Json& value,
                                         const std::string& node_location);

}  // namespace jsonsieve::keywords
