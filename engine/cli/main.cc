// jsonsieve (native CLI): validate JSON and NDJSON files against a schema.
//
//   jsonsieve --schema schema.json [--dialect 2020-12] [--formats annotate|assert]
//             [--output basic|flag|detailed|verbose] [--registry DIR] [--quiet] FILE...
//
// A file ending in .ndjson or .jsonl (or given with --ndjson) is one document per line.
// Prints located errors (file:line:column: instanceLocation keywordLocation message) and a
// summary. Exit status: 0 all valid, 1 some invalid, 2 usage, schema or I/O error.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "jsonsieve/jsonsieve.h"

namespace fs = std::filesystem;

namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool ends_with(const std::string& s, const char* suffix) {
  std::string t(suffix);
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: jsonsieve --schema schema.json [--dialect D] [--formats annotate|assert]\n"
               "                 [--output basic|flag|detailed|verbose] [--registry DIR] [--ndjson]\n"
               "                 [--quiet] FILE...   (FILE '-' reads stdin)\n");
  return 2;
}

struct Totals {
  size_t documents = 0, valid = 0, invalid = 0, malformed = 0, bytes = 0;
};

// Validates one document; prints its errors. Returns false if invalid or malformed.
bool check(jsonsieve::Validator& validator, const std::string& name, std::string_view text,
           size_t line_offset, jsonsieve::OutputFormat format, bool quiet, Totals* totals) {
  ++totals->documents;
  totals->bytes += text.size();
  if (format == jsonsieve::OutputFormat::Flag && quiet) {
    bool ok = validator.is_valid_text(text);
    if (ok) { ++totals->valid; return true; }
    if (!validator.last_failure().message.empty()) ++totals->malformed; else ++totals->invalid;
    return false;
  }
  jsonsieve::ValidationResult result = validator.validate_text(text, format);
  if (result.valid) { ++totals->valid; return true; }
  if (result.failed()) {
    ++totals->malformed;
    std::printf("%s:%zu:%zu: %s\n", name.c_str(), result.failure.line + line_offset,
                result.failure.column, result.failure.message.c_str());
    return false;
  }
  ++totals->invalid;
  if (quiet) return false;
  if (format == jsonsieve::OutputFormat::Detailed || format == jsonsieve::OutputFormat::Verbose) {
    std::printf("%s:%zu: %s\n", name.c_str(), line_offset + 1,
                jsonsieve::format_output(result, format).c_str());
    return false;
  }
  for (const jsonsieve::OutputUnit& e : result.errors) {
    std::printf("%s:%zu:%zu: %s: %s (%s)\n", name.c_str(), e.line + line_offset, e.column,
                e.instance_location.empty() ? "(root)" : e.instance_location.c_str(), e.error.c_str(),
                e.keyword_location.c_str());
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string schema_path, registry_dir;
  jsonsieve::CompileOptions options;
  jsonsieve::OutputFormat format = jsonsieve::OutputFormat::Basic;
  bool force_ndjson = false, quiet = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--schema") { if (!value(&schema_path)) return usage(); }
    else if (a == "--registry") { if (!value(&registry_dir)) return usage(); }
    else if (a == "--dialect") {
      if (!value(&v) || !jsonsieve::parse_dialect(v, &options.default_dialect)) return usage();
    } else if (a == "--formats") {
      if (!value(&v) || (v != "annotate" && v != "assert")) return usage();
      options.formats = v == "assert" ? jsonsieve::FormatMode::Assert : jsonsieve::FormatMode::Annotate;
    } else if (a == "--output") {
      if (!value(&v) || !jsonsieve::parse_output_format(v, &format)) return usage();
    } else if (a == "--ndjson") force_ndjson = true;
    else if (a == "--quiet" || a == "-q") quiet = true;
    else if (a == "--help" || a == "-h") return usage();
    else if (!a.empty() && a[0] == '-' && a != "-") return usage();
    else files.push_back(a);
  }
  if (schema_path.empty()) return usage();
  if (files.empty()) files.push_back("-");

  jsonsieve::Registry registry;
  if (!registry_dir.empty()) {
    std::error_code ec;
    for (auto& entry : fs::recursive_directory_iterator(registry_dir, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      std::string text;
      if (!read_file(entry.path().string(), &text)) continue;
      rapidjson::Document doc;
      doc.Parse(text.c_str());
      const char* id_key = doc.IsObject() && doc.HasMember("$id") ? "$id" : "id";
      if (doc.IsObject() && doc.HasMember(id_key) && doc[id_key].IsString()) {
        registry[doc[id_key].GetString()] = text;
      }
      registry["file://" + fs::absolute(entry.path()).string()] = text;
    }
    if (ec) { std::fprintf(stderr, "jsonsieve: cannot read registry %s: %s\n", registry_dir.c_str(), ec.message().c_str()); return 2; }
    options.registry = &registry;
  }

  std::string schema_text;
  if (!read_file(schema_path, &schema_text)) {
    std::fprintf(stderr, "jsonsieve: cannot read schema %s\n", schema_path.c_str());
    return 2;
  }
  options.base_uri = "file://" + fs::absolute(schema_path).string();
  jsonsieve::CompileResult compiled = jsonsieve::compile(schema_text, options);
  if (!compiled.ok()) {
    const jsonsieve::SchemaError& e = compiled.error;
    if (e.parse.line > 0) {
      std::fprintf(stderr, "%s:%zu:%zu: %s\n", schema_path.c_str(), e.parse.line, e.parse.column, e.message.c_str());
    } else {
      std::fprintf(stderr, "%s: schema error at \"%s\": %s\n", schema_path.c_str(), e.schema_location.c_str(), e.message.c_str());
    }
    return 2;
  }
  jsonsieve::Validator validator(compiled.schema);

  Totals totals;
  auto start = std::chrono::steady_clock::now();
  for (const std::string& file : files) {
    std::string text;
    if (file == "-") {
      std::stringstream ss;
      ss << std::cin.rdbuf();
      text = ss.str();
    } else if (!read_file(file, &text)) {
      std::fprintf(stderr, "jsonsieve: cannot read %s\n", file.c_str());
      return 2;
    }
    bool ndjson = force_ndjson || ends_with(file, ".ndjson") || ends_with(file, ".jsonl");
    if (!ndjson) {
      check(validator, file, text, 0, format, quiet, &totals);
      continue;
    }
    size_t line = 0, begin = 0;
    while (begin < text.size()) {
      size_t end = text.find('\n', begin);
      if (end == std::string::npos) end = text.size();
      std::string_view record(text.data() + begin, end - begin);
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
      bool blank = record.find_first_not_of(" \t") == std::string_view::npos;
      if (!blank) check(validator, file, record, line, format, quiet, &totals);
      ++line;
      begin = end + 1;
    }
  }
  std::fflush(stdout);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "%zu %s: %zu valid, %zu invalid, %zu malformed (%.1f MB in %.3f s, %.0f documents/s)\n",
               totals.documents, totals.documents == 1 ? "document" : "documents", totals.valid, totals.invalid, totals.malformed, totals.bytes / 1e6,
               seconds, seconds > 0 ? totals.documents / seconds : 0.0);
  return totals.invalid + totals.malformed == 0 ? 0 : 1;
}
