#include "emit/layout.h"

#include <algorithm>
#include <functional>
#include <set>

#include "rust/tree.h"

namespace portalis::translate {

std::string top_package(std::string_view m) { return std::string(m.substr(0, m.find('.'))); }

std::string rust_segment(std::string_view s) {
  std::string e = rust::escape_ident(s);
  if (e.rfind("r#", 0) == 0) return e.substr(2) + "_";  // keywords: a file can't be named r#mod
  return e;
}

std::string crate_ident(std::string_view crate) {
  std::string s(crate);
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

std::vector<std::string> rust_module_path(std::string_view m) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t dot = m.find('.', start);
    out.push_back(rust_segment(m.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start)));
    // src/lib.rs, src/main.rs and src/bin/ are Cargo's own: a top-level
    // module of that name gets a trailing underscore, like a keyword.
    if (start == 0 && (out.back() == "lib" || out.back() == "main" || out.back() == "bin")) out.back() += "_";
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

std::string module_file_path(std::string_view crate, std::string_view module_name, bool is_package) {
  std::string p = std::string(crate) + "/src";
  for (const std::string& s : rust_module_path(module_name)) p += "/" + s;
  return is_package ? p + "/mod.rs" : p + ".rs";
}

std::vector<std::string> child_modules(const index::GlobalIndex& index, std::string_view module_name) {
  std::set<std::string> kids;
  std::string prefix = std::string(module_name) + ".";
  auto it = index.modules().lower_bound(prefix);
  for (; it != index.modules().end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    std::string_view rest = std::string_view(it->first).substr(prefix.size());
    kids.insert(rust_segment(rest.substr(0, rest.find('.'))));
  }
  return {kids.begin(), kids.end()};
}

namespace {
// Names Cargo or rustc reserve for crates.
bool reserved_crate(std::string_view n) {
  return n == "std" || n == "core" || n == "alloc" || n == "test" || n == "proc_macro" || n == "portalis_runtime" ||
         n == "build" || n == "target";
}
}  // namespace

Layout compute_layout(const index::GlobalIndex& index) {
  // Graph over top-level packages, edges from imports; Tarjan's SCCs
  // (iterative) merge cycles into one crate.
  std::vector<std::string> tops;
  std::map<std::string, size_t> id;
  for (auto& [name, s] : index.modules()) {
    std::string t = top_package(name);
    if (!id.count(t)) {
      id[t] = tops.size();
      tops.push_back(t);
    }
  }
  std::vector<std::set<size_t>> edges(tops.size());
  for (auto& [name, s] : index.modules()) {
    size_t from = id[top_package(name)];
    for (const index::ImportEntry& imp : s.imports) {
      auto t = id.find(top_package(imp.module));
      if (t != id.end() && t->second != from) edges[from].insert(t->second);
    }
  }
  size_t n = tops.size();
  std::vector<int> index_of(n, -1), low(n, 0), comp(n, -1);
  std::vector<bool> on_stack(n, false);
  std::vector<size_t> stack;
  int counter = 0, ncomp = 0;
  for (size_t root = 0; root < n; ++root) {
    if (index_of[root] >= 0) continue;
    std::vector<std::pair<size_t, std::set<size_t>::iterator>> work{{root, edges[root].begin()}};
    index_of[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!work.empty()) {
      auto& [v, it] = work.back();
      if (it != edges[v].end()) {
        size_t w = *it++;
        if (index_of[w] < 0) {
          index_of[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          work.push_back({w, edges[w].begin()});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index_of[w]);
        }
        continue;
      }
      if (low[v] == index_of[v]) {
        while (true) {
          size_t w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          comp[w] = ncomp;
          if (w == v) break;
        }
        ++ncomp;
      }
      size_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
    }
  }
  // Crate name: the smallest package name of the component.
  std::vector<std::string> comp_name(ncomp);
  for (size_t i = 0; i < n; ++i)
    if (comp_name[comp[i]].empty() || tops[i] < comp_name[comp[i]]) comp_name[comp[i]] = tops[i];
  Layout L;
  for (size_t i = 0; i < n; ++i) {
    std::string c = rust_segment(comp_name[comp[i]]);
    if (reserved_crate(c) || c.front() == '_') c = "py_" + c;
    L.crate_of_top[tops[i]] = c;
    L.tops_of_crate[c].push_back(tops[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    std::set<std::string> deps;
    for (size_t w : edges[i])
      if (comp[w] != comp[i]) deps.insert(L.crate_of_top[tops[w]]);
    auto& d = L.deps_of_crate[L.crate_of_top[tops[i]]];
    d.insert(d.end(), deps.begin(), deps.end());
  }
  for (auto& [c, d] : L.deps_of_crate) {
    std::sort(d.begin(), d.end());
    d.erase(std::unique(d.begin(), d.end()), d.end());
  }
  for (auto& [name, s] : index.modules())
    for (const index::ImportEntry& imp : s.imports) {
      if (imp.module == name || !index.find(imp.module)) continue;
      std::string sub = imp.name.empty() ? std::string() : imp.module + "." + imp.name;
      if (imp.name.empty()) L.imported_names[imp.module].insert("*");
      else if (index.find(sub)) L.imported_names[sub].insert("*");  // `from pkg import module`
      else L.imported_names[imp.module].insert(imp.name);
    }
  return L;
}

}  // namespace portalis::translate
