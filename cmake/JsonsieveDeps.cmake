# Third-party dependencies as INTERFACE/STATIC targets, the same names natively and under emcmake:
#   jsonsieve::rapidjson   RapidJSON 1.1.0 headers (Debian rapidjson-dev), RAPIDJSON_HAS_STDSTRING=1
#   jsonsieve::catch2      Catch2 2.13 single header (Debian catch2), for tests only
#   jsonsieve::re2         RE2 2022-06-01: Debian's libre2 natively, built from npm re2@1.17.7 sources for wasm
#
# Under Emscripten, /usr/include must never reach the compiler (glibc headers break emcc), and
# find_package()/find_path() either fail or yield /usr/include. So the header directories we need
# are symlinked one by one into a build-tree directory that is exposed instead.

set(JSONSIEVE_SYSDEPS_INCLUDE "${CMAKE_BINARY_DIR}/sysdeps/include")

# Symlinks /usr/include/<name> into the build-tree include dir (wasm only).
function(jsonsieve_link_system_header name)
  set(src "/usr/include/${name}")
  if(NOT EXISTS "${src}")
    message(FATAL_ERROR "${src} not found: run scripts/setup.sh")
  endif()
  file(MAKE_DIRECTORY "${JSONSIEVE_SYSDEPS_INCLUDE}")
  file(CREATE_LINK "${src}" "${JSONSIEVE_SYSDEPS_INCLUDE}/${name}" SYMBOLIC)
endfunction()

# --- RapidJSON ---------------------------------------------------------------------------------
# Portable build: no RAPIDJSON_SSE2/SSE42 anywhere (wasm has neither, and one code path is simpler).
add_library(jsonsieve_rapidjson INTERFACE)
add_library(jsonsieve::rapidjson ALIAS jsonsieve_rapidjson)
target_compile_definitions(jsonsieve_rapidjson INTERFACE RAPIDJSON_HAS_STDSTRING=1)
if(EMSCRIPTEN)
  jsonsieve_link_system_header(rapidjson)
  target_include_directories(jsonsieve_rapidjson SYSTEM INTERFACE "${JSONSIEVE_SYSDEPS_INCLUDE}")
elseif(NOT EXISTS /usr/include/rapidjson/document.h)
  message(FATAL_ERROR "RapidJSON headers not found: run scripts/setup.sh")
endif()

# --- Catch2 ------------------------------------------------------------------------------------
add_library(jsonsieve_catch2 INTERFACE)
add_library(jsonsieve::catch2 ALIAS jsonsieve_catch2)
if(EMSCRIPTEN)
  jsonsieve_link_system_header(catch2)
  target_include_directories(jsonsieve_catch2 SYSTEM INTERFACE "${JSONSIEVE_SYSDEPS_INCLUDE}")
elseif(NOT EXISTS /usr/include/catch2/catch.hpp)
  message(FATAL_ERROR "Catch2 header not found: run scripts/setup.sh")
endif()

# --- RE2 ---------------------------------------------------------------------------------------
if(EMSCRIPTEN)
  include(${CMAKE_CURRENT_LIST_DIR}/Re2FromNpm.cmake)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(JSONSIEVE_RE2 REQUIRED IMPORTED_TARGET re2)
  set(THREADS_PREFER_PTHREAD_FLAG ON)
  find_package(Threads REQUIRED)
  add_library(jsonsieve_re2 INTERFACE)
  target_link_libraries(jsonsieve_re2 INTERFACE PkgConfig::JSONSIEVE_RE2 Threads::Threads)
  add_library(jsonsieve::re2 ALIAS jsonsieve_re2)
endif()
