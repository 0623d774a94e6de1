// Which keywords each dialect has, in one table (dialects.cc). A keyword row says in which
// dialects and vocabulary it exists, where its subschemas are (so the compiler can find `$id`s
// and anchors without understanding every keyword) and how to compile it.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::schema {

class Keyword;
class KeywordCompiler;

enum DialectBit : uint8_t { k2020 = 1, k2019 = 2, k07 = 4, k06 = 8, k04 = 16 };
inline constexpr uint8_t kAllDialects = k2020 | k2019 | k07 | k06 | k04;
inline constexpr uint8_t k06Up = k2020 | k2019 | k07 | k06;
inline constexpr uint8_t k07Up = k2020 | k2019 | k07;
inline constexpr uint8_t k2019Up = k2020 | k2019;
inline constexpr uint8_t kUpTo07 = k07 | k06 | k04;
uint8_t dialect_bit(Dialect d);

enum Vocabulary : uint16_t {
  kCore = 1, kApplicator = 2, kUnevaluated = 4, kValidation = 8, kMetaData = 16,
  kFormatAnnotation = 32, kFormatAssertion = 64, kContent = 128,
};
inline constexpr uint16_t kDefaultVocabularies = 0xFF & ~kFormatAssertion;

struct DialectInfo {
  Dialect dialect = Dialect::Draft2020_12;
  uint16_t vocabularies = kDefaultVocabularies;
};

// The URI of a dialect's meta-schema, and the dialect a meta-schema URI names (false if none).
const char* metaschema_uri(Dialect d);
bool dialect_from_metaschema(std::string_view uri, Dialect* out);
// Vocabulary bit of a vocabulary URI (0 if unknown).
uint16_t vocabulary_from_uri(std::string_view uri);

// Where a keyword's value holds subschemas.
enum class Subschemas : uint8_t {
  None,
  One,           // the value is a schema
  Map,           // an object whose member values are schemas
  Array,         // an array of schemas
  OneOrArray,    // draft ≤ 2019-09 `items`
  MapOrStrings,  // `dependencies`: member values are schemas or arrays of names
};

using KeywordFactory = std::unique_ptr<Keyword> (*)(KeywordCompiler&);

struct KeywordSpec {
  std::string_view name;
  uint8_t dialects;          // DialectBit mask
  uint16_t vocabulary;
  Subschemas subschemas;
  KeywordFactory compile;    // nullptr: nothing to check (annotations handled by the compiler)
  bool last = false;         // evaluated after all siblings (unevaluated*)
};

const KeywordSpec* find_keyword(std::string_view name, Dialect dialect);

}  // namespace jsonsieve::schema
