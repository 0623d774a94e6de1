#include "regex/pattern.h"

#include <re2/re2.h>

#include "regex/fast_matcher.h"
#include "regex/regex_internal.h"

namespace jsonsieve::regex {

Pattern::~Pattern() = default;

std::unique_ptr<Pattern> Pattern::compile(std::string_view ecma, RegexError* error,
                                          size_t max_mem_bytes) {
  ecma::Ast ast;
  std::string translated;
  if (!parse_ecma(ecma, &ast, error)) return nullptr;
  if (!translate_ast(ecma, ast, &translated, error)) return nullptr;

  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_never_capture(true);  // search() only asks whether there is a match
  options.set_max_mem(static_cast<int64_t>(max_mem_bytes));
  auto re = std::make_unique<RE2>(translated, options);
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
  std::unique_ptr<Pattern> p(new Pattern());
  p->source_ = std::string(ecma);
  p->re2_ = std::move(translated);
  p->re_ = std::move(re);
  p->fast_ = FastMatcher::build(ast);
  return p;
}

bool Pattern::search(std::string_view subject) const {
  if (fast_ != nullptr) {
    const FastMatcher::Result r = fast_->match(subject);
    if (r != FastMatcher::Result::kUnknown) return r == FastMatcher::Result::kMatch;
  }
  return search_re2(subject);
}

bool Pattern::search_re2(std::string_view subject) const {
  return RE2::PartialMatch(re2::StringPiece(subject.data(), subject.size()), *re_);
}

}  // namespace jsonsieve::regex
