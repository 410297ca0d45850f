// Lex+parse throughput of the core alone (no CLI dependencies, so it also
// builds with PORTALIS_CORE_ONLY): portalis_parse_bench FILE... prints the
// same summary line as `portalis parse`.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include "base/source.h"
#include "lex/lexer.h"
#include "parse/parser.h"

int main(int argc, char** argv) {
  using namespace portalis;
  uint64_t files = 0, bytes = 0, lines = 0, errors = 0;
  double wall = 0, cpu = 0;
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  for (int i = 1; i < argc; ++i) {
    Diagnostic io;
    auto src = read_source(argv[i], &io, uint64_t{0xFFFFFFF0});
    ++files;
    if (!src) {
      ++errors;
      continue;
    }
    double c0 = cpu_now();
    auto t0 = std::chrono::steady_clock::now();
    lex::TokenBuffer tb = lex::lex(src->bytes);
    parse::ParseResult r = parse::parse_module(tb);
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu += cpu_now() - c0;
    bytes += src->bytes.size();
    lines += tb.line_starts.size();
    errors += r.ok ? 0 : 1;
  }
  std::printf("files: %llu, bytes: %llu, lines: %llu, errors: %llu, seconds: %.3f, cpu_seconds: %.3f, MB/s: %.1f\n",
              (unsigned long long)files, (unsigned long long)bytes, (unsigned long long)lines,
              (unsigned long long)errors, wall, cpu, cpu > 0 ? bytes / 1e6 / cpu : 0.0);
  return errors ? 1 : 0;
}
