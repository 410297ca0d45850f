#pragma once
// Lexing many files at once: packs them into one buffer and runs the scan
// lexer on the GPU or the host, or runs the serial CPU lexer per file.
// Files the scan cannot handle exactly (see kernels/scan_fst.h) go through the
// serial lexer and are counted, so the output always equals lex::lex().
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lex/lexer.h"

namespace portalis::kernels {

enum class Device { Auto, Cpu, Gpu };
enum class Engine { Serial, Scan };

bool parse_device(std::string_view s, Device* d);  // "auto" "cpu" "gpu"
bool parse_engine(std::string_view s, Engine* e);  // "serial" "scan"

struct BatchOptions {
  // Files are packed into batches of at most this many (decoded) bytes; one
  // GPU batch needs about 2 bytes + 50 bytes per token of device memory.
  uint64_t max_batch_bytes = uint64_t{1} << 30;
  // Chunk size of the host scan engine (0: kDefaultChunk). The result does
  // not depend on it; the GPU picks its own.
  uint32_t host_chunk = 0;
};

struct BatchStats {
  std::string device;       // "gpu: <name>" or "cpu"
  std::string note;         // why auto chose the CPU, or why the GPU run fell back
  std::string engine;       // "serial", "scan-host" or "scan-gpu"
  uint64_t files = 0;
  uint64_t scan_files = 0;      // files whose tokens came from the scan
  uint64_t fallback_files = 0;  // files the scan handed to the serial lexer
  uint64_t bytes = 0;
  uint64_t batches = 0;
  std::vector<uint8_t> file_status;  // per file: 0 = scan, else kernels::FileStatus (why it fell back)
  double pack_s = 0, h2d_s = 0, kernel_s = 0, d2h_s = 0, lex_s = 0, unpack_s = 0;
};

// Returns false (and *error) only for --device gpu without a usable GPU, or a
// GPU failure with --device gpu; with auto, GPU failures fall back to the CPU.
bool lex_batch(const std::vector<std::string_view>& sources, Device device, Engine engine,
               std::vector<lex::TokenBuffer>* out, BatchStats* stats, std::string* error);
bool lex_batch(const std::vector<std::string_view>& sources, Device device, Engine engine, const BatchOptions& opts,
               std::vector<lex::TokenBuffer>* out, BatchStats* stats, std::string* error);

}  // namespace portalis::kernels
