// Compile-time lookup of property names → subschemas, shared by properties and
// additionalProperties. Few names: a length-then-bytes scan; many: an open-addressing hash.
#pragma once

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "schema/program.h"

namespace jsonsieve::keywords {

class PropertyTable {
 public:
  void add(std::string name, const schema::Node* node) {
    entries_.push_back({std::move(name), node, 0});
  }
  // Call once after the last add().
  void seal() {
    for (Entry& e : entries_) e.hash = hash(e.name.data(), e.name.size());
    if (entries_.size() <= 8) return;
    size_t capacity = 16;
    while (capacity < entries_.size() * 2) capacity *= 2;
    slots_.assign(capacity, -1);
    for (size_t i = 0; i < entries_.size(); ++i) {
      size_t slot = entries_[i].hash & (capacity - 1);
      while (slots_[slot] >= 0) slot = (slot + 1) & (capacity - 1);
      slots_[slot] = static_cast<int32_t>(i);
    }
  }
  // The subschema for a property name, or nullptr.
  const schema::Node* find(const char* name, size_t length) const {
    if (slots_.empty()) {
      for (const Entry& e : entries_) {
        if (e.name.size() == length && std::memcmp(e.name.data(), name, length) == 0) return e.node;
      }
      return nullptr;
    }
    uint32_t h = hash(name, length);
    size_t mask = slots_.size() - 1;
    for (size_t slot = h & mask;; slot = (slot + 1) & mask) {
      int32_t i = slots_[slot];
      if (i < 0) return nullptr;
      const Entry& e = entries_[static_cast<size_t>(i)];
      if (e.hash == h && e.name.size() == length && std::memcmp(e.name.data(), name, length) == 0) {
        return e.node;
      }
    }
  }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    const schema::Node* node;
    uint32_t hash;
  };
  static uint32_t hash(const char* s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; ++i) { h ^= static_cast<unsigned char>(s[i]); h *= 16777619u; }
    return h;
  }
  std::vector<Entry> entries_;
  std::vector<int32_t> slots_;
};

}  // namespace jsonsieve::keywords
