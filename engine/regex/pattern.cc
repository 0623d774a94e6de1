#include "regex/pattern.h"

#include <re2/re2.h>

#include "regex/fast_matcher.h"
#include "regex/regex_internal.h"

namespace jsonsieve::regex {

namespace {

std::unique_ptr<RE2> make_re2(const std::string& translated, size_t max_mem_bytes) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_never_capture(true);  // search() only asks whether there is a match
  options.set_max_mem(static_cast<int64_t>(max_mem_bytes));
  return std::make_unique<RE2>(translated, options);
}

// A fast-path pattern whose RE2 program is certainly small: every bounded repeat count is at
// most 100 (and the fast path has no groups, so repeats do not nest). Its RE2 compile cannot
// fail, so it can be deferred to first use.
bool fast_path_is_small(const ecma::Ast& ast) {
  for (const ecma::Node& node : ast.nodes) {
    if (node.kind != ecma::NodeKind::kRepeat) continue;
    if (node.min > 100 || (node.max != ecma::kUnbounded && node.max > 100)) return false;
  }
  return true;
}

}  // namespace

Pattern::~Pattern() = default;

std::unique_ptr<Pattern> Pattern::compile(std::string_view ecma, RegexError* error,
                                          size_t max_mem_bytes) {
  ecma::Ast ast;
  std::string translated;
  if (!parse_ecma(ecma, &ast, error)) return nullptr;
  if (!translate_ast(ecma, ast, &translated, error)) return nullptr;

  std::unique_ptr<Pattern> p(new Pattern());
  p->source_ = std::string(ecma);
  p->max_mem_ = max_mem_bytes;
  p->fast_ = FastMatcher::build(ast);
  if (p->fast_ != nullptr && fast_path_is_small(ast)) {
    // RE2 compilation dominates schema compile time (~80% on large schemas); a fast-path
    // pattern needs RE2 only for subjects the fast path cannot decide (non-ASCII), so it is
    // compiled on first use. Such patterns (no groups, repeat counts <= 100) always fit RE2.
    p->re2_ = std::move(translated);
    return p;
  }
  auto re = make_re2(translated, max_mem_bytes);
  if (!re->ok()) {
    if (error != nullptr) {
      error->offset = 0;
      if (re->error_code() == RE2::ErrorPatternTooLarge) {
        error->kind = RegexError::Kind::kTooLarge;
        error->message = format_message(
            ecma, "too large: its RE2 program exceeds the memory budget of " +
                      std::to_string(max_mem_bytes) + " bytes");
      } else {
        error->kind = RegexError::Kind::kUnsupported;
        error->message = format_message(
            ecma, "RE2 cannot compile its translation /" + translated + "/: " + re->error());
      }
    }
    return nullptr;
  }
  p->re2_ = std::move(translated);
  std::call_once(p->re_once_, [&] { p->re_ = std::move(re); });
  return p;
}

const RE2& Pattern::re() const {
  std::call_once(re_once_, [this] { re_ = make_re2(re2_, max_mem_); });
  return *re_;
}

bool Pattern::search(std::string_view subject) const {
  if (fast_ != nullptr) {
    const FastMatcher::Result r = fast_->match(subject);
    if (r != FastMatcher::Result::kUnknown) return r == FastMatcher::Result::kMatch;
  }
  return search_re2(subject);
}

bool Pattern::search_re2(std::string_view subject) const {
  const RE2& re = this->re();
  if (!re.ok()) return false;  // unreachable: see fast_path_is_small
  return RE2::PartialMatch(re2::StringPiece(subject.data(), subject.size()), re);
}

}  // namespace jsonsieve::regex
