#include <iostream>

#include "cli/command.h"
#include "cli/version.h"

namespace portalis::cli {

int cmd_version(int argc, char** argv) {
  po::options_description options("portalis version");
  po::variables_map vm;
  if (int rc = parse_options("usage: portalis version", options, {}, argc, argv, vm); rc >= 0) return rc;
  std::cout << "portalis " << kVersion << " (Python 3.11 grammar)\n";
  return 0;
}

}  // namespace portalis::cli
