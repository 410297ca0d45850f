// Static lowering of function values: a nested def that escapes the
// function defining it (returned, stored in a variable, called later).
//
// The def itself stays the lifted module-level fn of lower_static_closure.cc
// (captures as extra parameters); using its name as a value makes a Rust
// closure over copies of the captures that calls the lifted fn:
//   rt::fnvalue::fn1(move |x: i64| Ok(make_adder_add(x, cap1)))
// typed rt::fnvalue::Fn1<i64, i64> (an Rc<dyn Fn(i64) -> PyResult<i64>>).
// Copies are exact only while the captured variable never changes after the
// def: Python closures read it at call time. So captures must be parameters
// that the enclosing function never rebinds nor changes in place; anything
// else (nonlocal counters, shared caches) stays with the dynamic lowering.
// A dynamic caller receives the closure wrapped into a callable Value
// (ToValue in runtime/src/fnvalue.rs) and a static one calls it directly.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
// Types a closure's parameters may have: owned values a Value converts to.
bool plain_param(const sema::Types& T, TypeId t) {
  TyKind k = T.kind(t);
  return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool || k == TyKind::Str;
}

bool mentions_func(const sema::Types& T, TypeId t) {
  if (T.kind(t) == TyKind::Func) return true;
  for (TypeId a : T.get(t).args)
    if (mentions_func(T, a)) return true;
  return false;
}
}  // namespace

bool Lowerer::s_func_ok(TypeId t) const {
  const sema::Function* fp = tm_.func_of(t);
  if (!fp) return false;
  const sema::Function& fn = *fp;
  std::vector<uint32_t> ps = s_value_params(fn);
  if (fn.parent < 0 || ps.size() > 2 || fn.vararg >= 0 || fn.kwarg >= 0 || !fn.kwonly.empty()) return false;
  // A default would let a (dynamic) caller pass fewer arguments than FnN takes.
  for (uint32_t p : ps)
    if (!plain_param(T, fn.vars[p].type) || fn.vars[p].default_value != kNone) return false;
  for (uint32_t p : fn.params)
    if (T.has_dyn(fn.vars[p].type) || T.has_unknown(fn.vars[p].type)) return false;
  TypeId ret = fn.ret;
  return !T.has_dyn(ret) && !T.has_unknown(ret) && !mentions_func(T, ret) && !mentions_class(ret);
}

bool Lowerer::s_func_bridgeable(TypeId t) const {
  if (!s_func_ok(t)) return false;
  const sema::Function& fn = *tm_.func_of(t);
  for (uint32_t p : s_value_params(fn))
    if (!bridgeable(fn.vars[p].type)) return false;
  return T.kind(fn.ret) != TyKind::None && bridgeable(fn.ret);
}

RId Lowerer::s_func_type(TypeId t) {
  if (!s_func_ok(t)) return b_.ty("rt::value::Value");  // s_func_checks gives up on it
  const sema::Function& fn = *tm_.func_of(t);
  std::vector<uint32_t> ps = s_value_params(fn);
  Ids args;
  for (uint32_t p : ps) args.push_back(rust_type(fn.vars[p].type));
  args.push_back(rust_type(fn.ret));
  return b_.ty("rt::fnvalue::Fn" + std::to_string(ps.size()), args);
}

void Lowerer::s_func_checks(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  NodeId where = fn.node == kNone ? m_.root() : fn.node;
  // Function values may sit in lists, tuples and as dict values (moved and
  // cloned as Rc's); not in sets or dict keys (no Hash or Eq).
  auto holds_ok = [&](auto&& self, TypeId t) -> bool {
    if (!mentions_func(T, t)) return true;
    const sema::TypeRec& r = T.get(t);
    switch (r.kind) {
      case TyKind::Func: return s_func_ok(t);
      case TyKind::List: case TyKind::Optional: return self(self, r.args[0]);
      case TyKind::Dict: return !mentions_func(T, r.args[0]) && self(self, r.args[1]);
      case TyKind::Tuple:
        for (TypeId a : r.args)
          if (!self(self, a)) return false;
        return true;
      default: return false;
    }
  };
  auto check = [&](TypeId t, const std::string& what) {
    if (!mentions_func(T, t)) return;
    if (T.kind(t) != TyKind::Func && !holds_ok(holds_ok, t)) fail(where, "function values inside a " + T.name(t) + " (" + what + ")");
    else if (T.kind(t) == TyKind::Func && !s_func_ok(t)) fail(where, "function value " + what + " without a static signature");
  };
  for (const sema::Var& v : fn.vars) check(v.type, v.name);
  if (f != 0) check(fn.ret, "returned");
}

LE Lowerer::s_func_value(NodeId e) {
  TypeId t = tm_.type_of(e);
  std::string n(ident(e, fld::Name::id));
  int nf = s_nested_callee(n);
  LE bad{b_.tuple({}), t, Form::Owned};
  if (nf < 0 || T.get(t).cls != static_cast<uint32_t>(nf) || tm_.funcs[static_cast<uint32_t>(nf)].parent != static_cast<int>(cur_) ||
      !s_func_ok(t) || is_dyn_fn(static_cast<uint32_t>(nf))) {
    fail(e, "function value " + n);
    return bad;
  }
  uint32_t f = static_cast<uint32_t>(nf);
  const sema::Function& callee = tm_.funcs[f];
  const sema::Function& here = tm_.funcs[cur_];
  Ids lets, params, args;
  for (uint32_t p : callee.params) {
    const sema::Var& v = callee.vars[p];
    std::string a = fresh("a");
    params.push_back(b_.param(a, rust_type(v.type)));
    args.push_back(s_pass_arg({b_.path(a), v.type, Form::Place}, v));
  }
  for (uint32_t c : callee.captures) {
    const sema::Var& v = callee.vars[c];
    const sema::Var* pv = here.find(v.name);
    const Binding* b = lookup(v.name);
    TyKind k = T.kind(v.type);
    if (v.cell && b && b->form == Form::SCell) {
      // A `nonlocal` variable: the closure shares the cell (lower_static_cell.cc).
      std::string cap = fresh("cap");
      lets.push_back(b_.let(cap, kNil, b_.call("std::rc::Rc::clone", {b_.ref(b_.path(b->rust))}), false));
      args.push_back(b_.ref(b_.path(cap)));
      continue;
    }
    if (pv && b && s_shared_list(*pv)) {
      args.push_back(s_shared_capture(*b, v, lets));  // lower_static_shared.cc
      continue;
    }
    bool fixed = pv && pv->is_param && !pv->reassigned && !pv->mutated && !v.mutated;
    if (!b || !fixed || !(T.is_copy(v.type) || k == TyKind::Str || k == TyKind::List)) {
      fail(e, "closure " + n + " over " + v.name + ", which is not a parameter that stays the same");
      return bad;
    }
    // A copy the closure owns (the enclosing function may return first).
    std::string cap = fresh("cap");
    lets.push_back(b_.let(cap, kNil, owned({b_.path(b->rust), b->ty, b->form}), false));
    args.push_back(s_pass_arg({b_.path(cap), v.type, Form::Place}, v));
  }
  RId call = b_.call(fn_rust_name(f), args);
  if (!fallible_in_.count(f)) call = b_.call(b_.path("Ok"), {call});
  RId clo = b_.call(rt("fnvalue::fn" + std::to_string(callee.params.size())), {b_.closure(params, call, true)});
  if (lets.empty()) return {clo, t, Form::Owned};
  return {b_.block(lets, clo), t, Form::Owned};
}

LE Lowerer::s_call_value(NodeId e, const Binding& b) {
  TypeId t = b.ty;
  LE bad{b_.tuple({}), tm_.type_of(e), Form::Owned};
  if (!s_func_ok(t)) {
    fail(e, "call of a function value without a static signature");
    return bad;
  }
  const sema::Function& callee = *tm_.func_of(t);
  std::vector<uint32_t> ps = s_value_params(callee);
  auto args = list_of(e, fld::Call::args);
  if (args.size() != ps.size() || !list_of(e, fld::Call::keywords).empty()) {
    fail(e, "call of a function value with these arguments");
    return bad;
  }
  Ids out;
  for (size_t i = 0; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred) {
      fail(e, "starred argument to a function value");
      return bad;
    }
    TypeId pt = callee.vars[ps[i]].type;
    out.push_back(coerce(expr_as(args[i], pt), pt));
  }
  // Function values are held by value (an Rc), so `f(x)` calls it.
  return {try_(b_.call(b_.path(b.rust), out)), callee.ret, Form::Owned};
}

}  // namespace portalis::lower
