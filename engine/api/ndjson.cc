// NDJSON batches: split lines, skip blank ones, fast-path every record, and evaluate again only
// the failing ones, on the same parse, for their details (a mostly valid batch costs one parse
// and one flag evaluation per record).
#include "jsonsieve/ndjson.h"

#include <cstring>
#include <string>

namespace jsonsieve {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool blank(std::string_view line) {
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// The parser locates errors within the record, where every record is line 1: renumber the
// trailing " at line 1, column C" of its message to the record's line in the batch.
void renumber(ParseError* error, size_t line) {
  const std::string marker = " at line " + std::to_string(error->line) + ", column ";
  size_t at = error->message.rfind(marker);
  if (at != std::string::npos) {
    error->message.replace(at, marker.size(), " at line " + std::to_string(line) + ", column ");
  }
  error->line = line;
}

}  // namespace

NdjsonReport validate_ndjson(Validator& validator, std::string_view text, const NdjsonOptions& options) {
  NdjsonReport report;
  if (options.verdicts != nullptr) options.verdicts->clear();
  size_t start = 0;
  const size_t size = text.size();
  while (start < size) {
    const char* newline = static_cast<const char*>(std::memchr(text.data() + start, '\n', size - start));
    size_t end = newline != nullptr ? static_cast<size_t>(newline - text.data()) : size;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t line_number = options.first_line + report.lines;
    ++report.lines;

    bool leading_bom = line.substr(0, kBom.size()) == kBom;
    bool bom_allowed = leading_bom && start == 0 && options.skip_bom;
    std::string_view content = bom_allowed ? line.substr(kBom.size()) : line;
    LineVerdict verdict;
    if (blank(content)) {
      verdict = LineVerdict::Empty;
    } else {
      ++report.total;
      NdjsonFailure failure;
      failure.line = line_number;
      failure.offset = options.first_offset + start;
      if (leading_bom && !bom_allowed) {
        // The parser skips a BOM wherever it is handed one; inside a stream it is garbage.
        verdict = LineVerdict::Malformed;
        failure.malformed = true;
        failure.parse.message = "unexpected byte order mark at line " + std::to_string(line_number) + ", column 1";
        failure.parse.line = line_number;
        failure.parse.column = 1;
        failure.parse.offset = failure.offset;
      } else if (validator.check_text(line, &failure.result, options.format, options.annotations)) {
        verdict = LineVerdict::Valid;
      } else if (!validator.last_failure().message.empty() && validator.last_failure().line > 0) {
        verdict = LineVerdict::Malformed;  // a parse error (limits hit while validating have no line)
        failure.malformed = true;
        failure.result = ValidationResult();
        failure.parse = validator.last_failure();
        failure.parse.offset += failure.offset;
        renumber(&failure.parse, line_number);
      } else {
        verdict = LineVerdict::Invalid;  // failure.result: the errors, from the same parse
        for (OutputUnit& unit : failure.result.errors) {
          if (unit.line > 0) unit.line = line_number;
        }
        for (OutputUnit& unit : failure.result.units) {
          if (unit.line > 0) unit.line = line_number;
        }
      }
      if (verdict == LineVerdict::Valid) {
        ++report.valid;
      } else {
        ++(verdict == LineVerdict::Malformed ? report.malformed : report.invalid);
        if (options.max_failures == 0 || report.failures.size() < options.max_failures) {
          report.failures.push_back(std::move(failure));
        } else {
          report.truncated = true;
        }
      }
    }
    if (options.verdicts != nullptr) options.verdicts->push_back(verdict);
    if (newline == nullptr) break;
    start = end + 1;
  }
  return report;
}

}  // namespace jsonsieve
