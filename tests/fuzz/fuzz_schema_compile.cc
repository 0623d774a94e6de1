// libFuzzer target: [options byte] schema text → compile with the meta-schema check off.
// Built and run by scripts/fuzz.sh; the checked properties are described in targets.h.
#include <cstdio>
#include <cstdlib>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken = jsonsieve::fuzz::run_schema_compile(data, size);
  if (!broken.empty()) {
    std::fprintf(stderr, "jsonsieve fuzz (schema_compile): %s\n", broken.c_str());
    std::abort();  // libFuzzer saves the input as a crash
  }
  return 0;
}
