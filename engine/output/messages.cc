#include "output/messages.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace jsonsieve::output {

std::string to_json(const Json& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string brief(const Json& value, size_t max) {
  std::string text = to_json(value);
  if (text.size() > max) {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
    text = text.substr(0, cut) + "…";
  }
  return text;
}

std::string plural(uint64_t n, const char* singular, const char* plural_form) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural_form);
}

std::string number_text(const Json& number) { return to_json(number); }

std::string quote(std::string_view s) {
  Json v(rapidjson::StringRef(s.data(), s.size()));
  return to_json(v);
}

}  // namespace jsonsieve::output
