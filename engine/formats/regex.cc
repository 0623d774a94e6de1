// regex: ECMA-262 regular expression syntax. The regex component owns the dialect (it translates
// ECMA-262 to RE2); this format accepts exactly the patterns it accepts.
#include "formats/checkers.h"
#include "regex/pattern.h"

namespace jsonsieve::formats {

bool is_regex(std::string_view s) { return regex::is_valid_ecma_regex(s); }

}  // namespace jsonsieve::formats
