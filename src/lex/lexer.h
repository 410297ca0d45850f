#pragma once
// The serial CPU lexer: bytes in, TokenBuffer out. Never throws, never stops
// early: errors become ERRORTOKENs plus diagnostics and lexing goes on.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lex/token.h"

namespace portalis::lex {

struct TokenBuffer {
  std::string text;       // the source decoded to UTF-8 (PEP 263 / BOM); tokens index into it
  std::string encoding;   // what tokenize reports: "utf-8", "utf-8-sig", "iso-8859-1", ...
  std::vector<Token> tokens;           // always ends with ENDMARKER
  std::vector<uint32_t> line_starts;   // byte offset in `text` where each line starts (line 1 = index 0)
  std::vector<Diagnostic> diagnostics;

  std::string_view token_text(const Token& t) const { return std::string_view(text).substr(t.begin, t.end - t.begin); }
  uint32_t line_of(uint32_t offset) const;        // 1-based line of a byte offset
  uint32_t byte_col_of(uint32_t offset) const;    // 0-based UTF-8 byte column (CPython AST columns)
};

TokenBuffer lex(std::string_view bytes);

}  // namespace portalis::lex
