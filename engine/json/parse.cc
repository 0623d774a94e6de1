#include "json/parse.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cctype>
#include <cstring>
#include <string>

namespace jsonsieve::json {
namespace {

// Forwards SAX events to the document while counting depth; returning false stops the parser.
template <typename Document>
struct DepthLimitedHandler {
  Document& doc;
  uint32_t max_depth;
  uint32_t depth = 0;
  bool too_deep = false;

  bool Null() { return doc.Null(); }
  bool Bool(bool b) { return doc.Bool(b); }
  bool Int(int i) { return doc.Int(i); }
  bool Uint(unsigned u) { return doc.Uint(u); }
  bool Int64(int64_t i) { return doc.Int64(i); }
  bool Uint64(uint64_t u) { return doc.Uint64(u); }
  bool Double(double d) { return doc.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return doc.RawNumber(s, n, copy); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return CheckSurrogates(s, n) && doc.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    return CheckSurrogates(s, n) && doc.Key(s, n, copy);
  }

  // RapidJSON decodes a lone "\uD800"-style escape into the 3-byte form of a surrogate
  // (ED A0..BF xx), which is not UTF-8. Reject it: strings must be Unicode scalar values.
  bool CheckSurrogates(const char* s, rapidjson::SizeType n) {
    const void* hit = std::memchr(s, 0xED, n);
    while (hit != nullptr) {
      const char* p = static_cast<const char*>(hit);
      size_t rest = n - static_cast<size_t>(p - s);
      if (rest >= 2 && static_cast<unsigned char>(p[1]) >= 0xA0) {
        lone_surrogate = true;
        return false;
      }
      hit = rest > 1 ? std::memchr(p + 1, 0xED, rest - 1) : nullptr;
    }
    return true;
  }
  bool lone_surrogate = false;
  bool StartObject() { return Enter() && doc.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { --depth; return doc.EndObject(n); }
  bool StartArray() { return Enter() && doc.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { --depth; return doc.EndArray(n); }

  bool Enter() {
    if (++depth > max_depth) { too_deep = true; return false; }
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
template <typename Document, typename StackAllocator>
bool parse_document(std::string_view text, Document* doc, ParseError* error, const Limits& limits,
                    StackAllocator* scratch) {
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
  rapidjson::MemoryStream stream(text.data() + skip, text.size() - skip);
  DepthLimitedHandler<Document> handler{*doc, limits.max_data_depth};
  rapidjson::ParseResult result;
  auto generate = [&](Document&) {
    rapidjson::GenericReader<rapidjson::UTF8<>, rapidjson::UTF8<>, StackAllocator> reader(scratch);
    result = reader.template Parse<kParseFlags>(stream, handler);
    return !result.IsError();
  };
  doc->Populate(generate);
  if (!result.IsError()) return true;
  doc->SetNull();
  error->offset = result.Offset() + skip;
  if (handler.lone_surrogate) {
    error->offset = lone_surrogate_offset(text, error->offset);
    error->message = "a string holds a lone UTF-16 surrogate escape (not a Unicode character)";
  } else if (handler.too_deep) {
    error->message = "nesting deeper than the limit of " + std::to_string(limits.max_data_depth);
  } else {
    if (result.Code() == rapidjson::kParseErrorValueInvalid) {
      // RapidJSON stops inside a misspelled literal ("tru"): point at its first letter.
      while (error->offset > skip && std::isalpha(static_cast<unsigned char>(text[error->offset - 1]))) {
        --error->offset;
      }
    }
    error->message = rapidjson::GetParseError_En(result.Code());
    if (!error->message.empty() && error->message.back() == '.') error->message.pop_back();
  }
  locate(text, error->offset, &error->line, &error->column);
  error->message += " at line " + std::to_string(error->line) + ", column " +
                    std::to_string(error->column);
  return false;
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
