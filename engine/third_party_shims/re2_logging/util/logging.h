// jsonsieve's replacement for RE2's util/logging.h (wasm build only).
//
// Why: RE2's own header formats every message through std::ostringstream, which drags iostream,
// locale and printf/scanf code (~100 KB) into the wasm module although RE2 only logs on internal
// errors. This header offers the same macros with the same control flow and no stream at all:
//   CHECK*(…)          always evaluated; on failure abort() (RE2 relies on it never returning).
//   DCHECK*(…)         assert(): compiled out under NDEBUG, exactly like upstream.
//   LOG(INFO|WARNING|ERROR|DFATAL) << …   discarded; the streamed operands are never evaluated.
//   LOG(FATAL|QFATAL) << …                abort().  (DFATAL is fatal only without NDEBUG.)
//   VLOG(n) << …       discarded.
// Messages are lost; RE2's user-visible errors (RE2::error(), error_code()) are unaffected.
//
// It must shadow RE2's header on RE2's include path only (BEFORE PRIVATE in CMake); no other code
// includes it. Written for RE2 2022-06-01 (npm re2@1.17.7 vendor/).

#ifndef UTIL_LOGGING_H_
#define UTIL_LOGGING_H_

#include <assert.h>
#include <stdlib.h>

#include "util/util.h"

namespace jsonsieve_re2_logging {

// Swallows anything streamed into it; it exists only so `LOG(x) << a << b` still parses.
struct NullStream {
  template <typename T>
  NullStream& operator<<(const T&) { return *this; }
};

// Aborts on construction, so nothing streamed after it is reached (and the optimizer drops it).
struct FatalStream : NullStream {
  FatalStream() { abort(); }
};

}  // namespace jsonsieve_re2_logging

// Debug-only checks: same as upstream.
#define DCHECK(condition) assert(condition)
#define DCHECK_EQ(val1, val2) assert((val1) == (val2))
#define DCHECK_NE(val1, val2) assert((val1) != (val2))
#define DCHECK_LE(val1, val2) assert((val1) <= (val2))
#define DCHECK_LT(val1, val2) assert((val1) < (val2))
#define DCHECK_GE(val1, val2) assert((val1) >= (val2))
#define DCHECK_GT(val1, val2) assert((val1) > (val2))

// Always-on checks. A `while` (not `if … else`) keeps `CHECK(c) << "msg";` one statement that is
// safe, and warning-free, inside an unbraced if/else; FatalStream aborts, so it never loops.
#define CHECK(x) \
  while (!(x)) ::jsonsieve_re2_logging::FatalStream() << "Check failed: " #x
#define CHECK_LT(x, y) CHECK((x) < (y))
#define CHECK_GT(x, y) CHECK((x) > (y))
#define CHECK_LE(x, y) CHECK((x) <= (y))
#define CHECK_GE(x, y) CHECK((x) >= (y))
#define CHECK_EQ(x, y) CHECK((x) == (y))
#define CHECK_NE(x, y) CHECK((x) != (y))

// Non-fatal severities: a loop that never runs, so operands such as CEscape(…) are never computed.
#define JSONSIEVE_RE2_DROP_ while (false) ::jsonsieve_re2_logging::NullStream()

#define LOG_INFO JSONSIEVE_RE2_DROP_
#define LOG_WARNING JSONSIEVE_RE2_DROP_
#define LOG_ERROR JSONSIEVE_RE2_DROP_
#define LOG_FATAL ::jsonsieve_re2_logging::FatalStream()
#define LOG_QFATAL LOG_FATAL
#ifdef _WIN32
#define LOG_0 LOG_INFO
#endif
#ifdef NDEBUG
#define LOG_DFATAL LOG_ERROR
#else
#define LOG_DFATAL LOG_FATAL
#endif

#define LOG(severity) LOG_##severity
#define VLOG(x) JSONSIEVE_RE2_DROP_

#endif  // UTIL_LOGGING_H_
