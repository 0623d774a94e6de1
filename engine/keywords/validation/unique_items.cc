// uniqueItems: hash every item (consistent with deep equality), sort the hashes, and compare
// only items whose hashes collide — O(n log n), never quadratic.
#include <algorithm>
#include <vector>

#include "json/value.h"
#include "keywords/factories.h"

namespace jsonsieve::keywords {
namespace {
class UniqueItems final : public Keyword {
 public:
  bool evaluate(const Json& instance, schema::Context& ctx) const override {
    const size_t count = instance.Size();
    if (count < 2) return true;
    if (count <= 8) {  // tiny arrays: pairwise without allocating
      for (size_t i = 0; i < count; ++i)
        for (size_t j = i + 1; j < count; ++j)
          if (json::equal(instance[static_cast<rapidjson::SizeType>(i)], instance[static_cast<rapidjson::SizeType>(j)]))
            return report(ctx, i, j);
      return true;
    }
    // Reused per thread and grown to the peak, so warm calls do not allocate. Safe to share:
    // hash/equal never evaluate subschemas, so no other UniqueItems runs while it is in use.
    static thread_local std::vector<std::pair<uint64_t, uint32_t>> scratch;
    std::vector<std::pair<uint64_t, uint32_t>>& hashed = scratch;
    hashed.resize(count);
    for (size_t i = 0; i < count; ++i) {
      hashed[i] = {json::hash(instance[static_cast<rapidjson::SizeType>(i)]), static_cast<uint32_t>(i)};
    }
    std::sort(hashed.begin(), hashed.end());
    for (size_t i = 0; i < count; ++i) {
      for (size_t j = i + 1; j < count && hashed[j].first == hashed[i].first; ++j) {
        if (json::equal(instance[hashed[i].second], instance[hashed[j].second])) {
          return report(ctx, std::min(hashed[i].second, hashed[j].second),
                        std::max(hashed[i].second, hashed[j].second));
        }
      }
    }
    return true;
  }
  bool report(schema::Context& ctx, size_t i, size_t j) const {
    return ctx.fail(*this, [&] { return "must not contain duplicates, but items " + std::to_string(i) + " and " +
                               std::to_string(j) + " are equal"; });
  }
};
}  // namespace

Compiled compile_unique_items(KeywordCompiler& c) {
  if (!c.value().IsBool()) return c.error("must be a boolean");
  if (!c.value().GetBool()) return nullptr;
  auto k = c.make<UniqueItems>();
  k->applies_to = json::kArray;
  return k;
}

}  // namespace jsonsieve::keywords
