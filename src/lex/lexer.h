#pragma once
// The serial CPU lexer: bytes in, TokenBuffer out. Never throws, never stops
// early: errors become ERRORTOKENs (or tokens flagged kFlagError) plus
// diagnostics, and lexing goes on; the stream always ends with ENDMARKER.
//
// Token semantics (CPython 3.11's C tokenizer, plus COMMENT and NL kept):
//  * Every token is a byte range [begin, end) into `text` (the decoded UTF-8
//    source, BOM removed). Tokens are in source order: begin never decreases.
//  * NAME: identifiers; kFlagKeyword on hard keywords (soft keywords match,
//    case, _ are plain NAMEs). Any byte >= 0x80 continues an identifier, as in
//    CPython; names that are not valid identifiers get kFlagError and a
//    diagnostic "invalid character ...". kFlagNonAscii marks non-ASCII names.
//  * NUMBER: split exactly as tokenize's Number regex would (so "0777" is the
//    NUMBERs "0" and "777" and "1L" is NUMBER "1" + NAME "L"); what CPython
//    rejects (leading zeros, "1_", "0x", "1abc") gets a diagnostic and
//    kFlagError on the NUMBER.
//  * STRING: prefix, quotes and body, spanning lines for triple quotes and
//    backslash-newline continuations; flags kFlagFString/kFlagBytes/kFlagRaw/
//    kFlagTriple from the prefix (any case, u ignored). Unterminated strings
//    are ERRORTOKENs: to the end of the line (single quote) or of the file.
//  * Operators have exact kinds (LPAR, PLUSEQUAL, ...); "<>" is LESS GREATER.
//    OP itself is never produced.
//  * COMMENT: '#' up to, not including, the line end.
//  * NEWLINE: the line-end bytes ("\n", "\r\n" or a lone "\r") ending a
//    logical line that has at least one token other than COMMENT/NL.
//  * NL: the line-end bytes of a blank or comment-only line, or of any line
//    end inside brackets. For a blank line it starts after the leading
//    whitespace (like tokenize), so it covers only the line end.
//  * INDENT: the leading whitespace of the first line of a block:
//    [line start, first token) — NOT zero-width.
//  * DEDENT: zero-width at the begin of the first token of the line that
//    dedents (after any COMMENT/NL of blank/comment lines before it), one per
//    closed block, in order, immediately before that token.
//  * At end of input (offset E = text.size()), in this order:
//      - a comment-only last line without a line end gets an NL [E, E)
//        (kFlagImplicit);
//      - if the last logical line has tokens and was not ended by a line end
//        (no trailing newline, or EOF inside brackets), an implicit NEWLINE
//        [E, E) with kFlagImplicit;
//      - one DEDENT [E, E) (kFlagImplicit) per open indentation level;
//      - ENDMARKER [E, E).
//  * Zero-width tokens never carry text; every other token is non-empty.
//    Token::reserved is always 0.
//  * An unmatched closing bracket does not lower the depth below 0; a line
//    end inside brackets is NL, and the first line end at depth 0 that ends
//    a line with tokens is NEWLINE (so an unclosed bracket turns every later
//    line end into NL, and EOF gets the implicit NEWLINE).
//  * Errors detected: undecodable bytes, unknown/bad coding cookie, NUL bytes,
//    stray characters (`$ ? ! \x01 ...), invalid identifiers, bad numbers,
//    unterminated strings, unmatched/mismatched/unclosed brackets, nesting
//    deeper than 200 ("too many nested parentheses"), inconsistent dedent,
//    tabs/spaces inconsistency (TabError, CPython's altcol rule), more than
//    99 indentation levels, bad backslash continuations. Messages, lines and
//    columns (1-based, in code points) follow CPython 3.11's tokenizer; at
//    most kMaxDiagnostics are kept, then one "N more lexing errors" line.
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
  uint32_t char_col_of(uint32_t offset) const;    // 0-based column in code points
};

TokenBuffer lex(std::string_view bytes);

// Lexes text that is already UTF-8 (no cookie/BOM processing); `encoding` is
// recorded as given. Used by tests and by callers that decoded themselves.
TokenBuffer lex_utf8(std::string text, std::string encoding = "utf-8");

// Limits, as CPython's tokenizer has them.
inline constexpr int kMaxParenDepth = 200;   // MAXLEVEL
inline constexpr int kMaxIndentLevels = 100;  // MAXINDENT (levels incl. column 0)
inline constexpr int kTabSize = 8;
// At most this many diagnostics per file, then one saying how many more
// there were (line 0): keeps pathological inputs linear.
inline constexpr size_t kMaxDiagnostics = 100;

}  // namespace portalis::lex
