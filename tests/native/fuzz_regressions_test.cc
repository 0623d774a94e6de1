// Replays what the fuzzers found (tests/fuzz/regressions/<target>-<what>.bin) through the same
// target bodies the libFuzzer binaries run (tests/fuzz/targets.h), in the ordinary test build.
// One test per finding, named after it; findings the engine does not fix yet are listed in
// tests/fuzz/regressions/OPEN and tagged [!mayfail] here (and hidden with [.] when they crash):
// when one is fixed, drop its line there and its tags here.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "../fuzz/targets.h"

namespace {

const std::string kDir = std::string(JSONSIEVE_SOURCE_DIR) + "/tests/fuzz/regressions";

std::vector<std::string> saved_inputs() {
  std::vector<std::string> names;
  if (DIR* dir = opendir(kDir.c_str())) {
    while (dirent* entry = readdir(dir)) {
      std::string name = entry->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".bin") == 0) names.push_back(name);
    }
    closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::set<std::string> open_findings() {
  std::set<std::string> names;
  for (const auto& f : jsonsieve::fuzz::read_open_findings(kDir + "/OPEN")) names.insert(f.file);
  return names;
}

// What the input's target reports ("" = every property holds).
std::string replay(const std::string& name) {
  const jsonsieve::fuzz::Target* target = jsonsieve::fuzz::target_for_file(name);
  if (target == nullptr) return "no fuzz target is named by the prefix of " + name;
  std::ifstream in(kDir + "/" + name, std::ios::binary);
  if (!in) return "cannot read " + name;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return target->run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

TEST_CASE("fuzz regressions: every saved input names its target and replays cleanly", "[fuzz]") {
  std::vector<std::string> names = saved_inputs();
  REQUIRE_FALSE(names.empty());  // the directory is found (JSONSIEVE_SOURCE_DIR)
  std::set<std::string> open = open_findings();
  for (const auto& f : jsonsieve::fuzz::read_open_findings(kDir + "/OPEN")) {
    INFO(f.file);
    CHECK(std::find(names.begin(), names.end(), f.file) != names.end());  // OPEN lists real files
    CHECK_FALSE(f.signature.empty());  // (not replayed here: some open findings crash)
  }
  for (const std::string& name : names) {
    INFO(name);
    REQUIRE(jsonsieve::fuzz::target_for_file(name) != nullptr);
    if (open.count(name) == 0) CHECK(replay(name) == "");
  }
}

// --- one test per finding ----------------------------------------------------------------------

// The next seven shared one cause: RapidJSON 1.1.0's full-precision number conversion
// (kParseFullPrecisionFlag). Fixed by taking numbers as text (kParseNumbersAsStringsFlag) and
// converting them in engine/json/parse.cc. Every number must parse as strtod / JSON.parse reads it.

// Just below the smallest subnormal: 1e-324 parses as NaN (not equal to itself: const/enum/
// uniqueItems go wrong), 5e-325 as -8.99e307 (so {"minimum": 0} rejects it). Both are 0.
TEST_CASE("fuzz regression: numbers that underflow to zero parse as NaN or huge negatives",
          "[fuzz][json]") {
  CHECK(replay("json_parse-subnormal-underflow-misparsed.bin") == "");
}

// 0e40 parses as a huge number (3.4e156 here, another value at -O2: RapidJSON normalizes a zero
// significand with __builtin_clzll(0), which is undefined). 0 with any exponent is 0.
TEST_CASE("fuzz regression: zero with a large exponent parses as a huge number",
          "[fuzz][json]") {
  CHECK(replay("json_parse-zero-with-large-exponent-misparsed.bin") == "");
}

// 10e308 (beyond DBL_MAX, like 1e400, which is rejected) parses as -3.09e-308: wrong sign and
// magnitude. It should be rejected like 1e400 (or be infinite, as in strtod and JSON.parse).
TEST_CASE("fuzz regression: numbers beyond the double range parse as tiny values of either sign",
          "[fuzz][json]") {
  CHECK(replay("json_parse-overflow-past-dbl-max-misparsed.bin") == "");
}

// 9299991999E299: also beyond the double range; RapidJSON's own assertion (Double::
// NextPositiveDouble, `!Sign()`) fails in builds without NDEBUG; with NDEBUG it parses as -2.9e-308.
TEST_CASE("fuzz regression: a number beyond the double range trips a RapidJSON assertion",
          "[fuzz][json]") {
  CHECK(replay("json_parse-number-beyond-range-trips-rapidjson-assert.bin") == "");
}

// 7976931348674444…444e308 (101 digits): the conversion reads past the end of RapidJSON's table of
// cached powers of ten (an out-of-bounds read, seen by UBSan/ASan in the fuzz build) and yields
// a value that depends on what lies behind the table. It must be rejected like 1e400.
TEST_CASE("fuzz regression: a 101-digit number beyond the double range reads past a power table",
          "[fuzz][json]") {
  CHECK(replay("json_parse-huge-number-reads-past-rapidjson-power-table.bin") == "");
}

// 0.000184467440737095516159 (a significand above 2^64 × 10) parses as a value that changes with
// the compiler's optimization level (1.3e-23, -1.5e-64, -2.4e167 ... signed overflow inside
// RapidJSON): an ordinary-looking number in range, misread.
TEST_CASE("fuzz regression: a number with more than 19 significant digits is misread",
          "[fuzz][json]") {
  CHECK(replay("json_parse-long-significand-misparsed.bin") == "");
}

// 99999999990.000184…33331e-400 (82 bytes) makes the conversion index its power table with a
// wild value: a segmentation fault natively (g++ -O2 release library), "memory access out of
// bounds" in wasm (the instance dies; the npm wrapper restarts it).
TEST_CASE("fuzz regression: a long number with a large negative exponent crashes the parser",
          "[fuzz][json]") {
  CHECK(replay("json_parse-long-number-with-large-negative-exponent-segfaults.bin") == "");
}

// {"$":"","$":6}: json::equal looks each member up by name, so with a duplicate key an object is
// not equal to itself (const/enum fail on an identical instance, uniqueItems passes identical
// items), and which of the values `properties` sees is unclear. JSON.parse keeps the last one.
// Fixed: a duplicate key is a located parse error ("duplicate key \"$\""), so the input no
// longer parses (the target then checks only that the error is located).
TEST_CASE("fuzz regression: an object with a duplicate key is not equal to itself",
          "[fuzz][json]") {
  CHECK(replay("json_parse-duplicate-keys-not-equal-to-itself.bin") == "");
}

// 0e400 is 0 (strtod, JSON.parse), but RapidJSON's reader refused it with "Number too big to be
// stored in double" before the engine saw the number: its early range checks (exponent above
// 308 plus the fraction digits; an integer part past DBL_MAX / 10) run even with
// kParseNumbersAsStringsFlag. Same for 0.0e309, -0e999 and DBL_MAX written out in full. Fixed:
// on that error the parser reads such numbers from the text and parses again with them masked.
TEST_CASE("fuzz regression: zero with an exponent beyond 308 is refused as too big", "[fuzz][json]") {
  CHECK(replay("json_parse-zero-with-huge-exponent-refused-as-too-big.bin") == "");
}

// 0e05407-3429358: invalid (text after the number), but the number itself was first refused by
// RapidJSON as too big; the second look at such numbers took "-3429358" for part of it, so the
// number was left refused while strtod reads 0. The sign now ends the number, which is read as
// 0, and the text fails where the trailing text starts.
TEST_CASE("fuzz regression: a refused number followed by a sign", "[fuzz][json]") {
  CHECK(replay("json_parse-refused-number-followed-by-a-sign.bin") == "");
}

// 0E+0000000176572.511530: likewise, with a fraction after the exponent; the second look now
// measures numbers exactly as RapidJSON's grammar does (longest valid prefix).
TEST_CASE("fuzz regression: a refused number followed by a fraction", "[fuzz][json]") {
  CHECK(replay("json_parse-refused-number-followed-by-a-fraction.bin") == "");
}
