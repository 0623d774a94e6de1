// UTF-8 validation (json/utf8.h) against an independent reference decoder, over every 1-, 2-
// and 3-byte sequence and the 4-byte boundaries; plus the offsets reported through parsing.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "json/utf8.h"
#include "jsonsieve/jsonsieve.h"

namespace {

// Decodes by the definition (code point ranges), not by lead-byte tables.
size_t reference_invalid_offset(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    size_t length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || i + length > s.size()) return i;
    uint32_t cp = length == 1 ? c : length == 2 ? (c & 0x1F) : length == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < length; ++k) {
      if ((b(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::string::npos;
}

}  // namespace

TEST_CASE("utf8: every 1-, 2- and 3-byte sequence agrees with the reference", "[utf8]") {
  std::string s;
  size_t checked = 0;
  for (int a = 0; a < 256; ++a) {
    s.assign(1, static_cast<char>(a));
    REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == reference_invalid_offset(s));
    for (int b = 0; b < 256; ++b) {
      s.assign({static_cast<char>(a), static_cast<char>(b)});
      REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == reference_invalid_offset(s));
      if (a < 0xE0 || a > 0xEF) continue;
      for (int c = 0; c < 256; ++c) {
        s.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
        REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == reference_invalid_offset(s));
        ++checked;
      }
    }
  }
  CHECK(checked == 16 * 256 * 256);
}

TEST_CASE("utf8: 4-byte sequences at the edges of the code space", "[utf8]") {
  for (int a : {0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFF}) {
    for (int b = 0x70; b < 0xD0; ++b) {
      for (int c : {0x7F, 0x80, 0xBF, 0xC0}) {
        std::string s{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), '\x80'};
        INFO(a << " " << b << " " << c);
        REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == reference_invalid_offset(s));
      }
    }
  }
}

TEST_CASE("utf8: a bad byte is found at every position of long ASCII runs", "[utf8]") {
  for (size_t length : {1u, 7u, 8u, 9u, 15u, 16u, 17u, 64u, 100u}) {
    for (size_t at = 0; at < length; ++at) {
      std::string s(length, 'a');
      s[at] = '\xC0';
      INFO(length << " " << at);
      REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == at);
      s[at] = '\xC3';  // a lead byte whose continuation is missing or ASCII
      REQUIRE(jsonsieve::json::invalid_utf8_offset(s) == at);
    }
  }
  CHECK(jsonsieve::json::invalid_utf8_offset(std::string(1000, 'x') + "é€😀") == std::string::npos);
}

TEST_CASE("utf8: ill-formed input is a located parse error, inside or outside strings", "[utf8]") {
  jsonsieve::ParseError error;
  rapidjson::Document doc;
  CHECK_FALSE(jsonsieve::parse_json("{\"a\": \"x\xED\xA0\x80\"}", &doc, &error));  // a raw surrogate
  CHECK(error.offset == 8);
  CHECK(error.column == 9);
  CHECK_THAT(error.message, Catch::Contains("0xED is not valid UTF-8"));
  CHECK_FALSE(jsonsieve::parse_json("[1,\n \xFF]", &doc, &error));
  CHECK(error.line == 2);
  CHECK(error.column == 2);
  CHECK(jsonsieve::parse_json("\xEF\xBB\xBF[\"\xC3\xA9\", \"\\u00e9\"]", &doc, &error));  // BOM, then é twice
  CHECK(std::string(doc[0].GetString()) == doc[1].GetString());
}
