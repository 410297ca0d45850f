#pragma once
// The scan lexer over a packed batch of files, on the host (the same phases
// as the CUDA kernels, run as loops) or on the GPU (kernels/scan_gpu.cu).
#include <cstdint>
#include <string>
#include <vector>

#include "kernels/scan_phases.h"

namespace portalis::kernels {

struct ScanResult {
  std::vector<Token> tokens;               // emitted tokens of all files that went through the scan
  std::vector<uint32_t> file_offset;       // nfiles + 1: file f's tokens are [file_offset[f], file_offset[f+1])
  std::vector<uint8_t> file_status;        // FileStatus per file
  uint64_t raw_tokens = 0;
};

// Seconds per phase (host engine) or per step (GPU; see GpuTimings).
struct ScanTimings {
  double fst = 0;        // transfer functions + their scan + marking
  double tokens = 0;     // compaction + classification
  double structure = 0;  // per-file line structure + emission
};

inline constexpr uint32_t kDefaultChunk = 4096;

const FstTables& fst_tables();  // built once

void scan_batch_host(const BatchView& v, ScanResult* out, ScanTimings* timings = nullptr);

// ---- GPU -------------------------------------------------------------------
struct GpuInfo {
  bool usable = false;
  std::string name;  // device name when usable
  std::string why;   // why not, when not
};
// Never throws; without CUDA support compiled in, says so.
GpuInfo probe_gpu();

struct GpuTimings {
  double alloc = 0;    // device allocations
  double h2d = 0;      // host-to-device copy of the batch
  double kernel = 0;   // all kernels and device scans (events)
  double d2h = 0;      // device-to-host copy of the tokens
  // The kernel time split by phase (CUDA events between them), in order.
  std::vector<std::pair<std::string, double>> phases;
};

// `v.data` should be pinned (alloc_pinned) for full copy speed. Returns false
// with *error set on any CUDA failure (including out of memory).
bool scan_batch_gpu(const BatchView& v, ScanResult* out, GpuTimings* timings, std::string* error);

// Pinned host memory when CUDA is available, plain memory otherwise.
void* alloc_pinned(size_t bytes, bool* pinned);
void free_pinned(void* p, bool pinned);

}  // namespace portalis::kernels
