// Imports between the modules of the codebase. A module that others import
// from exports `pub fn py_attr(name: &str) -> PyResult<Value>` (its functions
// and classes as Values); an importer calls `<crate>::<module>::py_attr("f")?`
// and uses the Value like any other, so caller and callee may each be static,
// mixed or dynamic, and on different ranks: both sides follow from the index.
#include "lower/lower_impl.h"

namespace portalis::lower {

NodeId Lowerer::module_literal(std::string_view n) {
  NodeId only = kNone;
  int count = 0;
  for (NodeId st : list_of(m_.root(), fld::Module::body)) {
    NodeId t = kNone, v = kNone;
    if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1) {
      t = list_of(st, fld::Assign::targets)[0];
      v = slot(st, fld::Assign::value);
    } else if (kind(st) == Kind::AnnAssign) {
      t = slot(st, fld::AnnAssign::target);
      v = slot(st, fld::AnnAssign::value);
    }
    if (t != kNone && kind(t) == Kind::Name && ident(t, fld::Name::id) == n) {
      ++count;
      only = v;
    }
  }
  auto literal = [&](NodeId v) {
    if (v == kNone) return false;
    if (kind(v) == Kind::Constant) return true;
    int64_t x;
    if (is_int_literal(v, &x)) return true;
    if (kind(v) == Kind::Tuple) {
      for (NodeId el : list_of(v, fld::Tuple::elts))
        if (kind(el) != Kind::Constant) return false;
      return true;
    }
    return false;
  };
  const sema::Var* var = tm_.funcs[0].find(n);
  if (count == 1 && literal(only) && var && !var->reassigned && !d_global_declared(n)) return only;
  return kNone;
}

bool Lowerer::module_body_runs() {
  // Python runs an imported module's body once; only bodies that do more
  // than bind functions, classes and literal constants need that here.
  auto stmts = list_of(m_.root(), fld::Module::body);
  for (size_t i = 0; i < stmts.size(); ++i) {
    NodeId st = stmts[i];
    Kind k = kind(st);
    if (k == Kind::Import || k == Kind::ImportFrom || k == Kind::ClassDef || k == Kind::Pass || st == tm_.main_guard) continue;
    if (k == Kind::FunctionDef && !d_def_runs(st)) continue;
    if (k == Kind::Expr && i == 0 && kind(slot(st, fld::Expr::value)) == Kind::Constant) continue;
    NodeId t = kNone;
    if (k == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1) t = list_of(st, fld::Assign::targets)[0];
    else if (k == Kind::AnnAssign) t = slot(st, fld::AnnAssign::target);
    if (t != kNone && kind(t) == Kind::Name && module_literal(ident(t, fld::Name::id)) != kNone) continue;
    return true;
  }
  return false;
}

bool Lowerer::module_exported(std::string_view name) const {
  if (opts_.exports.empty()) return false;
  return opts_.exports.count("*") > 0 || opts_.exports.count(std::string(name)) > 0;
}

void Lowerer::module_exports(Ids& items) {
  if (opts_.exports.empty() || !(dyn_ || mixed())) return;
  const bool all = opts_.exports.count("*") > 0;
  auto wanted = [&](const std::string& n) { return all || opts_.exports.count(n) > 0; };
  // The module body as `py_init`, run once by the first attribute access
  // (the module is marked imported first, as Python does, so a cycle of
  // imports sees the names bound so far).
  const bool init = module_body_runs();
  if (init) {
    // A unit like the others (the same one in every round: `init` and the
    // exports do not change), so later rounds replay it.
    unit(items, [&] {
      init_fn_ = true;
      items.push_back(d_function(0));
      init_fn_ = false;
    });
  }
  cur_ = 0;
  Ids arms;
  std::set<std::string> exported;
  for (uint32_t f = 1; f < tm_.funcs.size(); ++f) {
    const sema::Function& fn = tm_.funcs[f];
    if (fn.cls >= 0 || fn.node == kNone || !wanted(fn.name) || tm_.func_by_name.find(fn.name) == tm_.func_by_name.end() ||
        tm_.func_by_name.at(fn.name) != f)
      continue;
    // A static function becomes dynamic next round (its value takes Values).
    arms.push_back(b_.arm(b_.pat_lit(b_.str_lit(fn.name)), kNil, b_.call(b_.path("Ok"), {d_func_ref(f)})));
  }
  for (uint32_t ci = 0; ci < tm_.classes.size(); ++ci) {
    const std::string& n = tm_.classes[ci].name;
    // Classes are dynamic (type_<name>()) in dynamic and mixed modules.
    if (!wanted(n) || d_is_exception_class(n) || !(dyn_ || mixed())) continue;
    arms.push_back(b_.arm(b_.pat_lit(b_.str_lit(n)), kNil, b_.call(b_.path("Ok"), {b_.call(type_fn(ci), {})})));
  }
  // Module-level constants: an immutable literal bound once reads the same
  // whenever it is evaluated, so the export evaluates it on each access.
  // Other module-level values would need the module body to run at import.
  for (NodeId st : list_of(m_.root(), fld::Module::body)) {
    NodeId t = kNone;
    if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1) t = list_of(st, fld::Assign::targets)[0];
    else if (kind(st) == Kind::AnnAssign) t = slot(st, fld::AnnAssign::target);
    if (t == kNone || kind(t) != Kind::Name) continue;
    std::string n(ident(t, fld::Name::id));
    if (!wanted(n) || tm_.func_by_name.count(n) || tm_.class_by_name.count(n) || exported.count(n)) continue;
    exported.insert(n);
    if (NodeId v = module_literal(n); v != kNone) {
      arms.push_back(b_.arm(b_.pat_lit(b_.str_lit(n)), kNil, b_.call(b_.path("Ok"), {d_expr(v)})));
    } else if (init) {
      // Bound by the module body (py_init mirrors it into the global table).
      arms.push_back(b_.arm(b_.pat_lit(b_.str_lit(n)), kNil, b_.call(rt("dynamic::get_global"), {b_.str_lit(global_key(n))})));
    }
  }
  std::string module = opts_.module_name.empty() ? "__main__" : opts_.module_name;
  RId msg = b_.macro("format", {b_.str_lit("module '" + module + "' has no attribute '{}'"), b_.path("name")});
  arms.push_back(b_.arm(b_.pat_wild(), kNil, b_.call(b_.path("Err"), {b_.call("PyException::new", {b_.str_lit("AttributeError"), msg})})));
  Ids first;
  if (init) first.push_back(b_.expr_stmt(try_(b_.call(b_.path("py_init"), {}))));
  RId body = b_.block(first, b_.match(b_.path("name"), arms));
  items.push_back(b_.fn("py_attr", {b_.param("name", b_.ty_ref(b_.ty("str")))}, b_.ty("PyResult", {b_.ty("rt::value::Value")}), body, true,
                        "This module's functions and classes for the modules that import them."));
}

RId Lowerer::d_codebase_attr(const std::string& dotted) {
  size_t dot = dotted.rfind('.');
  if (dot == std::string::npos || dot == 0) return kNil;
  auto m = opts_.codebase_modules.find(dotted.substr(0, dot));
  if (m == opts_.codebase_modules.end()) return kNil;
  return try_(b_.call(m->second + "::py_attr", {b_.str_lit(dotted.substr(dot + 1))}));
}

}  // namespace portalis::lower
