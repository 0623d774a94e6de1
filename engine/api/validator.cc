// Validator: per-thread scratch state around the immutable Schema. Parsed instances live in a
// pool whose first chunk is a buffer kept across calls and grown to the peak, so warm calls
// parse without touching the allocator.
#include <algorithm>
#include <climits>
#include <cstdint>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "json/parse.h"
#include "json/pointer.h"
#include "schema/context.h"

namespace jsonsieve {

struct Validator::State {
  std::shared_ptr<const Schema> schema;
  schema::Context context;
  std::vector<char> value_buffer = std::vector<char>(64 * 1024);
  std::vector<char> stack_buffer = std::vector<char>(16 * 1024);
  // Given explicitly, or each pool would `new` its own when it first overflows its buffer.
  rapidjson::CrtAllocator base_allocator;
  static constexpr size_t kChunk = 64 * 1024;
  ParseError last_failure;

  Limits own_limits;

  State(std::shared_ptr<const Schema> s, const Limits& l)
      : schema(std::move(s)), context(*schema, l), own_limits(l) {}

  const Limits& limits() const { return own_limits; }

  // Runs `use(doc)` on the parsed text; false (with last_failure set) if it does not parse.
  template <typename Use>
  bool with_parsed(std::string_view text, Use&& use) {
    clear_failure();
    bool ok;
    size_t used, stack_used;
    {
      // The allocators write into their user buffers when they die: they must die before a resize.
      rapidjson::MemoryPoolAllocator<> values(value_buffer.data(), value_buffer.size(),
                                              kChunk, &base_allocator);
      rapidjson::MemoryPoolAllocator<> stack(stack_buffer.data(), stack_buffer.size(), kChunk,
                                             &base_allocator);
      {
        json::PooledDocument doc(&values, 1024, &stack);
        ok = json::parse(text, &doc, &last_failure, limits(), &stack);
        if (ok) use(static_cast<const Json&>(doc));
      }
      used = values.Size();
      stack_used = stack.Size();
    }
    // Grow the buffers to what this call needed, for the next call.
    if (used > value_buffer.size()) value_buffer.resize(used + used / 2);
    if (stack_used > stack_buffer.size()) stack_buffer.resize(stack_used + stack_used / 2);
    return ok;
  }

  // Every call starts with no failure: all fields, so an earlier parse error's location does
  // not stick to a later failure that has none (clear() keeps the string's buffer).
  void clear_failure() {
    last_failure.message.clear();
    last_failure.offset = last_failure.line = last_failure.column = 0;
  }

  bool run(const Json& instance, OutputFormat format, bool annotations) {
    clear_failure();
    context.reset(format, annotations);
    bool valid = schema::evaluate(*schema, instance, context);
    if (context.depth_exceeded()) {
      last_failure.message = "evaluation went deeper than the limit of " +
                             std::to_string(limits().max_evaluation_depth) +
                             " nested subschemas (a $ref cycle that never consumes the instance?)";
      return false;
    }
    return valid;
  }

  ValidationResult collect(bool valid) {
    ValidationResult result;
    result.valid = valid && last_failure.message.empty();
    result.failure = last_failure;
    result.truncated = context.truncated();
    std::vector<OutputUnit>& units = context.units();
    for (const OutputUnit& unit : units) {
      if (!unit.valid && !unit.error.empty()) result.errors.push_back(unit);
    }
    result.units = std::move(units);
    units.clear();
    return result;
  }
};

Validator::Validator(std::shared_ptr<const Schema> schema)
    : Validator(schema, schema->options.limits) {}
Validator::Validator(std::shared_ptr<const Schema> schema, const Limits& limits)
    : state_(std::make_unique<State>(std::move(schema), limits)) {}
Validator::~Validator() = default;

const ParseError& Validator::last_failure() const { return state_->last_failure; }
const Schema& Validator::schema() const { return *state_->schema; }

bool Validator::is_valid(const Json& instance) { return state_->run(instance, OutputFormat::Flag, false); }

bool Validator::is_valid_text(std::string_view text) {
  bool valid = false;
  state_->with_parsed(text, [&](const Json& doc) { valid = state_->run(doc, OutputFormat::Flag, false); });
  return valid;
}

ValidationResult Validator::validate(const Json& instance, OutputFormat format, bool annotations) {
  bool valid = state_->run(instance, format, annotations);
  return state_->collect(valid);
}

namespace {

// SAX pass that finds where values start, for the instance locations of reported errors. The
// current pointer is one string grown and cut back as containers open and close; the pass stops
// as soon as every wanted location was seen.
struct Locator {
  rapidjson::MemoryStream* stream;
  std::string_view text;
  size_t skip;
  std::vector<std::string>* wanted;       // sorted, unique pointers
  std::vector<size_t>* offsets;           // parallel to wanted
  std::string pointer;                    // of the value being read
  std::vector<size_t> marks;              // pointer length before each open container's token
  std::vector<size_t> next_index;         // per open container: next array index, or SIZE_MAX for objects
  std::string pending_key;                // "/" + escaped key
  size_t last = 0;
  size_t found = 0;

  size_t value_start() {
    size_t p = last;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' ||
                               text[p] == '\r' || text[p] == ',' || text[p] == ':')) ++p;
    return p;
  }
  // Enters a value: its pointer, and its offset if wanted. False once all are found.
  bool at_value() {
    if (!next_index.empty()) {
      marks.push_back(pointer.size());
      if (next_index.back() == SIZE_MAX) {
        pointer += pending_key;
      } else {
        json::append_pointer_index(&pointer, next_index.back()++);
      }
    }
    auto it = std::lower_bound(wanted->begin(), wanted->end(), pointer);
    if (it != wanted->end() && *it == pointer) {
      size_t& slot = (*offsets)[static_cast<size_t>(it - wanted->begin())];
      if (slot == SIZE_MAX) ++found;
      slot = value_start();
    }
    return true;
  }
  void leave() {
    if (!next_index.empty()) {
      pointer.resize(marks.back());
      marks.pop_back();
    }
  }
  bool more() const { return found < wanted->size(); }
  bool scalar() {
    at_value();
    leave();
    last = stream->Tell() + skip;
    return more();
  }
  bool Null() { return scalar(); }
  bool Bool(bool) { return scalar(); }
  bool Int(int) { return scalar(); }
  bool Uint(unsigned) { return scalar(); }
  bool Int64(int64_t) { return scalar(); }
  bool Uint64(uint64_t) { return scalar(); }
  bool Double(double) { return scalar(); }
  bool RawNumber(const char*, rapidjson::SizeType, bool) { return scalar(); }
  bool String(const char*, rapidjson::SizeType, bool) { return scalar(); }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    pending_key.clear();
    json::append_pointer_token(&pending_key, std::string_view(s, n));
    last = stream->Tell() + skip;
    return true;
  }
  bool StartObject() { at_value(); next_index.push_back(SIZE_MAX); last = stream->Tell() + skip; return more(); }
  bool StartArray() { at_value(); next_index.push_back(0); last = stream->Tell() + skip; return more(); }
  bool EndObject(rapidjson::SizeType) { return end(); }
  bool EndArray(rapidjson::SizeType) { return end(); }
  bool end() {
    next_index.pop_back();
    leave();
    last = stream->Tell() + skip;
    return true;
  }
};

void locate_errors(std::string_view text, std::vector<OutputUnit>* units) {
  std::vector<std::string> wanted;
  for (const OutputUnit& u : *units) wanted.push_back(u.instance_location);
  if (wanted.empty()) return;
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  std::vector<size_t> offsets(wanted.size(), SIZE_MAX);
  size_t skip = text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto run = [&](std::string_view t) {
    rapidjson::MemoryStream stream(t.data() + skip, t.size() - skip);
    Locator locator{&stream, t, skip, &wanted, &offsets, {}, {}, {}, {}, skip, 0};
    rapidjson::Reader reader;
    return reader.Parse<json::kParseFlags>(stream, locator);
  };
  if (run(text).Code() == rapidjson::kParseErrorNumberTooBig) {
    // The text parsed, so the number was one RapidJSON refuses on its own (0e400): again, with
    // those masked (same offsets).
    std::string masked = json::mask_refused_numbers(text);
    if (!masked.empty()) {
      std::fill(offsets.begin(), offsets.end(), SIZE_MAX);
      run(masked);
    }
  }
  for (OutputUnit& u : *units) {
    auto it = std::lower_bound(wanted.begin(), wanted.end(), u.instance_location);
    size_t offset = offsets[static_cast<size_t>(it - wanted.begin())];
    if (offset != SIZE_MAX) json::locate(text, offset, &u.line, &u.column);
  }
}

}  // namespace

namespace {

// validate_text's result for text that did not parse.
ValidationResult parse_failure(const ParseError& failure) {
  ValidationResult result;
  result.valid = false;
  result.failure = failure;
  return result;
}

// Line and column of every reported unit's instance value.
void locate_units(std::string_view text, ValidationResult* result) {
  if (result->errors.empty()) return;
  locate_errors(text, &result->errors);
  locate_errors(text, &result->units);
}

}  // namespace

ValidationResult Validator::validate_text(std::string_view text, OutputFormat format, bool annotations) {
  bool valid = false;
  bool parsed = state_->with_parsed(text, [&](const Json& doc) { valid = state_->run(doc, format, annotations); });
  if (!parsed) return parse_failure(state_->last_failure);
  ValidationResult result = state_->collect(valid);
  locate_units(text, &result);
  return result;
}

bool Validator::check_text(std::string_view text, ValidationResult* result, OutputFormat format,
                           bool annotations) {
  bool valid = false;
  bool parsed = state_->with_parsed(text, [&](const Json& doc) {
    valid = state_->run(doc, OutputFormat::Flag, false);
    if (!valid) *result = state_->collect(state_->run(doc, format, annotations));
  });
  if (!parsed) {
    *result = parse_failure(state_->last_failure);
    return false;
  }
  if (!valid) locate_units(text, result);
  return valid;
}

}  // namespace jsonsieve
