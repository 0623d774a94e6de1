// Lookup over the generated table in embedded_metaschemas.cc. Seventeen entries: a linear
// scan is as fast as anything cleverer and needs no static initialization.
#include "schema/metaschemas.h"

namespace jsonsieve::schema {

const EmbeddedSchema* find_embedded_schema(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  for (const EmbeddedSchema* it = embedded_schemas_begin(); it != embedded_schemas_end(); ++it) {
    if (it->uri == uri) return it;
  }
  return nullptr;
}

}  // namespace jsonsieve::schema
