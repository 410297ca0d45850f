// Dynamic mode: `@contextlib.contextmanager` generator functions in `with`,
// and `issubclass` on class values.
//
// A contextmanager function is not lowered as a generator: its single
// `yield x` becomes a call of a body callback, an extra last parameter
//     fn tag(name: Value, cm_body__: &mut dyn FnMut(Value) -> PyResult<()>) -> PyResult<Value>
// and `with tag(n) as t: BODY` passes `&mut |v| { t = v; BODY; Ok(()) }`.
// An exception from BODY comes out of the callback at the yield, where the
// generator's own try/except/finally sees it, which is what
// contextlib's `gen.throw()` does; a handler that does not re-raise
// suppresses it (the function then returns Ok). This is exact only when the
// yield runs at most once, so the accepted shape is: one `yield [x]`
// statement, either in the body itself or directly in the body of a
// top-level try, no `yield from`, no nested def/class. Not yielding at all
// is Python's RuntimeError("generator didn't yield") (rt::ctx::entered).
// Anything else decorated with contextmanager is a failure (stub), and so is
// any use of such a function other than `with f(...)`.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {

constexpr const char* kCmBody = "cm_body__";

// Counts yields outside nested scopes; nested def/class count as bad.
void count_yields(const ast::Module& m, NodeId n, int& yields, bool& bad, int depth) {
  if (n == kNone) return;
  if (depth > 200) {
    bad = true;
    return;
  }
  Kind k = m.kind(n);
  if (k == Kind::Yield) ++yields;
  if (k == Kind::YieldFrom || k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef ||
      k == Kind::Await) {
    bad = true;
    return;
  }
  if (k == Kind::Lambda || k == Kind::GeneratorExp || k == Kind::ListComp || k == Kind::SetComp || k == Kind::DictComp) return;
  auto fs = ast::fields_of(k);
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) count_yields(m, v, yields, bad, depth + 1);
    else if (fs[i].type == ast::FieldType::List)
      for (NodeId c : m.list(v)) count_yields(m, c, yields, bad, depth + 1);
  }
}

bool is_yield_stmt(const ast::Module& m, NodeId s) {
  return m.kind(s) == Kind::Expr && m.kind(m.slot(s, fld::Expr::value)) == Kind::Yield;
}

}  // namespace

int Lowerer::d_cm_kind(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (f == 0 || fn.cls >= 0 || fn.node == kNone) return 0;
  auto decs = list_of(fn.node, fld::FunctionDef::decorator_list);
  bool cm = false;
  for (NodeId d : decs) {
    if (kind(d) == Kind::Name && !tm_.func_by_name.count(ident(d, fld::Name::id))) {
      std::string from = imported(ident(d, fld::Name::id));
      cm |= from == "contextlib.contextmanager";
    } else if (kind(d) == Kind::Attribute && ident(d, fld::Attribute::attr) == "contextmanager" &&
               kind(slot(d, fld::Attribute::value)) == Kind::Name) {
      cm |= imported(ident(slot(d, fld::Attribute::value), fld::Name::id)) == "contextlib";
    }
  }
  if (!cm) return 0;
  if (decs.size() != 1 || kind(fn.node) != Kind::FunctionDef) return 2;
  int yields = 0;
  bool bad = false;
  auto body = list_of(fn.node, fld::FunctionDef::body);
  for (NodeId s : body) count_yields(m_, s, yields, bad, 0);
  if (bad || yields != 1) return 2;
  // Where the yield is: a top-level statement, or a statement of a
  // top-level try's body.
  for (NodeId s : body) {
    if (is_yield_stmt(m_, s)) return 1;
    if (kind(s) == Kind::Try)
      for (NodeId t : list_of(s, fld::Try::body))
        if (is_yield_stmt(m_, t)) return 1;
  }
  return 2;
}

int Lowerer::d_cm_call(NodeId e) {
  if (kind(e) != Kind::Call) return -1;
  NodeId fn = slot(e, fld::Call::func);
  if (kind(fn) != Kind::Name || lookup(ident(fn, fld::Name::id))) return -1;
  auto it = tm_.func_by_name.find(ident(fn, fld::Name::id));
  if (it == tm_.func_by_name.end() || d_cm_kind(it->second) == 0) return -1;
  return static_cast<int>(it->second);
}

void Lowerer::d_with_cm(NodeId item, uint32_t f, Ids& inner, Ids& out) {
  NodeId call = slot(item, fld::withitem::context_expr);
  if (d_cm_kind(f) != 1) {
    fail(call, "contextmanager function of this shape (one `yield` in its body or a top-level try body)");
    return;
  }
  if (mixed() && !is_dyn_fn(f)) {
    fail(call, "contextmanager function in a mixed module");
    return;
  }
  std::string yielded = fresh("yielded");
  std::string v = fresh("entered");
  out.push_back(b_.let(yielded, kNil, b_.bool_lit(false), true));
  Ids body;
  body.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(yielded), b_.bool_lit(true))));
  NodeId target = slot(item, fld::withitem::optional_vars);
  if (target != kNone) d_assign(target, b_.path(v), body);
  body.insert(body.end(), inner.begin(), inner.end());
  RId clo = b_.closure({b_.pat_ident(v)}, b_.block(body, b_.call(b_.path("Ok"), {b_.tuple({})})));
  cm_extra_arg_ = b_.ref_mut(clo);
  RId r = d_call_known(call, f);
  cm_extra_arg_ = kNil;
  out.push_back(b_.expr_stmt(r));
  out.push_back(b_.expr_stmt(try_(b_.call(rt("ctx::entered"), {b_.path(yielded)}))));
}

void Lowerer::d_cm_yield(NodeId y, Ids& out) {
  NodeId x = slot(y, fld::Yield::value);
  RId val = x == kNone ? b_.path("Value::None") : d_expr(x);
  out.push_back(b_.expr_stmt(try_(b_.call(b_.path(kCmBody), {val}))));
}

RId Lowerer::d_issubclass(NodeId a, NodeId b) {
  RId test = try_(b_.call(rt("ctx::issubclass"), {b_.ref(d_expr(a)), b_.ref(d_expr(b))}));
  return b_.call("Value::from", {test});
}

}  // namespace portalis::lower
