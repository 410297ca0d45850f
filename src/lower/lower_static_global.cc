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

// Stores of n in the function's statements, and how many are plain `n = v`
// / `n op= v` statements (the only ones lowered through the table).
void count_stores(const ast::Module& m, ast::ListId body, std::string_view n, int* stores, int* plain) {
  std::vector<NodeId> stack(m.list(body).begin(), m.list(body).end());
  while (!stack.empty()) {
    NodeId x = stack.back();
    stack.pop_back();
    if (x == kNone || x >= m.node_count()) continue;
    Kind k = m.kind(x);
    if (k == Kind::Name) {
      if (m.str(m.slot(x, fld::Name::id)) == n && Kind(m.slot(x, fld::Name::ctx)) != Kind::Load) ++*stores;
      continue;
    }
    if (k == Kind::Assign) {
      auto ts = m.list_of(x, fld::Assign::targets);
      if (ts.size() == 1 && m.kind(ts[0]) == Kind::Name && m.str(m.slot(ts[0], fld::Name::id)) == n) ++*plain;
    } else if (k == Kind::AugAssign) {
      NodeId t = m.slot(x, fld::AugAssign::target);
      if (m.kind(t) == Kind::Name && m.str(m.slot(t, fld::Name::id)) == n) ++*plain;
    }
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = m.slot(x, static_cast<uint32_t>(i));
      if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back(v);
      else if (fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList)
        for (NodeId c : m.list(v)) stack.push_back(c);
    }
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
    count_stores(m_, slot(fn.node, fld::FunctionDef::body), v.name, &stores, &plain);
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
