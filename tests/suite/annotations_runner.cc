// The suite's annotations/ tests: which annotations appear on which instance locations.
// Each assertion names an instance location and a keyword; the expected value maps schema
// locations ("#/properties/foo") to the annotation value. Compatibility strings ("2019",
// "<=2019", "=2020", "6,<=2019") filter the cases per dialect.
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "suite_common.h"

namespace fs = std::filesystem;

namespace {

int release_of(const std::string& draft) {
  if (draft == "draft2020-12") return 2020;
  if (draft == "draft2019-09") return 2019;
  if (draft == "draft7") return 7;
  if (draft == "draft6") return 6;
  if (draft == "draft4") return 4;
  return 0;
}

bool compatible(const std::string& spec, int release) {
  std::stringstream ss(spec);
  std::string part;
  while (std::getline(ss, part, ',')) {
    if (part.rfind("<=", 0) == 0) { if (release > std::stoi(part.substr(2))) return false; }
    else if (part.rfind("=", 0) == 0) { if (release != std::stoi(part.substr(1))) return false; }
    else if (release < std::stoi(part)) return false;
  }
  return true;
}

}  // namespace

int run_annotations(const std::string& suite, const std::string& draft) {
  jsonsieve::Dialect dialect;
  if (!jsonsieve::parse_dialect(draft, &dialect)) return 2;
  const int release = release_of(draft);
  size_t passed = 0, failed = 0;
  fs::path dir = fs::path(suite) / "annotations" / "tests";
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(dir)) if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    rapidjson::Document doc;
    std::string text = read_file(file);
    doc.Parse(text.c_str());
    size_t file_pass = 0, file_total = 0;
    for (auto& c : doc["suite"].GetArray()) {
      if (c.HasMember("compatibility") && !compatible(c["compatibility"].GetString(), release)) continue;
      jsonsieve::Registry registry;
      if (c.HasMember("externalSchemas")) {
        for (auto m = c["externalSchemas"].MemberBegin(); m != c["externalSchemas"].MemberEnd(); ++m) {
          registry[m->name.GetString()] = to_text(m->value);
        }
      }
      jsonsieve::CompileOptions options;
      options.default_dialect = dialect;
      options.registry = &registry;
      jsonsieve::CompileResult compiled = jsonsieve::compile(c["schema"], options);
      std::string name = file.filename().string() + " :: " + c["description"].GetString();
      for (auto& t : c["tests"].GetArray()) {
        jsonsieve::ValidationResult result;
        if (compiled.ok()) {
          jsonsieve::Validator validator(compiled.schema);
          result = validator.validate(t["instance"], jsonsieve::OutputFormat::Basic, true);
        }
        for (auto& a : t["assertions"].GetArray()) {
          ++file_total;
          std::string location = a["location"].GetString();
          std::string keyword = a["keyword"].GetString();
          // Actual: schema location (fragment, without the keyword) → annotation JSON.
          std::map<std::string, std::string> actual;
          for (const jsonsieve::OutputUnit& u : result.units) {
            if (u.annotation_json.empty() || u.instance_location != location || u.keyword != keyword) continue;
            // The suite names schema locations from the document root, so a keyword inside a
            // nested `$id` resource is "#/$defs/numberList/$defs/itemType", not its canonical
            // ".../numberList#/$defs/itemType": compare the unit's schema_location.
            const std::string& where = u.schema_location;
            size_t hash = where.find('#');
            std::string fragment = hash == std::string::npos ? where : where.substr(hash);
            fragment.resize(fragment.size() - keyword.size() - 1);
            rapidjson::Document v;
            v.Parse(u.annotation_json.c_str());
            actual[fragment] = to_text(v);
          }
          std::map<std::string, std::string> expected;
          for (auto m = a["expected"].MemberBegin(); m != a["expected"].MemberEnd(); ++m) {
            expected[m->name.GetString()] = to_text(m->value);
          }
          bool ok = compiled.ok() && actual == expected;
          if (ok) { ++passed; ++file_pass; continue; }
          ++failed;
          std::printf("  FAIL %s :: %s at \"%s\"\n", name.c_str(), keyword.c_str(), location.c_str());
          if (!compiled.ok()) std::printf("    schema did not compile: %s\n", compiled.error.message.c_str());
          for (auto& [k, v] : expected) std::printf("    expected %s = %s\n", k.c_str(), v.c_str());
          for (auto& [k, v] : actual) std::printf("    got      %s = %s\n", k.c_str(), v.c_str());
        }
      }
    }
    std::printf("%-60s %zu/%zu\n", ("annotations/" + file.filename().string()).c_str(), file_pass, file_total);
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
