// Static lowering of `global n` in a module function: n is the module's
// variable, which lives in the runtime's global table whenever the module
// body is dynamic (lower_dyn_closure.cc keeps every name some function
// declares `global` there). The static function reads and writes that
// table, converting at each access:
//   total += 1  ->  rt::dynamic::set_global("total", (<i64>::from_value(&rt::dynamic::get_global("total")?)? + 1).to_value())
// so its signature and locals stay typed, and the module body and every
// function see one variable. A static module body would keep n in a Rust
// local instead, so it gives up when some function declares a name global.
// Only immutable values (numbers, str, tuples of them): a list read out of
// the table would be a copy, and changes made to it in place would be lost.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool immutable_value(const Types& T, TypeId t) {
  const sema::TypeRec& r = T.get(t);
  switch (r.kind) {
    case TyKind::Int: case TyKind::Float: case TyKind::Bool: case TyKind::Str: case TyKind::BigInt: case TyKind::None: return true;
    case TyKind::Optional: return immutable_value(T, r.args[0]);
    case TyKind::Tuple:
      if (r.args.empty() || r.args.size() > 6) return false;
      for (TypeId a : r.args)
        if (!immutable_value(T, a)) return false;
      return true;
    default: return false;
  }
}

}  // namespace

void Lowerer::s_global_checks(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (f == 0) {
    for (const sema::Function& g : tm_.funcs)
      for (const sema::Var& v : g.vars)
        if (v.global_decl && !dyn_) {
          fail(m_.root(), "module variable " + v.name + " that a function declares global");
          return;
        }
    return;
  }
  for (const sema::Var& v : fn.vars) {
    if (!v.global_decl) continue;
    // Outside a mixed module nothing imports FromValue/ToValue, nor keeps the table.
    if (!mixed()) {
      fail(fn.node, "global variable " + v.name + " outside a mixed module");
      continue;
    }
    if (!immutable_value(T, v.type) || !bridgeable(v.type)) {
      fail(fn.node, "global variable " + v.name + " of type " + T.name(v.type));
      continue;
    }
    int stores = 0, plain = 0;
    count_name_stores(m_, slot(fn.node, fld::FunctionDef::body), v.name, &stores, &plain);
    if (stores != plain) fail(fn.node, "global variable " + v.name + " bound other than by an assignment");
  }
}

LE Lowerer::s_global_read(const Binding& b, std::string_view py) {
  RId v = try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(global_key(py))}));
  return {from_value(b_.ref(v), b.ty), b.ty, Form::Owned};
}

void Lowerer::s_global_write(const Binding& b, std::string_view py, RId value, Ids& out) {
  (void)b;
  out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(py)), b_.method(value, "to_value", {})})));
}

}  // namespace portalis::lower
