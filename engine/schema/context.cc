#include "schema/context.h"

#include <algorithm>

#include "json/pointer.h"
#include "json/value.h"

namespace jsonsieve::schema {

void Evaluated::mark_member(size_t i, size_t count) {
  if (members.size() < count) members.resize(count, false);
  members[i] = true;
}
void Evaluated::mark_item(size_t i, size_t count) {
  if (items.size() < count) items.resize(count, false);
  items[i] = true;
}
void Evaluated::mark_items_below(size_t end, size_t count) {
  if (items.size() < count) items.resize(count, false);
  for (size_t i = 0; i < end && i < count; ++i) items[i] = true;
}
void Evaluated::clear() {
  members.clear();  // keeps capacity
  items.clear();
  all_members = false;
  all_items = false;
}
void Evaluated::merge(const Evaluated& other) {
  all_members = all_members || other.all_members;
  all_items = all_items || other.all_items;
  if (members.size() < other.members.size()) members.resize(other.members.size(), false);
  for (size_t i = 0; i < other.members.size(); ++i) if (other.members[i]) members[i] = true;
  if (items.size() < other.items.size()) items.resize(other.items.size(), false);
  for (size_t i = 0; i < other.items.size(); ++i) if (other.items[i]) items[i] = true;
}

Context::Context(const Schema& schema, const Limits& limits)
    : schema_(schema),
      format_(OutputFormat::Flag),
      annotations_(false),
      tree_(false),
      max_depth_(limits.max_evaluation_depth),
      max_errors_(limits.max_errors) {}

void Context::reset(OutputFormat format, bool annotations) {
  format_ = format;
  tree_ = format == OutputFormat::Detailed || format == OutputFormat::Verbose;
  paths_ = format != OutputFormat::Flag;
  annotations_ = tree_ || (annotations && format != OutputFormat::Flag);
  depth_ = 0;
  error_count_ = 0;
  depth_exceeded_ = false;
  truncated_ = false;
  current_unit_ = -1;
  evaluated_ = nullptr;
  trackers_used_ = 0;
  keyword_path_.clear();
  instance_path_.clear();
  dynamic_scope_.clear();
  units_.clear();
}

namespace {
std::string join(const std::vector<PathSegment>& path) {
  std::string out;
  for (const PathSegment& s : path) {
    if (s.index >= 0) json::append_pointer_index(&out, static_cast<size_t>(s.index));
    else json::append_pointer_token(&out, std::string_view(s.name, s.length));
  }
  return out;
}
}  // namespace

std::string Context::instance_location() const { return join(instance_path_); }
std::string Context::keyword_location() const { return join(keyword_path_); }

bool Context::fail_at(std::string_view keyword, const std::string& absolute_location,
                      const std::string& schema_location, std::string message) {
  if (format_ == OutputFormat::Flag) return false;
  if (tree_ && current_unit_ >= 0 && units_[current_unit_].keyword == keyword &&
      units_[current_unit_].error.empty()) {
    OutputUnit& unit = units_[current_unit_];
    unit.valid = false;
    unit.error = std::move(message);
    ++error_count_;
    return false;
  }
  if (max_errors_ != 0 && error_count_ >= max_errors_) {
    truncated_ = true;
    return false;
  }
  OutputUnit& unit = push_unit(current_unit_, keyword, absolute_location, schema_location);
  unit.valid = false;
  unit.error = std::move(message);
  ++error_count_;
  return false;
}

void Context::annotate(const Keyword& keyword, std::string annotation_json) {
  if (!annotations_) return;
  if (tree_ && current_unit_ >= 0 && units_[current_unit_].keyword == keyword.name) {
    units_[current_unit_].annotation_json = std::move(annotation_json);
    return;
  }
  push_unit(current_unit_, keyword.name, keyword.absolute_location, keyword.schema_location()).annotation_json =
      std::move(annotation_json);
}

void Context::drop_annotations_since(size_t mark) {
  if (!annotations_) return;
  for (size_t i = mark; i < units_.size(); ++i) units_[i].annotation_json.clear();
  if (tree_) return;  // trees keep every unit for verbose output
  remove_units_since(mark, [](const OutputUnit& unit) { return unit.valid; });
}

void Context::discard_errors_since(size_t mark) {
  if (tree_) return;
  // Annotations of passing branches stay; only the errors go.
  remove_units_since(mark, [&](const OutputUnit& unit) { return !unit.valid && (--error_count_, true); });
}

void Context::keep_errors_between(size_t mark, size_t keep_begin, size_t keep_end) {
  if (tree_) return;
  const OutputUnit* begin = units_.data() + keep_begin;
  const OutputUnit* end = units_.data() + keep_end;
  remove_units_since(mark, [&](const OutputUnit& unit) {
    return !unit.valid && (&unit < begin || &unit >= end) && (--error_count_, true);
  });
}

template <typename Remove>
void Context::remove_units_since(size_t mark, Remove remove) {
  if (mark >= units_.size()) return;
  // remove_if tests each unit once, in order, and never moves a unit onto itself.
  units_.erase(std::remove_if(units_.begin() + static_cast<std::ptrdiff_t>(mark), units_.end(), remove),
               units_.end());
}

OutputUnit& Context::push_unit(int32_t parent, std::string_view keyword, const std::string& absolute_location,
                               const std::string& schema_location) {
  OutputUnit& unit = units_.emplace_back();
  unit.parent = parent;
  unit.keyword = std::string(keyword);
  unit.keyword_location = keyword_location();
  unit.absolute_keyword_location = absolute_location;
  unit.schema_location = schema_location;
  unit.instance_location = instance_location();
  return unit;
}

int32_t Context::open_keyword_unit(const Keyword& keyword, int32_t parent) {
  push_unit(parent, keyword.name, keyword.absolute_location, keyword.schema_location());
  return static_cast<int32_t>(units_.size() - 1);
}

bool Context::probe(const Node& node, const Json& instance, bool in_place) {
  const OutputFormat format = format_;
  const bool paths = paths_;
  format_ = OutputFormat::Flag;
  paths_ = false;
  const bool ok = evaluate_node(node, instance, in_place);
  format_ = format;
  paths_ = paths;
  return ok;
}

bool Context::passes_in_place(const Node& node, const Json& instance) {
  if (can_probe()) return probe(node, instance, true);
  const size_t mark = error_mark();
  const bool ok = evaluate_in_place(node, instance);
  discard_errors_since(mark);
  return ok;
}

bool Context::evaluate_in_place(const Node& node, const Json& instance) {
  return evaluate_node(node, instance, true);
}

bool Context::evaluate_member(const Node& node, const Json& child, const char* name,
                              uint32_t length) {
  if (!paths_) return evaluate_node(node, child, false);
  instance_path_.push_back({name, length, -1});
  bool ok = evaluate_node(node, child, false);
  instance_path_.pop_back();
  return ok;
}

bool Context::evaluate_item(const Node& node, const Json& child, size_t index) {
  if (!paths_) return evaluate_node(node, child, false);
  instance_path_.push_back({nullptr, 0, static_cast<int64_t>(index)});
  bool ok = evaluate_node(node, child, false);
  instance_path_.pop_back();
  return ok;
}

// What every subschema evaluation enters and leaves: the depth budget, the dynamic scope, and
// the evaluated-members tracker (in place, a passing subschema's marks merge into the outer one).
class NodeFrame {
 public:
  NodeFrame(Context& ctx, const Node& node, bool in_place) : ctx_(ctx), in_place_(in_place) {
    if (ctx.depth_ >= ctx.max_depth_) {
      ctx.depth_exceeded_ = true;
      return;
    }
    entered_ = true;
    ++ctx.depth_;
    pushed_scope_ = ctx.dynamic_scope_.empty() || ctx.dynamic_scope_.back() != node.resource;
    if (pushed_scope_) ctx.dynamic_scope_.push_back(node.resource);
    outer_ = ctx.evaluated_;
    if (node.tracks_evaluated || (in_place && outer_ != nullptr)) {
      if (ctx.trackers_used_ == ctx.trackers_.size()) ctx.trackers_.push_back(std::make_unique<Evaluated>());
      local_ = ctx.trackers_[ctx.trackers_used_++].get();
      local_->clear();
    }
    ctx.evaluated_ = local_;
  }
  // False when the depth budget is spent (the node fails, nothing was entered).
  bool entered() const { return entered_; }
  // Leaves the node; `valid` decides whether its evaluated members count outside.
  bool leave(bool valid) {
    ctx_.evaluated_ = outer_;
    if (local_ != nullptr) {
      if (valid && in_place_ && outer_ != nullptr) outer_->merge(*local_);
      --ctx_.trackers_used_;
    }
    if (pushed_scope_) ctx_.dynamic_scope_.pop_back();
    --ctx_.depth_;
    return valid;
  }

 private:
  Context& ctx_;
  bool in_place_;
  bool entered_ = false;
  bool pushed_scope_ = false;
  Evaluated* outer_ = nullptr;
  Evaluated* local_ = nullptr;
};

bool Context::evaluate_node(const Node& node, const Json& instance, bool in_place) {
  if (!paths_) return evaluate_node_flag(node, instance, in_place);
  if (node.is_boolean && !tree_) {
    if (node.boolean_value) return true;
    return fail_at("", node.absolute_location, node.schema_location(), "no value is allowed here (the schema is false)");
  }
  NodeFrame frame(*this, node, in_place);
  if (!frame.entered()) return false;

  const size_t mark = units_.size();
  int32_t saved_unit = current_unit_;
  int32_t node_unit = -1;
  if (tree_) {
    push_unit(current_unit_, {}, node.absolute_location, node.schema_location());
    node_unit = static_cast<int32_t>(units_.size() - 1);
  }

  bool valid = true;
  if (node.is_boolean) {
    valid = node.boolean_value;
    if (!valid) {
      current_unit_ = node_unit;
      units_[node_unit].valid = false;
      units_[node_unit].error = "no value is allowed here (the schema is false)";
      ++error_count_;
    }
  } else {
    const uint8_t bits = json::type_bits(instance);
    for (const auto& keyword : node.keywords) {
      if (!(keyword->applies_to & bits)) continue;
      keyword_path_.push_back({keyword->name.data(), static_cast<uint32_t>(keyword->name.size()), -1});
      int32_t keyword_unit = -1;
      if (tree_) {
        keyword_unit = open_keyword_unit(*keyword, node_unit);
        current_unit_ = keyword_unit;
      }
      bool ok = keyword->evaluate(instance, *this);
      if (tree_) {
        units_[keyword_unit].valid = ok;
        current_unit_ = node_unit;
      }
      keyword_path_.pop_back();
      if (!ok) {
        valid = false;
        if (depth_exceeded_ || truncated_) break;
      }
    }
    if (annotations_ && valid) {
      for (const auto& keyword : node.annotations) {
        if (!(keyword->applies_to & bits)) continue;
        keyword_path_.push_back({keyword->name.data(), static_cast<uint32_t>(keyword->name.size()), -1});
        if (tree_) {
          current_unit_ = open_keyword_unit(*keyword, node_unit);
        }
        keyword->evaluate(instance, *this);
        if (tree_) current_unit_ = node_unit;
        keyword_path_.pop_back();
      }
    }
  }

  if (tree_) {
    units_[node_unit].valid = valid;
    current_unit_ = saved_unit;
  }
  if (!valid) drop_annotations_since(mark);  // failed subschemas annotate nothing (Core §7.7.1.2)
  return frame.leave(valid);
}

// Flag mode (is_valid and probes): no locations, units or annotations; the first failing
// keyword decides. Apart from evaluate_node so that the hot path carries none of their checks.
bool Context::evaluate_node_flag(const Node& node, const Json& instance, bool in_place) {
  if (node.is_boolean) return node.boolean_value;
  const uint8_t bits = json::type_bits(instance);
  if (!(bits & node.type_mask)) return false;
  NodeFrame frame(*this, node, in_place);
  if (!frame.entered()) return false;
  for (const Keyword* keyword : node.flag_keywords) {
    if ((keyword->applies_to & bits) && !keyword->evaluate(instance, *this)) return frame.leave(false);
  }
  return frame.leave(true);
}

bool evaluate(const Schema& schema, const Json& instance, Context& ctx) {
  return ctx.evaluate_in_place(*schema.root, instance);
}

}  // namespace jsonsieve::schema
