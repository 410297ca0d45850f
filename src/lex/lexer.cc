// The serial lexer: one pass over the decoded text, a byte-class table, no
// allocation per token (tokens are appended to a pre-reserved vector).
// Token semantics are documented in lexer.h.
#include "lex/lexer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "lex/decode.h"
#include "lex/unicode.h"

namespace portalis::lex {
namespace {

enum CharClass : uint8_t {
  kOther = 0,
  kIdent = 1,   // A-Z a-z _ and every byte >= 0x80 (CPython treats them as identifier bytes)
  kDigit = 2,
  kSpace = 3,   // ' ' '\t' '\f'
  kQuote = 4,
  kEol = 5,     // '\n' '\r'
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kIdent;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kIdent;
  t['_'] = kIdent;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kIdent;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[' '] = t['\t'] = t['\f'] = kSpace;
  t['\''] = t['"'] = kQuote;
  t['\n'] = t['\r'] = kEol;
  return t;
}
constexpr std::array<uint8_t, 256> kClass = make_classes();

inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_hex(unsigned char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Hard keywords of Python 3.11 (keyword.kwlist). A switch on the first byte
// leaves at most a handful of same-length candidates (hot: every NAME).
bool is_keyword(const char* s, size_t n) {
  if (n < 2 || n > 8) return false;
  auto is = [&](std::string_view k) { return k.size() == n && std::memcmp(k.data() + 1, s + 1, n - 1) == 0; };
  switch (s[0]) {
    case 'F': return is("False");
    case 'N': return is("None");
    case 'T': return is("True");
    case 'a': return is("and") || is("as") || is("assert") || is("async") || is("await");
    case 'b': return is("break");
    case 'c': return is("class") || is("continue");
    case 'd': return is("def") || is("del");
    case 'e': return is("elif") || is("else") || is("except");
    case 'f': return is("finally") || is("for") || is("from");
    case 'g': return is("global");
    case 'i': return is("if") || is("import") || is("in") || is("is");
    case 'l': return is("lambda");
    case 'n': return is("nonlocal") || is("not");
    case 'o': return is("or");
    case 'p': return is("pass");
    case 'r': return is("raise") || is("return");
    case 't': return is("try");
    case 'w': return is("while") || is("with");
    case 'y': return is("yield");
    default: return false;
  }
}

// Valid string prefixes (any case): r u b f br rb fr rf. Returns flags, or -1.
int string_prefix_flags(const unsigned char* s, size_t n) {
  int flags = 0;
  bool u = false;
  for (size_t i = 0; i < n; ++i) {
    switch (s[i] | 0x20) {
      case 'r': if (flags & kFlagRaw) return -1; flags |= kFlagRaw; break;
      case 'b': if (flags & (kFlagBytes | kFlagFString)) return -1; flags |= kFlagBytes; break;
      case 'f': if (flags & (kFlagBytes | kFlagFString)) return -1; flags |= kFlagFString; break;
      case 'u': u = true; break;
      default: return -1;
    }
  }
  if (u && n != 1) return -1;
  return flags;
}

constexpr std::array<bool, 256> make_ident_cont() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kClass[c] == kIdent || kClass[c] == kDigit;
  return t;
}
constexpr std::array<bool, 256> kIdentCont = make_ident_cont();

// SWAR scanning, 8 bytes at a time, for the long runs inside strings and
// comments. zero_bytes(v) has the high bit set in the lowest byte of v that
// is zero (higher bytes may be false positives, so only the lowest counts).
inline uint64_t zero_bytes(uint64_t v) { return (v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL; }
inline uint64_t splat(unsigned char c) { return 0x0101010101010101ULL * c; }

// First i >= p (i < n) with s[i] equal to a or b; n if none.
inline uint32_t find2(const unsigned char* s, uint32_t p, uint32_t n, unsigned char a, unsigned char b) {
  const uint64_t ma = splat(a), mb = splat(b);
  while (p + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + p, 8);
    uint64_t m = zero_bytes(w ^ ma) | zero_bytes(w ^ mb);
    if (m) return p + (static_cast<uint32_t>(__builtin_ctzll(m)) >> 3);
    p += 8;
  }
  while (p < n && s[p] != a && s[p] != b) ++p;
  return p;
}

// First i >= p (i < n) with s[i] one of a, b, c, d; n if none.
inline uint32_t find4(const unsigned char* s, uint32_t p, uint32_t n, unsigned char a, unsigned char b,
                      unsigned char c, unsigned char d) {
  const uint64_t ma = splat(a), mb = splat(b), mc = splat(c), md = splat(d);
  while (p + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, s + p, 8);
    uint64_t m = zero_bytes(w ^ ma) | zero_bytes(w ^ mb) | zero_bytes(w ^ mc) | zero_bytes(w ^ md);
    if (m) return p + (static_cast<uint32_t>(__builtin_ctzll(m)) >> 3);
    p += 8;
  }
  while (p < n && s[p] != a && s[p] != b && s[p] != c && s[p] != d) ++p;
  return p;
}

// The hot loop keeps its state (position, flags, depth) in locals: token
// stores write uint8_t fields, which may alias anything, so state kept in
// members would be reloaded after every token. Rare work (errors,
// indentation changes) is out of line.
class Lexer {
 public:
  explicit Lexer(TokenBuffer& out)
      : out_(out),
        s_(reinterpret_cast<const unsigned char*>(out.text.c_str())),
        n_(static_cast<uint32_t>(out.text.size())) {}

  void run();

 private:
  // Diagnostics are capped per file: a file of a million stray characters
  // must not cost a million column computations (each O(line length)).
  bool room_for_diagnostic() {
    if (out_.diagnostics.size() < kMaxDiagnostics) return true;
    ++suppressed_;
    return false;
  }
  [[gnu::noinline]] void error(DiagId id, uint32_t offset, std::string msg) {
    if (!room_for_diagnostic()) return;
    uint32_t line = out_.line_of(offset);
    out_.diagnostics.push_back(Diagnostic{id, line, out_.char_col_of(offset) + 1, std::move(msg)});
  }
  // Indentation errors: CPython reports column 1, except for an inconsistent
  // dedent, which it reports after the end of the line.
  [[gnu::noinline]] void indent_error(DiagId id, uint32_t offset, std::string msg) {
    if (!room_for_diagnostic()) return;
    uint32_t line = out_.line_of(offset);
    uint32_t col = 1;
    if (id == DiagId::InconsistentDedent) {
      uint32_t e = offset;
      while (e < n_ && s_[e] != '\n' && s_[e] != '\r') ++e;
      col = out_.char_col_of(e) + 1;
    }
    out_.diagnostics.push_back(Diagnostic{id, line, col, std::move(msg)});
  }
  [[gnu::noinline]] void change_indent(uint32_t line_begin, uint32_t p, int col, int alt);
  [[gnu::noinline]] uint8_t check_name(uint32_t p, uint32_t e);
  uint32_t lex_number(uint32_t p, uint8_t* flags);
  [[gnu::noinline]] uint8_t number_error(uint32_t p, uint32_t e, int kind);
  uint32_t lex_string(uint32_t start, uint32_t q, uint8_t* flags, TokenKind* kind);
  [[gnu::noinline]] void stray(uint32_t p);
  [[gnu::noinline]] uint8_t close_bracket(uint32_t p, int depth);
  [[gnu::noinline]] void too_deep(uint32_t p);

  TokenBuffer& out_;
  const unsigned char* const s_;  // NUL-terminated (std::string), so s_[n_] == 0
  const uint32_t n_;

  // Brackets: the depth may exceed kMaxParenDepth (we go on after the error);
  // only the first kMaxParenDepth openers are remembered.
  bool too_deep_reported_ = false;
  std::array<uint32_t, kMaxParenDepth> open_at_{};

  int indent_ = 0;  // index of the current level in the stacks
  std::array<int, kMaxIndentLevels> cols_{};
  std::array<int, kMaxIndentLevels> altcols_{};
  bool nul_reported_ = false;
  uint32_t suppressed_ = 0;  // diagnostics beyond kMaxDiagnostics
};

void Lexer::change_indent(uint32_t line_begin, uint32_t p, int col, int alt) {
  std::vector<Token>& toks = out_.tokens;
  if (col == cols_[indent_]) {
    if (alt != altcols_[indent_])
      indent_error(DiagId::TabError, p, "inconsistent use of tabs and spaces in indentation");
  } else if (col > cols_[indent_]) {
    if (indent_ + 1 >= kMaxIndentLevels) {
      indent_error(DiagId::TooManyIndentLevels, p, "too many levels of indentation");
      return;
    }
    if (alt <= altcols_[indent_])
      indent_error(DiagId::TabError, p, "inconsistent use of tabs and spaces in indentation");
    ++indent_;
    cols_[indent_] = col;
    altcols_[indent_] = alt;
    toks.push_back(Token{TokenKind::INDENT, 0, 0, line_begin, p});
  } else {
    while (indent_ > 0 && col < cols_[indent_]) {
      --indent_;
      toks.push_back(Token{TokenKind::DEDENT, 0, 0, p, p});
    }
    if (col != cols_[indent_])
      indent_error(DiagId::InconsistentDedent, p, "unindent does not match any outer indentation level");
    else if (alt != altcols_[indent_])
      indent_error(DiagId::TabError, p, "inconsistent use of tabs and spaces in indentation");
  }
}

void Lexer::run() {
  const unsigned char* const s = s_;
  const uint32_t n = n_;
  std::vector<Token>& toks = out_.tokens;
  auto emit = [&toks](TokenKind k, uint32_t b, uint32_t e, uint8_t flags) {
    toks.push_back(Token{k, flags, 0, b, e});
  };
  uint32_t p = 0;
  bool at_bol = true;
  bool content = false;  // the current logical line has a token other than COMMENT/NL
  int depth = 0;

  for (;;) {
    if (at_bol) {
      const uint32_t line_begin = p;
      int col = 0, alt = 0;
      for (;; ++p) {
        // Indentation is mostly spaces: take them 8 at a time.
        while (p + 8 <= n) {
          uint64_t w;
          std::memcpy(&w, s + p, 8);
          w ^= 0x2020202020202020ULL;
          uint32_t k = w == 0 ? 8 : static_cast<uint32_t>(__builtin_ctzll(w)) >> 3;
          col += static_cast<int>(k);
          alt += static_cast<int>(k);
          p += k;
          if (k < 8) break;
        }
        unsigned char c = s[p];  // s[n] == 0 stops the loop
        if (c == ' ') { ++col; ++alt; }
        else if (c == '\t') { col = (col / kTabSize + 1) * kTabSize; ++alt; }
        else if (c == '\f') { col = alt = 0; }
        else break;
      }
      if (p >= n) break;  // whitespace-only last line: nothing to emit
      unsigned char c = s[p];
      if (c == '#' || c == '\n' || c == '\r') {
        // Blank or comment-only line: no indentation processing.
        if (c == '#') {
          uint32_t e = find2(s, p + 1, n, '\n', '\r');
          emit(TokenKind::COMMENT, p, e, 0);
          p = e;
        }
        if (p >= n) {
          emit(TokenKind::NL, p, p, kFlagImplicit);  // comment at EOF without a line end
          break;
        }
        uint32_t len = (s[p] == '\r' && s[p + 1] == '\n') ? 2 : 1;
        emit(TokenKind::NL, p, p + len, 0);
        p += len;
        continue;
      }
      at_bol = false;
      if (col != cols_[indent_] || alt != altcols_[indent_]) change_indent(line_begin, p, col, alt);
    }

    unsigned char c = s[p];
    while (kClass[c] == kSpace) c = s[++p];
    if (p >= n) break;
    switch (kClass[c]) {
      case kIdent: {
        uint32_t e = p + 1;
        unsigned acc = c;
        while (kIdentCont[s[e]]) acc |= s[e++];
        if (kClass[s[e]] == kQuote && e - p <= 2) {
          int f = string_prefix_flags(s + p, e - p);
          if (f >= 0) {
            uint8_t flags = static_cast<uint8_t>(f);
            TokenKind k;
            uint32_t end = lex_string(p, e, &flags, &k);
            emit(k, p, end, flags);
            content = true;
            p = end;
            break;
          }
        }
        uint8_t flags;
        if (acc < 0x80)
          flags = is_keyword(reinterpret_cast<const char*>(s + p), e - p) ? kFlagKeyword : 0;
        else
          flags = check_name(p, e);
        emit(TokenKind::NAME, p, e, flags);
        content = true;
        p = e;
        break;
      }
      case kDigit: {
        uint8_t flags = 0;
        uint32_t e = lex_number(p, &flags);
        emit(TokenKind::NUMBER, p, e, flags);
        content = true;
        p = e;
        break;
      }
      case kQuote: {
        uint8_t flags = 0;
        TokenKind k;
        uint32_t e = lex_string(p, p, &flags, &k);
        emit(k, p, e, flags);
        content = true;
        p = e;
        break;
      }
      case kEol: {
        uint32_t len = (c == '\r' && s[p + 1] == '\n') ? 2 : 1;
        if (depth > 0 || !content) {
          emit(TokenKind::NL, p, p + len, 0);
        } else {
          emit(TokenKind::NEWLINE, p, p + len, 0);
          content = false;
        }
        at_bol = depth == 0;
        p += len;
        break;
      }
      default: {
        const unsigned char c1 = s[p + 1];           // c != 0 here or p < n: in bounds
        const unsigned char c2 = c1 ? s[p + 2] : 0;  // only read past c1 when c1 is not the terminator
        TokenKind k;
        uint32_t len = 1;
        switch (c) {
          case '#': {
            uint32_t e = find2(s, p + 1, n, '\n', '\r');
            emit(TokenKind::COMMENT, p, e, 0);
            p = e;
            continue;
          }
          case '\\': {
            uint32_t len2 = c1 == '\n' ? 1 : c1 == '\r' ? (c2 == '\n' ? 2 : 1) : 0;
            if (p + 1 >= n) len2 = 0;
            if (len2 == 0) {
              error(DiagId::ContinuationError, p + 1, p + 1 >= n ? "unexpected EOF while parsing"
                                                                 : "unexpected character after line continuation character");
              emit(TokenKind::ERRORTOKEN, p, p + 1, kFlagError);
              content = true;
              p = p + 1;
            } else {
              p += 1 + len2;
              if (p >= n) error(DiagId::ContinuationError, p, "unexpected EOF while parsing");
            }
            continue;
          }
          case '(': case '[': case '{':
            k = c == '(' ? TokenKind::LPAR : c == '[' ? TokenKind::LSQB : TokenKind::LBRACE;
            if (depth < kMaxParenDepth) open_at_[depth] = p;
            else too_deep(p);
            ++depth;
            break;
          case ')': case ']': case '}': {
            k = c == ')' ? TokenKind::RPAR : c == ']' ? TokenKind::RSQB : TokenKind::RBRACE;
            uint8_t flags = close_bracket(p, depth);
            if (depth > 0) --depth;
            emit(k, p, p + 1, flags);
            content = true;
            p += 1;
            continue;
          }
          case ':': if (c1 == '=') { k = TokenKind::COLONEQUAL; len = 2; } else k = TokenKind::COLON; break;
          case ',': k = TokenKind::COMMA; break;
          case ';': k = TokenKind::SEMI; break;
          case '+': if (c1 == '=') { k = TokenKind::PLUSEQUAL; len = 2; } else k = TokenKind::PLUS; break;
          case '-':
            if (c1 == '=') { k = TokenKind::MINEQUAL; len = 2; }
            else if (c1 == '>') { k = TokenKind::RARROW; len = 2; }
            else k = TokenKind::MINUS;
            break;
          case '*':
            if (c1 == '*') {
              if (c2 == '=') { k = TokenKind::DOUBLESTAREQUAL; len = 3; } else { k = TokenKind::DOUBLESTAR; len = 2; }
            } else if (c1 == '=') { k = TokenKind::STAREQUAL; len = 2; }
            else k = TokenKind::STAR;
            break;
          case '/':
            if (c1 == '/') {
              if (c2 == '=') { k = TokenKind::DOUBLESLASHEQUAL; len = 3; } else { k = TokenKind::DOUBLESLASH; len = 2; }
            } else if (c1 == '=') { k = TokenKind::SLASHEQUAL; len = 2; }
            else k = TokenKind::SLASH;
            break;
          case '|': if (c1 == '=') { k = TokenKind::VBAREQUAL; len = 2; } else k = TokenKind::VBAR; break;
          case '&': if (c1 == '=') { k = TokenKind::AMPEREQUAL; len = 2; } else k = TokenKind::AMPER; break;
          case '<':
            if (c1 == '<') {
              if (c2 == '=') { k = TokenKind::LEFTSHIFTEQUAL; len = 3; } else { k = TokenKind::LEFTSHIFT; len = 2; }
            } else if (c1 == '=') { k = TokenKind::LESSEQUAL; len = 2; }
            else k = TokenKind::LESS;
            break;
          case '>':
            if (c1 == '>') {
              if (c2 == '=') { k = TokenKind::RIGHTSHIFTEQUAL; len = 3; } else { k = TokenKind::RIGHTSHIFT; len = 2; }
            } else if (c1 == '=') { k = TokenKind::GREATEREQUAL; len = 2; }
            else k = TokenKind::GREATER;
            break;
          case '=': if (c1 == '=') { k = TokenKind::EQEQUAL; len = 2; } else k = TokenKind::EQUAL; break;
          case '.':
            if (c1 >= '0' && c1 <= '9') {
              uint8_t flags = 0;
              uint32_t e = lex_number(p, &flags);
              emit(TokenKind::NUMBER, p, e, flags);
              content = true;
              p = e;
              continue;
            }
            if (c1 == '.' && c2 == '.') { k = TokenKind::ELLIPSIS; len = 3; } else k = TokenKind::DOT;
            break;
          case '%': if (c1 == '=') { k = TokenKind::PERCENTEQUAL; len = 2; } else k = TokenKind::PERCENT; break;
          case '~': k = TokenKind::TILDE; break;
          case '^': if (c1 == '=') { k = TokenKind::CIRCUMFLEXEQUAL; len = 2; } else k = TokenKind::CIRCUMFLEX; break;
          case '@': if (c1 == '=') { k = TokenKind::ATEQUAL; len = 2; } else k = TokenKind::AT; break;
          case '!':
            if (c1 == '=') { k = TokenKind::NOTEQUAL; len = 2; break; }
            [[fallthrough]];
          default:
            stray(p);
            content = true;
            p += 1;
            continue;
        }
        emit(k, p, p + len, 0);
        content = true;
        p += len;
        break;
      }
    }
  }

  // End of input: see lexer.h for the order of the synthesized tokens.
  if (depth > 0) {
    int top = std::min(depth, kMaxParenDepth) - 1;
    uint32_t at = open_at_[top];
    std::string msg = "'";
    msg += static_cast<char>(s[at]);
    msg += "' was never closed";
    error(DiagId::UnclosedBracket, at, std::move(msg));
  }
  if (suppressed_ > 0) {
    DiagId id = out_.diagnostics.back().id;
    out_.diagnostics.push_back(
        Diagnostic{id, 0, 0, std::to_string(suppressed_) + " more lexing errors not reported"});
  }
  if (content) emit(TokenKind::NEWLINE, n, n, kFlagImplicit);
  for (; indent_ > 0; --indent_) emit(TokenKind::DEDENT, n, n, kFlagImplicit);
  emit(TokenKind::ENDMARKER, n, n, 0);
}

void Lexer::too_deep(uint32_t p) {
  if (!too_deep_reported_) error(DiagId::TooDeeplyNested, p, "too many nested parentheses");
  too_deep_reported_ = true;
}

uint8_t Lexer::close_bracket(uint32_t p, int depth) {
  unsigned char c = s_[p];
  if (depth == 0) {
    error(DiagId::UnmatchedBracket, p, std::string("unmatched '") + static_cast<char>(c) + "'");
    return kFlagError;
  }
  if (depth - 1 >= kMaxParenDepth) return 0;
  uint32_t at = open_at_[depth - 1];
  unsigned char o = s_[at];
  if ((o == '(' && c == ')') || (o == '[' && c == ']') || (o == '{' && c == '}')) return 0;
  std::string msg = std::string("closing parenthesis '") + static_cast<char>(c) +
                    "' does not match opening parenthesis '" + static_cast<char>(o) + "'";
  uint32_t ol = out_.line_of(at);
  if (ol != out_.line_of(p)) msg += " on line " + std::to_string(ol);
  error(DiagId::UnmatchedBracket, p, std::move(msg));
  return kFlagError;
}

// A non-ASCII name: valid when PyUnicode_IsIdentifier would say so
// (XID_Start then XID_Continue).
uint8_t Lexer::check_name(uint32_t p, uint32_t e) {
  std::string_view text(out_.text);
  size_t i = p;
  bool first = true;
  while (i < e) {
    size_t at = i;
    uint32_t cp = next_code_point(text, i);
    bool ok = first ? (cp == '_' || is_xid_start(cp)) : is_xid_continue(cp);
    first = false;
    if (!ok) {
      char buf[64];
      std::string msg;
      if (is_printable(cp)) {
        msg = "invalid character '";
        msg.append(text.substr(at, i - at));
        std::snprintf(buf, sizeof buf, "' (U+%04X)", cp);
        msg += buf;
      } else {
        std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
        msg = buf;
      }
      error(DiagId::InvalidCharacter, static_cast<uint32_t>(at), std::move(msg));
      return kFlagNonAscii | kFlagError;
    }
  }
  return kFlagNonAscii;
}

enum NumberKind { kDec, kHex, kOct, kBin, kFloat, kImag };

uint32_t Lexer::lex_number(uint32_t p, uint8_t* flags) {
  // Token boundaries follow tokenize's Number regex (first matching
  // alternative of Imagnumber | Floatnumber | Intnumber); CPython's stricter
  // checks become diagnostics (number_error).
  const unsigned char* s = s_;
  const uint32_t n = n_;
  auto digits = [&](uint32_t i) -> uint32_t {  // [0-9](?:_?[0-9])* at i; returns end or i
    if (i >= n || !is_digit(s[i])) return i;
    ++i;
    for (;;) {
      if (i < n && is_digit(s[i])) ++i;
      else if (i + 1 < n && s[i] == '_' && is_digit(s[i + 1])) i += 2;
      else return i;
    }
  };
  auto exponent = [&](uint32_t i) -> uint32_t {  // [eE][-+]?digits, or i
    if (i >= n || (s[i] | 0x20) != 'e') return i;
    uint32_t j = i + 1;
    if (j < n && (s[j] == '+' || s[j] == '-')) ++j;
    uint32_t k = digits(j);
    return k > j ? k : i;
  };
  int kind = kDec;
  uint32_t e;
  if (s[p] == '.') {
    e = exponent(digits(p + 1));
    kind = kFloat;
  } else {
    uint32_t d = digits(p);
    if (d < n && (s[d] | 0x20) == 'j') {
      e = d + 1;
      kind = kImag;
    } else if (d < n && s[d] == '.') {
      e = exponent(digits(d + 1));
      kind = kFloat;
    } else if (uint32_t x = exponent(d); x > d) {
      e = x;
      kind = kFloat;
    } else {
      e = d;
      if (s[p] == '0') {
        unsigned char b = p + 1 < n ? (s[p + 1] | 0x20) : 0;
        auto radix = [&](auto ok) -> uint32_t {  // 0[xob](?:_?[digit])+
          uint32_t i = p + 2;
          for (;;) {
            if (i < n && ok(s[i])) ++i;
            else if (i + 1 < n && s[i] == '_' && ok(s[i + 1])) i += 2;
            else return i;
          }
        };
        uint32_t r = p + 2;
        if (b == 'x') { r = radix(is_hex); kind = kHex; }
        else if (b == 'o') { r = radix([](unsigned char c) { return c >= '0' && c <= '7'; }); kind = kOct; }
        else if (b == 'b') { r = radix([](unsigned char c) { return c == '0' || c == '1'; }); kind = kBin; }
        if (r > p + 2) {
          e = r;
        } else {
          // Decnumber for a leading zero: 0(?:_?0)*. ("0x" without digits
          // keeps its kind for the error message.)
          e = p + 1;
          for (;;) {
            if (e < n && s[e] == '0') ++e;
            else if (e + 1 < n && s[e] == '_' && s[e + 1] == '0') e += 2;
            else break;
          }
        }
      }
    }
  }
  if (kind == kFloat && e < n && (s[e] | 0x20) == 'j') {
    ++e;
    kind = kImag;
  }
  // CPython rejects a number directly followed by an identifier character.
  if (e < n && kIdentCont[s[e]]) *flags = number_error(p, e, kind);
  return e;
}

uint8_t Lexer::number_error(uint32_t p, uint32_t e, int kind) {
  const unsigned char* s = s_;
  const uint32_t n = n_;
  const char* what = kind == kHex    ? "invalid hexadecimal literal"
                     : kind == kOct  ? "invalid octal literal"
                     : kind == kBin  ? "invalid binary literal"
                     : kind == kImag ? "invalid imaginary literal"
                                     : "invalid decimal literal";
  std::string msg;
  uint32_t at = e;
  // Columns as CPython reports them: the offending '_' or digit itself, but
  // the number's last character when a letter follows it.
  if ((kind == kOct || kind == kBin) && e == p + 1 && is_digit(s[p + 2])) {
    // "0o8", "0b2": the prefix without a single valid digit.
    msg = std::string("invalid digit '") + static_cast<char>(s[p + 2]) + "' in " +
          (kind == kOct ? "octal" : "binary") + " literal";
    at = p + 2;
  } else if (kind == kDec && s[p] == '0' &&
             (is_digit(s[e]) || (s[e] == '_' && e + 1 < n && is_digit(s[e + 1])))) {
    msg = "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
    at = p;
  } else if (kind == kOct && is_digit(s[e])) {
    msg = std::string("invalid digit '") + static_cast<char>(s[e]) + "' in octal literal";
  } else if (kind == kBin && is_digit(s[e])) {
    msg = std::string("invalid digit '") + static_cast<char>(s[e]) + "' in binary literal";
  } else {
    // 3.11 still accepts a keyword glued to a number ("1if x else y").
    uint32_t k = e;
    while (k < n && kIdentCont[s[k]]) ++k;
    std::string_view word(reinterpret_cast<const char*>(s + e), k - e);
    static constexpr std::string_view kGlue[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    bool glue = false;
    for (auto g : kGlue) glue |= word == g;
    if (!glue) msg = what;
    if (s[e] != '_' && !(e == p + 1 && kind != kDec && kind != kFloat && kind != kImag)) at = e - 1;
  }
  if (msg.empty()) return 0;
  error(DiagId::InvalidNumber, at, std::move(msg));
  return kFlagError;
}

uint32_t Lexer::lex_string(uint32_t start, uint32_t q, uint8_t* flags, TokenKind* kind) {
  const unsigned char* s = s_;
  const uint32_t n = n_;
  const unsigned char quote = s[q];
  *kind = TokenKind::STRING;
  if (s[q + 1] == quote && s[q + 2] == quote) {  // s[q+1] != 0 when it equals the quote
    *flags |= kFlagTriple;
    uint32_t i = q + 3;
    for (;;) {
      i = find2(s, i, n, quote, '\\');
      if (i >= n) break;
      if (s[i] == '\\') { i += 2; continue; }
      if (s[i + 1] == quote && s[i + 2] == quote) return i + 3;
      ++i;
    }
    uint32_t last_line = out_.line_of(n > 0 ? n - 1 : 0);  // the line of the last byte, as CPython counts
    error(DiagId::UnterminatedTripleString, start,
          "unterminated triple-quoted string literal (detected at line " + std::to_string(last_line) + ")");
    *flags |= kFlagError;
    *kind = TokenKind::ERRORTOKEN;
    return n;
  }
  uint32_t i = q + 1;
  for (;;) {
    i = find4(s, i, n, quote, '\\', '\n', '\r');
    if (i >= n || s[i] == '\n' || s[i] == '\r') break;
    if (s[i] == '\\') {
      // An escaped line end (\r\n counts as one) continues the string.
      if (i + 1 >= n) { i = n; break; }
      i += (s[i + 1] == '\r' && s[i + 2] == '\n') ? 3 : 2;
      continue;
    }
    return i + 1;
  }
  if (i > n) i = n;
  error(DiagId::UnterminatedString, start,
        "unterminated string literal (detected at line " + std::to_string(out_.line_of(start)) + ")");
  *flags |= kFlagError;
  *kind = TokenKind::ERRORTOKEN;
  return i;
}

// A byte that starts no token: '$', '?', '!', '`', control characters, NUL.
void Lexer::stray(uint32_t p) {
  unsigned char c = s_[p];
  if (c == 0) {
    if (!nul_reported_) error(DiagId::NulByte, p, "source code cannot contain null bytes");
    nul_reported_ = true;
  } else if (c < 0x20 || c == 0x7F) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", c);
    error(DiagId::InvalidCharacter, p, buf);
  } else {
    error(DiagId::InvalidCharacter, p, "invalid syntax");
  }
  out_.tokens.push_back(Token{TokenKind::ERRORTOKEN, kFlagError, 0, p, p + 1});
}

void build_line_starts(std::string_view text, std::vector<uint32_t>& starts) {
  starts.clear();
  starts.reserve(text.size() / 32 + 2);
  starts.push_back(0);
  const char* b = text.data();
  const size_t n = text.size();
  if (std::memchr(b, '\r', n) == nullptr) {
    const char* p = b;
    const char* e = b + n;
    while (p < e) {
      const void* q = std::memchr(p, '\n', static_cast<size_t>(e - p));
      if (!q) break;
      p = static_cast<const char*>(q) + 1;
      starts.push_back(static_cast<uint32_t>(p - b));
    }
    return;
  }
  for (size_t i = 0; i < n; ++i) {
    char c = b[i];
    if (c == '\n') {
      starts.push_back(static_cast<uint32_t>(i + 1));
    } else if (c == '\r') {
      if (i + 1 < n && b[i + 1] == '\n') ++i;
      starts.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

}  // namespace

uint32_t TokenBuffer::line_of(uint32_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<uint32_t>(it - line_starts.begin());
}

uint32_t TokenBuffer::byte_col_of(uint32_t offset) const {
  uint32_t line = line_of(offset);
  return line == 0 ? offset : offset - line_starts[line - 1];
}

uint32_t TokenBuffer::char_col_of(uint32_t offset) const {
  uint32_t line = line_of(offset);
  uint32_t start = line == 0 ? 0 : line_starts[line - 1];
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  return count_code_points(std::string_view(text).substr(start, offset - start));
}

TokenBuffer lex_utf8(std::string text, std::string encoding) {
  TokenBuffer out;
  out.text = std::move(text);
  out.encoding = std::move(encoding);
  if (out.text.size() >= 0xFFFFFFF0u) {
    // Offsets are 32-bit; the CLI refuses such files before they get here.
    out.diagnostics.push_back(Diagnostic{DiagId::FileTooLarge, 0, 0, "source larger than 4 GiB"});
    out.text.clear();
  }
  build_line_starts(out.text, out.line_starts);
  out.tokens.reserve(out.text.size() / 4 + 16);
  Lexer lx(out);
  lx.run();
  return out;
}

TokenBuffer lex(std::string_view bytes) {
  DecodedSource d = decode_source(bytes);
  std::vector<Diagnostic> pre = std::move(d.diagnostics);
  TokenBuffer out = lex_utf8(std::move(d.text), std::move(d.encoding));
  if (!pre.empty()) out.diagnostics.insert(out.diagnostics.begin(), pre.begin(), pre.end());
  return out;
}

}  // namespace portalis::lex
