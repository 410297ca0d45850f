#pragma once
// FileRecord: what the job knows about one input file after its stages ran.
// Produced by the pipeline, gathered to rank 0, written to HDF5 and JSON.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace portalis::pipeline {

enum class Stage : uint8_t {
#define PORTALIS_STAGE(Id, Name, Doc) Id,
#include "pipeline/stages.def"
#undef PORTALIS_STAGE
  Count
};
inline constexpr size_t kStageCount = static_cast<size_t>(Stage::Count);
std::string_view stage_name(Stage s);

// Whether this build links the code that runs a stage. A stage that is not
// built is reported as skipped; nothing pretends it ran.
bool stage_built(Stage s);

enum class FileStatus : uint8_t {
  Ok,       // every built stage succeeded
  Partial,  // went through, with stubs or unsupported constructs
  Failed,   // some stage failed; its diagnostics say why
};
std::string_view status_name(FileStatus s);

struct FileRecord {
  std::string path;         // as reached from the command-line source argument
  std::string module_name;  // dotted
  int32_t rank = -1;
  uint64_t bytes = 0, lines = 0, tokens = 0, nodes = 0;
  FileStatus status = FileStatus::Ok;
  Stage failed_stage = Stage::Count;  // Count = none failed
  uint32_t stages_run = 0;            // bit per Stage that actually ran
  uint32_t errors = 0, warnings = 0, notes = 0;
  uint32_t functions_static = 0, functions_dynamic = 0, stubs = 0;
  uint32_t outputs = 0;               // files written for this module
  uint64_t content_hash = 0;          // of the input bytes
  bool resumed = false;               // taken from the journal of an earlier run
  std::array<uint64_t, kStageCount> ns{};
  std::vector<Diagnostic> diagnostics;

  void add_diagnostic(Diagnostic d);
  uint64_t total_ns() const;
};

// Binary encoding for the gather to rank 0 and the resume journal.
void encode_record(const FileRecord& r, std::string& out);
// Reads one record at *pos; advances *pos. nullopt on truncated input.
std::optional<FileRecord> decode_record(std::string_view in, size_t* pos);

// FNV-1a over the bytes: the resume journal's content hash.
uint64_t content_hash(std::string_view bytes);

}  // namespace portalis::pipeline
