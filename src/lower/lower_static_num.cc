// int | float values (TyKind::Num, sema/types_num.cc) in static code: the
// runtime's `rt::num::Num`, which keeps each value's own kind so that
// printing, formatting and `round` show what CPython shows.
//
// Conversions: an int or float meets a Num as `Num::Int(x)` / `Num::Float(x)`,
// a Num meets a float as `x.to_f64()` (Python would compute a float there
// anyway). Arithmetic goes through rt::num's functions (Python's promotion,
// ZeroDivisionError, OverflowError); an operation whose result sema typed
// float (`/`, or a float operand) is plain f64 arithmetic.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool numeric(TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool || k == TyKind::Num; }
}  // namespace

RId Lowerer::num_coerce(LE v, TypeId want) {
  TyKind wk = T.kind(want), vk = T.kind(v.ty);
  if (wk == TyKind::Num) {
    switch (vk) {
      case TyKind::Num: return v.form == Form::Borrowed || v.form == Form::MutRef ? b_.deref(v.id) : v.id;
      case TyKind::Int: return b_.call(rt("num::Num::Int"), {v.id});
      case TyKind::Bool: return b_.call(rt("num::Num::Int"), {b_.cast(v.id, b_.ty("i64"))});
      case TyKind::Float: return b_.call(rt("num::Num::Float"), {v.id});
      default: return kNil;
    }
  }
  if (vk == TyKind::Num && wk == TyKind::Float) return b_.method(v.id, "to_f64", {});
  return kNil;
}

LE Lowerer::num_arith(Kind op, LE l, LE r, NodeId rnode, TypeId result) {
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty), tk = T.kind(result);
  if (!numeric(lk) || !numeric(rk) || (lk == TyKind::Bool && rk == TyKind::Bool)) {
    fail(rnode, "operator on " + T.name(l.ty) + " and " + T.name(r.ty));
    return {l.id, result, Form::Owned};
  }
  if (op == Kind::Div) {
    if (lk == TyKind::Float || rk == TyKind::Float) return arith(op, {to_float(l), Types::kFloat, Form::Owned}, {to_float(r), Types::kFloat, Form::Owned}, rnode, Types::kFloat);
    return {try_(b_.call(rt("num::div"), {num_coerce(l, T.num()), num_coerce(r, T.num())})), Types::kFloat, Form::Owned};
  }
  if (tk == TyKind::Float) {  // a float operand: Python computes a float
    return arith(op, {to_float(l), Types::kFloat, Form::Owned}, {to_float(r), Types::kFloat, Form::Owned}, rnode, Types::kFloat);
  }
  const char* fn = op == Kind::Add ? "num::add" : op == Kind::Sub ? "num::sub" : op == Kind::Mult ? "num::mul"
                 : op == Kind::FloorDiv ? "num::floor_div" : op == Kind::Mod ? "num::modulo" : op == Kind::Pow ? "num::pow" : nullptr;
  if (!fn || tk != TyKind::Num) {
    fail(rnode, "operator on " + T.name(l.ty) + " and " + T.name(r.ty));
    return {l.id, result, Form::Owned};
  }
  return {try_(b_.call(rt(fn), {num_coerce(l, T.num()), num_coerce(r, T.num())})), T.num(), Form::Owned};
}

LE Lowerer::num_unary(Kind op, LE v, NodeId e) {
  if (op == Kind::USub) return {try_(b_.call(rt("num::neg"), {num_coerce(v, T.num())})), T.num(), Form::Owned};
  if (op == Kind::UAdd) return {num_coerce(v, T.num()), T.num(), Form::Owned};
  fail(e, "unary operator on int | float");
  return v;
}

RId Lowerer::num_compare(Op rop, LE l, LE r) {
  if (!numeric(T.kind(l.ty)) || !numeric(T.kind(r.ty))) return kNil;
  // Python compares an int and a float exactly: Num's PartialOrd does too.
  return b_.binary(rop, num_coerce(l, T.num()), num_coerce(r, T.num()));
}

RId Lowerer::num_contains(LE x, LE xs, bool negate) {
  if (T.kind(xs.ty) != TyKind::List || T.kind(T.elem(xs.ty)) != TyKind::Num || !numeric(T.kind(x.ty))) return kNil;
  RId c = b_.method(xs.id, "contains", {b_.ref(num_coerce(x, T.num()))});
  return negate ? b_.unary(Op::Not, c) : c;
}

bool Lowerer::num_builtin(NodeId e, std::string_view n, std::vector<LE>& a, LE& out) {
  TypeId num = T.num();
  auto is_num = [&](const LE& x) { return T.kind(x.ty) == TyKind::Num; };
  auto fin = [&](RId id, TypeId t) {
    out = {id, t, Form::Owned};
    return true;
  };
  if (a.size() == 1 && is_num(a[0])) {
    RId x = num_coerce(a[0], num);
    if (n == "abs") return fin(try_(b_.call(rt("num::abs"), {x})), num);
    if (n == "round") return fin(try_(b_.call(rt("num::round0"), {x})), Types::kInt);
    if (n == "int") return fin(try_(b_.method(x, "to_i64", {})), Types::kInt);
    if (n == "float") return fin(b_.method(x, "to_f64", {}), Types::kFloat);
    if (n == "bool") return fin(b_.method(x, "truthy", {}), Types::kBool);
  }
  if (n == "round" && a.size() == 2 && is_num(a[0]) && (T.kind(a[1].ty) == TyKind::Int || T.kind(a[1].ty) == TyKind::Bool))
    return fin(try_(b_.call(rt("num::round_n"), {num_coerce(a[0], num), coerce(a[1], Types::kInt)})), num);
  if (n == "format" && a.size() == 2 && is_num(a[0]) && T.kind(a[1].ty) == TyKind::Str)
    return fin(try_(b_.call(rt("fmt::py_format"), {borrow(a[0]), as_str_ref(a[1])})), Types::kStr);
  if ((n == "min" || n == "max") && a.size() >= 2 && T.kind(tm_.type_of(e)) == TyKind::Num) {
    for (const LE& x : a)
      if (!numeric(T.kind(x.ty))) return false;
    RId acc = num_coerce(a[0], num);
    for (size_t i = 1; i < a.size(); ++i) acc = b_.call(rt(n == "min" ? "num::min2" : "num::max2"), {acc, num_coerce(a[i], num)});
    return fin(acc, num);
  }
  if ((n == "sum" || n == "min" || n == "max") && a.size() == 1) {
    TyKind ak = T.kind(a[0].ty);
    if (ak != TyKind::List && ak != TyKind::Iter && ak != TyKind::Set && ak != TyKind::Tuple) return false;
    TypeId el = ak == TyKind::Tuple ? Types::kUnknown : T.elem(a[0].ty);
    if (ak == TyKind::Tuple) {
      for (TypeId t : T.get(a[0].ty).args)
        if (T.kind(t) != TyKind::Num) return false;
      return false;  // tuples of numbers: the usual path decides
    }
    if (T.kind(el) != TyKind::Num) return false;
    bool by_ref;
    TypeId el2;
    RId it = iter_of(a[0], &el2, &by_ref);
    if (it == kNil) return false;
    if (n == "sum") return fin(try_(b_.call(rt("num::sum"), {it})), num);
    return fin(try_(b_.call(rt(n == "min" ? "builtins::min" : "builtins::max"), {it})), num);
  }
  return false;
}

}  // namespace portalis::lower
