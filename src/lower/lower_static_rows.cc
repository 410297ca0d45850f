// `zip(*rows)` in static functions. A zip row is a tuple of unknown length;
// sema (infer_specialize.h) types it as a list only where the comprehension
// reads the row as a whole sequence (`list(r)`, `sum(r)`, `for v in r`), so
// the columns of a list of lists serve: rt::list::transpose, truncated to the
// shortest row like zip.
#include "lower/lower_impl.h"

namespace portalis::lower {

LE Lowerer::zip_rows(NodeId e) {
  TypeId t = tm_.type_of(e);
  NodeId star = list_of(e, fld::Call::args)[0];
  LE rows = expr(slot(star, fld::Starred::value));
  if (T.kind(t) != TyKind::Iter || T.kind(rows.ty) != TyKind::List || T.elem(rows.ty) != T.elem(t) ||
      T.kind(T.elem(t)) != TyKind::List) {
    fail(e, "zip of rows that are not lists");
    return {b_.tuple({}), t, Form::Owned};
  }
  RId cols = b_.call(rt("list::transpose"), {borrow(rows)});
  return {b_.method(cols, "into_iter", {}), t, Form::Owned};
}

}  // namespace portalis::lower

namespace portalis::lower {

// The container of a nested item store (`m[i][j] = v`, `m[i][j] += v`): each
// list index goes to a local first, since IndexMut cannot borrow m while
// `m.len()` in its own index expression reads it.
LE Lowerer::store_base(NodeId base, Ids& out) {
  if (kind(base) != Kind::Subscript || kind(slot(base, fld::Subscript::slice)) == Kind::Slice ||
      T.kind(tm_.type_of(slot(base, fld::Subscript::value))) != TyKind::List)
    return expr(base);
  LE inner = store_base(slot(base, fld::Subscript::value), out);
  if (T.kind(inner.ty) != TyKind::List) {
    fail(base, "item store into " + T.name(inner.ty));
    return inner;
  }
  RId idx = index_place(inner, slot(base, fld::Subscript::slice), "list index out of range", out);
  return {b_.index(inner.id, idx), T.elem(inner.ty), Form::Place};
}

}  // namespace portalis::lower

namespace portalis::lower {

// `map(f, xs)` with a builtin conversion f (sema's map_builtin_type): a lazy
// iterator like Python's map.
LE Lowerer::map_builtin(NodeId e) {
  TypeId t = tm_.type_of(e);
  auto args = list_of(e, fld::Call::args);
  std::string_view f = ident(args[0], fld::Name::id);
  if (lookup(f)) {
    fail(e, "map of a local function");
    return {b_.tuple({}), t, Form::Owned};
  }
  LE xs = expr(args[1]);
  TypeId el = Types::kUnknown;
  bool by_ref = false;
  RId it = iter_of(xs, &el, &by_ref);
  LE x{b_.path("x"), el, Form::Owned};
  TyKind ek = T.kind(el);
  RId body = kNil;
  if (f == "str") body = py_str(x);
  else if (f == "repr") body = b_.method(x.id, "py_repr", {});
  else if (f == "float" && (ek == TyKind::Int || ek == TyKind::Bool || ek == TyKind::Float)) body = to_float(x);
  else if (f == "abs" && (ek == TyKind::Int || ek == TyKind::Bool)) body = b_.call("i64::abs", {coerce(x, Types::kInt)});
  else if (f == "abs" && ek == TyKind::Float) body = b_.call("f64::abs", {x.id});
  else if (f == "len" && ek == TyKind::Str) body = b_.cast(b_.method(b_.method(x.id, "chars", {}), "count", {}), b_.ty("i64"));
  else if (f == "len" && ek == TyKind::List) body = b_.cast(b_.method(x.id, "len", {}), b_.ty("i64"));
  if (it == kNil || body == kNil || T.kind(t) != TyKind::Iter) {
    fail(e, "map(" + std::string(f) + ", " + T.name(xs.ty) + ")");
    return {b_.tuple({}), t, Form::Owned};
  }
  return {b_.method(it, "map", {b_.closure({b_.pat_ident("x")}, body)}), t, Form::Owned};
}

}  // namespace portalis::lower
