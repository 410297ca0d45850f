// Dynamic mode: `def` as a statement that makes a value, which is what
// decorators and closures need.
//
// - A nested `def` becomes a `Value::func_kw` closure bound to a local. It
//   captures clones of the enclosing bindings (Values share their data),
//   binds its arguments at run time with `rt::args::bind`, and has its own
//   locals. Defaults are evaluated once, when the `def` runs.
// - A module function with a user-written decorator (`@logged`,
//   `@repeat(3)`) is decorated when its `def` runs in the module body; the
//   result lives in the runtime's global table and every use of the name
//   reads it from there. Decorators the translator does not know
//   (`functools.lru_cache`, ...) are left to the plain function as before.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {

bool is_user_decorator(const sema::TypedModule& tm, const ast::Module& m, NodeId d) {
  if (m.kind(d) == Kind::Call) d = m.slot(d, fld::Call::func);
  return m.kind(d) == Kind::Name && tm.func_by_name.count(m.str(m.slot(d, fld::Name::id))) > 0;
}

}  // namespace

bool Lowerer::d_decorated(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.cls >= 0 || fn.node == kNone) return false;
  for (NodeId d : list_of(fn.node, fld::FunctionDef::decorator_list))
    if (is_user_decorator(tm_, m_, d)) return true;
  return false;
}

bool Lowerer::d_def_runs(NodeId def) const {
  auto it = tm_.func_by_name.find(ident(def, fld::FunctionDef::name));
  return it != tm_.func_by_name.end() && tm_.funcs[it->second].node == def && d_decorated(it->second);
}

RId Lowerer::d_func_ref(uint32_t f) {
  if (d_decorated(f)) return try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(global_key(tm_.funcs[f].name))}));
  return d_func_value(f);
}

// `name(a, b=, *args, c=, **kw)` from the AST (nested functions have no
// sema signature).
std::string spec_of(const ast::Module& m, std::string_view name, NodeId args) {
  std::string s = std::string(name) + "(";
  bool first = true;
  auto item = [&](const std::string& t) {
    if (!first) s += ", ";
    first = false;
    s += t;
  };
  auto posonly = m.list_of(args, fld::arguments::posonlyargs);
  auto pos = m.list_of(args, fld::arguments::args);
  size_t npos = posonly.size() + pos.size();
  size_t ndef = m.list_of(args, fld::arguments::defaults).size();
  size_t i = 0;
  for (NodeId a : posonly) {
    item(std::string(m.str(m.slot(a, fld::arg::arg))) + (i + ndef >= npos ? "=" : ""));
    ++i;
  }
  if (!posonly.empty()) item("/");
  for (NodeId a : pos) {
    item(std::string(m.str(m.slot(a, fld::arg::arg))) + (i + ndef >= npos ? "=" : ""));
    ++i;
  }
  NodeId va = m.slot(args, fld::arguments::vararg);
  auto kwonly = m.list_of(args, fld::arguments::kwonlyargs);
  auto kwd = m.list(m.slot(args, fld::arguments::kw_defaults));
  if (va != kNone) item("*" + std::string(m.str(m.slot(va, fld::arg::arg))));
  else if (!kwonly.empty()) item("*");
  for (size_t k = 0; k < kwonly.size(); ++k)
    item(std::string(m.str(m.slot(kwonly[k], fld::arg::arg))) + (k < kwd.size() && kwd[k] != kNone ? "=" : ""));
  NodeId kw = m.slot(args, fld::arguments::kwarg);
  if (kw != kNone) item("**" + std::string(m.str(m.slot(kw, fld::arg::arg))));
  return s + ")";
}

RId Lowerer::d_decorate(NodeId d, RId value, RId wrapped_name) {
  // `@functools.wraps(fn)` / `@wraps(fn)`: the wrapper takes fn's name.
  if (kind(d) == Kind::Call) {
    NodeId cf = slot(d, fld::Call::func);
    bool wraps = false;
    if (kind(cf) == Kind::Attribute && ident(cf, fld::Attribute::attr) == "wraps" && kind(slot(cf, fld::Attribute::value)) == Kind::Name)
      wraps = imported(ident(slot(cf, fld::Attribute::value), fld::Name::id)) == "functools";
    if (kind(cf) == Kind::Name && !lookup(ident(cf, fld::Name::id))) wraps |= imported(ident(cf, fld::Name::id)) == "functools.wraps";
    auto a = list_of(d, fld::Call::args);
    if (wraps && a.size() == 1) return try_(b_.call(rt("args::wraps"), {value, b_.ref(d_expr(a[0]))}));
  }
  (void)wrapped_name;
  RId dec = d_expr(d);
  return try_(b_.method(dec, "call", {b_.ref(b_.array({value}))}));
}

}  // namespace portalis::lower
