// Static lowering of lambdas used as values (sema/infer_lambda.cc): a Rust
// closure behind the function-value type of lower_static_fnvalue.cc,
//   rt::fnvalue::fn1(move |x: i64| Ok(x * k))
// with Python's binding rules kept:
// - a default (`lambda x, k=k:`) is evaluated where the lambda is made and
//   the closure owns that value (it is not a parameter of the value: a call
//   passing it would rebind it, and such calls leave the function dynamic);
// - any other enclosing name is read when the lambda is called (late
//   binding): a parameter that never changes is copied in; a `nonlocal`
//   cell (lower_static_cell.cc) or a comprehension variable is shared, the
//   latter made a cell by the comprehension for this (s_comp_late_cell):
//   `[lambda x: x * k for k in range(1, 5)]` all see the last k, as in
//   Python. Other variables leave the enclosing function dynamic.
#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

std::vector<uint32_t> s_value_params(const sema::Function& fn) {
  std::vector<uint32_t> out;
  bool lambda = fn.name == "lambda";  // a keyword: no def has this name
  for (uint32_t p : fn.params)
    if (!lambda || fn.vars[p].default_value == kNone) out.push_back(p);
  return out;
}

namespace {
bool lambda_type(const Types& T, TypeId t) {
  const sema::TypeRec& r = T.get(t);
  return r.kind == TyKind::Func && r.args.empty() && (r.cls & sema::kLambdaFunc) != 0;
}
}  // namespace

LE Lowerer::s_lambda(NodeId e) {
  TypeId t = tm_.type_of(e);
  LE bad{b_.tuple({}), t, Form::Owned};
  if (!lambda_type(T, t) || !s_func_ok(t)) {
    fail(e, "Lambda expression");
    return bad;
  }
  const sema::Function& fn = *tm_.func_of(t);
  std::vector<uint32_t> ps = s_value_params(fn);
  if (fn.max_call_args > ps.size()) {
    fail(e, "lambda called with its defaulted parameters");
    return bad;
  }
  Ids lets, params;
  std::vector<std::pair<std::string, Binding>> inner;  // what the body sees
  std::vector<std::string> fixed_here;  // s_lambda_fixed_ entries while the body is lowered
  // Defaults: evaluated now, in the enclosing scope.
  for (uint32_t p : fn.params) {
    const sema::Var& v = fn.vars[p];
    if (v.default_value == kNone) continue;
    std::string d = fresh("dflt");
    lets.push_back(b_.let(d, rust_type(v.type), coerce(expr_as(v.default_value, v.type), v.type), false));
    inner.push_back({v.name, {d, v.type, Form::Place}});
    fixed_here.push_back(d);
  }
  // Enclosing names the body reads.
  for (const std::string& n : sema::lambda_free_names(m_, e)) {
    bool own = false;
    for (uint32_t p : fn.params) own |= fn.vars[p].name == n;
    if (own) continue;
    const Binding* b = lookup(n);
    if (!b) continue;  // module functions, builtins: the body names them itself
    std::string cap = fresh("cap");
    if (b->form == Form::SCell) {
      lets.push_back(b_.let(cap, kNil, b_.call("std::rc::Rc::clone", {b_.ref(b_.path(b->rust))}), false));
      inner.push_back({n, {cap, b->ty, Form::SCell}});
      continue;
    }
    // Copied in: exact only for a value that cannot change after this point.
    const sema::Var* pv = tm_.funcs[cur_].find(n);
    bool fixed = s_lambda_fixed_.count(b->rust) > 0 ||
                 (pv && pv->is_param && !pv->reassigned && !pv->mutated && !pv->cell && b->rust == local_name(n) && scopes_.size() > 0 &&
                  scopes_.front().count(n) && &scopes_.front().find(n)->second == b);
    TyKind k = T.kind(b->ty);
    if (!fixed || !(T.is_copy(b->ty) || k == TyKind::Str || k == TyKind::List || k == TyKind::Func)) {
      fail(e, "lambda over " + n + ", which may change after the lambda is made");
      return bad;
    }
    lets.push_back(b_.let(cap, kNil, owned({b_.path(b->rust), b->ty, b->form}), false));
    inner.push_back({n, {cap, b->ty, Form::Place}});
    fixed_here.push_back(cap);
  }
  for (uint32_t p : ps) {
    const sema::Var& v = fn.vars[p];
    std::string a = fresh("a");
    params.push_back(b_.param(a, rust_type(v.type)));
    inner.push_back({v.name, {a, v.type, Form::Place}});
    fixed_here.push_back(a);
  }
  scopes_.emplace_back();
  for (auto& [py, bnd] : inner) bind(py, bnd);
  for (const std::string& x : fixed_here) s_lambda_fixed_.insert(x);
  // `?` in the body returns from the closure, not from the function around it.
  bool saved_try = used_try_;
  LE body = expr_as(slot(e, fld::Lambda::body), fn.ret);
  RId val = coerce(body, fn.ret);
  used_try_ = saved_try;
  scopes_.pop_back();
  for (const std::string& x : fixed_here) s_lambda_fixed_.erase(x);
  RId clo = b_.call(rt("fnvalue::fn" + std::to_string(ps.size())), {b_.closure(params, b_.call(b_.path("Ok"), {val}), true)});
  if (lets.empty()) return {clo, t, Form::Owned};
  return {b_.block(lets, clo), t, Form::Owned};
}

RId Lowerer::s_func_placeholder(TypeId t) {
  // Rc<dyn Fn> has no Default; the declared type fixes the closure's signature.
  size_t n = s_func_ok(t) ? s_value_params(*tm_.func_of(t)).size() : 0;
  Ids params;
  for (size_t i = 0; i < n; ++i) params.push_back(b_.pat_ident("_a" + std::to_string(i)));
  RId body = b_.macro("unreachable", {b_.str_lit("function value read before it was assigned")});
  return b_.call(rt("fnvalue::fn" + std::to_string(n)), {b_.closure(params, body)});
}

bool Lowerer::s_comp_late_cell(NodeId comp, std::string_view py) {
  // A lambda in the comprehension (not the iterable of its first loop,
  // which runs outside it) reads py free: py must be one shared cell.
  bool late = false;
  auto gens = list_of(comp, fld::ListComp::generators);
  auto visit = [&](NodeId root) {
    ast::walk(m_, root, [&](NodeId n) {
      if (late || kind(n) != Kind::Lambda) return;
      for (const std::string& x : sema::lambda_free_names(m_, n)) {
        bool own = false;
        for (NodeId p : list_of(slot(n, fld::Lambda::args), fld::arguments::args)) own |= ident(p, fld::arg::arg) == x;
        if (!own && x == py) late = true;
      }
    });
  };
  Kind k = kind(comp);
  if (k == Kind::DictComp) {
    gens = list_of(comp, fld::DictComp::generators);
    visit(slot(comp, fld::DictComp::key));
    visit(slot(comp, fld::DictComp::value));
  } else {
    visit(slot(comp, fld::ListComp::elt));
  }
  for (size_t i = 0; i < gens.size(); ++i) {
    if (i > 0) visit(slot(gens[i], fld::comprehension::iter));
    for (NodeId c : list_of(gens[i], fld::comprehension::ifs)) visit(c);
  }
  return late;
}

RId Lowerer::s_comp_target_cell(NodeId comp, std::string_view py, const std::string& rn, TypeId elem, Ids& cells, Ids& sets) {
  if (!s_comp_late_cell(comp, py)) return kNil;
  TyKind k = T.kind(elem);
  if (k != TyKind::Int && k != TyKind::Float && k != TyKind::Bool) {
    fail(comp, "comprehension variable " + std::string(py) + " of type " + T.name(elem) + " read late by a lambda");
    return kNil;
  }
  // One variable for the whole comprehension, as Python's: each loop sets it.
  cells.push_back(b_.let(rn, kNil, b_.call("std::rc::Rc::new", {b_.call("std::cell::Cell::new", {default_value(elem)})}), false));
  std::string item = fresh("item");
  sets.push_back(b_.expr_stmt(b_.method(b_.path(rn), "set", {b_.path(item)})));
  bind(py, {rn, elem, Form::SCell});
  return b_.pat_ident(item);
}

}  // namespace portalis::lower
