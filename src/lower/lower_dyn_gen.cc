// Dynamic mode: generator functions and generator expressions.
//
// A generator body becomes a state machine: the Python locals stay the
// function's `let mut` locals, moved into an `FnMut` closure (the frame),
// and the body is cut into numbered states at each `yield`. A loop or `if`
// holding a yield (or a return/break/continue that must leave the state
// machine) becomes explicit states; everything else is lowered by d_stmt
// into a state's code. The closure runs
//     loop { match state { 0 => {..} 1 => {..} _ => return Ok(None) } }
// until the next yield (`return Ok(Some(v))`) or the end (`Ok(None)`;
// `return v` raises StopIteration(v)); rt::gen::generator wraps it in a lazy
// iterator object. No threads, no async runtime: it builds for wasm32-wasi.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {

bool is_scope(Kind k) {
  return k == Kind::FunctionDef || k == Kind::AsyncFunctionDef || k == Kind::ClassDef || k == Kind::Lambda ||
         k == Kind::GeneratorExp || k == Kind::ListComp || k == Kind::SetComp || k == Kind::DictComp;
}

// Does n contain a yield (or, with jumps, a return / a break or continue
// leaving n) outside nested scopes? `loops` counts loops entered inside n.
bool scan(const ast::Module& m, NodeId n, bool jumps, int loops, int depth) {
  if (n == kNone || depth > 200) return false;
  Kind k = m.kind(n);
  if (k == Kind::Yield || k == Kind::YieldFrom) return true;
  if (is_scope(k)) return false;
  if (jumps) {
    if (k == Kind::Return) return true;
    if ((k == Kind::Break || k == Kind::Continue) && loops == 0) return true;
  }
  auto fs = ast::fields_of(k);
  bool loop = k == Kind::For || k == Kind::While;
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    // A loop's own body: its break/continue stay inside it (not its else).
    int inner = loops + (loop && fs[i].name == "body" ? 1 : 0);
    if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) {
      if (scan(m, v, jumps, inner, depth + 1)) return true;
    } else if (fs[i].type == ast::FieldType::List) {
      for (NodeId c : m.list(v))
        if (scan(m, c, jumps, inner, depth + 1)) return true;
    }
  }
  return false;
}

void collect_names(const ast::Module& m, NodeId n, std::vector<std::string>& out, int depth) {
  if (n == kNone || depth > 200) return;
  if (m.kind(n) == Kind::Name) {
    out.emplace_back(m.str(m.slot(n, fld::Name::id)));
    return;
  }
  auto fs = ast::fields_of(m.kind(n));
  for (size_t i = 0; i < fs.size(); ++i) {
    uint32_t v = m.slot(n, static_cast<uint32_t>(i));
    if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) collect_names(m, v, out, depth + 1);
    else if (fs[i].type == ast::FieldType::List)
      for (NodeId c : m.list(v)) collect_names(m, c, out, depth + 1);
  }
}

}  // namespace

struct GenCtx {
  std::vector<Ids> states;
  size_t cur = 0;
  std::string state_var;
  std::string sent;
  Ids frame;  // `let mut` declarations before the closure
  struct Loop {
    size_t head, after;
  };
  std::vector<Loop> loops;
};

bool Lowerer::d_is_generator(NodeId fn_node) {
  for (NodeId s : list_of(fn_node, fld::FunctionDef::body))
    if (scan(m_, s, false, 0, 0)) return true;
  return false;
}

size_t Lowerer::g_new_state() {
  gen_->states.emplace_back();
  return gen_->states.size() - 1;
}

Ids Lowerer::g_jump(size_t k) {
  // `state = k; continue;` (continue: the dispatch loop, never a Python loop)
  return {b_.expr_stmt(b_.assign(Op::Assign, b_.path(gen_->state_var), b_.int_lit(static_cast<int64_t>(k)))),
          b_.expr_stmt(b_.continue_())};
}

void Lowerer::g_goto(size_t k) {
  Ids j = g_jump(k);
  Ids& o = gen_->states[gen_->cur];
  o.insert(o.end(), j.begin(), j.end());
}

RId Lowerer::g_sent() {
  // The value send() passed in, taken once (a later delegation starts with None).
  return b_.call("std::mem::replace", {b_.ref_mut(b_.path(gen_->sent)), b_.path("Value::None")});
}

void Lowerer::g_stmts(std::span<const uint32_t> body) {
  for (NodeId s : body) g_stmt(s);
}

void Lowerer::g_stmt(NodeId s) {
  cur_stmt_ = s;
  if (!scan(m_, s, true, 0, 0)) {
    Ids tmp;
    d_stmt(s, tmp);
    Ids& o = gen_->states[gen_->cur];
    o.insert(o.end(), tmp.begin(), tmp.end());
    return;
  }
  switch (kind(s)) {
    case Kind::Expr: case Kind::Assign: {
      NodeId v = kind(s) == Kind::Expr ? slot(s, fld::Expr::value) : slot(s, fld::Assign::value);
      NodeId target = kNone;
      if (kind(s) == Kind::Assign) {
        auto ts = list_of(s, fld::Assign::targets);
        if (ts.size() != 1) break;
        target = ts[0];
      }
      if (kind(v) == Kind::Yield) {
        NodeId x = slot(v, fld::Yield::value);
        RId val = x == kNone ? b_.path("Value::None") : d_expr(x);
        size_t k = g_new_state();
        Ids& o = gen_->states[gen_->cur];
        o.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(gen_->state_var), b_.int_lit(static_cast<int64_t>(k)))));
        o.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.call(b_.path("Some"), {val})}))));
        gen_->cur = k;
        if (target != kNone) {
          Ids tmp;
          d_assign(target, g_sent(), tmp);
          Ids& o2 = gen_->states[gen_->cur];
          o2.insert(o2.end(), tmp.begin(), tmp.end());
        }
        return;
      }
      if (kind(v) == Kind::YieldFrom) {
        std::string sub = fresh("sub");
        gen_->frame.push_back(b_.let(sub, kNil, b_.path("Value::None"), true));
        RId src = try_(b_.call(rt("gen::iter"), {b_.ref(d_expr(slot(v, fld::YieldFrom::value)))}));
        gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(sub), src)));
        size_t k = g_new_state();
        g_goto(k);
        gen_->cur = k;
        std::string res = fresh("returned");
        Ids tmp;
        tmp.push_back(b_.let(res, kNil, b_.path("Value::None"), true));
        RId step = try_(b_.call(rt("gen::delegate"), {b_.ref(b_.path(sub)), g_sent(), b_.ref_mut(b_.path(res))}));
        Ids arms;
        arms.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident("v")}), kNil,
                              b_.return_(b_.call(b_.path("Ok"), {b_.call(b_.path("Some"), {b_.path("v")})}))));
        arms.push_back(b_.arm(b_.path("None"), kNil, b_.block({})));
        tmp.push_back(b_.expr_stmt(b_.match(step, arms)));
        if (target != kNone) d_assign(target, b_.path(res), tmp);
        Ids& o = gen_->states[gen_->cur];
        o.insert(o.end(), tmp.begin(), tmp.end());
        return;
      }
      break;
    }
    case Kind::Return: {
      NodeId v = slot(s, fld::Return::value);
      RId val = v == kNone ? b_.path("Value::None") : d_expr(v);
      RId ret = v == kNone ? b_.call(b_.path("Ok"), {b_.path("None")})
                           : b_.call(b_.path("Err"), {b_.call(rt("gen::stop"), {val})});
      gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.return_(ret)));
      // Code after a return is unreachable: give it a state of its own.
      gen_->cur = g_new_state();
      return;
    }
    case Kind::Break: case Kind::Continue: {
      if (gen_->loops.empty()) break;
      g_goto(kind(s) == Kind::Break ? gen_->loops.back().after : gen_->loops.back().head);
      gen_->cur = g_new_state();
      return;
    }
    case Kind::If: {
      RId c = d_cond(slot(s, fld::If::test));
      auto orelse = list_of(s, fld::If::orelse);
      size_t after = g_new_state();
      size_t els = orelse.empty() ? after : g_new_state();
      gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, c), b_.block(g_jump(els)))));
      g_stmts(list_of(s, fld::If::body));
      g_goto(after);
      if (!orelse.empty()) {
        gen_->cur = els;
        g_stmts(orelse);
        g_goto(after);
      }
      gen_->cur = after;
      return;
    }
    case Kind::While: case Kind::For: {
      bool is_for = kind(s) == Kind::For;
      auto orelse = list_of(s, is_for ? fld::For::orelse : fld::While::orelse);
      std::string it;
      if (is_for) {
        it = fresh("iter");
        gen_->frame.push_back(b_.let(it, kNil, b_.path("Value::None"), true));
        RId src = try_(b_.call(rt("gen::iter"), {b_.ref(d_expr(slot(s, fld::For::iter)))}));
        gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(it), src)));
      }
      size_t head = g_new_state();
      size_t after = g_new_state();
      size_t els = orelse.empty() ? after : g_new_state();
      g_goto(head);
      gen_->cur = head;
      Ids exit = g_jump(els);
      if (is_for) {
        std::string item = fresh("item");
        Ids arms;
        arms.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident("v")}), kNil, b_.path("v")));
        arms.push_back(b_.arm(b_.path("None"), kNil, b_.block(exit)));
        RId next = try_(b_.call(rt("gen::next"), {b_.ref(b_.path(it))}));
        gen_->states[head].push_back(b_.let(item, kNil, b_.match(next, arms), false));
        Ids tmp;
        d_assign(slot(s, fld::For::target), b_.path(item), tmp);
        gen_->states[head].insert(gen_->states[head].end(), tmp.begin(), tmp.end());
      } else {
        NodeId test = slot(s, fld::While::test);
        bool forever = kind(test) == Kind::Constant && m_.constant(slot(test, fld::Constant::value)).tag == ast::Constant::Tag::True;
        if (!forever) gen_->states[head].push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, d_cond(test)), b_.block(exit))));
      }
      gen_->loops.push_back({head, after});
      g_stmts(list_of(s, is_for ? fld::For::body : fld::While::body));
      gen_->loops.pop_back();
      g_goto(head);
      if (!orelse.empty()) {
        gen_->cur = els;
        g_stmts(orelse);
        g_goto(after);
      }
      gen_->cur = after;
      return;
    }
    case Kind::Match: {
      // The tests run (and bind) in the current state; each body is its own state.
      std::string subj = fresh("subject");
      gen_->states[gen_->cur].push_back(b_.let(subj, kNil, d_expr(slot(s, fld::Match::subject)), false));
      size_t after = g_new_state();
      std::vector<std::pair<NodeId, size_t>> bodies;
      for (NodeId c : list_of(s, fld::Match::cases)) {
        RId t = d_pattern(slot(c, fld::match_case::pattern), subj, 0);
        NodeId guard = slot(c, fld::match_case::guard);
        if (guard != kNone) t = b_.binary(Op::And, t, d_cond(guard));
        size_t k = g_new_state();
        gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.if_(t, b_.block(g_jump(k)))));
        bodies.emplace_back(c, k);
      }
      g_goto(after);
      for (auto& [c, k] : bodies) {
        gen_->cur = k;
        g_stmts(list_of(c, fld::match_case::body));
        g_goto(after);
      }
      gen_->cur = after;
      return;
    }
    default: break;
  }
  fail(s, std::string("yield inside a ") + std::string(ast::kind_name(kind(s))) + " statement");
}

RId Lowerer::d_gen_body(std::span<const uint32_t> run, Ids& out) {
  GenCtx g;
  GenCtx* saved = gen_;
  gen_ = &g;
  g.state_var = fresh("state");
  g.sent = "gen_sent";
  g.states.emplace_back();
  g_stmts(run);
  gen_->states[gen_->cur].push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.path("None")}))));
  gen_ = saved;
  out.push_back(b_.let(g.state_var, b_.ty("u32"), b_.int_lit(0), true));
  out.insert(out.end(), g.frame.begin(), g.frame.end());
  Ids arms;
  for (size_t k = 0; k < g.states.size(); ++k)
    arms.push_back(b_.arm(b_.pat_lit(b_.int_lit(static_cast<int64_t>(k))), kNil, b_.block(g.states[k])));
  arms.push_back(b_.arm(b_.pat_wild(), kNil, b_.return_(b_.call(b_.path("Ok"), {b_.path("None")}))));
  RId body = b_.block({b_.expr_stmt(b_.loop(b_.block({b_.expr_stmt(b_.match(b_.path(g.state_var), arms))})))});
  RId clo = b_.closure({b_.param(g.sent, b_.ty("Value"), true)}, body, true);
  return b_.call(rt("gen::generator"), {clo});
}

RId Lowerer::d_genexp(NodeId e) {
  auto gens = list_of(e, fld::GeneratorExp::generators);
  if (gens.size() != 1) {
    // Several `for`s: the items are computed up front (a list), but the
    // result is still a one-shot iterator like CPython's.
    return try_(b_.call(rt("gen::iter"), {b_.ref(d_comprehension(e))}));
  }
  NodeId g = gens[0];
  Ids pre;
  std::string it = fresh("iter");
  pre.push_back(b_.let(it, kNil, try_(b_.call(rt("gen::iter"), {b_.ref(d_expr(slot(g, fld::comprehension::iter)))})), false));
  // Outer variables the closure reads: cloned into it (a move closure must
  // not take the function's own locals away).
  std::vector<std::string> names;
  collect_names(m_, slot(e, fld::GeneratorExp::elt), names, 0);
  for (NodeId c : list_of(g, fld::comprehension::ifs)) collect_names(m_, c, names, 0);
  std::set<std::string> done;
  for (const std::string& n : names) {
    const Binding* bnd = lookup(n);
    if (!bnd || !done.insert(bnd->rust).second) continue;
    pre.push_back(b_.let(bnd->rust, kNil, b_.method(b_.path(bnd->rust), "clone", {}), false));
  }
  scopes_.emplace_back();
  std::string item = fresh("item");
  Ids body;
  Ids arms;
  arms.push_back(b_.arm(b_.call(b_.path("Some"), {b_.pat_ident("v")}), kNil, b_.path("v")));
  arms.push_back(b_.arm(b_.path("None"), kNil, b_.return_(b_.call(b_.path("Ok"), {b_.path("None")}))));
  body.push_back(b_.let(item, kNil, b_.match(try_(b_.call(rt("gen::next"), {b_.ref(b_.path(it))})), arms), false));
  std::vector<std::pair<NodeId, RId>> work{{slot(g, fld::comprehension::target), b_.path(item)}};
  while (!work.empty()) {
    auto [t, val] = work.back();
    work.pop_back();
    if (kind(t) == Kind::Name) {
      std::string py(ident(t, fld::Name::id));
      std::string rn = fresh(local_name(py) + "_");
      body.push_back(b_.let(rn, kNil, val, false));
      bind(py, {rn, Types::kDyn, Form::Place});
    } else if (kind(t) == Kind::Tuple || kind(t) == Kind::List) {
      auto elts = list_of(t, fld::Tuple::elts);
      std::string parts = fresh("parts");
      body.push_back(b_.let(parts, kNil, try_(b_.call(rt("dynamic::unpack"), {b_.ref(val), b_.int_lit_text(std::to_string(elts.size()))})), false));
      for (size_t i = elts.size(); i-- > 0;)
        work.push_back({elts[i], b_.method(b_.index(b_.path(parts), b_.int_lit_text(std::to_string(i))), "clone", {})});
    } else {
      fail(t, "generator expression target");
    }
  }
  RId yield = b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.call(b_.path("Some"), {d_expr(slot(e, fld::GeneratorExp::elt))})})));
  auto ifs = list_of(g, fld::comprehension::ifs);
  for (size_t i = ifs.size(); i-- > 0;) yield = b_.expr_stmt(b_.if_(d_cond(ifs[i]), b_.block({yield})));
  scopes_.pop_back();
  body.push_back(yield);
  RId loop = b_.block({b_.expr_stmt(b_.loop(b_.block(body)))});
  RId clo = b_.closure({b_.param("_sent", b_.ty("Value"))}, loop, true);
  return b_.block(pre, b_.call(rt("gen::generator"), {clo}));
}

}  // namespace portalis::lower
