#include "formats/formats.h"

#include "formats/checkers.h"

namespace jsonsieve::formats {
namespace {

struct Entry {
  std::string_view name;
  FormatChecker checker;
};

constexpr Entry kCheckers[] = {
    {"date-time", is_date_time},
    {"date", is_date},
    {"time", is_time},
    {"duration", is_duration},
    {"email", is_email},
    {"idn-email", is_idn_email},
    {"hostname", is_hostname},
    {"idn-hostname", is_idn_hostname},
    {"ipv4", is_ipv4},
    {"ipv6", is_ipv6},
    {"uri", is_uri},
    {"uri-reference", is_uri_reference},
    {"iri", is_iri},
    {"iri-reference", is_iri_reference},
    {"uri-template", is_uri_template},
    {"uuid", is_uuid},
    {"json-pointer", is_json_pointer},
    {"relative-json-pointer", is_relative_json_pointer},
    {"regex", is_regex},
};

}  // namespace

FormatChecker find_format_checker(std::string_view format_name) {
  for (const Entry& e : kCheckers) {
    if (e.name == format_name) return e.checker;
  }
  return nullptr;
}

}  // namespace jsonsieve::formats
