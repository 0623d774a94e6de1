// JSON Pointer (RFC 6901) tokens and their URI-fragment form (RFC 3986 §3.5).
#pragma once

#include <string>
#include <string_view>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::json {

// Appends "/" + token with '~' → "~0" and '/' → "~1".
void append_pointer_token(std::string* pointer, std::string_view token);
void append_pointer_index(std::string* pointer, size_t index);

// Splits a pointer into unescaped tokens; false if malformed (no leading '/', bad '~' escape).
bool split_pointer(std::string_view pointer, std::vector<std::string>* tokens);

// Resolves a pointer against a value; nullptr if any token does not exist.
const Json* resolve_pointer(const Json& root, std::string_view pointer);

// Percent-encodes what may not appear literally in a URI fragment.
std::string encode_uri_fragment(std::string_view pointer);
// Decodes %XX escapes; false on a malformed escape.
bool percent_decode(std::string_view in, std::string* out);

}  // namespace jsonsieve::json
