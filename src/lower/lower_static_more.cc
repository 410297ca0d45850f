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

}  // namespace portalis::lower
