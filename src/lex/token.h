#pragma once
// The lexer's output: packed token records over the source bytes.
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace portalis::lex {

enum class TokenKind : uint8_t {
#define PORTALIS_TOKEN(Kind, Spelling) Kind,
#include "lex/token_kinds.def"
#undef PORTALIS_TOKEN
  Count
};

std::string_view token_kind_name(TokenKind k);      // "NAME", "LPAR", ...
std::string_view token_kind_spelling(TokenKind k);  // "(" for LPAR, "" for NAME

// Flags refine a kind without a side table.
enum TokenFlags : uint8_t {
  kFlagNone = 0,
  kFlagKeyword = 1 << 0,      // NAME that is a hard keyword
  kFlagError = 1 << 1,        // token carries an error diagnostic
  kFlagFString = 1 << 2,      // STRING with an f prefix
  kFlagBytes = 1 << 3,        // STRING with a b prefix
  kFlagRaw = 1 << 4,          // STRING with an r prefix
  kFlagTriple = 1 << 5,       // triple-quoted STRING
  kFlagNonAscii = 1 << 6,     // token text contains non-ASCII bytes
  kFlagImplicit = 1 << 7,     // synthesized (NEWLINE/DEDENT at EOF, empty NEWLINE)
};

// Byte range [begin, end) in the (decoded, UTF-8) source buffer. Values are
// sliced from the source; nothing is copied.
struct Token {
  TokenKind kind;
  uint8_t flags;
  uint16_t reserved;
  uint32_t begin;
  uint32_t end;
};
static_assert(sizeof(Token) == 12, "tokens are packed records");

}  // namespace portalis::lex
