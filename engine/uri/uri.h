// URI references (RFC 3986): parsing into components, resolution against a base (§5.2),
// dot-segment removal and the light normalization needed to compare schema identifiers.
#pragma once

#include <string>
#include <string_view>

namespace jsonsieve::uri {

struct Uri {
  std::string scheme, authority, path, query, fragment;
  bool has_scheme = false, has_authority = false, has_query = false, has_fragment = false;

  std::string str() const;            // recomposed (RFC 3986 §5.3)
  std::string without_fragment() const;
};

Uri parse(std::string_view text);
// Resolves `reference` against `base` (an absolute URI, or "" for none).
std::string resolve(std::string_view base, std::string_view reference);
// Splits "a#b" into "a" and "b" (fragment without '#'; has_fragment tells whether '#' occurred).
void split_fragment(std::string_view uri, std::string* without, std::string* fragment,
                    bool* has_fragment = nullptr);
// Lower-cases scheme and host and drops an empty trailing fragment, so equal ids compare equal.
std::string normalize(std::string_view uri);

}  // namespace jsonsieve::uri
