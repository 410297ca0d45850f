#pragma once
// What rank 0 knows at the end of a job, as written to
// OUT/portalis-metrics.h5 (schema: docs/metrics.md) and OUT/portalis-report.json.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/record.h"

namespace portalis::io {

struct RankRecord {
  int32_t rank = 0;
  std::string host;
  std::string device;   // GPU name, or "cpu"
  bool gpu_used = false;
  uint64_t files = 0, bytes = 0, lines = 0;
  uint64_t files_resumed = 0;
  std::array<uint64_t, pipeline::kStageCount> ns{};  // stage totals over the rank's files
  uint64_t ns_exchange = 0;      // the summary all-gather
  uint64_t exchange_bytes = 0;   // bytes this rank received in it
  uint64_t ns_wall = 0;          // the rank's whole job
  uint64_t peak_rss_bytes = 0;
  uint64_t ns_cpu = 0;           // user + system CPU time of the rank (getrusage)
  // The lex stage (kernels/lex_batch.h), summed over the rank's batches.
  std::string lex_device;        // "gpu: <name>" or "cpu"
  std::string lex_note;          // why auto chose the CPU, or why the GPU fell back
  std::string lex_engine;        // "serial", "scan-host" or "scan-gpu"
  bool lex_gpu = false;          // the GPU lexed at least one batch
  uint64_t lex_files = 0, lex_scan_files = 0, lex_fallback_files = 0, lex_bytes = 0, lex_batches = 0;
  uint64_t ns_lex_batch = 0;     // whole lex_batch calls (decode, pack, scan, unpack)
  uint64_t ns_lex_h2d = 0, ns_lex_kernel = 0, ns_lex_d2h = 0;  // GPU steps; 0 on the CPU
};

struct RunInfo {
  std::string version;
  std::string command_line;
  std::string config;       // "key = value" lines, effective options
  int32_t ranks = 1;
  std::vector<std::string> hosts;  // distinct, sorted
  std::string start_time, end_time;  // ISO 8601 UTC
  double wall_seconds = 0;
  std::string exchange;      // "mpi-allgatherv" or "nccl-allgather"
  std::string missing_stages;  // stages this build does not link
  uint64_t exchange_total_bytes = 0;
};

struct StageRow {
  std::string stage;
  uint64_t files = 0;           // files for which the stage ran
  uint64_t total_ns = 0;        // summed over files
  uint64_t max_rank_ns = 0;     // the slowest rank's total
  double mean_rank_ns = 0;
  double imbalance = 0;         // max / mean over ranks
  double mb_per_s = 0;          // bytes of the files it ran on / total_ns
  double lines_per_s = 0;
};

struct Metrics {
  RunInfo run;
  std::vector<pipeline::FileRecord> files;  // sorted by path
  std::vector<RankRecord> ranks;            // by rank
};

std::vector<StageRow> stage_rows(const Metrics& m);

}  // namespace portalis::io
