// Result types of more builtin functions builtins.def marks Special:
// next(it[, default]), frozenset(xs), str.maketrans(..) and s.translate(t).
// The static lowering is lower/lower_static_builtins.cc.
#include "sema/infer.h"

namespace portalis::sema {

namespace {
TypeId items_of(const Types& T, TypeId t) {
  const TypeRec& r = T.get(t);
  switch (r.kind) {
    case TyKind::List: case TyKind::Set: case TyKind::Iter: case TyKind::FrozenSet: case TyKind::Range: return r.args.empty() ? Types::kInt : r.args[0];
    case TyKind::Str: return Types::kStr;
    case TyKind::Dict: return r.args[0];
    case TyKind::Unknown: return Types::kUnknown;
    default: return Types::kDyn;
  }
}
}  // namespace

TypeId builtin_call_more(Types& T, std::string_view n, const std::vector<TypeId>& a) {
  if (n == "frozenset" && a.size() <= 1) {
    TypeId el = a.empty() ? Types::kUnknown : items_of(T, a[0]);
    if (el == Types::kDyn) return Types::kDyn;
    return T.intern({TyKind::FrozenSet, {el}, 0});
  }
  if (n == "str.maketrans") {
    for (TypeId t : a)
      if (T.kind(t) == TyKind::Unknown) return Types::kUnknown;
    if (a.size() == 1 && a[0] == T.dict(Types::kStr, Types::kStr)) return T.intern({TyKind::TransTable, {}, 0});
    if ((a.size() == 2 || a.size() == 3) && a[0] == Types::kStr && a[1] == Types::kStr && (a.size() == 2 || a[2] == Types::kStr))
      return T.intern({TyKind::TransTable, {}, 0});
    return Types::kDyn;
  }
  if (n == "next" && (a.size() == 1 || a.size() == 2)) {
    if (T.kind(a[0]) == TyKind::Unknown) return Types::kUnknown;
    if (T.kind(a[0]) != TyKind::Iter) return Types::kDyn;
    TypeId el = T.elem(a[0]);
    return a.size() == 1 ? el : T.join(el, a[1]);
  }
  return Types::kDyn;
}

}  // namespace portalis::sema
