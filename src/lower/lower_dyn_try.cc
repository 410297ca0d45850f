// Dynamic mode: raise and try/except/else/finally over PyResult.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::d_raise(NodeId s) {
  NodeId exc = slot(s, fld::Raise::exc);
  if (exc == kNone) {
    // Bare `raise` in a handler re-raises the caught exception.
    const Binding* cur = lookup("$exc");
    if (!cur) {
      fail(s, "bare raise outside a handler");
      return b_.return_(b_.call(b_.path("Err"), {b_.call("PyException::runtime_error", {b_.str_lit("No active exception to reraise")})}));
    }
    return b_.return_(b_.call(b_.path("Err"), {b_.method(b_.path(cur->rust), "clone", {})}));
  }
  std::string cls;
  Ids args;
  if (kind(exc) == Kind::Call && kind(slot(exc, fld::Call::func)) == Kind::Name) {
    cls = std::string(ident(slot(exc, fld::Call::func), fld::Name::id));
    for (NodeId a : list_of(exc, fld::Call::args)) args.push_back(d_expr(a));
  } else if (kind(exc) == Kind::Name) {
    cls = std::string(ident(exc, fld::Name::id));
  }
  if (cls.empty() || !d_is_exception_class(cls)) {
    fail(s, "raise of a computed exception");
    return b_.return_(b_.call(b_.path("Err"), {b_.call("PyException::runtime_error", {b_.str_lit("")})}));
  }
  return b_.return_(b_.call(b_.path("Err"), {b_.call(rt("dynamic::exception"), {b_.str_lit(cls), b_.ref(b_.array(args))})}));
}

namespace {
// Whether a statement list contains return/break/continue outside nested
// functions: such a try body cannot become a closure.
bool has_jump(const ast::Module& m, std::span<const uint32_t> body) {
  std::vector<NodeId> stack(body.begin(), body.end());
  while (!stack.empty()) {
    NodeId s = stack.back();
    stack.pop_back();
    Kind k = m.kind(s);
    if (k == Kind::Return || k == Kind::Break || k == Kind::Continue) return true;
    if (k == Kind::FunctionDef || k == Kind::ClassDef || k == Kind::Lambda) continue;
    if (k == Kind::For || k == Kind::While) {
      // break/continue inside a nested loop stay inside it; returns do not.
      auto fs = ast::fields_of(k);
      for (size_t i = 0; i < fs.size(); ++i)
        if (fs[i].type == ast::FieldType::List)
          for (NodeId c : m.list(m.slot(s, static_cast<uint32_t>(i))))
            if (ast::kind_info(m.kind(c)).category == "stmt") {
              std::vector<NodeId> inner{c};
              while (!inner.empty()) {
                NodeId x = inner.back();
                inner.pop_back();
                if (m.kind(x) == Kind::Return) return true;
                auto xf = ast::fields_of(m.kind(x));
                for (size_t j = 0; j < xf.size(); ++j)
                  if (xf[j].type == ast::FieldType::List)
                    for (NodeId y : m.list(m.slot(x, static_cast<uint32_t>(j))))
                      if (ast::kind_info(m.kind(y)).category == "stmt" || m.kind(y) == Kind::ExceptHandler) inner.push_back(y);
              }
            }
      continue;
    }
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i)
      if (fs[i].type == ast::FieldType::List)
        for (NodeId c : m.list(m.slot(s, static_cast<uint32_t>(i))))
          if (ast::kind_info(m.kind(c)).category == "stmt" || m.kind(c) == Kind::ExceptHandler) stack.push_back(c);
  }
  return false;
}
}  // namespace

void Lowerer::d_try(NodeId s, Ids& out) {
  auto body = list_of(s, fld::Try::body);
  auto orelse = list_of(s, fld::Try::orelse);
  auto finalbody = list_of(s, fld::Try::finalbody);
  auto handlers = list_of(s, fld::Try::handlers);
  if (has_jump(m_, body) || has_jump(m_, orelse)) {
    fail(s, "return/break/continue inside try");
    return;
  }
  for (NodeId h : handlers)
    if (has_jump(m_, list_of(h, fld::ExceptHandler::body))) {
      fail(h, "return/break/continue inside except");
      return;
    }
  auto closure_of = [&](RId blk) {
    // (|| -> PyResult<()> { ...; Ok(()) })()
    const rust::RNode& bn = b_.tree().node(blk);
    Ids stmts(b_.tree().list(bn.list).begin(), b_.tree().list(bn.list).end());
    RId inner = b_.block(stmts, b_.call(b_.path("Ok"), {b_.tuple({})}));
    RId clo = b_.closure({}, inner);
    return b_.call(clo, {});
  };
  std::string r = fresh("attempt");
  out.push_back(b_.let(r, b_.ty("PyResult", {b_.ty_tuple({})}), closure_of(d_block(body)), false));
  Ids arms;
  arms.push_back(b_.arm(b_.call(b_.path("Ok"), {b_.tuple({})}), kNil,
                        orelse.empty() ? b_.call(b_.path("Ok"), {b_.tuple({})}) : closure_of(d_block(orelse))));
  for (NodeId h : handlers) {
    NodeId type = slot(h, fld::ExceptHandler::type);
    RId guard = kNil;
    std::vector<std::string> names;
    if (type != kNone) {
      if (kind(type) == Kind::Name) names.emplace_back(ident(type, fld::Name::id));
      else if (kind(type) == Kind::Tuple)
        for (NodeId t : list_of(type, fld::Tuple::elts))
          if (kind(t) == Kind::Name) names.emplace_back(ident(t, fld::Name::id));
      if (names.empty()) {
        fail(h, "computed exception type in except");
        return;
      }
      for (const std::string& n : names) {
        RId test = b_.method(b_.path("err"), "is_instance_of", {b_.str_lit(n)});
        guard = guard == kNil ? test : b_.binary(Op::Or, guard, test);
      }
    }
    std::string ev = fresh("caught");
    scopes_.emplace_back();
    bind("$exc", {ev, Types::kDyn, Form::Place});
    Ids hb;
    uint32_t nm = slot(h, fld::ExceptHandler::name);
    if (nm != kNone) {
      const Binding* bnd = lookup(m_.str(nm));
      if (bnd) d_write(*bnd, m_.str(nm), b_.call(rt("dynamic::exception_value"), {b_.ref(b_.path(ev))}), hb);
      // `type(e).__name__` inside the handler names the caught class.
      bind("$exc:" + std::string(m_.str(nm)), {ev, Types::kDyn, Form::Place});
    }
    for (NodeId x : list_of(h, fld::ExceptHandler::body)) d_stmt(x, hb);
    scopes_.pop_back();
    RId handler = closure_of(b_.block(hb));
    RId arm_body = b_.block({b_.let(ev, kNil, b_.path("err"), false)}, handler);
    arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident("err")}), guard, arm_body));
  }
  arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident("err")}), kNil, b_.call(b_.path("Err"), {b_.path("err")})));
  std::string r2 = fresh("outcome");
  out.push_back(b_.let(r2, b_.ty("PyResult", {b_.ty_tuple({})}), b_.match(b_.path(r), arms), false));
  for (NodeId x : finalbody) d_stmt(x, out);
  out.push_back(b_.expr_stmt(try_(b_.path(r2))));
}


}  // namespace portalis::lower
