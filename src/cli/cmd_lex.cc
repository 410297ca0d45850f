#include <iostream>

#include "cli/command.h"

namespace portalis::cli {

// Placeholder until the lex stage lands: says so rather than pretending.
int cmd_lex(int argc, char** argv) {
  std::cerr << "portalis lex: not implemented yet\n";
  return 2;
}

}  // namespace portalis::cli
