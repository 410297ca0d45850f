// int | float (TyKind::Num): what a variable, parameter, field or list
// element that receives both ints and floats holds. Python keeps each value's
// own kind (`2` prints as `2`, `2.0` as `2.0`; `round(12, 3)` is `12`), so
// making it a float would change output; the static lowering holds it as the
// runtime's `rt::num::Num` (lower/lower_static_num.cc).
#include "sema/types.h"

namespace portalis::sema {

TypeId Types::join_num(TypeId a, TypeId b) {
  TyKind ka = kind(a), kb = kind(b);
  auto numeric = [](TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Num; };
  if (!numeric(ka) || !numeric(kb) || ka == kb) return kUnknown;
  return num();  // int with float, or either with int | float
}

}  // namespace portalis::sema

#include "sema/infer_num.h"

namespace portalis::sema {

TypeId num_binop(Types& T, ast::Kind op, TypeId l, TypeId r) {
  TyKind kl = T.kind(l), kr = T.kind(r);
  if (kl != TyKind::Num && kr != TyKind::Num) return Types::kUnknown;
  auto numeric = [](TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool || k == TyKind::Num; };
  if (!numeric(kl) || !numeric(kr)) return Types::kDyn;
  switch (op) {
    case ast::Kind::Div: return Types::kFloat;
    case ast::Kind::Add: case ast::Kind::Sub: case ast::Kind::Mult: case ast::Kind::FloorDiv: case ast::Kind::Mod:
    case ast::Kind::Pow:
      return (kl == TyKind::Float || kr == TyKind::Float) ? Types::kFloat : T.num();
    default: return Types::kDyn;
  }
}

}  // namespace portalis::sema
