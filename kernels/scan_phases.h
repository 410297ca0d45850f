#pragma once
// The scan lexer's phases as per-element functions, shared by the host engine
// (loops) and the CUDA kernels (one thread per element):
//   1. chunk_transfer: a chunk's state->state function (all states at once);
//   2. exclusive scan of the transfers with compose() -> state at each chunk start;
//   3. chunk_mark: rerun each chunk from its known state, write per-byte outputs
//      (start/continue/none), count token starts, record each file's end state;
//   4. exclusive scan of the start counts -> token index of each chunk's first start;
//   5. chunk_compact: token begin/end offsets;
//   6. token_classify: kind and flags of each token from its bytes;
//   7. file_structure: per file, brackets, NEWLINE vs NL, indentation
//      (INDENT/DEDENT with CPython's errors) and the tail at end of input;
//   8. exclusive scan of per-file output counts; file_emit writes Tokens.
// Offsets are 32-bit: a batch is below 4 GiB.
#include <cstdint>

#include "kernels/scan_fst.h"
#include "lex/token.h"

namespace portalis::kernels {

using lex::Token;
using lex::TokenKind;

// Internal kind for a backslash continuation "\\\n": needed for the line
// logic, never emitted.
inline constexpr uint8_t kKindLineCont = static_cast<uint8_t>(TokenKind::Count);
// Internal kind for "..": emitted as two DOT tokens.
inline constexpr uint8_t kKindDotDot = static_cast<uint8_t>(TokenKind::Count) + 1;

// File status after file_structure.
// Why a file fell back (kept per file for the reports).
enum FileStatus : uint8_t {
  kFileOk = 0,
  kFileFstState = 1,    // the transducer ended in kErr or an unfinished state
  kFileLineCont = 2,    // backslash continuation first on a line or at end of input
  kFileIndent = 3,      // indentation error, TabError, too many levels
  kFileBrackets = 4,    // unmatched, mismatched, unclosed or too deep brackets
  kFileIdentifier = 5,  // a non-ASCII name that is not a valid identifier
};
inline constexpr const char* kFileStatusNames[] = {"ok", "transducer", "continuation", "indentation", "brackets", "identifier"};

struct BatchView {
  const uint8_t* data;        // all files, back to back
  uint32_t n;                 // bytes
  const uint32_t* file_begin; // nfiles + 1 entries; file_begin[nfiles] == n
  uint32_t nfiles;
  uint32_t chunk;             // bytes per chunk
};

PORTALIS_HD uint32_t num_chunks(const BatchView& v) { return v.n == 0 ? 0 : (v.n + v.chunk - 1) / v.chunk; }

// First index i in [0, count) with a[i] >= x (count if none).
PORTALIS_HD uint32_t lower_bound_u32(const uint32_t* a, uint32_t count, uint32_t x) {
  uint32_t lo = 0, hi = count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (a[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}
// First index with a[i] > x.
PORTALIS_HD uint32_t upper_bound_u32(const uint32_t* a, uint32_t count, uint32_t x) {
  uint32_t lo = 0, hi = count;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (a[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// ---- phase 1 -------------------------------------------------------------
// Simulates every start state at once; after a few bytes the paths merge, so
// the set of distinct current states is deduplicated every 32 bytes and only
// those are stepped (typically 3-6 instead of kNumStates).
PORTALIS_HD Transfer chunk_transfer(const FstTables& t, const BatchView& v, uint32_t c) {
  const uint32_t b = c * v.chunk;
  const uint32_t e = b + v.chunk < v.n ? b + v.chunk : v.n;
  uint32_t f = lower_bound_u32(v.file_begin, v.nfiles, b);
  uint32_t boundary = f < v.nfiles ? v.file_begin[f] : 0xFFFFFFFFu;
  uint8_t cur[kNumStates];
  uint8_t idx[kNumStates];
  int m = kNumStates;
  for (int s = 0; s < kNumStates; ++s) { cur[s] = static_cast<uint8_t>(s); idx[s] = static_cast<uint8_t>(s); }
  uint32_t next_dedup = b + 16;
  for (uint32_t i = b; i < e; ++i) {
    if (i == boundary) {
      for (int k = 0; k < m; ++k) cur[k] = kIdle;  // a new file starts in code
      while (f < v.nfiles && v.file_begin[f] == i) ++f;
      boundary = f < v.nfiles ? v.file_begin[f] : 0xFFFFFFFFu;
      next_dedup = i + 1;
    }
    const uint8_t cls = t.cls[v.data[i]];
    for (int k = 0; k < m; ++k) cur[k] = t.trans[cur[k] * kNumClasses + cls] & 63;
    if (i + 1 == next_dedup && m > 1) {
      uint8_t seen[64];
      for (int s = 0; s < 64; ++s) seen[s] = 0xFF;
      uint8_t remap[kNumStates];
      int m2 = 0;
      for (int k = 0; k < m; ++k) {
        uint8_t s = cur[k];
        if (seen[s] == 0xFF) { seen[s] = static_cast<uint8_t>(m2); cur[m2++] = s; }
        remap[k] = seen[s];
      }
      for (int s = 0; s < kNumStates; ++s) idx[s] = remap[idx[s]];
      m = m2;
      next_dedup = i + 1 + 64;
    }
  }
  Transfer r;
  for (int s = 0; s < 64; ++s) r.to[s] = s < kNumStates ? cur[idx[s]] : static_cast<uint8_t>(s);
  return r;
}

// ---- phase 3 -------------------------------------------------------------
// Returns the number of token starts in the chunk.
PORTALIS_HD uint32_t chunk_mark(const FstTables& t, const BatchView& v, uint32_t c, uint8_t state,
                                uint8_t* out, uint8_t* file_end_state) {
  const uint32_t b = c * v.chunk;
  const uint32_t e = b + v.chunk < v.n ? b + v.chunk : v.n;
  uint32_t f = lower_bound_u32(v.file_begin, v.nfiles, b);
  uint32_t boundary = f < v.nfiles ? v.file_begin[f] : 0xFFFFFFFFu;
  uint32_t starts = 0;
  for (uint32_t i = b; i < e; ++i) {
    if (i == boundary) {
      // The file before the first one starting here ends with `state`.
      if (f > 0) file_end_state[f - 1] = state;
      state = kIdle;
      while (f < v.nfiles && v.file_begin[f] == i) ++f;
      boundary = f < v.nfiles ? v.file_begin[f] : 0xFFFFFFFFu;
    }
    const uint8_t p = fst_step(t, state, v.data[i]);
    state = p & 63;
    const uint8_t o = p >> 6;
    out[i] = o;
    starts += o == kOutStart;
  }
  if (e == v.n && v.n > 0) {
    uint32_t last = upper_bound_u32(v.file_begin, v.nfiles, v.n - 1) - 1;
    file_end_state[last] = state;
  }
  return starts;
}

// ---- phase 5 -------------------------------------------------------------
// `first` = number of token starts before this chunk.
PORTALIS_HD void chunk_compact(const BatchView& v, uint32_t c, const uint8_t* out, uint32_t first,
                               uint32_t* tok_begin, uint32_t* tok_end) {
  const uint32_t b = c * v.chunk;
  const uint32_t e = b + v.chunk < v.n ? b + v.chunk : v.n;
  uint32_t k = first - 1;  // wraps for the very first token; only used after a start
  for (uint32_t i = b; i < e; ++i) {
    const uint8_t o = out[i];
    if (o == kOutStart) tok_begin[++k] = i;
    if (o != kOutNone && (i + 1 == v.n || out[i + 1] != kOutCont)) tok_end[k] = i + 1;
  }
}

// ---- phase 6 -------------------------------------------------------------
PORTALIS_HD bool is_ident_start_byte(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
PORTALIS_HD bool is_digit_byte(uint8_t c) { return c >= '0' && c <= '9'; }

// Hard keywords of Python 3.11 (keyword.kwlist), as the serial lexer flags them.
PORTALIS_HD bool is_keyword_text(const uint8_t* s, uint32_t n) {
  if (n < 2 || n > 8) return false;
  const char* kw[] = {"False", "None",  "True",   "and",    "as",       "assert", "async", "await", "break",
                      "class", "continue", "def", "del",    "elif",     "else",   "except", "finally", "for",
                      "from",  "global", "if",    "import", "in",       "is",     "lambda", "nonlocal", "not",
                      "or",    "pass",   "raise", "return", "try",      "while",  "with",  "yield"};
  for (const char* k : kw) {
    uint32_t i = 0;
    while (i < n && k[i] == static_cast<char>(s[i])) ++i;
    if (i == n && k[i] == 0) return true;
  }
  return false;
}

PORTALIS_HD uint8_t op_kind(const uint8_t* s, uint32_t n) {
  const uint8_t c = s[0], c1 = n > 1 ? s[1] : 0, c2 = n > 2 ? s[2] : 0;
  TokenKind k = TokenKind::ERRORTOKEN;
  switch (c) {
    case '(': k = TokenKind::LPAR; break;
    case ')': k = TokenKind::RPAR; break;
    case '[': k = TokenKind::LSQB; break;
    case ']': k = TokenKind::RSQB; break;
    case '{': k = TokenKind::LBRACE; break;
    case '}': k = TokenKind::RBRACE; break;
    case ',': k = TokenKind::COMMA; break;
    case ';': k = TokenKind::SEMI; break;
    case '~': k = TokenKind::TILDE; break;
    case ':': k = n == 2 ? TokenKind::COLONEQUAL : TokenKind::COLON; break;
    case '+': k = n == 2 ? TokenKind::PLUSEQUAL : TokenKind::PLUS; break;
    case '-': k = n == 1 ? TokenKind::MINUS : c1 == '>' ? TokenKind::RARROW : TokenKind::MINEQUAL; break;
    case '*': k = n == 1 ? TokenKind::STAR : c1 == '=' ? TokenKind::STAREQUAL
                : n == 2 ? TokenKind::DOUBLESTAR : TokenKind::DOUBLESTAREQUAL; break;
    case '/': k = n == 1 ? TokenKind::SLASH : c1 == '=' ? TokenKind::SLASHEQUAL
                : n == 2 ? TokenKind::DOUBLESLASH : TokenKind::DOUBLESLASHEQUAL; break;
    case '<': k = n == 1 ? TokenKind::LESS : c1 == '=' ? TokenKind::LESSEQUAL
                : n == 2 ? TokenKind::LEFTSHIFT : TokenKind::LEFTSHIFTEQUAL; break;
    case '>': k = n == 1 ? TokenKind::GREATER : c1 == '=' ? TokenKind::GREATEREQUAL
                : n == 2 ? TokenKind::RIGHTSHIFT : TokenKind::RIGHTSHIFTEQUAL; break;
    case '=': k = n == 2 ? TokenKind::EQEQUAL : TokenKind::EQUAL; break;
    case '|': k = n == 2 ? TokenKind::VBAREQUAL : TokenKind::VBAR; break;
    case '&': k = n == 2 ? TokenKind::AMPEREQUAL : TokenKind::AMPER; break;
    case '%': k = n == 2 ? TokenKind::PERCENTEQUAL : TokenKind::PERCENT; break;
    case '^': k = n == 2 ? TokenKind::CIRCUMFLEXEQUAL : TokenKind::CIRCUMFLEX; break;
    case '@': k = n == 2 ? TokenKind::ATEQUAL : TokenKind::AT; break;
    case '!': k = TokenKind::NOTEQUAL; break;
    case '.':
      if (n == 2) return kKindDotDot;
      k = n == 3 ? TokenKind::ELLIPSIS : TokenKind::DOT;
      break;
    default: break;
  }
  (void)c2;
  return static_cast<uint8_t>(k);
}

// Kind (raw: every line end is NEWLINE until file_structure decides) and flags.
PORTALIS_HD void token_classify(const BatchView& v, uint32_t t, const uint32_t* tok_begin, const uint32_t* tok_end,
                                uint8_t* kind, uint8_t* flags) {
  const uint32_t b = tok_begin[t], e = tok_end[t];
  const uint8_t* s = v.data + b;
  const uint32_t n = e - b;
  const uint8_t c0 = s[0], cl = s[n - 1];
  uint8_t k, f = 0;
  if (c0 == '\n') {
    k = static_cast<uint8_t>(TokenKind::NEWLINE);
  } else if (c0 == '#') {
    k = static_cast<uint8_t>(TokenKind::COMMENT);
  } else if (c0 == '\\') {
    k = kKindLineCont;
  } else if (c0 == '\'' || c0 == '"' || (is_ident_start_byte(c0) && (cl == '\'' || cl == '"'))) {
    k = static_cast<uint8_t>(TokenKind::STRING);
    uint32_t q = 0;
    while (s[q] != '\'' && s[q] != '"') {
      switch (s[q] | 0x20) {
        case 'r': f |= lex::kFlagRaw; break;
        case 'b': f |= lex::kFlagBytes; break;
        case 'f': f |= lex::kFlagFString; break;
        default: break;
      }
      ++q;
    }
    if (n >= q + 6 && s[q + 1] == s[q] && s[q + 2] == s[q]) f |= lex::kFlagTriple;
  } else if (is_ident_start_byte(c0)) {
    k = static_cast<uint8_t>(TokenKind::NAME);
    bool ascii = true;
    for (uint32_t i = 0; i < n; ++i) ascii &= s[i] < 0x80;
    if (!ascii) f = lex::kFlagNonAscii;  // the host checks it is a valid identifier
    else if (is_keyword_text(s, n)) f = lex::kFlagKeyword;
  } else if (is_digit_byte(c0) || (c0 == '.' && n > 1 && is_digit_byte(s[1]))) {
    k = static_cast<uint8_t>(TokenKind::NUMBER);
  } else {
    k = op_kind(s, n);
  }
  kind[t] = k;
  flags[t] = f;
}

}  // namespace portalis::kernels
