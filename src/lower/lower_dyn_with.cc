// Dynamic mode: the `with` statement.
//
//     let mgr = <expr>; let entered = rt::with::enter(&mgr)?; <target = entered>
//     let body: PyResult<()> = (|| { ...; Ok(()) })();
//     rt::with::exit(&mgr, body)?;
// The body runs in a closure (like try) so an exception reaches __exit__,
// which may swallow it. Several items nest: `with a, b:` is
// `with a: with b:`. A return/break/continue in the body would have to
// leave the closure: not supported yet (fail -> stub).
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool has_jump(const ast::Module& m, NodeId n, int depth) {
  if (n == kNone || depth > 200) return false;
  Kind k = m.kind(n);
  if (k == Kind::Return || k == Kind::Break || k == Kind::Continue) return true;
  if (k == Kind::FunctionDef || k == Kind::ClassDef || k == Kind::Lambda) return false;
  auto fs = ast::fields_of(k);
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    if (fs[i].type == ast::FieldType::List) {
      for (NodeId c : m.list(v))
        if (ast::kind_info(m.kind(c)).category == "stmt" && has_jump(m, c, depth + 1)) return true;
    }
  }
  return false;
}
}  // namespace

void Lowerer::d_with(NodeId s, Ids& out) {
  auto items = list_of(s, fld::With::items);
  auto body = list_of(s, fld::With::body);
  for (NodeId x : body)
    if (has_jump(m_, x, 0)) {
      fail(s, "return/break/continue inside with");
      return;
    }
  // Innermost first: each item wraps the statements built so far.
  Ids inner;
  for (NodeId x : body) d_stmt(x, inner);
  for (size_t i = items.size(); i-- > 0;) {
    NodeId it = items[i];
    Ids st;
    if (int cf = d_cm_call(slot(it, fld::withitem::context_expr)); cf >= 0) {
      // A @contextmanager function: its yield calls the body (lower_dyn_cm.cc).
      d_with_cm(it, static_cast<uint32_t>(cf), inner, st);
      inner = std::move(st);
      continue;
    }
    std::string mgr = fresh("manager");
    st.push_back(b_.let(mgr, kNil, d_expr(slot(it, fld::withitem::context_expr)), false));
    RId entered = try_(b_.call(rt("with::enter"), {b_.ref(b_.path(mgr))}));
    NodeId target = slot(it, fld::withitem::optional_vars);
    if (target != kNone) d_assign(target, entered, st);
    else st.push_back(b_.expr_stmt(entered));
    std::string res = fresh("body");
    RId blk = b_.block(inner, b_.call(b_.path("Ok"), {b_.tuple({})}));
    st.push_back(b_.let(res, b_.ty("PyResult", {b_.ty_tuple({})}), b_.call(b_.closure({}, blk), {}), false));
    st.push_back(b_.expr_stmt(try_(b_.call(rt("with::exit"), {b_.ref(b_.path(mgr)), b_.path(res)}))));
    inner = std::move(st);
  }
  if (items.size() == 1) {
    out.insert(out.end(), inner.begin(), inner.end());
  } else {
    out.push_back(b_.expr_stmt(b_.block(inner)));
  }
}

}  // namespace portalis::lower
