#pragma once
// Lowering: TypedModule -> Rust syntax tree (pure). Produces the module's
// Rust file; functions it cannot translate become stubs that raise
// NotImplementedError naming the construct, with a diagnostic each.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "lex/lexer.h"
#include "rust/tree.h"
#include "sema/infer.h"

namespace portalis::lower {

struct LowerOptions {
  std::string runtime_crate = "portalis_runtime";
  std::vector<std::string> child_modules;  // `pub mod x;` lines of a package module
  // Modules of the codebase this one imports (absolute dotted names, from the
  // exchanged index) -> the Rust path of their module, e.g. "shop.pricing" ->
  // "shop::shop::pricing" in another crate, "crate::pkg::util" in this one.
  std::map<std::string, std::string> codebase_modules;
  // Names other modules of the codebase import from this one ("*": any):
  // the module exports them through `pub fn py_attr(name) -> PyResult<Value>`.
  std::set<std::string> exports;
  std::string module_name;  // dotted, for messages
  // Reuse a function's lowering between the mix's rounds when nothing it
  // read changed (lower_cache.h); off only to check that reuse changes nothing.
  bool reuse_units = true;
};

struct LowerResult {
  rust::Tree tree;
  rust::RId file = rust::kNil;
  // Unsupported constructs (warnings) and, as notes (DynamicFallback), why
  // each dynamically lowered function is not static, at the construct.
  std::vector<Diagnostic> diagnostics;
  uint32_t functions_static = 0;
  uint32_t functions_dynamic = 0;
  uint32_t stubs = 0;
  bool has_main = false;  // the module defines `pub fn main() -> PyResult<()>`
};

LowerResult lower_module(const sema::TypedModule& tm, const lex::TokenBuffer* tokens, const LowerOptions& opts);

}  // namespace portalis::lower
