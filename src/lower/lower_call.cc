// Calls: the module's own functions (arguments passed by the parameter's
// Rust mode), builtins and methods from sema/builtins.def, print.
#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::iter_of(LE v, TypeId* elem, bool* by_ref) {
  *by_ref = false;
  const sema::TypeRec& r = T.get(v.ty);
  switch (r.kind) {
    case TyKind::Range: *elem = Types::kInt; return v.id;
    case TyKind::Iter: *elem = r.args[0]; return v.form == Form::Place ? b_.method(v.id, "by_ref", {}) : v.id;  // a variable stays usable
    case TyKind::List: {
      *elem = r.args[0];
      if (v.form == Form::Owned) return b_.method(v.id, "into_iter", {});
      return b_.method(b_.method(v.id, "iter", {}), T.is_copy(r.args[0]) ? "copied" : "cloned", {});
    }
    case TyKind::Str:
      *elem = Types::kStr;
      return b_.method(b_.method(v.id, "chars", {}), "map", {b_.path("String::from")});
    case TyKind::Tuple: {
      // `for dr, dc in ((0, 1), (1, 0))`: a tuple of one element type.
      if (r.args.empty()) return kNil;
      for (TypeId a : r.args)
        if (a != r.args[0]) return kNil;
      *elem = r.args[0];
      std::string tmp = fresh("tup");
      Ids items;
      for (size_t i = 0; i < r.args.size(); ++i) items.push_back(b_.field(b_.path(tmp), std::to_string(i)));
      return b_.method(b_.block({b_.let(tmp, kNil, owned(v), false)}, b_.macro("vec", items, true)), "into_iter", {});
    }
    case TyKind::Set:  // a snapshot: the loop body may change the set or dict
      *elem = r.args[0];
      return b_.method(b_.method(v.id, "to_vec", {}), "into_iter", {});
    case TyKind::Dict:
      *elem = r.args[0];
      return b_.method(b_.method(v.id, "keys_vec", {}), "into_iter", {});
    default: *elem = Types::kDyn; return kNil;
  }
}

LE Lowerer::call(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  if (kind(fn) == Kind::Name) {
    std::string_view n = ident(fn, fld::Name::id);
    if (!lookup(n)) {
      if (int nf = s_nested_callee(n); nf >= 0) return call_user(e, static_cast<uint32_t>(nf));
      auto uf = tm_.func_by_name.find(n);
      if (uf != tm_.func_by_name.end()) return call_user(e, uf->second);
      auto uc = tm_.class_by_name.find(n);
      if (uc != tm_.class_by_name.end() && is_static_class(static_cast<int>(uc->second))) return s_construct(e, uc->second);
      if (sema::find_builtin(sema::BuiltinRecv::Fn, n)) return call_builtin(e, n);
      if (LE x = s_exc_call(e, n); x.id != kNil) return x;  // isinstance(e, C): lower_static_exc.cc
      if (n == "map" && T.kind(tm_.type_of(e)) == TyKind::Iter) return map_builtin(e);
    }
    if (const Binding* b = lookup(n); b && T.kind(b->ty) == TyKind::Func) return s_call_value(e, *b);
    if (LE x = s_inherit_builtin(e, n); x.id != kNil && !lookup(n)) return x;  // isinstance, issubclass
    fail(e, "call of " + std::string(n));
    return {b_.tuple({}), tm_.type_of(e), Form::Owned};
  }
  if (kind(fn) == Kind::Attribute) {
    if (LE mc = s_math_call(e); mc.id != kNil) return mc;  // `math.sqrt(x)` (lower_static_math.cc)
    return call_method(e);
  }
  fail(e, "call of a computed function");
  return {b_.tuple({}), tm_.type_of(e), Form::Owned};
}

LE Lowerer::call_user(NodeId e, uint32_t f) {
  // This call's own instance and Rust path: calls inside its arguments must neither see nor clear them.
  RId self_arg = call_self_arg_;
  std::string name_override = std::move(call_name_override_);
  call_self_arg_ = kNil;
  call_name_override_.clear();
  const sema::Function& callee = tm_.funcs[f];
  auto args = list_of(e, fld::Call::args);
  std::vector<uint32_t> ps = s_call_params(f);  // keyword-only parameters last
  std::vector<NodeId> given(ps.size(), kNone);
  for (size_t i = 0; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred || i >= callee.params.size()) {
      fail(e, "call with extra or starred arguments");
      return {b_.tuple({}), callee.ret, Form::Owned};
    }
    given[i] = args[i];
  }
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    bool found = false;
    for (size_t i = callee.posonly; kn != kNone && i < ps.size(); ++i) {
      if (callee.vars[ps[i]].name == m_.str(kn)) {
        given[i] = slot(k, fld::keyword::value);
        found = true;
      }
    }
    if (!found) {
      fail(e, "keyword argument");
      return {b_.tuple({}), callee.ret, Form::Owned};
    }
  }
  {
    // Rust evaluates in parameter order, Python in source order: reordered
    // arguments must be free of effects.
    std::vector<NodeId> src(args.begin(), args.end()), bound;
    for (NodeId k : list_of(e, fld::Call::keywords)) src.push_back(slot(k, fld::keyword::value));
    for (NodeId g : given)
      if (g != kNone) bound.push_back(g);
    if (src != bound)
      for (NodeId x : src)
        if (kind(x) != Kind::Constant && kind(x) != Kind::Name) {
          fail(e, "keyword arguments out of order with effects");
          return {b_.tuple({}), callee.ret, Form::Owned};
        }
  }
  for (size_t i = 0; i < given.size(); ++i) {
    if (given[i] == kNone && callee.vars[ps[i]].default_value == kNone) {
      fail(e, "missing argument");
      return {b_.tuple({}), callee.ret, Form::Owned};
    }
  }
  if (mixed() && is_dyn_fn(f)) return call_dynamic(e, f, given);
  Ids out;
  if (self_arg != kNil) out.push_back(self_arg);
  for (size_t i = 0; i < given.size(); ++i) {
    const sema::Var& p = callee.vars[ps[i]];
    NodeId a = given[i] != kNone ? given[i] : p.default_value;
    LE v = expr_as(a, p.type);
    TyKind k = T.kind(p.type);
    // An Optional container is passed by value: one the callee changes must be a fresh value.
    if (k == TyKind::Optional && p.mutated && !T.is_copy(p.type) && v.form != Form::Owned && T.kind(v.ty) != TyKind::None)
      fail(a, "a container shared with a function that changes it");
    if (k == TyKind::Str && !p.reassigned) {
      out.push_back(as_str_ref(v));
    } else if (k == TyKind::List && !p.reassigned && p.mutated) {
      out.push_back(v.form == Form::MutRef ? v.id : b_.ref_mut(v.id));
    } else if (k == TyKind::List && !p.reassigned) {
      if (T.elem(v.ty) != T.elem(p.type)) out.push_back(b_.ref(coerce(v, p.type)));
      else out.push_back(v.form == Form::Borrowed || v.form == Form::MutRef ? v.id : b_.ref(v.id));
    } else {
      out.push_back(coerce(v, p.type));
    }
  }
  s_capture_args(e, f, out);
  RId c = b_.call(name_override.empty() ? fn_rust_name(f) : name_override, out);
  if (fallible_in_.count(f)) c = try_(c);
  return {c, callee.ret, Form::Owned};
}

LE Lowerer::print_call(NodeId e) {
  Ids items;
  for (NodeId a : list_of(e, fld::Call::args)) {
    if (kind(a) == Kind::Starred) {
      fail(a, "print(*args)");
      continue;
    }
    TypeId t = tm_.type_of(a);
    if (T.kind(t) == TyKind::Iter) fail(a, "print of an iterator");
    if (T.has_dyn(t) && (kind(a) == Kind::BoolOp || kind(a) == Kind::IfExp)) {
      // Operands of different types: print whichever Python would pick.
      NodeId x = a;
      if (kind(x) == Kind::BoolOp && list_of(x, fld::BoolOp::values).size() == 2) {
        bool is_and = Kind(slot(x, fld::BoolOp::op)) == Kind::And;
        LE l = expr(list_of(x, fld::BoolOp::values)[0]);
        LE r = expr(list_of(x, fld::BoolOp::values)[1]);
        std::string tmp = "v" + std::to_string(++tmp_counter_);
        LE cur{b_.path(tmp), l.ty, Form::Place};
        RId keep = py_str(cur);
        RId other = py_str(r);
        RId body = is_and ? b_.if_(truthy(cur), b_.block({}, other), b_.block({}, keep))
                          : b_.if_(truthy(cur), b_.block({}, keep), b_.block({}, other));
        items.push_back(b_.ref(b_.block({b_.let(tmp, kNil, owned(l), false)}, body)));
        continue;
      }
      if (kind(x) == Kind::IfExp) {
        RId c = truthy(expr(slot(x, fld::IfExp::test)));
        RId a1 = py_str(expr(slot(x, fld::IfExp::body)));
        RId a2 = py_str(expr(slot(x, fld::IfExp::orelse)));
        items.push_back(b_.ref(b_.if_(c, b_.block({}, a1), b_.block({}, a2))));
        continue;
      }
    }
    LE v = expr(a);
    items.push_back(v.form == Form::Borrowed && T.kind(v.ty) == TyKind::Str ? b_.ref(v.id) : borrow(v));
  }
  RId sep = b_.str_lit(" "), end = b_.str_lit("\n");
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    std::string_view key = kn == kNone ? "" : m_.str(kn);
    LE v = expr(slot(k, fld::keyword::value));
    if (T.kind(v.ty) != TyKind::Str || (key != "sep" && key != "end")) {
      fail(k, "print keyword " + std::string(key));
      continue;
    }
    (key == "sep" ? sep : end) = as_str_ref(v);
  }
  return {b_.call(rt("print::print"), {b_.ref(b_.array(items)), sep, end}), Types::kNone, Form::Owned};
}

LE Lowerer::range_call(NodeId e) {
  auto args = list_of(e, fld::Call::args);
  Ids a;
  for (NodeId x : args) {
    LE v = expr(x);
    // A big int bound: range() iterates machine-sized indices (OverflowError past i64).
    if (T.kind(v.ty) == TyKind::BigInt) v = {try_(b_.call(rt("bigint::to_i64"), {big_ref(v)})), Types::kInt, Form::Owned};
    if (T.kind(v.ty) != TyKind::Int && T.kind(v.ty) != TyKind::Bool) fail(x, "range over " + T.name(v.ty));
    a.push_back(coerce(v, Types::kInt));
  }
  if (args.size() == 1) return {b_.range(b_.int_lit(0), a[0]), Types::kRange, Form::Owned};
  if (args.size() == 2) return {b_.range(a[0], a[1]), Types::kRange, Form::Owned};
  if (args.size() == 3) {
    int64_t step;
    if (is_int_literal(args[2], &step) && step != 0) {
      RId st = b_.int_lit_text(std::to_string(step < 0 ? -step : step));
      if (step > 0) return {b_.method(b_.range(a[0], a[1]), "step_by", {st}), Types::kRange, Form::Owned};
      // range(start, stop, -k): start, start-k, ... > stop
      RId r = b_.range(b_.binary(Op::Add, a[1], b_.int_lit(1)), a[0], true);
      return {b_.method(b_.method(r, "rev", {}), "step_by", {st}), Types::kRange, Form::Owned};
    }
  }
  // A computed step: the runtime's PyRange (ValueError for 0; iterates either way).
  if (args.size() == 3) return {try_(b_.call(rt("builtins::range"), {a[0], a[1], a[2]})), Types::kRange, Form::Owned};
  fail(e, "range with more arguments");
  return {b_.range(b_.int_lit(0), b_.int_lit(0)), Types::kRange, Form::Owned};
}

LE Lowerer::call_builtin(NodeId e, std::string_view n) {
  auto args = list_of(e, fld::Call::args);
  TypeId t = tm_.type_of(e);
  if (n == "print") return print_call(e);
  if (n == "range") return range_call(e);
  if (n == "zip" && args.size() == 1 && kind(args[0]) == Kind::Starred) return zip_rows(e);
  if ((n == "sorted" || n == "min" || n == "max") && s_has_key_kw(e)) return s_key_call(e, n);
  if (LE x = builtin_ext(e, n); x.id != kNil) return x;
  if (LE x = builtin_more(e, n); x.id != kNil) return x;
  if (!list_of(e, fld::Call::keywords).empty()) {
    fail(e, "keyword arguments to " + std::string(n));
    return {b_.tuple({}), t, Form::Owned};
  }
  std::vector<LE> a;
  for (NodeId x : args) a.push_back(expr(x));
  auto k0 = [&]() { return a.empty() ? TyKind::Unknown : T.kind(a[0].ty); };
  auto bad = [&]() -> LE {
    fail(e, std::string(n) + "() on " + (a.empty() ? std::string("nothing") : T.name(a[0].ty)));
    return {b_.tuple({}), t, Form::Owned};
  };
  if (LE big; big_builtin(e, n, a, big)) return big;
  if (LE nb; num_builtin(e, n, a, nb)) return nb;  // int | float (lower_static_num.cc)
  if (n == "len" && a.size() == 1) {
    if (k0() == TyKind::Str) return {b_.cast(b_.method(b_.method(a[0].id, "chars", {}), "count", {}), b_.ty("i64")), Types::kInt, Form::Owned};
    if (k0() == TyKind::List) return {b_.cast(b_.method(a[0].id, "len", {}), b_.ty("i64")), Types::kInt, Form::Owned};
    if (k0() == TyKind::Range) return {b_.cast(b_.method(owned(a[0]), "count", {}), b_.ty("i64")), Types::kInt, Form::Owned};
    if (k0() == TyKind::Dict) return {b_.cast(b_.method(a[0].id, "len", {}), b_.ty("i64")), Types::kInt, Form::Owned};
    if (LE r; s_len_dunder(e, a[0], &r)) return r;
    return bad();
  }
  if (n == "str" && a.size() == 1) return {py_str(a[0]), Types::kStr, Form::Owned};
  if (n == "str" && a.empty()) return {b_.call("String::new", {}), Types::kStr, Form::Owned};
  if (n == "repr" && a.size() == 1) return {b_.method(a[0].id, "py_repr", {}), Types::kStr, Form::Owned};
  if (n == "int") {
    if (a.size() == 1 && (k0() == TyKind::Int || k0() == TyKind::Bool)) return {coerce(a[0], Types::kInt), Types::kInt, Form::Owned};
    if (a.size() == 1 && k0() == TyKind::Float) return {try_(b_.call(rt("float::float_to_i64"), {a[0].id})), Types::kInt, Form::Owned};
    if ((a.size() == 1 || a.size() == 2) && k0() == TyKind::Str) {
      RId base = a.size() == 2 ? b_.cast(a[1].id, b_.ty("u32")) : b_.int_lit(10);
      RId big = try_(b_.call(rt("int::Int::parse"), {as_str_ref(a[0]), base}));
      return {try_(b_.method(big, "to_i64_checked", {})), Types::kInt, Form::Owned};
    }
    return bad();
  }
  if (n == "float" && a.size() == 1) {
    if (k0() == TyKind::Str) return {try_(b_.call(rt("float::parse_float"), {as_str_ref(a[0])})), Types::kFloat, Form::Owned};
    return {to_float(a[0]), Types::kFloat, Form::Owned};
  }
  if (n == "bool" && a.size() == 1) return {truthy(a[0]), Types::kBool, Form::Owned};
  if (n == "abs" && a.size() == 1) {
    if (k0() == TyKind::Int || k0() == TyKind::Bool) return {b_.call("i64::abs", {coerce(a[0], Types::kInt)}), Types::kInt, Form::Owned};
    if (k0() == TyKind::Float) return {b_.call("f64::abs", {a[0].id}), Types::kFloat, Form::Owned};
    return bad();
  }
  if (n == "round") {
    if (a.size() == 1 && k0() == TyKind::Float) return {try_(b_.call(rt("float::round_f64_to_i64"), {a[0].id})), Types::kInt, Form::Owned};
    if (a.size() == 1 && k0() == TyKind::Int) return a[0];
    if (a.size() == 2 && k0() == TyKind::Float)
      return {b_.call(rt("float::round_f64"), {a[0].id, coerce(a[1], Types::kInt)}), Types::kFloat, Form::Owned};
    return bad();
  }
  if ((n == "min" || n == "max") && a.size() >= 2) {
    TyKind tk = T.kind(t);
    if (tk != TyKind::Int && tk != TyKind::Float) return bad();
    std::string fnn = std::string(tk == TyKind::Int ? "i64::" : "f64::") + std::string(n);
    RId acc = coerce(a[0], t);
    for (size_t i = 1; i < a.size(); ++i) acc = b_.call(fnn, {acc, coerce(a[i], t)});
    return {acc, t, Form::Owned};
  }
  if ((n == "min" || n == "max" || n == "sum" || n == "any" || n == "all" || n == "sorted" || n == "list" ||
       n == "reversed" || n == "enumerate") && a.size() == 1) {
    TypeId el;
    bool by_ref;
    RId it = iter_of(a[0], &el, &by_ref);
    if (it == kNil) return bad();
    TyKind ek = T.kind(el);
    RId x = b_.path("x");
    if ((n == "min" || n == "max" || n == "sorted") && has_optional(el)) return bad();
    if ((n == "min" || n == "max") && ek == TyKind::Class) return bad();  // no Ord on instances
    if (n == "min" || n == "max") {
      RId red;
      if (ek == TyKind::Float) red = b_.method(it, "reduce", {b_.path(n == "min" ? "f64::min" : "f64::max")});
      else red = b_.method(it, n, {});
      return {b_.method(red, "expect", {b_.str_lit(std::string(n) + "() arg is an empty sequence")}), t, Form::Owned};
    }
    if (n == "sum") {
      if (ek == TyKind::Float)
        return {b_.method(it, "fold", {b_.float_lit(0.0), b_.closure({b_.pat_ident("a"), b_.pat_ident("b")}, b_.binary(Op::Add, b_.path("a"), b_.path("b")))}), Types::kFloat, Form::Owned};
      if (ek == TyKind::Bool) it = b_.method(it, "map", {b_.closure({b_.pat_ident("x")}, b_.cast(x, b_.ty("i64")))});
      else if (ek != TyKind::Int) return bad();
      return {b_.method_turbofish(it, "sum", {b_.ty("i64")}, {}), Types::kInt, Form::Owned};
    }
    if (n == "any" || n == "all") {
      RId test = truthy({x, el, Form::Place});
      return {b_.method(it, n, {b_.closure({b_.pat_ident("x")}, test)}), Types::kBool, Form::Owned};
    }
    if (n == "list") return {b_.method_turbofish(it, "collect", {b_.ty("Vec", {rust_type(el)})}, {}), T.list(el), Form::Owned};
    if (n == "reversed") return {b_.method(it, "rev", {}), T.iter(el), Form::Owned};
    if (n == "enumerate") {
      RId pair = b_.pat_tuple({b_.pat_ident("i"), b_.pat_ident("x")});
      RId body = b_.tuple({b_.cast(b_.path("i"), b_.ty("i64")), x});
      return {b_.method(b_.method(it, "enumerate", {}), "map", {b_.closure({pair}, body)}), t, Form::Owned};
    }
    if (n == "sorted") {
      std::string tmp = "v" + std::to_string(++tmp_counter_);
      RId decl = b_.let(tmp, b_.ty("Vec", {rust_type(el)}), b_.method(it, "collect", {}), true);
      RId sort;
      if (ek == TyKind::Float)
        sort = b_.method(b_.path(tmp), "sort_by", {b_.closure({b_.pat_ident("a"), b_.pat_ident("b")},
            b_.method(b_.method(b_.path("a"), "partial_cmp", {b_.path("b")}), "expect", {b_.str_lit("NaN in sort")}))});
      else if (ek == TyKind::Class && !s_sort_dunder(e, el, tmp, &sort))
        return bad();
      else if (ek == TyKind::Class) {
      } else
        sort = b_.method(b_.path(tmp), "sort", {});
      return {b_.block({decl, b_.expr_stmt(sort)}, b_.path(tmp)), T.list(el), Form::Owned};
    }
  }
  if (n == "zip" && a.size() == 2) {
    TypeId e1, e2;
    bool br;
    RId i1 = iter_of(a[0], &e1, &br), i2 = iter_of(a[1], &e2, &br);
    if (i1 == kNil || i2 == kNil) return bad();
    return {b_.method(i1, "zip", {i2}), t, Form::Owned};
  }
  if (n == "ord" && a.size() == 1 && k0() == TyKind::Str) {
    RId c = b_.method(b_.method(b_.method(as_str_ref(a[0]), "chars", {}), "next", {}), "expect", {b_.str_lit("ord() of an empty string")});
    return {b_.cast(b_.cast(c, b_.ty("u32")), b_.ty("i64")), Types::kInt, Form::Owned};
  }
  if (n == "chr" && a.size() == 1) {
    RId c = b_.call("char::from_u32", {b_.cast(coerce(a[0], Types::kInt), b_.ty("u32"))});
    RId ch = b_.method(c, "expect", {b_.str_lit("chr() arg not in range(0x110000)")});
    return {b_.method(ch, "to_string", {}), Types::kStr, Form::Owned};
  }
  if ((n == "bin" || n == "oct" || n == "hex") && a.size() == 1) {
    const char* spec = n == "bin" ? "#b" : n == "oct" ? "#o" : "#x";
    return {try_(b_.call(rt("fmt::format_i64"), {coerce(a[0], Types::kInt), b_.str_lit(spec)})), Types::kStr, Form::Owned};
  }
  if (n == "pow" && a.size() == 3)
    return {try_(b_.call(rt("int::pow_mod_i64"), {coerce(a[0], Types::kInt), coerce(a[1], Types::kInt), coerce(a[2], Types::kInt)})), Types::kInt, Form::Owned};
  if (n == "pow" && a.size() == 2) return arith(Kind::Pow, a[0], a[1], args[1], t);
  if (n == "divmod" && a.size() == 2 && T.kind(t) == TyKind::Tuple && T.get(t).args[0] == Types::kInt)
    return {try_(b_.call(rt("int::divmod_i64"), {coerce(a[0], Types::kInt), coerce(a[1], Types::kInt)})), t, Form::Owned};
  if (n == "format" && a.size() == 2 && T.kind(a[1].ty) == TyKind::Str &&
      (k0() == TyKind::Int || k0() == TyKind::Float || k0() == TyKind::Str))
    return {try_(b_.call(rt("fmt::py_format"), {k0() == TyKind::Str ? as_str_ref(a[0]) : borrow(a[0]), as_str_ref(a[1])})), t, Form::Owned};
  if (n == "format" && a.size() == 1) return {py_str(a[0]), Types::kStr, Form::Owned};
  if (n == "divmod" && a.size() == 2 && T.kind(t) == TyKind::Tuple && T.get(t).args[0] == Types::kFloat)
    return {try_(b_.call(rt("float::float_divmod"), {to_float(a[0]), to_float(a[1])})), t, Form::Owned};
  return bad();
}

LE Lowerer::call_method(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  std::string_view m = ident(fn, fld::Attribute::attr);
  if (LE x = method_more(e); x.id != kNil) return x;
  if (LE r; s_call_hook(e, &r)) return r;
  LE recv = method_recv(fn, m);
  if (LE x = method_ext(e, m, recv); x.id != kNil) return x;
  auto args = list_of(e, fld::Call::args);
  TypeId t = tm_.type_of(e);
  std::vector<LE> a;
  for (NodeId x : args) a.push_back(expr(x));
  TyKind rk = T.kind(recv.ty);
  auto bad = [&]() -> LE {
    fail(e, "method " + std::string(m) + " of " + T.name(recv.ty));
    return {b_.tuple({}), t, Form::Owned};
  };
  if (rk == TyKind::Str) {
    const sema::BuiltinInfo* vb = sema::find_builtin(sema::recv_of(rk), m);
    if (vb && vb->rust == "value_bridge") return str_value_method(e, m, recv, a);
  }
  if (rk == TyKind::List && m == "sort" && a.empty() && s_has_key_kw(e)) return s_sort_kw(e, recv);
  if (!list_of(e, fld::Call::keywords).empty()) return bad();
  if (rk == TyKind::Dict) return dict_method(e, m, recv, a);
  const sema::BuiltinInfo* bi = sema::find_builtin(sema::recv_of(rk), m);
  if (!bi) return bad();
  RId x = b_.path("x");
  if (rk == TyKind::Str) {
    RId s = recv.id;  // String and &str both auto-deref to str methods
    if (bi->how == sema::BuiltinHow::Method) {
      Ids as;
      for (LE& v : a) {
        if (T.kind(v.ty) != TyKind::Str) return bad();
        as.push_back(as_str_ref(v));
      }
      return {b_.method(s, bi->rust, as), t, Form::Owned};
    }
    if ((m == "strip" || m == "lstrip" || m == "rstrip") && a.empty())
      return {b_.method(b_.method(s, bi->rust, {}), "to_string", {}), Types::kStr, Form::Owned};
    if ((m == "index" || m == "find") && a.size() == 1 && T.kind(a[0].ty) == TyKind::Str) {
      // Byte offset of the match -> code point index, as Python counts.
      RId found = b_.method(s, "find", {as_str_ref(a[0])});
      RId byte = b_.path("b");
      RId prefix = b_.index(as_str_ref(recv), b_.range(kNil, byte));
      RId cp = b_.cast(b_.method(b_.method(prefix, "chars", {}), "count", {}), b_.ty("i64"));
      RId mapped = b_.method(found, "map", {b_.closure({b_.pat_ident("b")}, cp)});
      if (m == "find") return {b_.method(mapped, "unwrap_or", {b_.int_lit(-1)}), Types::kInt, Form::Owned};
      RId err = b_.closure({}, b_.call("PyException::value_error", {b_.str_lit("substring not found")}));
      return {try_(b_.method(mapped, "ok_or_else", {err})), Types::kInt, Form::Owned};
    }
    if (m == "count" && a.size() == 1 && T.kind(a[0].ty) == TyKind::Str)
      return {b_.cast(b_.method(b_.method(s, "matches", {as_str_ref(a[0])}), "count", {}), b_.ty("i64")), Types::kInt, Form::Owned};
    if (m == "split" && a.size() <= 1) {
      RId parts = a.empty() ? b_.method(s, "split_whitespace", {}) : b_.method(s, "split", {as_str_ref(a[0])});
      RId mapped = b_.method(parts, "map", {b_.path("String::from")});
      return {b_.method_turbofish(mapped, "collect", {b_.ty("Vec", {b_.ty("String")})}, {}), t, Form::Owned};
    }
    if (m == "join" && a.size() == 1 && T.kind(a[0].ty) == TyKind::List && T.elem(a[0].ty) == Types::kStr)
      return {b_.method(a[0].id, "join", {s}), Types::kStr, Form::Owned};
    if (m == "join" && a.size() == 1) {
      // Any iterable of str (a generator, reversed(...)): collect, then join.
      TypeId el = Types::kUnknown;
      bool by_ref = false;
      RId it = iter_of(a[0], &el, &by_ref);
      if (it != kNil && el == Types::kStr)
        return {b_.method(b_.method_turbofish(it, "collect", {b_.ty("Vec", {b_.ty("String")})}, {}), "join", {as_str_ref(recv)}), Types::kStr, Form::Owned};
    }
    if (m == "isalnum" && a.empty()) return {b_.call(rt("pystr::str_isalnum"), {as_str_ref(recv)}), Types::kBool, Form::Owned};
    if (m == "splitlines" && a.empty())
      return {b_.call(rt("pystr::str_splitlines"), {as_str_ref(recv), b_.bool_lit(false)}), t, Form::Owned};
    if ((m == "isdigit" || m == "isalpha" || m == "isupper" || m == "islower" || m == "isspace") && a.empty()) {
      RId c = b_.path("c");
      RId test = b_.method(c, bi->rust, {});
      RId all = b_.method(b_.method(s, "chars", {}), "all", {b_.closure({b_.pat_ident("c")}, test)});
      RId nonempty = b_.unary(Op::Not, b_.method(s, "is_empty", {}));
      return {b_.binary(Op::And, nonempty, all), Types::kBool, Form::Owned};
    }
    return bad();
  }
  if (rk == TyKind::List) {
    TypeId el = T.elem(recv.ty);
    if (m == "append" && a.size() == 1) return {b_.method(recv.id, "push", {coerce(a[0], el)}), Types::kNone, Form::Owned};
    if (m == "pop" && a.empty()) {
      RId err = b_.closure({}, b_.call("PyException::index_error", {b_.str_lit("pop from empty list")}));
      return {try_(b_.method(b_.method(recv.id, "pop", {}), "ok_or_else", {err})), el, Form::Owned};
    }
    if (m == "pop" && a.size() == 1) {
      RId idx = index_expr(recv, args[0], "pop index out of range");
      return {b_.method(recv.id, "remove", {idx}), el, Form::Owned};
    }
    if (m == "count" && a.size() == 1 && !T.is_copy(el))  // `row.count("#")`
      return {b_.call(rt("list::list_count"), {borrow(recv), b_.ref(coerce(a[0], el))}), Types::kInt, Form::Owned};
    if ((m == "count" || m == "index") && a.size() == 1 && T.is_copy(el)) {
      RId cmp = b_.binary(Op::Eq, b_.deref(x), coerce(a[0], el));
      if (m == "count") {
        RId f = b_.method(b_.method(recv.id, "iter", {}), "filter", {b_.closure({b_.pat_ident("x")}, b_.binary(Op::Eq, b_.deref(b_.deref(x)), coerce(a[0], el)))});
        return {b_.cast(b_.method(f, "count", {}), b_.ty("i64")), Types::kInt, Form::Owned};
      }
      RId pos = b_.method(b_.method(recv.id, "iter", {}), "position", {b_.closure({b_.pat_ident("x")}, cmp)});
      RId err = b_.closure({}, b_.call("PyException::value_error", {b_.str_lit("value is not in list")}));
      return {b_.cast(try_(b_.method(pos, "ok_or_else", {err})), b_.ty("i64")), Types::kInt, Form::Owned};
    }
    if (m == "sort" && a.empty()) {
      if (has_optional(el)) return bad();
      if (T.kind(el) == TyKind::Float)
        return {b_.method(recv.id, "sort_by", {b_.closure({b_.pat_ident("a"), b_.pat_ident("b")},
                    b_.method(b_.method(b_.path("a"), "partial_cmp", {b_.path("b")}), "expect", {b_.str_lit("NaN in sort")}))}),
                Types::kNone, Form::Owned};
      return {b_.method(recv.id, "sort", {}), Types::kNone, Form::Owned};
    }
    if ((m == "reverse" || m == "clear") && a.empty()) return {b_.method(recv.id, m, {}), Types::kNone, Form::Owned};
    if (m == "copy" && a.empty()) return {owned(recv), recv.ty, Form::Owned};
    if (m == "extend" && a.size() == 1) {
      TypeId e2;
      bool br;
      RId it = iter_of(a[0], &e2, &br);
      if (it == kNil || e2 != el) return bad();
      return {b_.method(recv.id, "extend", {it}), Types::kNone, Form::Owned};
    }
    if (m == "insert" && a.size() == 2) {
      RId len = b_.cast(b_.method(recv.id, "len", {}), b_.ty("i64"));
      RId idx = b_.cast(b_.call("i64::clamp", {coerce(a[0], Types::kInt), b_.int_lit(0), len}), b_.ty("usize"));
      return {b_.method(recv.id, "insert", {idx, coerce(a[1], el)}), Types::kNone, Form::Owned};
    }
    return bad();
  }
  if (rk == TyKind::Int && m == "bit_length" && a.empty())
    return {b_.call(rt("int::bit_length_i64"), {recv.id}), Types::kInt, Form::Owned};
  return bad();
}

}  // namespace portalis::lower
