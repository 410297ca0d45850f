// `portalis translate SOURCE... -o OUT`: the distributed job (src/cluster/job.h).
// Runs the same way alone, under mpirun and under srun.
#include <iostream>
#include <sstream>

#include "cli/command.h"
#include "cli/version.h"
#include "cluster/comm.h"
#include "cluster/job.h"

#ifndef PORTALIS_RUNTIME_DIR
#define PORTALIS_RUNTIME_DIR ""
#endif

namespace portalis::cli {

int cmd_translate(int argc, char** argv) {
  po::options_description options("portalis translate");
  cluster::JobOptions o;
  std::vector<std::string> sources;
  options.add_options()
      ("source", po::value<std::vector<std::string>>(&sources)->composing(), "Python files or directories (positional)")
      ("output,o", po::value<std::string>(&o.output), "output directory: the Cargo workspace, metrics, report, logs")
      ("exclude", po::value<std::vector<std::string>>(&o.excludes)->composing(),
       "glob to leave out: a name glob ('tests', '*_pb2.py') or, with '/', a relative-path glob; repeatable")
      ("no-default-excludes", po::bool_switch(&o.no_default_excludes),
       "do not skip .git, __pycache__, .venv and any virtualenv (pyvenv.cfg), build, site-packages, ... by default")
      ("resume", po::bool_switch(&o.resume), "skip files the journal of an earlier run finished and that did not change")
      ("exchange", po::value<std::string>(&o.exchange)->default_value("auto"),
       "summary exchange: auto (NCCL when every rank has a GPU, else MPI), mpi or nccl")
      ("progress", po::value<std::string>(&o.progress)->default_value("auto"),
       "progress display on rank 0: auto (redrawn line on a terminal, plain lines otherwise and under mpirun), tty, plain or off")
      ("runtime-path", po::value<std::string>(&o.runtime_path)->default_value(PORTALIS_RUNTIME_DIR),
       "path of the portalis_runtime crate as written into the Cargo manifests")
      ("rank-log-level", po::value<std::string>(&o.log_level)->default_value("info"),
       "level of OUT/logs/rank-N.log: trace, debug, info, warn, error")
      ("max-file-mb", po::value<uint64_t>(&o.max_file_mb)->default_value(256),
       "refuse input files larger than this (recorded as failed)")
      ("device", po::value<std::string>(&o.device)->default_value("auto"),
       "lex stage device: auto (the GPU when usable, else the CPU, saying why), cpu, or gpu (exit 2 without one)")
      ("lex-engine", po::value<std::string>(&o.lex_engine)->default_value("serial"),
       "CPU lexer: serial (per file) or scan (the GPU's algorithm on the host); the GPU always runs the scan")
      ("lex-batch-mb", po::value<uint64_t>(&o.lex_batch_mb)->default_value(64),
       "MB of source lexed per batch (one host-to-device copy each on the GPU)");
  po::options_description testing("Testing aids");
  testing.add_options()
      ("inject-fault", po::value<std::string>(&o.inject_fault), "RANK:PHASE: make a rank throw in walk|front|exchange|translate, or RANK:abort to crash it")
      ("delay-per-file-ms", po::value<uint32_t>(&o.delay_per_file_ms)->default_value(0),
       "sleep after each translated file (lets a test kill a run part-way)");
  options.add(testing);
  po::positional_options_description positional;
  positional.add("source", -1);

  // MPI first: mpirun's arguments never reach us, but MPI_Init wants argv.
  cluster::Comm comm(&argc, &argv);
  po::variables_map vm;
  // Usage errors and --help are printed by rank 0 only.
  std::ostringstream silenced;
  std::streambuf* out_buf = nullptr;
  std::streambuf* err_buf = nullptr;
  if (comm.rank() != 0) {
    out_buf = std::cout.rdbuf(silenced.rdbuf());
    err_buf = std::cerr.rdbuf(silenced.rdbuf());
  }
  int rc = parse_options("usage: portalis translate SOURCE... -o OUT [--config FILE] [--resume]\n"
                         "Translates a Python codebase to a Cargo workspace; run it under mpirun or srun to\n"
                         "distribute it (one rank per GPU). Exit status: 0 done (per-file failures are in\n"
                         "the report), 1 a rank failed, 2 bad input or options.",
                         options, positional, argc, argv, vm);
  if (out_buf) std::cout.rdbuf(out_buf);
  if (err_buf) std::cerr.rdbuf(err_buf);
  if (rc >= 0) return rc;

  o.sources = sources;
  o.version = kVersion;
  for (int i = 0; i < argc; ++i) o.command_line += (i ? " " : "portalis ") + std::string(i ? argv[i] : "translate");
  for (const auto& [key, value] : vm) {
    if (key == "source") continue;
    std::ostringstream v;
    if (auto* s = boost::any_cast<std::string>(&value.value())) v << *s;
    else if (auto* b = boost::any_cast<bool>(&value.value())) v << (*b ? "true" : "false");
    else if (auto* u = boost::any_cast<uint64_t>(&value.value())) v << *u;
    else if (auto* u32 = boost::any_cast<uint32_t>(&value.value())) v << *u32;
    else if (auto* list = boost::any_cast<std::vector<std::string>>(&value.value()))
      for (size_t i = 0; i < list->size(); ++i) v << (i ? "," : "") << (*list)[i];
    o.config_text += key + " = " + v.str() + "\n";
  }
  return cluster::run_job(comm, o);
}

}  // namespace portalis::cli
