// Unit tests of the serial lexer: token kinds, flags, byte ranges, the
// placement of synthesized tokens, decoding, and every error path.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lex/lexer.h"
#include "lex/tokenize_dump.h"

namespace portalis::lex {
namespace {

using K = TokenKind;

std::vector<K> kinds(const TokenBuffer& b, bool skip_trivia = false) {
  std::vector<K> out;
  for (const auto& t : b.tokens)
    if (!skip_trivia || (t.kind != K::COMMENT && t.kind != K::NL)) out.push_back(t.kind);
  return out;
}

std::vector<std::string> texts(const TokenBuffer& b) {
  std::vector<std::string> out;
  for (const auto& t : b.tokens) out.emplace_back(b.token_text(t));
  return out;
}

bool has_diag(const TokenBuffer& b, DiagId id) {
  for (const auto& d : b.diagnostics)
    if (d.id == id) return true;
  return false;
}

std::string first_message(const TokenBuffer& b) { return b.diagnostics.empty() ? "" : b.diagnostics[0].message; }

TEST(Lexer, EmptyFileIsJustEndmarker) {
  TokenBuffer b = lex("");
  ASSERT_EQ(kinds(b), (std::vector<K>{K::ENDMARKER}));
  EXPECT_TRUE(b.diagnostics.empty());
  EXPECT_EQ(b.encoding, "utf-8");
  EXPECT_EQ(b.line_starts.size(), 1u);
}

TEST(Lexer, SimpleStatement) {
  TokenBuffer b = lex("x = 1\n");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NAME, K::EQUAL, K::NUMBER, K::NEWLINE, K::ENDMARKER}));
  EXPECT_EQ(texts(b), (std::vector<std::string>{"x", "=", "1", "\n", ""}));
  EXPECT_TRUE(b.diagnostics.empty());
}

TEST(Lexer, KeywordsAreFlagged) {
  TokenBuffer b = lex("if not None: pass\nmatch = case = _ = 1\n");
  std::vector<bool> kw;
  for (const auto& t : b.tokens)
    if (t.kind == K::NAME) kw.push_back(t.flags & kFlagKeyword);
  EXPECT_EQ(kw, (std::vector<bool>{true, true, true, true, false, false, false}));
}

TEST(Lexer, NoTrailingNewlineGetsImplicitNewlineDedentsEndmarker) {
  TokenBuffer b = lex("if x:\n    y");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NAME, K::NAME, K::COLON, K::NEWLINE, K::INDENT, K::NAME, K::NEWLINE,
                                      K::DEDENT, K::ENDMARKER}));
  const Token& nl = b.tokens[6];
  EXPECT_EQ(nl.begin, 11u);
  EXPECT_EQ(nl.end, 11u);
  EXPECT_TRUE(nl.flags & kFlagImplicit);
  EXPECT_EQ(b.tokens[7].begin, 11u);
  EXPECT_EQ(b.tokens[8].begin, 11u);
}

TEST(Lexer, IndentCoversWhitespaceDedentIsZeroWidthBeforeNextStatement) {
  TokenBuffer b = lex("if x:\n    y\n# c\nz\n");
  // NAME NAME COLON NEWLINE INDENT NAME NEWLINE COMMENT NL DEDENT NAME NEWLINE ENDMARKER
  ASSERT_EQ(kinds(b), (std::vector<K>{K::NAME, K::NAME, K::COLON, K::NEWLINE, K::INDENT, K::NAME, K::NEWLINE,
                                      K::COMMENT, K::NL, K::DEDENT, K::NAME, K::NEWLINE, K::ENDMARKER}));
  EXPECT_EQ(b.token_text(b.tokens[4]), "    ");
  const Token& dedent = b.tokens[9];
  EXPECT_EQ(dedent.begin, dedent.end);
  EXPECT_EQ(dedent.begin, b.tokens[10].begin);
}

TEST(Lexer, NestedBlocksDedentTogether) {
  TokenBuffer b = lex("if a:\n  if b:\n    c\nd\n");
  int dedents = 0;
  for (const auto& t : b.tokens) dedents += t.kind == K::DEDENT;
  EXPECT_EQ(dedents, 2);
  EXPECT_TRUE(b.diagnostics.empty());
}

TEST(Lexer, BlankAndCommentLinesAreNl) {
  TokenBuffer b = lex("\n   \n  # c\nx\n");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NL, K::NL, K::COMMENT, K::NL, K::NAME, K::NEWLINE, K::ENDMARKER}));
  EXPECT_EQ(b.tokens[1].begin, 4u);  // after the whitespace, like tokenize
}

TEST(Lexer, ImplicitLineJoiningInBrackets) {
  TokenBuffer b = lex("f(1,\n  2)\n");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NAME, K::LPAR, K::NUMBER, K::COMMA, K::NL, K::NUMBER, K::RPAR, K::NEWLINE,
                                      K::ENDMARKER}));
}

TEST(Lexer, BackslashContinuation) {
  TokenBuffer b = lex("x = 1 + \\\n    2\n");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NAME, K::EQUAL, K::NUMBER, K::PLUS, K::NUMBER, K::NEWLINE, K::ENDMARKER}));
  EXPECT_TRUE(b.diagnostics.empty());
}

TEST(Lexer, CrLfAndLoneCr) {
  TokenBuffer b = lex("x = 1\r\ny = 2\rz\r\n");
  EXPECT_EQ(kinds(b, true), (std::vector<K>{K::NAME, K::EQUAL, K::NUMBER, K::NEWLINE, K::NAME, K::EQUAL, K::NUMBER,
                                            K::NEWLINE, K::NAME, K::NEWLINE, K::ENDMARKER}));
  EXPECT_EQ(b.token_text(b.tokens[3]), "\r\n");
  EXPECT_EQ(b.token_text(b.tokens[7]), "\r");
  EXPECT_EQ(b.line_starts, (std::vector<uint32_t>{0, 7, 13, 16}));
  EXPECT_EQ(b.line_of(14), 3u);
}

TEST(Lexer, TabsAndFormFeedsInIndentation) {
  // A tab is 8 columns; 8 spaces after it is the same level both ways? No:
  // CPython also compares with tabs as 1 column, so "\t" vs 8 spaces is a TabError.
  TokenBuffer ok = lex("if x:\n\ty\n\tz\n");
  EXPECT_TRUE(ok.diagnostics.empty());
  TokenBuffer bad = lex("if x:\n\ty\n        z\n");
  ASSERT_TRUE(has_diag(bad, DiagId::TabError));
  EXPECT_EQ(first_message(bad), "inconsistent use of tabs and spaces in indentation");
  TokenBuffer ff = lex("if x:\n  y\n\f  z\n");
  EXPECT_TRUE(ff.diagnostics.empty());
}

TEST(Lexer, Numbers) {
  for (const char* num : {"0", "00", "1_000", "0x_1F", "0XdeadBEEF", "0o17", "0O_7", "0b1010", "0B_1", "3.14", "10.",
                          ".001", "1e10", "1E+10", "1e-1_0", "1.5e3", "1_0.0_1", "3j", "3.5J", "1e3j", ".5j", "0.j"}) {
    TokenBuffer b = lex(std::string(num) + "\n");
    ASSERT_EQ(b.tokens.size(), 3u) << num;
    EXPECT_EQ(b.tokens[0].kind, K::NUMBER) << num;
    EXPECT_EQ(b.token_text(b.tokens[0]), num);
    EXPECT_TRUE(b.diagnostics.empty()) << num << ": " << first_message(b);
  }
  TokenBuffer attr = lex("1..real\n");  // 1. then .real
  EXPECT_EQ(texts(attr)[0], "1.");
  EXPECT_EQ(kinds(attr)[1], K::DOT);
}

TEST(Lexer, BadNumbers) {
  struct Case {
    const char* src;
    const char* msg;
  } cases[] = {
      {"0777\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"},
      {"1_\n", "invalid decimal literal"},
      {"0x\n", "invalid hexadecimal literal"},
      {"0o8\n", "invalid digit '8' in octal literal"},
      {"0b12\n", "invalid digit '2' in binary literal"},
      {"1abc\n", "invalid decimal literal"},
      {"1.5jx\n", "invalid imaginary literal"},
  };
  for (const auto& c : cases) {
    TokenBuffer b = lex(c.src);
    ASSERT_EQ(b.diagnostics.size(), 1u) << c.src;
    EXPECT_EQ(b.diagnostics[0].message, c.msg) << c.src;
    EXPECT_EQ(b.diagnostics[0].id, DiagId::InvalidNumber);
    EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  }
  // A keyword glued to a number is still accepted by 3.11.
  EXPECT_TRUE(lex("x = 1if y else 2\n").diagnostics.empty());
}

TEST(Lexer, StringPrefixesAndFlags) {
  struct Case {
    const char* src;
    uint8_t flags;
  } cases[] = {
      {"'a'", 0},
      {"\"a\"", 0},
      {"u'a'", 0},
      {"U'a'", 0},
      {"r'\\d'", kFlagRaw},
      {"R'a'", kFlagRaw},
      {"b'a'", kFlagBytes},
      {"Rb'a'", kFlagBytes | kFlagRaw},
      {"bR'a'", kFlagBytes | kFlagRaw},
      {"f'{x}'", kFlagFString},
      {"rF'{x}'", kFlagFString | kFlagRaw},
      {"FR'{x}'", kFlagFString | kFlagRaw},
      {"'''a\n'b'\n'''", kFlagTriple},
      {"b\"\"\"x\"\"\"", kFlagBytes | kFlagTriple},
      {"'a\\\nb'", 0},
  };
  for (const auto& c : cases) {
    TokenBuffer b = lex(std::string(c.src) + "\n");
    ASSERT_GE(b.tokens.size(), 2u) << c.src;
    EXPECT_EQ(b.tokens[0].kind, K::STRING) << c.src;
    EXPECT_EQ(b.token_text(b.tokens[0]), c.src);
    EXPECT_EQ(b.tokens[0].flags, c.flags) << c.src;
    EXPECT_TRUE(b.diagnostics.empty()) << c.src;
  }
  // Not prefixes: ub, bu, ff, rr; a name followed by a string.
  TokenBuffer b = lex("ub'x'\n");
  EXPECT_EQ(kinds(b)[0], K::NAME);
  EXPECT_EQ(kinds(b)[1], K::STRING);
}

TEST(Lexer, Operators) {
  TokenBuffer b = lex("a += b ** c // d -> e := f != g <<= h >>= i ... @= ~ ^= |= &= %= -= *= /= //= **= == <= >= < >\n");
  std::vector<K> ops;
  for (const auto& t : b.tokens)
    if (t.kind != K::NAME && t.kind != K::NEWLINE && t.kind != K::ENDMARKER) ops.push_back(t.kind);
  EXPECT_EQ(ops, (std::vector<K>{K::PLUSEQUAL, K::DOUBLESTAR, K::DOUBLESLASH, K::RARROW, K::COLONEQUAL, K::NOTEQUAL,
                                 K::LEFTSHIFTEQUAL, K::RIGHTSHIFTEQUAL, K::ELLIPSIS, K::ATEQUAL, K::TILDE,
                                 K::CIRCUMFLEXEQUAL, K::VBAREQUAL, K::AMPEREQUAL, K::PERCENTEQUAL, K::MINEQUAL,
                                 K::STAREQUAL, K::SLASHEQUAL, K::DOUBLESLASHEQUAL, K::DOUBLESTAREQUAL, K::EQEQUAL,
                                 K::LESSEQUAL, K::GREATEREQUAL, K::LESS, K::GREATER}));
  EXPECT_TRUE(b.diagnostics.empty());
}

TEST(Lexer, NonAsciiIdentifiers) {
  TokenBuffer b = lex("café = 𝔘𝔫𝔦 + ñ_1\n");
  EXPECT_EQ(kinds(b), (std::vector<K>{K::NAME, K::EQUAL, K::NAME, K::PLUS, K::NAME, K::NEWLINE, K::ENDMARKER}));
  EXPECT_TRUE(b.tokens[0].flags & kFlagNonAscii);
  EXPECT_EQ(b.token_text(b.tokens[2]), "𝔘𝔫𝔦");
  EXPECT_TRUE(b.diagnostics.empty());
  EXPECT_EQ(b.byte_col_of(b.tokens[1].begin), 6u);  // "café " is 6 bytes
  EXPECT_EQ(b.char_col_of(b.tokens[1].begin), 5u);

  TokenBuffer bad = lex("a€ = 1\n");
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].message, "invalid character '€' (U+20AC)");
  EXPECT_EQ(bad.diagnostics[0].column, 2u);
}

TEST(Lexer, StrayCharacters) {
  for (const char* src : {"a $ b\n", "a ? b\n", "a ! b\n", "`a`\n"}) {
    TokenBuffer b = lex(src);
    EXPECT_FALSE(b.diagnostics.empty()) << src;
    bool err = false;
    for (const auto& t : b.tokens) err |= t.kind == K::ERRORTOKEN;
    EXPECT_TRUE(err) << src;
    EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  }
  EXPECT_EQ(first_message(lex("a\x01\n")), "invalid non-printable character U+0001");
}

TEST(Lexer, NulBytes) {
  std::string src("x = 1\0\0 + 2\n# \0\n", 17);
  TokenBuffer b = lex(src);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].id, DiagId::NulByte);
  EXPECT_EQ(b.diagnostics[0].message, "source code cannot contain null bytes");
  EXPECT_EQ(b.diagnostics[0].line, 1u);
  EXPECT_EQ(b.diagnostics[0].column, 6u);
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
}

TEST(Lexer, UnterminatedStrings) {
  TokenBuffer b = lex("x = 'abc\ny = 2\n");
  ASSERT_FALSE(b.diagnostics.empty());
  EXPECT_EQ(b.diagnostics[0].message, "unterminated string literal (detected at line 1)");
  EXPECT_EQ(b.diagnostics[0].column, 5u);
  EXPECT_EQ(b.tokens[2].kind, K::ERRORTOKEN);
  EXPECT_EQ(b.token_text(b.tokens[2]), "'abc");
  // Lexing goes on with the next line.
  EXPECT_EQ(kinds(b, true), (std::vector<K>{K::NAME, K::EQUAL, K::ERRORTOKEN, K::NEWLINE, K::NAME, K::EQUAL,
                                            K::NUMBER, K::NEWLINE, K::ENDMARKER}));
}

TEST(Lexer, UnterminatedTripleQuotedStringAtEndOfBigInput) {
  std::string src;
  for (int i = 0; i < 200000; ++i) src += "value_" + std::to_string(i) + " = [1, 2.5, 'x']\n";
  size_t start = src.size();
  src += "s = '''never closed\n";
  for (int i = 0; i < 1000; ++i) src += "more text\n";
  TokenBuffer b = lex(src);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].id, DiagId::UnterminatedTripleString);
  EXPECT_EQ(b.diagnostics[0].line, 200001u);
  EXPECT_EQ(b.diagnostics[0].message, "unterminated triple-quoted string literal (detected at line 201001)");
  const Token& bad = b.tokens[b.tokens.size() - 3];
  EXPECT_EQ(bad.kind, K::ERRORTOKEN);
  EXPECT_EQ(bad.begin, start + 4);
  EXPECT_EQ(bad.end, src.size());
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
}

TEST(Lexer, Brackets) {
  TokenBuffer unmatched = lex("x = 1)\n");
  EXPECT_EQ(first_message(unmatched), "unmatched ')'");
  TokenBuffer mismatched = lex("x = (1,\n2]\n");
  EXPECT_EQ(first_message(mismatched), "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
  TokenBuffer unclosed = lex("x = [1,\n2\n");
  EXPECT_EQ(first_message(unclosed), "'[' was never closed");
  EXPECT_EQ(unclosed.diagnostics[0].line, 1u);
  EXPECT_EQ(unclosed.diagnostics[0].column, 5u);
  EXPECT_EQ(unclosed.tokens.back().kind, K::ENDMARKER);
}

TEST(Lexer, NestingDepthLimit) {
  std::string ok = std::string(200, '(') + std::string(200, ')') + "\n";
  EXPECT_TRUE(lex(ok).diagnostics.empty());
  std::string deep = std::string(201, '[') + std::string(201, ']') + "\n";
  TokenBuffer b = lex(deep);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].message, "too many nested parentheses");
  EXPECT_EQ(b.diagnostics[0].column, 201u);
}

TEST(Lexer, TenThousandNestedBracketsGiveOneDiagnostic) {
  std::string src = "x = " + std::string(10000, '(') + "1" + std::string(10000, ')') + "\n";
  TokenBuffer b = lex(src);
  ASSERT_EQ(b.diagnostics.size(), 1u);
  EXPECT_EQ(b.diagnostics[0].id, DiagId::TooDeeplyNested);
  EXPECT_EQ(b.tokens.size(), 20000u + 5u);
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  // Unclosed: the error names an opener, and nothing crashes.
  TokenBuffer open = lex(std::string(10000, '{'));
  EXPECT_EQ(open.tokens.back().kind, K::ENDMARKER);
  EXPECT_EQ(open.diagnostics.size(), 2u);
}

TEST(Lexer, IndentationErrors) {
  TokenBuffer dedent = lex("if x:\n    a\n  b\n");
  ASSERT_FALSE(dedent.diagnostics.empty());
  EXPECT_EQ(dedent.diagnostics[0].id, DiagId::InconsistentDedent);
  EXPECT_EQ(dedent.diagnostics[0].message, "unindent does not match any outer indentation level");
  EXPECT_EQ(dedent.diagnostics[0].line, 3u);

  std::string deep;
  for (int i = 0; i < 101; ++i) deep += std::string(i, ' ') + "if x:\n";
  deep += std::string(101, ' ') + "pass\n";
  TokenBuffer b = lex(deep);
  ASSERT_TRUE(has_diag(b, DiagId::TooManyIndentLevels));
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  std::string ok;
  for (int i = 0; i < 99; ++i) ok += std::string(i, ' ') + "if x:\n";
  ok += std::string(99, ' ') + "pass\n";
  EXPECT_TRUE(lex(ok).diagnostics.empty());
}

TEST(Lexer, OneMegabyteSingleLine) {
  std::string src = "x = [";
  while (src.size() < (1u << 20)) src += "12345, ";
  src += "]";
  TokenBuffer b = lex(src);
  EXPECT_TRUE(b.diagnostics.empty());
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  EXPECT_EQ(b.tokens[b.tokens.size() - 2].kind, K::NEWLINE);
  EXPECT_EQ(b.line_starts.size(), 1u);
  // The dump handles it too (columns are computed incrementally).
  std::string dump = tokenize_dump(b, false);
  EXPECT_NE(dump.find("1,1048"), std::string::npos);
}

TEST(Decoding, InvalidUtf8IsADiagnostic) {
  TokenBuffer b = lex("x = 1\ny = '\xff\xfe'\n");
  ASSERT_FALSE(b.diagnostics.empty());
  EXPECT_EQ(b.diagnostics[0].id, DiagId::InvalidEncoding);
  EXPECT_EQ(b.diagnostics[0].line, 2u);
  EXPECT_EQ(b.diagnostics[0].message,
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 11: invalid start byte");
  EXPECT_EQ(b.tokens.back().kind, K::ENDMARKER);
  // Undecodable bytes became U+FFFD, so the text is valid UTF-8.
  EXPECT_NE(b.text.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Decoding, Latin1Cookie) {
  TokenBuffer b = lex("# -*- coding: latin-1 -*-\ns = '\xe9'\n");
  EXPECT_TRUE(b.diagnostics.empty());
  EXPECT_EQ(b.encoding, "iso-8859-1");
  EXPECT_EQ(b.token_text(b.tokens[4]), "'\xC3\xA9'");  // é in UTF-8
}

TEST(Decoding, CookieOnSecondLineAndOtherCodecs) {
  TokenBuffer b = lex("#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\ns = '\x80'\n");
  EXPECT_TRUE(b.diagnostics.empty());
  EXPECT_EQ(b.encoding, "cp1252");
  EXPECT_NE(b.text.find("\xE2\x82\xAC"), std::string::npos);  // €
  EXPECT_EQ(lex("# coding: ascii\nx = 1\n").encoding, "ascii");
  EXPECT_FALSE(lex("# coding: ascii\nx = '\xe9'\n").diagnostics.empty());
  // A cookie on line 2 only counts when line 1 is blank or a comment.
  EXPECT_EQ(lex("x = 1\n# coding: latin-1\n").encoding, "utf-8");
}

TEST(Decoding, BomAndBadCookies) {
  TokenBuffer bom = lex("\xEF\xBB\xBFx = 1\n");
  EXPECT_EQ(bom.encoding, "utf-8-sig");
  EXPECT_EQ(bom.text, "x = 1\n");
  EXPECT_TRUE(bom.diagnostics.empty());
  TokenBuffer unknown = lex("# coding: uft-8\nx = 1\n");
  EXPECT_EQ(first_message(unknown), "unknown encoding: uft-8");
  EXPECT_EQ(unknown.diagnostics[0].id, DiagId::UnknownEncoding);
  TokenBuffer clash = lex("\xEF\xBB\xBF# coding: latin-1\nx = 1\n");
  EXPECT_EQ(first_message(clash), "encoding problem: iso-8859-1 with BOM");
}

TEST(Repr, PythonRules) {
  EXPECT_EQ(python_repr("abc"), "'abc'");
  EXPECT_EQ(python_repr("it's"), "\"it's\"");
  EXPECT_EQ(python_repr("'\""), "'\\'\"'");
  EXPECT_EQ(python_repr("a\\b\t\n\r\x01\x7f"), "'a\\\\b\\t\\n\\r\\x01\\x7f'");
  EXPECT_EQ(python_repr("é€𝔘"), "'é€𝔘'");
  EXPECT_EQ(python_repr("\xC2\xA0"), "'\\xa0'");          // NO-BREAK SPACE is not printable
  EXPECT_EQ(python_repr("\xE2\x80\x8B"), "'\\u200b'");    // ZERO WIDTH SPACE
  EXPECT_EQ(python_repr("\xF3\xA0\x84\x80"), "'\xF3\xA0\x84\x80'");  // VARIATION SELECTOR-17 is printable (Mn)
  EXPECT_EQ(python_repr("\xF3\xA0\x80\x81"), "'\\U000e0001'");      // LANGUAGE TAG (Cf) is not
}

TEST(Dump, MatchesTokenizeFormat) {
  TokenBuffer b = lex("x = (1,\n  2)");
  std::string d = tokenize_dump(b, false);
  EXPECT_EQ(d,
            "0,0-0,0:            ENCODING       'utf-8'        \n"
            "1,0-1,1:            NAME           'x'            \n"
            "1,2-1,3:            OP             '='            \n"
            "1,4-1,5:            OP             '('            \n"
            "1,5-1,6:            NUMBER         '1'            \n"
            "1,6-1,7:            OP             ','            \n"
            "1,7-1,8:            NL             '\\n'           \n"
            "2,2-2,3:            NUMBER         '2'            \n"
            "2,3-2,4:            OP             ')'            \n"
            "2,4-2,5:            NEWLINE        ''             \n"
            "3,0-3,0:            ENDMARKER      ''             \n");
  std::string e = tokenize_dump(b, true);
  EXPECT_NE(e.find("LPAR           '('"), std::string::npos);
}

}  // namespace
}  // namespace portalis::lex

namespace portalis::lex {
namespace {

// Invariants every TokenBuffer must satisfy, whatever the input.
void check_invariants(const TokenBuffer& b, const std::string& what) {
  ASSERT_FALSE(b.tokens.empty()) << what;
  EXPECT_EQ(b.tokens.back().kind, TokenKind::ENDMARKER) << what;
  uint32_t prev = 0;
  for (const auto& t : b.tokens) {
    ASSERT_LE(prev, t.begin) << what;
    ASSERT_LE(t.begin, t.end) << what;
    ASSERT_LE(t.end, b.text.size()) << what;
    bool zero = t.kind == TokenKind::DEDENT || t.kind == TokenKind::ENDMARKER || (t.flags & kFlagImplicit);
    if (!zero) ASSERT_LT(t.begin, t.end) << what << " kind " << token_kind_name(t.kind);
    prev = t.begin;
  }
}

TEST(Robustness, RandomInputsNeverBreakInvariants) {
  // A fixed-seed generator over Python-ish fragments and raw bytes.
  static const char* kPieces[] = {"if x:\n", "    ", "\t", "(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\"\"\"",
                                  "\\", "\n", "\r", "\r\n", "#c", "0x", "1_", "1.e", "j", "rb", "f", "é", "€",
                                  "\xff", "\x00", "\f", " ", "else:\n", "  pass\n", "$", "!", "`", ":=", "->", "...",
                                  "# coding: latin-1\n", "\xEF\xBB\xBF", "\xe2\x80", "abc", "123"};
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  auto next = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int round = 0; round < 3000; ++round) {
    std::string src;
    int n = static_cast<int>(next() % 40);
    for (int i = 0; i < n; ++i) {
      if (next() % 8 == 0) src += static_cast<char>(next() & 0xFF);
      else src += kPieces[next() % (sizeof kPieces / sizeof kPieces[0])];
    }
    TokenBuffer b = lex(src);
    check_invariants(b, "round " + std::to_string(round));
    std::string d = tokenize_dump(b, round % 2 == 0);
    EXPECT_FALSE(d.empty());
  }
}

}  // namespace
}  // namespace portalis::lex

namespace portalis::lex {
namespace {

TEST(Robustness, DiagnosticsAreCappedAndLexingStaysLinear) {
  std::string src;
  for (int i = 0; i < 200000; ++i) src += "$ ";
  TokenBuffer b = lex(src);
  ASSERT_EQ(b.diagnostics.size(), kMaxDiagnostics + 1);
  EXPECT_EQ(b.diagnostics.back().message, "199900 more lexing errors not reported");
  EXPECT_EQ(b.tokens.size(), 200000u + 2u);  // ERRORTOKENs, NEWLINE, ENDMARKER
  std::string dump = tokenize_dump(b, false);
  EXPECT_NE(dump.find("1,399998-1,399999:  ERRORTOKEN     '$'"), std::string::npos);
}

}  // namespace
}  // namespace portalis::lex
