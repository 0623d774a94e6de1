// Evaluation state for one validation call: location stacks (materialized into strings only
// when something is reported), the dynamic scope, the evaluated-members tracker behind
// unevaluatedProperties/Items, output units, and the depth budget.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "jsonsieve/jsonsieve.h"
#include "schema/program.h"

namespace jsonsieve::schema {

// A path segment: a name (property or keyword) or an array index.
struct PathSegment {
  const char* name;
  uint32_t length;
  int64_t index;  // ≥ 0 for an index segment
};

// Which members/items of the current instance were evaluated by in-place applicators
// (annotations of properties, patternProperties, additionalProperties, items, contains, ...).
struct Evaluated {
  std::vector<bool> members;  // by member index of the instance object
  std::vector<bool> items;    // by item index of the instance array
  bool all_members = false;
  bool all_items = false;
  void mark_member(size_t i, size_t count);
  void mark_item(size_t i, size_t count);
  void mark_items_below(size_t end, size_t count);
  bool member(size_t i) const { return all_members || (i < members.size() && members[i]); }
  bool item(size_t i) const { return all_items || (i < items.size() && items[i]); }
  void merge(const Evaluated& other);
  void clear();
};

class Context {
 public:
  Context(const Schema& schema, const Limits& limits);
  // Prepare for a new validation (keeps allocated capacity, so warm calls allocate nothing).
  void reset(OutputFormat format, bool annotations);

  // Evaluate a subschema against the same instance location (in-place applicators: $ref,
  // allOf, anyOf, ...). Its annotations merge into the current tracker when it passes.
  bool evaluate_in_place(const Node& node, const Json& instance);
  // Evaluate a subschema against a child instance (a member or an item): no tracking flows up.
  bool evaluate_member(const Node& node, const Json& child, const char* name, uint32_t length);
  bool evaluate_item(const Node& node, const Json& child, size_t index);

  // Keyword location bookkeeping for applicators that descend into a subschema path
  // (e.g. "properties" then the property name).
  // Flag mode reports no location, so it keeps no paths (they were ~6% of is_valid).
  void push_keyword_segment(const char* name, uint32_t length) {
    if (paths_) keyword_path_.push_back({name, length, -1});
  }
  void push_keyword_index(size_t index) {
    if (paths_) keyword_path_.push_back({nullptr, 0, static_cast<int64_t>(index)});
  }
  void pop_keyword_segment() {
    if (paths_) keyword_path_.pop_back();
  }

  // True when the caller needs no details: stop at the first failure.
  bool flag_only() const { return format_ == OutputFormat::Flag; }
  // Flag mode with no evaluated-member tracking: `properties` then applies its siblings
  // `additionalProperties` and `required` in its own loop, and they stand aside.
  bool flag_untracked() const { return format_ == OutputFormat::Flag && evaluated_ == nullptr; }
  bool collecting_annotations() const { return annotations_; }
  bool error_budget_exhausted() const { return max_errors_ != 0 && error_count_ >= max_errors_; }

  // Report that `keyword` failed at the current locations. Returns false for `return ctx.fail(...)`.
  bool fail(const Keyword& keyword, std::string message) {
    return fail_at(keyword.name, keyword.absolute_location, keyword.schema_location(), std::move(message));
  }
  // Same, with the message built only when someone will read it (never in flag mode, where
  // failing branches of oneOf/anyOf/not are routine and must not allocate).
  template <typename MakeMessage, typename = decltype(std::declval<MakeMessage&>()())>
  bool fail(const Keyword& keyword, MakeMessage&& make_message) {
    if (format_ == OutputFormat::Flag) return false;
    return fail_at(keyword.name, keyword.absolute_location, keyword.schema_location(), make_message());
  }
  bool fail_at(std::string_view keyword, const std::string& absolute_location,
               const std::string& schema_location, std::string message);
  // Record an annotation (serialized JSON) of `keyword` at the current locations.
  void annotate(const Keyword& keyword, std::string annotation_json);
  // Same, serialized only when annotations are collected (format checks run on every string:
  // serializing their value regardless was 5% of is_valid on the bench schema).
  template <typename MakeAnnotation, typename = decltype(std::declval<MakeAnnotation&>()())>
  void annotate(const Keyword& keyword, MakeAnnotation&& make_annotation) {
    if (annotations_) annotate(keyword, std::string(make_annotation()));
  }

  // Errors recorded so far; applicators that discard branch errors (anyOf, not, if, contains)
  // take a mark before and restore it after.
  size_t error_mark() const { return units_.size(); }
  void discard_errors_since(size_t mark);
  // Drop annotations recorded since `mark` (propertyNames: names are not instance locations).
  void drop_annotations_since(size_t mark);
  // Keep, of the errors recorded since `mark`, only those in [keep_begin, keep_end): used by
  // anyOf/oneOf to report the branch that came closest instead of every branch's errors.
  void keep_errors_between(size_t mark, size_t keep_begin, size_t keep_end);

  Evaluated* evaluated() { return evaluated_; }

  // Whether `node` accepts `instance`, answered in flag mode (no locations, units, messages),
  // for applicators that throw a branch's errors away: an invalid record's oneOf, anyOf, not,
  // if and contains then build no error for branches that lose (they were 19% of validate_ndjson).
  // Only while nothing records annotations or evaluated members (a probe records neither).
  bool can_probe() const { return !annotations_ && evaluated_ == nullptr; }
  bool probe(const Node& node, const Json& instance, bool in_place);
  // Whether `node` accepts `instance` (in place) with its errors discarded, for `not` and `if`:
  // a probe when possible, else an evaluation whose errors are dropped (annotations stay).
  bool passes_in_place(const Node& node, const Json& instance);

  // The dynamic scope (outermost first) for $dynamicRef / $recursiveRef.
  const std::vector<const Resource*>& dynamic_scope() const { return dynamic_scope_; }

  std::vector<OutputUnit>& units() { return units_; }
  bool depth_exceeded() const { return depth_exceeded_; }
  bool truncated() const { return truncated_; }
  std::string instance_location() const;
  std::string keyword_location() const;

 private:
  friend class NodeFrame;
  bool evaluate_node(const Node& node, const Json& instance, bool in_place);
  bool evaluate_node_flag(const Node& node, const Json& instance, bool in_place);
  // A new unit under `parent` at the current instance and keyword locations.
  OutputUnit& push_unit(int32_t parent, std::string_view keyword, const std::string& absolute_location,
                        const std::string& schema_location);
  // Tree formats: a unit for `keyword` under `parent`, at the current locations; its index.
  int32_t open_keyword_unit(const Keyword& keyword, int32_t parent);
  // Removes the units from `mark` on for which `remove(unit)` is true, keeping the others' order.
  template <typename Remove>
  void remove_units_since(size_t mark, Remove remove);

  const Schema& schema_;
  OutputFormat format_;
  bool annotations_;
  bool tree_;
  bool paths_ = true;  // keep location paths (every format but flag)
  uint32_t max_depth_;
  uint32_t max_errors_;
  uint32_t depth_ = 0;
  uint32_t error_count_ = 0;
  bool depth_exceeded_ = false;
  bool truncated_ = false;
  int32_t current_unit_ = -1;
  Evaluated* evaluated_ = nullptr;
  std::vector<PathSegment> keyword_path_;
  std::vector<PathSegment> instance_path_;
  std::vector<const Resource*> dynamic_scope_;
  std::vector<OutputUnit> units_;
  // Trackers of the nodes being evaluated, one per level that tracks, kept across calls with
  // their capacity: unevaluated* allocates nothing once warm.
  std::vector<std::unique_ptr<Evaluated>> trackers_;
  size_t trackers_used_ = 0;
};

// Evaluate the whole schema against an instance.
bool evaluate(const Schema& schema, const Json& instance, Context& ctx);

}  // namespace jsonsieve::schema
