// Static integers that may outgrow i64 (sema's BigInt, see sema/infer_int.h)
// are the runtime's arbitrary-precision `rt::int::Int`. Each operator is one
// call into rt::bigint with both operands borrowed; a machine integer meeting
// a big one is widened at the call (`&Int::from_i64(k)`, no allocation).
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool intish(TyKind k) { return k == TyKind::Int || k == TyKind::Bool || k == TyKind::BigInt; }
}  // namespace

RId Lowerer::big_owned(LE v) {
  if (T.kind(v.ty) == TyKind::BigInt) return owned(v);
  return b_.call(rt("int::Int::from_i64"), {coerce(v, Types::kInt)});
}

RId Lowerer::big_ref(LE v) {
  if (T.kind(v.ty) == TyKind::BigInt) return borrow(v);
  return b_.ref(big_owned(v));
}

LE Lowerer::big_arith(Kind op, LE l, LE r, NodeId rnode, TypeId result) {
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
  if (lk == TyKind::Float || rk == TyKind::Float || (T.kind(result) == TyKind::Float && op != Kind::Div)) {
    // Mixed with a float: Python converts the int (OverflowError past 1e308).
    if (lk == TyKind::BigInt) l = {to_float(l), Types::kFloat, Form::Owned};
    if (rk == TyKind::BigInt) r = {to_float(r), Types::kFloat, Form::Owned};
    return arith(op, l, r, rnode, result);
  }
  if (!intish(lk) || !intish(rk)) {
    fail(rnode, "operator on " + T.name(l.ty) + " and " + T.name(r.ty));
    return {l.id, result, Form::Owned};
  }
  int64_t lit = 0;
  if (op == Kind::Pow && rnode != kNone && is_int_literal(rnode, &lit) && lit < 0) {
    fail(rnode, "negative power of a big integer");
    return {l.id, result, Form::Owned};
  }
  const char* fn = nullptr;
  bool raises = false;
  switch (op) {
    case Kind::Add: fn = "bigint::add"; break;
    case Kind::Sub: fn = "bigint::sub"; break;
    case Kind::Mult: fn = "bigint::mul"; break;
    case Kind::BitAnd: fn = "bigint::bitand"; break;
    case Kind::BitOr: fn = "bigint::bitor"; break;
    case Kind::BitXor: fn = "bigint::bitxor"; break;
    case Kind::FloorDiv: fn = "bigint::floor_div", raises = true; break;
    case Kind::Mod: fn = "bigint::modulo", raises = true; break;
    case Kind::Pow: fn = "bigint::pow", raises = true; break;
    case Kind::LShift: fn = "bigint::shl", raises = true; break;
    case Kind::RShift: fn = "bigint::shr", raises = true; break;
    case Kind::Div: return {try_(b_.call(rt("bigint::true_div"), {big_ref(l), big_ref(r)})), Types::kFloat, Form::Owned};
    default:
      fail(rnode, "integer operator");
      return {l.id, result, Form::Owned};
  }
  RId c = b_.call(rt(fn), {big_ref(l), big_ref(r)});
  return {raises ? try_(c) : c, T.bigint(), Form::Owned};
}

LE Lowerer::big_unary(Kind op, LE v) {
  switch (op) {
    case Kind::USub: return {b_.call(rt("bigint::neg"), {big_ref(v)}), T.bigint(), Form::Owned};
    case Kind::UAdd: return {big_owned(v), T.bigint(), Form::Owned};
    case Kind::Invert: return {b_.call(rt("bigint::invert"), {big_ref(v)}), T.bigint(), Form::Owned};
    default:
      fail(kNone, "unary operator on a big integer");
      return v;
  }
}

RId Lowerer::big_compare(Op rop, LE l, LE r) {
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
  if (intish(lk) && intish(rk)) return b_.binary(rop, big_ref(l), big_ref(r));
  if ((lk == TyKind::Float && intish(rk)) || (rk == TyKind::Float && intish(lk))) return b_.binary(rop, to_float(l), to_float(r));
  return kNil;
}

bool Lowerer::big_builtin(NodeId e, std::string_view n, std::vector<LE>& a, LE& out) {
  TypeId t = tm_.type_of(e);
  TypeId big = T.bigint();
  bool any = T.kind(t) == TyKind::BigInt;
  for (const LE& x : a) any |= T.kind(x.ty) == TyKind::BigInt;
  if (!any) return false;
  auto k = [&](size_t i) { return T.kind(a[i].ty); };
  auto all_int = [&]() {
    for (size_t i = 0; i < a.size(); ++i)
      if (!intish(k(i))) return false;
    return true;
  };
  if (n == "str" || n == "repr" || n == "print") return false;  // every type has py_str / py_repr
  if (n == "abs" && a.size() == 1 && intish(k(0))) {
    out = {b_.call(rt("bigint::abs"), {big_ref(a[0])}), big, Form::Owned};
    return true;
  }
  if (n == "int" && a.size() == 1) {
    if (intish(k(0))) out = {big_owned(a[0]), big, Form::Owned};
    else if (k(0) == TyKind::Str) out = {try_(b_.call(rt("bigint::parse"), {as_str_ref(a[0])})), big, Form::Owned};
    else if (k(0) == TyKind::Float) out = {try_(b_.call(rt("bigint::from_float"), {a[0].id})), big, Form::Owned};
    else return false;
    return true;
  }
  if (n == "float" && a.size() == 1 && k(0) == TyKind::BigInt) {
    out = {to_float(a[0]), Types::kFloat, Form::Owned};
    return true;
  }
  if (n == "pow" && (a.size() == 2 || a.size() == 3) && all_int()) {
    Ids args;
    for (LE& x : a) args.push_back(big_ref(x));
    out = {try_(b_.call(rt(a.size() == 2 ? "bigint::pow" : "bigint::pow_mod"), args)), big, Form::Owned};
    return true;
  }
  if (n == "divmod" && a.size() == 2 && all_int()) {
    out = {try_(b_.call(rt("bigint::divmod"), {big_ref(a[0]), big_ref(a[1])})), T.tuple({big, big}), Form::Owned};
    return true;
  }
  if ((n == "max" || n == "min") && a.size() >= 2 && all_int()) {
    // Equal ints are indistinguishable, so std's tie rule is Python's.
    RId acc = big_owned(a[0]);
    for (size_t i = 1; i < a.size(); ++i) acc = b_.call(n == "max" ? "std::cmp::max" : "std::cmp::min", {acc, big_owned(a[i])});
    out = {acc, big, Form::Owned};
    return true;
  }
  if (n == "sum" && a.size() == 1) {
    TypeId el;
    bool by_ref;
    RId it = iter_of(a[0], &el, &by_ref);
    if (it == kNil || T.kind(el) != TyKind::BigInt) return false;
    out = {b_.call(rt("bigint::sum"), {it}), big, Form::Owned};
    return true;
  }
  if ((n == "hex" || n == "bin" || n == "oct") && a.size() == 1 && intish(k(0))) {
    out = {b_.call(rt("builtins::" + std::string(n) + "_int"), {big_ref(a[0])}), Types::kStr, Form::Owned};
    return true;
  }
  fail(e, std::string(n) + "() with a big integer");
  out = {b_.tuple({}), t, Form::Owned};
  return true;
}

}  // namespace portalis::lower
