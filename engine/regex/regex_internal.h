// Glue between the parser, the translation and Pattern. Internal to engine/regex.
#ifndef JSONSIEVE_REGEX_REGEX_INTERNAL_H_
#define JSONSIEVE_REGEX_REGEX_INTERNAL_H_

#include <string>
#include <string_view>

#include "regex/ecma_ast.h"
#include "regex/pattern.h"

namespace jsonsieve::regex {

// "pattern \"<pattern, quoted and cut>\": <detail>"
std::string format_message(std::string_view pattern, const std::string& detail);

// Parses; on failure fills *error (kind kSyntax) if non-null.
bool parse_ecma(std::string_view ecma, ecma::Ast* ast, RegexError* error);

// Translates a parsed pattern; on failure fills *error (kind kUnsupported) if non-null.
bool translate_ast(std::string_view ecma, const ecma::Ast& ast, std::string* re2_out,
                   RegexError* error);

}  // namespace jsonsieve::regex

#endif  // JSONSIEVE_REGEX_REGEX_INTERNAL_H_
