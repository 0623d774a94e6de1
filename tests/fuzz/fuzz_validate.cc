// libFuzzer target: [options byte] schema \0 instance → compile + validate; fast and full answers must agree.
// Built and run by scripts/fuzz.sh; the checked properties are described in targets.h.
#include <cstdio>
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = jsonsieve::fuzz::run_validate(data, size);
  if (!broken.empty()) {
    static const std::vector<jsonsieve::fuzz::OpenFinding> open = jsonsieve::fuzz::read_open_findings(
        std::getenv("JSONSIEVE_FUZZ_OPEN") != nullptr ? std::getenv("JSONSIEVE_FUZZ_OPEN") : "");
    if (jsonsieve::fuzz::is_open_finding(broken, open)) return 0;  // known, saved, not fixed yet
    std::fprintf(stderr, "jsonsieve fuzz (validate): %s\n", broken.c_str());
    std::abort();  // libFuzzer saves the input as a crash
  }
  return 0;
}
