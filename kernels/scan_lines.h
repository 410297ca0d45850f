#pragma once
// The token-level phases of the scan lexer: from raw tokens (begin, end,
// kind) to the final stream with NEWLINE/NL, INDENT/DEDENT and each file's
// tail, written as parallel per-token functions separated by scans:
//   T1 token_info: file, bracket delta, line-end and code marks;
//   scans: depth = exclusive sum of deltas (bracket depth by a scan),
//          last_nl / last_code = inclusive max of the marks;
//   T2 token_lines: NEWLINE vs NL (a line end is NEWLINE at depth 0 when a
//          token other than COMMENT/NL came since the previous line end),
//          line-first tokens, structural tokens (brackets, line-first);
//   scan + T3: compaction of the structural tokens;
//   F1 file_lines: per file, over its structural tokens only: bracket kinds
//          must match (depth <= 200), the indentation stack with CPython's
//          errors (INDENT/DEDENT counts per line-first token), the tail;
//   scans: output positions of tokens (weights) and of file tails;
//   T4 token_emit and F2 file_emit_tail: the packed Tokens.
#include <cstdint>

#include "kernels/scan_phases.h"

namespace portalis::kernels {

struct TokenArrays {
  uint32_t ntok;
  const uint32_t* begin;
  const uint32_t* end;
  uint8_t* kind;          // raw kinds (token_classify); line ends become NL or NEWLINE in T2
  const uint8_t* flags;
  uint32_t* file;         // file of each token
  int32_t* delta;         // +1 opener, -1 closer
  int32_t* depth;         // exclusive prefix sum of delta (global; subtract the file's first)
  uint32_t* nl_mark;      // t+1 for line ends
  uint32_t* last_nl;      // inclusive max of nl_mark
  uint32_t* code_mark;    // t+1 for tokens that make a line non-blank
  uint32_t* last_code;    // inclusive max of code_mark
  uint8_t* role;          // kRoleBracket | kRoleLineFirst
  uint32_t* structural;   // ntok + 1: 1 when role != 0
  uint32_t* struct_pos;   // ntok + 1: exclusive sum of structural
  uint32_t* struct_list;  // structural token indices, in order
  int8_t* pre;            // +1: INDENT before the token; -k: k DEDENTs
  uint32_t* weight;       // ntok + 1: tokens emitted for token t (incl. INDENT/DEDENT)
  uint32_t* out_pos;      // ntok + 1: exclusive sum of weight
  // Indentation of line-first tokens (columns with tabs to 8, and the count of
  // whitespace bytes), computed per token in T2 so that the sequential F1
  // walk reads two numbers instead of the line's leading bytes.
  uint32_t* col;
  uint32_t* alt;
};

struct FileArrays {
  uint32_t* first_token;  // nfiles + 1
  const uint8_t* end_state;
  uint8_t* status;        // FileStatus
  uint32_t* tail;         // nfiles + 1: tokens emitted after the last one (0 on fallback)
  uint8_t* tail_bits;     // 1: implicit NL, 2: implicit NEWLINE
  uint8_t* tail_dedents;
  uint32_t* tail_pos;     // nfiles + 1: exclusive sum of tail
};

enum : uint8_t { kRoleBracket = 1, kRoleLineFirst = 2 };

inline constexpr int kScanMaxParen = 200;   // lex::kMaxParenDepth
inline constexpr int kScanMaxIndent = 100;  // lex::kMaxIndentLevels

PORTALIS_HD bool is_opener(uint8_t k) {
  return k == static_cast<uint8_t>(TokenKind::LPAR) || k == static_cast<uint8_t>(TokenKind::LSQB) ||
         k == static_cast<uint8_t>(TokenKind::LBRACE);
}
PORTALIS_HD bool is_closer(uint8_t k) {
  return k == static_cast<uint8_t>(TokenKind::RPAR) || k == static_cast<uint8_t>(TokenKind::RSQB) ||
         k == static_cast<uint8_t>(TokenKind::RBRACE);
}

// F0: first token of every file (f in [0, nfiles]).
PORTALIS_HD void file_first_token(const BatchView& v, uint32_t f, const TokenArrays& a, FileArrays& fa) {
  fa.first_token[f] = lower_bound_u32(a.begin, a.ntok, v.file_begin[f]);
}

// T1.
PORTALIS_HD void token_info(const BatchView& v, uint32_t t, const TokenArrays& a) {
  a.file[t] = upper_bound_u32(v.file_begin, v.nfiles, a.begin[t]) - 1;
  const uint8_t k = a.kind[t];
  a.delta[t] = is_opener(k) ? 1 : is_closer(k) ? -1 : 0;
  const bool line_end = k == static_cast<uint8_t>(TokenKind::NEWLINE);
  a.nl_mark[t] = line_end ? t + 1 : 0;
  a.code_mark[t] = (!line_end && k != static_cast<uint8_t>(TokenKind::COMMENT) && k != kKindLineCont) ? t + 1 : 0;
}

// T2. Reads only T1's outputs and the bytes, so tokens are independent.
PORTALIS_HD void token_lines(const BatchView& v, uint32_t t, const TokenArrays& a, const FileArrays& fa) {
  const uint32_t t0 = fa.first_token[a.file[t]];
  const int32_t base = a.depth[t0];
  const uint8_t k = a.kind[t];
  const bool line_end = k == static_cast<uint8_t>(TokenKind::NEWLINE);
  uint8_t role = 0;
  if (line_end) {
    const uint32_t prev_nl = t > t0 ? a.last_nl[t - 1] : 0;
    const uint32_t prev_code = t > t0 ? a.last_code[t - 1] : 0;
    const bool content = prev_code > t0 && prev_code > prev_nl;
    if (a.depth[t] - base > 0 || !content) a.kind[t] = static_cast<uint8_t>(TokenKind::NL);
  } else if (k != static_cast<uint8_t>(TokenKind::COMMENT)) {
    // First on its line (at bracket depth 0): the previous token of the file
    // is a line end at depth 0 (comments always precede their line end).
    if (t == t0 || (v.data[a.begin[t - 1]] == '\n' && a.depth[t - 1] - base == 0)) {
      role |= kRoleLineFirst;
      uint32_t col = 0, alt = 0;
      for (uint32_t i = t == t0 ? v.file_begin[a.file[t]] : a.end[t - 1]; i < a.begin[t]; ++i) {
        const uint8_t c = v.data[i];
        if (c == ' ') { ++col; ++alt; }
        else if (c == '\t') { col = (col / 8 + 1) * 8; ++alt; }
        else { col = alt = 0; }  // '\f'
      }
      a.col[t] = col;
      a.alt[t] = alt;
    }
    if (is_opener(k) || is_closer(k)) role |= kRoleBracket;
  }
  a.role[t] = role;
  a.structural[t] = role != 0;
  a.pre[t] = 0;
  a.weight[t] = k == kKindLineCont ? 0 : k == kKindDotDot ? 2 : 1;
}

// T3.
PORTALIS_HD void token_struct_scatter(uint32_t t, const TokenArrays& a) {
  if (a.structural[t]) a.struct_list[a.struct_pos[t]] = t;
}

// F1. Sequential over the file's structural tokens only.
PORTALIS_HD void file_lines(const FstTables& ft, const BatchView& v, uint32_t f, const TokenArrays& a,
                            FileArrays& fa) {
  const uint32_t fb = v.file_begin[f], fe = v.file_begin[f + 1];
  const uint32_t t0 = fa.first_token[f], t1 = fa.first_token[f + 1];
  fa.tail[f] = 0;
  fa.tail_bits[f] = 0;
  fa.tail_dedents[f] = 0;
  if (fe > fb && !ft.accept_end[fa.end_state[f]]) {
    fa.status[f] = kFileFstState;
    return;
  }
  uint8_t open[kScanMaxParen];
  int depth = 0, level = 0;
  int cols[kScanMaxIndent], alts[kScanMaxIndent];
  cols[0] = alts[0] = 0;
  uint8_t why = kFileOk;
  for (uint32_t s = a.struct_pos[t0], se = a.struct_pos[t1]; s < se && why == kFileOk; ++s) {
    const uint32_t t = a.struct_list[s];
    const uint8_t k = a.kind[t];
    if (a.role[t] & kRoleLineFirst) {
      if (k == kKindLineCont) { why = kFileLineCont; break; }  // continuation first on a line
      const int col = static_cast<int>(a.col[t]), alt = static_cast<int>(a.alt[t]);
      if (col == cols[level]) {
        if (alt != alts[level]) why = kFileIndent;
      } else if (col > cols[level]) {
        if (level + 1 >= kScanMaxIndent || alt <= alts[level]) {
          why = kFileIndent;
        } else {
          ++level;
          cols[level] = col;
          alts[level] = alt;
          a.pre[t] = 1;
          a.weight[t] += 1;
        }
      } else {
        int d = 0;
        while (level > 0 && col < cols[level]) { --level; ++d; }
        if (col != cols[level] || alt != alts[level]) why = kFileIndent;
        a.pre[t] = static_cast<int8_t>(-d);
        a.weight[t] += static_cast<uint32_t>(d);
      }
    }
    if (a.role[t] & kRoleBracket) {
      if (is_opener(k)) {
        if (depth >= kScanMaxParen) why = kFileBrackets;
        else open[depth++] = k;
      } else if (depth == 0 || open[depth - 1] + 1 != k) {  // closer kind = opener kind + 1
        why = kFileBrackets;
      } else {
        --depth;
      }
    }
  }
  if (why == kFileOk && depth != 0) why = kFileBrackets;
  uint8_t bits = 0;
  if (why == kFileOk && t1 > t0) {
    const uint32_t tl = t1 - 1;
    if (a.kind[tl] == kKindLineCont && a.end[tl] == fe) why = kFileLineCont;  // continuation at end of input
    const int32_t base = a.depth[t0];
    if (a.kind[tl] == static_cast<uint8_t>(TokenKind::COMMENT) && a.end[tl] == fe &&
        (tl == t0 || (v.data[a.begin[tl - 1]] == '\n' && a.depth[tl - 1] - base == 0)))
      bits |= 1;  // comment-only last line without a line end: implicit NL
    if (a.last_code[tl] > t0 && a.last_code[tl] > a.last_nl[tl]) bits |= 2;  // implicit NEWLINE
  }
  fa.status[f] = why;
  if (why != kFileOk) return;
  fa.tail_bits[f] = bits;
  fa.tail_dedents[f] = static_cast<uint8_t>(level);
  fa.tail[f] = (bits & 1) + ((bits >> 1) & 1) + static_cast<uint32_t>(level) + 1;
}

// T4. Output position: out_pos[t] + tail_pos[file].
PORTALIS_HD void token_emit(const BatchView& v, uint32_t t, const TokenArrays& a, const FileArrays& fa, Token* out) {
  const uint32_t f = a.file[t];
  if (fa.status[f] != kFileOk) return;
  const uint32_t fb = v.file_begin[f];
  Token* o = out + a.out_pos[t] + fa.tail_pos[f];
  const uint32_t b = a.begin[t] - fb;
  if (a.pre[t] > 0) {
    const uint32_t t0 = fa.first_token[f];
    const uint32_t ls = (t == t0 ? fb : a.end[t - 1]) - fb;
    *o++ = Token{TokenKind::INDENT, 0, 0, ls, b};
  } else {
    for (int d = a.pre[t]; d < 0; ++d) *o++ = Token{TokenKind::DEDENT, 0, 0, b, b};
  }
  const uint8_t k = a.kind[t];
  if (k == kKindLineCont) return;
  if (k == kKindDotDot) {
    *o++ = Token{TokenKind::DOT, 0, 0, b, b + 1};
    *o++ = Token{TokenKind::DOT, 0, 0, b + 1, b + 2};
    return;
  }
  *o = Token{static_cast<TokenKind>(k), a.flags[t], 0, b, a.end[t] - fb};
}

// F2: the tail, and the file's output offset (f in [0, nfiles]).
PORTALIS_HD void file_emit_tail(const BatchView& v, uint32_t f, const TokenArrays& a, const FileArrays& fa,
                                Token* out, uint32_t* file_offset) {
  file_offset[f] = a.out_pos[fa.first_token[f]] + fa.tail_pos[f];
  if (f == v.nfiles || fa.status[f] != kFileOk) return;
  const uint32_t E = v.file_begin[f + 1] - v.file_begin[f];
  Token* o = out + a.out_pos[fa.first_token[f + 1]] + fa.tail_pos[f];
  if (fa.tail_bits[f] & 1) *o++ = Token{TokenKind::NL, lex::kFlagImplicit, 0, E, E};
  if (fa.tail_bits[f] & 2) *o++ = Token{TokenKind::NEWLINE, lex::kFlagImplicit, 0, E, E};
  for (int d = 0; d < fa.tail_dedents[f]; ++d) *o++ = Token{TokenKind::DEDENT, lex::kFlagImplicit, 0, E, E};
  *o = Token{TokenKind::ENDMARKER, 0, 0, E, E};
}

}  // namespace portalis::kernels
