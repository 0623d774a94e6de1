// Small helpers for human-readable error messages.
#pragma once

#include <cstdint>
#include <string>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve::output {

// Compact JSON text of a value, shortened to about `max` bytes with "…".
std::string brief(const Json& value, size_t max = 60);
// Full compact JSON text of a value (for annotations).
std::string to_json(const Json& value);
// "3 items" / "1 item" / "0 items": the count, then the noun that agrees with it.
std::string plural(uint64_t n, const char* singular, const char* plural_form);
// Number in its shortest JSON form.
std::string number_text(const Json& number);
// A JSON string literal (quoted, escaped).
std::string quote(std::string_view s);

// Builds a JSON array annotation (property names or indices) only when annotations are
// collected, so the validation path pays nothing.
class AnnotationList {
 public:
  explicit AnnotationList(bool enabled) : enabled_(enabled) {}
  void add_name(std::string_view name) {
    if (!enabled_) return;
    text_ += first_ ? "" : ",";
    text_ += quote(name);
    first_ = false;
  }
  bool enabled() const { return enabled_; }
  std::string finish() { return text_ + "]"; }

 private:
  bool enabled_;
  bool first_ = true;
  std::string text_ = "[";
};

}  // namespace jsonsieve::output
