// JSON Pointer (RFC 6901) tokens and their URI-fragment form (RFC 3986 §3.5).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::json {

// Appends "/" + token with '~' → "~0" and '/' → "~1".
void append_pointer_token(std::string* pointer, std::string_view token);
void append_pointer_index(std::string* pointer, size_t index);

// Splits a pointer into unescaped tokens; false if malformed (no leading '/', bad '~' escape).
bool split_pointer(std::string_view pointer, std::vector<std::string>* tokens);

// Member lookup by name that indexes big objects on first use: RapidJSON's FindMember is a
// linear scan, so resolving n pointers into one object of n members ("#/$defs/d0" … "#/$defs/dN")
// would cost O(n²). The indexed values must outlive the index. First member wins on duplicate
// names, as with FindMember.
class MemberIndex {
 public:
  const Json* find(const Json& object, std::string_view name);

 private:
  static constexpr rapidjson::SizeType kIndexFrom = 16;  // smaller objects: scan
  std::unordered_map<const Json*, std::unordered_map<std::string_view, const Json*>> maps_;
};

// Resolves a pointer against a value; nullptr if any token does not exist. Lookups go through
// `index` when given (callers resolving many pointers into one document).
const Json* resolve_pointer(const Json& root, std::string_view pointer, MemberIndex* index = nullptr);

// Percent-encodes what may not appear literally in a URI fragment.
std::string encode_uri_fragment(std::string_view pointer);
// Decodes %XX escapes; false on a malformed escape.
bool percent_decode(std::string_view in, std::string* out);

}  // namespace jsonsieve::json
