// Lexing throughput of the serial CPU lexer on one core.
//   portalis_lex_bench [--repeat N] PATH...   (files or directories; site-packages skipped)
// Reads every .py file into memory first, then times lex() over all of them,
// N times, and prints MB/s (input bytes, 1 MB = 1e6 bytes), lines/s and
// tokens/s for the best round, both by wall clock and by the thread's CPU
// time (CLOCK_THREAD_CPUTIME_ID), which is the better figure on a shared
// machine where the process gets descheduled.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "lex/lexer.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else roots.push_back(a);
  }
  if (roots.empty()) {
    std::fprintf(stderr, "usage: portalis_lex_bench [--repeat N] PATH...\n");
    return 2;
  }
  std::vector<std::string> sources;
  size_t bytes = 0;
  auto add = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    sources.push_back(ss.str());
    bytes += sources.back().size();
  };
  for (const auto& r : roots) {
    std::error_code ec;
    if (fs::is_regular_file(r, ec)) { add(r); continue; }
    for (auto it = fs::recursive_directory_iterator(r, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_directory() && it->path().filename() == "site-packages") { it.disable_recursion_pending(); continue; }
      if (it->is_regular_file() && it->path().extension() == ".py") add(it->path());
    }
  }
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double best = 1e30, best_cpu = 1e30;
  size_t tokens = 0, lines = 0, errors = 0;
  for (int round = 0; round < repeat; ++round) {
    tokens = lines = errors = 0;
    auto t0 = std::chrono::steady_clock::now();
    double c0 = cpu_now();
    for (const auto& s : sources) {
      portalis::lex::TokenBuffer b = portalis::lex::lex(s);
      tokens += b.tokens.size();
      lines += b.line_starts.size();
      errors += !b.diagnostics.empty();
    }
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double dc = cpu_now() - c0;
    if (dt < best) best = dt;
    if (dc < best_cpu) best_cpu = dc;
  }
  std::printf("files %zu  bytes %zu  lines %zu  tokens %zu  files-with-errors %zu\n", sources.size(), bytes, lines,
              tokens, errors);
  std::printf("best of %d: %.3f s  %.1f MB/s  %.2f Mlines/s  %.1f Mtokens/s\n", repeat, best, bytes / best / 1e6,
              lines / best / 1e6, tokens / best / 1e6);
  std::printf("best of %d by CPU time: %.3f s  %.1f MB/s  %.2f Mlines/s  %.1f Mtokens/s\n", repeat, best_cpu,
              bytes / best_cpu / 1e6, lines / best_cpu / 1e6, tokens / best_cpu / 1e6);
  return 0;
}
