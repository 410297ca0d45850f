#include "lex/unicode.h"

#include <algorithm>

namespace portalis::lex {
namespace {

struct CodeRange {
  uint32_t first;
  uint32_t last;
};

#include "lex/unicode_tables.inc"

template <size_t N>
bool in_ranges(const CodeRange (&table)[N], uint32_t cp) {
  const CodeRange* it =
      std::upper_bound(table, table + N, cp, [](uint32_t v, const CodeRange& r) { return v < r.first; });
  return it != table && cp <= (it - 1)->last;
}

}  // namespace

bool is_xid_start(uint32_t cp) { return in_ranges(kXidStart, cp); }
bool is_xid_continue(uint32_t cp) { return in_ranges(kXidContinue, cp); }
bool is_word(uint32_t cp) { return in_ranges(kWord, cp); }
bool is_printable(uint32_t cp) { return in_ranges(kPrintable, cp); }

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace portalis::lex
