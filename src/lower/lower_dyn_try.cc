// Dynamic mode: raise and try/except/else/finally over PyResult.
//
// A try body, its else block and each handler become immediately called
// closures returning `PyResult<Flow>`, so `?` inside them stops at the try.
// `return v` / `break` / `continue` that leave the try statement return
// `Ok(Flow::Return(v))` / `Ok(Flow::Break)` / `Ok(Flow::Continue)` from the
// closure instead; after the finally block a match replays the jump in the
// enclosing context (which may itself be another try's closure).
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
  NodeId cause = slot(s, fld::Raise::cause);
  if (cause != kNone) {
    // `raise E(...) from e`: the object records `__cause__`.
    RId v = d_expr(exc);
    RId c = d_expr(cause);
    return b_.return_(b_.call(b_.path("Err"), {b_.call(rt("exc_obj::to_exception_from"), {v, c})}));
  }
  std::string cls;
  Ids args;
  bool plain_args = true;
  if (kind(exc) == Kind::Call && kind(slot(exc, fld::Call::func)) == Kind::Name) {
    cls = std::string(ident(slot(exc, fld::Call::func), fld::Name::id));
    for (NodeId a : list_of(exc, fld::Call::args)) plain_args = plain_args && kind(a) != Kind::Starred;
    plain_args = plain_args && list_of(exc, fld::Call::keywords).empty();
  } else if (kind(exc) == Kind::Name) {
    cls = std::string(ident(exc, fld::Name::id));
  }
  if (!cls.empty() && plain_args && d_is_exception_class(cls) && !lookup(cls)) {
    // A builtin or body-less exception class: just its name and args.
    if (kind(exc) == Kind::Call)
      for (NodeId a : list_of(exc, fld::Call::args)) args.push_back(d_expr(a));
    return b_.return_(b_.call(b_.path("Err"), {b_.call(rt("dynamic::exception"), {b_.str_lit(cls), b_.ref(b_.array(args))})}));
  }
  // A computed exception: an instance (or class) value.
  return b_.return_(b_.call(b_.path("Err"), {b_.call(rt("exc_obj::to_exception"), {d_expr(exc)})}));
}

RId Lowerer::d_exc_class_value(std::string_view name) {
  if (lookup(name)) return kNil;
  auto it = tm_.class_by_name.find(name);
  bool simple = d_is_exception_class(name);
  // Any other user class works too: calling the value constructs (`cls = A if f else B; cls(x)`).
  if (!simple && it == tm_.class_by_name.end()) return kNil;
  RId cls = simple ? b_.call(rt("exc_obj::exc_class"), {b_.str_lit(name)}) : b_.call(class_fn(it->second), {});
  return b_.call(rt("exc_obj::class_value"), {cls});
}

namespace {
// The jumps in a try statement's blocks that leave it: a `return`
// anywhere (outside nested functions), and `break`/`continue` not inside a
// loop nested in the blocks. One node of each kind is kept so the replay
// after the try lowers a real statement.
struct Jumps {
  bool ret = false;
  NodeId brk = kNone;
  NodeId cont = kNone;
};

void scan_jumps(const ast::Module& m, std::span<const uint32_t> body, Jumps& j) {
  // (statement, inside a nested loop) pairs; explicit stack, no recursion.
  std::vector<std::pair<NodeId, bool>> stack;
  for (NodeId s : body) stack.emplace_back(s, false);
  while (!stack.empty()) {
    auto [s, in_loop] = stack.back();
    stack.pop_back();
    Kind k = m.kind(s);
    if (k == Kind::Return) j.ret = true;
    if (k == Kind::Break && !in_loop && j.brk == kNone) j.brk = s;
    if (k == Kind::Continue && !in_loop && j.cont == kNone) j.cont = s;
    if (k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef) continue;
    bool loop = in_loop || k == Kind::For || k == Kind::While || k == Kind::AsyncFor;
    auto fs = ast::fields_of(k);
    for (size_t i = 0; i < fs.size(); ++i) {
      if (fs[i].type != ast::FieldType::List) continue;
      // A loop's else block is outside the loop for break/continue.
      bool is_orelse = fs[i].name == "orelse" && (k == Kind::For || k == Kind::While || k == Kind::AsyncFor);
      for (NodeId c : m.list(m.slot(s, static_cast<uint32_t>(i))))
        if (ast::kind_info(m.kind(c)).category == "stmt" || m.kind(c) == Kind::ExceptHandler)
          stack.emplace_back(c, is_orelse ? in_loop : loop);
    }
  }
}
}  // namespace

bool Lowerer::d_jump(NodeId s, Ids& out) {
  if (try_loop_depth_.empty()) return false;
  Kind k = kind(s);
  if (k == Kind::Return) {
    if (cur_ == 0) return false;
    NodeId v = slot(s, fld::Return::value);
    RId val = v == kNone ? b_.path("Value::None") : d_expr(v);
    out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.call(rt("exc_obj::Flow::Return"), {val})}))));
    return true;
  }
  // A loop opened inside the try body owns this break/continue.
  if (loop_flags_.size() > try_loop_depth_.back()) return false;
  const char* flow = k == Kind::Break ? "exc_obj::Flow::Break" : "exc_obj::Flow::Continue";
  out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {rt(flow)}))));
  return true;
}

void Lowerer::d_try(NodeId s, Ids& out) {
  auto body = list_of(s, fld::Try::body);
  auto orelse = list_of(s, fld::Try::orelse);
  auto finalbody = list_of(s, fld::Try::finalbody);
  auto handlers = list_of(s, fld::Try::handlers);
  Jumps jumps;
  scan_jumps(m_, body, jumps);
  scan_jumps(m_, orelse, jumps);
  for (NodeId h : handlers) scan_jumps(m_, list_of(h, fld::ExceptHandler::body), jumps);
  // Without jumps the closures yield `()`; with them, a `Flow`.
  bool any_jump = jumps.ret || jumps.brk != kNone || jumps.cont != kNone;
  auto normal_v = [&] { return any_jump ? rt("exc_obj::Flow::Normal") : b_.tuple({}); };
  RId flow_ty = b_.ty("PyResult", {any_jump ? b_.ty("rt::exc_obj::Flow") : b_.ty_tuple({})});
  RId normal = b_.call(b_.path("Ok"), {normal_v()});
  auto closure_of = [&](RId blk) {
    // (|| { ...; Ok(Flow::Normal) })()
    const rust::RNode& bn = b_.tree().node(blk);
    Ids stmts(b_.tree().list(bn.list).begin(), b_.tree().list(bn.list).end());
    RId inner = b_.block(stmts, b_.call(b_.path("Ok"), {normal_v()}));
    RId clo = b_.closure({}, inner);
    return b_.call(clo, {});
  };
  try_loop_depth_.push_back(loop_flags_.size());
  std::string r = fresh("attempt");
  out.push_back(b_.let(r, flow_ty, closure_of(d_block(body)), false));
  Ids arms;
  arms.push_back(b_.arm(b_.call(b_.path("Ok"), {any_jump ? b_.pat_lit(rt("exc_obj::Flow::Normal")) : b_.tuple({})}), kNil,
                        orelse.empty() ? normal : closure_of(d_block(orelse))));
  // A jump out of the body skips the else block.
  if (any_jump) arms.push_back(b_.arm(b_.call(b_.path("Ok"), {b_.pat_ident("flow")}), kNil, b_.call(b_.path("Ok"), {b_.path("flow")})));
  // The raised exception's Rust name: fresh, so a Python variable `err` cannot shadow it.
  const std::string err = fresh("raised");
  for (NodeId h : handlers) {
    NodeId type = slot(h, fld::ExceptHandler::type);
    RId guard = kNil;
    std::vector<std::string> names;
    if (type != kNone) {
      // Class names match by name; anything else (`except kinds`) is a
      // value matched at run time.
      auto is_class_name = [&](NodeId t) {
        if (kind(t) != Kind::Name || lookup(ident(t, fld::Name::id))) return false;
        std::string_view n = ident(t, fld::Name::id);
        return d_is_exception_class(n) || tm_.class_by_name.count(n) > 0;
      };
      bool computed = false;
      if (is_class_name(type)) names.emplace_back(ident(type, fld::Name::id));
      else if (kind(type) == Kind::Tuple)
        for (NodeId t : list_of(type, fld::Tuple::elts)) {
          if (is_class_name(t)) names.emplace_back(ident(t, fld::Name::id));
          else computed = true;
        }
      else computed = true;
      if (computed) {
        names.clear();
        guard = b_.call(rt("exc_obj::matches"), {b_.ref(b_.path(err)), b_.ref(d_expr(type))});
      }
      for (const std::string& n : names) {
        RId test = b_.method(b_.path(err), "is_instance_of", {b_.str_lit(n)});
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
    RId arm_body = b_.block({b_.let(ev, kNil, b_.path(err), false)}, handler);
    arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident(err)}), guard, arm_body));
  }
  try_loop_depth_.pop_back();
  arms.push_back(b_.arm(b_.call(b_.path("Err"), {b_.pat_ident(err)}), kNil, b_.call(b_.path("Err"), {b_.path(err)})));
  std::string r2 = fresh("outcome");
  out.push_back(b_.let(r2, flow_ty, b_.match(b_.path(r), arms), false));
  for (NodeId x : finalbody) d_stmt(x, out);
  if (!any_jump) {
    out.push_back(b_.expr_stmt(try_(b_.path(r2))));
    return;
  }
  // Replay the jump here, where `return`/`break`/`continue` mean what they
  // meant in Python (or travel on to an enclosing try's closure).
  Ids replay;
  if (jumps.ret) {
    std::string v = fresh("ret");
    Ids rb;
    if (!try_loop_depth_.empty() && cur_ != 0)
      rb.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.call(rt("exc_obj::Flow::Return"), {b_.path(v)})}))));
    else
      rb.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {cur_ == 0 ? b_.tuple({}) : b_.path(v)}))));
    replay.push_back(b_.arm(b_.call(rt("exc_obj::Flow::Return"), {b_.pat_ident(v)}), kNil, b_.block(rb)));
  }
  for (NodeId j : {jumps.brk, jumps.cont}) {
    if (j == kNone) continue;
    Ids jb;
    d_stmt(j, jb);
    replay.push_back(b_.arm(b_.pat_lit(rt(j == jumps.brk ? "exc_obj::Flow::Break" : "exc_obj::Flow::Continue")), kNil, b_.block(jb)));
  }
  replay.push_back(b_.arm(b_.pat_wild(), kNil, b_.block({})));
  out.push_back(b_.expr_stmt(b_.match(try_(b_.path(r2)), replay)));
}

}  // namespace portalis::lower
