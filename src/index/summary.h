#pragma once
// ModuleSummary: the compact, versioned, binary summary of one module that
// ranks exchange so that every rank sees the whole codebase's top-level names.
// CONTRACT shared by the job (cluster) and the translator: extend by adding
// fields at the end and bumping kSummaryVersion; never reorder.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ast/ast.h"
#include "base/diagnostic.h"

namespace portalis::index {

inline constexpr uint32_t kSummaryVersion = 1;

enum class ParamKind : uint8_t { PosOnly, Normal, VarArgs, KwOnly, KwArgs };

struct Param {
  std::string name;
  std::string annotation;  // source text of the annotation, "" if none
  ParamKind kind = ParamKind::Normal;
  bool has_default = false;
  std::string inferred;    // type inferred from the codebase's call sites ("" = unknown)
};

enum FunctionFlags : uint32_t {
  kFnAsync = 1 << 0,
  kFnGenerator = 1 << 1,
  kFnStaticMethod = 1 << 2,
  kFnClassMethod = 1 << 3,
  kFnProperty = 1 << 4,
  kFnDecorated = 1 << 5,  // any other decorator
};

struct FunctionSig {
  std::string name;
  std::vector<Param> params;
  std::string returns;  // annotation source text, "" if none
  uint32_t flags = 0;
  uint32_t line = 0;
};

enum ClassFlags : uint32_t { kClsDataclass = 1 << 0, kClsException = 1 << 1 };

struct ClassSummary {
  std::string name;
  std::vector<std::string> bases;   // source text, e.g. "Exception", "pkg.Base"
  std::vector<FunctionSig> methods;
  std::vector<std::string> fields;  // class-level annotated names, then self.X assigned in methods, in first-seen order
  uint32_t flags = 0;
  uint32_t line = 0;
};

struct ImportEntry {
  std::string module;  // absolute dotted module after resolving `level` against this module
  std::string name;    // "" for `import module`; the imported name for `from module import name`
  std::string asname;  // "" if none
  uint32_t level = 0;  // as written (0 = absolute)
};

struct ModuleSummary {
  std::string module_name;  // dotted, e.g. "pkg.sub.mod"; a package's __init__ is "pkg"
  std::string path;         // path relative to its source root
  bool is_package = false;  // an __init__.py
  bool is_program = false;  // runs as a program (__main__ block or top-level statements)
  std::vector<ImportEntry> imports;
  std::vector<FunctionSig> functions;
  std::vector<ClassSummary> classes;
  std::vector<std::string> globals;  // module-level assigned names, first-seen order
};

// Builds the summary of a parsed module. Pure.
ModuleSummary summarize(const ast::Module& module, std::string_view module_name, std::string_view path,
                        bool is_package);

// Versioned little-endian binary encoding; decode rejects other versions and
// truncated input with a diagnostic instead of crashing.
std::string serialize(const ModuleSummary& summary);
std::optional<ModuleSummary> deserialize(std::string_view blob, Diagnostic* error);

// Every module's summary, by dotted name. Deterministic iteration (sorted).
class GlobalIndex {
 public:
  void add(ModuleSummary summary);
  const ModuleSummary* find(std::string_view module_name) const;
  const std::map<std::string, ModuleSummary, std::less<>>& modules() const { return modules_; }
  // Whether a module other than `module_name` imports it (`import m`,
  // `from m import x`, `from pkg import m`). Kept by add(), so asking per
  // module stays linear in the codebase.
  bool imported_by_other(std::string_view module_name) const;

 private:
  std::map<std::string, ModuleSummary, std::less<>> modules_;
  std::map<std::string, std::set<std::string>, std::less<>> importers_;  // imported name -> importing modules
};

// "pkg/sub/mod.py" -> "pkg.sub.mod"; "pkg/__init__.py" -> "pkg".
std::string module_name_for_path(std::string_view relative_path);

}  // namespace portalis::index
