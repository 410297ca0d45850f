#pragma once
// Where modules go in the output workspace: crates (one per top-level
// package; packages whose imports form a cycle share one), Rust module
// paths, file paths. Derived from the index only, so every rank agrees.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "index/summary.h"

namespace portalis::translate {

struct Layout {
  std::map<std::string, std::string> crate_of_top;  // top-level package -> crate name
  std::map<std::string, std::vector<std::string>> tops_of_crate;  // crate -> its top-level packages
  std::map<std::string, std::vector<std::string>> deps_of_crate;  // crate -> crates it imports
  // Module -> the names other modules of the codebase import from it ("*":
  // the whole module is imported, any name may be used). What it exports.
  std::map<std::string, std::set<std::string>> imported_names;
};

Layout compute_layout(const index::GlobalIndex& index);

std::string top_package(std::string_view module_name);
std::string rust_segment(std::string_view python_segment);  // `mod` -> `mod_`, `Foo-bar` -> `Foo_bar`
std::string crate_ident(std::string_view crate_name);         // as written in Rust paths
std::vector<std::string> rust_module_path(std::string_view module_name);
// File of a module's code, relative to the workspace root.
std::string module_file_path(std::string_view crate, std::string_view module_name, bool is_package);
// Immediate children (Rust names) of a module or package in the index, including implied packages.
std::vector<std::string> child_modules(const index::GlobalIndex& index, std::string_view module_name);

}  // namespace portalis::translate
