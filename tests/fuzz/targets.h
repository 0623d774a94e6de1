// The four fuzz targets' bodies, shared by the libFuzzer entry points (tests/fuzz/fuzz_*.cc,
// built by scripts/fuzz.sh with ASan + UBSan) and the Catch2 replay of every saved finding
// (tests/native/fuzz_regressions_test.cc), so a regression input runs the same code paths.
//
// Each target returns "" when every checked property holds, else what broke (the libFuzzer
// entry points print it and abort, which saves the input as a crash). Crashes, leaks and UB are
// the sanitizers' to find; these are the properties no sanitizer sees:
//   json_parse      parse(text) → the in-situ parse (the validator's) agrees on verdict, error
//                   and value; on success: every number is what strtod reads, serialize →
//                   parse again gives an equal value with the same hash; on failure: a message
//                   and a location inside the text, and a number refused as too big is one.
//   schema_compile  [options byte] schema text → compile with the meta-schema check off (so
//                   the compiler sees schemas no meta-schema would let through); a failure has
//                   a message.
//   regex           ECMA-262 pattern [\0 subject] → translate, Pattern::compile, search; the
//                   subject is the pattern itself when there is no \0. Checks: translatable ⇒
//                   valid ECMA-262; translatable ⇒ RE2 compiles it unless it is too large or
//                   repeats too much; the fast matcher agrees with RE2 on valid UTF-8 subjects.
//   validate        [options byte] schema \0 instance → compile, then every way of asking
//                   agrees: is_valid, validate (basic, flag, detailed/verbose), the _text
//                   variants, and is_valid again on the reused Validator; an invalid verdict
//                   carries an error or a failure; format_output is JSON.
//
// Options byte: bits 0-2 dialect (mod 5), bit 3 formats assert, bit 4 meta-schema check
// (validate only), bits 5-6 output format of the third validate call, bit 7 annotations.
// Inputs are named <target>-<what-it-found>.bin under tests/fuzz/regressions/.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "json/parse.h"
#include "json/utf8.h"
#include "json/value.h"
#include "jsonsieve/jsonsieve.h"
#include "regex/pattern.h"

namespace jsonsieve::fuzz {

struct Options {
  CompileOptions compile;
  OutputFormat format = OutputFormat::Basic;
  bool annotations = false;
};

inline Options options_from_byte(uint8_t b) {
  static const Dialect kDialects[] = {Dialect::Draft2020_12, Dialect::Draft2019_09, Dialect::Draft07,
                                      Dialect::Draft06, Dialect::Draft04};
  static const OutputFormat kFormats[] = {OutputFormat::Flag, OutputFormat::Basic,
                                          OutputFormat::Detailed, OutputFormat::Verbose};
  Options o;
  o.compile.default_dialect = kDialects[(b & 7) % 5];
  o.compile.formats = (b & 8) ? FormatMode::Assert : FormatMode::Annotate;
  o.compile.validate_schema = (b & 16) != 0;
  o.format = kFormats[(b >> 5) & 3];
  o.annotations = (b & 128) != 0;
  return o;
}

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Splits at the first NUL: (before, after). No NUL: (all, "") with *found = false.
inline std::pair<std::string_view, std::string_view> split_at_nul(std::string_view s, bool* found) {
  size_t nul = s.find('\0');
  *found = nul != std::string_view::npos;
  if (!*found) return {s, std::string_view()};
  return {s.substr(0, nul), s.substr(nul + 1)};
}

inline std::string location_problem(const ParseError& e, std::string_view text) {
  if (e.message.empty()) return "parse failed without a message";
  if (e.offset > text.size()) return "parse error offset " + std::to_string(e.offset) + " past the end";
  if (e.line < 1 || e.column < 1) return "parse error without a 1-based line/column: " + e.message;
  return "";
}

// --- json_parse ---------------------------------------------------------------------------------
// Digits of a JSON number's significand, leading zeros not counted.
inline size_t significant_digits(const std::string& number) {
  size_t n = 0;
  bool leading = true;
  for (char c : number) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (c != '0') leading = false;
    if (!leading) ++n;
  }
  return n;
}

// Walks the engine's document next to one parsed with numbers kept as text, and checks every
// number against the C library's conversion (correctly rounded): exact integers, doubles to the
// bit (sign of zero included).
inline std::string numbers_problem(const Json& value, const Json& raw) {
  if (value.IsNumber()) {
    std::string text(raw.GetString(), raw.GetStringLength());
    if (value.IsDouble()) {
      double want = std::strtod(text.c_str(), nullptr), got = value.GetDouble();
      if (std::memcmp(&want, &got, sizeof want) != 0) {
        // One message per kind of misparse, so OPEN can tell known findings apart.
        const char* kind = "parsed as";
        if (std::isinf(want)) kind = "is beyond the double range but parsed as";
        else if (want == 0 && text.find_first_of("123456789") < text.find_first_of("eE")) kind = "underflows to 0 but parsed as";
        else if (want == 0) kind = "is zero but parsed as";
        else if (significant_digits(text) > 19) kind = "with more than 19 significant digits parsed as";
        char buf[200];
        std::snprintf(buf, sizeof buf, "number %.60s %s %.17g (strtod: %.17g)", text.c_str(), kind, got, want);
        return buf;
      }
    } else if (value.IsUint64()) {
      if (std::strtoull(text.c_str(), nullptr, 10) != value.GetUint64()) return "integer " + text + " misparsed";
    } else if (std::strtoll(text.c_str(), nullptr, 10) != value.GetInt64()) {
      return "integer " + text + " misparsed";
    }
    return "";
  }
  if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      std::string p = numbers_problem(value[i], raw[i]);
      if (!p.empty()) return p;
    }
  } else if (value.IsObject()) {
    auto r = raw.MemberBegin();
    for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m, ++r) {
      std::string p = numbers_problem(m->value, r->value);
      if (!p.empty()) return p;
    }
  }
  return "";
}

inline bool has_duplicate_keys(const Json& value) {
  if (value.IsArray()) {
    for (const Json& item : value.GetArray()) if (has_duplicate_keys(item)) return true;
  } else if (value.IsObject()) {
    for (auto m = value.MemberBegin(); m != value.MemberEnd(); ++m) {
      for (auto n = value.MemberBegin(); n != m; ++n) if (n->name == m->name) return true;
      if (has_duplicate_keys(m->value)) return true;
    }
  }
  return false;
}

// A number refused as beyond the double range must be one: strtod reads it as infinite (the
// error is located at the number's first byte).
inline std::string refused_number_problem(const ParseError& e, std::string_view text) {
  if (e.message.rfind("Number too big", 0) != 0) return "";
  // The number's extent by JSON's grammar: -?digits(.digits)?([eE][+-]?digits)?
  size_t end = e.offset;
  auto digits = [&] { while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end; };
  if (end < text.size() && text[end] == '-') ++end;
  digits();
  if (end < text.size() && text[end] == '.') { ++end; digits(); }
  if (end < text.size() && (text[end] == 'e' || text[end] == 'E')) {
    ++end;
    if (end < text.size() && (text[end] == '+' || text[end] == '-')) ++end;
    digits();
  }
  std::string number(text.substr(e.offset, end - e.offset));
  double d = std::strtod(number.c_str(), nullptr);
  if (std::isinf(d)) return "";
  char buf[200];
  std::snprintf(buf, sizeof buf, "number %.60s refused as beyond the double range, but strtod reads %.17g",
                number.c_str(), d);
  return buf;
}

inline std::string run_json_parse(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  Limits limits;
  rapidjson::Document doc;
  ParseError error;
  const bool ok = json::parse(text, &doc, &error, limits);
  // The validator parses in situ, with RapidJSON's recursive parser under this depth limit
  // (this parse is iterative): same verdict, same message and offset, an equal value.
  rapidjson::MemoryPoolAllocator<> values, stack;
  json::PooledDocument pooled(&values, 1024, &stack);
  ParseError pooled_error;
  if (json::parse(text, &pooled, &pooled_error, limits, &stack) != ok) return "the in-situ parse disagrees";
  if (pooled_error.message != error.message || pooled_error.offset != error.offset) {
    return "the in-situ parse reports another error: " + pooled_error.message + " / " + error.message;
  }
  if (!ok) {
    std::string p = location_problem(error, text);
    if (!p.empty()) return p;
    return refused_number_problem(error, text);
  }
  if (!json::equal(doc, pooled)) return "the in-situ parse gives another value";

  rapidjson::Document raw;
  constexpr unsigned kRawFlags = json::kParseFlags | rapidjson::kParseNumbersAsStringsFlag;
  size_t bom = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  raw.Parse<kRawFlags>(text.data() + bom, text.size() - bom);
  // RapidJSON alone refuses some finite numbers (0e400) that the engine reads: no reference then.
  const bool raw_refused = raw.HasParseError() && raw.GetParseError() == rapidjson::kParseErrorNumberTooBig;
  if (raw.HasParseError() && !raw_refused) return "parses, but not with numbers as strings";
  if (!raw_refused) {
    std::string p = numbers_problem(doc, raw);
    if (!p.empty()) return p;
  }
  if (!json::equal(doc, doc)) {
    return has_duplicate_keys(doc) ? "duplicate keys: a parsed value is not equal to itself"
                                   : "a parsed value is not equal to itself";
  }
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> writer(out);
  if (!doc.Accept(writer)) return "a parsed value does not serialize";
  std::string_view again_text(out.GetString(), out.GetSize());
  rapidjson::Document again;
  ParseError again_error;
  if (!json::parse(again_text, &again, &again_error, limits)) {
    return "its serialization does not parse: " + again_error.message;
  }
  if (!json::equal(doc, again)) return "parse → serialize → parse changed the value";
  if (json::hash(doc) != json::hash(again)) return "equal values with different hashes";
  return "";
}

// --- schema_compile -----------------------------------------------------------------------------
inline std::string run_schema_compile(const uint8_t* data, size_t size) {
  if (size < 1) return "";
  Options o = options_from_byte(data[0]);
  o.compile.validate_schema = false;
  std::string_view text = as_text(data + 1, size - 1);
  CompileResult compiled = compile(text, o.compile);
  if (!compiled.ok()) {
    if (compiled.error.message.empty()) return "compile failed without a message";
    if (compiled.error.parse.line > 0) return location_problem(compiled.error.parse, text);
  }
  return "";
}

// --- regex --------------------------------------------------------------------------------------
inline std::string run_regex(const uint8_t* data, size_t size) {
  bool has_subject;
  auto [pattern, subject] = split_at_nul(as_text(data, size), &has_subject);
  if (!has_subject) subject = pattern;

  std::string translated;
  regex::RegexError terror;
  bool translates = regex::translate_ecma_to_re2(pattern, &translated, &terror);
  if (translates && !regex::is_valid_ecma_regex(pattern)) {
    return "translated a pattern that is_valid_ecma_regex rejects";
  }
  if (!translates && terror.message.empty()) return "translation failed without a message";

  regex::RegexError cerror;
  auto compiled = regex::Pattern::compile(pattern, &cerror);
  if (!compiled) {
    if (cerror.message.empty()) return "Pattern::compile failed without a message";
    if (translates && cerror.kind != regex::RegexError::Kind::kTooLarge &&
        cerror.message.find("repetition") == std::string::npos) {
      return "RE2 rejects a translation: " + cerror.message;
    }
    return "";
  }
  if (!translates) return "Pattern::compile accepts what translate_ecma_to_re2 rejects";
  // The engine only ever searches valid UTF-8 (instance text is checked before parsing, and a
  // lone surrogate escape is a parse error); on other bytes the fast matcher (which decodes
  // code points) and RE2 (which matches bytes) may differ, and need not agree.
  if (json::invalid_utf8_offset(subject) != std::string_view::npos) return "";
  bool found = compiled->search(subject);
  if (compiled->has_fast_path() && found != compiled->search_re2(subject)) {
    return std::string("fast matcher says ") + (found ? "match" : "no match") + ", RE2 the opposite; RE2 /" +
           compiled->re2_source() + "/";
  }
  return "";
}

// --- validate -----------------------------------------------------------------------------------
inline const char* verdict(bool valid) { return valid ? "valid" : "invalid"; }

inline std::string run_validate(const uint8_t* data, size_t size) {
  if (size < 1) return "";
  Options o = options_from_byte(data[0]);
  bool has_instance;
  auto [schema_text, instance_text] = split_at_nul(as_text(data + 1, size - 1), &has_instance);
  if (!has_instance) return "";
  CompileResult compiled = compile(schema_text, o.compile);
  if (!compiled.ok()) return "";
  Validator validator(compiled.schema);

  rapidjson::Document instance;
  ParseError perror;
  if (!parse_json(instance_text, &instance, &perror, o.compile.limits)) {
    if (validator.is_valid_text(instance_text)) return "is_valid_text accepts text that does not parse";
    ValidationResult r = validator.validate_text(instance_text);
    if (r.valid || !r.failed()) return "validate_text: unparsable text without a failure";
    return "";
  }

  const bool fast = validator.is_valid(instance);
  ValidationResult basic = validator.validate(instance, OutputFormat::Basic);
  if (basic.valid != fast) {
    return std::string("is_valid says ") + verdict(fast) + ", validate (basic) says " + verdict(basic.valid);
  }
  if (!basic.valid && basic.errors.empty() && !basic.failed()) {
    return "validate (basic): invalid without an error or a failure";
  }
  if (basic.valid && !basic.errors.empty()) return "validate (basic): valid with errors";
  ValidationResult flag = validator.validate(instance, OutputFormat::Flag);
  if (flag.valid != fast) return std::string("is_valid says ") + verdict(fast) + ", validate (flag) says " + verdict(flag.valid);
  ValidationResult chosen = validator.validate(instance, o.format, o.annotations);
  if (chosen.valid != fast) {
    return std::string("is_valid says ") + verdict(fast) + ", validate (format " +
           std::to_string(static_cast<int>(o.format)) + ", annotations " + std::to_string(o.annotations) +
           ") says " + verdict(chosen.valid);
  }
  if (validator.is_valid_text(instance_text) != fast) return "is_valid_text disagrees with is_valid";
  ValidationResult text = validator.validate_text(instance_text);
  if (text.valid != fast) return "validate_text disagrees with is_valid";
  if (validator.is_valid(instance) != fast) return "is_valid changed its answer on a reused Validator";

  // Output trees nest a few levels per evaluation level: deeper than instances may be.
  Limits output_limits;
  output_limits.max_data_depth = 8 * o.compile.limits.max_evaluation_depth + 64;
  for (OutputFormat f : {OutputFormat::Flag, OutputFormat::Basic, OutputFormat::Detailed, OutputFormat::Verbose}) {
    std::string out = format_output(chosen, f);
    rapidjson::Document parsed;
    ParseError oerror;
    if (!parse_json(out, &parsed, &oerror, output_limits)) {
      return "format_output (" + std::to_string(static_cast<int>(f)) + ") is not JSON: " + oerror.message;
    }
  }
  return "";
}

// --- open findings ------------------------------------------------------------------------------
// tests/fuzz/regressions/OPEN lists saved findings the engine does not fix yet, one a line:
//   <file name>.bin <TAB> <a substring of the message the target reports for it>
// The libFuzzer entry points ignore reports containing one of those substrings (scripts/fuzz.sh
// points JSONSIEVE_FUZZ_OPEN at the file), so a known bug does not stop every run at once.
struct OpenFinding {
  std::string file;
  std::string signature;
};

inline std::vector<OpenFinding> read_open_findings(const std::string& path) {
  std::vector<OpenFinding> open;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    open.push_back({line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)});
  }
  return open;
}

inline bool is_open_finding(const std::string& report, const std::vector<OpenFinding>& open) {
  for (const OpenFinding& f : open) {
    if (!f.signature.empty() && report.find(f.signature) != std::string::npos) return true;
  }
  return false;
}

// --- registry of targets ------------------------------------------------------------------------
struct Target {
  const char* name;  // also the file-name prefix of its regression inputs
  std::string (*run)(const uint8_t* data, size_t size);
};

inline constexpr Target kTargets[] = {
    {"json_parse", run_json_parse},
    {"schema_compile", run_schema_compile},
    {"regex", run_regex},
    {"validate", run_validate},
};

// The target a regression file belongs to: its name up to the first '-'.
inline const Target* target_for_file(std::string_view file_name) {
  size_t dash = file_name.find('-');
  if (dash == std::string_view::npos) return nullptr;
  for (const Target& t : kTargets) {
    if (file_name.substr(0, dash) == t.name) return &t;
  }
  return nullptr;
}

}  // namespace jsonsieve::fuzz
