#pragma once
// `portalis translate` as a distributed job (see docs/metrics.md and issue 3):
// rank 0 walks and plans, every rank runs the front end on its shard, the
// summaries are all-gathered, every rank translates its shard and writes its
// files, records are gathered to rank 0, which writes the metrics, the report
// and the workspace manifests.
#include <cstdint>
#include <string>
#include <vector>

#include "cluster/comm.h"

namespace portalis::cluster {

struct JobOptions {
  std::vector<std::string> sources;
  std::string output;
  std::vector<std::string> excludes;  // replaces the defaults when non-empty
  bool no_default_excludes = false;
  bool resume = false;
  std::string exchange = "auto";      // auto | mpi | nccl
  std::string progress = "auto";      // auto | tty | plain | off
  std::string runtime_path;           // runtime crate as written into the manifests
  std::string log_level = "info";     // of OUT/logs/rank-N.log
  uint64_t max_file_mb = 256;
  // The lex stage (kernels/lex_batch.h): device auto | cpu | gpu, engine
  // serial | scan (the GPU always runs the scan), files lexed per batch.
  std::string device = "auto";
  std::string lex_engine = "serial";
  uint64_t lex_batch_mb = 64;
  std::string version;
  std::string command_line;
  std::string config_text;            // effective options, "key = value" lines
  // Testing aids: a rank that throws in a phase ("RANK:PHASE", phases
  // walk|front|exchange|translate|gather), a pause per file to make a kill
  // land mid-run.
  std::string inject_fault;
  uint32_t delay_per_file_ms = 0;
};

// Returns the process exit status: 0 done (files may have failed; the
// records say which), 1 a rank failed, 2 bad input or options.
int run_job(const Comm& comm, const JobOptions& options);

}  // namespace portalis::cluster
