// contentEncoding / contentMediaType. From 2019-09 on they only annotate (metadata/annotation.cc).
// Draft-07 permits asserting them; we do for what the suite checks: base64 and application/json.
// (draft-07 Validation §8: "implementations MAY ... validate".)
#include "json/parse.h"
#include "json/value.h"
#include "keywords/factories.h"
#include "output/messages.h"

namespace jsonsieve::keywords {
namespace {

int base64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// RFC 4648 §4 base64 with padding; returns false on any other character.
bool decode_base64(std::string_view in, std::string* out) {
  out->clear();
  uint32_t buffer = 0;
  int bits = 0;
  size_t padding = 0;
  for (unsigned char c : in) {
    if (c == '=') { ++padding; continue; }
    if (padding > 0) return false;
    int v = base64_value(c);
    if (v < 0) return false;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return padding <= 2 && (in.size() % 4 == 0 || padding == 0);
}

// contentEncoding checks base64; contentMediaType checks JSON (decoding a base64 sibling first).
// Each annotates its own value when the check passes.
class Content final : public Keyword {
 public:
  bool base64 = false;
  bool json = false;
  const Json* value = nullptr;
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    std::string_view text(instance.GetString(), instance.GetStringLength());
    std::string decoded;
    if (base64) {
      if (!decode_base64(text, &decoded)) return ctx.fail(*this, [&] { return "must be base64-encoded (RFC 4648)"; });
      text = decoded;
    }
    if (json) {
      rapidjson::Document doc;
      ParseError error;
      if (!json::parse(text, &doc, &error, Limits())) {
        return ctx.fail(*this, [&] { return "must hold a JSON document (contentMediaType application/json): " + error.message; });
      }
    }
    ctx.annotate(*this, [&] { return output::to_json(*value); });
    return true;
  }
};

}  // namespace

Compiled compile_content_assertion(KeywordCompiler& c) {
  if (c.dialect() != Dialect::Draft07) return compile_annotation(c);
  const Json* encoding = c.sibling("contentEncoding");
  const Json* media = c.sibling("contentMediaType");
  const bool base64 = encoding != nullptr && encoding->IsString() &&
                      std::string_view(encoding->GetString()) == "base64";
  auto k = c.make<Content>();
  k->applies_to = json::kString;
  k->value = &c.value();
  if (c.name() == "contentEncoding") {
    k->base64 = base64;
  } else {
    k->json = media->IsString() && std::string_view(media->GetString()) == "application/json";
    k->base64 = k->json && base64;
  }
  if (!k->base64 && !k->json) return compile_annotation(c);
  return k;
}

}  // namespace jsonsieve::keywords
