// Static lowering of function values that never escape: defs nested in a
// module function, and key= functions of sorted/min/max/list.sort.
//
// A nested def (sema::Function::parent >= 0) becomes a module-level Rust fn
// named <parent>_<name> whose extra parameters are the enclosing variables
// it reads (sema::Function::captures), passed by every call at the time of
// the call: a Python closure reads them at call time too, so this is exact
// while the def is only called by name (any other use, `nonlocal` or a
// def inside the def leaves the enclosing function to the dynamic lowering).
// Lists it changes in place go as &mut Vec, other lists as &[T], str as
// &str, numbers by value.
//
// key= functions are inlined into a loop that computes each key once per
// element (as Python calls key once per element), so `?` in the key
// propagates to the enclosing function and no closure types are needed.
#include "lower/lower_impl.h"

namespace portalis::lower {

std::vector<uint32_t> Lowerer::s_params(uint32_t f) const {
  std::vector<uint32_t> out = s_call_params(f);
  out.insert(out.end(), tm_.funcs[f].captures.begin(), tm_.funcs[f].captures.end());
  return out;
}

void Lowerer::s_nested_checks(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.parent >= 0) {
    for (uint32_t c : fn.captures) {
      TypeId t = fn.vars[c].type;
      TyKind k = T.kind(t);
      bool ok = k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool || k == TyKind::Str || k == TyKind::List ||
                (k == TyKind::Tuple && T.is_copy(t));
      if (!ok) fail(fn.node, "captured variable " + fn.vars[c].name + " of type " + T.name(t));
    }
    // Its Rust name <parent>_<name> must not be a module function's too.
    for (const auto& [other, g] : tm_.func_by_name)
      if (fn_rust_name(g) == fn_rust_name(f)) fail(fn.node, "nested function named like module function " + other);
  }
  // A nested def the static lowering gave up on is a closure of the
  // dynamic lowering: so is the function around it.
  for (const auto& [name, c] : fn.nested)
    if (mixed() && is_dyn_fn(c)) fail(tm_.funcs[c].node, "nested function " + name + " that is not static");
}

void Lowerer::s_nested_item(uint32_t f, Ids& items) {
  uint32_t parent = static_cast<uint32_t>(tm_.funcs[f].parent);
  if (dyn_ || is_dyn_fn(f) || is_dyn_fn(parent)) return;
  // Counted with the function it is nested in, as Python sees one function.
  size_t stat = out_.functions_static, dyn = out_.functions_dynamic;
  items.push_back(function(f));
  out_.functions_static = stat;
  out_.functions_dynamic = dyn;
}

int Lowerer::s_nested_callee(std::string_view n) const {
  const sema::Function& fn = tm_.funcs[cur_];
  const sema::Function& top = fn.parent >= 0 ? tm_.funcs[static_cast<uint32_t>(fn.parent)] : fn;
  auto it = top.nested.find(n);
  if (it == top.nested.end() || fn.find(n)) return -1;
  return static_cast<int>(it->second);
}

RId Lowerer::s_pass_arg(LE v, const sema::Var& p) {
  TyKind k = T.kind(p.type);
  if (p.cell) return b_.ref(v.id);  // the shared cell (lower_static_cell.cc)
  if (k == TyKind::Str && !p.reassigned) return as_str_ref(v);
  if (k == TyKind::List && !p.reassigned && p.mutated) {
    if (v.form == Form::Borrowed) fail(kNone, "a read-only list passed where it is changed");
    return v.form == Form::MutRef ? v.id : b_.ref_mut(v.id);
  }
  if (k == TyKind::List && !p.reassigned) return v.form == Form::Borrowed || v.form == Form::MutRef ? v.id : b_.ref(v.id);
  return coerce(v, p.type);
}

void Lowerer::s_capture_args(NodeId call, uint32_t f, Ids& out) {
  const sema::Function& callee = tm_.funcs[f];
  const sema::Function& caller = tm_.funcs[cur_];
  for (uint32_t c : callee.captures) {
    const sema::Var& p = callee.vars[c];
    // The caller must see the enclosing function's variable: the parent
    // itself, or a nested function that captures it too.
    bool same = static_cast<int>(cur_) == callee.parent;
    if (!same && caller.parent == callee.parent)
      for (uint32_t cc : caller.captures) same |= caller.vars[cc].name == p.name;
    const Binding* b = lookup(p.name);
    if (const sema::Var* pv = caller.find(p.name); pv && static_cast<int>(cur_) == callee.parent && s_shared_list(*pv)) same = false;
    if (!same || !b) {
      fail(call, "call of nested function " + callee.name + " where " + p.name + " is not its variable");
      out.push_back(b_.tuple({}));
      continue;
    }
    if (T.kind(p.type) == TyKind::List && p.mutated) {
      // `f(xs)` where f also changes the captured xs: two borrows of xs.
      for (NodeId a : list_of(call, fld::Call::args))
        if (kind(a) == Kind::Name && ident(a, fld::Name::id) == p.name) fail(call, "argument that is also a captured list");
    }
    out.push_back(s_pass_arg({b_.path(b->rust), b->ty, b->form}, p));
  }
}

void Lowerer::s_def_stmt(NodeId s, Ids& out) {
  (void)out;
  // Lifted to a module-level fn (s_nested_item): nothing runs here.
  if (!tm_.nested_fn.count(s)) fail(s, "nested function");
}

void Lowerer::s_chained_assign(NodeId s, Ids& out) {
  // `a = b[i] = v`: v once, then each target from left to right. Lists and
  // other mutable values would be one shared object in Python.
  NodeId vn = slot(s, fld::Assign::value);
  TypeId vt = tm_.type_of(vn);
  if (!T.is_copy(vt) && T.kind(vt) != TyKind::Str) {
    fail(s, "chained assignment of a " + T.name(vt));
    return;
  }
  LE v = expr(vn);
  std::string tmp = fresh("v");
  out.push_back(b_.let(tmp, kNil, owned(v), false));
  for (NodeId t : list_of(s, fld::Assign::targets)) assign(t, kNone, {b_.path(tmp), vt, Form::Place}, s, out);
}

bool Lowerer::s_has_key_kw(NodeId call) const {
  auto kws = list_of(call, fld::Call::keywords);
  if (kws.empty()) return false;
  for (NodeId k : kws) {
    uint32_t kn = slot(k, fld::keyword::arg);
    if (kn == kNone || (m_.str(kn) != "key" && m_.str(kn) != "reverse")) return false;
  }
  return true;
}

namespace {
struct KeyParts {
  NodeId key = kNone, reverse = kNone;
};
KeyParts key_parts(const ast::Module& m, NodeId call) {
  KeyParts p;
  for (NodeId k : m.list_of(call, fld::Call::keywords))
    (m.str(m.slot(k, fld::keyword::arg)) == "key" ? p.key : p.reverse) = m.slot(k, fld::keyword::value);
  return p;
}
}  // namespace

LE Lowerer::s_key_call(NodeId e, std::string_view n) {
  TypeId t = tm_.type_of(e);
  auto args = list_of(e, fld::Call::args);
  KeyParts kp = key_parts(m_, e);
  if (args.size() != 1 || kind(args[0]) == Kind::Starred || (kp.reverse != kNone && n != "sorted")) {
    fail(e, std::string(n) + "() with these arguments");
    return {b_.tuple({}), t, Form::Owned};
  }
  return s_keyed(e, n, expr(args[0]));
}

LE Lowerer::s_keyed(NodeId e, std::string_view n, LE src) {
  TypeId t = tm_.type_of(e);
  KeyParts kp = key_parts(m_, e);
  TypeId el;
  bool by_ref;
  RId it = iter_of(src, &el, &by_ref);
  if (it == kNil || T.has_dyn(el) || T.has_unknown(el)) {
    fail(e, std::string(n) + "() over " + T.name(src.ty));
    return {b_.tuple({}), t, Form::Owned};
  }
  RId cmp_a = b_.path("a"), cmp_b = b_.path("b");
  std::string x = fresh("x"), acc = fresh("v");
  RId elem_ty = rust_type(el);
  // The key of x (in a scope where a lambda's parameter names x).
  TypeId kt = el;
  RId key = kNil;
  scopes_.emplace_back();
  if (kp.key != kNone) {
    NodeId kf = kp.key;
    if (kind(kf) == Kind::Lambda) {
      auto ps = list_of(slot(kf, fld::Lambda::args), fld::arguments::args);
      if (ps.size() == 1) {
        std::string py(ident(ps[0], fld::arg::arg));
        x = local_name(py);
        bind(py, {x, el, Form::Place});
        LE k = expr(slot(kf, fld::Lambda::body));
        key = owned(k);
        kt = k.ty;
      }
    } else if (kind(kf) == Kind::Name && !lookup(ident(kf, fld::Name::id))) {
      std::string_view fnn = ident(kf, fld::Name::id);
      LE xv{b_.path(x), el, Form::Place};
      TyKind ek = T.kind(el);
      if (fnn == "len" && ek == TyKind::Str) key = b_.cast(b_.method(b_.method(b_.path(x), "chars", {}), "count", {}), b_.ty("i64")), kt = Types::kInt;
      else if (fnn == "len" && (ek == TyKind::List || ek == TyKind::Dict || ek == TyKind::Set)) key = b_.cast(b_.method(b_.path(x), "len", {}), b_.ty("i64")), kt = Types::kInt;
      else if (fnn == "abs" && ek == TyKind::Int) key = b_.call("i64::abs", {b_.path(x)}), kt = Types::kInt;
      else if (fnn == "abs" && ek == TyKind::Float) key = b_.call("f64::abs", {b_.path(x)}), kt = Types::kFloat;
      else if (fnn == "str") key = py_str(xv), kt = Types::kStr;
    } else if (kind(kf) == Kind::Attribute) {
      key = s_key_str_method(kf, b_.path(x), el, &kt);
    }
    if (key == kNil || T.has_dyn(kt) || T.has_unknown(kt) || T.kind(kt) == TyKind::Dict || T.kind(kt) == TyKind::Set) {
      scopes_.pop_back();
      fail(kf, "key function of " + std::string(n) + "()");
      return {b_.tuple({}), t, Form::Owned};
    }
  }
  scopes_.pop_back();
  RId ordering_eq = b_.path("std::cmp::Ordering::Equal");
  auto cmp = [&](RId l, RId r) { return b_.method(b_.method(l, "partial_cmp", {b_.ref(r)}), "unwrap_or", {ordering_eq}); };
  RId rev = kp.reverse != kNone ? truthy(expr(kp.reverse)) : kNil;
  Ids stmts;
  if (n == "sorted") {
    bool keyed = key != kNil;
    RId item_ty = keyed ? b_.ty_tuple({rust_type(kt), elem_ty}) : elem_ty;
    stmts.push_back(b_.let(acc, b_.ty("Vec", {item_ty}), keyed ? b_.call("Vec::new", {}) : b_.method(it, "collect", {}), true));
    if (keyed) {
      RId push = b_.expr_stmt(b_.method(b_.path(acc), "push", {b_.tuple({key, b_.path(x)})}));
      stmts.push_back(b_.expr_stmt(b_.for_(b_.pat_ident(x), it, b_.block({push}))));
    }
    RId ka = keyed ? b_.field(cmp_a, "0") : cmp_a, kb = keyed ? b_.field(cmp_b, "0") : cmp_b;
    RId order = cmp(ka, kb);
    if (rev != kNil && kind(kp.reverse) == Kind::Constant && b_.tree().node(rev).kind == rust::RKind::Lit) {
      if (m_.constant(slot(kp.reverse, fld::Constant::value)).tag == ast::Constant::Tag::True) order = cmp(kb, ka);
    } else if (rev != kNil) {
      std::string r = fresh("rev");
      stmts.insert(stmts.begin(), b_.let(r, kNil, rev, false));
      order = b_.if_(b_.path(r), b_.block({}, cmp(kb, ka)), b_.block({}, order));
    }
    stmts.push_back(b_.expr_stmt(b_.method(b_.path(acc), "sort_by", {b_.closure({b_.pat_ident("a"), b_.pat_ident("b")}, order)})));
    RId result = b_.path(acc);
    if (keyed) {
      RId p = b_.path("p");
      result = b_.method_turbofish(b_.method(b_.method(result, "into_iter", {}), "map", {b_.closure({b_.pat_ident("p")}, b_.field(p, "1"))}),
                                   "collect", {b_.ty("Vec", {elem_ty})}, {});
    }
    return {b_.block(stmts, result), T.list(el), Form::Owned};
  }
  // min/max: the first element whose key is smallest/largest, as Python keeps.
  RId opt_ty = b_.ty("Option", {b_.ty_tuple({rust_type(kt), elem_ty})});
  stmts.push_back(b_.let(acc, opt_ty, b_.path("None"), true));
  std::string k = fresh("k");
  Ids body{b_.let(k, kNil, key, false)};
  RId better = b_.binary(n == "max" ? Op::Gt : Op::Lt, b_.path(k), b_.field(b_.path("c"), "0"));
  RId test = b_.method(b_.method(b_.path(acc), "as_ref", {}), "map_or", {b_.bool_lit(true), b_.closure({b_.pat_ident("c")}, better)});
  RId set = b_.expr_stmt(b_.assign(Op::Assign, b_.path(acc), b_.call("Some", {b_.tuple({b_.path(k), b_.path(x)})})));
  body.push_back(b_.expr_stmt(b_.if_(test, b_.block({set}))));
  stmts.push_back(b_.expr_stmt(b_.for_(b_.pat_ident(x), it, b_.block(body))));
  RId got = b_.method(b_.path(acc), "expect", {b_.str_lit(std::string(n) + "() arg is an empty sequence")});
  return {b_.block(stmts, b_.field(got, "1")), el, Form::Owned};
}

LE Lowerer::s_sort_kw(NodeId e, LE recv) {
  NodeId rn = slot(slot(e, fld::Call::func), fld::Attribute::value);
  if (kind(rn) != Kind::Name || (recv.form != Form::Place && recv.form != Form::MutRef)) {
    fail(e, "sort() with keywords of this list");
    return {b_.tuple({}), Types::kNone, Form::Owned};
  }
  // sorted() of the list, taken out of it (CPython empties the list while
  // it sorts, too), then put back.
  RId place = recv.form == Form::MutRef ? b_.deref(recv.id) : recv.id;
  LE taken{b_.call("std::mem::take", {recv.form == Form::MutRef ? recv.id : b_.ref_mut(recv.id)}), recv.ty, Form::Owned};
  LE sorted = s_keyed(e, "sorted", taken);
  return {b_.assign(Op::Assign, place, sorted.id), Types::kNone, Form::Owned};
}

}  // namespace portalis::lower
