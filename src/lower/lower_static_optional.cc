// Static lowering of Optional values (T | None) as Rust `Option<T>`:
// `None`/`Some(v)` where a value meets an Optional type, `x is None` as
// `x.is_none()`, truth through the runtime's PyTruth, and a name that the
// type inference narrowed (inside `if x is not None:` and the like) read
// with `unwrap()`, which cannot fail there. Keyword-only parameters of
// static functions come after the positional ones in the Rust signature.
#include "lower/lower_impl.h"

namespace portalis::lower {

std::vector<uint32_t> Lowerer::s_call_params(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  std::vector<uint32_t> out(fn.params.begin(), fn.params.end());
  out.insert(out.end(), fn.kwonly.begin(), fn.kwonly.end());
  return out;
}

LE Lowerer::opt_unwrap(const Binding& b, NodeId e) {
  TypeId inner = T.elem(b.ty);
  RId x = b_.path(b.rust);
  if (T.is_copy(inner)) return {b_.method(x, "unwrap", {}), inner, Form::Owned};
  const sema::Var* v = tm_.funcs[cur_].find(ident(e, fld::Name::id));
  // A list changed in place through the narrowed name (`bucket.append(x)`).
  if (v && v->mutated) return {b_.method(b_.method(x, "as_mut", {}), "unwrap", {}), inner, Form::MutRef};
  return {b_.method(b_.method(x, "as_ref", {}), "unwrap", {}), inner, Form::Borrowed};
}

RId Lowerer::coerce_optional(LE v, TypeId want) {
  TyKind wk = T.kind(want), vk = T.kind(v.ty);
  if (wk == TyKind::Optional) {
    if (vk == TyKind::None) return b_.path("None");
    if (vk == TyKind::Optional) {
      if (v.ty != want) fail(kNone, "a " + T.name(v.ty) + " value where " + T.name(want) + " is expected");
      return owned(v);
    }
    return b_.call(b_.path("Some"), {coerce(v, T.elem(want))});
  }
  // A tuple with None or Optional elements: converted element by element.
  const sema::TypeRec& vr = T.get(v.ty);
  const sema::TypeRec& wr = T.get(want);
  bool ok = wk == TyKind::Tuple && vk == TyKind::Tuple && vr.args.size() == wr.args.size();
  for (size_t i = 0; ok && i < vr.args.size(); ++i)
    ok = vr.args[i] == wr.args[i] || T.kind(wr.args[i]) == TyKind::Optional;
  if (!ok) {
    fail(kNone, "a " + T.name(v.ty) + " value where " + T.name(want) + " is expected");
    return owned(v);
  }
  std::string t = fresh("t");
  Ids elems;
  for (size_t i = 0; i < vr.args.size(); ++i)
    elems.push_back(coerce({b_.field(b_.path(t), std::to_string(i)), vr.args[i], Form::Owned}, wr.args[i]));
  return b_.block({b_.let(t, kNil, owned(v), false)}, b_.tuple(elems));
}

RId Lowerer::is_none_test(NodeId ln, LE l, NodeId rn, LE r, bool negate) {
  auto none_const = [&](NodeId n) {
    return kind(n) == Kind::Constant && m_.constant(slot(n, fld::Constant::value)).tag == ast::Constant::Tag::None;
  };
  // Only against the None constant (`x is y` of two values has no static meaning here).
  LE x = l;
  if (none_const(ln) && !none_const(rn)) x = r;
  else if (!none_const(rn)) return kNil;
  if (T.kind(x.ty) == TyKind::Optional) return b_.method(x.id, negate ? "is_some" : "is_none", {});
  if (T.kind(x.ty) == TyKind::None && (kind(x.id == l.id ? ln : rn) == Kind::Name || none_const(x.id == l.id ? ln : rn)))
    return b_.bool_lit(!negate);
  return kNil;
}

RId Lowerer::opt_truthy(LE v) {
  TyKind ik = T.kind(T.elem(v.ty));
  if (ik != TyKind::Int && ik != TyKind::Float && ik != TyKind::Bool && ik != TyKind::Str && ik != TyKind::List) {
    fail(kNone, "truth value of " + T.name(v.ty));
    return b_.bool_lit(false);
  }
  return b_.call(b_.path("rt::repr::PyTruth::truthy"), {borrow(v)});
}

bool Lowerer::has_optional(TypeId t) const {
  if (T.kind(t) == TyKind::Optional) return true;
  for (TypeId a : T.get(t).args)
    if (has_optional(a)) return true;
  return false;
}

}  // namespace portalis::lower
