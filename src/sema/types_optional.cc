// Optional types (T | None): what `x = None` and a later `x = 3`, a
// parameter defaulting to None, or a function returning a value on some
// paths and None on others join to. The static lowering holds them as Rust
// `Option<T>` (printed `None` like CPython).
#include "sema/types.h"

namespace portalis::sema {

TypeId Types::optional(TypeId t) {
  TyKind k = kind(t);
  if (k == TyKind::None || k == TyKind::Optional || k == TyKind::Dyn || k == TyKind::Unknown) return t;
  return intern({TyKind::Optional, {t}, 0});
}

TypeId Types::join_optional(TypeId a, TypeId b) {
  TyKind ka = kind(a), kb = kind(b);
  if (ka == TyKind::Dyn || kb == TyKind::Dyn) return kDyn;
  if (ka == TyKind::None && kb == TyKind::None) return a;
  // The non-None parts of each side, joined; None on either side makes it optional.
  TypeId ia = ka == TyKind::Optional ? elem(a) : ka == TyKind::None ? kUnknown : a;
  TypeId ib = kb == TyKind::Optional ? elem(b) : kb == TyKind::None ? kUnknown : b;
  TypeId inner = join(ia, ib);
  if (inner == kDyn || inner == kUnknown) return inner == kDyn ? kDyn : optional(kNone);
  // Optional[Optional[T]] has no Python meaning: it is Optional[T].
  if (kind(inner) == TyKind::Optional) return inner;
  return optional(inner);
}

bool Types::widens_to_optional(TypeId from, TypeId to) const {
  if (from == to) return true;
  const TypeRec& f = get(from);
  const TypeRec& t = get(to);
  if (t.kind == TyKind::Optional && (f.kind == TyKind::None || from == t.args[0])) return true;
  if (f.kind != t.kind || f.cls != t.cls || f.args.size() != t.args.size()) return false;
  for (size_t i = 0; i < f.args.size(); ++i)
    if (!widens_to_optional(f.args[i], t.args[i])) return false;
  return true;
}

}  // namespace portalis::sema
