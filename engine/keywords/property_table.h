// Compile-time lookup of property names, shared by properties, additionalProperties and
// required: an open-addressing hash table built once.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "schema/compiler.h"
#include "schema/program.h"

namespace jsonsieve::keywords {

// Byte equality of two names of length n. Property names are short: two overlapping word loads
// instead of a memcmp call (the call was 7% of is_valid on the bench schema).
inline bool same_bytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    uint64_t a0, b0, a1, b1;
    std::memcpy(&a0, a, 8), std::memcpy(&b0, b, 8);
    std::memcpy(&a1, a + n - 8, 8), std::memcpy(&b1, b + n - 8, 8);
    return a0 == b0 && a1 == b1;
  }
  if (n >= 4) {
    uint32_t a0, b0, a1, b1;
    std::memcpy(&a0, a, 4), std::memcpy(&b0, b, 4);
    std::memcpy(&a1, a + n - 4, 4), std::memcpy(&b1, b + n - 4, 4);
    return a0 == b0 && a1 == b1;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Names → their position in the order added (and, for properties, their subschema).
class PropertyTable {
 public:
  void add(std::string name, const schema::Node* node = nullptr) {
    entries_.push_back({std::move(name), node, 0});
  }
  // Call once after the last add(). Every table is hashed: a probe costs about what one
  // length-and-bytes comparison does.
  void seal() {
    quick_ = entries_.size() <= kQuickLimit;
    size_t capacity = 8;
    shift_ = 29;
    while (capacity < entries_.size() * 2) capacity *= 2, --shift_;
    slots_.assign(capacity, -1);
    for (size_t i = 0; i < entries_.size(); ++i) {
      entries_[i].hash = hash(entries_[i].name.data(), entries_[i].name.size());
      size_t slot = entries_[i].hash >> shift_;
      while (slots_[slot] >= 0) slot = (slot + 1) & (capacity - 1);
      slots_[slot] = static_cast<int32_t>(i);
    }
  }
  // The position of the first entry named `name`, or -1.
  int32_t find_index(const char* name, size_t length) const {
    if (slots_.empty()) return -1;  // not sealed
    const uint32_t h = hash(name, length);
    const size_t mask = slots_.size() - 1;
    for (size_t slot = h >> shift_;; slot = (slot + 1) & mask) {
      int32_t i = slots_[slot];
      if (i < 0) return -1;
      const Entry& e = entries_[static_cast<size_t>(i)];
      if (e.hash == h && e.name.size() == length && same_bytes(e.name.data(), name, length)) return i;
    }
  }
  // The subschema for a property name, or nullptr.
  const schema::Node* find(const char* name, size_t length) const {
    int32_t i = find_index(name, length);
    return i < 0 ? nullptr : entries_[static_cast<size_t>(i)].node;
  }
  const schema::Node* node_at(int32_t i) const { return entries_[static_cast<size_t>(i)].node; }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    const schema::Node* node;
    uint32_t hash;
  };
  // Small tables (the usual case) hash a name by its length and first, middle and last bytes:
  // constant time, and those few names rarely collide. Big tables, which a hostile schema could
  // fill with such collisions, hash every byte (FNV-1a). Multiplicative: the top bits are used.
  static constexpr size_t kQuickLimit = 64;
  uint32_t hash(const char* s, size_t n) const {
    uint32_t h;
    if (quick_) {
      h = n == 0 ? 0
                 : static_cast<unsigned char>(s[0]) | static_cast<unsigned char>(s[n >> 1]) << 8 |
                       static_cast<unsigned char>(s[n - 1]) << 16;
      h ^= static_cast<uint32_t>(n) << 24;
    } else {
      h = 2166136261u;
      for (size_t i = 0; i < n; ++i) { h ^= static_cast<unsigned char>(s[i]); h *= 16777619u; }
    }
    return h * 0x9E3779B1u;
  }
  std::vector<Entry> entries_;
  std::vector<int32_t> slots_;
  bool quick_ = true;
  int shift_ = 29;  // slot = hash >> shift_ (32 - log2 of the slot count)
};

// Whether `properties` checks its sibling `required` in flag mode (see Properties in
// applicator/properties.cc): both keywords are active (their vocabularies are on) and every
// required name is among the first 64 properties. `c` compiles either keyword.
inline bool required_checked_by_properties(const schema::KeywordCompiler& c) {
  constexpr uint16_t kBoth = schema::kApplicator | schema::kValidation;
  if ((c.vocabularies() & kBoth) != kBoth) return false;
  const Json* properties = c.sibling("properties");
  const Json* required = c.sibling("required");
  if (properties == nullptr || required == nullptr || !properties->IsObject() || !required->IsArray()) return false;
  if (required->Size() > 64) return false;
  for (const Json& name : required->GetArray()) {
    if (!name.IsString()) return false;
    size_t position = 0;
    auto m = properties->MemberBegin();
    for (; m != properties->MemberEnd() && position < 64; ++m, ++position) {
      if (m->name == name) break;
    }
    if (m == properties->MemberEnd() || position == 64) return false;
  }
  return true;
}

}  // namespace jsonsieve::keywords
