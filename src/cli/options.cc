#include <fstream>
#include <iostream>

#include <spdlog/spdlog.h>

#include "cli/command.h"

namespace portalis::cli {

int parse_options(const std::string& usage, po::options_description& options,
                  const po::positional_options_description& positional, int argc, char** argv,
                  po::variables_map& vm) {
  po::options_description common("Common options");
  common.add_options()("help,h", "show this help")(
      "config", po::value<std::string>(), "read options from an INI file (same keys as the command line)")(
      "log-level", po::value<std::string>()->default_value("warn"),
      "trace, debug, info, warn, error, critical or off");
  po::options_description all;
  all.add(options).add(common);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("config")) {
      const std::string path = vm["config"].as<std::string>();
      std::ifstream in(path);
      if (!in) {
        std::cerr << "portalis: cannot read config file " << path << "\n";
        return 2;
      }
      // Unknown keys belong to other subcommands: the INI files are shared.
      po::store(po::parse_config_file(in, all, /*allow_unregistered=*/true), vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "portalis: " << e.what() << "\n" << usage << "\n" << all << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << usage << "\n" << all << "\n";
    return 0;
  }
  auto level = spdlog::level::from_str(vm["log-level"].as<std::string>());
  spdlog::set_level(level);
  return -1;
}

}  // namespace portalis::cli
