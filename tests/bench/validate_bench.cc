// Native throughput of the engine on the shared bench workloads (../shared/bench), with Google
// Benchmark: how far validation is from the cost of reading the bytes.
//
//   jsonsieve_bench --data DIR [--schemas DIR] [--workloads payment-event,large-config]
//                   [--parsed-limit N] [Google Benchmark flags, e.g. --benchmark_repetitions=5]
//
// DIR holds <workload>.ndjson and <workload>.labels.tsv as written by
//   node ../shared/bench/gen.mjs --schema W --count N --invalid-ratio 0.1 --seed 1 --labels W.labels.tsv
// (scripts/bench-native.sh generates them). One benchmark iteration is one pass over every record
// of the file; rates are per wall-clock second (as in the Node benchmark). Per workload:
//   parse_rapidjson    RapidJSON's default DOM parse into a reused arena (the floor: reading bytes)
//   parse_engine       jsonsieve::parse_json (the engine's parser: depth limit, full-precision
//                      numbers, UTF-8 validation) into a reused arena
//   is_valid_text      Validator::is_valid_text per record: parse + validate, verdict only
//   validate_text      Validator::validate_text per record: parse + validate, basic output
//   validate_ndjson    jsonsieve::validate_ndjson on the whole file in one call (what the npm
//                      package's validateNDJSON runs in wasm): verdicts, basic errors of failures
//   is_valid_parsed    Validator::is_valid on documents parsed beforehand: validation alone
//   compile            jsonsieve::compile of the schema (formats asserted)
// Every validating benchmark compares each verdict with the generator's label; one wrong verdict
// fails the benchmark and the program exits 1 (a fast wrong answer is not a result).
#include <benchmark/benchmark.h>

#include <rapidjson/document.h>
#include <rapidjson/memorystream.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "jsonsieve/jsonsieve.h"
#include "jsonsieve/ndjson.h"

#ifndef JSONSIEVE_BENCH_SCHEMAS
#define JSONSIEVE_BENCH_SCHEMAS "../shared/bench/schemas"
#endif

namespace {

bool g_failed = false;  // any verdict mismatch or setup error: exit status 1

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

struct Workload {
  std::string name;
  std::string schema_text;
  std::string text;                     // the whole NDJSON file; records point into it
  std::vector<std::string_view> records;
  std::vector<bool> expected_valid;     // from the labels file, by record index
  size_t expected_invalid = 0;
  std::shared_ptr<const jsonsieve::Schema> schema;

  // Pre-parsed documents for is_valid_parsed, all in one arena (kept for the whole run).
  std::unique_ptr<rapidjson::MemoryPoolAllocator<>> parsed_pool;
  std::vector<rapidjson::Value> parsed;
};

std::vector<std::unique_ptr<Workload>> g_workloads;

jsonsieve::CompileOptions compile_options() {
  jsonsieve::CompileOptions options;
  options.formats = jsonsieve::FormatMode::Assert;  // the labels count bad formats as invalid
  return options;
}

bool load_workload(const std::string& name, const std::string& data_dir, const std::string& schema_dir,
                   size_t parsed_limit, Workload* w) {
  w->name = name;
  std::string labels;
  if (!read_file(schema_dir + "/" + name + ".schema.json", &w->schema_text) ||
      !read_file(data_dir + "/" + name + ".ndjson", &w->text) ||
      !read_file(data_dir + "/" + name + ".labels.tsv", &labels)) {
    std::fprintf(stderr, "bench: %s: missing schema, data or labels under %s / %s\n", name.c_str(),
                 schema_dir.c_str(), data_dir.c_str());
    return false;
  }
  std::string_view all(w->text);
  for (size_t start = 0; start < all.size();) {
    size_t end = all.find('\n', start);
    if (end == std::string_view::npos) end = all.size();
    if (end > start) w->records.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  std::istringstream lines(labels);
  std::string line;
  while (std::getline(lines, line)) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    bool valid = line.compare(tab + 1, 6, "valid\t") == 0 || line.substr(tab + 1) == "valid";
    w->expected_valid.push_back(valid);
    if (!valid) ++w->expected_invalid;
  }
  if (w->expected_valid.size() != w->records.size()) {
    std::fprintf(stderr, "bench: %s: %zu records but %zu labels\n", name.c_str(), w->records.size(),
                 w->expected_valid.size());
    return false;
  }
  jsonsieve::CompileResult compiled = jsonsieve::compile(w->schema_text, compile_options());
  if (!compiled.ok()) {
    std::fprintf(stderr, "bench: %s: schema does not compile: %s at %s\n", name.c_str(),
                 compiled.error.message.c_str(), compiled.error.schema_location.c_str());
    return false;
  }
  w->schema = compiled.schema;

  size_t n = std::min(parsed_limit, w->records.size());
  w->parsed_pool = std::make_unique<rapidjson::MemoryPoolAllocator<>>(1 << 20);
  w->parsed.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    rapidjson::Document doc(w->parsed_pool.get());
    jsonsieve::ParseError error;
    if (!jsonsieve::parse_json(w->records[i], &doc, &error)) {
      std::fprintf(stderr, "bench: %s: record %zu does not parse: %s\n", name.c_str(), i,
                   error.message.c_str());
      return false;
    }
    w->parsed.emplace_back(std::move(static_cast<rapidjson::Value&>(doc)));
  }
  return true;
}

// Reports a wrong verdict once per benchmark and marks the run failed.
bool check_verdicts(benchmark::State& state, const Workload& w, const std::vector<bool>& got) {
  size_t wrong = 0, first = 0;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i] != w.expected_valid[i]) {
      if (wrong++ == 0) first = i;
    }
  }
  if (wrong == 0) return true;
  g_failed = true;
  std::string message = std::to_string(wrong) + " wrong verdicts (first: record " + std::to_string(first) +
                        ", expected " + (w.expected_valid[first] ? "valid" : "invalid") + ")";
  state.SkipWithError(message.c_str());
  return false;
}

void set_throughput(benchmark::State& state, size_t records, size_t bytes) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * records));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}

size_t total_bytes(const Workload& w, size_t n) {
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) bytes += w.records[i].size() + 1;  // + the newline
  return bytes;
}

void BM_parse_rapidjson(benchmark::State& state, const Workload* w) {
  std::vector<char> buffer(1 << 20);
  for (auto _ : state) {
    for (std::string_view record : w->records) {
      rapidjson::MemoryPoolAllocator<> pool(buffer.data(), buffer.size());
      rapidjson::Document doc(&pool);
      rapidjson::MemoryStream stream(record.data(), record.size());
      doc.ParseStream(stream);
      benchmark::DoNotOptimize(doc.HasParseError());
    }
  }
  set_throughput(state, w->records.size(), total_bytes(*w, w->records.size()));
}

void BM_parse_engine(benchmark::State& state, const Workload* w) {
  std::vector<char> buffer(1 << 20);
  jsonsieve::ParseError error;
  for (auto _ : state) {
    for (std::string_view record : w->records) {
      rapidjson::MemoryPoolAllocator<> pool(buffer.data(), buffer.size());
      rapidjson::Document doc(&pool);
      benchmark::DoNotOptimize(jsonsieve::parse_json(record, &doc, &error));
    }
  }
  set_throughput(state, w->records.size(), total_bytes(*w, w->records.size()));
}

void BM_is_valid_text(benchmark::State& state, const Workload* w) {
  jsonsieve::Validator validator(w->schema);
  std::vector<bool> got(w->records.size());
  for (auto _ : state) {
    for (size_t i = 0; i < w->records.size(); ++i) got[i] = validator.is_valid_text(w->records[i]);
  }
  if (!check_verdicts(state, *w, got)) return;
  set_throughput(state, w->records.size(), total_bytes(*w, w->records.size()));
}

void BM_validate_text(benchmark::State& state, const Workload* w) {
  jsonsieve::Validator validator(w->schema);
  std::vector<bool> got(w->records.size());
  for (auto _ : state) {
    for (size_t i = 0; i < w->records.size(); ++i) got[i] = validator.validate_text(w->records[i]).valid;
  }
  if (!check_verdicts(state, *w, got)) return;
  set_throughput(state, w->records.size(), total_bytes(*w, w->records.size()));
}

void BM_validate_ndjson(benchmark::State& state, const Workload* w) {
  jsonsieve::Validator validator(w->schema);
  std::vector<jsonsieve::LineVerdict> verdicts;
  jsonsieve::NdjsonOptions options;
  options.verdicts = &verdicts;
  size_t invalid = 0;
  for (auto _ : state) {
    verdicts.clear();
    jsonsieve::NdjsonReport report = jsonsieve::validate_ndjson(validator, w->text, options);
    invalid = report.invalid + report.malformed;
    benchmark::DoNotOptimize(report.failures.data());
  }
  std::vector<bool> got(w->records.size());
  for (size_t i = 0; i < got.size(); ++i) got[i] = i < verdicts.size() && verdicts[i] == jsonsieve::LineVerdict::Valid;
  if (!check_verdicts(state, *w, got)) return;
  if (invalid != w->expected_invalid) {
    g_failed = true;
    state.SkipWithError("invalid + malformed count differs from the labels");
    return;
  }
  set_throughput(state, w->records.size(), w->text.size());
}

void BM_is_valid_parsed(benchmark::State& state, const Workload* w) {
  jsonsieve::Validator validator(w->schema);
  std::vector<bool> got(w->parsed.size());
  for (auto _ : state) {
    for (size_t i = 0; i < w->parsed.size(); ++i) got[i] = validator.is_valid(w->parsed[i]);
  }
  std::vector<bool> expected(w->expected_valid.begin(), w->expected_valid.begin() + got.size());
  size_t wrong = 0;
  for (size_t i = 0; i < got.size(); ++i) wrong += got[i] != expected[i];
  if (wrong) {
    g_failed = true;
    std::string message = std::to_string(wrong) + " wrong verdicts";
    state.SkipWithError(message.c_str());
    return;
  }
  set_throughput(state, w->parsed.size(), total_bytes(*w, w->parsed.size()));
}

void BM_compile(benchmark::State& state, const Workload* w) {
  for (auto _ : state) {
    jsonsieve::CompileResult compiled = jsonsieve::compile(w->schema_text, compile_options());
    if (!compiled.ok()) {
      g_failed = true;
      state.SkipWithError("schema does not compile");
      return;
    }
    benchmark::DoNotOptimize(compiled.schema.get());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// Pulls our own options out of argv (Google Benchmark has consumed its own by then).
std::string take_option(int* argc, char** argv, const char* name, const char* fallback) {
  std::string prefix = std::string(name) + "=";
  for (int i = 1; i < *argc; ++i) {
    std::string arg = argv[i];
    std::string value;
    int used = 0;
    if (arg == name && i + 1 < *argc) { value = argv[i + 1]; used = 2; }
    else if (arg.rfind(prefix, 0) == 0) { value = arg.substr(prefix.size()); used = 1; }
    if (used) {
      for (int j = i; j + used < *argc; ++j) argv[j] = argv[j + used];
      *argc -= used;
      return value;
    }
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string data_dir = take_option(&argc, argv, "--data", "");
  std::string schema_dir = take_option(&argc, argv, "--schemas", JSONSIEVE_BENCH_SCHEMAS);
  std::string names = take_option(&argc, argv, "--workloads", "payment-event,large-config");
  size_t parsed_limit = std::strtoull(take_option(&argc, argv, "--parsed-limit", "1000000").c_str(), nullptr, 10);
  if (data_dir.empty() || argc > 1) {
    std::fprintf(stderr,
                 "usage: %s --data DIR [--schemas DIR] [--workloads a,b] [--parsed-limit N] [--benchmark_*]\n",
                 argv[0]);
    return 2;
  }
  for (size_t start = 0; start <= names.size();) {
    size_t end = names.find(',', start);
    if (end == std::string::npos) end = names.size();
    std::string name = names.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    auto w = std::make_unique<Workload>();
    if (!load_workload(name, data_dir, schema_dir, parsed_limit, w.get())) return 1;
    std::fprintf(stderr, "bench: %s: %zu records (%zu invalid), %.1f MB\n", name.c_str(), w->records.size(),
                 w->expected_invalid, static_cast<double>(w->text.size()) / 1e6);
    g_workloads.push_back(std::move(w));
  }
  for (const auto& w : g_workloads) {
    const Workload* p = w.get();
    const std::string& n = p->name;
    benchmark::RegisterBenchmark((n + "/parse_rapidjson").c_str(), BM_parse_rapidjson, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/parse_engine").c_str(), BM_parse_engine, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/is_valid_text").c_str(), BM_is_valid_text, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/validate_text").c_str(), BM_validate_text, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/validate_ndjson").c_str(), BM_validate_ndjson, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/is_valid_parsed").c_str(), BM_is_valid_parsed, p)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RegisterBenchmark((n + "/compile").c_str(), BM_compile, p)->Unit(benchmark::kMicrosecond)->UseRealTime();
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return g_failed ? 1 : 0;
}
