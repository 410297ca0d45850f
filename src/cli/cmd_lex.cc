// `portalis lex FILE`: lexes one file. --dump-tokens prints what
// `python3 -m tokenize FILE` prints (-e/--exact: exact operator names);
// without it, a one-line summary. Lexing errors go to stderr as
// FILE:LINE:COL: SyntaxError: MSG and the exit status is 1.
//
// Engines: the lexer that produces the TokenBuffer is picked through
// `lex_with_engine`, so further engines (--engine scan, --device gpu) plug in
// there without touching the output code.
#include <cstdio>
#include <iostream>
#include <string>

#include <spdlog/spdlog.h>

#include "base/source.h"
#include "cli/command.h"
#include "lex/lexer.h"
#include "lex/tokenize_dump.h"

namespace portalis::cli {
namespace {

struct LexRequest {
  std::string path;
  bool dump_tokens = false;
  bool exact = false;
};

// The one place that chooses how bytes become tokens.
lex::TokenBuffer lex_with_engine(const std::string& bytes) { return lex::lex(bytes); }

int print_diagnostics(const std::string& path, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags) std::cerr << format_diagnostic(path, d) << "\n";
  return has_errors(diags) ? 1 : 0;
}

}  // namespace

int cmd_lex(int argc, char** argv) {
  po::options_description options("portalis lex options");
  options.add_options()("file", po::value<std::string>(), "the Python file to lex")(
      "dump-tokens", po::bool_switch(), "print the tokens as `python3 -m tokenize FILE` does")(
      "exact,e", po::bool_switch(), "with --dump-tokens: exact operator token names (tokenize -e)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  int rc = parse_options("usage: portalis lex [--dump-tokens [-e]] FILE", options, positional, argc, argv, vm);
  if (rc >= 0) return rc;
  if (!vm.count("file")) {
    std::cerr << "portalis lex: missing FILE\n";
    return 2;
  }
  LexRequest req{vm["file"].as<std::string>(), vm["dump-tokens"].as<bool>(), vm["exact"].as<bool>()};

  Diagnostic io_diag;
  // Token offsets are 32-bit: refuse what cannot be indexed.
  auto src = read_source(req.path, &io_diag, uint64_t{0xFFFFFFF0});
  if (!src) return print_diagnostics(req.path, {io_diag}) ? 1 : 1;

  lex::TokenBuffer buf = lex_with_engine(src->bytes);
  spdlog::info("lexed {}: {} bytes, {} tokens, {} diagnostics", req.path, src->bytes.size(), buf.tokens.size(),
               buf.diagnostics.size());
  if (req.dump_tokens) {
    std::string text = lex::tokenize_dump(buf, req.exact);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  } else {
    std::cout << req.path << ": " << src->bytes.size() << " bytes, " << buf.line_starts.size() << " lines, "
              << buf.tokens.size() << " tokens, encoding " << buf.encoding << "\n";
  }
  return print_diagnostics(req.path, buf.diagnostics);
}

}  // namespace portalis::cli
