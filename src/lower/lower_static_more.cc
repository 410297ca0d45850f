// Static lowering of constructs that used to send a function to the dynamic
// mode: `assert` and slicing of lists and strings (any step).
#include "lower/lower_impl.h"

namespace portalis::lower {

void Lowerer::assert_stmt(NodeId s, Ids& out) {
  // `assert c, msg` raises AssertionError; the function becomes fallible
  // (PyResult) so a caller's `except AssertionError` still sees it.
  RId cond = truthy(expr(slot(s, fld::Assert::test)));
  NodeId m = slot(s, fld::Assert::msg);
  RId msg = m == kNone ? b_.call(b_.path("String::new"), {}) : py_str(expr(m));
  RId err = b_.call(b_.path("PyException::assertion_error"), {msg});
  used_try_ = true;
  RId raise = b_.block({b_.expr_stmt(b_.return_(b_.call(b_.path("Err"), {err})))});
  out.push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, cond), raise)));
}

LE Lowerer::slice_expr(NodeId e, LE base) {
  // `xs[a:b:c]` through the runtime's slice helpers (Python's clamping and
  // negative steps; a zero step raises ValueError).
  NodeId sl = slot(e, fld::Subscript::slice);
  Ids bounds;
  for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
    NodeId n = slot(sl, f);
    if (n == kNone || (kind(n) == Kind::Constant && m_.constant(slot(n, fld::Constant::value)).tag == ast::Constant::Tag::None)) {
      bounds.push_back(b_.path("None"));
      continue;
    }
    LE v = expr(n);
    if (T.kind(v.ty) != TyKind::Int && T.kind(v.ty) != TyKind::Bool) fail(n, "slice bound of type " + T.name(v.ty));
    bounds.push_back(b_.call(b_.path("Some"), {coerce(v, Types::kInt)}));
  }
  bool is_str = T.kind(base.ty) == TyKind::Str;
  Ids args{is_str ? as_str_ref(base) : borrow(base)};
  args.insert(args.end(), bounds.begin(), bounds.end());
  RId r = try_(b_.call(rt(is_str ? "pystr::str_slice" : "list::list_slice"), args));
  return {r, base.ty, Form::Owned};
}

LE Lowerer::str_value_method(NodeId e, std::string_view m, LE recv, std::vector<LE>& a) {
  // Rarer str methods (format, center, zfill, ..) run through the runtime's
  // dynamic str methods: the arguments become Values, the result comes back
  // as the static type sema gave it (String or i64).
  TypeId t = tm_.type_of(e);
  auto to_value = [&](LE v) {
    RId r = T.kind(v.ty) == TyKind::Str ? as_str_ref(v) : borrow(v);
    return b_.call(b_.path("rt::value::ToValue::to_value"), {r});
  };
  Ids args, kws;
  for (LE& v : a) {
    if (!bridgeable(v.ty)) fail(e, std::string(m) + "() argument of type " + T.name(v.ty));
    args.push_back(to_value(v));
  }
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t name = slot(k, fld::keyword::arg);
    LE v = expr(slot(k, fld::keyword::value));
    if (name == ast::kNone || !bridgeable(v.ty)) {
      fail(k, std::string(m) + "() keyword argument");
      continue;
    }
    kws.push_back(b_.tuple({b_.str_lit(m_.str(name)), to_value(v)}));
  }
  if (T.kind(t) != TyKind::Str && T.kind(t) != TyKind::Int) fail(e, "str." + std::string(m) + " result");
  RId self = b_.call(b_.path("rt::value::Value::str"), {as_str_ref(recv)});
  RId call = try_(b_.call(b_.path("rt::dynamic::method"),
                          {b_.ref(self), b_.str_lit(m), b_.ref(b_.array(args)), b_.ref(b_.array(kws))}));
  RId back = b_.call(b_.path(T.kind(t) == TyKind::Str ? "<String as rt::value::FromValue>::from_value" : "<i64 as rt::value::FromValue>::from_value"), {b_.ref(call)});
  return {try_(back), t, Form::Owned};
}

LE Lowerer::str_percent(LE l, LE r) {
  // `"%d items" % (n,)`: the runtime's printf-style formatting over Values.
  RId rr = T.kind(r.ty) == TyKind::Str ? as_str_ref(r) : borrow(r);
  RId fmt = b_.call(b_.path("rt::value::Value::str"), {as_str_ref(l)});
  RId args = b_.call(b_.path("rt::value::ToValue::to_value"), {rr});
  RId v = try_(b_.call(rt("dynamic::percent"), {b_.ref(fmt), b_.ref(args)}));
  return {try_(b_.call(b_.path("<String as rt::value::FromValue>::from_value"), {b_.ref(v)})), Types::kStr, Form::Owned};
}

}  // namespace portalis::lower
