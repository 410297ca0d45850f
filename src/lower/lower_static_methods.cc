// Static lowering of builtins, methods and small statements that used to
// send whole functions to the dynamic mode: dict views and mutators, sets
// (displays, comprehensions, operators, methods), more str/list/float
// methods, `sorted`/`sort` with key= and reverse=, `del`. Each entry point
// first decides from the types sema gave whether it handles the construct
// and returns kNil (nothing lowered) when it does not, so the caller's
// usual path still runs. Result types come from sema/infer_methods.cc.
#include <cmath>

#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool is_none_const(const ast::Module& m, NodeId n) {
  return m.kind(n) == Kind::Constant && m.constant(m.slot(n, fld::Constant::value)).tag == ast::Constant::Tag::None;
}
}  // namespace

bool Lowerer::nested_float(TypeId t) const {
  // A float inside a tuple or list (a plain float sorts with partial_cmp).
  const sema::TypeRec& r = T.get(t);
  if (r.kind == TyKind::Num) return true;  // int | float: no Ord either
  if (r.kind != TyKind::Tuple && r.kind != TyKind::List) return false;
  for (TypeId a : r.args)
    if (a == Types::kFloat || nested_float(a)) return true;
  return false;
}

RId Lowerer::mut_ref(LE v) { return v.form == Form::MutRef ? v.id : b_.ref_mut(v.id); }

RId Lowerer::elem_ref(LE v, TypeId want) {
  // A borrowed element or key for lookups: &str for str, &T otherwise.
  if (T.kind(want) == TyKind::Str && T.kind(v.ty) == TyKind::Str) return as_str_ref(v);
  if (T.is_copy(want)) return b_.ref(coerce(v, want));
  if (v.ty != want) fail(kNone, "a " + T.name(v.ty) + " value where " + T.name(want) + " is expected");
  return borrow(v);
}

LE Lowerer::method_recv(NodeId attr, std::string_view m) {
  // `d[k].append(x)`: the list inside the dict changes in place, so the
  // receiver is `d.getitem_mut(&k)?`, not a clone of the item.
  NodeId recv = slot(attr, fld::Attribute::value);
  static const char* const kMutating[] = {"append", "extend", "insert", "pop", "remove", "sort", "reverse", "clear",
                                          "add", "discard", "update", "setdefault", "popitem"};
  bool mutating = false;
  for (const char* k : kMutating) mutating |= m == k;
  if (mutating && kind(recv) == Kind::Subscript && kind(slot(recv, fld::Subscript::slice)) != Kind::Slice) {
    TypeId bt = tm_.type_of(slot(recv, fld::Subscript::value));
    if (T.kind(bt) == TyKind::Dict) {
      LE base = expr(slot(recv, fld::Subscript::value));
      LE k = expr(slot(recv, fld::Subscript::slice));
      RId item = try_(b_.method(base.id, "getitem_mut", {elem_ref(k, T.get(bt).args[0])}));
      return {item, T.get(bt).args[1], Form::MutRef};
    }
  }
  if (mutating && kind(recv) == Kind::Call && kind(slot(recv, fld::Call::func)) == Kind::Attribute &&
      ident(slot(recv, fld::Call::func), fld::Attribute::attr) == "setdefault") {
    setdefault_place_ = true;
    LE r = expr(recv);
    setdefault_place_ = false;
    return r;
  }
  return expr(recv);
}

RId Lowerer::key_fn(NodeId key, TypeId elem, TypeId* key_ty) {
  // `key=len`, `key=str.lower`, `key=abs`: a closure over &T.
  RId x = b_.path("x");
  RId body = kNil;
  TyKind ek = T.kind(elem);
  if (kind(key) == Kind::Name) {
    std::string_view n = ident(key, fld::Name::id);
    if (lookup(n) || tm_.func_by_name.count(n)) return kNil;
    if (n == "len" && ek == TyKind::Str) body = b_.call(rt("pystr::str_len"), {x});
    else if (n == "len" && (ek == TyKind::List || ek == TyKind::Dict || ek == TyKind::Set)) body = b_.cast(b_.method(x, "len", {}), b_.ty("i64"));
    else if (n == "abs" && ek == TyKind::Int) body = b_.method(b_.deref(x), "abs", {});
    else if (n == "abs" && ek == TyKind::Float) body = b_.method(b_.deref(x), "abs", {});
    if (body != kNil) *key_ty = (n == "abs") ? elem : Types::kInt;
  } else if (kind(key) == Kind::Attribute && kind(slot(key, fld::Attribute::value)) == Kind::Name &&
             ident(slot(key, fld::Attribute::value), fld::Name::id) == "str" && !lookup("str") && ek == TyKind::Str) {
    std::string_view a = ident(key, fld::Attribute::attr);
    if (a == "lower" || a == "upper" || a == "casefold" || a == "title" || a == "swapcase" || a == "capitalize") {
      body = b_.call(rt("pystr::str_" + std::string(a)), {x});
      *key_ty = Types::kStr;
    }
  }
  if (body == kNil) return kNil;
  return b_.closure({b_.param("x", b_.ty_ref(rust_type(elem)))}, body);
}

LE Lowerer::builtin_ext(NodeId e, std::string_view n) {
  auto args = list_of(e, fld::Call::args);
  auto kws = list_of(e, fld::Call::keywords);
  TypeId t = tm_.type_of(e);
  TypeId a0 = args.empty() ? Types::kUnknown : tm_.type_of(args[0]);
  for (NodeId a : args)
    if (kind(a) == Kind::Starred) return {};
  if (n == "set" && kws.empty() && args.size() <= 1) {
    if (T.kind(t) != TyKind::Set || T.has_unknown(t) || T.has_dyn(t)) return {};
    if (args.empty()) return {b_.call(b_.assoc_path(rust_type(t), "new"), {}), t, Form::Owned};
    TypeId el;
    bool by_ref;
    LE v = expr(args[0]);
    RId it = iter_of(v, &el, &by_ref);
    if (it == kNil || el != T.elem(t)) {
      fail(e, "set() of " + T.name(v.ty));
      return {b_.tuple({}), t, Form::Owned};
    }
    return {b_.method_turbofish(it, "collect", {rust_type(t)}, {}), t, Form::Owned};
  }
  if (n == "len" && args.size() == 1 && kws.empty() && T.kind(a0) == TyKind::Set) {
    LE v = expr(args[0]);
    return {b_.cast(b_.method(v.id, "len", {}), b_.ty("i64")), Types::kInt, Form::Owned};
  }
  if ((n == "min" || n == "max") && args.size() == 1 && kws.size() == 1 && slot(kws[0], fld::keyword::arg) != kNone &&
      m_.str(slot(kws[0], fld::keyword::arg)) == "key") {
    TypeId el = T.kind(a0) == TyKind::Dict ? T.get(a0).args[0] : T.elem(a0);
    TypeId kt = Types::kUnknown;
    RId kf = key_fn(slot(kws[0], fld::keyword::value), el, &kt);
    if (kf == kNil) return {};
    LE v = expr(args[0]);
    TypeId el2;
    bool by_ref;
    RId it = iter_of(v, &el2, &by_ref);
    if (it == kNil) return {};
    return {try_(b_.call(rt("builtins::" + std::string(n) + "_by_key"), {it, kf})), el2, Form::Owned};
  }
  if (n == "sorted" && args.size() == 1 && kws.empty() && nested_float(T.kind(a0) == TyKind::Dict ? T.get(a0).args[0] : T.elem(a0))) {
    // Tuples holding floats have no Ord: Python's order through PyOrd.
    LE v = expr(args[0]);
    TypeId el2;
    bool by_ref;
    RId it = iter_of(v, &el2, &by_ref);
    if (it == kNil) return {};
    return {b_.call(rt("list::sorted"), {it, b_.bool_lit(false)}), T.list(el2), Form::Owned};
  }
  if (n == "sorted" && args.size() == 1 && !kws.empty()) {
    // sorted(xs, key=f, reverse=r) with a builtin key function.
    NodeId key = kNone, rev = kNone;
    for (NodeId k : kws) {
      uint32_t kn = slot(k, fld::keyword::arg);
      if (kn == kNone) return {};
      std::string_view name = m_.str(kn);
      if (name == "key") key = slot(k, fld::keyword::value);
      else if (name == "reverse") rev = slot(k, fld::keyword::value);
      else return {};
    }
    TypeId el = T.kind(a0) == TyKind::Dict ? T.get(a0).args[0] : T.elem(a0);
    TypeId kt = Types::kUnknown;
    RId kf = kNil;
    if (key != kNone && !is_none_const(m_, key)) {
      kf = key_fn(key, el, &kt);
      if (kf == kNil) return {};
    }
    LE v = expr(args[0]);
    TypeId el2;
    bool by_ref;
    RId it = iter_of(v, &el2, &by_ref);
    if (it == kNil) return {};
    RId r = rev == kNone ? b_.bool_lit(false) : truthy(expr(rev));
    RId call = kf == kNil ? b_.call(rt("list::sorted"), {it, r}) : b_.call(rt("list::sorted_by_key"), {it, kf, r});
    return {call, T.list(el2), Form::Owned};
  }
  return {};
}

LE Lowerer::method_ext(NodeId e, std::string_view m, LE recv) {
  NodeId fn = slot(e, fld::Call::func);
  auto args = list_of(e, fld::Call::args);
  auto kws = list_of(e, fld::Call::keywords);
  TypeId t = tm_.type_of(e);
  TyKind rk = T.kind(recv.ty);
  for (NodeId a : args)
    if (kind(a) == Kind::Starred) return {};
  auto at = [&](size_t i) { return tm_.type_of(args[i]); };
  auto ak = [&](size_t i) { return T.kind(at(i)); };
  auto statement_only = [&]() {
    // Methods that return None in Python but a flag in Rust: only as a statement.
    if (discard_call_ != e) fail(e, std::string(m) + "() result used as a value");
  };
  if (rk == TyKind::Float && kws.empty()) {
    if (m == "is_integer" && args.empty()) return {b_.call(rt("float::float_is_integer"), {recv.id}), Types::kBool, Form::Owned};
    if (m == "as_integer_ratio" && args.empty()) {
      // Exact only when both parts fit i64: done here for float literals.
      NodeId rn = slot(fn, fld::Attribute::value);
      bool neg = false;
      if (kind(rn) == Kind::UnaryOp && Kind(slot(rn, fld::UnaryOp::op)) == Kind::USub) {
        neg = true;
        rn = slot(rn, fld::UnaryOp::operand);
      }
      if (kind(rn) != Kind::Constant || m_.constant(slot(rn, fld::Constant::value)).tag != ast::Constant::Tag::Float) return {};
      double x = m_.constant(slot(rn, fld::Constant::value)).number;
      if (!std::isfinite(x)) return {};
      int exp = 0;
      double mant = std::frexp(x, &exp);  // x = mant * 2^exp, mant in [0.5, 1)
      int64_t num = static_cast<int64_t>(std::ldexp(mant, 53));
      int e2 = exp - 53;
      while (num != 0 && num % 2 == 0 && e2 < 0) num /= 2, ++e2;
      int64_t den = 1;
      if (num == 0) e2 = 0;
      if (e2 >= 0) {
        if (e2 > 9 || (num >> (62 - e2)) != 0) return {};
        num <<= e2;
      } else {
        if (-e2 > 62) return {};
        den = int64_t{1} << -e2;
      }
      if (neg) num = -num;
      return {b_.tuple({b_.int_lit(num), b_.int_lit(den)}), t, Form::Owned};
    }
    return {};
  }
  if (rk == TyKind::Str && kws.empty()) {
    if ((m == "partition" || m == "rpartition") && args.size() == 1 && ak(0) == TyKind::Str) {
      LE sep = expr(args[0]);
      return {try_(b_.call(rt("pystr::str_" + std::string(m)), {as_str_ref(recv), as_str_ref(sep)})), t, Form::Owned};
    }
    if ((m == "split" || m == "rsplit") && args.size() <= 2 && (args.empty() || ak(0) == TyKind::Str || is_none_const(m_, args[0])) &&
        (args.size() < 2 || ak(1) == TyKind::Int) && (m == "rsplit" || args.size() == 2)) {
      RId sep = b_.path("None");
      if (!args.empty() && !is_none_const(m_, args[0])) sep = b_.call(b_.path("Some"), {as_str_ref(expr(args[0]))});
      RId n = args.size() == 2 ? coerce(expr(args[1]), Types::kInt) : b_.int_lit(-1);
      return {try_(b_.call(rt("pystr::str_" + std::string(m)), {as_str_ref(recv), sep, n})), T.list(Types::kStr), Form::Owned};
    }
    if ((m == "strip" || m == "lstrip" || m == "rstrip") && args.size() == 1 && ak(0) == TyKind::Str)
      return {b_.call(rt("pystr::str_" + std::string(m)), {as_str_ref(recv), b_.call(b_.path("Some"), {as_str_ref(expr(args[0]))})}),
              Types::kStr, Form::Owned};
    if ((m == "find" || m == "count") && (args.size() == 2 || args.size() == 3) && ak(0) == TyKind::Str && ak(1) == TyKind::Int &&
        (args.size() == 2 || ak(2) == TyKind::Int)) {
      LE sub = expr(args[0]);
      RId lo = b_.call(b_.path("Some"), {coerce(expr(args[1]), Types::kInt)});
      RId hi = args.size() == 3 ? b_.call(b_.path("Some"), {coerce(expr(args[2]), Types::kInt)}) : b_.path("None");
      return {b_.call(rt("pystr::str_" + std::string(m)), {as_str_ref(recv), as_str_ref(sub), lo, hi}), Types::kInt, Form::Owned};
    }
    if (m == "replace" && args.size() == 3 && ak(0) == TyKind::Str && ak(1) == TyKind::Str && ak(2) == TyKind::Int) {
      LE o = expr(args[0]), nw = expr(args[1]), c = expr(args[2]);
      return {b_.call(rt("pystr::str_replace"), {as_str_ref(recv), as_str_ref(o), as_str_ref(nw), coerce(c, Types::kInt)}), Types::kStr,
              Form::Owned};
    }
    if ((m == "startswith" || m == "endswith") && args.size() == 2 && ak(0) == TyKind::Str && ak(1) == TyKind::Int) {
      LE p = expr(args[0]);
      RId lo = b_.call(b_.path("Some"), {coerce(expr(args[1]), Types::kInt)});
      return {b_.call(rt("pystr::str_" + std::string(m) + "_at"), {as_str_ref(recv), as_str_ref(p), lo, b_.path("None")}), Types::kBool,
              Form::Owned};
    }
    if ((m == "startswith" || m == "endswith") && args.size() == 1 && ak(0) == TyKind::Tuple) {
      for (TypeId x : T.get(at(0)).args)
        if (x != Types::kStr) return {};
      LE tup = expr(args[0]);
      std::string tmp = fresh("tup");
      Ids refs;
      for (size_t i = 0; i < T.get(at(0)).args.size(); ++i)
        refs.push_back(as_str_ref({b_.field(b_.path(tmp), std::to_string(i)), Types::kStr, Form::Place}));
      RId call = b_.call(rt("pystr::str_" + std::string(m) + "_any"), {as_str_ref(recv), b_.ref(b_.array(refs))});
      return {b_.block({b_.let(tmp, kNil, tup.id, false)}, call), Types::kBool, Form::Owned};
    }
    return {};
  }
  if (rk == TyKind::List) {
    TypeId el = T.elem(recv.ty);
    // Rust's == of instances is identity: a class's __eq__ is beyond these.
    if ((m == "remove" || m == "index" || m == "count") && T.kind(el) == TyKind::Class &&
        tm_.classes[T.get(el).cls].methods.count("__eq__")) {
      fail(e, "list." + std::string(m) + "() of instances with __eq__");
      return {b_.tuple({}), tm_.type_of(e), Form::Owned};
    }
    if (m == "remove" && args.size() == 1 && kws.empty()) {
      LE x = expr_as(args[0], el);
      return {try_(b_.call(rt("list::list_remove"), {mut_ref(recv), b_.ref(coerce(x, el))})), Types::kNone, Form::Owned};
    }
    if ((m == "index" || m == "count") && args.size() == 1 && kws.empty() && !T.is_copy(el)) {
      LE x = expr_as(args[0], el);
      RId xr = b_.ref(coerce(x, el));
      if (m == "count") return {b_.call(rt("list::list_count"), {borrow(recv), xr}), Types::kInt, Form::Owned};
      return {try_(b_.call(rt("list::list_index"), {borrow(recv), xr})), Types::kInt, Form::Owned};
    }
    if (m == "sort" && args.empty() && kws.empty() && nested_float(el))
      return {b_.call(rt("list::list_sort"), {mut_ref(recv), b_.bool_lit(false)}), Types::kNone, Form::Owned};
    if (m == "sort" && args.empty() && !kws.empty()) {
      NodeId key = kNone, rev = kNone;
      for (NodeId k : kws) {
        uint32_t kn = slot(k, fld::keyword::arg);
        if (kn == kNone) return {};
        if (m_.str(kn) == "key") key = slot(k, fld::keyword::value);
        else if (m_.str(kn) == "reverse") rev = slot(k, fld::keyword::value);
        else return {};
      }
      TypeId kt;
      RId kf = kNil;
      if (key != kNone && !is_none_const(m_, key)) {
        kf = key_fn(key, el, &kt);
        if (kf == kNil) return {};
      }
      RId r = rev == kNone ? b_.bool_lit(false) : truthy(expr(rev));
      if (kf == kNil) return {b_.call(rt("list::list_sort"), {mut_ref(recv), r}), Types::kNone, Form::Owned};
      return {b_.call(rt("list::list_sort_by_key"), {mut_ref(recv), kf, r}), Types::kNone, Form::Owned};
    }
    return {};
  }
  if (!kws.empty()) return {};
  if (rk == TyKind::Dict) {
    TypeId kt = T.get(recv.ty).args[0], vt = T.get(recv.ty).args[1];
    if (T.has_unknown(recv.ty) || T.has_dyn(recv.ty)) return {};
    if ((m == "keys" || m == "values" || m == "items") && args.empty()) {
      // A snapshot: the loop body may change the dict (Python allows
      // changing values while iterating).
      return {b_.method(b_.method(recv.id, std::string(m) + "_vec", {}), "into_iter", {}), t, Form::Owned};
    }
    if (m == "pop" && args.size() == 1) {
      LE k = expr(args[0]);
      return {try_(b_.method(recv.id, "pop", {elem_ref(k, kt)})), vt, Form::Owned};
    }
    if (m == "pop" && args.size() == 2 && t == vt) {
      LE k = expr(args[0]);
      RId kr = elem_ref(k, kt);
      RId d = coerce(expr_as(args[1], vt), vt);
      return {b_.method(b_.method(recv.id, "remove", {kr}), "unwrap_or", {d}), vt, Form::Owned};
    }
    if (m == "setdefault" && args.size() == 2) {
      RId k = coerce(expr_as(args[0], kt), kt);
      RId d = coerce(expr_as(args[1], vt), vt);
      RId place = b_.method(recv.id, "setdefault", {k, d});
      // A copy, not a borrow into the dict (`print(d.setdefault(k, 0), d)`);
      // method_recv keeps the place for `d.setdefault(k, []).append(x)`.
      if (setdefault_place_ || discard_call_ == e) return {place, vt, Form::MutRef};
      return {b_.method(place, "clone", {}), vt, Form::Owned};
    }
    if (m == "update" && args.size() == 1 && at(0) == recv.ty) {
      statement_only();
      LE o = expr(args[0]);
      return {b_.method(recv.id, "update", {owned(o)}), Types::kNone, Form::Owned};
    }
    if (m == "popitem" && args.empty()) return {try_(b_.method(recv.id, "popitem", {})), t, Form::Owned};
    if (m == "copy" && args.empty()) return {b_.method(recv.id, "clone", {}), recv.ty, Form::Owned};
    if (m == "clear" && args.empty()) return {b_.method(recv.id, "clear", {}), Types::kNone, Form::Owned};
    return {};
  }
  if (rk == TyKind::Set) {
    TypeId el = T.elem(recv.ty);
    if (T.has_unknown(recv.ty) || T.has_dyn(recv.ty)) return {};
    if (m == "add" && args.size() == 1) {
      statement_only();
      return {b_.method(recv.id, "add", {coerce(expr_as(args[0], el), el)}), Types::kNone, Form::Owned};
    }
    if (m == "discard" && args.size() == 1) {
      statement_only();
      return {b_.method(recv.id, "discard", {elem_ref(expr(args[0]), el)}), Types::kNone, Form::Owned};
    }
    if (m == "remove" && args.size() == 1) return {try_(b_.method(recv.id, "remove", {elem_ref(expr(args[0]), el)})), Types::kNone, Form::Owned};
    if ((m == "union" || m == "intersection" || m == "difference" || m == "symmetric_difference" || m == "issubset" ||
         m == "issuperset" || m == "isdisjoint") && args.size() == 1 && at(0) == recv.ty) {
      std::string rm = m == "issubset" ? "is_subset" : m == "issuperset" ? "is_superset" : m == "isdisjoint" ? "is_disjoint" : std::string(m);
      return {b_.method(recv.id, rm, {borrow(expr(args[0]))}), t, Form::Owned};
    }
    if (m == "update" && args.size() == 1) {
      TypeId e2;
      bool by_ref;
      LE o = expr(args[0]);
      RId it = iter_of(o, &e2, &by_ref);
      if (it == kNil || e2 != el) return {};
      return {b_.method(recv.id, "update", {it}), Types::kNone, Form::Owned};
    }
    if (m == "copy" && args.empty()) return {b_.method(recv.id, "clone", {}), recv.ty, Form::Owned};
    if (m == "clear" && args.empty()) return {b_.method(recv.id, "clear", {}), Types::kNone, Form::Owned};
    if (m == "pop" && args.empty()) return {try_(b_.method(recv.id, "pop", {})), el, Form::Owned};
    return {};
  }
  return {};
}

LE Lowerer::binop_ext(NodeId e) {
  Kind op = Kind(slot(e, fld::BinOp::op));
  NodeId ln = slot(e, fld::BinOp::left), rn = slot(e, fld::BinOp::right);
  TypeId lt = tm_.type_of(ln), rt_ = tm_.type_of(rn), t = tm_.type_of(e);
  TyKind lk = T.kind(lt), rk = T.kind(rt_);
  if (op == Kind::Mult && ((lk == TyKind::List && (rk == TyKind::Int || rk == TyKind::Bool)) ||
                           (rk == TyKind::List && (lk == TyKind::Int || lk == TyKind::Bool)))) {
    if (T.kind(t) != TyKind::List || T.has_unknown(t) || T.has_dyn(t)) return {};
    if (s_repeat_shares(e, t)) return {b_.tuple({}), t, Form::Owned};
    LE l = expr(ln), r = expr(rn);
    LE list = lk == TyKind::List ? l : r, n = lk == TyKind::List ? r : l;
    return {b_.call(rt("list::list_repeat"), {borrow(list), coerce(n, Types::kInt)}), t, Form::Owned};
  }
  if (lk == TyKind::Set && rk == TyKind::Set && lt == rt_ && !T.has_unknown(lt) && !T.has_dyn(lt)) {
    const char* m = op == Kind::BitOr ? "union" : op == Kind::BitAnd ? "intersection" : op == Kind::Sub ? "difference"
                    : op == Kind::BitXor ? "symmetric_difference" : nullptr;
    if (!m) return {};
    LE l = expr(ln), r = expr(rn);
    return {b_.method(l.id, m, {borrow(r)}), lt, Form::Owned};
  }
  return {};
}

RId Lowerer::compare_ext(Kind op, LE l, LE r) {
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
  if ((op == Kind::In || op == Kind::NotIn) && rk == TyKind::Set && !T.has_dyn(r.ty) && !T.has_unknown(r.ty)) {
    TypeId el = T.elem(r.ty);
    if (!(l.ty == el || (T.is_copy(el) && T.is_copy(l.ty) && T.kind(el) != TyKind::Tuple))) return kNil;
    RId c = b_.method(r.id, "contains", {elem_ref(l, el)});
    return op == Kind::NotIn ? b_.unary(Op::Not, c) : c;
  }
  if ((op == Kind::In || op == Kind::NotIn) && rk == TyKind::List && T.elem(r.ty) == l.ty && !T.has_dyn(l.ty) && !T.has_unknown(l.ty) &&
      l.form != Form::Borrowed && l.form != Form::MutRef) {
    RId c = b_.method(r.id, "contains", {borrow(l)});
    return op == Kind::NotIn ? b_.unary(Op::Not, c) : c;
  }
  if (lk == TyKind::Set && rk == TyKind::Set && l.ty == r.ty) {
    switch (op) {
      case Kind::Eq: return b_.binary(Op::Eq, l.id, r.id);
      case Kind::NotEq: return b_.binary(Op::Ne, l.id, r.id);
      case Kind::LtE: return b_.method(l.id, "is_subset", {borrow(r)});
      case Kind::Lt: return b_.method(l.id, "is_proper_subset", {borrow(r)});
      case Kind::GtE: return b_.method(l.id, "is_superset", {borrow(r)});
      case Kind::Gt: return b_.method(l.id, "is_proper_superset", {borrow(r)});
      default: return kNil;
    }
  }
  if (lk == TyKind::Dict && rk == TyKind::Dict && l.ty == r.ty && (op == Kind::Eq || op == Kind::NotEq))
    return b_.binary(op == Kind::Eq ? Op::Eq : Op::Ne, l.id, r.id);
  (void)lk;
  return kNil;
}

bool Lowerer::aug_assign_ext(NodeId s, Ids& out) {
  NodeId t = slot(s, fld::AugAssign::target);
  Kind op = Kind(slot(s, fld::AugAssign::op));
  NodeId vn = slot(s, fld::AugAssign::value);
  TypeId tt = tm_.type_of(t), vt = tm_.type_of(vn);
  if (kind(t) != Kind::Name) return false;
  if (T.kind(tt) == TyKind::Set && tt == vt && !T.has_unknown(tt) && !T.has_dyn(tt)) {
    const char* m = op == Kind::BitOr ? "update" : op == Kind::BitAnd ? "intersection_update" : op == Kind::Sub ? "difference_update"
                    : op == Kind::BitXor ? "symmetric_difference_update" : nullptr;
    if (!m) return false;
    LE target = expr(t);
    LE v = expr(vn);
    RId arg = op == Kind::BitOr ? owned(v) : borrow(v);
    out.push_back(b_.expr_stmt(b_.method(target.id, m, {arg})));
    return true;
  }
  if (T.kind(tt) == TyKind::List && op == Kind::Mult && (T.kind(vt) == TyKind::Int || T.kind(vt) == TyKind::Bool)) {
    if (s_repeat_shares(s, tt)) return true;
    LE target = expr(t);
    LE v = expr(vn);
    RId rep = b_.call(rt("list::list_repeat"), {borrow(target), coerce(v, Types::kInt)});
    out.push_back(b_.expr_stmt(b_.assign(Op::Assign, target.id, rep)));
    return true;
  }
  return false;
}

void Lowerer::delete_stmt(NodeId s, Ids& out) {
  for (NodeId t : list_of(s, fld::Delete::targets)) {
    if (kind(t) != Kind::Subscript) {
      fail(t, "del of " + std::string(ast::kind_name(kind(t))));
      continue;
    }
    NodeId sl = slot(t, fld::Subscript::slice);
    LE base = expr(slot(t, fld::Subscript::value));
    TyKind bk = T.kind(base.ty);
    if (bk == TyKind::List && kind(sl) == Kind::Slice) {
      Ids a{mut_ref(base)};
      for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
        NodeId n = slot(sl, f);
        if (n == kNone || is_none_const(m_, n)) {
          a.push_back(b_.path("None"));
          continue;
        }
        LE v = expr(n);
        if (T.kind(v.ty) != TyKind::Int && T.kind(v.ty) != TyKind::Bool) fail(n, "slice bound of type " + T.name(v.ty));
        a.push_back(b_.call(b_.path("Some"), {coerce(v, Types::kInt)}));
      }
      out.push_back(b_.expr_stmt(try_(b_.call(rt("list::list_del_slice"), a))));
    } else if (bk == TyKind::List) {
      LE i = expr(sl);
      if (T.kind(i.ty) != TyKind::Int && T.kind(i.ty) != TyKind::Bool) fail(sl, "index of type " + T.name(i.ty));
      out.push_back(b_.expr_stmt(try_(b_.call(rt("list::list_del"), {mut_ref(base), coerce(i, Types::kInt)}))));
    } else if (bk == TyKind::Dict && !T.has_dyn(base.ty) && !T.has_unknown(base.ty)) {
      LE k = expr(sl);
      out.push_back(b_.expr_stmt(try_(b_.method(base.id, "delitem", {elem_ref(k, T.get(base.ty).args[0])}))));
    } else {
      fail(t, "del on " + T.name(base.ty));
    }
  }
}

LE Lowerer::set_lit(NodeId e) {
  TypeId t = tm_.type_of(e);
  if (T.kind(t) != TyKind::Set || T.has_unknown(t) || T.has_dyn(t)) {
    fail(e, "set display of type " + T.name(t));
    return {b_.tuple({}), t, Form::Owned};
  }
  TypeId el = T.elem(t);
  Ids elems;
  for (NodeId x : list_of(e, fld::Set::elts)) elems.push_back(coerce(expr_as(x, el), el));
  RId v = b_.macro("vec", elems, true);
  return {b_.method_turbofish(b_.method(v, "into_iter", {}), "collect", {rust_type(t)}, {}), t, Form::Owned};
}

LE Lowerer::collect_comp(NodeId e) {
  // {x for ..}: the list comprehension's loops, collected into a Set;
  // {k: v for ..}: the same loops over (k, v) pairs, into a Dict.
  TypeId t = tm_.type_of(e);
  if (T.has_unknown(t) || T.has_dyn(t)) {
    fail(e, "comprehension of type " + T.name(t));
    return {b_.tuple({}), t, Form::Owned};
  }
  if (kind(e) == Kind::SetComp) {
    LE v = comprehension(e);
    return {b_.method_turbofish(b_.method(v.id, "into_iter", {}), "collect", {rust_type(t)}, {}), t, Form::Owned};
  }
  // DictComp: the loops of comprehension(), with the pair as element.
  TypeId kt = T.get(t).args[0], vt = T.get(t).args[1];
  std::string acc = "out" + std::to_string(++tmp_counter_);
  auto gens = list_of(e, fld::DictComp::generators);
  scopes_.emplace_back();
  struct Level {
    RId pat, iter;
    Ids conds;
  };
  std::vector<Level> levels;
  for (NodeId g : gens) {
    LE it = expr(slot(g, fld::comprehension::iter));
    TypeId elem;
    bool by_ref;
    RId iter = iter_of(it, &elem, &by_ref);
    if (iter == kNil) fail(g, "iteration over " + T.name(it.ty));
    NodeId target = slot(g, fld::comprehension::target);
    RId pat = kNil;
    if (kind(target) == Kind::Name) {
      std::string py(ident(target, fld::Name::id));
      std::string rn = local_name(py);
      pat = b_.pat_ident(rn);
      bind(py, {rn, elem, Form::Place});
    } else if (kind(target) == Kind::Tuple && T.kind(elem) == TyKind::Tuple &&
               T.get(elem).args.size() == list_of(target, fld::Tuple::elts).size()) {
      Ids pats;
      auto elts = list_of(target, fld::Tuple::elts);
      for (size_t i = 0; i < elts.size(); ++i) {
        if (kind(elts[i]) != Kind::Name) {
          fail(elts[i], "comprehension target");
          continue;
        }
        std::string py(ident(elts[i], fld::Name::id));
        std::string rn = local_name(py);
        pats.push_back(b_.pat_ident(rn));
        bind(py, {rn, T.get(elem).args[i], Form::Place});
      }
      pat = b_.pat_tuple(pats);
    } else {
      fail(target, "comprehension target");
      pat = b_.pat_wild();
    }
    Level lv{pat, iter == kNil ? b_.path("unreachable") : iter, {}};
    for (NodeId c : list_of(g, fld::comprehension::ifs)) lv.conds.push_back(cond_of(c));
    levels.push_back(std::move(lv));
  }
  RId k = coerce(expr_as(slot(e, fld::DictComp::key), kt), kt);
  RId v = coerce(expr_as(slot(e, fld::DictComp::value), vt), vt);
  RId inner = b_.expr_stmt(b_.method(b_.path(acc), "insert", {k, v}));
  scopes_.pop_back();
  for (size_t i = levels.size(); i-- > 0;) {
    Level& lv = levels[i];
    for (size_t c = lv.conds.size(); c-- > 0;) inner = b_.expr_stmt(b_.if_(lv.conds[c], b_.block({inner})));
    inner = b_.expr_stmt(b_.for_(lv.pat, lv.iter, b_.block({inner})));
  }
  RId decl = b_.let(acc, rust_type(t), b_.call(b_.assoc_path(rust_type(t), "new"), {}), true);
  return {b_.block({decl, inner}, b_.path(acc)), t, Form::Owned};
}

}  // namespace portalis::lower

namespace portalis::lower {

LE Lowerer::expr_as_ext(NodeId e, TypeId want) {
  if (LE x = expr_as_more(e, want); x.id != kNil) return x;
  // `seen = set()`: the call alone says set[?]; the variable knows more.
  if (kind(e) != Kind::Call || T.kind(want) != TyKind::Set || T.has_unknown(want) || T.has_dyn(want)) return {};
  NodeId fn = slot(e, fld::Call::func);
  if (kind(fn) != Kind::Name || ident(fn, fld::Name::id) != "set" || lookup("set") || tm_.func_by_name.count("set")) return {};
  if (!list_of(e, fld::Call::args).empty() || !list_of(e, fld::Call::keywords).empty()) return {};
  return {b_.call(b_.assoc_path(rust_type(want), "new"), {}), want, Form::Owned};
}

LE Lowerer::attribute_ext(NodeId e) {
  TypeId t = tm_.type_of(e);
  NodeId base = slot(e, fld::Attribute::value);
  std::string_view attr = ident(e, fld::Attribute::attr);
  if (kind(base) == Kind::Name && !lookup(ident(base, fld::Name::id))) {
    std::string_view mod = ident(base, fld::Name::id);
    if (mod == "string" && t == Types::kStr) {
      std::string up;
      for (char c : attr) up += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      return {rt("stdlib::string::" + up), Types::kStr, Form::Borrowed};
    }
    if (mod == "math" && t == Types::kFloat) {
      const char* c = attr == "pi" ? "std::f64::consts::PI" : attr == "e" ? "std::f64::consts::E" : attr == "tau" ? "std::f64::consts::TAU"
                                                                                                    : "f64::INFINITY";
      return {b_.path(c), Types::kFloat, Form::Owned};
    }
  }
  fail(e, "attribute access");
  return {b_.tuple({}), t, Form::Owned};
}

}  // namespace portalis::lower

namespace portalis::lower {

RId Lowerer::unpack_list(LE value, size_t n, Ids& out) {
  // `u, v, w = line.split()`: ValueError unless exactly n items, then a tuple of them.
  std::string tmp = fresh("items");
  out.push_back(b_.let(tmp, kNil, owned(value), false));
  RId len = b_.method(b_.path(tmp), "len", {});
  out.push_back(b_.expr_stmt(try_(b_.call(rt("list::check_unpack"), {len, b_.int_lit_text(std::to_string(n))}))));
  TypeId el = T.elem(value.ty);
  Ids items;
  for (size_t i = 0; i < n; ++i) {
    RId it = b_.index(b_.path(tmp), b_.int_lit_text(std::to_string(i)));
    items.push_back(T.is_copy(el) ? it : b_.method(it, "clone", {}));
  }
  return b_.tuple(items);
}

}  // namespace portalis::lower

namespace portalis::lower {

RId Lowerer::cond_of(NodeId e) {
  // In a test only truth matters: `a and b` over a str and a bool is fine
  // (as a value it would need one type).
  if (kind(e) == Kind::BoolOp && T.kind(tm_.type_of(e)) != TyKind::Bool) {
    bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
    RId acc = kNil;
    for (NodeId v : list_of(e, fld::BoolOp::values)) {
      RId x = cond_of(v);
      acc = acc == kNil ? x : b_.binary(is_and ? Op::And : Op::Or, acc, x);
    }
    return acc;
  }
  if (kind(e) == Kind::UnaryOp && Kind(slot(e, fld::UnaryOp::op)) == Kind::Not)
    return b_.unary(Op::Not, cond_of(slot(e, fld::UnaryOp::operand)));
  return truthy(expr(e));
}

}  // namespace portalis::lower
