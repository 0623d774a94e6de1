# RE2 for the wasm build: a static library `re2` compiled from the sources shipped in the npm
# tarball re2@1.17.7 (vendor/re2, vendor/util; RE2 2022-06-01, no abseil), installed by
# scripts/setup.sh with --ignore-scripts. Its re2.h is byte-identical to Debian's, so the engine
# sees the same API natively and in wasm.
#
# - Our util/logging.h shim (engine/third_party_shims/re2_logging) goes first on RE2's private
#   include path: RE2's own header pulls ~100 KB of iostream/locale code into the module.
# - No -pthread: RE2's mutex maps to Emscripten's single-thread stubs.
# - JSONSIEVE_RE2_OPT picks RE2's optimisation level independently of the engine's (no LTO, so
#   mixed levels are honoured at link time).

set(JSONSIEVE_RE2_OPT "-Oz" CACHE STRING "Optimisation flag for RE2 in the wasm build (-O2, -O3, -Os, -Oz)")
set(JSONSIEVE_RE2_VENDOR "${CMAKE_SOURCE_DIR}/node_modules/re2/vendor" CACHE PATH
    "RE2 sources (npm re2@1.17.7 vendor/ directory)")

if(NOT EXISTS "${JSONSIEVE_RE2_VENDOR}/re2/re2.cc")
  message(FATAL_ERROR "RE2 sources not found in ${JSONSIEVE_RE2_VENDOR}: run scripts/setup.sh")
endif()

# Fixed list (not a glob): util/{pcre,test,benchmark,fuzz}.cc and RE2's own tests must stay out.
set(_re2_sources
  re2/bitstate.cc re2/compile.cc re2/dfa.cc re2/mimics_pcre.cc re2/nfa.cc re2/onepass.cc
  re2/parse.cc re2/perl_groups.cc re2/prog.cc re2/re2.cc re2/regexp.cc re2/simplify.cc
  re2/stringpiece.cc re2/tostring.cc re2/unicode_casefold.cc re2/unicode_groups.cc
  util/rune.cc util/strutil.cc)
list(TRANSFORM _re2_sources PREPEND "${JSONSIEVE_RE2_VENDOR}/")

add_library(re2 STATIC ${_re2_sources})
target_include_directories(re2
  BEFORE PRIVATE "${CMAKE_SOURCE_DIR}/engine/third_party_shims/re2_logging")
target_include_directories(re2 SYSTEM PUBLIC "${JSONSIEVE_RE2_VENDOR}")
target_compile_definitions(re2 PRIVATE NDEBUG)
target_compile_options(re2 PRIVATE ${JSONSIEVE_RE2_OPT} -fno-exceptions -fno-rtti)
add_library(jsonsieve::re2 ALIAS re2)
