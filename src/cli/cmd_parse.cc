#include <iostream>

#include "cli/command.h"

namespace portalis::cli {

// Placeholder until the parse stage lands: says so rather than pretending.
int cmd_parse(int argc, char** argv) {
  std::cerr << "portalis parse: not implemented yet\n";
  return 2;
}

}  // namespace portalis::cli
