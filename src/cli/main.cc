#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/command.h"

namespace {

struct Subcommand {
  std::string_view name;
  int (*run)(int, char**);
  std::string_view summary;
};

constexpr Subcommand kSubcommands[] = {
    {"translate", portalis::cli::cmd_translate, "translate a Python codebase to a Cargo workspace (MPI-aware)"},
    {"parse", portalis::cli::cmd_parse, "parse files or directories; --dump-ast prints CPython's ast.dump"},
    {"lex", portalis::cli::cmd_lex, "lex a file; --dump-tokens prints what `python3 -m tokenize` prints"},
    {"version", portalis::cli::cmd_version, "print the version"},
};

int usage(std::ostream& out, int status) {
  out << "usage: portalis <command> [options]\n\ncommands:\n";
  for (const auto& s : kSubcommands) out << "  " << s.name << std::string(12 - s.name.size(), ' ') << s.summary << "\n";
  out << "\n`portalis <command> --help` describes a command's options.\n";
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(std::cerr, 2);
  std::string_view cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") return usage(std::cout, 0);
  if (cmd == "--version") cmd = "version";
  for (const auto& s : kSubcommands)
    if (s.name == cmd) return s.run(argc - 1, argv + 1);
  std::cerr << "portalis: unknown command '" << cmd << "'\n";
  return usage(std::cerr, 2);
}
