#include "json/pointer.h"

#include <cstdlib>

namespace jsonsieve::json {

void append_pointer_token(std::string* pointer, std::string_view token) {
  pointer->push_back('/');
  for (char c : token) {
    if (c == '~') pointer->append("~0");
    else if (c == '/') pointer->append("~1");
    else pointer->push_back(c);
  }
}

void append_pointer_index(std::string* pointer, size_t index) {
  pointer->push_back('/');
  pointer->append(std::to_string(index));
}

bool split_pointer(std::string_view pointer, std::vector<std::string>* tokens) {
  tokens->clear();
  if (pointer.empty()) return true;
  if (pointer[0] != '/') return false;
  std::string token;
  for (size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens->push_back(token);
      token.clear();
      continue;
    }
    char c = pointer[i];
    if (c == '~') {
      if (i + 1 >= pointer.size()) return false;
      char n = pointer[++i];
      if (n == '0') token.push_back('~');
      else if (n == '1') token.push_back('/');
      else return false;
    } else {
      token.push_back(c);
    }
  }
  return true;
}

const Json* MemberIndex::find(const Json& object, std::string_view name) {
  if (object.MemberCount() < kIndexFrom) {
    auto it = object.FindMember(rapidjson::StringRef(name.data(), name.size()));
    return it == object.MemberEnd() ? nullptr : &it->value;
  }
  auto [entry, created] = maps_.try_emplace(&object);
  auto& map = entry->second;
  if (created) {
    map.reserve(object.MemberCount());
    for (auto m = object.MemberBegin(); m != object.MemberEnd(); ++m) {
      map.emplace(std::string_view(m->name.GetString(), m->name.GetStringLength()), &m->value);
    }
  }
  auto found = map.find(name);
  return found == map.end() ? nullptr : found->second;
}

const Json* resolve_pointer(const Json& root, std::string_view pointer, MemberIndex* index) {
  std::vector<std::string> tokens;
  if (!split_pointer(pointer, &tokens)) return nullptr;
  const Json* current = &root;
  for (const std::string& token : tokens) {
    if (current->IsObject()) {
      if (index != nullptr) {
        current = index->find(*current, token);
        if (current == nullptr) return nullptr;
        continue;
      }
      auto it = current->FindMember(rapidjson::StringRef(token.data(), token.size()));
      if (it == current->MemberEnd()) return nullptr;
      current = &it->value;
    } else if (current->IsArray()) {
      if (token.empty() || token.size() > 9) return nullptr;
      if (token.size() > 1 && token[0] == '0') return nullptr;
      size_t index = 0;
      for (char c : token) {
        if (c < '0' || c > '9') return nullptr;
        index = index * 10 + static_cast<size_t>(c - '0');
      }
      if (index >= current->Size()) return nullptr;
      current = &(*current)[static_cast<rapidjson::SizeType>(index)];
    } else {
      return nullptr;
    }
  }
  return current;
}

std::string encode_uri_fragment(std::string_view pointer) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(pointer.size());
  for (unsigned char c : pointer) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~!$&'()*+,;=:@/?").find(static_cast<char>(c)) !=
                    std::string_view::npos;
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

bool percent_decode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') { out->push_back(in[i]); continue; }
    if (i + 2 >= in.size()) return false;
    auto hexval = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = hexval(in[i + 1]), lo = hexval(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

}  // namespace jsonsieve::json
