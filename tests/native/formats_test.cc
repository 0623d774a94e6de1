// Format checkers (engine/formats): the official suite's optional/format tests for every draft,
// with a named list of known failures, plus cases of our own for what the suite does not cover.
#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "formats/formats.h"
#include "formats/idna.h"
#include "formats/unicode_props.h"

namespace {

using jsonsieve::formats::find_format_checker;

// Suite cases we knowingly fail, keyed by format and instance (the same in every draft), each
// with its reason. A listed case that starts passing fails the test too: remove it from the list.
struct KnownFailure {
  const char* format;
  const char* data;
  const char* reason;
};
const std::vector<KnownFailure> kKnownFailures = {};

bool is_known_failure(const std::string& format, const std::string& data) {
  for (const KnownFailure& k : kKnownFailures) {
    if (format == k.format && data == k.data) return true;
  }
  return false;
}

bool is_directory(const std::string& path) {
  DIR* d = opendir(path.c_str());
  if (d == nullptr) return false;
  closedir(d);
  return true;
}

// $JSONSIEVE_SUITE_DIR, then shared/json-schema-test-suite in the current directory or any parent
// (tests run from the repository root or a build directory), then /work/shared.
std::string find_suite_dir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("JSONSIEVE_SUITE_DIR")) candidates.push_back(env);
#ifdef JSONSIEVE_SUITE_DIR
  candidates.push_back(JSONSIEVE_SUITE_DIR);
#endif
  std::string up;
  for (int depth = 0; depth < 6; ++depth, up += "../") {
    candidates.push_back(up + "shared/json-schema-test-suite");
    candidates.push_back(up + "../shared/json-schema-test-suite");
  }
  candidates.push_back("/work/shared/json-schema-test-suite");
  for (const std::string& c : candidates) {
    if (is_directory(c + "/tests")) return c;
  }
  return "";
}

std::vector<std::string> json_files_in(const std::string& dir) {
  std::vector<std::string> files;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool read_file(const std::string& path, std::string& out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out.append(buf, n);
  std::fclose(f);
  return true;
}

struct Tally {
  int passed = 0, failed = 0, known = 0;
};

}  // namespace

TEST_CASE("formats: official suite optional/format, every draft", "[formats][suite]") {
  std::string suite = find_suite_dir();
  if (suite.empty()) FAIL("suite not found: set JSONSIEVE_SUITE_DIR to a JSON-Schema-Test-Suite checkout");

  const char* drafts[] = {"draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"};
  std::map<std::string, Tally> per_draft, per_format;
  std::vector<std::string> unexpected;
  std::set<std::string> known_failed;  // "format\ndata" of known failures that did fail
  int non_string = 0;

  for (const char* draft : drafts) {
    std::string dir = suite + "/tests/" + draft + "/optional/format";
    std::vector<std::string> files = json_files_in(dir);
    if (files.empty()) FAIL("no .json files in " << dir);
    for (const std::string& file : files) {
      std::string text;
      rapidjson::Document doc;
      if (!read_file(dir + "/" + file, text) || doc.Parse(text.c_str(), text.size()).HasParseError() ||
          !doc.IsArray()) {
        FAIL("cannot read " << dir << "/" << file);
      }
      for (const auto& group : doc.GetArray()) {
        const auto& schema = group["schema"];
        REQUIRE((schema.IsObject() && schema.HasMember("format")));
        std::string format = schema["format"].GetString();
        auto checker = find_format_checker(format);
        for (const auto& test : group["tests"].GetArray()) {
          bool expected = test["valid"].GetBool();
          const auto& data = test["data"];
          bool actual;
          std::string value;
          if (data.IsString()) {
            value.assign(data.GetString(), data.GetStringLength());
            actual = checker == nullptr || checker(value);
          } else {
            ++non_string;  // formats ignore non-strings: the suite must expect "valid"
            actual = true;
          }
          Tally& d = per_draft[draft];
          Tally& f = per_format[format];
          if (actual == expected) {
            ++d.passed, ++f.passed;
          } else if (data.IsString() && is_known_failure(format, value)) {
            ++d.known, ++f.known;
            known_failed.insert(format + "\n" + value);
          } else {
            ++d.failed, ++f.failed;
            unexpected.push_back(std::string(draft) + " " + format + " " + test["description"].GetString() +
                                 ": expected " + (expected ? "valid" : "invalid"));
          }
        }
      }
    }
  }

  std::printf("format suite (pass / known failures / unexpected failures):\n");
  int total = 0;
  for (const auto& [name, t] : per_draft) {
    std::printf("  %-14s %4d / %d / %d\n", name.c_str(), t.passed, t.known, t.failed);
    total += t.passed + t.known + t.failed;
  }
  for (const auto& [name, t] : per_format) {
    std::printf("  %-22s %4d / %d / %d\n", name.c_str(), t.passed, t.known, t.failed);
  }
  std::printf("  (%d non-string instances among them)\n", non_string);
  for (const std::string& u : unexpected) std::printf("  UNEXPECTED: %s\n", u.c_str());

  CHECK(total > 2000);  // the suite was found and read: ~2,700 cases in five drafts
  CHECK(unexpected.empty());
  for (const KnownFailure& k : kKnownFailures) {
    INFO("known failure no longer fails, remove it from kKnownFailures: " << k.format << " " << k.data);
    CHECK(known_failed.count(std::string(k.format) + "\n" + k.data) == 1);
  }
}

namespace {

// Cases the suite does not cover, in its spirit: format, instance, expected validity, why.
struct Case {
  const char* format;
  std::string data;
  bool valid;
  const char* why;
};

const Case kOwnCases[] = {
    {"date-time", "2020-01-01T00:00:00.Z", false, "time-secfrac needs a digit"},
    {"date-time", "1999-01-01T00:59:60+01:00", true, "leap second: 23:59:60 UTC across midnight"},
    {"date-time", "1998-12-31T23:59:60-00:01", false, "leap second at 00:00:60 UTC"},
    {"date-time", "2000-02-29T00:00:00Z", true, "2000 is a leap year"},
    {"time", "23:59:60.5z", true, "leap second with fraction, lower-case z"},
    {"duration", "P1Y2M3DT", false, "T with no time element"},
    {"duration", "PT1M", true, "M after T is minutes"},
    {"hostname", "EXAMPLE.Com", true, "hostnames are case-insensitive"},
    {"hostname", std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." +
                     std::string(61, 'd'), true, "253 octets in all is the maximum"},
    {"hostname", std::string(63, 'a') + "." + std::string(63, 'b') + "." + std::string(63, 'c') + "." +
                     std::string(62, 'd'), false, "254 octets"},
    {"hostname", "xn--bcher-kva.example", true, "A-label of b\xC3\xBC" "cher"},
    {"hostname", "xn--bcher-kvA.example", true, "A-labels compare case-insensitively"},
    {"hostname", "b\xC3\xBC" "cher.example", false, "hostname is ASCII only"},
    {"idn-hostname", "b\xC3\xBC" "cher.example", true, "U-label"},
    {"idn-hostname", "B\xC3\xBC" "cher.example", false, "upper case is DISALLOWED in a U-label (RFC 5892)"},
    {"idn-hostname", "ab--cd.example", false, "reserved LDH label that is not an A-label"},
    {"idn-hostname", "xn--bcher-kva.example", true, "A-label"},
    {"idn-hostname", "\xFF" "abc", false, "malformed UTF-8"},
    {"idn-hostname", "\xD7\x90\xD7\x91.com", true, "RTL label and an LTR label that satisfies the Bidi Rule"},
    {"idn-hostname", "\xD7\x90\xD7\x91.1com", false, "Bidi domain: a label may not start with a digit"},
    {"idn-hostname", "\xD8\xA8\xE2\x80\x8C", false, "ZWNJ with no joining character after it"},
    {"email", "user@[IPv6:::1]", true, "IPv6 address literal"},
    {"email", "user@[ipv6:::1]", true, "the IPv6 tag is case-insensitive"},
    {"email", "user@[IPv6:1.2.3.4]", false, "IPv6 tag with an IPv4 address"},
    {"email", "user@[x-tag:some-content]", true, "General-address-literal"},
    {"email", "\"a\\\"b\"@example.com", true, "quoted-pair in a quoted string"},
    {"email", std::string(64, 'a') + "@example.com", true, "64-octet local part"},
    {"email", std::string(65, 'a') + "@example.com", false, "65-octet local part"},
    {"email", "user@-example.com", false, "domain label starting with a hyphen"},
    {"email", "\xC3\xA9@example.com", false, "non-ASCII local part needs idn-email"},
    {"idn-email", "\xC3\xA9@example.com", true, "non-ASCII local part"},
    {"idn-email", "a@b\xE3\x80\x82" "c", false, "only \".\" separates labels in a mail domain"},
    {"ipv4", "1.2.3.04", false, "leading zero"},
    {"ipv6", "1:2:3:4:5:6:7::", true, "\"::\" standing for one group"},
    {"ipv6", "1::2:3:4:5:6:7:8", false, "\"::\" with eight groups"},
    {"ipv6", "::ffff:1.2.3.4", true, "IPv4-mapped"},
    {"ipv6", "1:2:3:4:5:6:1.2.3.4", true, "IPv4 as the last two groups"},
    {"uri", "http://[v1.fe]:8080/", true, "IPvFuture with a port"},
    {"uri", "http://[v1.]/", false, "IPvFuture needs a character after the dot"},
    {"uri", "http://[::1]:80a/", false, "non-numeric port after an IP literal"},
    {"uri", "foo:", true, "scheme and an empty path"},
    {"uri", "a+b-c.d:x", true, "scheme characters"},
    {"iri", "http://example.com/\xE2\x80\x8E", false, "bidi formatting character (RFC 3987 section 4.1)"},
    {"iri", "http://example.com/\xEE\x80\x80", false, "private use character outside the query"},
    {"iri", "http://example.com/?\xEE\x80\x80", true, "private use character in the query"},
    {"iri-reference", "\xC3\xA9t\xC3\xA9", true, "relative IRI"},
    {"uri-template", "{=var}", false, "reserved operator"},
    {"uri-template", "{var:9999}", true, "largest prefix"},
    {"uri-template", "{a.}", false, "variable name ending with a dot"},
    {"uri-template", "{.a,b*,c:3}", true, "operator, explode and prefix together"},
    {"uri-template", "a%4", false, "incomplete percent-encoding"},
    {"json-pointer", "/~01", true, "~0 then 1"},
    {"relative-json-pointer", "00", false, "leading zero"},
    {"relative-json-pointer", "3#", true, "index or member name"},
    {"uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false, "non-hex digit"},
};

}  // namespace

TEST_CASE("formats: own cases beyond the suite", "[formats]") {
  for (const Case& c : kOwnCases) {
    auto checker = find_format_checker(c.format);
    REQUIRE(checker != nullptr);
    INFO(c.format << " \"" << c.data << "\": " << c.why);
    CHECK(checker(c.data) == c.valid);
  }
}

TEST_CASE("formats: registry", "[formats]") {
  CHECK(find_format_checker("unknown-format") == nullptr);
  CHECK(find_format_checker("Date-Time") == nullptr);  // format names are case-sensitive
  CHECK(find_format_checker("date-time") != nullptr);
}

namespace {

std::string encode(const std::u32string& s) {
  jsonsieve::formats::idna::Label label;
  for (char32_t c : s) label.cp[label.size++] = c;
  char out[64];
  size_t n = jsonsieve::formats::idna::punycode_encode(label, out, sizeof(out));
  return std::string(out, n);
}

std::u32string decode(const std::string& s) {
  jsonsieve::formats::idna::Label label;
  if (!jsonsieve::formats::idna::punycode_decode(s, label)) return U"<error>";
  return std::u32string(label.cp, label.cp + label.size);
}

}  // namespace

TEST_CASE("formats: Punycode (RFC 3492 section 7.1 samples)", "[formats][idna]") {
  const std::pair<std::u32string, std::string> samples[] = {
      // (A) Arabic (Egyptian)
      {U"\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F",
       "egbpdaj6bu4bxfgehfvwxn"},
      // (B) Chinese (simplified)
      {U"\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye"},
      // (L) 3<nen>B<gumi><kinpachi><sensei>
      {U"3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b"},
      // (O) <pafii>de<runba>
      {U"\u30D1\u30D5\u30A3\u30FCde\u30EB\u30F3\u30D0", "de-jg4avhby1noc0d"},
      {U"b\u00FCcher", "bcher-kva"},
  };
  for (const auto& [unicode, ascii] : samples) {
    INFO(ascii);
    CHECK(encode(unicode) == ascii);
    CHECK(decode(ascii) == unicode);
  }
  CHECK(decode("99999999999999") == U"<error>");  // overflow
  CHECK(decode("a\xC3\xA9-b") == U"<error>");     // non-ASCII basic code point
  CHECK(encode(std::u32string(70, U'\u00FC')).empty());  // does not fit the buffer
}

TEST_CASE("formats: IDNA Unicode property table", "[formats][idna]") {
  using namespace jsonsieve::formats::unicode;
  CHECK(lookup('a').idna == Idna::kPvalid);
  CHECK(lookup('-').idna == Idna::kPvalid);
  CHECK(lookup('A').idna == Idna::kDisallowed);  // unstable under case folding
  CHECK(lookup('.').idna == Idna::kDisallowed);
  CHECK(lookup(0x00DF).idna == Idna::kPvalid);    // exception: sharp s
  CHECK(lookup(0x0100).idna == Idna::kDisallowed);  // Latin Extended-A alternates upper/lower case
  CHECK(lookup(0x0101).idna == Idna::kPvalid);
  CHECK(lookup(0x200C).idna == Idna::kContextJ);
  CHECK(lookup(0x30FB).idna == Idna::kContextO);
  CHECK(lookup(0x0640).idna == Idna::kDisallowed);  // exception: ARABIC TATWEEL
  CHECK(lookup(0x1100).idna == Idna::kDisallowed);  // old Hangul jamo
  CHECK(lookup(0xAC00).idna == Idna::kPvalid);      // Hangul syllable
  CHECK(lookup(0x20000).idna == Idna::kPvalid);     // CJK extension B
  CHECK(lookup(0x10FFFF).idna == Idna::kDisallowed);
  CHECK(lookup(0x0301).is_mark);
  CHECK(lookup(0x0903).is_mark);  // spacing combining mark
  CHECK(!lookup('a').is_mark);
  CHECK(lookup(0x094D).is_virama);
  CHECK(lookup(0x05D0).bidi == Bidi::kR);
  CHECK(lookup(0x0628).bidi == Bidi::kAL);
  CHECK(lookup(0x0660).bidi == Bidi::kAN);
  CHECK(lookup(0x06F0).bidi == Bidi::kEN);
  CHECK(lookup(0x0301).bidi == Bidi::kNSM);
  CHECK(lookup('-').bidi == Bidi::kNeutral);
  CHECK(lookup(0x0628).joining == Joining::kD);
  CHECK(lookup(0x0627).joining == Joining::kR);
  CHECK(lookup(0x064B).joining == Joining::kT);
  CHECK(lookup(0x03B1).script == Script::kGreek);
  CHECK(lookup(0x05D0).script == Script::kHebrew);
  CHECK(lookup(0x3041).script == Script::kHiraganaKatakanaHan);
  CHECK(lookup(0x30A1).script == Script::kHiraganaKatakanaHan);
  CHECK(lookup(0x4E08).script == Script::kHiraganaKatakanaHan);
  CHECK(lookup(0x30FB).script == Script::kOther);  // KATAKANA MIDDLE DOT itself is Common
}
