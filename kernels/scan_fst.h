#pragma once
// The finite-state transducer behind the scan lexer. One byte at a time it
// maps a lexical state (in code between tokens, inside a name, a number, an
// operator, a comment, each kind of string, after a backslash) to the next
// state plus an output: does this byte start a token, continue one, or
// neither. Because a chunk's effect is a function state -> state, chunks
// compose associatively and a parallel prefix scan finds the state at every
// chunk start (the ParPaRaw / cuDF FST technique).
//
// Everything the scan cannot decide exactly like the serial lexer (src/lex/
// lexer.cc) leads to the absorbing state kErr; a file whose final state is
// not accepting goes through the serial lexer instead (counted as fallback).
// That covers: '\r', NUL, stray numbers glued to identifier characters, "..", unterminated
// strings, a backslash not followed by '\n'.
#include <cstdint>

#if defined(__CUDACC__)
#define PORTALIS_HD __host__ __device__ __forceinline__
#else
#define PORTALIS_HD inline
#endif

namespace portalis::kernels {

// States. kIdle: in code, the previous token (if any) is complete.
enum FstState : uint8_t {
  kIdle, kErr, kName, kNamePR, kNamePB, kNamePF, kNamePU, kNameP2, kComment, kBackslash,
  // strings: S = single quote ', D = double quote "
  kQ1S, kS1, kS1E, kQ2S, kS3, kS3E, kS3Q1, kS3Q2,
  kQ1D, kD1, kD1E, kQ2D, kD3, kD3E, kD3Q1, kD3Q2,
  // numbers
  kNZ1, kNZ, kNZUs, kNZNz, kNDec, kNDecUs, kNX0, kNX, kNXUs, kNO0, kNO, kNOUs, kNB0, kNB, kNBUs,
  kNFrac0, kNFrac, kNFracUs, kNE, kNESign, kNExp, kNExpUs, kNDone,
  // operators that may grow
  kOpStar, kOpSlash, kOpLt, kOpGt, kOpMinus, kOpEqable, kOpBang, kOpColon, kDot1, kDot2,
  kNumStates
};
static_assert(kNumStates <= 64, "states and the output share one byte");

enum ByteClass : uint8_t {
  kCOther, kCWs, kCNl, kCCr, kCNul, kCHash, kCBsl, kCSq, kCDq,
  kCLetB, kCLetE, kCLetF, kCLetHex /* a c d */, kCLetR, kCLetU, kCLetJ, kCLetX, kCLetO, kCLetOther, kCUs, kCHigh,
  kCD0, kCD1, kCD27, kCD89,
  kCDot, kCStar, kCSlash, kCLt, kCGt, kCMinus, kCPlus, kCEq, kCBang, kCColon, kCEqable /* % & @ | ^ */,
  kCSingle /* ( ) [ ] { } , ; ~ */,
  kNumClasses
};

enum FstOut : uint8_t { kOutNone = 0, kOutStart = 1, kOutCont = 2 };

struct FstTables {
  uint8_t cls[256];                           // byte -> ByteClass
  uint8_t trans[static_cast<int>(kNumStates) * static_cast<int>(kNumClasses)];    // next state | output << 6
  uint8_t accept_end[kNumStates];             // 1 if a file may end in this state
};

// Fills the tables (host); the device gets a copy.
void build_fst_tables(FstTables* t);

// A chunk's effect: the state after the chunk for every state before it.
struct alignas(16) Transfer {
  uint8_t to[64];
};

PORTALIS_HD Transfer identity_transfer() {
  Transfer r;
  for (int i = 0; i < 64; ++i) r.to[i] = static_cast<uint8_t>(i);
  return r;
}

// First a, then b. Associative: (a;b);c == a;(b;c).
PORTALIS_HD Transfer compose(const Transfer& a, const Transfer& b) {
  Transfer r;
  for (int i = 0; i < 64; ++i) r.to[i] = b.to[a.to[i] & 63];
  return r;
}

struct ComposeOp {
  PORTALIS_HD Transfer operator()(const Transfer& a, const Transfer& b) const { return compose(a, b); }
};

PORTALIS_HD uint8_t fst_step(const FstTables& t, uint8_t state, uint8_t byte) {
  return t.trans[state * static_cast<int>(kNumClasses) + t.cls[byte]];
}

}  // namespace portalis::kernels
