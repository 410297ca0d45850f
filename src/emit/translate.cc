// translate_module: infer -> lower -> print for one module, timed per stage.
#include "emit/translate.h"

#include <chrono>

#include "emit/layout.h"
#include "lower/lower.h"
#include "rust/tree.h"
#include "sema/infer.h"

namespace portalis::translate {

namespace {
uint64_t ns_since(std::chrono::steady_clock::time_point t0) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count());
}
// The layout depends on the whole index, so computing it per module made the
// translator quadratic in the number of modules (it dominated "emit" on the
// stdlib). Cache it per thread, together with a flat copy of exactly what
// compute_layout reads (module names, their imports' module names): checking
// that copy against the index is a plain compare, far cheaper than the layout.
struct LayoutCache {
  const index::GlobalIndex* index = nullptr;
  std::string names;              // every name, each followed by '\0'
  std::vector<uint32_t> counts;   // imports per module
  Layout layout;
};

bool same_names(const LayoutCache& c, const index::GlobalIndex& index) {
  if (c.index != &index || c.counts.size() != index.modules().size()) return false;
  size_t pos = 0, i = 0;
  auto eat = [&](const std::string& s) {
    if (c.names.size() < pos + s.size() + 1 || c.names[pos + s.size()] != '\0' ||
        c.names.compare(pos, s.size(), s) != 0)
      return false;
    pos += s.size() + 1;
    return true;
  };
  for (const auto& [name, s] : index.modules()) {
    if (c.counts[i++] != s.imports.size() || !eat(name)) return false;
    for (const index::ImportEntry& imp : s.imports)
      if (!eat(imp.module)) return false;
  }
  return pos == c.names.size();
}

const Layout& cached_layout(const index::GlobalIndex& index) {
  thread_local LayoutCache cache;
  if (!same_names(cache, index)) {
    cache.index = &index;
    cache.names.clear();
    cache.counts.clear();
    for (const auto& [name, s] : index.modules()) {
      cache.counts.push_back(static_cast<uint32_t>(s.imports.size()));
      cache.names.append(name).push_back('\0');
      for (const index::ImportEntry& imp : s.imports) cache.names.append(imp.module).push_back('\0');
    }
    cache.layout = compute_layout(index);
  }
  return cache.layout;
}
}  // namespace

ModuleOutput translate_module(const ModuleInput& input, const index::GlobalIndex& index) {
  ModuleOutput out;
  out.module_name = input.module_name;
  if (!input.ast || input.ast->root() == ast::kNone) {
    out.status = TranslateStatus::Failed;
    Diagnostic d;
    d.id = DiagId::InternalError;
    d.message = "no syntax tree to translate";
    out.diagnostics.push_back(std::move(d));
    return out;
  }
  const Layout& layout = cached_layout(index);
  std::string top = top_package(input.module_name);
  auto c = layout.crate_of_top.find(top);
  out.crate_name = c != layout.crate_of_top.end() ? c->second : rust_segment(top);

  auto t0 = std::chrono::steady_clock::now();
  sema::TypedModule tm = sema::infer(*input.ast, &index, input.module_name);
  out.ns_infer = ns_since(t0);

  t0 = std::chrono::steady_clock::now();
  lower::LowerOptions opts;
  if (input.is_package) opts.child_modules = child_modules(index, input.module_name);
  lower::LowerResult lr = lower::lower_module(tm, input.tokens, opts);
  out.ns_lower = ns_since(t0);

  t0 = std::chrono::steady_clock::now();
  out.files.push_back({module_file_path(out.crate_name, input.module_name, input.is_package),
                       rust::print_file(lr.tree, lr.file)});
  if (lr.has_main) {
    std::vector<std::string> segs = rust_module_path(input.module_name);
    out.bin_name = segs.back();
    // The binary's main.rs: a tiny tree of its own, through the same printer.
    rust::Tree t;
    rust::Builder b(t);
    std::string entry = crate_ident(out.crate_name);
    for (const std::string& s : segs) entry += "::" + s;
    entry += "::main";
    rust::RId body = b.block({b.expr_stmt(b.call("portalis_runtime::exc::run_main", {b.path(entry)}))});
    rust::RId file = b.file({b.fn("main", {}, rust::kNil, body)});
    out.files.push_back({out.crate_name + "/src/bin/" + out.bin_name + ".rs", rust::print_file(t, file)});
  }
  out.ns_emit = ns_since(t0);

  out.functions_static = lr.functions_static;
  out.functions_dynamic = lr.functions_dynamic;
  out.stubs = lr.stubs;
  out.diagnostics = std::move(lr.diagnostics);
  out.status = out.stubs > 0 ? TranslateStatus::Partial : TranslateStatus::Ok;
  return out;
}

}  // namespace portalis::translate
