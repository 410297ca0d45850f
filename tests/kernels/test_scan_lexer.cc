// The scan lexer (kernels/) against the serial lexer, which is its
// specification: identical TokenBuffers, whatever the chunk size, and files it
// cannot handle exactly are handed to the serial lexer and counted.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kernels/lex_batch.h"
#include "kernels/scan_engine.h"
#include "lex/lexer.h"

namespace portalis::kernels {
namespace {

std::string dump(const lex::TokenBuffer& b) {
  std::string s;
  for (const auto& t : b.tokens) {
    s += std::string(lex::token_kind_name(t.kind)) + "[" + std::to_string(t.begin) + "," + std::to_string(t.end) +
         ")f" + std::to_string(t.flags) + " ";
  }
  return s;
}

// Runs the host scan over the sources packed with the given chunk size.
ScanResult scan(const std::vector<std::string>& srcs, uint32_t chunk) {
  std::string buf;
  std::vector<uint32_t> begin;
  for (const auto& s : srcs) {
    begin.push_back(static_cast<uint32_t>(buf.size()));
    buf += s;
  }
  begin.push_back(static_cast<uint32_t>(buf.size()));
  BatchView v{reinterpret_cast<const uint8_t*>(buf.data()), static_cast<uint32_t>(buf.size()), begin.data(),
              static_cast<uint32_t>(srcs.size()), chunk};
  ScanResult r;
  scan_batch_host(v, &r);
  return r;
}

// Valid Python the scan must handle itself (no fallback).
const std::vector<std::string> kScanCases = {
    "",
    "x = 1\n",
    "x = 1",                                   // implicit NEWLINE at end of input
    "# only a comment",                        // implicit NL
    "x = 1  # trailing",
    "\n\n   \n",
    "   ",
    "def f(a, *args, **kw) -> None:\n    return a ** 2 // 3\n",
    "if x:\n    if y:\n        pass\n# c\n  # d\nz\n",
    "class A:\n\tdef f(self):\n\t\treturn 1\n",  // tabs
    "if x:\n    y\n",                         // DEDENT at end of input
    "if x:\n    y",                           // and no trailing newline
    "s = rb'a' Br\"b\" f'{x!r}' u'x' RF'''y''' fr\"z\" bu'q'\n",
    "s = '''a\nb\\'''\n'''\nt = \"\"\"x\"\"\"\"\"\n",
    "s = 'a\\\nb'\nt = ''\nu = \"\"\n",
    "x = [1,\n  2,  # c\n\n  3]\ny = (\n)\n",
    "x = 1 + \\\n    2\n",
    "from .. import a\nfrom ... import b\nfrom . import c\nx = ...\n",
    "n = [0, 00, 0_0, 1_000, 0x_fF, 0o17, 0b1_0, 1.5, 1., .5, 1e5, 1E-5, 1.5e+3_0, 1j, 1.5J, 0.0j, 09.5, 0e0]\n",
    "a += 1; b -= 1; c *= 2; d /= 2; e //= 2; f %= 2; g **= 2; h >>= 1; i <<= 1; j &= 1; k |= 1; l ^= 1; m @= n\n",
    "a == b != c <= d >= e < f > g <> h -> i := j ~ k\n",
    "x = {'a': [1, (2, 3)]}\n",
    "\f\nif x:\n  \f  y\n",
    "async def f():\n    await g()\nmatch = case = _ = 1\nTrue or False and None is not 1 in x\n",
    "x = '''never\n\nclosed at the end''' # ok\n",
    "s = 'é' # ü\nt = \"\"\"日本\"\"\"\n",
    "café = 1\nπ2 = ré'x'\n_ñ = 0\n",          // non-ASCII identifiers
};

// Inputs the serial lexer handles with errors or rare forms: the scan hands
// them over (and the output still equals the serial lexer's).
const std::vector<std::string> kFallbackCases = {
    "x = 1\r\ny = 2\r\n",          // CR line ends
    "x€ = 1\n",                    // non-ASCII name that is not an identifier
    "a = 1 ·\n",
    "s = 'unterminated\n",
    "s = '''unterminated\n",
    "x = 1abc\n",
    "x = 1if y else 2\n",
    "x = 0777\n",
    "if x:\n    y\n  z\n",         // inconsistent dedent
    "if x:\n        y\n\tz\n",     // TabError
    "x = (1,\n",                   // unclosed bracket
    "x = (1]\n",                   // mismatched
    "x = 1)\n",                    // unmatched
    "\\\nx = 1\n",                 // continuation first on a line
    "x = 1 \\",                    // backslash at end of input
    "x = $\n",
    "x ! y\n",
    "x = 1 \\ y\n",
    std::string("x = '\0'\n", 9),
    "x = ..5\n",
};

TEST(ScanFst, ComposeIsAssociativeAndMatchesConcatenation) {
  const FstTables& t = fst_tables();
  std::mt19937 rng(42);
  const std::string alphabet = "ab_1'\"\\\n#. ()=*xe0j+-!\t";
  for (int round = 0; round < 200; ++round) {
    std::string parts[3];
    for (auto& p : parts)
      for (int i = rng() % 20; i > 0; --i) p += alphabet[rng() % alphabet.size()];
    std::string all = parts[0] + parts[1] + parts[2];
    uint32_t fb[2] = {0, static_cast<uint32_t>(all.size() + 1000)};  // one file, no boundary inside
    auto transfer_of = [&](uint32_t b, uint32_t e) {
      BatchView v{reinterpret_cast<const uint8_t*>(all.data()) + b, e - b, fb, 1, e - b > 0 ? e - b : 1};
      uint32_t nofile[2] = {0xFFFFFFFFu, 0xFFFFFFFFu};
      v.file_begin = nofile;  // no file starts inside
      return e > b ? chunk_transfer(t, v, 0) : identity_transfer();
    };
    uint32_t a = static_cast<uint32_t>(parts[0].size()), b = a + static_cast<uint32_t>(parts[1].size()),
             c = static_cast<uint32_t>(all.size());
    Transfer ta = transfer_of(0, a), tb = transfer_of(a, b), tc = transfer_of(b, c), tall = transfer_of(0, c);
    Transfer l = compose(compose(ta, tb), tc), r = compose(ta, compose(tb, tc));
    for (int s = 0; s < kNumStates; ++s) {
      ASSERT_EQ(l.to[s], r.to[s]) << "round " << round;
      ASSERT_EQ(l.to[s], tall.to[s]) << "round " << round << " state " << s;
    }
  }
}

TEST(ScanLexer, MatchesSerialLexerOnScanCases) {
  std::vector<std::string_view> views(kScanCases.begin(), kScanCases.end());
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, &out, &st, &err)) << err;
  EXPECT_EQ(st.engine, "scan-host");
  for (size_t i = 0; i < kScanCases.size(); ++i) {
    lex::TokenBuffer ref = lex::lex(kScanCases[i]);
    EXPECT_TRUE(ref.diagnostics.empty()) << kScanCases[i];
    EXPECT_EQ(st.file_status[i], kFileOk) << "fell back: " << kScanCases[i];
    EXPECT_EQ(dump(out[i]), dump(ref)) << kScanCases[i];
    EXPECT_EQ(out[i].line_starts, ref.line_starts);
  }
  EXPECT_EQ(st.scan_files, kScanCases.size());
  EXPECT_EQ(st.fallback_files, 0u);
}

TEST(ScanLexer, HardCasesFallBackAndStillMatch) {
  std::vector<std::string_view> views(kFallbackCases.begin(), kFallbackCases.end());
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, &out, &st, &err)) << err;
  for (size_t i = 0; i < kFallbackCases.size(); ++i) {
    lex::TokenBuffer ref = lex::lex(kFallbackCases[i]);
    EXPECT_NE(st.file_status[i], kFileOk) << "scan took: " << kFallbackCases[i];
    EXPECT_EQ(dump(out[i]), dump(ref)) << kFallbackCases[i];
    EXPECT_EQ(out[i].diagnostics.size(), ref.diagnostics.size());
  }
  EXPECT_EQ(st.fallback_files, kFallbackCases.size());
}

TEST(ScanLexer, ChunkSizeDoesNotChangeTheResult) {
  std::vector<std::string> all = kScanCases;
  all.insert(all.end(), kFallbackCases.begin(), kFallbackCases.end());
  ScanResult ref = scan(all, 4096);
  for (uint32_t chunk : {1u, 2u, 3u, 7u, 16u, 61u, 256u}) {
    ScanResult r = scan(all, chunk);
    ASSERT_EQ(r.file_status, ref.file_status) << "chunk " << chunk;
    ASSERT_EQ(r.file_offset, ref.file_offset) << "chunk " << chunk;
    ASSERT_EQ(r.tokens.size(), ref.tokens.size());
    for (size_t i = 0; i < r.tokens.size(); ++i) {
      ASSERT_EQ(r.tokens[i].kind, ref.tokens[i].kind) << "chunk " << chunk << " token " << i;
      ASSERT_EQ(r.tokens[i].begin, ref.tokens[i].begin);
      ASSERT_EQ(r.tokens[i].end, ref.tokens[i].end);
      ASSERT_EQ(r.tokens[i].flags, ref.tokens[i].flags);
    }
  }
}

// Random sequences of Python fragments: whenever the scan keeps a file, its
// tokens must equal the serial lexer's (fallbacks are equal by construction).
TEST(ScanLexer, RandomFragmentsMatchSerialLexer) {
  const std::vector<std::string> pieces = {
      "if", "x", " ", " ", "\n", "\n", "    ", "\t", "\f", "'", "\"", "'''", "\"\"\"", "\\\n", "\\", "#c",
      "(", ")", "[", "]", "{", "}", "1", "0", "0x", "0o7", "0b1", ".", "..", "...", "e", "j", "_", "rb", "f", "u",
      "Br", "=", "==", "*", "**", "/", "//", "<", ">", "<<", ">>", "-", "->", "+", "!", "!=", ":", ":=", ",", ";",
      "~", "%", "@", "^", "|", "&", "é", "9", "_1", "e5", "E-", "def ", "class ", "  pass", ":\n    ", "\n\n"};
  // Mostly well-formed pieces, so that many files stay on the scan path.
  const std::vector<std::string> tidy = {
      "x", " ", "\n", "\n    ", "\n\t", "\n  ", "'a'", "\"b\"", "'''x\ny'''", "rb'q'", "f\"{z}\"", "#c\n",
      "()", "[1, 2]", "{a: b}", "(\n1\n)", "1", "0", "0x1F", "1.5", ".5", "1e5", "2j", "...", ".", "a.b", "=",
      "==", "**", "//=", "->", ":=", ",", ";", "\\\n", "if x:\n    y\n", "\f", "  # k\n", "\n\n"};
  std::mt19937 rng(7);
  std::vector<std::string> srcs;
  for (int i = 0; i < 6000; ++i) {
    const auto& set = i % 2 ? tidy : pieces;
    std::string s;
    for (int k = rng() % 40; k > 0; --k) s += set[rng() % set.size()];
    srcs.push_back(s);
  }
  std::vector<std::string_view> views(srcs.begin(), srcs.end());
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, &out, &st, &err)) << err;
  size_t bad = 0;
  for (size_t i = 0; i < srcs.size(); ++i) {
    lex::TokenBuffer ref = lex::lex(srcs[i]);
    if (dump(out[i]) != dump(ref) || out[i].diagnostics.size() != ref.diagnostics.size()) {
      if (++bad <= 5)
        ADD_FAILURE() << "input [" << srcs[i] << "]\nserial " << dump(ref) << "\nscan   " << dump(out[i]);
    }
  }
  EXPECT_EQ(bad, 0u);
  // Not everything falls back: the scan handles a good share of them.
  EXPECT_GT(st.scan_files, srcs.size() / 10);
  std::printf("random fragments: %llu of %zu on the scan path\n",
              static_cast<unsigned long long>(st.scan_files), srcs.size());
}

// The bad inputs of issue 2: handed over (or lexed) without a crash, equal
// to the serial lexer; a 1 MB single line and 95 indentation levels stay on
// the scan path.
TEST(ScanLexer, BadInputs) {
  std::string deep, deeper;
  for (int i = 0; i < 95; ++i) deep += std::string(i, ' ') + "if x:\n";
  deep += std::string(95, ' ') + "pass\ny\n";
  for (int i = 0; i < 120; ++i) deeper += std::string(i, ' ') + "if x:\n";
  deeper += std::string(120, ' ') + "pass\n";
  std::string unterminated;
  for (int i = 0; i < 100000; ++i) unterminated += "x = 1\n";
  unterminated += "\"\"\"never closed\n";
  const std::vector<std::string> srcs = {
      "x = " + std::string(10000, '(') + std::string(10000, ')') + "\n",
      "x = \"" + std::string(1000000, 'a') + "\"\n",
      deep, deeper, unterminated, std::string("\xff\xfe = 1\n"), std::string("\xef\xbb\xbfx = 1\n")};
  std::vector<std::string_view> views(srcs.begin(), srcs.end());
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, &out, &st, &err)) << err;
  const uint8_t expect_scan[] = {0, 1, 1, 0, 0, 0, 1};
  for (size_t i = 0; i < srcs.size(); ++i) {
    lex::TokenBuffer ref = lex::lex(srcs[i]);
    EXPECT_EQ(dump(out[i]), dump(ref)) << i;
    EXPECT_EQ(out[i].diagnostics.size(), ref.diagnostics.size()) << i;
    EXPECT_EQ(out[i].encoding, ref.encoding) << i;
    EXPECT_EQ(st.file_status[i] == kFileOk, expect_scan[i] == 1) << i;
  }
}

// Small batches (here at most 64 bytes: every file its own batch or a few
// together) give the same result as one batch.
TEST(ScanLexer, BatchSizeDoesNotChangeTheResult) {
  std::vector<std::string_view> views(kScanCases.begin(), kScanCases.end());
  std::vector<lex::TokenBuffer> one, many;
  BatchStats s1, s2;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, &one, &s1, &err));
  BatchOptions small;
  small.max_batch_bytes = 64;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Scan, small, &many, &s2, &err));
  EXPECT_EQ(s1.batches, 1u);
  EXPECT_GT(s2.batches, 5u);
  EXPECT_EQ(s2.file_status, s1.file_status);
  for (size_t i = 0; i < views.size(); ++i) EXPECT_EQ(dump(many[i]), dump(one[i])) << views[i];
}

TEST(ScanLexer, SerialEngineIsTheCpuLexer) {
  std::vector<std::string_view> views = {"x = 1\n", "if x:\n  y\n"};
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Cpu, Engine::Serial, &out, &st, &err));
  EXPECT_EQ(st.engine, "serial");
  EXPECT_EQ(dump(out[1]), dump(lex::lex(views[1])));
}

// Without a usable GPU, auto runs on the CPU and says why; gpu is an error.
// With one, auto picks it and the result matches the serial lexer.
TEST(DeviceSelection, AutoFallsBackAndGpuIsAnErrorWithoutDevice) {
  GpuInfo g = probe_gpu();
  std::vector<std::string_view> views(kScanCases.begin(), kScanCases.end());
  std::vector<lex::TokenBuffer> out;
  BatchStats st;
  std::string err;
  ASSERT_TRUE(lex_batch(views, Device::Auto, Engine::Scan, &out, &st, &err)) << err;
  if (!g.usable) {
    EXPECT_FALSE(g.why.empty());
    EXPECT_EQ(st.device, "cpu");
    EXPECT_NE(st.note.find("auto chose the CPU"), std::string::npos) << st.note;
    EXPECT_EQ(st.engine, "scan-host");
    std::vector<lex::TokenBuffer> out2;
    BatchStats st2;
    std::string err2;
    EXPECT_FALSE(lex_batch(views, Device::Gpu, Engine::Scan, &out2, &st2, &err2));
    EXPECT_NE(err2.find("no usable GPU"), std::string::npos) << err2;
  } else {
    EXPECT_EQ(st.device, "gpu: " + g.name);
    EXPECT_EQ(st.engine, "scan-gpu");
  }
  for (size_t i = 0; i < views.size(); ++i) EXPECT_EQ(dump(out[i]), dump(lex::lex(views[i]))) << views[i];
}

}  // namespace
}  // namespace portalis::kernels
