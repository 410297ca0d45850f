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
#include "kernels/lex_batch.h"
#include "lex/lexer.h"
#include "lex/tokenize_dump.h"

namespace portalis::cli {
namespace {

struct LexRequest {
  std::string path;
  bool dump_tokens = false;
  bool exact = false;
  kernels::Device device = kernels::Device::Auto;
  kernels::Engine engine = kernels::Engine::Serial;
};

// The one place that chooses how bytes become tokens: the serial lexer, or
// the scan lexer on the GPU (--device auto/gpu) or the host (--engine scan).
// Returns false when --device gpu cannot be honoured.
bool lex_with_engine(const LexRequest& req, const std::string& bytes, lex::TokenBuffer* out) {
  std::vector<std::string_view> one = {bytes};
  std::vector<lex::TokenBuffer> bufs;
  kernels::BatchStats st;
  std::string err;
  if (!kernels::lex_batch(one, req.device, req.engine, &bufs, &st, &err)) {
    std::cerr << "portalis lex: " << err << "\n";
    return false;
  }
  spdlog::info("lex: device {}, engine {}{}{}", st.device, st.engine, st.note.empty() ? "" : "; ", st.note);
  if (st.fallback_files) spdlog::info("lex: the scan handed {} to the serial lexer", req.path);
  *out = std::move(bufs[0]);
  return true;
}

int print_diagnostics(const std::string& path, const std::vector<Diagnostic>& diags) {
  for (const auto& d : diags) std::cerr << format_diagnostic(path, d) << "\n";
  return has_errors(diags) ? 1 : 0;
}

}  // namespace

int cmd_lex(int argc, char** argv) {
  po::options_description options("portalis lex options");
  options.add_options()("file", po::value<std::string>(), "the Python file to lex")(
      "dump-tokens", po::bool_switch(), "print the tokens as `python3 -m tokenize FILE` does")(
      "exact,e", po::bool_switch(), "with --dump-tokens: exact operator token names (tokenize -e)")(
      "device", po::value<std::string>()->default_value("auto"),
      "auto|cpu|gpu: auto uses a usable GPU and otherwise the CPU (says which at --log-level info)")(
      "engine", po::value<std::string>()->default_value("serial"),
      "serial|scan: the CPU engine (the GPU always runs the scan lexer)");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  int rc = parse_options("usage: portalis lex [--dump-tokens [-e]] [--device auto|cpu|gpu] [--engine serial|scan] FILE",
                         options, positional, argc, argv, vm);
  if (rc >= 0) return rc;
  if (!vm.count("file")) {
    std::cerr << "portalis lex: missing FILE\n";
    return 2;
  }
  LexRequest req{vm["file"].as<std::string>(), vm["dump-tokens"].as<bool>(), vm["exact"].as<bool>()};
  if (!kernels::parse_device(vm["device"].as<std::string>(), &req.device) ||
      !kernels::parse_engine(vm["engine"].as<std::string>(), &req.engine)) {
    std::cerr << "portalis lex: --device must be auto, cpu or gpu and --engine serial or scan\n";
    return 2;
  }

  Diagnostic io_diag;
  // Token offsets are 32-bit: refuse what cannot be indexed.
  auto src = read_source(req.path, &io_diag, uint64_t{0xFFFFFFF0});
  if (!src) {
    print_diagnostics(req.path, {io_diag});
    return 1;
  }

  lex::TokenBuffer buf;
  if (!lex_with_engine(req, src->bytes, &buf)) return 2;
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
