// Static dicts (runtime rt::dict::Dict, insertion ordered): displays,
// `d[k]`, `d[k] = v`, `d.get(k, default)`, `len(d)` and `k in d`.
#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::dict_key_ref(LE k, TypeId want) {
  // Lookups borrow the key: &str for str keys (String: Borrow<str>), &K else.
  if (T.kind(want) == TyKind::Str && T.kind(k.ty) == TyKind::Str) return as_str_ref(k);
  if (T.is_copy(want)) return b_.ref(coerce(k, want));
  if (k.ty != want) fail(kNone, "a " + T.name(k.ty) + " key where " + T.name(want) + " is expected");
  return borrow(k);
}

LE Lowerer::dict_lit(NodeId e) {
  TypeId t = tm_.type_of(e);
  if (T.kind(t) != TyKind::Dict || T.has_unknown(t) || T.has_dyn(t)) {
    fail(e, "dict display of type " + T.name(t));
    return {b_.macro("unreachable", {}), t, Form::Owned};
  }
  TypeId kt = T.get(t).args[0], vt = T.get(t).args[1];
  auto keys = list_of(e, fld::Dict::keys);
  auto vals = list_of(e, fld::Dict::values);
  RId ctor = b_.call(b_.assoc_path(rust_type(t), "new"), {});
  if (vals.empty()) return {ctor, t, Form::Owned};
  std::string d = fresh("dict");
  Ids stmts{b_.let(d, kNil, ctor, true)};
  for (size_t i = 0; i < vals.size(); ++i) {
    if (i >= keys.size() || keys[i] == kNone) {
      fail(e, "dict display with **");
      continue;
    }
    RId k = coerce(expr_as(keys[i], kt), kt);
    RId v = coerce(expr_as(vals[i], vt), vt);
    stmts.push_back(b_.expr_stmt(b_.method(b_.path(d), "insert", {k, v})));
  }
  return {b_.block(stmts, b_.path(d)), t, Form::Owned};
}

LE Lowerer::dict_subscript(NodeId e, LE base) {
  TypeId t = tm_.type_of(e);
  const sema::TypeRec& r = T.get(base.ty);
  LE k = expr(slot(e, fld::Subscript::slice));
  RId item = try_(b_.method(base.id, "getitem", {dict_key_ref(k, r.args[0])}));
  if (T.is_copy(t)) return {b_.deref(item), t, Form::Owned};
  return {b_.method(item, "clone", {}), t, Form::Owned};
}

void Lowerer::dict_store(LE base, NodeId key, LE value, Ids& out) {
  const sema::TypeRec& r = T.get(base.ty);
  TypeId kt = r.args[0], vt = r.args[1];
  // The value first: `d[k] = d.get(k, 0) + 1` reads d before the insert borrows it.
  std::string v = fresh("val");
  out.push_back(b_.let(v, rust_type(vt), coerce(value, vt), false));
  RId k = coerce(expr_as(key, kt), kt);
  out.push_back(b_.expr_stmt(b_.method(base.id, "insert", {k, b_.path(v)})));
}

LE Lowerer::dict_method(NodeId e, std::string_view m, LE recv, std::vector<LE>& a) {
  TypeId t = tm_.type_of(e);
  const sema::TypeRec& r = T.get(recv.ty);
  if (m == "get" && a.size() == 2 && t == r.args[1]) {
    RId k = dict_key_ref(a[0], r.args[0]);
    return {b_.method(recv.id, "get_or", {k, coerce(a[1], r.args[1])}), t, Form::Owned};
  }
  fail(e, "method " + std::string(m) + " of " + T.name(recv.ty));
  return {b_.tuple({}), t, Form::Owned};
}

}  // namespace portalis::lower
