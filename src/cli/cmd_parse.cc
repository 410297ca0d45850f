// `portalis parse`: the front end on files.
//   portalis parse --dump-ast FILE   prints ast.dump(ast.parse(src), include_attributes=True)
//   portalis parse PATH...           parses every .py file (directories recursively), prints a
//                                    summary line and the diagnostics of the files that failed.
// Syntax errors are printed as FILE:LINE:COL: SyntaxError: MESSAGE; exit status 1 when any
// file failed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <ctime>
#include <vector>

#include "ast/dump.h"
#include "base/source.h"
#include "cli/command.h"
#include "lex/lexer.h"
#include "parse/parser.h"

namespace portalis::cli {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kMaxBytes = 0xFFFFFFF0;  // token offsets are 32-bit

// The first error of a file (lexer or parser), as CPython reports one.
const Diagnostic* first_error(const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags)
    if (diag_severity(d.id) == Severity::Error) return &d;
  return nullptr;
}

int dump_one(const std::string& path) {
  Diagnostic io;
  auto src = read_source(path, &io, kMaxBytes);
  if (!src) {
    std::cerr << format_diagnostic(path, io) << "\n";
    return 1;
  }
  parse::ParseResult r = parse::parse_source(src->bytes);
  if (!r.ok) {
    const Diagnostic* d = first_error(r.diagnostics);
    Diagnostic fallback{DiagId::SyntaxError, 0, 0, "invalid syntax"};
    std::cerr << format_diagnostic(path, d ? *d : fallback) << "\n";
    return 1;
  }
  std::string out = ast::dump(r.module);
  out.push_back('\n');
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return 0;
}

struct Totals {
  uint64_t files = 0, bytes = 0, lines = 0, errors = 0;
  double seconds = 0;      // lexing + parsing only, wall clock
  double cpu_seconds = 0;  // the same on this thread's CPU clock (robust on a busy machine)
  std::vector<std::string> failures;
};

void parse_file(const std::string& path, Totals* t) {
  Diagnostic io;
  auto src = read_source(path, &io, kMaxBytes);
  ++t->files;
  if (!src) {
    ++t->errors;
    t->failures.push_back(format_diagnostic(path, io));
    return;
  }
  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double c0 = cpu_now();
  auto t0 = std::chrono::steady_clock::now();
  lex::TokenBuffer tb = lex::lex(src->bytes);
  parse::ParseResult r = parse::parse_module(tb);
  t->seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  t->cpu_seconds += cpu_now() - c0;
  t->bytes += src->bytes.size();
  t->lines += tb.line_starts.size();
  if (!r.ok) {
    ++t->errors;
    const Diagnostic* d = first_error(r.diagnostics);
    Diagnostic fallback{DiagId::SyntaxError, 0, 0, "invalid syntax"};
    t->failures.push_back(format_diagnostic(path, d ? *d : fallback));
  }
}

// Walks a directory without following symlinks (so loops cannot trap us);
// unreadable directories are reported as failures, not skipped silently.
void walk(const std::string& root, Totals* t) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
  if (ec) {
    ++t->errors;
    t->failures.push_back(format_diagnostic(root, Diagnostic{DiagId::IoError, 0, 0, ec.message()}));
    return;
  }
  while (it != end) {
    const fs::directory_entry& e = *it;
    std::error_code ec2;
    if (e.is_symlink(ec2)) {
      // Files behind symlinks are parsed; linked directories are not entered.
      if (e.is_regular_file(ec2) && e.path().extension() == ".py") files.push_back(e.path());
    } else if (e.is_directory(ec2)) {
      // Probe readability so the iterator's failure is reported with the path.
      std::error_code ec3;
      fs::directory_iterator probe(e.path(), ec3);
      if (ec3) {
        ++t->errors;
        t->failures.push_back(format_diagnostic(e.path().string(), Diagnostic{DiagId::IoError, 0, 0, ec3.message()}));
        it.disable_recursion_pending();
      }
    } else if (e.is_regular_file(ec2) && e.path().extension() == ".py") {
      files.push_back(e.path());
    }
    it.increment(ec);
    if (ec) {
      ++t->errors;
      t->failures.push_back(format_diagnostic(root, Diagnostic{DiagId::IoError, 0, 0, ec.message()}));
      break;
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) parse_file(f.string(), t);
}

}  // namespace

int cmd_parse(int argc, char** argv) {
  po::options_description options("portalis parse options");
  options.add_options()("paths", po::value<std::vector<std::string>>(), "files or directories")(
      "dump-ast", po::bool_switch(), "print ast.dump(ast.parse(src), include_attributes=True) of one FILE");
  po::positional_options_description positional;
  positional.add("paths", -1);
  po::variables_map vm;
  int rc = parse_options("usage: portalis parse [--dump-ast FILE | PATH...]", options, positional, argc, argv, vm);
  if (rc >= 0) return rc;
  if (!vm.count("paths")) {
    std::cerr << "portalis parse: missing PATH\n";
    return 2;
  }
  auto paths = vm["paths"].as<std::vector<std::string>>();
  if (vm["dump-ast"].as<bool>()) {
    if (paths.size() != 1) {
      std::cerr << "portalis parse: --dump-ast takes exactly one FILE\n";
      return 2;
    }
    return dump_one(paths[0]);
  }
  Totals t;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) walk(p, &t);
    else parse_file(p, &t);
  }
  double mbps = t.seconds > 0 ? t.bytes / 1e6 / t.seconds : 0;
  std::printf("files: %llu, bytes: %llu, lines: %llu, errors: %llu, seconds: %.3f, cpu_seconds: %.3f, MB/s: %.1f\n",
              static_cast<unsigned long long>(t.files), static_cast<unsigned long long>(t.bytes),
              static_cast<unsigned long long>(t.lines), static_cast<unsigned long long>(t.errors), t.seconds,
              t.cpu_seconds, mbps);
  for (const auto& f : t.failures) std::printf("%s\n", f.c_str());
  return t.errors ? 1 : 0;
}

}  // namespace portalis::cli
