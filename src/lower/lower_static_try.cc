// Static functions: raise and try/except/else/finally over PyResult.
//
// Like the dynamic lowering (lower_dyn_try.cc), the try body, the else
// block and each handler become immediately called closures, so `?` and
// `raise` (`return Err(..)`) inside them stop at the try. Their result is
// `PyResult<()>`, or `PyResult<Option<R>>` when a `return v` inside leaves
// the function (`Ok(Some(v))`); after the finally block the return is
// replayed. `break`/`continue` leaving the try are not modelled (the
// function stays dynamic). Handlers match the raised exception by class
// name (`is_instance_of`), which covers builtin classes and the module's
// exception classes the runtime knows.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
// Whether a `return` occurs in these statements (nested defs excluded).
bool has_return(const ast::Module& m, std::span<const uint32_t> body) {
  std::vector<NodeId> stack(body.begin(), body.end());
  while (!stack.empty()) {
    NodeId s = stack.back();
    stack.pop_back();
    Kind k = m.kind(s);
    if (k == Kind::Return) return true;
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef) continue;
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      if (fs[i].type != ast::FieldType::List) continue;
      for (NodeId c : m.list(m.slot(s, static_cast<uint32_t>(i))))
        if (ast::kind_info(m.kind(c)).category == "stmt" || m.kind(c) == Kind::ExceptHandler) stack.push_back(c);
    }
  }
  return false;
}
}  // namespace

void Lowerer::s_raise(NodeId s, Ids& out) {
  NodeId exc = slot(s, fld::Raise::exc);
  used_try_ = true;  // the function can raise: it returns PyResult
  if (s_raise_exc(s, out)) return;  // classes with __init__, `raise e` (lower_static_exc.cc)
  if (exc == kNone) {
    if (s_caught_.empty()) {
      fail(s, "bare raise outside a handler");
      return;
    }
    out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Err"), {b_.method(b_.path(s_caught_.back()), "clone", {})}))));
    return;
  }
  if (slot(s, fld::Raise::cause) != kNone) {
    fail(s, "raise ... from");
    return;
  }
  std::string cls;
  Ids args;
  if (kind(exc) == Kind::Call && kind(slot(exc, fld::Call::func)) == Kind::Name && list_of(exc, fld::Call::keywords).empty()) {
    cls = std::string(ident(slot(exc, fld::Call::func), fld::Name::id));
    for (NodeId a : list_of(exc, fld::Call::args)) {
      if (kind(a) == Kind::Starred) {
        fail(a, "raise with starred arguments");
        return;
      }
      LE v = expr(a);
      if (!bridgeable(v.ty)) {
        fail(a, "exception argument of type " + T.name(v.ty));
        return;
      }
      args.push_back(b_.call(b_.path("rt::value::ToValue::to_value"), {borrow(v)}));
    }
  } else if (kind(exc) == Kind::Name) {
    cls = std::string(ident(exc, fld::Name::id));
  }
  // Builtin classes and the module's body-less exception classes are a name
  // and args; other classes (with fields or methods) stay dynamic.
  if (cls.empty() || lookup(cls) || !d_is_exception_class(cls)) {
    fail(s, cls.empty() ? std::string("raise of a computed exception") : "raise of " + cls);
    return;
  }
  RId e = b_.call(rt("dynamic::exception"), {b_.str_lit(cls), b_.ref(b_.array(args))});
  out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Err"), {e}))));
}

bool Lowerer::s_jump(NodeId s, Ids& out) {
  if (s_try_loops_.empty()) return false;
  Kind k = kind(s);
  if (k == Kind::Return) {
    const sema::Function& fn = tm_.funcs[cur_];
    NodeId v = slot(s, fld::Return::value);
    RId val = v == kNone ? b_.tuple({}) : coerce(expr_as(v, fn.ret), fn.ret);
    if (v == kNone && T.kind(fn.ret) != TyKind::None) val = coerce({b_.tuple({}), Types::kNone, Form::Owned}, fn.ret);
    out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.call(b_.path("Some"), {val})}))));
    return true;
  }
  // A loop opened inside the try owns this break/continue.
  if (loop_flags_.size() > s_try_loops_.back()) return false;
  fail(s, "break or continue leaving a try statement");
  return true;
}

void Lowerer::s_try(NodeId s, Ids& out) {
  auto body = list_of(s, fld::Try::body);
  auto orelse = list_of(s, fld::Try::orelse);
  auto finalbody = list_of(s, fld::Try::finalbody);
  auto handlers = list_of(s, fld::Try::handlers);
  bool ret = cur_ != 0 && (has_return(m_, body) || has_return(m_, orelse));
  for (NodeId h : handlers) ret = ret || (cur_ != 0 && has_return(m_, list_of(h, fld::ExceptHandler::body)));
  TypeId fret = cur_ == 0 ? Types::kNone : tm_.funcs[cur_].ret;
  RId r_ty = T.kind(fret) == TyKind::None ? b_.ty_tuple({}) : rust_type(fret);
  RId flow_ty = b_.ty("PyResult", {ret ? b_.ty("Option", {r_ty}) : b_.ty_tuple({})});
  auto normal_v = [&] { return ret ? b_.path("None") : b_.tuple({}); };
  auto closure_of = [&](RId blk) {
    const rust::RNode& bn = b_.tree().node(blk);
    Ids stmts(b_.tree().list(bn.list).begin(), b_.tree().list(bn.list).end());
    return b_.call(b_.closure({}, b_.block(stmts, b_.call(b_.path("Ok"), {normal_v()}))), {});
  };
  s_try_loops_.push_back(loop_flags_.size());
  std::string attempt = fresh("attempt");
  out.push_back(b_.let(attempt, flow_ty, closure_of(block(body, slot(s, fld::Try::body))), false));
  Ids arms;
  RId ok_normal = b_.call(b_.path("Ok"), {normal_v()});
  arms.push_back(b_.arm(b_.call(b_.path("Ok"), {ret ? b_.pat_lit(b_.path("None")) : b_.tuple({})}), kNil,
                        orelse.empty() ? ok_normal : closure_of(block(orelse, slot(s, fld::Try::orelse)))));
  // A return from the body skips the else block.
  if (ret) arms.push_back(b_.arm(b_.call(b_.path("Ok"), {b_.pat_ident("flow")}), kNil, b_.call(b_.path("Ok"), {b_.path("flow")})));
  const std::string err = fresh("raised");
  bool catch_all = false;
  for (NodeId h : handlers) {
    NodeId type = slot(h, fld::ExceptHandler::type);
    std::vector<std::string> names;
    if (type != kNone && kind(type) == Kind::Name) names.emplace_back(ident(type, fld::Name::id));
    else if (type != kNone && kind(type) == Kind::Tuple)
      for (NodeId t : list_of(type, fld::Tuple::elts)) names.emplace_back(kind(t) == Kind::Name ? ident(t, fld::Name::id) : "");
    RId guard = kNil;
    for (const std::string& n : names) {
      bool known = !n.empty() && !lookup(n) && (d_is_exception_class(n) || tm_.class_by_name.count(n) > 0);
      if (!known) {
        fail(type, "except clause naming " + (n.empty() ? std::string("a computed class") : n));
        continue;
      }
      RId test = b_.method(b_.path(err), "is_instance_of", {b_.str_lit(n)});
      guard = guard == kNil ? test : b_.binary(Op::Or, guard, test);
    }
    if (type == kNone) catch_all = true;
    std::string ev = fresh("caught");
    Ids hb;
    uint32_t nm = slot(h, fld::ExceptHandler::name);
    if (nm != kNone) {
      const Binding* bnd = lookup(m_.str(nm));
      if (!bnd || T.kind(bnd->ty) != TyKind::Exc) {
        fail(h, "except ... as a name of another type");
        continue;
      }
      hb.push_back(b_.let(bnd->rust, kNil, b_.method(b_.path(ev), "clone", {}), false));
    }
    s_caught_.push_back(ev);
    if (nm != kNone) s_exc_handlers_.emplace_back(m_.str(nm), h);  // `e.field` reads h's class
    RId blk = block(list_of(h, fld::ExceptHandler::body), slot(h, fld::ExceptHandler::body));
    if (nm != kNone) s_exc_handlers_.pop_back();
    s_caught_.pop_back();
    const rust::RNode& bn = b_.tree().node(blk);
    hb.insert(hb.end(), b_.tree().list(bn.list).begin(), b_.tree().list(bn.list).end());
    RId arm_body = b_.block({b_.let(ev, kNil, b_.path(err), false)}, closure_of(b_.block(hb)));
    arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident(err)}), guard, arm_body));
    if (type == kNone) break;  // later handlers are unreachable
  }
  s_try_loops_.pop_back();
  if (!catch_all) arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident(err)}), kNil, b_.call(b_.path("Err"), {b_.path(err)})));
  std::string outcome = fresh("outcome");
  out.push_back(b_.let(outcome, flow_ty, b_.match(b_.path(attempt), arms), false));
  for (NodeId x : finalbody) stmt(x, out);
  if (!ret) {
    out.push_back(b_.expr_stmt(try_(b_.path(outcome))));
    return;
  }
  // Replay the return here: from the function, or on to an enclosing try's closure.
  std::string v = fresh("ret");
  RId back;
  if (!s_try_loops_.empty()) back = b_.call(b_.path("Ok"), {b_.call(b_.path("Some"), {b_.path(v)})});
  else if (fallible_in_.count(cur_) > 0) back = b_.call(b_.path("Ok"), {b_.path(v)});
  else back = T.kind(fret) == TyKind::None ? kNil : b_.path(v);
  Ids replay;
  replay.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident(v)}), kNil, b_.block({b_.expr_stmt(b_.return_(back))})));
  replay.push_back(b_.arm(b_.pat_wild(), kNil, b_.block({})));
  out.push_back(b_.expr_stmt(b_.match(try_(b_.path(outcome)), replay)));
}

}  // namespace portalis::lower
