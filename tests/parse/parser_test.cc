// Parser unit tests: tricky constructs against CPython's dumps (recorded
// from python3.11 ast.dump), constant reprs, and bad input that must give an
// error rather than a crash or a hang.
#include <gtest/gtest.h>

#include <string>

#include "ast/dump.h"
#include "parse/literals.h"
#include "parse/parser.h"

namespace portalis::parse {
namespace {

std::string dump_of(std::string_view src) {
  ParseResult r = parse_source(src);
  if (!r.ok) return "ERROR";
  return ast::dump(r.module);
}

std::string first_error(std::string_view src, uint32_t* line = nullptr) {
  ParseResult r = parse_source(src);
  if (r.ok) return "";
  for (const auto& d : r.diagnostics)
    if (diag_severity(d.id) == Severity::Error) {
      if (line) *line = d.line;
      return d.message;
    }
  return "?";
}

struct Case {
  const char* name;
  const char* src;
  const char* expected;
};

const Case kCases[] = {
#include "cases.inc"
};

TEST(Parser, MatchesCPythonDumps) {
  for (const Case& c : kCases) EXPECT_EQ(dump_of(c.src), c.expected) << c.name;
}

TEST(Parser, EmptyFile) {
  EXPECT_EQ(dump_of(""), "Module(body=[], type_ignores=[])");
  EXPECT_EQ(dump_of("\n\n# only a comment\n"), "Module(body=[], type_ignores=[])");
}

TEST(Parser, TenThousandNestedBracketsIsAnError) {
  std::string src(10000, '(');
  src += std::string(10000, ')') + "\n";
  EXPECT_NE(first_error(src), "");
  std::string lists(10000, '[');
  lists += std::string(10000, ']') + "\n";
  EXPECT_NE(first_error(lists), "");
}

TEST(Parser, DeepChainsNeverCrash) {
  // Loops build these trees; the depth cap turns absurd depth into an error.
  std::string nots = "x = ";
  for (int i = 0; i < 100000; ++i) nots += "not ";
  EXPECT_NE(first_error(nots + "a\n"), "");
  EXPECT_NE(first_error("x = " + std::string(100000, '-') + "a\n"), "");
  std::string attrs = "x = a";
  for (int i = 0; i < 100000; ++i) attrs += ".b";
  EXPECT_NE(first_error(attrs + "\n"), "");
  std::string sum = "x = a";
  for (int i = 0; i < 100000; ++i) sum += "+a";
  EXPECT_NE(first_error(sum + "\n"), "");
  std::string ifs = "x = ";
  for (int i = 0; i < 20000; ++i) ifs += "a if b else ";
  EXPECT_NE(first_error(ifs + "c\n"), "");
  // Moderate depth is fine, as in CPython.
  EXPECT_EQ(first_error("x = " + std::string(100, '-') + "a\n"), "");
  std::string ok = "x = a";
  for (int i = 0; i < 500; ++i) ok += ".b";
  EXPECT_EQ(first_error(ok + "\n"), "");
}

TEST(Parser, NulByteIsAnError) {
  EXPECT_NE(first_error(std::string("x = 1\0\n", 7)), "");
}

TEST(Parser, HugeFileAndLongLine) {
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "x" + std::to_string(i) + " = f(a, b=[1, 2.5, 'three'])\n";
  ParseResult r = parse_source(big);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.module.list_of(r.module.root(), 0).size(), 200000u);
  std::string line = "x = [";
  for (int i = 0; i < 100000; ++i) line += "1234567, ";
  line += "]\n";
  EXPECT_TRUE(parse_source(line).ok);
  uint32_t err_line = 0;
  EXPECT_NE(first_error(big + "s = '''never closed\n", &err_line), "");
  EXPECT_EQ(err_line, 200001u);
}

TEST(Parser, ErrorsAreCPythonsMessages) {
  uint32_t line = 0;
  EXPECT_EQ(first_error("def f()\n    pass\n", &line), "expected ':'");
  EXPECT_EQ(line, 1u);
  EXPECT_EQ(first_error("f() = 1\n"), "cannot assign to function call here. Maybe you meant '==' instead of '='?");
  EXPECT_EQ(first_error("for f() in x: pass\n"), "cannot assign to function call");
  EXPECT_EQ(first_error("x = 1 +\n"), "invalid syntax");
  EXPECT_EQ(first_error("f'{}'\n"), "f-string: empty expression not allowed");
  EXPECT_EQ(first_error("def f(a=1, b): pass\n"), "non-default argument follows default argument");
}

TEST(Parser, PositionsNestWithinParents) {
  ParseResult r = parse_source("def f(a, *b, **c):\n    return [x.y(z) for x in a if x] + {1: (2, 3)}[1]\n");
  ASSERT_TRUE(r.ok);
  const ast::Module& m = r.module;
  for (ast::NodeId id = 0; id < m.node_count(); ++id) {
    if (!ast::kind_info(m.kind(id)).has_attributes) continue;
    const ast::Pos& p = m.pos(id);
    EXPECT_LE(std::make_pair(p.lineno, p.col_offset), std::make_pair(p.end_lineno, p.end_col_offset))
        << ast::kind_name(m.kind(id));
  }
}

TEST(Literals, Numbers) {
  ast::Constant c;
  ASSERT_TRUE(number_constant("0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", &c));
  EXPECT_EQ(c.text, "340282366920938463463374607431768211455");
  ASSERT_TRUE(number_constant("0o777", &c));
  EXPECT_EQ(c.text, "511");
  ASSERT_TRUE(number_constant("0b_1010", &c));
  EXPECT_EQ(c.text, "10");
  ASSERT_TRUE(number_constant("000", &c));
  EXPECT_EQ(c.text, "0");
  ASSERT_TRUE(number_constant("1_000", &c));
  EXPECT_EQ(c.text, "1000");
}

TEST(Dump, FloatAndComplexReprs) {
  auto f = [](double v) { std::string s; ast::repr_float(v, &s); return s; };
  EXPECT_EQ(f(1e22), "1e+22");
  EXPECT_EQ(f(1e-5), "1e-05");
  EXPECT_EQ(f(0.1), "0.1");
  EXPECT_EQ(f(100.0), "100.0");
  EXPECT_EQ(f(1e16), "1e+16");
  EXPECT_EQ(f(1e15), "1000000000000000.0");
  EXPECT_EQ(f(0.0001), "0.0001");
  EXPECT_EQ(f(1.5e300), "1.5e+300");
  EXPECT_EQ(f(1.0 / 0.0), "inf");
  auto j = [](double v) { std::string s; ast::repr_imag(v, &s); return s; };
  EXPECT_EQ(j(1), "1j");
  EXPECT_EQ(j(1.5), "1.5j");
  EXPECT_EQ(j(1.0 / 0.0), "infj");
  EXPECT_EQ(j(1e16), "1e+16j");
}

TEST(Dump, StrAndBytesReprs) {
  auto s = [](std::string_view v) { std::string o; ast::repr_str(v, &o); return o; };
  EXPECT_EQ(s("it's"), "\"it's\"");
  EXPECT_EQ(s("both'\""), "'both\\'\"'");
  EXPECT_EQ(s("\t\n\r\x01\x7f"), "'\\t\\n\\r\\x01\\x7f'");
  EXPECT_EQ(s("\xc2\xa0\xe2\x80\x8b\xc3\xa9"), "'\\xa0\\u200b\xc3\xa9'");
  EXPECT_EQ(s("\xed\xa0\x80"), "'\\ud800'");  // a lone surrogate
  EXPECT_EQ(s("\xf0\x9f\x98\x80"), "'\xf0\x9f\x98\x80'");
  auto b = [](std::string_view v) { std::string o; ast::repr_bytes(v, &o); return o; };
  EXPECT_EQ(b(std::string_view("\x00\xff'", 3)), "b\"\\x00\\xff'\"");
}

}  // namespace
}  // namespace portalis::parse
