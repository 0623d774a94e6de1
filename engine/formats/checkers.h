// Declarations of every format checker and of the helpers the families share (email uses the
// hostname and IP checkers, uri uses the IP checkers). Internal to engine/formats; the public
// entry point is find_format_checker() in formats.h.
#pragma once

#include <string_view>

namespace jsonsieve::formats {

// datetime.cc
bool is_date_time(std::string_view s);
bool is_date(std::string_view s);
bool is_time(std::string_view s);
bool is_duration(std::string_view s);

// email.cc
bool is_email(std::string_view s);
bool is_idn_email(std::string_view s);

// hostname.cc
bool is_hostname(std::string_view s);
bool is_idn_hostname(std::string_view s);
// idn-hostname rules, but only "." separates labels (RFC 6531 domains); used by idn-email.
bool is_idn_email_domain(std::string_view s);

// ip.cc
bool is_ipv4(std::string_view s);
bool is_ipv6(std::string_view s);

// uri.cc
bool is_uri(std::string_view s);
bool is_uri_reference(std::string_view s);
bool is_iri(std::string_view s);
bool is_iri_reference(std::string_view s);
// RFC 3987 ucschar (less the bidi formatting characters its section 4.1 forbids) and iprivate.
bool is_ucschar(char32_t cp);
bool is_iprivate(char32_t cp);

// uri_template.cc
bool is_uri_template(std::string_view s);

// uuid.cc
bool is_uuid(std::string_view s);

// pointer.cc
bool is_json_pointer(std::string_view s);
bool is_relative_json_pointer(std::string_view s);

// regex.cc
bool is_regex(std::string_view s);

// Small ASCII predicates shared by the parsers.
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace jsonsieve::formats
