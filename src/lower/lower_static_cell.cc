// Static lowering of `nonlocal` variables: a variable of a module function
// that a nested def rebinds is one Rust Rc<Cell<T>> shared by both scopes
// (sema::Var::cell): the enclosing function declares
//   let count = std::rc::Rc::new(std::cell::Cell::new(start));
// reads are count.get(), writes count.set(v); the nested def (a lifted fn,
// lower_static_closure.cc) takes it as &Cell<T>, and a function value made
// of it (lower_static_fnvalue.cc) owns a clone of the Rc, so every closure
// and the enclosing function see one variable, as Python's cell.
// Only numbers and bools (Cell::get needs Copy), bound by plain `x = v` and
// `x op= v` statements; anything else stays with the dynamic lowering.
#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

// Name stores of n under the statements, and how many of them are plain
// `n = v` / `n op= v` statements (the only ones s_cell_assign and
// s_global_write lower).
void count_name_stores(const ast::Module& m, ast::ListId body, std::string_view n, int* stores, int* plain) {
  ast::walk_pruned(m, m.list(body), [&](NodeId x) {
    Kind k = m.kind(x);
    if (k == Kind::Name) {
      if (m.str(m.slot(x, fld::Name::id)) == n && Kind(m.slot(x, fld::Name::ctx)) != Kind::Load) ++*stores;
    } else if (k == Kind::Assign) {
      auto ts = m.list_of(x, fld::Assign::targets);
      if (ts.size() == 1 && m.kind(ts[0]) == Kind::Name && m.str(m.slot(ts[0], fld::Name::id)) == n) ++*plain;
    } else if (k == Kind::AugAssign) {
      NodeId t = m.slot(x, fld::AugAssign::target);
      if (m.kind(t) == Kind::Name && m.str(m.slot(t, fld::Name::id)) == n) ++*plain;
    }
    return true;
  });
}

void Lowerer::s_cell_checks(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.node == kNone) return;
  ast::ListId body = slot(fn.node, fld::FunctionDef::body);
  for (const sema::Var& v : fn.vars) {
    if (!v.cell) continue;
    TyKind k = T.kind(v.type);
    if (k != TyKind::Int && k != TyKind::Float && k != TyKind::Bool) {
      fail(fn.node, "nonlocal variable " + v.name + " of type " + T.name(v.type));
      continue;
    }
    // The enclosing function's `let` must be a plain assignment in its body.
    if (!v.is_param && (v.decl_stmt == kNone || v.decl_block != body || kind(v.decl_stmt) != Kind::Assign)) {
      fail(fn.node, "nonlocal variable " + v.name + " not first bound by an assignment in the function body");
      continue;
    }
    int stores = 0, plain = 0;
    count_name_stores(m_, body, v.name, &stores, &plain);
    if (stores != plain) fail(fn.node, "nonlocal variable " + v.name + " bound other than by an assignment");
  }
}

sema::Var Lowerer::s_cell_param(uint32_t f, uint32_t p) const {
  sema::Var v = tm_.funcs[f].vars[p];
  // A parameter of the enclosing function comes by value (s_cell_params
  // puts it into its cell); a nested def's capture is the cell itself.
  if (tm_.funcs[f].parent < 0) v.cell = false;
  return v;
}

void Lowerer::s_cell_params(uint32_t f, Ids& out) {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.parent >= 0) return;
  for (uint32_t p : fn.params) {
    const Binding* b = lookup(fn.vars[p].name);
    if (!fn.vars[p].cell || !b) continue;
    out.push_back(b_.let(b->rust, kNil, b_.call("std::rc::Rc::new", {b_.call("std::cell::Cell::new", {b_.path(b->rust)})}), false));
  }
}

void Lowerer::s_nonlocal_stmt(NodeId s) {
  for (uint32_t sid : m_.list(slot(s, fld::Nonlocal::names))) {
    const Binding* b = lookup(m_.str(sid));
    if (!b || b->form != Form::SCell) fail(s, "Nonlocal statement");
  }
}

void Lowerer::s_cell_assign(const Binding& b, bool decl, RId val, Ids& out) {
  if (decl) {
    RId cell = b_.call("std::rc::Rc::new", {b_.call("std::cell::Cell::new", {val})});
    out.push_back(b_.let(b.rust, kNil, cell, false));
    return;
  }
  out.push_back(b_.expr_stmt(b_.method(b_.path(b.rust), "set", {val})));
}

}  // namespace portalis::lower
