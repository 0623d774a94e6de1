#include "json/parse.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <string>

namespace jsonsieve::json {
namespace {

// Forwards SAX events to the document while counting depth; returning false stops the parser.
struct DepthLimitedHandler {
  rapidjson::Document& doc;
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
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc.Key(s, n, copy); }
  bool StartObject() { return Enter() && doc.StartObject(); }
  bool EndObject(rapidjson::SizeType n) { --depth; return doc.EndObject(n); }
  bool StartArray() { return Enter() && doc.StartArray(); }
  bool EndArray(rapidjson::SizeType n) { --depth; return doc.EndArray(n); }

  bool Enter() {
    if (++depth > max_depth) { too_deep = true; return false; }
    return true;
  }
};

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

bool parse(std::string_view text, rapidjson::Document* doc, ParseError* error,
           const Limits& limits) {
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
  DepthLimitedHandler handler{*doc, limits.max_data_depth};
  rapidjson::ParseResult result;
  auto generate = [&](rapidjson::Document&) {
    rapidjson::Reader reader;
    result = reader.Parse<kParseFlags>(stream, handler);
    return !result.IsError();
  };
  doc->Populate(generate);
  if (!result.IsError()) return true;
  doc->SetNull();
  error->offset = result.Offset() + skip;
  if (handler.too_deep) {
    error->message = "nesting deeper than the limit of " + std::to_string(limits.max_data_depth);
  } else {
    error->message = rapidjson::GetParseError_En(result.Code());
    if (!error->message.empty() && error->message.back() == '.') error->message.pop_back();
  }
  locate(text, error->offset, &error->line, &error->column);
  error->message += " at line " + std::to_string(error->line) + ", column " +
                    std::to_string(error->column);
  return false;
}

}  // namespace jsonsieve::json
