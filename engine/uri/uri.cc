#include "uri/uri.h"

#include <cctype>
#include <vector>

namespace jsonsieve::uri {

Uri parse(std::string_view s) {
  Uri u;
  size_t hash = s.find('#');
  if (hash != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  size_t q = s.find('?');
  if (q != std::string_view::npos) {
    u.has_query = true;
    u.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(s[0]))) {
    bool ok = true;
    for (size_t i = 1; i < colon; ++i) {
      char c = s[i];
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') { ok = false; break; }
    }
    if (ok) {
      u.has_scheme = true;
      u.scheme = std::string(s.substr(0, colon));
      s = s.substr(colon + 1);
    }
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    u.has_authority = true;
    size_t end = s.find('/', 2);
    u.authority = std::string(s.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2));
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  u.path = std::string(s);
  return u;
}

std::string Uri::str() const {
  std::string out;
  if (has_scheme) { out += scheme; out += ':'; }
  if (has_authority) { out += "//"; out += authority; }
  out += path;
  if (has_query) { out += '?'; out += query; }
  if (has_fragment) { out += '#'; out += fragment; }
  return out;
}

std::string Uri::without_fragment() const {
  Uri copy = *this;
  copy.has_fragment = false;
  copy.fragment.clear();
  return copy.str();
}

namespace {

std::string remove_dot_segments(std::string_view in) {
  std::vector<std::string_view> out;
  bool absolute = !in.empty() && in[0] == '/';
  size_t i = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (i <= in.size()) {
    size_t end = in.find('/', i);
    if (end == std::string_view::npos) end = in.size();
    std::string_view seg = in.substr(i, end - i);
    trailing_slash = false;
    if (seg == ".") {
      trailing_slash = true;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else {
      out.push_back(seg);
    }
    i = end + 1;
  }
  std::string result = absolute ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k) result += '/';
    result += out[k];
  }
  if (trailing_slash && !out.empty() && !out.back().empty()) result += '/';
  return result;
}

std::string merge(const Uri& base, const std::string& ref_path) {
  if (base.has_authority && base.path.empty()) return "/" + ref_path;
  size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return ref_path;
  return base.path.substr(0, slash + 1) + ref_path;
}

}  // namespace

std::string resolve(std::string_view base_text, std::string_view ref_text) {
  Uri r = parse(ref_text);
  if (base_text.empty()) return r.str();
  Uri b = parse(base_text);
  Uri t;
  if (r.has_scheme) {
    t = r;
    t.path = remove_dot_segments(r.path);
  } else {
    if (r.has_authority) {
      t.has_authority = true;
      t.authority = r.authority;
      t.path = remove_dot_segments(r.path);
      t.has_query = r.has_query;
      t.query = r.query;
    } else {
      if (r.path.empty()) {
        t.path = b.path;
        if (r.has_query) { t.has_query = true; t.query = r.query; }
        else { t.has_query = b.has_query; t.query = b.query; }
      } else {
        if (r.path[0] == '/') t.path = remove_dot_segments(r.path);
        else t.path = remove_dot_segments(merge(b, r.path));
        t.has_query = r.has_query;
        t.query = r.query;
      }
      t.has_authority = b.has_authority;
      t.authority = b.authority;
    }
    t.has_scheme = b.has_scheme;
    t.scheme = b.scheme;
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return t.str();
}

void split_fragment(std::string_view uri, std::string* without, std::string* fragment,
                    bool* has_fragment) {
  size_t hash = uri.find('#');
  if (has_fragment) *has_fragment = hash != std::string_view::npos;
  if (hash == std::string_view::npos) {
    *without = std::string(uri);
    fragment->clear();
  } else {
    *without = std::string(uri.substr(0, hash));
    *fragment = std::string(uri.substr(hash + 1));
  }
}

std::string normalize(std::string_view text) {
  Uri u = parse(text);
  for (char& c : u.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (u.has_authority) {
    size_t at = u.authority.find('@');
    for (size_t i = at == std::string::npos ? 0 : at + 1; i < u.authority.size(); ++i) {
      u.authority[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(u.authority[i])));
    }
  }
  if (u.has_fragment && u.fragment.empty()) u.has_fragment = false;
  return u.str();
}

}  // namespace jsonsieve::uri
