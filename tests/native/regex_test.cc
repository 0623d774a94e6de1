// ECMA-262 regex translation and matching (engine/regex): translation cases, ECMA semantics,
// errors, the official suite's regex cases, the fast path against RE2, and linear-time behaviour.
#include <dirent.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>
#ifndef __EMSCRIPTEN__
#include <thread>
#endif

#include <catch2/catch.hpp>
#include <rapidjson/document.h>

#include "regex/ecma_ast.h"
#include "regex/fast_matcher.h"
#include "regex/pattern.h"
#include "regex/unicode_tables.h"

namespace {

using jsonsieve::regex::is_valid_ecma_regex;
using jsonsieve::regex::Pattern;
using jsonsieve::regex::RegexError;
using jsonsieve::regex::translate_ecma_to_re2;

std::unique_ptr<Pattern> must_compile(const std::string& ecma) {
  RegexError error;
  auto p = Pattern::compile(ecma, &error);
  INFO("pattern: " << ecma << "  error: " << error.message);
  REQUIRE(p != nullptr);
  return p;
}

// --- translation -------------------------------------------------------------------------------

struct TranslationCase {
  const char* ecma;
  const char* re2;
};

const TranslationCase kTranslations[] = {
    {"^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", "^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$"},
    {"a+?b*?c??d{2}e{2,}f{2,3}?", "a+?b*?c??d{2}e{2,}f{2,3}?"},
    {"\\d\\w", "[0-9][0-9A-Z_a-z]"},
    {"\\D", "[\\x{0}-\\/\\:-\\x{D7FF}\\x{E000}-\\x{10FFFF}]"},
    {"\\s", "[\\x{9}-\\x{D} \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}"
            "\\x{205F}\\x{3000}\\x{FEFF}]"},
    {".", "[^\\n\\r\\x{2028}\\x{2029}]"},
    {"(?s:.)", "(?:(?s:.))"},
    {"[]", "[^\\x00-\\x{10FFFF}]"},
    {"[^]", "[\\x00-\\x{10FFFF}]"},
    {"[^a-c]", "[^a-c]"},
    {"\\uD83D\\uDC32", "\\x{1F432}"},
    {"\\u{1F600}\\x41\\0\\cJ\\/", "\\x{1F600}A\\x{0}\\x{A}\\/"},
    {"\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|", "\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|"},
    {"[\\-\\b]", "[\\x{8}\\-]"},
    {"(?<year>\\d{4})-(?:x|y)(z)", "(?P<year>[0-9]{4})\\-(?:x|y)(z)"},
    {"(?<a>x)|(?<a>y)", "(?P<a>x)|(y)"},
    {"(?<$name>x)", "(x)"},
    {"\\p{Letter}\\p{Lu}\\P{digit}\\p{gc=Nd}", "[\\p{L}][\\p{Lu}][\\P{Nd}][\\p{Nd}]"},
    {"\\p{Script=Greek}\\p{sc=Latn}\\P{Script=Cyrillic}", "[\\p{Greek}][\\p{Latin}][\\P{Cyrillic}]"},
    {"\\p{LC}", "[\\p{Lu}\\p{Ll}\\p{Lt}]"},
    {"\\P{LC}", "[^\\p{Lu}\\p{Ll}\\p{Lt}]"},
    {"\\p{Cn}", "[^\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}\\p{C}]"},
    {"\\p{C}", "[^\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}]"},
    {"\\P{C}", "[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Z}]"},
    {"[a\\P{LC}]", "(?:[a]|[^\\p{Lu}\\p{Ll}\\p{Lt}])"},
    {"\\p{AHex}", "[0-9A-Fa-f]"},
    {"\\p{ASCII}", "[\\x{0}-\\x{7F}]"},
    {"(?i:a\\w)(?-i:b)", "(?i:a[0-9A-Z_a-z\\x{17F}\\x{212A}])(?-i:b)"},
    {"(?m:a)b", "(?:a)b"},
    {"\\uD800", "[^\\x00-\\x{10FFFF}]"},
    {"[\\uD7FF-\\uE000]", "[\\x{D7FF}\\x{E000}]"},
    {"\\bx\\B", "\\bx\\B"},
    {"a|", "a|"},
    {"", ""},
};

TEST_CASE("regex: translation to RE2 syntax", "[regex]") {
  for (const TranslationCase& c : kTranslations) {
    std::string out;
    RegexError error;
    INFO("ecma: " << c.ecma);
    REQUIRE(translate_ecma_to_re2(c.ecma, &out, &error));
    CHECK(out == c.re2);
    // Every translation must also be accepted by RE2.
    CHECK(Pattern::compile(c.ecma, &error) != nullptr);
  }
}

// --- ECMA semantics ----------------------------------------------------------------------------

struct MatchCase {
  const char* pattern;
  std::string subject;
  bool matches;
};

const std::vector<MatchCase>& match_cases() {
  static const std::vector<MatchCase> cases = {
      // Anchors: $ is the end of input, never before a final newline.
      {"^abc$", "abc", true},
      {"^abc$", "abc\n", false},
      {"^abc$", "\nabc", false},
      {"a+", "xxaayy", true},
      {"", "anything", true},
      {"^$", "", true},
      {"^$", "\n", false},
      // Escapes.
      {"^\\t$", "\t", true},
      {"^\\t$", "\\t", false},
      {"^\\cC$", "\x03", true},
      {"^\\cc$", "\x03", true},
      {"^\\0$", std::string(1, '\0'), true},
      {"^\\x41\\u0042\\u{43}$", "ABC", true},
      {"^\\/$", "/", true},
      {"^\\\\$", "\\", true},
      {"^[\\b]$", "\b", true},
      {"^[\\-]$", "-", true},
      {"^[a-]$", "-", true},
      {"^[-a]$", "a", true},
      {"^[a-c-e]$", "-", true},
      {"^[a-c-e]$", "d", false},
      // \d \w \s are ASCII / ECMA whitespace.
      {"^\\d$", "0", true},
      {"^\\d$", "\u07c0", false},
      {"^\\D$", "\u07c0", true},
      {"^\\D$", "0", false},
      {"^\\d+$", "\u09ea\u09e8", false},
      {"^\\w$", "a", true},
      {"^\\w$", "_", true},
      {"^\\w$", "\u00e9", false},
      {"^\\W$", "\u00e9", true},
      {"^\\W$", "a", false},
      {"\\wcole", "l'\u00e9cole", false},
      {"\\wcole", "l'ecole", true},
      {"^\\s$", " ", true},
      {"^\\s$", "\t", true},
      {"^\\s$", "\v", true},
      {"^\\s$", "\f", true},
      {"^\\s$", "\u00a0", true},
      {"^\\s$", "\ufeff", true},
      {"^\\s$", "\n", true},
      {"^\\s$", "\u2029", true},
      {"^\\s$", "\u2003", true},
      {"^\\s$", "\u1680", true},
      {"^\\s$", "\u0085", false},  // NEL is Unicode White_Space, not ECMA whitespace
      {"^\\s$", "\x01", false},
      {"^\\s$", "\u2013", false},
      {"^\\S$", " ", false},
      {"^\\S$", "\u00a0", false},
      {"^\\S$", "\u2029", false},
      {"^\\S$", "\x01", true},
      {"^\\S$", "\u2013", true},
      {"^[\\S]$", "\u2013", true},
      {"^[^\\S]$", "\u3000", true},
      {"^[\\D\\s]$", "5", false},
      {"^[\\D\\s]$", "x", true},
      {"^[^\\W\\d]$", "a", true},
      {"^[^\\W\\d]$", "5", false},
      // '.' and code points.
      {"^.$", "\n", false},
      {"^.$", "\r", false},
      {"^.$", "\u2028", false},
      {"^.$", "\u2029", false},
      {"^.$", "\u0085", true},
      {"^.$", "\U0001F600", true},
      {"^..$", "\U0001F600", false},
      {"^(?s:.)$", "\n", true},
      {"^[^]$", "\n", true},
      {"^[^]$", "\U0001F600", true},
      {"a[]", "a", false},
      {"^[^a]$", "\U0001F600", true},
      {"^[\\u0000-\\uFFFF]$", "\U0001F600", false},
      {"^[\\u0000-\\uFFFF]$", "\u00e9", true},
      {"^[\U0001F600-\U0001F602]$", "\U0001F601", true},
      {"^[\\uD83D\\uDE00-\\uD83D\\uDE02]$", "\U0001F601", true},
      {"^[\\uD83D\\uDE00-\\uD83D\\uDE02]$", "\U0001F603", false},
      {"^\\uD83D\\uDC32*$", "", true},
      {"^\\uD83D\\uDC32*$", "\U0001F432\U0001F432", true},
      {"^\\uD83D\\uDC32*$", "\U0001F409", false},
      {"^\\u{1F600}$", "\U0001F600", true},
      {"^\U0001F432*$", "\U0001F432\U0001F432", true},
      {"^\u00e1", "\u00e1rbol", true},
      {"^\u00e1", "arbol", false},
      {"^\\uD800?$", "", true},
      // Word boundaries are ASCII.
      {"\\bfoo\\b", "a foo.", true},
      {"\\bfoo\\b", "afoo", false},
      {"a\\b", "a\u00e9", true},
      {"\\Bb", "ab", true},
      {"\\Bb", " b", false},
      // Unicode properties.
      {"\\p{Letter}cole", "l'\u00e9cole", true},
      {"\\p{Letter}cole", "L'\u00c9COLE", false},
      {"^\\p{digit}+$", "\u09ea\u09e8", true},
      {"^\\p{digit}+$", "-%#", false},
      {"^\\p{Letter}+$", "\u03c0", true},
      {"^\\p{L}+$", "123", false},
      {"^\\p{Lu}+$", "ABC", true},
      {"^\\p{Lu}+$", "AbC", false},
      {"^\\P{Lu}$", "A", false},
      {"^\\p{Uppercase_Letter}$", "\u00c9", true},
      {"^\\p{General_Category=Lowercase_Letter}$", "\u00e9", true},
      {"^\\p{LC}$", "a", true},
      {"^\\p{LC}$", "\u01c5", true},  // Lt
      {"^\\p{LC}$", "1", false},
      {"^[a\\P{LC}]$", "a", true},
      {"^[a\\P{LC}]$", "1", true},
      {"^[a\\P{LC}]$", "B", false},
      {"^\\p{Cn}$", "\u0378", true},
      {"^\\p{Cn}$", "a", false},
      {"^\\p{Cn}$", std::string(1, '\0'), false},
      {"^\\p{C}$", std::string(1, '\0'), true},
      {"^\\p{C}$", "\u0378", true},
      {"^\\p{Other}$", "a", false},
      {"^\\P{C}$", "a", true},
      {"^\\p{Assigned}$", "\u0378", false},
      {"^\\p{Assigned}$", "a", true},
      {"^\\P{Assigned}$", "\u0378", true},
      {"^\\p{Script=Greek}+$", "\u03b1\u03b2\u03b3", true},
      {"^\\p{sc=Grek}+$", "abc", false},
      {"^\\p{Script=Latin}$", "a", true},
      {"^\\p{White_Space}$", "\u0085", true},
      {"^\\p{space}$", "a", false},
      {"^\\p{Any}$", "\U0001F600", true},
      {"^\\P{Any}?$", "", true},
      {"^\\P{Any}$", "a", false},
      {"^\\p{ASCII}+$", "abc", true},
      {"^\\p{ASCII}+$", "\u00e9", false},
      {"^\\P{ASCII}$", "\u00e9", true},
      {"^\\p{AHex}+$", "09afAF", true},
      {"^\\p{AHex}+$", "g", false},
      {"^\\p{Hex_Digit}$", "\uff21", true},
      {"^\\p{Regional_Indicator}{2}$", "\U0001F1E9\U0001F1EA", true},
      // Quantifiers and groups.
      {"^a{2,3}$", "a", false},
      {"^a{2,3}$", "aa", true},
      {"^a{2,3}$", "aaaa", false},
      {"^a{2,}$", "aaaaaaa", true},
      {"^a{0}$", "", true},
      {"^a+?$", "aaa", true},
      {"^(?:ab)+$", "ababab", true},
      {"^(?:a|b)+$", "abba", true},
      {"^(?<year>\\d{4})-(?<month>\\d{2})$", "2024-05", true},
      {"^(?:(?<a>x)|(?<a>y))$", "y", true},
      {"^[0-9]+(Mi|Gi)$", "512Mi", true},
      {"^[0-9]+(Mi|Gi)$", "512Ti", false},
      {"a|", "zzz", true},
      {"x*", "", true},
      // Modifiers (ES2025).
      {"(?i:abc)", "xABCx", true},
      {"^(?i:a)b$", "AB", false},
      {"^(?i:[^a])$", "A", false},
      {"^(?i:[^a])$", "b", true},
      {"^(?i:\\w)$", "\u017f", true},
      {"^(?i:\\W)$", "S", false},
      {"^(?i:\\W)$", "\u017f", false},
      {"^(?i:\\u212A)$", "k", true},
      {"^(?i:x(?-i:y))$", "XY", false},
      {"^(?i:x(?-i:y))$", "Xy", true},
      {"^(?m:a)$", "a", true},
  };
  return cases;
}

TEST_CASE("regex: ECMA-262 semantics", "[regex]") {
  for (const MatchCase& c : match_cases()) {
    INFO("pattern: " << c.pattern << "  subject: " << c.subject);
    auto p = must_compile(c.pattern);
    INFO("re2: " << p->re2_source());
    CHECK(p->search(c.subject) == c.matches);
    CHECK(p->search_re2(c.subject) == c.matches);
  }
}

TEST_CASE("regex: every escapable ASCII character is literal in and out of classes", "[regex]") {
  int checked = 0;
  for (int c = 0x20; c < 0x7F; ++c) {
    const std::string ch(1, static_cast<char>(c));
    const bool syntax = std::string("^$\\.*+?()[]{}|/").find(ch) != std::string::npos;
    const std::string atom = syntax ? "\\" + ch : ch;
    const std::string member = (syntax || c == '-') ? "\\" + ch : ch;
    const std::string patterns[] = {"^" + atom + "$", "^[" + member + "]$", "^[^" + member + "]$"};
    for (int kind = 0; kind < 3; ++kind) {
      const std::string& pattern = patterns[kind];
      INFO("pattern: " << pattern);
      auto p = must_compile(pattern);
      const bool negated = kind == 2;
      CHECK(p->search(ch) == !negated);
      CHECK(p->search(c == 'Q' ? "R" : "Q") == negated);
      ++checked;
    }
  }
  CHECK(checked == 3 * 95);
}

// --- errors ------------------------------------------------------------------------------------

struct ErrorCase {
  const char* pattern;
  RegexError::Kind kind;
  const char* fragment;  // must appear in the message
  size_t offset;
};

const ErrorCase kErrors[] = {
    // Valid ECMA-262 that RE2 cannot run.
    {"(?=a)b", RegexError::Kind::kUnsupported, "lookahead '(?=' at offset 0 is not supported", 0},
    {"a(?!b)", RegexError::Kind::kUnsupported, "negative lookahead '(?!' at offset 1", 1},
    {"(?<=a+)b", RegexError::Kind::kUnsupported, "lookbehind '(?<=' at offset 0", 0},
    {"x(?<!a)b", RegexError::Kind::kUnsupported, "negative lookbehind '(?<!' at offset 1", 1},
    {"(a)\\1", RegexError::Kind::kUnsupported, "backreference '\\1' at offset 3", 3},
    {"(?<n>a)\\k<n>", RegexError::Kind::kUnsupported, "backreference '\\k<n>' at offset 7", 7},
    {"xa{1001}", RegexError::Kind::kUnsupported, "repetition count {1001} at offset 1 exceeds", 1},
    {"a{2,5000}", RegexError::Kind::kUnsupported, "repetition count {2,5000}", 0},
    {"\\p{scx=Latn}", RegexError::Kind::kUnsupported, "Script_Extensions", 0},
    {"a\\p{Alphabetic}", RegexError::Kind::kUnsupported, "binary property '\\p{Alphabetic}' at offset 1", 1},
    {"\\p{Script=Unknown}", RegexError::Kind::kUnsupported, "RE2 has no table for Unknown", 0},
    {"[^a\\p{Cn}]", RegexError::Kind::kUnsupported, "negated class at offset 0", 0},
    {"(?m:^a)", RegexError::Kind::kUnsupported, "multi-line anchor '^' at offset 4", 4},
    {"(?m:a$)", RegexError::Kind::kUnsupported, "multi-line anchor '$' at offset 5", 5},
    // Invalid ECMA-262 (u flag).
    {"\\a", RegexError::Kind::kSyntax, "invalid escape '\\a' at offset 0", 0},
    {"a\\-", RegexError::Kind::kSyntax, "invalid escape '\\-' at offset 1", 1},
    {"\\_", RegexError::Kind::kSyntax, "invalid escape", 0},
    {"[\\a]", RegexError::Kind::kSyntax, "invalid escape '\\a' at offset 1", 1},
    {"(abc", RegexError::Kind::kSyntax, "unterminated group", 4},
    {"abc)", RegexError::Kind::kSyntax, "unmatched ')' at offset 3", 3},
    {"^(abc]", RegexError::Kind::kSyntax, "lone bracket ']' at offset 5", 5},
    {"[abc", RegexError::Kind::kSyntax, "unterminated character class", 4},
    {"*a", RegexError::Kind::kSyntax, "nothing to repeat", 0},
    {"a**", RegexError::Kind::kSyntax, "nothing to repeat", 2},
    {"^*", RegexError::Kind::kSyntax, "quantifier after assertion", 0},
    {"(?=a)+", RegexError::Kind::kSyntax, "quantifier after assertion", 0},
    {"a{2,1}", RegexError::Kind::kSyntax, "numbers out of order in quantifier '{2,1}'", 1},
    {"a{,5}", RegexError::Kind::kSyntax, "incomplete quantifier", 1},
    {"a{1", RegexError::Kind::kSyntax, "incomplete quantifier", 1},
    {"{", RegexError::Kind::kSyntax, "lone quantifier bracket", 0},
    {"a}", RegexError::Kind::kSyntax, "lone bracket '}'", 1},
    {"]", RegexError::Kind::kSyntax, "lone bracket", 0},
    {"\\u{110000}", RegexError::Kind::kSyntax, "out of range", 0},
    {"\\u12", RegexError::Kind::kSyntax, "invalid Unicode escape", 0},
    {"\\x4", RegexError::Kind::kSyntax, "invalid hexadecimal escape", 0},
    {"\\c1", RegexError::Kind::kSyntax, "invalid control escape", 0},
    {"\\00", RegexError::Kind::kSyntax, "invalid decimal escape", 0},
    {"[\\1]", RegexError::Kind::kSyntax, "invalid escape in character class", 1},
    {"[\\B]", RegexError::Kind::kSyntax, "invalid escape in character class", 1},
    {"(a)\\2", RegexError::Kind::kSyntax, "backreference to a missing group '\\2' at offset 3", 3},
    {"\\k<x>", RegexError::Kind::kSyntax, "'\\k<x>' at offset 0 names no group", 0},
    {"(?<a>x)\\k", RegexError::Kind::kSyntax, "invalid named reference", 7},
    {"(?<a>x)(?<a>y)", RegexError::Kind::kSyntax, "duplicate group name 'a' at offset 7", 7},
    {"(?:(?<a>x)|y)(?<a>z)", RegexError::Kind::kSyntax, "duplicate group name", 13},
    {"(?<1a>x)", RegexError::Kind::kSyntax, "invalid character in group name", 3},
    {"(?<>x)", RegexError::Kind::kSyntax, "empty group name", 3},
    {"(?P<name>x)", RegexError::Kind::kSyntax, "invalid group '(?P'", 0},
    {"(?#comment)a", RegexError::Kind::kSyntax, "invalid group '(?#'", 0},
    {"(?i)abc", RegexError::Kind::kSyntax, "invalid modifier group '(?i)'", 0},
    {"(?ii:a)", RegexError::Kind::kSyntax, "repeated flag", 0},
    {"(?i-i:a)", RegexError::Kind::kSyntax, "repeated flag", 0},
    {"(?-:a)", RegexError::Kind::kSyntax, "empty modifier group", 0},
    {"(?x:a)", RegexError::Kind::kSyntax, "invalid group", 0},
    {"[z-a]", RegexError::Kind::kSyntax, "range out of order in character class 'z-a'", 1},
    {"[\\w-z]", RegexError::Kind::kSyntax, "class escape used as a range bound", 1},
    {"[a-\\d]", RegexError::Kind::kSyntax, "class escape used as a range bound", 1},
    {"\\p{lu}", RegexError::Kind::kSyntax, "unknown Unicode property '\\p{lu}'", 0},
    {"\\p{Greek}", RegexError::Kind::kSyntax, "unknown Unicode property", 0},
    {"\\p{Script=Foo}", RegexError::Kind::kSyntax, "unknown Unicode property value", 0},
    {"\\p{Block=Basic_Latin}", RegexError::Kind::kSyntax, "unknown Unicode property name", 0},
    {"\\p{ASCII=Yes}", RegexError::Kind::kSyntax, "unknown Unicode property name", 0},
    {"\\pL", RegexError::Kind::kSyntax, "invalid property escape", 0},
    {"\\p{L", RegexError::Kind::kSyntax, "invalid property escape", 0},
    {"ab\\", RegexError::Kind::kSyntax, "'\\' at end of pattern", 2},
    {"a\xff", RegexError::Kind::kSyntax, "invalid UTF-8 at offset 1", 1},
};

TEST_CASE("regex: errors name the pattern, the construct and its offset", "[regex]") {
  for (const ErrorCase& c : kErrors) {
    INFO("pattern: " << c.pattern);
    std::string out;
    RegexError error;
    CHECK_FALSE(translate_ecma_to_re2(c.pattern, &out, &error));
    INFO("message: " << error.message);
    CHECK(error.kind == c.kind);
    CHECK(error.offset == c.offset);
    CHECK(error.message.rfind("pattern \"", 0) == 0);
    CHECK(error.message.find(c.fragment) != std::string::npos);
    CHECK(is_valid_ecma_regex(c.pattern) == (c.kind == RegexError::Kind::kUnsupported));
    RegexError compile_error;
    CHECK(Pattern::compile(c.pattern, &compile_error) == nullptr);
    CHECK(compile_error.message == error.message);
  }
  RegexError error;
  std::string out;
  REQUIRE_FALSE(translate_ecma_to_re2("(?=a)b", &out, &error));
  CHECK(error.message ==
        "pattern \"(?=a)b\": lookahead '(?=' at offset 0 is not supported (cannot run in linear time)");
  // A null error pointer is allowed.
  CHECK(Pattern::compile("(", nullptr) == nullptr);
  CHECK_FALSE(translate_ecma_to_re2("(", &out, nullptr));
}

TEST_CASE("regex: RE2 limits surface as errors", "[regex]") {
  RegexError error;
  // Nested repetition beyond RE2's total of 1000.
  CHECK(Pattern::compile("(a{100}){100}", &error) == nullptr);
  CHECK(error.kind == RegexError::Kind::kUnsupported);
  CHECK(error.message.find("invalid repetition size") != std::string::npos);
  // A program beyond the memory budget is an error, not an allocation.
  CHECK(Pattern::compile("[\\p{L}\\p{N}]{500}", &error, 256 * 1024) == nullptr);
  CHECK(error.kind == RegexError::Kind::kTooLarge);
  CHECK(error.message.find("262144 bytes") != std::string::npos);
  CHECK(Pattern::compile("[\\p{L}\\p{N}]{5}", &error, 256 * 1024) != nullptr);
}

TEST_CASE("regex: validity for format \"regex\"", "[regex]") {
  const char* valid[] = {
      "([abc])+\\s+$", "(?<name>x)", "(?<n>a)\\k<n>", "(?<=a+)b", "(?<=foo)bar", "(?!x)",
      "[]", "[^]", "\\cA", "\\u{10FFFF}", "(?<a>x)|(?<a>y)", "(?i:a)", "(?-s:a)", "(?im-s:a)",
      "a{99999999999999999999}", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", "[\\d-]", "[-\\w]",
      "\\p{Script_Extensions=Latin}", "\\p{Emoji}", "(?<\\u0061b>x)\\k<ab>", "(?<\u00e9t\u00e9>x)",
  };
  for (const char* p : valid) {
    INFO(p);
    CHECK(is_valid_ecma_regex(p));
  }
  const char* invalid[] = {
      "\\a", "(?P<name>x)", "(?P<n>a)(?P=n)", "(?#comment)a", "(?i)abc", "(?ims)abc", "^(abc]",
      "(a)\\2", "a{3,2}", "a{99999999999999999999,9999999999999999999}", "\\u{110000}", "[\\d-z]",
  };
  for (const char* p : invalid) {
    INFO(p);
    CHECK_FALSE(is_valid_ecma_regex(p));
  }
}

TEST_CASE("regex: nesting depth is bounded", "[regex]") {
  const std::string ok = std::string(150, '(') + "a" + std::string(150, ')');
  CHECK(is_valid_ecma_regex(ok));
  CHECK(Pattern::compile(ok, nullptr) != nullptr);
  const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  RegexError error;
  CHECK_FALSE(is_valid_ecma_regex(deep));
  CHECK(Pattern::compile(deep, &error) == nullptr);
  CHECK(error.message.find("nested deeper") != std::string::npos);
  CHECK(error.message.size() < 400);  // the pattern is cut in messages
}

// --- Unicode tables ----------------------------------------------------------------------------

TEST_CASE("regex: every property name compiles or is reported unsupported", "[regex]") {
  namespace u = jsonsieve::regex::unicode;
  for (size_t i = 0; i < u::kGeneralCategoryAliasCount; ++i) {
    const std::string name = u::kGeneralCategoryAliases[i].name;
    INFO(name);
    CHECK(Pattern::compile("\\p{" + name + "}", nullptr) != nullptr);
    CHECK(Pattern::compile("\\P{" + name + "}", nullptr) != nullptr);
    CHECK(Pattern::compile("[x\\P{gc=" + name + "}]", nullptr) != nullptr);
  }
  int scripts = 0;
  for (size_t i = 0; i < u::kScriptAliasCount; ++i) {
    const std::string name = u::kScriptAliases[i].name;
    INFO(name);
    RegexError error;
    auto p = Pattern::compile("\\p{Script=" + name + "}", &error);
    if (p != nullptr) {
      ++scripts;
    } else {
      CHECK(error.kind == RegexError::Kind::kUnsupported);
      CHECK(error.message.find("RE2 has no table") != std::string::npos);
    }
    CHECK(is_valid_ecma_regex("\\p{sc=" + name + "}"));
  }
  CHECK(scripts > 300);  // long and short names of the ~160 scripts RE2 knows
  int binary = 0;
  for (size_t i = 0; i < u::kBinaryPropertyCount; ++i) {
    const std::string name = u::kBinaryProperties[i].name;
    INFO(name);
    RegexError error;
    if (Pattern::compile("\\P{" + name + "}", &error) != nullptr) {
      ++binary;
    } else {
      CHECK(error.kind == RegexError::Kind::kUnsupported);
    }
    CHECK(is_valid_ecma_regex("\\p{" + name + "}"));
  }
  CHECK(binary >= 20);
}

// --- the official suite --------------------------------------------------------------------------

bool is_directory(const std::string& path) {
  DIR* d = opendir(path.c_str());
  if (d == nullptr) return false;
  closedir(d);
  return true;
}

std::string find_suite_dir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("JSONSIEVE_SUITE_DIR")) candidates.push_back(env);
  std::string up;
  for (int depth = 0; depth < 6; ++depth, up += "../") {
    candidates.push_back(up + "shared/json-schema-test-suite");
    candidates.push_back(up + "../shared/json-schema-test-suite");
  }
  candidates.push_back("/work/shared/json-schema-test-suite");
  for (const std::string& c : candidates)
    if (is_directory(c + "/tests")) return c;
  return "";
}

bool read_file(const std::string& path, std::string* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  std::fclose(f);
  return true;
}

// Suite groups whose schema is only `pattern` (plus `type: string`): a string instance is valid
// exactly when the pattern matches it. Also `format: regex` groups: valid exactly when the string
// is a valid ECMA-262 regex. Groups with other keywords are the suite runner's business.
TEST_CASE("regex: official suite pattern and format-regex cases", "[regex][suite]") {
  const std::string suite = find_suite_dir();
  if (suite.empty()) FAIL("suite not found: set JSONSIEVE_SUITE_DIR");
  const char* files[] = {"pattern.json", "optional/ecmascript-regex.json",
                         "optional/non-bmp-regex.json", "optional/format/regex.json",
                         "optional/format/ecmascript-regex.json"};
  const char* drafts[] = {"draft2020-12", "draft2019-09", "draft7", "draft6", "draft4"};
  int pattern_checks = 0, format_checks = 0;
  for (const char* draft : drafts) {
    for (const char* file : files) {
      const std::string path = suite + "/tests/" + draft + "/" + file;
      std::string text;
      if (!read_file(path, &text)) continue;  // not every draft has every file
      rapidjson::Document doc;
      REQUIRE_FALSE(doc.Parse(text.c_str(), text.size()).HasParseError());
      for (const auto& group : doc.GetArray()) {
        const auto& schema = group["schema"];
        if (!schema.IsObject()) continue;
        bool only_pattern = schema.HasMember("pattern");
        bool only_format = schema.HasMember("format") && std::string(schema["format"].GetString()) == "regex";
        for (const auto& m : schema.GetObject()) {
          const std::string key = m.name.GetString();
          if (key == "$schema" || key == "pattern" || key == "format") continue;
          if (key == "type" && m.value.IsString() && std::string(m.value.GetString()) == "string") continue;
          only_pattern = only_format = false;
        }
        std::unique_ptr<Pattern> p;
        if (only_pattern) {
          p = must_compile(std::string(schema["pattern"].GetString(), schema["pattern"].GetStringLength()));
        }
        for (const auto& t : group["tests"].GetArray()) {
          if (!t["data"].IsString()) continue;
          const std::string data(t["data"].GetString(), t["data"].GetStringLength());
          const bool valid = t["valid"].GetBool();
          INFO(path << ": " << group["description"].GetString() << " / " << t["description"].GetString());
          if (only_pattern) {
            CHECK(p->search(data) == valid);
            CHECK(p->search_re2(data) == valid);
            ++pattern_checks;
          } else if (only_format) {
            CHECK(is_valid_ecma_regex(data) == valid);
            ++format_checks;
          }
        }
      }
    }
  }
  CHECK(pattern_checks > 150);
  CHECK(format_checks >= 40);
}

// --- fast path -----------------------------------------------------------------------------------

TEST_CASE("regex: fast path covers the simple shapes only", "[regex][fast]") {
  const char* fast[] = {
      "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", "^[0-9]{4}$", "^SKU-[A-Z0-9]{5,10}$", "^MRC-[0-9]{6}$",
      "^[^\\s]+$", "^#[a-z0-9_-]{1,80}$", "^[A-Za-z0-9._/*-]{1,100}$", "foo", "^bar$", "^\u00e1",
      "X_", "[0-9]{2,}", "^a*$", "f.*o", ".", "\\d+$", "", "^\\p{AHex}+$",
  };
  for (const char* p : fast) {
    INFO(p);
    CHECK(must_compile(p)->has_fast_path());
  }
  const char* slow[] = {
      "^[0-9]+(Mi|Gi)$", "(?i:abc)", "\\p{L}", "a|b", "^a\\b", "(a)", "^[a-z]+(\\.[a-z_]+)*$",
      "^(?m:a)", "[^\\p{L}]",
  };
  for (const char* p : slow) {
    INFO(p);
    CHECK_FALSE(must_compile(p)->has_fast_path());
  }
}

// Random patterns of the fast-path shapes against random subjects: every answer the fast matcher
// gives agrees with RE2, and it gives one for most subjects (so the comparison is not vacuous).
TEST_CASE("regex: fast path agrees with RE2 (randomized differential)", "[regex][fast]") {
  using jsonsieve::regex::FastMatcher;
  std::mt19937 rng(20261105);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  const char* atoms[] = {"a", "b", "-", "\\.", "\u00e9", "\U0001F600", "[a-c]", "[^a]", "[ab-]",
                         "\\d", "\\w", "\\s", "\\S", "\\W", "\\D", ".", "[^\\s]", "[a-z0-9_-]",
                         "[^]", "[]", "\\p{ASCII}", "[\\p{AHex}x]", "\\P{ASCII}", "(?s:.)", "[0-9]",
                         "[A-Z]", "_", "1"};
  const char* alphabet[] = {"a", "b", "c", "1", "2", "_", "-", ".", " ", "\n", "A", "Z",
                            "\u00e9", "\U0001F600", "\u3000"};
  int fast_patterns = 0, greedy_patterns = 0, literal_patterns = 0, compared = 0, decided = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string pattern;
    if (pick(3) != 0) pattern += "^";
    const size_t items = 1 + pick(5);
    for (size_t i = 0; i < items; ++i) {
      pattern += atoms[pick(sizeof atoms / sizeof *atoms)];
      switch (pick(8)) {
        case 0: pattern += "*"; break;
        case 1: pattern += "+"; break;
        case 2: pattern += "?"; break;
        case 3: pattern += "{" + std::to_string(pick(4)) + "}"; break;
        case 4: pattern += "{" + std::to_string(pick(4)) + ",}"; break;
        case 5: {
          const size_t lo = pick(3);
          pattern += "{" + std::to_string(lo) + "," + std::to_string(lo + pick(4)) + "}";
          break;
        }
        default: break;
      }
    }
    if (pick(2)) pattern += "$";
    auto p = must_compile(pattern);
    jsonsieve::regex::ecma::Ast ast;
    jsonsieve::regex::ecma::ParseError parse_error;
    REQUIRE(jsonsieve::regex::ecma::parse(pattern, &ast, &parse_error));
    auto fast = FastMatcher::build(ast);
    CHECK((fast != nullptr) == p->has_fast_path());
    if (fast == nullptr) continue;
    ++fast_patterns;
    greedy_patterns += fast->is_greedy();
    literal_patterns += fast->is_literal();
    for (int s = 0; s < 60; ++s) {
      std::string subject;
      const size_t len = pick(s < 50 ? 10 : 200);
      const size_t letters = s % 2 ? 15 : 12;  // odd subjects may hold non-ASCII characters
      for (size_t k = 0; k < len; ++k) subject += alphabet[pick(letters)];
      const bool expected = p->search_re2(subject);
      const FastMatcher::Result r = fast->match(subject);
      if (r != FastMatcher::Result::kUnknown) {
        ++decided;
        if ((r == FastMatcher::Result::kMatch) != expected) {
          INFO("pattern: " << pattern << "  re2: " << p->re2_source() << "  subject: " << subject
                           << "  greedy: " << fast->is_greedy());
          CHECK((r == FastMatcher::Result::kMatch) == expected);
        }
      }
      CHECK(p->search(subject) == expected);
      ++compared;
    }
  }
  CHECK(fast_patterns > 2000);
  CHECK(greedy_patterns > 300);
  CHECK(literal_patterns > 20);
  CHECK(decided > compared * 3 / 4);
}

TEST_CASE("regex: fast path falls back to RE2 when it cannot decide", "[regex][fast]") {
  // Non-ASCII subject with a set that holds non-ASCII code points.
  auto p = must_compile("^[^\\s]+$");
  REQUIRE(p->has_fast_path());
  CHECK(p->search("abc\u00e9"));
  CHECK_FALSE(p->search("abc\u3000"));
  // Many disjoint reachable positions overflow the interval buffer.
  auto q = must_compile("a[0-9]z");
  REQUIRE(q->has_fast_path());
  std::string s;
  for (int i = 0; i < 500; ++i) s += "a1 ";
  CHECK_FALSE(q->search(s));
  CHECK(q->search(s + "a9z"));
  // Long runs stay linear.
  auto r = must_compile("^[a-z]{0,1000}[a-z]{0,1000}b$");
  REQUIRE(r->has_fast_path());
  CHECK(r->search(std::string(1999, 'a') + "b"));
  CHECK_FALSE(r->search(std::string(2001, 'a') + "b"));
}

// --- linear time ---------------------------------------------------------------------------------

TEST_CASE("regex: catastrophic-backtracking patterns run in linear time", "[regex][redos][timed]") {
  const std::string subject = std::string(100000, 'a') + "!";
  const char* patterns[] = {"^(a+)+$", "^(a|aa)+$", "^(a|a?)+$", "(x+x+)+y", "^(\\w+\\s?)*$"};
  for (const char* pattern : patterns) {
    INFO(pattern);
    auto p = must_compile(pattern);
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(p->search(subject));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(seconds < 2.0);
  }
}

#ifndef __EMSCRIPTEN__
TEST_CASE("regex: concurrent searches on one pattern", "[regex]") {
  auto slow = must_compile("^(?:[a-z]+\\d)+$");
  auto fast = must_compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$");
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (!slow->search("abc1de2") || slow->search("abc1de")) ++wrong[t];
        if (!fast->search("DE89370400440532013000") || fast->search("DE89")) ++wrong[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int w : wrong) CHECK(w == 0);
}
#endif

}  // namespace
