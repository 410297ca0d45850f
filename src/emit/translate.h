#pragma once
// The translator's entry points, called by the pipeline for each module and by
// rank 0 for the workspace manifests. CONTRACT shared by the job and the
// translator. Pure functions: no I/O here; the caller writes the files.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "emit/layout.h"
#include "base/diagnostic.h"
#include "index/summary.h"
#include "lex/lexer.h"

namespace portalis::translate {

struct ModuleInput {
  std::string module_name;  // dotted, as in the index
  std::string path;         // relative to the source root (diagnostics print it)
  bool is_package = false;
  const ast::Module* ast = nullptr;
  const lex::TokenBuffer* tokens = nullptr;  // for comments
  bool reuse_units = true;                    // lower::LowerOptions::reuse_units
};

struct GeneratedFile {
  std::string path;      // relative to the output workspace root
  std::string contents;
};

enum class TranslateStatus : uint8_t { Ok, Partial, Failed };

struct ModuleOutput {
  std::string module_name;
  std::vector<GeneratedFile> files;  // the module's .rs (and main.rs of its binary, if a program)
  std::string crate_name;            // crate the module belongs to
  std::string bin_name;              // "" unless the module runs as a program
  TranslateStatus status = TranslateStatus::Ok;
  std::vector<Diagnostic> diagnostics;
  uint32_t functions_static = 0;   // functions whose signature and locals are all statically typed
  uint32_t functions_dynamic = 0;  // functions that use the dynamic Value somewhere
  uint32_t stubs = 0;              // functions replaced by NotImplementedError stubs
  uint64_t ns_infer = 0, ns_lower = 0, ns_emit = 0;
};

// `layout` is compute_layout(index), computed once per index by the caller and
// shared by every module: it depends on the whole codebase, so computing it per
// module would make a job quadratic in its module count.
ModuleOutput translate_module(const ModuleInput& input, const index::GlobalIndex& index, const Layout& layout);

// Cargo.toml of the workspace and of each crate, lib.rs/mod.rs module trees.
// Depends only on the index (every rank has it), so any rank could write it;
// rank 0 does. runtime_path is the path of the runtime crate as written into
// the manifests (absolute, or relative to the workspace root).
std::vector<GeneratedFile> workspace_files(const index::GlobalIndex& index, std::string_view runtime_path);

}  // namespace portalis::translate
