// Development driver: translates Python files into one Cargo workspace via
// translate_module + workspace_files (the real CLI command is `portalis
// translate`). Usage: translate_tool OUT_DIR RUNTIME_PATH FILE.py...
// Each file is a top-level module named after its stem. Prints one line per
// module: name status static dynamic stubs, then diagnostics.
// `--no-reuse` first: lower every round from scratch (checks the unit cache).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "emit/translate.h"
#include "index/summary.h"
#include "lex/lexer.h"
#include "parse/parser.h"

namespace fs = std::filesystem;
using namespace portalis;

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s OUT_DIR RUNTIME_PATH FILE.py...\n", argv[0]);
    return 2;
  }
  bool reuse = true;
  if (std::string_view(argv[1]) == "--no-reuse") {
    reuse = false;
    ++argv;
    --argc;
  }
  fs::path out_dir = argv[1];
  std::string runtime = argv[2];
  struct Unit {
    std::string name, path;
    lex::TokenBuffer tokens;
    parse::ParseResult parsed;
  };
  std::vector<Unit> units;
  index::GlobalIndex index;
  for (int i = 3; i < argc; ++i) {
    Unit u;
    u.path = argv[i];
    u.name = fs::path(u.path).stem().string();
    std::ifstream in(u.path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    u.tokens = lex::lex(bytes);
    u.parsed = parse::parse_module(u.tokens);
    if (!u.parsed.ok) {
      std::printf("%s parse-error\n", u.name.c_str());
      for (auto& d : u.parsed.diagnostics) std::printf("  %s\n", format_diagnostic(u.path, d).c_str());
      continue;
    }
    index.add(index::summarize(u.parsed.module, u.name, fs::path(u.path).filename().string(), false));
    units.push_back(std::move(u));
  }
  auto write = [&](const translate::GeneratedFile& f) {
    fs::path p = out_dir / f.path;
    fs::create_directories(p.parent_path());
    std::ofstream o(p, std::ios::binary);
    o << f.contents;
  };
  int failed = 0;
  const translate::Layout layout = translate::compute_layout(index);
  for (Unit& u : units) {
    translate::ModuleInput in;
    in.module_name = u.name;
    in.path = u.path;
    in.ast = &u.parsed.module;
    in.tokens = &u.tokens;
    in.reuse_units = reuse;
    translate::ModuleOutput mo = translate::translate_module(in, index, layout);
    const char* st = mo.status == translate::TranslateStatus::Ok ? "ok" : mo.status == translate::TranslateStatus::Partial ? "partial" : "failed";
    if (mo.status == translate::TranslateStatus::Failed) ++failed;
    std::printf("%s %s static=%u dynamic=%u stubs=%u bin=%s\n", u.name.c_str(), st, mo.functions_static,
                mo.functions_dynamic, mo.stubs, mo.bin_name.c_str());
    for (auto& d : mo.diagnostics) std::printf("  %s\n", format_diagnostic(u.path, d).c_str());
    for (auto& f : mo.files) write(f);
  }
  for (auto& f : translate::workspace_files(index, runtime)) write(f);
  return failed ? 1 : 0;
}
