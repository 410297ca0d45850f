#pragma once
// Subcommands of `portalis`. Each lives in its own cmd_<name>.cc and receives
// the arguments after its name (argv[0] is "portalis <name>").
#include <functional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace portalis::cli {

int cmd_version(int argc, char** argv);
int cmd_lex(int argc, char** argv);
int cmd_parse(int argc, char** argv);
int cmd_translate(int argc, char** argv);

namespace po = boost::program_options;

// Parses argv against `options` (plus --help, --config FILE, --log-level) and
// positional arguments; values from --config (INI, same keys as the command
// line) fill what the command line leaves unset. Returns -1 to go on, or an
// exit status (0 after --help, 2 after a usage error, which it has printed).
int parse_options(const std::string& usage, po::options_description& options,
                  const po::positional_options_description& positional, int argc, char** argv,
                  po::variables_map& vm);

}  // namespace portalis::cli
