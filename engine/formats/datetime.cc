// RFC 3339 section 5.6 (date-time, full-date, full-time) and appendix A (duration).
#include "formats/checkers.h"

namespace jsonsieve::formats {
namespace {

// Reads exactly n ASCII digits at s[pos]; advances pos.
bool read_digits(std::string_view s, size_t& pos, int n, int& value) {
  if (s.size() - pos < static_cast<size_t>(n)) return false;
  value = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[pos + k];
    if (!is_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  pos += n;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

bool is_leap_year(int y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

// full-date = date-fullyear "-" date-month "-" date-mday
bool parse_full_date(std::string_view s, size_t& pos) {
  int year, month, day;
  if (!read_digits(s, pos, 4, year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, month) ||
      !expect(s, pos, '-') || !read_digits(s, pos, 2, day)) {
    return false;
  }
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return false;
  return !(month == 2 && day == 29 && !is_leap_year(year));
}

// full-time = partial-time time-offset; time-offset = "Z" / ("+" / "-") time-hour ":" time-minute.
// A second of 60 is a leap second: valid only if the time, shifted to UTC, is 23:59:60.
bool parse_full_time(std::string_view s, size_t& pos) {
  int hour, minute, second;
  if (!read_digits(s, pos, 2, hour) || !expect(s, pos, ':') || !read_digits(s, pos, 2, minute) ||
      !expect(s, pos, ':') || !read_digits(s, pos, 2, second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (pos < s.size() && s[pos] == '.') {  // time-secfrac = "." 1*DIGIT
    ++pos;
    size_t start = pos;
    while (pos < s.size() && is_digit(s[pos])) ++pos;
    if (pos == start) return false;
  }
  if (pos >= s.size()) return false;
  int offset_minutes = 0;
  char c = s[pos++];
  if (c == 'Z' || c == 'z') {
    offset_minutes = 0;
  } else if (c == '+' || c == '-') {
    int oh, om;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om)) return false;
    if (oh > 23 || om > 59) return false;
    offset_minutes = (c == '+' ? 1 : -1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (second == 60) {
    int utc = ((hour * 60 + minute - offset_minutes) % 1440 + 1440) % 1440;
    if (utc != 23 * 60 + 59) return false;
  }
  return true;
}

// Appendix A: a run of digits followed by the unit letter.
bool read_component(std::string_view s, size_t& pos, char unit) {
  size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  if (pos == start || pos >= s.size() || s[pos] != unit) {
    pos = start;
    return false;
  }
  ++pos;
  return true;
}

}  // namespace

bool is_date_time(std::string_view s) {
  size_t pos = 0;
  if (!parse_full_date(s, pos)) return false;
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't')) return false;
  ++pos;
  return parse_full_time(s, pos) && pos == s.size();
}

bool is_date(std::string_view s) {
  size_t pos = 0;
  return parse_full_date(s, pos) && pos == s.size();
}

bool is_time(std::string_view s) {
  size_t pos = 0;
  return parse_full_time(s, pos) && pos == s.size();
}

// duration  = "P" (dur-date / dur-time / dur-week)
// dur-date  = (dur-day / dur-month / dur-year) [dur-time]
// dur-year  = 1*DIGIT "Y" [dur-month];  dur-month = 1*DIGIT "M" [dur-day];  dur-day = 1*DIGIT "D"
// dur-time  = "T" (dur-hour / dur-minute / dur-second)
// dur-hour  = 1*DIGIT "H" [dur-minute]; dur-minute = 1*DIGIT "M" [dur-second]; dur-second = 1*DIGIT "S"
// dur-week  = 1*DIGIT "W"
// Each optional part may only follow its predecessor, so the units form chains: Y[M[D]], M[D], D
// and H[M[S]], M[S], S.
bool is_duration(std::string_view s) {
  size_t pos = 0;
  if (!expect(s, pos, 'P')) return false;
  if (read_component(s, pos, 'W')) return pos == s.size();
  static constexpr char kDateUnits[] = {'Y', 'M', 'D'};
  static constexpr char kTimeUnits[] = {'H', 'M', 'S'};
  bool any_date = false;
  for (int k = 0; k < 3; ++k) {
    if (read_component(s, pos, kDateUnits[k])) {
      any_date = true;
      // The rest of the chain must follow directly.
      for (++k; k < 3 && read_component(s, pos, kDateUnits[k]); ++k) {}
      break;
    }
  }
  if (pos < s.size() && s[pos] == 'T') {
    ++pos;
    bool any_time = false;
    for (int k = 0; k < 3; ++k) {
      if (read_component(s, pos, kTimeUnits[k])) {
        any_time = true;
        for (++k; k < 3 && read_component(s, pos, kTimeUnits[k]); ++k) {}
        break;
      }
    }
    if (!any_time) return false;
  } else if (!any_date) {
    return false;
  }
  return pos == s.size();
}

}  // namespace jsonsieve::formats
