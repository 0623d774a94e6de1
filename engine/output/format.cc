// The spec's output formats (2020-12 Core §12.4) from the one list of output units the
// evaluator records: flag, basic (flat), detailed (condensed tree), verbose (full tree).
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "jsonsieve/jsonsieve.h"

namespace jsonsieve {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_locations(Writer& w, const OutputUnit& u) {
  write_string(w, "keywordLocation", u.keyword_location);
  if (!u.absolute_keyword_location.empty()) write_string(w, "absoluteKeywordLocation", u.absolute_keyword_location);
  write_string(w, "instanceLocation", u.instance_location);
}

void write_annotation(Writer& w, const OutputUnit& u) {
  w.Key("annotation");
  w.RawValue(u.annotation_json.data(), u.annotation_json.size(), rapidjson::kObjectType);
}

void write_flat(Writer& w, const OutputUnit& u) {
  w.StartObject();
  w.Key("valid");
  w.Bool(u.valid);
  write_locations(w, u);
  if (!u.valid && !u.error.empty()) write_string(w, "error", u.error);
  if (u.valid && !u.annotation_json.empty()) write_annotation(w, u);
  w.EndObject();
}

struct Tree {
  const std::vector<OutputUnit>& units;
  std::vector<std::vector<size_t>> children;
  bool detailed;

  explicit Tree(const std::vector<OutputUnit>& u, bool d) : units(u), children(u.size()), detailed(d) {
    for (size_t i = 0; i < u.size(); ++i) {
      if (u[i].parent >= 0) children[static_cast<size_t>(u[i].parent)].push_back(i);
    }
  }
  // Detailed keeps only units that say something: errors when invalid, annotations when valid.
  bool relevant(size_t i) const {
    const OutputUnit& u = units[i];
    if (!u.valid) return true;
    if (!u.annotation_json.empty()) return true;
    for (size_t c : children[i]) if (relevant(c) && units[c].valid == u.valid) return true;
    return false;
  }
  void write(Writer& w, size_t i) const {
    const OutputUnit& u = units[i];
    std::vector<size_t> kids;
    for (size_t c : children[i]) {
      if (!detailed) { kids.push_back(c); continue; }
      if (units[c].valid == u.valid && relevant(c)) kids.push_back(c);
    }
    if (detailed && kids.size() == 1 && u.error.empty() && u.annotation_json.empty() && u.parent >= 0) {
      write(w, kids[0]);  // condense single-child chains
      return;
    }
    w.StartObject();
    w.Key("valid");
    w.Bool(u.valid);
    write_locations(w, u);
    if (!u.valid && !u.error.empty()) write_string(w, "error", u.error);
    if (u.valid && !u.annotation_json.empty()) write_annotation(w, u);
    if (!kids.empty()) {
      w.Key(u.valid ? "annotations" : "errors");
      w.StartArray();
      for (size_t c : kids) write(w, c);
      w.EndArray();
    }
    w.EndObject();
  }
};

}  // namespace

std::string format_output(const ValidationResult& result, OutputFormat format) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  if (format == OutputFormat::Flag) {
    w.StartObject();
    w.Key("valid");
    w.Bool(result.valid);
    w.EndObject();
  } else if (format == OutputFormat::Basic || result.units.empty() || result.units[0].parent != -1) {
    w.StartObject();
    w.Key("valid");
    w.Bool(result.valid);
    if (result.failed()) write_string(w, "error", result.failure.message);
    bool any = false;
    for (const OutputUnit& u : result.units) {
      if (result.valid ? u.annotation_json.empty() : (u.valid || u.error.empty())) continue;
      if (!any) { w.Key(result.valid ? "annotations" : "errors"); w.StartArray(); any = true; }
      write_flat(w, u);
    }
    if (any) w.EndArray();
    w.EndObject();
  } else {
    Tree tree(result.units, format == OutputFormat::Detailed);
    tree.write(w, 0);
  }
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace jsonsieve
