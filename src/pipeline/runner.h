#pragma once
// The per-module stage runner: read -> lex -> parse -> index, then (with the
// whole codebase's index at hand) infer -> lower -> emit. Pure apart from
// reading the input file: no MPI, no HDF5, no output writes (the job writes
// what translate_stage returns). Every stage is timed into the FileRecord.
#include <memory>
#include <string>
#include <vector>

#include "index/summary.h"
#include "lex/lexer.h"
#include "pipeline/record.h"

namespace portalis::pipeline {

struct FileInput {
  std::string path;           // as reached from the command line (opened, reported)
  std::string relative_path;  // relative to its source root (names the module)
  std::string walk_error;     // set when the walk could not read the entry
};

struct FrontState;  // tokens + AST, alive between the two halves

// One module on its way through the stages.
struct ModuleUnit {
  FileRecord record;
  std::string relative_path;
  bool is_package = false;
  std::string bytes;         // the source; dropped after the front end
  std::string summary_blob;  // serialize(ModuleSummary); "" when indexing did not happen
  std::shared_ptr<FrontState> state;
  ModuleUnit();
  ~ModuleUnit();
  ModuleUnit(ModuleUnit&&) noexcept;
  ModuleUnit& operator=(ModuleUnit&&) noexcept;
};

// Reads the bytes and hashes them (the resume journal decides on the hash
// whether the later stages must run). On failure the record says Failed.
ModuleUnit read_stage(const FileInput& input, uint64_t max_bytes);

// Hands over tokens lexed elsewhere (the job lexes a shard in batches with
// kernels/lex_batch.h, which equals lex::lex), with the lex time attributed
// to this file; front_stages then skips its own lexing. No-op on a failed unit.
void set_tokens(ModuleUnit& unit, lex::TokenBuffer tokens, uint64_t lex_ns);

// lex -> parse -> index. Keeps tokens and AST for translate_stage.
void front_stages(ModuleUnit& unit);

struct GeneratedFile {
  std::string path;  // relative to the output root
  std::string contents;
};

struct TranslateResult {
  std::vector<GeneratedFile> files;
  bool ran = false;  // false when the translator is not built
};

// What every module's translation derives from the whole codebase (the crate
// layout): computed once per global index, shared by all translate_stage calls.
struct TranslatePlan;
std::shared_ptr<const TranslatePlan> plan_translation(const index::GlobalIndex& index);

// infer -> lower -> emit for one module with the global index and the plan
// made from it; frees the module's AST afterwards.
TranslateResult translate_stage(ModuleUnit& unit, const index::GlobalIndex& index, const TranslatePlan& plan);

// Workspace manifests (Cargo.toml, lib.rs trees): empty when the translator
// is not built.
std::vector<GeneratedFile> workspace_stage(const index::GlobalIndex& index, const std::string& runtime_path);

// Names of stages this build does not link, e.g. "parse, index, infer".
std::string missing_stages();

}  // namespace portalis::pipeline
