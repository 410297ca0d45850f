// Expression lowering. Types decide the Rust: i64/f64/bool/String/Vec with
// std operators where they agree with Python, runtime helpers (returning
// PyResult, hence `?`) where Python raises or rounds differently.
#include <cstdlib>

#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool fits_i64(const std::string& digits) {
  if (digits.empty()) return false;
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(digits.c_str(), &end, 10);
  (void)v;
  return errno == 0 && end && *end == '\0';
}
}  // namespace

bool Lowerer::is_int_literal(NodeId e, int64_t* value) const {
  bool neg = false;
  if (kind(e) == Kind::UnaryOp && Kind(slot(e, fld::UnaryOp::op)) == Kind::USub) {
    neg = true;
    e = slot(e, fld::UnaryOp::operand);
  }
  if (kind(e) != Kind::Constant) return false;
  const ast::Constant& c = m_.constant(slot(e, fld::Constant::value));
  if (c.tag != ast::Constant::Tag::Int || !fits_i64(c.text)) return false;
  *value = std::strtoll(c.text.c_str(), nullptr, 10) * (neg ? -1 : 1);
  return true;
}

LE Lowerer::expr_as(NodeId e, TypeId want) {
  // A display meeting Optional[list]: built as the list, wrapped by coerce.
  if (T.kind(want) == TyKind::Optional && (kind(e) == Kind::List || kind(e) == Kind::Dict)) return expr_as(e, T.elem(want));
  if (LE x = expr_as_ext(e, want); x.id != kNil) return x;
  // `{}` takes the type of what receives it (the variable's refined type).
  if (kind(e) == Kind::Dict && list_of(e, fld::Dict::values).empty() && T.kind(want) == TyKind::Dict && !T.has_unknown(want) &&
      !T.has_dyn(want))
    return {b_.call(b_.assoc_path(rust_type(want), "new"), {}), want, Form::Owned};
  if (kind(e) == Kind::List && T.kind(want) == TyKind::List) {
    Ids elems;
    for (NodeId x : list_of(e, fld::List::elts)) elems.push_back(coerce(expr_as(x, T.elem(want)), T.elem(want)));
    if (elems.empty()) {
      // Nothing else says what the elements are: name the type for rustc.
      if (T.has_dyn(want) || T.has_unknown(want)) return {b_.call(b_.assoc_path(b_.ty("Vec", {b_.ty("rt::value::Value")}), "new"), {}), want, Form::Owned};
      return {b_.call("Vec::new", {}), want, Form::Owned};
    }
    return {b_.macro("vec", elems, true), want, Form::Owned};
  }
  return expr(e);
}

LE Lowerer::expr(NodeId e) {
  TypeId t = tm_.type_of(e);
  if (!preset_.empty() && preset_.count(e)) return preset_.at(e);
  switch (kind(e)) {
    case Kind::Attribute:
      if (LE c = s_class_attr(e); c.id != kNil) return c;  // `C.__name__` (lower_static_inherit.cc)
      if (T.kind(tm_.type_of(slot(e, fld::Attribute::value))) == TyKind::Class) return s_attr(e);
      if (LE x = s_exc_attr(e); x.id != kNil) return x;  // lower_static_exc.cc
      return attribute_ext(e);  // `string.punctuation`, `math.pi`
    case Kind::Constant: return constant(e);
    case Kind::Name: return name(e);
    case Kind::BinOp: return binop(e);
    case Kind::UnaryOp: return unary(e);
    case Kind::BoolOp: return boolop(e);
    case Kind::Compare: return compare(e);
    case Kind::IfExp: return ifexp(e);
    case Kind::Subscript: return subscript(e);
    case Kind::JoinedStr: return fstring(e);
    case Kind::List: return list_lit(e);
    case Kind::Dict: return dict_lit(e);
    case Kind::Tuple: {
      Ids elems;
      for (NodeId x : list_of(e, fld::Tuple::elts)) elems.push_back(owned(expr(x)));
      return {b_.tuple(elems), t, Form::Owned};
    }
    case Kind::Call: return call(e);
    case Kind::ListComp: case Kind::GeneratorExp: return comprehension(e);
    case Kind::Set: return set_lit(e);
    case Kind::SetComp: case Kind::DictComp: return collect_comp(e);
    case Kind::Lambda: return s_lambda(e);
    default:
      fail(e, std::string(ast::kind_name(kind(e))) + " expression");
      return {b_.macro("unreachable", {}), t, Form::Owned};
  }
}

LE Lowerer::constant(NodeId e) {
  const ast::Constant& c = m_.constant(slot(e, fld::Constant::value));
  switch (c.tag) {
    case ast::Constant::Tag::Int:
      if (!fits_i64(c.text) && T.kind(tm_.type_of(e)) == TyKind::BigInt)
        return {b_.call(rt("bigint::lit"), {b_.str_lit(c.text)}), tm_.type_of(e), Form::Owned};
      if (!fits_i64(c.text)) {
        fail(e, "integer literal beyond 64 bits");
        return {b_.int_lit(0), Types::kInt, Form::Owned};
      }
      return {b_.int_lit(std::strtoll(c.text.c_str(), nullptr, 10)), Types::kInt, Form::Owned};
    case ast::Constant::Tag::Float: return {b_.float_lit(c.number), Types::kFloat, Form::Owned};
    case ast::Constant::Tag::True: return {b_.bool_lit(true), Types::kBool, Form::Owned};
    case ast::Constant::Tag::False: return {b_.bool_lit(false), Types::kBool, Form::Owned};
    case ast::Constant::Tag::Str: return {b_.str_lit(c.text), Types::kStr, Form::Borrowed};  // &'static str
    case ast::Constant::Tag::None: return {b_.tuple({}), Types::kNone, Form::Owned};
    default:
      fail(e, "constant");
      return {b_.tuple({}), Types::kDyn, Form::Owned};
  }
}

LE Lowerer::name(NodeId e) {
  std::string_view n = ident(e, fld::Name::id);
  const Binding* bnd = lookup(n);
  if (bnd && bnd->form == Form::SCell) return {b_.method(b_.path(bnd->rust), "get", {}), bnd->ty, Form::Owned};
  if (bnd && bnd->form == Form::Global) return s_global_read(*bnd, n);  // lower_static_global.cc
  if (bnd && T.kind(bnd->ty) == TyKind::Optional && tm_.type_of(e) == T.elem(bnd->ty)) return opt_unwrap(*bnd, e);
  if (bnd) return {b_.path(bnd->rust), bnd->ty, bnd->form};
  if (T.kind(tm_.type_of(e)) == TyKind::Func) return s_func_value(e);
  if (cur_ != 0 && tm_.funcs[0].find(n)) fail(e, "module-level variable used in a function");
  else fail(e, "name " + std::string(n));
  return {b_.path(local_name(n)), tm_.type_of(e), Form::Owned};
}

RId Lowerer::owned(LE v) {
  if (v.form == Form::Owned || T.is_copy(v.ty)) return v.id;
  TyKind k = T.kind(v.ty);
  if (v.form == Form::Borrowed) {
    if (k == TyKind::Str && b_.tree().node(v.id).kind == rust::RKind::StrLit && b_.tree().str(b_.tree().node(v.id).text).empty())
      return b_.call("String::new", {});
    if (k == TyKind::Str) return b_.method(v.id, "to_string", {});
    if (k == TyKind::List) return b_.method(v.id, "to_vec", {});
  }
  return b_.method(v.id, "clone", {});
}

RId Lowerer::borrow(LE v) {
  if (v.form == Form::Borrowed || v.form == Form::MutRef) return v.id;
  return b_.ref(v.id);
}

RId Lowerer::as_str_ref(LE v) {
  if (v.form == Form::Borrowed) return v.id;
  return b_.method(v.id, "as_str", {});
}

RId Lowerer::moved(NodeId value_node, LE v, TypeId want) {
  // Inside a try closure a move would take the variable from the function.
  if (kind(value_node) == Kind::Name && v.form == Form::Place && v.ty == want && s_try_loops_.empty()) {
    const sema::Var* var = tm_.funcs[cur_].find(ident(value_node, fld::Name::id));
    if (var && !var->is_param) return v.id;
  }
  return coerce(v, want);
}

RId Lowerer::to_float(LE v) {
  switch (T.kind(v.ty)) {
    case TyKind::Float: return v.id;
    case TyKind::Int: return b_.cast(v.id, b_.ty("f64"));
    case TyKind::BigInt: return try_(b_.call(rt("bigint::to_float"), {borrow(v)}));
    case TyKind::Bool: return b_.cast(b_.cast(v.id, b_.ty("i64")), b_.ty("f64"));
    case TyKind::Num: return b_.method(v.id, "to_f64", {});
    default:
      fail(kNone, "float conversion of " + T.name(v.ty));
      return v.id;
  }
}

RId Lowerer::coerce(LE v, TypeId want) {
  TyKind wk = T.kind(want), vk = T.kind(v.ty);
  if (v.ty != want && (wk == TyKind::Optional || (wk == TyKind::Tuple && vk == TyKind::Tuple))) return coerce_optional(v, want);
  if (v.ty != want && (wk == TyKind::Num || vk == TyKind::Num))  // int | float (lower_static_num.cc)
    if (RId c = num_coerce(v, want); c != kNil) return c;
  // Every value crossing a typed boundary is checked here: a mismatch the
  // lowering cannot convert makes the function a stub, never bad Rust.
  bool ok = v.ty == want || want == Types::kUnknown || (wk == TyKind::Float && (vk == TyKind::Int || vk == TyKind::Bool)) ||
            (wk == TyKind::Int && vk == TyKind::Bool) || (wk == TyKind::Float && vk == TyKind::BigInt) ||
            (wk == TyKind::BigInt && (vk == TyKind::Int || vk == TyKind::Bool)) ||
            (wk == TyKind::List && vk == TyKind::List && T.elem(want) == Types::kFloat && T.elem(v.ty) == Types::kInt) ||
            s_upcast(v.ty, want);  // a subclass instance as its base: one Rust type (lower_static_inherit.cc)
  if (!ok) fail(kNone, "a " + T.name(v.ty) + " value where " + T.name(want) + " is expected");
  if (wk == TyKind::Float && (vk == TyKind::Int || vk == TyKind::Bool || vk == TyKind::BigInt)) return to_float(v);
  if (wk == TyKind::BigInt && vk != TyKind::BigInt) return big_owned(v);
  if (wk == TyKind::Int && vk == TyKind::Bool) return b_.cast(v.id, b_.ty("i64"));
  if (wk == TyKind::List && vk == TyKind::List && T.elem(want) == Types::kFloat && T.elem(v.ty) == Types::kInt) {
    TypeId el;
    bool by_ref;
    RId it = iter_of(v, &el, &by_ref);
    RId x = b_.path("x");
    return b_.method_turbofish(b_.method(it, "map", {b_.closure({b_.pat_ident("x")}, b_.cast(x, b_.ty("f64")))}),
                               "collect", {b_.ty("Vec", {b_.ty("f64")})}, {});
  }
  return owned(v);
}

RId Lowerer::truthy(LE v) {
  switch (T.kind(v.ty)) {
    case TyKind::Bool: return v.id;
    case TyKind::Int: return b_.binary(Op::Ne, v.id, b_.int_lit(0));
    case TyKind::Float: return b_.binary(Op::Ne, v.id, b_.float_lit(0.0));
    case TyKind::BigInt: return b_.call(rt("bigint::truthy"), {borrow(v)});
    case TyKind::Num: return b_.method(v.id, "truthy", {});
    case TyKind::Str: case TyKind::List: case TyKind::Dict: case TyKind::Set:
      return b_.unary(Op::Not, b_.method(v.id, "is_empty", {}));
    case TyKind::None: return b_.bool_lit(false);
    case TyKind::Optional: return opt_truthy(v);
    default:
      fail(kNone, "truth value of " + T.name(v.ty));
      return b_.bool_lit(false);
  }
}

RId Lowerer::py_str(LE v) {
  switch (T.kind(v.ty)) {
    case TyKind::Int: return b_.method(v.id, "to_string", {});
    case TyKind::Str: return owned(v);
    default: return b_.method(v.id, "py_str", {});
  }
}

RId Lowerer::index_expr(LE base, NodeId idx, const char* what) {
  int64_t k;
  if (is_int_literal(idx, &k) && k >= 0) return b_.int_lit_text(std::to_string(k));
  LE i = expr(idx);
  RId iv = T.kind(i.ty) == TyKind::Bool ? b_.cast(i.id, b_.ty("i64")) : i.id;
  if (T.kind(i.ty) != TyKind::Int && T.kind(i.ty) != TyKind::Bool) fail(idx, "index of type " + T.name(i.ty));
  return try_(b_.call(rt("slice::check_index"), {iv, b_.method(base.id, "len", {}), b_.str_lit(what)}));
}

RId Lowerer::index_place(LE base, NodeId idx, const char* what, Ids& out) {
  RId i = index_expr(base, idx, what);
  if (b_.tree().node(i).kind == rust::RKind::Lit) return i;
  std::string tmp = "i" + std::to_string(++tmp_counter_);
  out.push_back(b_.let(tmp, kNil, i, false));
  return b_.path(tmp);
}

LE Lowerer::binop(NodeId e) {
  Kind op = Kind(slot(e, fld::BinOp::op));
  TypeId rt_ = tm_.type_of(e);
  NodeId ln = slot(e, fld::BinOp::left), rn = slot(e, fld::BinOp::right);
  if (T.kind(rt_) == TyKind::Str && op == Kind::Add) {
    // Flatten a chain of concatenations into one format!.
    std::vector<NodeId> parts;
    std::vector<NodeId> stack{e};
    while (!stack.empty()) {
      NodeId n = stack.back();
      stack.pop_back();
      if (kind(n) == Kind::BinOp && Kind(slot(n, fld::BinOp::op)) == Kind::Add && T.kind(tm_.type_of(n)) == TyKind::Str) {
        stack.push_back(slot(n, fld::BinOp::right));
        stack.push_back(slot(n, fld::BinOp::left));
      } else {
        parts.push_back(n);
      }
    }
    std::string fmt;
    Ids args{kNil};
    for (NodeId p : parts) {
      if (kind(p) == Kind::Constant) {
        for (char c : m_.constant(slot(p, fld::Constant::value)).text) {
          if (c == '{') fmt += "{{";
          else if (c == '}') fmt += "}}";
          else fmt += c;
        }
        continue;
      }
      fmt += "{}";
      args.push_back(expr(p).id);
    }
    args[0] = b_.str_lit(fmt);
    if (args.size() == 1) return {b_.method(args[0], "to_string", {}), Types::kStr, Form::Owned};
    return {b_.macro("format", args), Types::kStr, Form::Owned};
  }
  if (LE x = binop_ext(e); x.id != kNil) return x;
  LE l = expr(ln);
  LE r = expr(rn);
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
  if (op == Kind::Mult && (lk == TyKind::Str || rk == TyKind::Str)) {
    LE s = lk == TyKind::Str ? l : r;
    LE n = lk == TyKind::Str ? r : l;
    NodeId nn = lk == TyKind::Str ? rn : ln;
    int64_t k;
    RId count = is_int_literal(nn, &k) && k >= 0 ? b_.int_lit_text(std::to_string(k))
                                                 : b_.cast(b_.call("i64::max", {n.id, b_.int_lit(0)}), b_.ty("usize"));
    return {b_.method(s.id, "repeat", {count}), Types::kStr, Form::Owned};
  }
  if (lk == TyKind::Str && op == Kind::Mod && T.kind(rt_) == TyKind::Str && bridgeable(r.ty)) return str_percent(l, r);
  if (lk == TyKind::List && rk == TyKind::List && op == Kind::Add) {
    RId a = b_.ref(b_.index(l.id, b_.range(kNil, kNil)));
    RId c = b_.ref(b_.index(r.id, b_.range(kNil, kNil)));
    return {b_.method(b_.array({a, c}), "concat", {}), rt_, Form::Owned};
  }
  return arith(op, l, r, rn, rt_);
}

LE Lowerer::arith(Kind op, LE l, LE r, NodeId rnode, TypeId result) {
  TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
  if (lk == TyKind::BigInt || rk == TyKind::BigInt || T.kind(result) == TyKind::BigInt) return big_arith(op, l, r, rnode, result);
  if (lk == TyKind::Num || rk == TyKind::Num || T.kind(result) == TyKind::Num) return num_arith(op, l, r, rnode, result);
  auto numeric = [](TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool; };
  if (!numeric(lk) || !numeric(rk)) {
    fail(rnode, "operator on " + T.name(l.ty) + " and " + T.name(r.ty));
    return {l.id, result, Form::Owned};
  }
  int64_t lit = 0;
  bool rlit = rnode != kNone && is_int_literal(rnode, &lit);
  bool flt = lk == TyKind::Float || rk == TyKind::Float;
  if (lk == TyKind::Bool && rk == TyKind::Bool && (op == Kind::BitAnd || op == Kind::BitOr || op == Kind::BitXor)) {
    Op o = op == Kind::BitAnd ? Op::BitAnd : op == Kind::BitOr ? Op::BitOr : Op::BitXor;
    return {b_.binary(o, l.id, r.id), Types::kBool, Form::Owned};
  }
  if (op == Kind::Div && !flt) {
    RId a = coerce(l, Types::kInt), c = coerce(r, Types::kInt);
    if (rlit && lit != 0 && kind(rnode) == Kind::Constant)
      return {b_.binary(Op::Div, b_.cast(a, b_.ty("f64")), b_.float_lit(static_cast<double>(lit))), Types::kFloat, Form::Owned};
    return {try_(b_.call(rt("int::true_div_i64"), {a, c})), Types::kFloat, Form::Owned};
  }
  if (op == Kind::Pow && !flt) {
    RId a = coerce(l, Types::kInt);
    if (rlit && lit < 0)
      return {b_.call("f64::powf", {b_.cast(a, b_.ty("f64")), b_.float_lit(static_cast<double>(lit))}), Types::kFloat, Form::Owned};
    if (rlit && lit >= 0 && lit < 64)
      return {b_.call("i64::pow", {a, b_.int_lit_text(std::to_string(lit))}), Types::kInt, Form::Owned};
    return {try_(b_.call(rt("int::pow_i64"), {a, coerce(r, Types::kInt)})), Types::kInt, Form::Owned};
  }
  if (flt) {
    RId a = to_float(l), c = to_float(r);
    switch (op) {
      case Kind::Add: return {b_.binary(Op::Add, a, c), Types::kFloat, Form::Owned};
      case Kind::Sub: return {b_.binary(Op::Sub, a, c), Types::kFloat, Form::Owned};
      case Kind::Mult: return {b_.binary(Op::Mul, a, c), Types::kFloat, Form::Owned};
      case Kind::Div: {
        bool nonzero_lit = rnode != kNone && kind(rnode) == Kind::Constant &&
                           (m_.constant(slot(rnode, fld::Constant::value)).number != 0 || (rlit && lit != 0));
        if (nonzero_lit) return {b_.binary(Op::Div, a, c), Types::kFloat, Form::Owned};
        return {try_(b_.call(rt("float::float_div"), {a, c})), Types::kFloat, Form::Owned};
      }
      case Kind::FloorDiv: return {try_(b_.call(rt("float::float_floor_div"), {a, c})), Types::kFloat, Form::Owned};
      case Kind::Mod: return {try_(b_.call(rt("float::float_mod"), {a, c})), Types::kFloat, Form::Owned};
      case Kind::Pow: return {try_(b_.call(rt("float::float_pow"), {a, c})), Types::kFloat, Form::Owned};
      default:
        fail(rnode, "float operator");
        return {a, Types::kFloat, Form::Owned};
    }
  }
  RId a = coerce(l, Types::kInt), c = coerce(r, Types::kInt);
  switch (op) {
    case Kind::Add: return {b_.binary(Op::Add, a, c), Types::kInt, Form::Owned};
    case Kind::Sub: return {b_.binary(Op::Sub, a, c), Types::kInt, Form::Owned};
    case Kind::Mult: return {b_.binary(Op::Mul, a, c), Types::kInt, Form::Owned};
    case Kind::FloorDiv:
      // With a positive divisor Python's floor division is Euclid's.
      if (rlit && lit > 0) return {b_.call("i64::div_euclid", {a, c}), Types::kInt, Form::Owned};
      return {try_(b_.call(rt("int::floor_div_i64"), {a, c})), Types::kInt, Form::Owned};
    case Kind::Mod:
      if (rlit && lit > 0) return {b_.call("i64::rem_euclid", {a, c}), Types::kInt, Form::Owned};
      return {try_(b_.call(rt("int::mod_i64"), {a, c})), Types::kInt, Form::Owned};
    case Kind::BitAnd: return {b_.binary(Op::BitAnd, a, c), Types::kInt, Form::Owned};
    case Kind::BitOr: return {b_.binary(Op::BitOr, a, c), Types::kInt, Form::Owned};
    case Kind::BitXor: return {b_.binary(Op::BitXor, a, c), Types::kInt, Form::Owned};
    case Kind::LShift: return {try_(b_.call(rt("int::shl_i64"), {a, c})), Types::kInt, Form::Owned};
    case Kind::RShift:
      if (rlit && lit >= 0 && lit < 64) return {b_.binary(Op::Shr, a, c), Types::kInt, Form::Owned};
      return {try_(b_.call(rt("int::shr_i64"), {a, c})), Types::kInt, Form::Owned};
    default:
      fail(rnode, "integer operator");
      return {a, Types::kInt, Form::Owned};
  }
}

LE Lowerer::unary(NodeId e) {
  Kind op = Kind(slot(e, fld::UnaryOp::op));
  NodeId on = slot(e, fld::UnaryOp::operand);
  if (op == Kind::USub && kind(on) == Kind::Constant) {
    const ast::Constant& c = m_.constant(slot(on, fld::Constant::value));
    if (c.tag == ast::Constant::Tag::Int && fits_i64(c.text))
      return {b_.int_lit(-std::strtoll(c.text.c_str(), nullptr, 10)), Types::kInt, Form::Owned};
    if (c.tag == ast::Constant::Tag::Float) return {b_.float_lit(-c.number), Types::kFloat, Form::Owned};
  }
  LE v = expr(on);
  TyKind k = T.kind(v.ty);
  if (k == TyKind::BigInt && op != Kind::Not) return big_unary(op, v);
  if (k == TyKind::Num && op != Kind::Not) return num_unary(op, v, e);
  switch (op) {
    case Kind::Not: return {b_.unary(Op::Not, truthy(v)), Types::kBool, Form::Owned};
    case Kind::USub:
      if (k == TyKind::Bool) return {b_.unary(Op::Neg, b_.cast(v.id, b_.ty("i64"))), Types::kInt, Form::Owned};
      if (k == TyKind::Int || k == TyKind::Float) return {b_.unary(Op::Neg, v.id), v.ty, Form::Owned};
      break;
    case Kind::UAdd:
      if (k == TyKind::Bool) return {b_.cast(v.id, b_.ty("i64")), Types::kInt, Form::Owned};
      if (k == TyKind::Int || k == TyKind::Float) return v;
      break;
    case Kind::Invert:
      if (k == TyKind::Bool) return {b_.unary(Op::Not, b_.cast(v.id, b_.ty("i64"))), Types::kInt, Form::Owned};
      if (k == TyKind::Int) return {b_.unary(Op::Not, v.id), Types::kInt, Form::Owned};
      break;
    default: break;
  }
  fail(e, "unary operator on " + T.name(v.ty));
  return v;
}

LE Lowerer::boolop(NodeId e) {
  bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
  auto values = list_of(e, fld::BoolOp::values);
  TypeId t = tm_.type_of(e);
  if (T.kind(t) == TyKind::Bool) {
    RId acc = kNil;
    for (NodeId v : values) {
      RId x = truthy(expr(v));
      acc = acc == kNil ? x : b_.binary(is_and ? Op::And : Op::Or, acc, x);
    }
    return {acc, t, Form::Owned};
  }
  if (T.has_dyn(t) || T.has_unknown(t)) {
    fail(e, "and/or over values of different types");
    return {b_.bool_lit(false), t, Form::Owned};
  }
  // Python returns an operand: `a or b` is `a` when a is true, else `b`.
  RId acc = coerce(expr(values.back()), t);
  for (size_t i = values.size() - 1; i-- > 0;) {
    std::string tmp = "v" + std::to_string(++tmp_counter_);
    LE cur{b_.path(tmp), t, Form::Place};
    RId test = truthy(cur);
    RId keep = b_.path(tmp);
    RId body = is_and ? b_.if_(test, b_.block({}, acc), b_.block({}, keep)) : b_.if_(test, b_.block({}, keep), b_.block({}, acc));
    acc = b_.block({b_.let(tmp, kNil, coerce(expr(values[i]), t), false)}, body);
  }
  return {acc, t, Form::Owned};
}

LE Lowerer::compare(NodeId e) {
  NodeId left = slot(e, fld::Compare::left);
  auto ops = m_.list(slot(e, fld::Compare::ops));
  auto comps = list_of(e, fld::Compare::comparators);
  if (LE t = s_type_is(e); t.id != kNil) return t;  // `type(x) is C` (lower_static_inherit.cc)
  RId acc = kNil;
  LE l = expr(left);
  for (size_t i = 0; i < comps.size(); ++i) {
    LE r = expr(comps[i]);
    Kind op = Kind(ops[i]);
    TyKind lk = T.kind(l.ty), rk = T.kind(r.ty);
    RId c = kNil;
    Op rop = Op::None;
    switch (op) {
      case Kind::Eq: rop = Op::Eq; break;
      case Kind::NotEq: rop = Op::Ne; break;
      case Kind::Lt: rop = Op::Lt; break;
      case Kind::LtE: rop = Op::Le; break;
      case Kind::Gt: rop = Op::Gt; break;
      case Kind::GtE: rop = Op::Ge; break;
      default: break;
    }
    auto numeric = [](TyKind k) { return k == TyKind::Int || k == TyKind::Float || k == TyKind::Bool; };
    if (s_compare_dunder(e, op, l, r, &c)) {  // __eq__ / __lt__ (lower_static_dunder.cc)
      acc = acc == kNil ? c : b_.binary(Op::And, acc, c);
      l = expr(comps[i]);
      continue;
    }
    // Instances of static classes (no __eq__): identity (lower_static_class.cc).
    if (lk == TyKind::Class && l.ty == r.ty && is_static_class(static_cast<int>(T.get(l.ty).cls)) &&
        (op == Kind::Eq || op == Kind::NotEq || op == Kind::Is || op == Kind::IsNot)) {
      c = b_.call("Obj::is", {borrow(l), borrow(r)});
      if (op == Kind::NotEq || op == Kind::IsNot) c = b_.unary(Op::Not, c);
      acc = acc == kNil ? c : b_.binary(Op::And, acc, c);
      l = expr(comps[i]);
      continue;
    }
    if (rop != Op::None && (lk == TyKind::Num || rk == TyKind::Num)) {
      c = num_compare(rop, l, r);  // int | float (lower_static_num.cc)
    } else if (rop != Op::None) {
      if (lk == TyKind::BigInt || rk == TyKind::BigInt) {
        c = big_compare(rop, l, r);
      } else if (numeric(lk) && numeric(rk)) {
        if (lk == TyKind::Float || rk == TyKind::Float) c = b_.binary(rop, to_float(l), to_float(r));
        else if (lk == TyKind::Bool && rk == TyKind::Bool) c = b_.binary(rop, l.id, r.id);
        else c = b_.binary(rop, coerce(l, Types::kInt), coerce(r, Types::kInt));
      } else if (lk == TyKind::Str && rk == TyKind::Str) {
        c = b_.binary(rop, as_str_ref(l), as_str_ref(r));
      } else if (lk == TyKind::List && rk == TyKind::List && (rop == Op::Eq || rop == Op::Ne)) {
        c = b_.binary(rop, b_.index(l.id, b_.range(kNil, kNil)), b_.index(r.id, b_.range(kNil, kNil)));
      } else if (l.ty == r.ty && T.is_copy(l.ty) && (rop == Op::Eq || rop == Op::Ne)) {
        c = b_.binary(rop, l.id, r.id);
      }
    } else if (op == Kind::In || op == Kind::NotIn) {
      if (rk == TyKind::Str && lk == TyKind::Str) c = b_.method(r.id, "contains", {as_str_ref(l)});
      else if (rk == TyKind::Dict && l.ty == T.get(r.ty).args[0]) c = b_.method(r.id, "contains_key", {dict_key_ref(l, l.ty)});
      else if (rk == TyKind::List && T.elem(r.ty) == l.ty && T.is_copy(l.ty)) c = b_.method(r.id, "contains", {b_.ref(l.id)});
      else if (rk == TyKind::List && T.elem(r.ty) == Types::kStr && lk == TyKind::Str)
        c = b_.method(b_.method(r.id, "iter", {}), "any", {b_.closure({b_.pat_ident("x")}, b_.binary(Op::Eq, b_.path("x"), b_.ref(as_str_ref(l))))});
      if (c != kNil && op == Kind::NotIn) c = b_.unary(Op::Not, c);
    }
    if (c == kNil && (op == Kind::Is || op == Kind::IsNot))
      c = is_none_test(i == 0 ? left : comps[i - 1], l, comps[i], r, op == Kind::IsNot);
    if (c == kNil && (op == Kind::Is || op == Kind::IsNot))  // `a.items is b.items` (lower_static_dataclass.cc)
      c = s_field_is(i == 0 ? left : comps[i - 1], comps[i], op == Kind::IsNot);
    if (c == kNil && (op == Kind::In || op == Kind::NotIn)) c = num_contains(l, r, op == Kind::NotIn);  // lower_static_num.cc
    if (c == kNil) c = compare_ext(op, l, r);
    if (c == kNil) {
      fail(e, "comparison of " + T.name(l.ty) + " and " + T.name(r.ty));
      return {b_.bool_lit(false), Types::kBool, Form::Owned};
    }
    acc = acc == kNil ? c : b_.binary(Op::And, acc, c);
    l = expr(comps[i]);  // chained comparisons read the middle operand again
  }
  return {acc, Types::kBool, Form::Owned};
}

LE Lowerer::ifexp(NodeId e) {
  TypeId t = tm_.type_of(e);
  if (T.has_dyn(t) || T.has_unknown(t)) {
    fail(e, "conditional expression over values of different types");
    return {b_.bool_lit(false), t, Form::Owned};
  }
  RId c = cond_of(slot(e, fld::IfExp::test));
  RId a = coerce(expr(slot(e, fld::IfExp::body)), t);
  RId o = coerce(expr(slot(e, fld::IfExp::orelse)), t);
  return {b_.if_(c, b_.block({}, a), b_.block({}, o)), t, Form::Owned};
}

LE Lowerer::subscript(NodeId e) {
  NodeId sl = slot(e, fld::Subscript::slice);
  LE base = expr(slot(e, fld::Subscript::value));
  TyKind bk = T.kind(base.ty);
  TypeId t = tm_.type_of(e);
  if (kind(sl) == Kind::Slice && (bk == TyKind::List || bk == TyKind::Str)) return slice_expr(e, base);
  if (kind(sl) == Kind::Slice) {
    fail(e, "slicing");
    return {base.id, t, Form::Owned};
  }
  if (bk == TyKind::Dict) return dict_subscript(e, base);
  if (bk == TyKind::List) {
    RId idx = index_expr(base, sl, "list index out of range");
    return {b_.index(base.id, idx), t, T.is_copy(t) ? Form::Owned : Form::Place};
  }
  if (bk == TyKind::Str) {
    // Python indexes code points; build the 1-character string.
    RId chars = b_.method(base.id, "chars", {});
    int64_t k;
    RId idx;
    if (is_int_literal(sl, &k) && k >= 0) {
      idx = b_.int_lit_text(std::to_string(k));
    } else {
      LE i = expr(sl);
      RId count = b_.method(b_.method(base.id, "chars", {}), "count", {});
      idx = try_(b_.call(rt("slice::check_index"), {coerce(i, Types::kInt), count, b_.str_lit("string index out of range")}));
    }
    RId nth = b_.method(b_.method(chars, "nth", {idx}), "expect", {b_.str_lit("string index out of range")});
    return {b_.method(nth, "to_string", {}), Types::kStr, Form::Owned};
  }
  if (bk == TyKind::Tuple) {
    int64_t k;
    if (is_int_literal(sl, &k)) {
      int64_t n = static_cast<int64_t>(T.get(base.ty).args.size());
      if (k < 0) k += n;
      if (k >= 0 && k < n) return {b_.field(base.id, std::to_string(k)), t, T.is_copy(t) ? Form::Owned : Form::Place};
    }
  }
  fail(e, "subscript of " + T.name(base.ty));
  return {base.id, t, Form::Owned};
}

LE Lowerer::fstring(NodeId e) {
  std::string fmt;
  Ids args{kNil};
  for (NodeId v : list_of(e, fld::JoinedStr::values)) {
    if (kind(v) == Kind::Constant) {
      append_format_literal(fmt, m_.constant(slot(v, fld::Constant::value)).text);
      continue;
    }
    if (kind(v) != Kind::FormattedValue) {
      fail(v, "f-string part");
      continue;
    }
    LE x = expr(slot(v, fld::FormattedValue::value));
    int64_t conv = static_cast<int32_t>(slot(v, fld::FormattedValue::conversion));
    NodeId spec = slot(v, fld::FormattedValue::format_spec);
    std::string spec_text;
    bool computed = false;
    if (spec != kNone) {
      for (NodeId p : list_of(spec, fld::JoinedStr::values)) {
        if (kind(p) != Kind::Constant) {
          computed = true;
          continue;
        }
        spec_text += m_.constant(slot(p, fld::Constant::value)).text;
      }
    }
    if (computed) {
      // `{x:>{width}}`: the spec is itself an f-string, built first.
      RId spec_s = b_.method(fstring(spec).id, "as_str", {});
      RId xs = conv == 'r' || conv == 'a' ? b_.ref(b_.method(x.id, "py_repr", {}))
               : (conv == 's' && T.kind(x.ty) != TyKind::Str) ? b_.ref(py_str(x))
                                                               : borrow(x);
      fmt += "{}";
      args.push_back(try_(b_.call(rt("fmt::py_format"), {xs, spec_s})));
      continue;
    }
    fmt += "{}";
    TyKind k = T.kind(x.ty);
    if (conv == 'r' || conv == 'a') {
      LE r{b_.method(x.id, "py_repr", {}), Types::kStr, Form::Owned};
      args.push_back(spec_text.empty() ? r.id : try_(b_.call(rt("fmt::py_format"), {b_.ref(r.id), b_.str_lit(spec_text)})));
    } else if (conv == 's' && k != TyKind::Str) {
      RId s = py_str(x);
      args.push_back(spec_text.empty() ? s : try_(b_.call(rt("fmt::py_format"), {b_.ref(s), b_.str_lit(spec_text)})));
    } else if (!spec_text.empty()) {
      args.push_back(try_(b_.call(rt("fmt::py_format"), {borrow(x), b_.str_lit(spec_text)})));
    } else if (k == TyKind::Int || k == TyKind::Str) {
      args.push_back(x.id);
    } else {
      args.push_back(b_.method(x.id, "py_str", {}));
    }
  }
  args[0] = b_.str_lit(fmt);
  if (args.size() == 1) return {b_.method(args[0], "to_string", {}), Types::kStr, Form::Owned};
  return {b_.macro("format", args), Types::kStr, Form::Owned};
}

LE Lowerer::list_lit(NodeId e) {
  TypeId t = tm_.type_of(e);
  return expr_as(e, t);
}

LE Lowerer::comprehension(NodeId e) {
  // A block with a loop per generator: `{ let mut out = Vec::new(); for .. { if .. { out.push(..) } } out }`.
  TypeId t = tm_.type_of(e);
  TypeId el = T.elem(t);
  std::string acc = "out" + std::to_string(++tmp_counter_);
  auto gens = list_of(e, fld::ListComp::generators);
  scopes_.emplace_back();
  struct Level {
    RId pat, iter;
    Ids conds;
    Ids sets;  // cells a lambda reads late (lower_static_lambda.cc)
  };
  std::vector<Level> levels;
  Ids cells;
  for (NodeId g : gens) {
    Ids sets;
    LE it = expr(slot(g, fld::comprehension::iter));
    TypeId elem;
    bool by_ref;
    RId iter = iter_of(it, &elem, &by_ref);
    NodeId target = slot(g, fld::comprehension::target);
    RId pat = kNil;
    if (kind(target) == Kind::Name) {
      std::string py(ident(target, fld::Name::id));
      std::string rn = local_name(py);
      pat = s_comp_target_cell(e, py, rn, elem, cells, sets);
      if (pat == kNil) {
        pat = b_.pat_ident(rn);
        bind(py, {rn, elem, Form::Place});
      }
    } else if (kind(target) == Kind::Tuple && T.kind(elem) == TyKind::Tuple) {
      Ids pats;
      auto elts = list_of(target, fld::Tuple::elts);
      for (size_t i = 0; i < elts.size() && i < T.get(elem).args.size(); ++i) {
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
    Level lv{pat, iter == kNil ? b_.path("unreachable") : iter, {}, std::move(sets)};
    for (NodeId c : list_of(g, fld::comprehension::ifs)) lv.conds.push_back(cond_of(c));
    levels.push_back(std::move(lv));
  }
  RId inner = b_.expr_stmt(b_.method(b_.path(acc), "push", {coerce(expr(slot(e, fld::ListComp::elt)), el)}));
  scopes_.pop_back();
  for (size_t i = levels.size(); i-- > 0;) {
    Level& lv = levels[i];
    for (size_t c = lv.conds.size(); c-- > 0;) inner = b_.expr_stmt(b_.if_(lv.conds[c], b_.block({inner})));
    lv.sets.push_back(inner);
    inner = b_.expr_stmt(b_.for_(lv.pat, lv.iter, b_.block(lv.sets)));
  }
  RId decl = b_.let(acc, b_.ty("Vec", {rust_type(el)}), b_.call("Vec::new", {}), true);
  cells.push_back(decl);
  cells.push_back(inner);
  RId blk = b_.block(cells, b_.path(acc));
  if (kind(e) == Kind::GeneratorExp) return {b_.method(blk, "into_iter", {}), T.iter(el), Form::Owned};
  return {blk, t, Form::Owned};
}

}  // namespace portalis::lower
