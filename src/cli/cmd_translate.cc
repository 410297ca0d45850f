#include <iostream>

#include "cli/command.h"

namespace portalis::cli {

// Placeholder until the translate stage lands: says so rather than pretending.
int cmd_translate(int argc, char** argv) {
  std::cerr << "portalis translate: not implemented yet\n";
  return 2;
}

}  // namespace portalis::cli
