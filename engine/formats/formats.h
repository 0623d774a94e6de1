// Format assertion checkers for the JSON Schema "format" keyword (draft-04 through 2020-12).
//
// Each checker takes the instance string as UTF-8 (as RapidJSON gives it; it may contain NUL bytes)
// and answers whether it is a valid value of the format. Checkers are pure functions: no
// allocation beyond small stack buffers, no global state, safe to call from any thread.
// Formats apply only to strings; the caller treats non-string instances as valid.
//
// Supported names and what they follow (one source file per family, in this folder):
//   date-time, date, time, duration        RFC 3339 section 5.6 and appendix A (datetime.cc).
//                                          Leap second 60 only when the UTC-adjusted time is 23:59:60.
//   email, idn-email                       RFC 5321 section 4.1.2 Mailbox / RFC 6531 (email.cc).
//   hostname                               RFC 1123 labels; "xn--" labels must be valid A-labels
//                                          (decoded and checked as U-labels, RFC 5891) (hostname.cc).
//   idn-hostname                           RFC 5890-5893 IDNA2008 (hostname.cc, idna.cc, punycode.cc,
//                                          unicode_props.cc). Not checked: NFC normalization.
//   ipv4, ipv6                             RFC 2673 dotted-quad (no leading zeros), RFC 4291 (ip.cc).
//   uri, uri-reference, iri, iri-reference RFC 3986 / RFC 3987 (uri.cc).
//   uri-template                           RFC 6570 level 4 (uri_template.cc).
//   uuid                                   RFC 4122 string form, any version/variant (uuid.cc).
//   json-pointer, relative-json-pointer    RFC 6901 / draft-bhutton-relative-json-pointer (pointer.cc).
//   regex                                  ECMA-262, via jsonsieve::regex::is_valid_ecma_regex (regex.cc).
// The same checker serves every draft: the official test suite's expectations agree across drafts.
#pragma once

#include <string_view>

namespace jsonsieve::formats {

// True when utf8_value is a valid instance of the format.
using FormatChecker = bool (*)(std::string_view utf8_value);

// The checker for a format name (case-sensitive, as in the specification), or nullptr when the
// name is unknown (unknown formats are ignored by JSON Schema; the caller decides how to report it).
FormatChecker find_format_checker(std::string_view format_name);

}  // namespace jsonsieve::formats
