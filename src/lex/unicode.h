#pragma once
// Unicode predicates and UTF-8 helpers for the lexer and the tokenize dump.
// The tables are generated from CPython 3.11's own database
// (scripts/dev/gen_lex_tables.py), so the answers equal str.isidentifier(),
// str.isprintable() and re's \w. Only non-ASCII code points reach the tables.
#include <cstdint>
#include <string>
#include <string_view>

namespace portalis::lex {

bool is_xid_start(uint32_t cp);     // chr(cp).isidentifier() ('_' included)
bool is_xid_continue(uint32_t cp);  // ('a' + chr(cp)).isidentifier()
bool is_word(uint32_t cp);          // re.match(r'\w', chr(cp)) (tokenize's Name)
bool is_printable(uint32_t cp);     // chr(cp).isprintable()

// Decodes one UTF-8 sequence at s[i] (s must be valid UTF-8, as TokenBuffer::text
// is); returns the code point and advances i.
inline uint32_t next_code_point(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  uint32_t c = p[i];
  if (c < 0x80) { i += 1; return c; }
  if (c < 0xE0 && i + 1 < s.size()) { uint32_t r = ((c & 0x1F) << 6) | (p[i + 1] & 0x3F); i += 2; return r; }
  if (c < 0xF0 && i + 2 < s.size()) {
    uint32_t r = ((c & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    i += 3;
    return r;
  }
  if (i + 3 < s.size()) {
    uint32_t r = ((c & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    i += 4;
    return r;
  }
  i += 1;  // truncated sequence: only possible on invalid input
  return 0xFFFD;
}

void append_utf8(std::string& out, uint32_t cp);

// Number of code points in valid UTF-8 (bytes that are not continuation bytes).
inline uint32_t count_code_points(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace portalis::lex
