#include "json/parse.h"

#include "json/utf8.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace jsonsieve::json {
namespace {

// A number's text (RapidJSON hands numbers over as text: kParseNumbersAsStringsFlag) → the
// value the document stores. RapidJSON 1.1.0's own full-precision conversion misreads, and can
// crash on, extreme numbers (tests/fuzz/regressions). Integers that fit 64 bits stay exact; any
// other number is the correctly rounded double (as strtod and JSON.parse read it).
struct Number {
  enum Kind { kInt64, kUint64, kDouble, kTooBig } kind;
  int64_t i;
  uint64_t u;
  double d;
};

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `s` (n bytes; not NUL-terminated when parsing in situ) matches JSON's number grammar.
Number to_number(const char* s, size_t n) {
  const char* p = s;
  const char* end = s + n;
  const bool negative = *p == '-';
  if (negative) ++p;
  uint64_t m = 0;
  int significant = 0;  // digits in m, leading zeros not counted
  bool overflow = false;
  for (; p < end && is_digit(*p); ++p) {
    if (significant < 19) {
      m = m * 10 + static_cast<uint64_t>(*p - '0');
      significant += m != 0;
    } else {
      overflow = true;
    }
  }
  if (p == end) {  // an integer
    if (!overflow || (significant == 19 && p[-1] >= '0')) {
      // 19 digits always fit; a 20th fits when m × 10 + d stays below 2^64.
      uint64_t v = m;
      bool fits = true;
      if (overflow) {  // exactly 20 significant digits, the last not yet added
        const char* first = p - 20;
        fits = p - s - (negative ? 1 : 0) == 20 && *first != '0' &&
               !__builtin_mul_overflow(m, 10, &v) && !__builtin_add_overflow(v, static_cast<uint64_t>(p[-1] - '0'), &v);
      }
      if (fits) {
        if (!negative) return {Number::kUint64, 0, v, 0};
        if (v <= (uint64_t(1) << 63)) return {Number::kInt64, static_cast<int64_t>(~v + 1), 0, 0};
      }
    }
  } else if (!overflow) {
    // Fast path (Clinger): a significand below 2^53 times an exact power of ten is one
    // correctly rounded IEEE operation.
    int exponent = 0;
    if (*p == '.') {
      for (++p; p < end && is_digit(*p); ++p) {
        if (significant >= 19) { overflow = true; break; }
        m = m * 10 + static_cast<uint64_t>(*p - '0');
        significant += m != 0;
        --exponent;
      }
    }
    if (!overflow && p < end && (*p == 'e' || *p == 'E')) {
      ++p;
      bool minus = *p == '-';
      if (*p == '-' || *p == '+') ++p;
      int e = 0;
      for (; p < end && is_digit(*p); ++p) {
        if (e < 100000) e = e * 10 + (*p - '0');
      }
      exponent += minus ? -e : e;
    }
    if (!overflow) {
      static constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                          1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                          1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
      if (m == 0) return {Number::kDouble, 0, 0, negative ? -0.0 : 0.0};
      if (m <= (uint64_t(1) << 53) && exponent >= -22 && exponent <= 22) {
        double d = static_cast<double>(m);
        d = exponent < 0 ? d / kPow10[-exponent] : d * kPow10[exponent];
        return {Number::kDouble, 0, 0, negative ? -d : d};
      }
    }
  }
  // Everything else: the C library's conversion, correctly rounded in glibc and in musl
  // (Emscripten). Locale-dependent only if the host program changes LC_NUMERIC.
  // strtod needs a terminated copy (in situ, the number is followed by the rest of the text).
  char small[64];
  std::string large;
  const char* terminated = small;
  if (n < sizeof small) {
    std::memcpy(small, s, n);
    small[n] = '\0';
  } else {
    large.assign(s, n);
    terminated = large.c_str();
  }
  double d = std::strtod(terminated, nullptr);
  if (std::isinf(d)) return {Number::kTooBig, 0, 0, d};
  return {Number::kDouble, 0, 0, d};
}

uint64_t load64(const char* p) { uint64_t v; std::memcpy(&v, p, 8); return v; }
uint64_t load32(const char* p) { uint32_t v; std::memcpy(&v, p, 4); return v; }

// Hash of a member name for the duplicate check (equal hashes are confirmed on the text). Keys
// are mostly short: up to 16 bytes, two overlapping loads cover every byte.
uint64_t key_hash(const char* s, size_t n) {
  uint64_t a, b;
  if (n > 16) {
    a = 0x9E3779B97F4A7C15ULL;
    for (; n > 8; s += 8, n -= 8) {
      a = (a ^ load64(s)) * 0xbf58476d1ce4e5b9ULL;
      a ^= a >> 31;
    }
    b = load64(s + n - 8);  // the last 8 bytes (overlapping what was mixed)
  } else if (n >= 8) {
    a = load64(s);
    b = load64(s + n - 8);
  } else if (n >= 4) {
    a = load32(s);
    b = load32(s + n - 4);
  } else {
    a = n == 0 ? 0 : (uint64_t{static_cast<unsigned char>(s[0])} << 16) |
                     (uint64_t{static_cast<unsigned char>(s[n / 2])} << 8) | static_cast<unsigned char>(s[n - 1]);
    b = 0;
  }
  uint64_t h = (a * 0xbf58476d1ce4e5b9ULL) ^ (b * 0x94d049bb133111ebULL + n);
  h ^= h >> 32;
  h *= 0xff51afd7ed558ccdULL;
  return h ^ (h >> 29);
}

// A number token at `offset` (text coordinates), `length` bytes.
struct NumberPatch {
  size_t offset;
  size_t length;
};

// RapidJSON's reader refuses some finite numbers before the handler sees them: an exponent
// above 308 plus the fraction digits (0e400, 0.0e309) and an integer part past DBL_MAX / 10
// (DBL_MAX written out in full). Finds the number tokens of `text` that may be such (a large
// exponent or a long integer part) and that strtod reads as finite; the caller parses again
// with those replaced by a 0 of the same length. Strings are skipped; outside them a number is
// the only token that starts with '-' or a digit.
std::vector<NumberPatch> refused_numbers(std::string_view text) {
  std::vector<NumberPatch> found;
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      ++i;
      continue;
    }
    if (c != '-' && !is_digit(c)) { ++i; continue; }
    // The number RapidJSON reads here: the longest prefix its grammar allows.
    const size_t start = i;
    auto digits = [&] {
      size_t from = i;
      while (i < text.size() && is_digit(text[i])) ++i;
      return i - from;
    };
    if (text[i] == '-') ++i;
    size_t integer_digits = 0, exponent_digits = 0;
    bool valid = true;
    if (i < text.size() && text[i] == '0') {
      ++i;
      integer_digits = 1;
    } else {
      integer_digits = digits();
      valid = integer_digits > 0;
    }
    if (valid && i < text.size() && text[i] == '.') {
      ++i;
      valid = digits() > 0;
    }
    if (valid && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
      while (i < text.size() && text[i] == '0') ++i;  // leading zeros do not make it big
      exponent_digits = digits();
      valid = exponent_digits > 0 || text[i - 1] == '0';
    }
    if (!valid || (exponent_digits < 3 && integer_digits < 300)) continue;  // 0.e400 stays an error
    std::string number(text.substr(start, i - start));
    char* end = nullptr;
    double d = std::strtod(number.c_str(), &end);
    if (end == number.c_str() + number.size() && !std::isinf(d)) found.push_back({start, i - start});
  }
  return found;
}

// `text` with each patch's number replaced by a 0 padded with spaces (same length).
std::string masked(std::string_view text, const std::vector<NumberPatch>& patches) {
  std::string out(text);
  for (const NumberPatch& p : patches) {
    out[p.offset] = '0';
    std::memset(&out[p.offset + 1], ' ', p.length - 1);
  }
  return out;
}

// One per member seen, and a marker per open object (hash = the enclosing object's marker
// index, start = SIZE_MAX). `start` is the offset of the key's opening quote.
struct KeyEntry {
  uint64_t hash;
  size_t start;
};

// By hash, then in text order. Not a template: one copy for every document type (wasm size).
void sort_key_entries(KeyEntry* entries, size_t n) {
  std::sort(entries, entries + n, [](const KeyEntry& a, const KeyEntry& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.start < b.start;
  });
}

// Why a handler stopped the parser (RapidJSON only knows that it was stopped).
enum class Stop { kNone, kTooDeep, kLoneSurrogate, kNumberTooBig, kDuplicateKey };

// Forwards SAX events to the document while counting depth, converting numbers and rejecting
// duplicate keys; returning false stops the parser.
// Stream: a MemoryStream over the text, or an InsituStringStream over a copy of it (`insitu`:
// the copy, whose offsets are the text's minus `skip`). Strings and keys then point into the
// copy, where RapidJSON decoded them in place.
template <typename Document, typename StackAllocator, typename Stream>
struct DepthLimitedHandler {

  Document& doc;
  uint32_t max_depth;
  Stream& stream;  // not const: InsituStringStream::Tell() is not
  size_t skip;  // bytes before the stream (a BOM)
  std::string_view text;
  rapidjson::internal::Stack<StackAllocator> keys;
  size_t object_start = SIZE_MAX;  // index of the innermost open object's marker
  uint32_t depth = 0;
  Stop stop = Stop::kNone;
  size_t stop_offset = 0;
  std::string duplicate;  // the key, for the message
  // Lone surrogates can only come from "\u" escapes (raw ones fail the UTF-8 check): inputs
  // without a backslash skip the per-string scan.
  bool has_escapes = true;
  bool recursive = false;  // which of RapidJSON's parsers runs (see kMaxRecursiveParseDepth)
  const char* insitu = nullptr;
  // Numbers RapidJSON would refuse before converting them (see refused_numbers): the text
  // holds a 0 padded with spaces there; their value comes from `original`. Sorted by offset.
  const std::vector<NumberPatch>* patches = nullptr;
  std::string_view original;

  DepthLimitedHandler(Document& d, uint32_t max, Stream& s, size_t sk,
                      std::string_view t, StackAllocator* scratch)
      : doc(d), max_depth(max), stream(s), skip(sk), text(t), keys(scratch, 32 * sizeof(KeyEntry)) {}

  // Where the stream is. In situ, RapidJSON reads strings and numbers through a local copy of
  // the stream, so during String/Key/RawNumber this is where that value starts; otherwise it
  // is just past the value's last byte.
  size_t offset() const { return stream.Tell() + skip; }
  // Offset in the text of a value's first byte, given the pointer RapidJSON handed over.
  size_t insitu_offset(const char* s) const { return static_cast<size_t>(s - insitu) + skip; }

  bool Null() { return doc.Null(); }
  bool Bool(bool b) { return doc.Bool(b); }
  // Not called with kParseNumbersAsStringsFlag; forwarded for completeness.
  bool Int(int i) { return doc.Int(i); }
  bool Uint(unsigned u) { return doc.Uint(u); }
  bool Int64(int64_t i) { return doc.Int64(i); }
  bool Uint64(uint64_t u) { return doc.Uint64(u); }
  bool Double(double d) { return doc.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    Number v;
    if (patches != nullptr) {
      size_t at = insitu ? insitu_offset(s) : offset() - n;
      auto p = std::lower_bound(patches->begin(), patches->end(), at,
                                [](const NumberPatch& a, size_t b) { return a.offset < b; });
      v = p != patches->end() && p->offset == at ? to_number(original.data() + at, p->length) : to_number(s, n);
    } else {
      v = to_number(s, n);
    }
    switch (v.kind) {
      case Number::kInt64: return doc.Int64(v.i);
      case Number::kUint64: return doc.Uint64(v.u);
      case Number::kDouble: return doc.Double(v.d);
      case Number::kTooBig: break;
    }
    stop = Stop::kNumberTooBig;
    // Numbers are ASCII: out of situ, their text is the last n bytes read.
    stop_offset = insitu ? insitu_offset(s) : offset() - n;
    return false;
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return CheckSurrogates(s, n) && doc.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    if (!CheckSurrogates(s, n)) return false;
    KeyEntry entry{key_hash(s, n), insitu ? insitu_offset(s) - 1 : quote_before(offset())};
    // Small objects are checked key by key; bigger ones once, sorted, when they end.
    size_t first = object_start + 1, count = keys.GetSize() / sizeof(KeyEntry) - first;
    if (count < kLinearKeys) {
      const KeyEntry* entries = keys.template Bottom<KeyEntry>();
      for (size_t k = first; k < first + count; ++k) {
        if (entries[k].hash == entry.hash && key_at(entries[k].start) == std::string_view(s, n)) {
          return Duplicate(std::string_view(s, n), entry.start);
        }
      }
    }
    *keys.template Push<KeyEntry>() = entry;
    return doc.Key(s, n, copy);
  }
  static constexpr size_t kLinearKeys = 16;

  // The decoded key whose opening quote is at `start`.
  std::string key_at(size_t start) const {
    size_t end = start + 1;  // just past the closing quote
    while (end < text.size() && text[end] != '"') end += text[end] == '\\' ? 2 : 1;
    ++end;
    std::string_view raw = text.substr(start, end - start);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw.substr(1, raw.size() - 2));
    struct Capture {  // decodes the escapes with RapidJSON itself (rare: hash matches only)
      std::string* out;
      bool Default() { return false; }
      bool String(const char* s, rapidjson::SizeType n, bool) { out->assign(s, n); return true; }
      bool Null() { return false; } bool Bool(bool) { return false; } bool Int(int) { return false; }
      bool Uint(unsigned) { return false; } bool Int64(int64_t) { return false; }
      bool Uint64(uint64_t) { return false; } bool Double(double) { return false; }
      bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
      bool Key(const char*, rapidjson::SizeType, bool) { return false; }
      bool StartObject() { return false; } bool EndObject(rapidjson::SizeType) { return false; }
      bool StartArray() { return false; } bool EndArray(rapidjson::SizeType) { return false; }
    };
    std::string out;
    Capture capture{&out};
    rapidjson::MemoryStream ms(raw.data(), raw.size());
    rapidjson::Reader reader;
    reader.Parse<0>(ms, capture);
    return out;
  }
  // Offset of the opening quote of the string whose closing quote is at end - 1.
  size_t quote_before(size_t end) const {
    size_t q = end - 1;
    while (q > 0) {
      --q;
      if (text[q] != '"') continue;
      size_t slashes = 0;
      while (q >= slashes + 1 && text[q - slashes - 1] == '\\') ++slashes;
      if (slashes % 2 == 0) break;
    }
    return q;
  }
  bool Duplicate(std::string_view key, size_t start) {
    stop = Stop::kDuplicateKey;
    stop_offset = start;
    size_t n = std::min<size_t>(key.size(), 64);
    while (n < key.size() && n > 0 && (static_cast<unsigned char>(key[n]) & 0xC0) == 0x80) --n;  // whole characters
    duplicate.assign(key.substr(0, n));
    return false;
  }

  // RapidJSON decodes a lone "\uD800"-style escape into the 3-byte form of a surrogate
  // (ED A0..BF xx), which is not UTF-8. Reject it: strings must be Unicode scalar values.
  bool CheckSurrogates(const char* s, rapidjson::SizeType n) {
    if (!has_escapes) return true;
    const void* hit = std::memchr(s, 0xED, n);
    while (hit != nullptr) {
      const char* p = static_cast<const char*>(hit);
      size_t rest = n - static_cast<size_t>(p - s);
      if (rest >= 2 && static_cast<unsigned char>(p[1]) >= 0xA0) {
        stop = Stop::kLoneSurrogate;
        return false;
      }
      hit = rest > 1 ? std::memchr(p + 1, 0xED, rest - 1) : nullptr;
    }
    return true;
  }
  bool StartObject() {
    if (!Enter()) return false;
    *keys.template Push<KeyEntry>() = KeyEntry{object_start, SIZE_MAX};
    object_start = keys.GetSize() / sizeof(KeyEntry) - 1;
    return doc.StartObject();
  }
  bool EndObject(rapidjson::SizeType n) {
    --depth;
    KeyEntry* entries = keys.template Bottom<KeyEntry>() + object_start + 1;
    if (n >= kLinearKeys && !CheckSorted(entries, n)) return false;
    size_t outer = static_cast<size_t>(entries[-1].hash);
    keys.template Pop<KeyEntry>(n + 1);
    object_start = outer;
    return doc.EndObject(n);
  }
  // A big object's keys: sorted by hash, equal neighbours are compared as text. Reports the
  // duplicate that comes first in the text.
  bool CheckSorted(KeyEntry* entries, size_t n) {
    sort_key_entries(entries, n);
    size_t found = SIZE_MAX;
    for (size_t i = 0; i + 1 < n;) {
      size_t run = i + 1;  // [i, run): equal hashes, in text order
      while (run < n && entries[run].hash == entries[i].hash) ++run;
      if (run - i > 1) {
        std::string first = key_at(entries[i].start);
        size_t j = i + 1;
        while (j < run && key_at(entries[j].start) == first) ++j;
        if (j > i + 1) {
          found = std::min(found, entries[i + 1].start);
        }
        if (j < run || j == i + 1) {
          // Different keys with one hash (practically never): compare every pair.
          for (size_t a = i; a < run; ++a) {
            std::string ka = key_at(entries[a].start);
            for (size_t b = a + 1; b < run; ++b) {
              if (entries[b].start < found && key_at(entries[b].start) == ka) found = entries[b].start;
            }
          }
        }
      }
      i = run;
    }
    if (found == SIZE_MAX) return true;
    return Duplicate(key_at(found), found);
  }
  bool StartArray() { return Enter() && doc.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { --depth; return doc.EndArray(n); }

  bool Enter() {
    if (++depth > max_depth) {
      stop = Stop::kTooDeep;
      // The bracket: the recursive parser has read it, the iterative one not yet.
      stop_offset = recursive ? offset() - 1 : offset();
      return false;
    }
    return true;
  }
};

int hex4(std::string_view t, size_t i) {
  if (i + 4 > t.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    char c = t[k];
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
            : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// The offset of the lone surrogate escape in the string that ends before `end`.
size_t lone_surrogate_offset(std::string_view t, size_t end) {
  size_t start = end;  // back to the string's opening quote (a quote not preceded by '\')
  while (start > 0) {
    --start;
    if (t[start] != '"') continue;
    size_t slashes = 0;
    while (start >= slashes + 1 && t[start - slashes - 1] == '\\') ++slashes;
    if (slashes % 2 == 0 && start + 1 < end) break;
  }
  for (size_t i = start + 1; i + 5 < t.size() && i < end; ++i) {
    if (t[i] != '\\') continue;
    if (t[i + 1] != 'u') { ++i; continue; }
    int v = hex4(t, i + 2);
    if (v >= 0xD800 && v <= 0xDBFF && i + 11 < t.size() && t[i + 6] == '\\' && t[i + 7] == 'u') {
      int low = hex4(t, i + 8);
      if (low >= 0xDC00 && low <= 0xDFFF) { i += 11; continue; }
    }
    if (v >= 0xD800 && v <= 0xDFFF) return i;
    i += 5;
  }
  return end;
}

}  // namespace

std::string mask_refused_numbers(std::string_view text) {
  std::vector<NumberPatch> refused = refused_numbers(text);
  return refused.empty() ? std::string() : masked(text, refused);
}

void locate(std::string_view text, size_t offset, size_t* line, size_t* column) {
  size_t l = 1, line_start = 0;
  if (offset > text.size()) offset = text.size();
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') { ++l; line_start = i + 1; }
  }
  *line = l;
  *column = offset - line_start + 1;
}

namespace {
// Fills *error with `message` located at `offset` ("… at line L, column C"); false, for returning.
bool located_error(std::string_view text, size_t offset, std::string message, ParseError* error) {
  if (!message.empty() && message.back() == '.') message.pop_back();  // RapidJSON's sentences
  error->offset = offset;
  locate(text, offset, &error->line, &error->column);
  error->message = std::move(message) + " at line " + std::to_string(error->line) + ", column " +
                   std::to_string(error->column);
  return false;
}

// Up to this depth limit (the default), in-situ parsing may recurse: two frames per level,
// well inside the 1 MB stack of the smallest wasm build and V8's own stack.
constexpr uint32_t kMaxRecursiveParseDepth = 1000;

template <typename Document, typename StackAllocator>
bool parse_document(std::string_view text, Document* doc, ParseError* error, const Limits& limits,
                    StackAllocator* scratch, const std::vector<NumberPatch>* patches = nullptr,
                    std::string_view original = {}) {
  size_t skip = 0;
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    skip = 3;  // RFC 8259 §8.1: a parser may ignore a byte order mark
  }
  if (text.size() > limits.max_input_bytes) {
    error->message = "input is " + std::to_string(text.size()) +
                     " bytes, more than the limit of " + std::to_string(limits.max_input_bytes);
    error->offset = limits.max_input_bytes;
    locate(text, error->offset, &error->line, &error->column);
    return false;
  }
  const size_t bad_byte = invalid_utf8_offset(text.substr(skip));
  if (bad_byte != std::string_view::npos) {
    doc->SetNull();
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad_byte + skip]));
    return located_error(text, bad_byte + skip, std::string("Invalid encoding: byte ") + byte + " is not valid UTF-8",
                         error);
  }
  // Pooled documents (the validator's hot path) parse a copy of the text in situ: strings are
  // decoded in place and the document points at them, so no string is copied twice. The copy
  // lives in the document's pool, as long as the document. Other documents own their strings.
  constexpr bool kInsitu = std::is_same_v<Document, PooledDocument>;
  using Stream = std::conditional_t<kInsitu, rapidjson::InsituStringStream, rapidjson::MemoryStream>;
  const size_t length = text.size() - skip;
  char* copy = nullptr;
  if constexpr (kInsitu) {
    copy = static_cast<char*>(doc->GetAllocator().Malloc(length + 1));
    std::memcpy(copy, text.data() + skip, length);
    copy[length] = '\0';
  }
  Stream stream = [&] {
    if constexpr (kInsitu) return rapidjson::InsituStringStream(copy);
    else return rapidjson::MemoryStream(text.data() + skip, length);
  }();
  DepthLimitedHandler<Document, StackAllocator, Stream> handler(*doc, limits.max_data_depth, stream, skip,
                                                                text, scratch);
  handler.insitu = copy;
  handler.patches = patches;
  handler.original = original;
  handler.has_escapes = std::memchr(text.data(), '\\', text.size()) != nullptr;
  rapidjson::ParseResult result;
  bool trailing_nul = false;
  auto generate = [&](Document&) {
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, StackAllocator> reader(scratch);
    constexpr unsigned kFlags = kParseFlags | (kInsitu ? static_cast<unsigned>(rapidjson::kParseInsituFlag) : 0u);
    // The validator's in-situ parse recurses (6% fewer instructions per payment event than
    // RapidJSON's iterative state machine) while the depth limit keeps the recursion shallow:
    // the handler stops the parser at max_data_depth before it descends further.
    constexpr unsigned kRecursiveFlags = kFlags & ~static_cast<unsigned>(rapidjson::kParseIterativeFlag);
    handler.recursive = kInsitu && limits.max_data_depth <= kMaxRecursiveParseDepth;
    if (handler.recursive) {
      result = reader.template Parse<kRecursiveFlags>(stream, handler);
    } else {
      result = reader.template Parse<kFlags>(stream, handler);
    }
    // Both streams read a NUL byte as the end of the input: text after one is not ignored.
    trailing_nul = !result.IsError() && stream.Tell() < length;
    return !result.IsError() && !trailing_nul;
  };
  doc->Populate(generate);
  if (!result.IsError() && !trailing_nul) return true;
  doc->SetNull();
  if (result.Code() == rapidjson::kParseErrorNumberTooBig && handler.stop == Stop::kNone &&
      patches == nullptr) {
    // Refused by RapidJSON's own range check, which also refuses some finite numbers: parse
    // again with those replaced (same length, so every offset stays), once.
    std::vector<NumberPatch> refused = refused_numbers(text);
    if (!refused.empty()) {
      std::string patched = masked(text, refused);
      return parse_document(std::string_view(patched), doc, error, limits, scratch, &refused, text);
    }
  }
  error->offset = result.Offset() + skip;
  switch (handler.stop) {
    case Stop::kLoneSurrogate:
      error->offset = lone_surrogate_offset(text, error->offset);
      error->message = "a string holds a lone UTF-16 surrogate escape (not a Unicode character)";
      break;
    case Stop::kTooDeep:
      error->offset = handler.stop_offset;
      error->message = "nesting deeper than the limit of " + std::to_string(limits.max_data_depth);
      break;
    case Stop::kNumberTooBig:  // as RapidJSON says it for 1e400
      error->offset = handler.stop_offset;
      error->message = rapidjson::GetParseError_En(rapidjson::kParseErrorNumberTooBig);
      break;
    case Stop::kDuplicateKey:
      error->offset = handler.stop_offset;
      error->message = "duplicate key \"" + handler.duplicate + "\"";
      break;
    case Stop::kNone:
      if (trailing_nul) {
        error->offset = stream.Tell() + skip;
        error->message = "a NUL byte after the document (the root must not be followed by other values)";
        break;
      }
      rapidjson::ParseErrorCode code = result.Code();
      // The iterative parser calls a document that starts with '}' or ']' empty; the
      // recursive one, an invalid value. Both parsers run (see kMaxRecursiveParseDepth): one word.
      if (code == rapidjson::kParseErrorDocumentEmpty && error->offset < text.size()) code = rapidjson::kParseErrorValueInvalid;
      if (code == rapidjson::kParseErrorValueInvalid) {
        // RapidJSON stops inside a misspelled literal ("tru"): point at its first letter.
        while (error->offset > skip && std::isalpha(static_cast<unsigned char>(text[error->offset - 1]))) {
          --error->offset;
        }
      }
      error->message = rapidjson::GetParseError_En(code);
      break;
  }
  return located_error(text, error->offset, std::move(error->message), error);
}

}  // namespace

bool parse(std::string_view text, rapidjson::Document* doc, ParseError* error, const Limits& limits) {
  return parse_document(text, doc, error, limits, static_cast<rapidjson::CrtAllocator*>(nullptr));
}
bool parse(std::string_view text, PooledDocument* doc, ParseError* error, const Limits& limits,
           rapidjson::MemoryPoolAllocator<>* scratch) {
  return parse_document(text, doc, error, limits, scratch);
}

}  // namespace jsonsieve::json
