// Builds the transducer tables. The transitions mirror src/lex/lexer.cc:
// where the serial lexer would report an error or needs more than one byte
// of lookahead, the transition goes to kErr and the file falls back.
#include "kernels/scan_fst.h"

#include <cstring>
#include <initializer_list>

namespace portalis::kernels {
namespace {

struct Builder {
  FstTables* t;
  void set(int s, int c, int next, int out) {
    t->trans[s * kNumClasses + c] = static_cast<uint8_t>(next | (out << 6));
  }
  uint8_t get(int s, int c) const { return t->trans[s * kNumClasses + c]; }
};

bool is_ident_class(int c) {
  return (c >= kCLetB && c <= kCHigh) || (c >= kCD0 && c <= kCD89);
}
bool is_digit_class(int c) { return c >= kCD0 && c <= kCD89; }
bool is_hex_class(int c) {
  return is_digit_class(c) || c == kCLetB || c == kCLetE || c == kCLetF || c == kCLetHex;
}

}  // namespace

void build_fst_tables(FstTables* t) {
  std::memset(t, 0, sizeof *t);
  // Byte classes.
  for (int b = 0; b < 256; ++b) t->cls[b] = kCOther;
  for (int b = 0x80; b < 256; ++b) t->cls[b] = kCHigh;
  for (int b = 'a'; b <= 'z'; ++b) t->cls[b] = t->cls[b - 32] = kCLetOther;
  auto both = [&](char lower, uint8_t c) { t->cls[static_cast<uint8_t>(lower)] = t->cls[static_cast<uint8_t>(lower - 32)] = c; };
  both('b', kCLetB); both('e', kCLetE); both('f', kCLetF); both('a', kCLetHex); both('c', kCLetHex);
  both('d', kCLetHex); both('r', kCLetR); both('u', kCLetU); both('j', kCLetJ); both('x', kCLetX);
  both('o', kCLetO);
  t->cls['_'] = kCUs;
  t->cls['0'] = kCD0; t->cls['1'] = kCD1;
  for (int b = '2'; b <= '7'; ++b) t->cls[b] = kCD27;
  t->cls['8'] = t->cls['9'] = kCD89;
  t->cls[' '] = t->cls['\t'] = t->cls['\f'] = kCWs;
  t->cls['\n'] = kCNl; t->cls['\r'] = kCCr; t->cls[0] = kCNul;
  t->cls['#'] = kCHash; t->cls['\\'] = kCBsl; t->cls['\''] = kCSq; t->cls['"'] = kCDq;
  t->cls['.'] = kCDot; t->cls['*'] = kCStar; t->cls['/'] = kCSlash; t->cls['<'] = kCLt; t->cls['>'] = kCGt;
  t->cls['-'] = kCMinus; t->cls['+'] = kCPlus; t->cls['='] = kCEq; t->cls['!'] = kCBang; t->cls[':'] = kCColon;
  for (char c : {'%', '&', '@', '|', '^'}) t->cls[static_cast<uint8_t>(c)] = kCEqable;
  for (char c : {'(', ')', '[', ']', '{', '}', ',', ';', '~'}) t->cls[static_cast<uint8_t>(c)] = kCSingle;

  Builder B{t};
  // How a byte begins a token when the previous one is complete.
  auto fresh = [&](int c, int* next, int* out) {
    *out = kOutStart;
    switch (c) {
      case kCWs: *next = kIdle; *out = kOutNone; return;
      case kCNl: *next = kIdle; return;
      case kCHash: *next = kComment; return;
      case kCBsl: *next = kBackslash; return;   // "\\\n" is an internal token, dropped at the end
      case kCSq: *next = kQ1S; return;
      case kCDq: *next = kQ1D; return;
      case kCLetR: *next = kNamePR; return;
      case kCLetB: *next = kNamePB; return;
      case kCLetF: *next = kNamePF; return;
      case kCLetU: *next = kNamePU; return;
      case kCLetE: case kCLetHex: case kCLetJ: case kCLetX: case kCLetO: case kCLetOther: case kCUs:
      case kCHigh:  // non-ASCII names: validated on the host after the scan (lex_batch.cc)
        *next = kName; return;
      case kCD0: *next = kNZ1; return;
      case kCD1: case kCD27: case kCD89: *next = kNDec; return;
      case kCDot: *next = kDot1; return;
      case kCStar: *next = kOpStar; return;
      case kCSlash: *next = kOpSlash; return;
      case kCLt: *next = kOpLt; return;
      case kCGt: *next = kOpGt; return;
      case kCMinus: *next = kOpMinus; return;
      case kCPlus: case kCEq: case kCEqable: *next = kOpEqable; return;
      case kCBang: *next = kOpBang; return;
      case kCColon: *next = kOpColon; return;
      case kCSingle: *next = kIdle; return;
      default: *next = kErr; *out = kOutNone; return;  // \r NUL high-bytes stray characters
    }
  };
  auto start = [&](int s, int c) { int n, o; fresh(c, &n, &o); B.set(s, c, n, o); };
  auto cont = [&](int s, int c, int next) { B.set(s, c, next, kOutCont); };
  auto err = [&](int s, int c) { B.set(s, c, kErr, kOutNone); };

  for (int s = 0; s < kNumStates; ++s)
    for (int c = 0; c < kNumClasses; ++c) start(s, c);
  for (int c = 0; c < kNumClasses; ++c) err(kErr, c);

  // Names, with the string prefixes r b f u rb br rf fr (any case).
  for (int s : {kName, kNamePR, kNamePB, kNamePF, kNamePU, kNameP2}) {
    for (int c = 0; c < kNumClasses; ++c)
      if (is_ident_class(c)) cont(s, c, kName);
  }
  cont(kNamePR, kCLetB, kNameP2); cont(kNamePR, kCLetF, kNameP2);
  cont(kNamePB, kCLetR, kNameP2); cont(kNamePF, kCLetR, kNameP2);
  for (int s : {kNamePR, kNamePB, kNamePF, kNamePU, kNameP2}) {
    cont(s, kCSq, kQ1S);
    cont(s, kCDq, kQ1D);
  }

  // Comments run to the line end.
  for (int c = 0; c < kNumClasses; ++c) cont(kComment, c, kComment);
  start(kComment, kCNl);
  err(kComment, kCCr); err(kComment, kCNul);

  // Backslash: only "\\\n" is handled here.
  for (int c = 0; c < kNumClasses; ++c) err(kBackslash, c);
  cont(kBackslash, kCNl, kIdle);

  // Strings. Q1: just opened; Q2: two quotes seen (empty string or triple).
  struct Q { int quote, other, q1, s1, s1e, q2, s3, s3e, s3q1, s3q2; };
  for (Q q : {Q{kCSq, kCDq, kQ1S, kS1, kS1E, kQ2S, kS3, kS3E, kS3Q1, kS3Q2},
              Q{kCDq, kCSq, kQ1D, kD1, kD1E, kQ2D, kD3, kD3E, kD3Q1, kD3Q2}}) {
    for (int s : {q.q1, q.s1, q.s1e, q.s3, q.s3e, q.s3q1, q.s3q2})
      for (int c = 0; c < kNumClasses; ++c) cont(s, c, s == q.s1e ? q.s1 : (s == q.q1 ? q.s1 : s));
    // single-quoted
    for (int s : {q.q1, q.s1}) {
      cont(s, kCBsl, q.s1e);
      err(s, kCNl);
    }
    cont(q.q1, q.quote, q.q2);
    cont(q.s1, q.quote, kIdle);
    cont(q.s1e, kCNl, q.s1);  // backslash-newline continues the string
    // triple-quoted
    for (int c = 0; c < kNumClasses; ++c) {
      cont(q.s3e, c, q.s3);
      cont(q.s3q1, c, q.s3);
      cont(q.s3q2, c, q.s3);
    }
    for (int s : {q.s3, q.s3q1, q.s3q2}) cont(s, kCBsl, q.s3e);
    cont(q.s3, q.quote, q.s3q1);
    cont(q.s3q1, q.quote, q.s3q2);
    cont(q.s3q2, q.quote, kIdle);
    cont(q.q2, q.quote, q.s3);  // Q2 otherwise: the empty string ended, fresh token
    for (int s : {q.q1, q.s1, q.s1e, q.s3, q.s3e, q.s3q1, q.s3q2}) {
      err(s, kCCr);
      err(s, kCNul);
    }
  }

  // Numbers: boundaries as tokenize's Number regex; an identifier byte right
  // after a number is an error (or a glued keyword) for the serial lexer.
  const int number_states[] = {kNZ1, kNZ, kNZUs, kNZNz, kNDec, kNDecUs, kNX0, kNX, kNXUs, kNO0, kNO, kNOUs,
                               kNB0, kNB, kNBUs, kNFrac0, kNFrac, kNFracUs, kNE, kNESign, kNExp, kNExpUs, kNDone};
  for (int s : number_states)
    for (int c = 0; c < kNumClasses; ++c)
      if (is_ident_class(c)) err(s, c);
  // Incomplete forms must be completed by the next byte.
  for (int s : {kNZUs, kNDecUs, kNX0, kNXUs, kNO0, kNOUs, kNB0, kNBUs, kNFracUs, kNE, kNESign, kNExpUs})
    for (int c = 0; c < kNumClasses; ++c) err(s, c);
  auto digits = [&](int s, int next) { for (int c = kCD0; c <= kCD89; ++c) cont(s, c, next); };
  auto float_tail = [&](int s) {  // . e j after an integer part
    cont(s, kCDot, kNFrac0);
    cont(s, kCLetE, kNE);
    cont(s, kCLetJ, kNDone);
  };
  cont(kNZ1, kCD0, kNZ); cont(kNZ1, kCD1, kNZNz); cont(kNZ1, kCD27, kNZNz); cont(kNZ1, kCD89, kNZNz);
  cont(kNZ1, kCUs, kNZUs); cont(kNZ1, kCLetX, kNX0); cont(kNZ1, kCLetO, kNO0); cont(kNZ1, kCLetB, kNB0);
  float_tail(kNZ1);
  cont(kNZ, kCD0, kNZ); cont(kNZ, kCD1, kNZNz); cont(kNZ, kCD27, kNZNz); cont(kNZ, kCD89, kNZNz);
  cont(kNZ, kCUs, kNZUs); float_tail(kNZ);
  cont(kNZUs, kCD0, kNZ); cont(kNZUs, kCD1, kNZNz); cont(kNZUs, kCD27, kNZNz); cont(kNZUs, kCD89, kNZNz);
  // "0...<nonzero>" must become a float or imaginary number.
  for (int c = 0; c < kNumClasses; ++c) err(kNZNz, c);
  digits(kNZNz, kNZNz); float_tail(kNZNz);
  digits(kNDec, kNDec); cont(kNDec, kCUs, kNDecUs); float_tail(kNDec);
  digits(kNDecUs, kNDec);
  for (int c = 0; c < kNumClasses; ++c)
    if (is_hex_class(c)) { cont(kNX0, c, kNX); cont(kNX, c, kNX); cont(kNXUs, c, kNX); }
  cont(kNX0, kCUs, kNXUs); cont(kNX, kCUs, kNXUs);
  for (int c : {kCD0, kCD1, kCD27}) { cont(kNO0, c, kNO); cont(kNO, c, kNO); cont(kNOUs, c, kNO); }
  cont(kNO0, kCUs, kNOUs); cont(kNO, kCUs, kNOUs);
  for (int c : {kCD0, kCD1}) { cont(kNB0, c, kNB); cont(kNB, c, kNB); cont(kNBUs, c, kNB); }
  cont(kNB0, kCUs, kNBUs); cont(kNB, kCUs, kNBUs);
  digits(kNFrac0, kNFrac); cont(kNFrac0, kCLetE, kNE); cont(kNFrac0, kCLetJ, kNDone);
  digits(kNFrac, kNFrac); cont(kNFrac, kCUs, kNFracUs); cont(kNFrac, kCLetE, kNE); cont(kNFrac, kCLetJ, kNDone);
  digits(kNFracUs, kNFrac);
  digits(kNE, kNExp); cont(kNE, kCPlus, kNESign); cont(kNE, kCMinus, kNESign);
  digits(kNESign, kNExp);
  digits(kNExp, kNExp); cont(kNExp, kCUs, kNExpUs); cont(kNExp, kCLetJ, kNDone);
  digits(kNExpUs, kNExp);

  // Operators (maximal munch over Python's exact operator set).
  cont(kOpStar, kCStar, kOpEqable); cont(kOpStar, kCEq, kIdle);
  cont(kOpSlash, kCSlash, kOpEqable); cont(kOpSlash, kCEq, kIdle);
  cont(kOpLt, kCLt, kOpEqable); cont(kOpLt, kCEq, kIdle);
  cont(kOpGt, kCGt, kOpEqable); cont(kOpGt, kCEq, kIdle);
  cont(kOpMinus, kCGt, kIdle); cont(kOpMinus, kCEq, kIdle);
  cont(kOpEqable, kCEq, kIdle);
  for (int c = 0; c < kNumClasses; ++c) err(kOpBang, c);
  cont(kOpBang, kCEq, kIdle);
  cont(kOpColon, kCEq, kIdle);
  digits(kDot1, kNFrac); cont(kDot1, kCDot, kDot2);
  // ".." not followed by a third dot ends as a two-byte token that the emit
  // phase splits into two DOTs ("from .. import x"); "..5" is left to the
  // serial lexer.
  cont(kDot2, kCDot, kIdle);
  for (int c = kCD0; c <= kCD89; ++c) err(kDot2, c);

  // States a file may end in.
  for (int s : {kIdle, kName, kNamePR, kNamePB, kNamePF, kNamePU, kNameP2, kComment, kQ2S, kQ2D, kNZ1, kNZ,
                kNDec, kNX, kNO, kNB, kNFrac0, kNFrac, kNExp, kNDone, kOpStar, kOpSlash, kOpLt, kOpGt, kOpMinus,
                kOpEqable, kOpColon, kDot1, kDot2})
    t->accept_end[s] = 1;
}

}  // namespace portalis::kernels
