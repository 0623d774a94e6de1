// The suite's output-tests/: the engine's output in each format the test names must validate
// against the test's schema for that format (which references the spec's output schema).
#include <algorithm>
#include <cstdio>

#include "suite_common.h"

namespace fs = std::filesystem;

int run_output_tests(const std::string& suite, const std::string& draft) {
  jsonsieve::Dialect dialect;
  if (!jsonsieve::parse_dialect(draft, &dialect)) return 2;
  fs::path dir = fs::path(suite) / "output-tests" / draft;
  if (!fs::exists(dir)) {
    std::printf("no output tests for %s\n0 passed, 0 failed\n", draft.c_str());
    return 0;
  }
  rapidjson::Document output_schema;
  std::string output_schema_text = read_file(dir / "output-schema.json");
  output_schema.Parse(output_schema_text.c_str());
  jsonsieve::Registry registry;
  registry[output_schema["$id"].GetString()] = output_schema_text;

  size_t passed = 0, failed = 0;
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir / "content")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    rapidjson::Document doc;
    std::string text = read_file(file);
    doc.Parse(text.c_str());
    size_t file_pass = 0, file_total = 0;
    for (auto& group : doc.GetArray()) {
      jsonsieve::CompileOptions options;
      options.default_dialect = dialect;
      jsonsieve::CompileResult compiled = jsonsieve::compile(group["schema"], options);
      for (auto& t : group["tests"].GetArray()) {
        for (auto m = t["output"].MemberBegin(); m != t["output"].MemberEnd(); ++m) {
          ++file_total;
          std::string format_name = m->name.GetString();
          std::string key = file.filename().string() + " :: " + group["description"].GetString() +
                            " / " + t["description"].GetString() + " [" + format_name + "]";
          jsonsieve::OutputFormat format;
          bool ok = compiled.ok() && jsonsieve::parse_output_format(format_name, &format);
          std::string produced, why;
          if (ok) {
            jsonsieve::Validator validator(compiled.schema);
            jsonsieve::ValidationResult result = validator.validate(t["data"], format, true);
            produced = jsonsieve::format_output(result, format);
            jsonsieve::CompileOptions check_options;
            check_options.registry = &registry;
            jsonsieve::CompileResult checker = jsonsieve::compile(m->value, check_options);
            if (!checker.ok()) {
              ok = false;
              why = "output schema did not compile: " + checker.error.message;
            } else {
              jsonsieve::Validator check(checker.schema);
              jsonsieve::ValidationResult verdict = check.validate_text(produced);
              ok = verdict.valid;
              for (auto& e : verdict.errors) why += "\n      " + e.instance_location + " " + e.keyword_location + ": " + e.error;
            }
          } else {
            why = compiled.ok() ? "unknown format" : "schema did not compile: " + compiled.error.message;
          }
          if (ok) { ++passed; ++file_pass; continue; }
          ++failed;
          std::printf("  FAIL %s\n    output: %s%s\n", key.c_str(), produced.c_str(), why.c_str());
        }
      }
    }
    std::printf("%-60s %zu/%zu\n", ("output-tests/" + draft + "/" + file.filename().string()).c_str(), file_pass, file_total);
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
