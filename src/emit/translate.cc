// translate_module: infer -> lower -> print for one module, timed per stage.
#include "emit/translate.h"

#include <chrono>

#include "lower/lower.h"
#include "rust/tree.h"
#include "sema/infer.h"

namespace portalis::translate {

namespace {
uint64_t ns_since(std::chrono::steady_clock::time_point t0) {
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count());
}
}  // namespace

ModuleOutput translate_module(const ModuleInput& input, const index::GlobalIndex& index, const Layout& layout) {
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
  std::string top = top_package(input.module_name);
  auto c = layout.crate_of_top.find(top);
  out.crate_name = c != layout.crate_of_top.end() ? c->second : rust_segment(top);

  auto t0 = std::chrono::steady_clock::now();
  sema::TypedModule tm = sema::infer(*input.ast, &index, input.module_name);
  out.ns_infer = ns_since(t0);

  t0 = std::chrono::steady_clock::now();
  lower::LowerOptions opts;
  if (input.is_package) opts.child_modules = child_modules(index, input.module_name);
  opts.module_name = input.module_name;
  opts.reuse_units = input.reuse_units;
  if (auto ex = layout.imported_names.find(input.module_name); ex != layout.imported_names.end()) opts.exports = ex->second;
  if (const index::ModuleSummary* self = index.find(input.module_name)) {
    auto rust_path = [&](const std::string& module) {
      auto c = layout.crate_of_top.find(top_package(module));
      std::string crate = c != layout.crate_of_top.end() ? c->second : rust_segment(top_package(module));
      std::string path = crate == out.crate_name ? "crate" : crate_ident(crate);
      for (const std::string& seg : rust_module_path(module)) path += "::" + seg;
      return path;
    };
    for (const index::ImportEntry& imp : self->imports) {
      // `from pkg import sub` imports a module too.
      for (std::string m : {imp.module, imp.name.empty() ? std::string() : imp.module + "." + imp.name})
        if (!m.empty() && m != input.module_name && index.find(m)) opts.codebase_modules.emplace(m, rust_path(m));
    }
  }
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
