// Runs the official JSON-Schema-Test-Suite against the engine.
//
//   suite_runner --suite DIR --draft draft2020-12 [--optional] [--skip FILE] [--results FILE] [-v]
//
// Registers the suite's remotes under http://localhost:1234/ (the suite's convention; nothing is
// fetched), compiles each test group's schema and checks every test's verdict. Prints per-file
// counts and ends with "N passed, N failed". Failures listed in the skip file (with a reason
// each) are reported but do not fail the run; anything else failing exits 1.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "jsonsieve/jsonsieve.h"
#include "suite_common.h"

namespace fs = std::filesystem;

int run_annotations(const std::string& suite, const std::string& draft);
int run_output_tests(const std::string& suite, const std::string& draft);

namespace {

}  // namespace

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string to_text(const jsonsieve::Json& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  return buffer.GetString();
}

namespace {

struct Options {
  std::string suite, draft, skip_file, results_file;
  bool optional = false;
  bool verbose = false;
  std::string mode = "validation";
};

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--suite") opt.suite = next();
    else if (a == "--draft") opt.draft = next();
    else if (a == "--skip") opt.skip_file = next();
    else if (a == "--results") opt.results_file = next();
    else if (a == "--optional") opt.optional = true;
    else if (a == "--annotations") opt.mode = "annotations";
    else if (a == "--output-tests") opt.mode = "output";
    else if (a == "-v" || a == "--verbose") opt.verbose = true;
    else { std::fprintf(stderr, "unknown argument %s\n", a.c_str()); return 2; }
  }
  if (opt.suite.empty() || opt.draft.empty()) {
    std::fprintf(stderr, "usage: suite_runner --suite DIR --draft draft2020-12 [--optional] [--skip FILE]\n");
    return 2;
  }
  if (opt.mode == "annotations") return run_annotations(opt.suite, opt.draft);
  if (opt.mode == "output") return run_output_tests(opt.suite, opt.draft);
  jsonsieve::Dialect dialect;
  if (!jsonsieve::parse_dialect(opt.draft, &dialect)) {
    std::fprintf(stderr, "unknown draft %s\n", opt.draft.c_str());
    return 2;
  }

  // Remotes, keyed by their URL in the suite's convention.
  jsonsieve::Registry registry;
  fs::path remotes = fs::path(opt.suite) / "remotes";
  for (auto& entry : fs::recursive_directory_iterator(remotes)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    std::string rel = fs::relative(entry.path(), remotes).generic_string();
    registry["http://localhost:1234/" + rel] = read_file(entry.path());
  }

  // Skip list: {"<file relative to tests/>": {"<group> / <test>": "reason"}}
  std::map<std::string, std::string> skips;
  if (!opt.skip_file.empty()) {
    rapidjson::Document doc;
    std::string text = read_file(opt.skip_file);
    doc.Parse(text.c_str());
    if (doc.HasParseError() || !doc.IsObject()) {
      std::fprintf(stderr, "cannot read skip file %s\n", opt.skip_file.c_str());
      return 2;
    }
    for (auto f = doc.MemberBegin(); f != doc.MemberEnd(); ++f) {
      if (!f->value.IsObject()) continue;
      for (auto t = f->value.MemberBegin(); t != f->value.MemberEnd(); ++t) {
        skips[std::string(f->name.GetString()) + " :: " + t->name.GetString()] =
            t->value.IsString() ? t->value.GetString() : "";
      }
    }
  }

  fs::path root = fs::path(opt.suite) / "tests" / opt.draft;
  std::vector<fs::path> files;
  for (auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    bool is_optional = fs::relative(entry.path(), root).generic_string().rfind("optional/", 0) == 0;
    if (is_optional == opt.optional) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());

  std::FILE* results = opt.results_file.empty() ? nullptr : std::fopen(opt.results_file.c_str(), "w");
  size_t passed = 0, failed = 0, skipped_failures = 0, unexpected = 0, unexpected_passes = 0;
  for (const fs::path& file : files) {
    std::string rel = opt.draft + "/" + fs::relative(file, root).generic_string();
    bool assert_formats = rel.find("/optional/format/") != std::string::npos;
    rapidjson::Document groups;
    std::string text = read_file(file);
    groups.Parse(text.c_str());
    if (groups.HasParseError() || !groups.IsArray()) {
      std::printf("%s: cannot parse\n", rel.c_str());
      ++failed;
      ++unexpected;
      continue;
    }
    size_t file_pass = 0, file_total = 0;
    for (auto& group : groups.GetArray()) {
      std::string group_name = group["description"].GetString();
      jsonsieve::CompileOptions options;
      options.default_dialect = dialect;
      options.registry = &registry;
      options.formats = assert_formats ? jsonsieve::FormatMode::Assert : jsonsieve::FormatMode::Annotate;
      jsonsieve::CompileResult compiled = jsonsieve::compile(group["schema"], options);
      std::unique_ptr<jsonsieve::Validator> validator;
      if (compiled.ok()) validator = std::make_unique<jsonsieve::Validator>(compiled.schema);
      for (auto& test : group["tests"].GetArray()) {
        std::string key = rel + " :: " + group_name + " / " + test["description"].GetString();
        bool expected = test["valid"].GetBool();
        bool ok;
        std::string detail;
        if (!validator) {
          ok = false;
          detail = "schema did not compile: " + compiled.error.message + " at \"" +
                   compiled.error.schema_location + "\"";
        } else {
          bool fast = validator->is_valid(test["data"]);
          jsonsieve::ValidationResult full = validator->validate(test["data"]);
          // The same instance as text: the validator's own (in situ) parse path.
          bool text = validator->is_valid_text(to_text(test["data"]));
          // The fast, the full and the text answers must agree, and all match the suite.
          ok = fast == expected && full.valid == expected && text == expected;
          if (!ok) {
            detail = std::string("expected ") + (expected ? "valid" : "invalid") + ", fast=" +
                     (fast ? "valid" : "invalid") + ", full=" + (full.valid ? "valid" : "invalid") +
                     ", text=" + (text ? "valid" : "invalid");
            if (full.failed()) detail += " (" + full.failure.message + ")";
            for (auto& e : full.errors) detail += "\n      " + e.keyword_location + ": " + e.error;
          }
        }
        ++file_total;
        auto skip = skips.find(key);
        if (ok) {
          ++passed;
          ++file_pass;
          if (skip != skips.end()) {
            ++unexpected_passes;
            std::printf("  UNEXPECTED PASS (remove from skip list): %s\n", key.c_str());
          }
        } else {
          ++failed;
          if (skip != skips.end()) {
            ++skipped_failures;
            if (opt.verbose) std::printf("  known failure: %s (%s)\n", key.c_str(), skip->second.c_str());
          } else {
            ++unexpected;
            std::printf("  FAIL %s\n    %s\n    data: %s\n", key.c_str(), detail.c_str(),
                        to_text(test["data"]).substr(0, 200).c_str());
          }
        }
        if (results) std::fprintf(results, "%s\t%s\n", ok ? "pass" : "fail", key.c_str());
      }
    }
    std::printf("%-60s %zu/%zu\n", rel.c_str(), file_pass, file_total);
  }
  if (results) std::fclose(results);
  std::printf("%zu known failures (skip list), %zu unexpected failures, %zu unexpected passes\n",
              skipped_failures, unexpected, unexpected_passes);
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return unexpected == 0 ? 0 : 1;
}
