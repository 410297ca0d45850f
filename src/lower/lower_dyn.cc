// Dynamic mode: the fallback for modules the static lowering cannot type.
// Every Python value is the runtime's `Value` (shared, Python semantics),
// every operation a `Value` method or a `rt::dynamic` helper returning
// PyResult, so the output still compiles and behaves like CPython.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
const char* binop_method(Kind op) {
  switch (op) {
    case Kind::Add: return "add";
    case Kind::Sub: return "sub";
    case Kind::Mult: return "mul";
    case Kind::Div: return "truediv";
    case Kind::FloorDiv: return "floordiv";
    case Kind::Mod: return "modulo";
    case Kind::Pow: return "pow";
    case Kind::LShift: return "lshift";
    case Kind::RShift: return "rshift";
    case Kind::BitAnd: return "bitand";
    case Kind::BitOr: return "bitor";
    case Kind::BitXor: return "bitxor";
    default: return nullptr;
  }
}

bool is_builtin_exception(std::string_view n) {
  return n == "Exception" || n == "BaseException" || n == "ValueError" || n == "KeyError" || n == "IndexError" ||
         n == "TypeError" || n == "ZeroDivisionError" || n == "RuntimeError" || n == "ArithmeticError" ||
         n == "LookupError" || n == "AttributeError" || n == "NotImplementedError" || n == "StopIteration" ||
         n == "AssertionError" || n == "OverflowError" || n == "NameError";
}
}  // namespace

bool Lowerer::d_is_exception_class(std::string_view name) const {
  return is_builtin_exception(name) || exception_classes_.count(std::string(name)) > 0;
}

RId Lowerer::d_func_value(uint32_t f) {
  // A module function used as a value: wrap it in a Value::func.
  const sema::Function& fn = tm_.funcs[f];
  Ids args;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    RId get = b_.method(b_.method(b_.path("a"), "get", {b_.int_lit_text(std::to_string(i))}), "cloned", {});
    args.push_back(b_.method(get, "unwrap_or", {b_.path("Value::None")}));
  }
  RId body = b_.call(fn_rust_name(f), args);
  RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
  return b_.call("Value::func", {b_.str_lit(fn.name), b_.closure({param}, body)});
}

RId Lowerer::d_function(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  cur_ = f;
  used_try_ = false;
  unsupported_.clear();
  scopes_.clear();
  scopes_.emplace_back();
  tmp_counter_ = 0;
  for (auto& u : fn.unsupported) {
    // What the static typer could not follow, Value can; only statements
    // and expressions the dynamic lowering lacks are failures (found below).
    (void)u;
  }
  Ids params;
  if (fn.cls >= 0 && !fn.is_static) {
    NodeId a = slot(fn.node, fld::FunctionDef::args);
    auto pos = list_of(a, fld::arguments::args);
    std::string py = pos.empty() ? "self" : std::string(ident(pos[0], fld::arg::arg));
    params.push_back(b_.param(local_name(py), b_.ty("Value")));
    bind(py, {local_name(py), Types::kDyn, Form::Place});
    if (py != "self") bind("self", {local_name(py), Types::kDyn, Form::Place});
  }
  for (uint32_t p : fn.params) {
    const sema::Var& v = fn.vars[p];
    std::string rn = local_name(v.name);
    params.push_back(b_.param(rn, b_.ty("Value"), v.reassigned));
    bind(v.name, {rn, Types::kDyn, Form::Place});
  }
  Ids out;
  for (uint32_t i = 0; i < fn.vars.size(); ++i) {
    const sema::Var& v = fn.vars[i];
    if (v.is_param) continue;
    std::string rn = local_name(v.name);
    bind(v.name, {rn, Types::kDyn, Form::Place});
    out.push_back(b_.let(rn, b_.ty("Value"), b_.path("Value::None"), true));
  }
  std::span<const uint32_t> stmts;
  std::string doc;
  std::vector<uint32_t> run;
  if (fn.node == kNone) {
    stmts = list_of(m_.root(), fld::Module::body);
    for (const std::string& c : exception_classes_) {
      const sema::ClassInfo& ci = tm_.classes[tm_.class_by_name.at(c)];
      Ids bases;
      for (NodeId bn : list_of(ci.node, fld::ClassDef::bases))
        if (kind(bn) == Kind::Name) bases.push_back(b_.str_lit(ident(bn, fld::Name::id)));
      out.push_back(b_.expr_stmt(b_.call(rt("exc::register_class"), {b_.str_lit(c), b_.ref(b_.array(bases))})));
    }
  } else {
    stmts = list_of(fn.node, fld::FunctionDef::body);
    doc = docstring(stmts);
  }
  for (NodeId s : stmts) {
    Kind k = kind(s);
    if (fn.node == kNone && (k == Kind::FunctionDef || k == Kind::ClassDef || k == Kind::Import || k == Kind::ImportFrom)) continue;
    if (fn.node == kNone && s == tm_.main_guard) {
      for (NodeId g : list_of(s, fld::If::body)) run.push_back(g);
      continue;
    }
    run.push_back(s);
  }
  if (!doc.empty() && !run.empty()) run.erase(run.begin());
  for (NodeId s : run) d_stmt(s, out);
  RId tail = b_.call(b_.path("Ok"), {f == 0 ? b_.tuple({}) : b_.path("Value::None")});
  RId body = b_.block(out, tail);
  if (!unsupported_.empty()) {
    for (auto& u : unsupported_) diag(u.node, DiagId::Unsupported, "unsupported: " + u.what);
    return stub_function(f, unsupported_.front().what, unsupported_.front().node);
  }
  ++out_.functions_dynamic;
  RId ret = b_.ty("PyResult", {f == 0 ? b_.ty_tuple({}) : b_.ty("Value")});
  return b_.fn(fn_rust_name(f), f == 0 ? Ids{} : params, ret, body, true, doc);
}

RId Lowerer::d_block(std::span<const uint32_t> body) {
  Ids out;
  for (NodeId s : body) d_stmt(s, out);
  return b_.block(out);
}

RId Lowerer::d_cond(NodeId e) {
  if (kind(e) == Kind::Compare) return d_compare(e);
  if (kind(e) == Kind::UnaryOp && Kind(slot(e, fld::UnaryOp::op)) == Kind::Not)
    return b_.unary(Op::Not, d_cond(slot(e, fld::UnaryOp::operand)));
  if (kind(e) == Kind::BoolOp) {
    bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
    RId acc = kNil;
    for (NodeId v : list_of(e, fld::BoolOp::values)) {
      RId c = d_cond(v);
      acc = acc == kNil ? c : b_.binary(is_and ? Op::And : Op::Or, acc, c);
    }
    return acc;
  }
  return b_.method(d_expr(e), "truthy", {});
}

void Lowerer::d_assign(NodeId target, RId value, Ids& out) {
  switch (kind(target)) {
    case Kind::Name: {
      const Binding* bnd = lookup(ident(target, fld::Name::id));
      if (!bnd) {
        fail(target, "assignment to a module-level variable from a function");
        return;
      }
      out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(bnd->rust), value)));
      if (cur_ == 0 && d_global_read(ident(target, fld::Name::id)))
        out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(ident(target, fld::Name::id)), b_.method(b_.path(bnd->rust), "clone", {})})));
      return;
    }
    case Kind::Tuple: case Kind::List: {
      auto elts = list_of(target, fld::Tuple::elts);
      std::string tmp = fresh("parts");
      size_t star = elts.size();
      for (size_t i = 0; i < elts.size(); ++i)
        if (kind(elts[i]) == Kind::Starred) star = i;
      RId parts = star == elts.size()
                      ? try_(b_.call(rt("dynamic::unpack"), {b_.ref(value), b_.int_lit_text(std::to_string(elts.size()))}))
                      : try_(b_.call(rt("dynamic::unpack_star"), {b_.ref(value), b_.int_lit_text(std::to_string(star)),
                                                                  b_.int_lit_text(std::to_string(elts.size() - star - 1))}));
      out.push_back(b_.let(tmp, kNil, parts, false));
      for (size_t i = 0; i < elts.size(); ++i) {
        NodeId t = i == star ? slot(elts[i], fld::Starred::value) : elts[i];
        d_assign(t, b_.method(b_.index(b_.path(tmp), b_.int_lit_text(std::to_string(i))), "clone", {}), out);
      }
      return;
    }
    case Kind::Subscript: {
      RId base = d_expr(slot(target, fld::Subscript::value));
      NodeId sl = slot(target, fld::Subscript::slice);
      if (kind(sl) == Kind::Slice) {
        Ids a{b_.ref(base)};
        for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
          NodeId x = slot(sl, f);
          a.push_back(x == kNone ? b_.path("None") : try_(b_.call(rt("dynamic::opt_i64"), {b_.ref(d_expr(x))})));
        }
        a.push_back(b_.ref(value));
        out.push_back(b_.expr_stmt(try_(b_.call(rt("dynamic::setslice"), a))));
        return;
      }
      RId key = d_expr(sl);
      out.push_back(b_.expr_stmt(try_(b_.method(base, "setitem", {b_.ref(key), value}))));
      return;
    }
    case Kind::Attribute: {
      RId obj = d_expr(slot(target, fld::Attribute::value));
      out.push_back(b_.expr_stmt(try_(b_.method(obj, "setattr", {b_.str_lit(ident(target, fld::Attribute::attr)), value}))));
      return;
    }
    default: fail(target, "assignment target"); return;
  }
}

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
      if (bnd) hb.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(bnd->rust), b_.call(rt("dynamic::exception_value"), {b_.ref(b_.path(ev))}))));
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

std::string Lowerer::imported(std::string_view name) {
  if (!imports_ready_) {
    imports_ready_ = true;
    for (NodeId st : list_of(m_.root(), fld::Module::body)) {
      if (kind(st) == Kind::Import) {
        for (NodeId a : list_of(st, fld::Import::names)) {
          std::string mod(m_.str(slot(a, fld::alias::name)));
          uint32_t as = slot(a, fld::alias::asname);
          imports_[as != kNone ? std::string(m_.str(as)) : mod] = mod;
        }
      } else if (kind(st) == Kind::ImportFrom && slot(st, fld::ImportFrom::module) != kNone) {
        std::string mod(m_.str(slot(st, fld::ImportFrom::module)));
        for (NodeId a : list_of(st, fld::ImportFrom::names)) {
          std::string n(m_.str(slot(a, fld::alias::name)));
          uint32_t as = slot(a, fld::alias::asname);
          imports_[as != kNone ? std::string(m_.str(as)) : n] = mod + "." + n;
        }
      }
    }
  }
  auto it = imports_.find(std::string(name));
  return it == imports_.end() ? std::string() : it->second;
}

bool Lowerer::d_global_read(std::string_view name) {
  if (!global_reads_ready_) {
    global_reads_ready_ = true;
    for (uint32_t f = 1; f < tm_.funcs.size(); ++f) {
      const sema::Function& fn = tm_.funcs[f];
      if (fn.node == kNone) continue;
      std::vector<NodeId> stack(list_of(fn.node, fld::FunctionDef::body).begin(), list_of(fn.node, fld::FunctionDef::body).end());
      while (!stack.empty()) {
        NodeId n = stack.back();
        stack.pop_back();
        if (n == kNone) continue;
        if (kind(n) == Kind::Name) {
          std::string_view id = ident(n, fld::Name::id);
          if (!fn.find(id) && tm_.funcs[0].find(id)) global_reads_.insert(std::string(id));
          continue;
        }
        auto fs = ast::fields_of(kind(n));
        for (size_t i = 0; i < fs.size(); ++i) {
          uint32_t v = slot(n, static_cast<uint32_t>(i));
          if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back(v);
          else if (fs[i].type == ast::FieldType::List) for (NodeId c : m_.list(v)) stack.push_back(c);
        }
      }
    }
  }
  return global_reads_.count(std::string(name)) > 0;
}

bool Lowerer::mentions_typing(NodeId e) {
  if (typing_names_.empty()) {
    typing_names_.insert("");
    for (NodeId st : list_of(m_.root(), fld::Module::body)) {
      if (kind(st) != Kind::ImportFrom) continue;
      uint32_t mod = slot(st, fld::ImportFrom::module);
      if (mod == kNone || m_.str(mod) != "typing") continue;
      for (NodeId a : list_of(st, fld::ImportFrom::names)) {
        uint32_t as = slot(a, fld::alias::asname);
        typing_names_.insert(std::string(m_.str(as != kNone ? as : slot(a, fld::alias::name))));
      }
    }
  }
  std::vector<NodeId> stack{e};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone) continue;
    if (kind(n) == Kind::Name && typing_names_.count(std::string(ident(n, fld::Name::id)))) return true;
    auto fs = ast::fields_of(kind(n));
    for (size_t i = 0; i < fs.size(); ++i) {
      uint32_t v = slot(n, static_cast<uint32_t>(i));
      if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back(v);
      else if (fs[i].type == ast::FieldType::List) for (NodeId c : m_.list(v)) stack.push_back(c);
    }
  }
  return false;
}

void Lowerer::d_stmt(NodeId s, Ids& out) {
  size_t first = out.size();
  cur_stmt_ = s;
  switch (kind(s)) {
    case Kind::Expr: {
      NodeId v = slot(s, fld::Expr::value);
      if (kind(v) == Kind::Constant) break;
      RId x = d_expr(v);
      // print(...) as a statement: its call alone, not the block yielding None.
      const rust::RNode& xn = b_.tree().node(x);
      if (xn.kind == rust::RKind::Block && b_.tree().list(xn.list).size() == 1) out.push_back(b_.tree().list(xn.list)[0]);
      else out.push_back(b_.expr_stmt(x));
      break;
    }
    case Kind::Assign: {
      auto targets = list_of(s, fld::Assign::targets);
      if (cur_ == 0 && mentions_typing(slot(s, fld::Assign::value))) break;  // a type alias / TypeVar: nothing runs
      RId v = d_expr(slot(s, fld::Assign::value));
      if (targets.size() == 1) {
        d_assign(targets[0], v, out);
      } else {
        std::string tmp = fresh("value");
        out.push_back(b_.let(tmp, kNil, v, false));
        for (NodeId t : targets) d_assign(t, b_.method(b_.path(tmp), "clone", {}), out);
      }
      break;
    }
    case Kind::AnnAssign:
      if (slot(s, fld::AnnAssign::value) != kNone) d_assign(slot(s, fld::AnnAssign::target), d_expr(slot(s, fld::AnnAssign::value)), out);
      break;
    case Kind::AugAssign: {
      NodeId t = slot(s, fld::AugAssign::target);
      Kind op = Kind(slot(s, fld::AugAssign::op));
      const char* m = binop_method(op);
      RId v = d_expr(slot(s, fld::AugAssign::value));
      if (!m) {
        fail(s, "augmented operator");
        break;
      }
      if (kind(t) == Kind::Name) {
        RId cur = d_expr(t);
        RId nv = op == Kind::Add ? try_(b_.call(rt("dynamic::iadd"), {b_.ref(cur), b_.ref(v)})) : try_(b_.method(cur, m, {b_.ref(v)}));
        d_assign(t, nv, out);
      } else if (kind(t) == Kind::Subscript) {
        std::string bt = fresh("base"), kt = fresh("key");
        out.push_back(b_.let(bt, kNil, d_expr(slot(t, fld::Subscript::value)), false));
        out.push_back(b_.let(kt, kNil, d_expr(slot(t, fld::Subscript::slice)), false));
        RId cur = try_(b_.method(b_.path(bt), "getitem", {b_.ref(b_.path(kt))}));
        RId nv = try_(b_.method(cur, m, {b_.ref(v)}));
        out.push_back(b_.expr_stmt(try_(b_.method(b_.path(bt), "setitem", {b_.ref(b_.path(kt)), nv}))));
      } else if (kind(t) == Kind::Attribute) {
        std::string ot = fresh("obj");
        std::string_view a = ident(t, fld::Attribute::attr);
        out.push_back(b_.let(ot, kNil, d_expr(slot(t, fld::Attribute::value)), false));
        RId cur = try_(b_.method(b_.path(ot), "getattr", {b_.str_lit(a)}));
        RId nv = try_(b_.method(cur, m, {b_.ref(v)}));
        out.push_back(b_.expr_stmt(try_(b_.method(b_.path(ot), "setattr", {b_.str_lit(a), nv}))));
      } else {
        fail(t, "augmented assignment target");
      }
      break;
    }
    case Kind::If: {
      RId c = d_cond(slot(s, fld::If::test));
      RId then_b = d_block(list_of(s, fld::If::body));
      auto orelse = list_of(s, fld::If::orelse);
      RId else_b = kNil;
      if (orelse.size() == 1 && kind(orelse[0]) == Kind::If) {
        Ids tmp;
        d_stmt(orelse[0], tmp);
        else_b = tmp.size() == 1 && b_.tree().node(tmp[0]).kind == rust::RKind::ExprStmt ? b_.tree().node(tmp[0]).a : b_.block(tmp);
      } else if (!orelse.empty()) {
        else_b = d_block(orelse);
      }
      out.push_back(b_.expr_stmt(b_.if_(c, then_b, else_b)));
      break;
    }
    case Kind::While: case Kind::For: {
      bool is_for = kind(s) == Kind::For;
      auto orelse = list_of(s, is_for ? fld::For::orelse : fld::While::orelse);
      std::string flag;
      if (!orelse.empty()) {
        flag = fresh("broke_");
        out.push_back(b_.let(flag, kNil, b_.bool_lit(false), true));
      }
      loop_flags_.push_back(flag);
      if (is_for) {
        RId it = try_(b_.method(d_expr(slot(s, fld::For::iter)), "iter", {}));
        std::string item = fresh("item");
        Ids body;
        d_assign(slot(s, fld::For::target), b_.path(item), body);
        for (NodeId x : list_of(s, fld::For::body)) d_stmt(x, body);
        out.push_back(b_.expr_stmt(b_.for_(b_.pat_ident(item), it, b_.block(body))));
      } else {
        NodeId test = slot(s, fld::While::test);
        bool forever = kind(test) == Kind::Constant && m_.constant(slot(test, fld::Constant::value)).tag == ast::Constant::Tag::True;
        RId body = d_block(list_of(s, fld::While::body));
        out.push_back(b_.expr_stmt(forever ? b_.loop(body) : b_.while_(d_cond(test), body)));
      }
      loop_flags_.pop_back();
      if (!orelse.empty()) out.push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, b_.path(flag)), d_block(orelse))));
      break;
    }
    case Kind::Return: {
      NodeId v = slot(s, fld::Return::value);
      RId val = cur_ == 0 ? b_.tuple({}) : v == kNone ? b_.path("Value::None") : d_expr(v);
      out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {val}))));
      break;
    }
    case Kind::Raise: out.push_back(b_.expr_stmt(d_raise(s))); break;
    case Kind::Try: d_try(s, out); break;
    case Kind::Assert: {
      RId c = d_cond(slot(s, fld::Assert::test));
      NodeId msg = slot(s, fld::Assert::msg);
      RId text = msg == kNone ? b_.call("String::new", {}) : b_.method(d_expr(msg), "py_str", {});
      RId err = b_.return_(b_.call(b_.path("Err"), {b_.call("PyException::assertion_error", {text})}));
      out.push_back(b_.expr_stmt(b_.if_(b_.unary(Op::Not, c), b_.block({b_.expr_stmt(err)}))));
      break;
    }
    case Kind::Delete:
      for (NodeId t : list_of(s, fld::Delete::targets)) {
        if (kind(t) != Kind::Subscript) {
          fail(t, "del of a name");
          continue;
        }
        RId base = d_expr(slot(t, fld::Subscript::value));
        NodeId sl = slot(t, fld::Subscript::slice);
        if (kind(sl) == Kind::Slice) {
          Ids a{b_.ref(base)};
          for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
            NodeId x = slot(sl, f);
            a.push_back(x == kNone ? b_.path("None") : try_(b_.call(rt("dynamic::opt_i64"), {b_.ref(d_expr(x))})));
          }
          out.push_back(b_.expr_stmt(try_(b_.call(rt("dynamic::delslice"), a))));
          continue;
        }
        RId key = d_expr(sl);
        out.push_back(b_.expr_stmt(try_(b_.method(base, "delitem", {b_.ref(key)}))));
      }
      break;
    case Kind::Pass: break;
    case Kind::Break:
      if (!loop_flags_.empty() && !loop_flags_.back().empty())
        out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(loop_flags_.back()), b_.bool_lit(true))));
      out.push_back(b_.expr_stmt(b_.break_()));
      break;
    case Kind::Continue: out.push_back(b_.expr_stmt(b_.continue_())); break;
    case Kind::Import: case Kind::ImportFrom: break;
    default: fail(s, std::string(ast::kind_name(kind(s))) + " statement"); break;
  }
  if (out.size() > first) {
    std::string c = leading_comment(s);
    if (!c.empty()) b_.with_comment(out[first], c);
  }
}

std::vector<std::string> Lowerer::d_class_mro(std::string_view name) const {
  // Single inheritance: the class, its bases in order, then `object`.
  std::vector<std::string> out{std::string(name)};
  std::string cur(name);
  for (int depth = 0; depth < 64; ++depth) {
    auto it = tm_.class_by_name.find(cur);
    std::string next;
    if (it != tm_.class_by_name.end()) {
      for (NodeId bn : list_of(tm_.classes[it->second].node, fld::ClassDef::bases))
        if (kind(bn) == Kind::Name) {
          next = std::string(ident(bn, fld::Name::id));
          break;
        }
    } else if (is_builtin_exception(cur) && cur != "BaseException") {
      next = cur == "Exception" ? "BaseException" : "Exception";
    }
    if (next.empty() || next == "object") break;
    out.push_back(next);
    cur = next;
  }
  out.push_back("object");
  return out;
}

RId Lowerer::d_compare(NodeId e) {
  NodeId left = slot(e, fld::Compare::left);
  auto ops = m_.list(slot(e, fld::Compare::ops));
  auto comps = list_of(e, fld::Compare::comparators);
  RId acc = kNil;
  if (comps.size() == 1 && (Kind(ops[0]) == Kind::Is || Kind(ops[0]) == Kind::IsNot) && kind(left) == Kind::Call &&
      kind(slot(left, fld::Call::func)) == Kind::Name && ident(slot(left, fld::Call::func), fld::Name::id) == "type" &&
      list_of(left, fld::Call::args).size() == 1 && kind(comps[0]) == Kind::Name &&
      tm_.class_by_name.count(ident(comps[0], fld::Name::id)) && !lookup(ident(comps[0], fld::Name::id))) {
    // `type(x) is C` for a class of the module: compare class names.
    RId tn = b_.method(d_expr(list_of(left, fld::Call::args)[0]), "type_name", {});
    return b_.binary(Kind(ops[0]) == Kind::Is ? Op::Eq : Op::Ne, tn, b_.str_lit(ident(comps[0], fld::Name::id)));
  }
  for (size_t i = 0; i < comps.size(); ++i) {
    RId l = d_expr(i == 0 ? left : comps[i - 1]);
    RId r = d_expr(comps[i]);
    RId c;
    switch (Kind(ops[i])) {
      case Kind::Eq: c = b_.method(l, "py_eq", {b_.ref(r)}); break;
      case Kind::NotEq: c = b_.method(l, "py_ne", {b_.ref(r)}); break;
      case Kind::Lt: c = try_(b_.method(l, "lt", {b_.ref(r)})); break;
      case Kind::LtE: c = try_(b_.method(l, "le", {b_.ref(r)})); break;
      case Kind::Gt: c = try_(b_.method(l, "gt", {b_.ref(r)})); break;
      case Kind::GtE: c = try_(b_.method(l, "ge", {b_.ref(r)})); break;
      case Kind::In: c = try_(b_.method(r, "contains", {b_.ref(l)})); break;
      case Kind::NotIn: c = b_.unary(Op::Not, try_(b_.method(r, "contains", {b_.ref(l)}))); break;
      case Kind::Is: c = b_.method(l, "is", {b_.ref(r)}); break;
      case Kind::IsNot: c = b_.unary(Op::Not, b_.method(l, "is", {b_.ref(r)})); break;
      default: fail(e, "comparison"); c = b_.bool_lit(false); break;
    }
    acc = acc == kNil ? c : b_.binary(Op::And, acc, c);
  }
  return acc;
}

RId Lowerer::d_fstring(NodeId e) {
  std::string fmt;
  Ids args{kNil};
  for (NodeId v : list_of(e, fld::JoinedStr::values)) {
    if (kind(v) == Kind::Constant) {
      for (char c : m_.constant(slot(v, fld::Constant::value)).text) {
        if (c == '{') fmt += "{{";
        else if (c == '}') fmt += "}}";
        else fmt += c;
      }
      continue;
    }
    RId x = d_expr(slot(v, fld::FormattedValue::value));
    int64_t conv = static_cast<int32_t>(slot(v, fld::FormattedValue::conversion));
    NodeId spec = slot(v, fld::FormattedValue::format_spec);
    RId spec_text = kNil;
    if (spec != kNone) {
      // Nested fields in the spec (`{v:{w}}`) are formatted first.
      std::string sf;
      Ids sargs{kNil};
      for (NodeId p : list_of(spec, fld::JoinedStr::values)) {
        if (kind(p) == Kind::Constant) {
          for (char c : m_.constant(slot(p, fld::Constant::value)).text) {
            if (c == '{') sf += "{{";
            else if (c == '}') sf += "}}";
            else sf += c;
          }
        } else {
          sf += "{}";
          sargs.push_back(b_.method(d_expr(slot(p, fld::FormattedValue::value)), "py_str", {}));
        }
      }
      sargs[0] = b_.str_lit(sf);
      spec_text = sargs.size() == 1 ? sargs[0] : b_.ref(b_.macro("format", sargs));
    }
    if (conv == 'r' || conv == 'a') x = b_.call("Value::from", {b_.method(x, "py_repr", {})});
    else if (conv == 's') x = b_.call("Value::from", {b_.method(x, "py_str", {})});
    fmt += "{}";
    if (spec_text == kNil) args.push_back(b_.method(x, "py_str", {}));
    else args.push_back(try_(b_.call(rt("fmt::py_format"), {b_.ref(x), spec_text})));
  }
  args[0] = b_.str_lit(fmt);
  if (args.size() == 1) return b_.call("Value::str", {args[0]});
  return b_.call("Value::from", {b_.macro("format", args)});
}

RId Lowerer::d_comprehension(NodeId e) {
  Kind k = kind(e);
  auto gens = list_of(e, k == Kind::DictComp ? fld::DictComp::generators : fld::ListComp::generators);
  std::string acc = fresh("out");
  scopes_.emplace_back();
  struct Level {
    std::string item;
    RId iter;
    Ids binds;
    Ids conds;
  };
  std::vector<Level> levels;
  for (NodeId g : gens) {
    Level lv;
    lv.iter = try_(b_.method(d_expr(slot(g, fld::comprehension::iter)), "iter", {}));
    lv.item = fresh("item");
    // Comprehension variables are local to it: fresh Rust names.
    std::vector<std::pair<NodeId, RId>> work{{slot(g, fld::comprehension::target), b_.path(lv.item)}};
    while (!work.empty()) {
      auto [t, val] = work.back();
      work.pop_back();
      if (kind(t) == Kind::Name) {
        std::string py(ident(t, fld::Name::id));
        std::string rn = fresh(local_name(py) + "_");
        lv.binds.push_back(b_.let(rn, kNil, val, false));
        bind(py, {rn, Types::kDyn, Form::Place});
      } else if (kind(t) == Kind::Tuple || kind(t) == Kind::List) {
        auto elts = list_of(t, fld::Tuple::elts);
        std::string parts = fresh("parts");
        lv.binds.push_back(b_.let(parts, kNil, try_(b_.call(rt("dynamic::unpack"), {b_.ref(val), b_.int_lit_text(std::to_string(elts.size()))})), false));
        for (size_t i = elts.size(); i-- > 0;)
          work.push_back({elts[i], b_.method(b_.index(b_.path(parts), b_.int_lit_text(std::to_string(i))), "clone", {})});
      } else {
        fail(t, "comprehension target");
      }
    }
    for (NodeId c : list_of(g, fld::comprehension::ifs)) lv.conds.push_back(d_cond(c));
    levels.push_back(std::move(lv));
  }
  RId push;
  if (k == Kind::DictComp)
    push = b_.method(b_.path(acc), "push", {b_.tuple({d_expr(slot(e, fld::DictComp::key)), d_expr(slot(e, fld::DictComp::value))})});
  else
    push = b_.method(b_.path(acc), "push", {d_expr(slot(e, fld::ListComp::elt))});
  scopes_.pop_back();
  RId inner = b_.expr_stmt(push);
  for (size_t i = levels.size(); i-- > 0;) {
    Level& lv = levels[i];
    for (size_t c = lv.conds.size(); c-- > 0;) inner = b_.expr_stmt(b_.if_(lv.conds[c], b_.block({inner})));
    Ids body = lv.binds;
    body.push_back(inner);
    inner = b_.expr_stmt(b_.for_(b_.pat_ident(lv.item), lv.iter, b_.block(body)));
  }
  RId decl = b_.let(acc, kNil, b_.call("Vec::new", {}), true);
  RId result;
  if (k == Kind::DictComp) result = try_(b_.call(rt("dynamic::dict_from"), {b_.path(acc)}));
  else if (k == Kind::SetComp) result = try_(b_.call(rt("dynamic::set_from"), {b_.path(acc)}));
  else result = b_.call("Value::list", {b_.path(acc)});
  return b_.block({decl, inner}, result);
}

RId Lowerer::d_lambda(NodeId e) {
  NodeId args = slot(e, fld::Lambda::args);
  if (!list_of(args, fld::arguments::kwonlyargs).empty() || slot(args, fld::arguments::vararg) != kNone ||
      slot(args, fld::arguments::kwarg) != kNone || !list_of(args, fld::arguments::defaults).empty()) {
    fail(e, "lambda with defaults or starred parameters");
    return b_.path("Value::None");
  }
  // Captured bindings are cloned into the closure (Values share their data).
  Ids pre;
  std::set<std::string> captured;
  for (auto& sc : scopes_)
    for (auto& [py, bnd] : sc)
      if (py != "$exc" && captured.insert(bnd.rust).second) pre.push_back(b_.let(bnd.rust, kNil, b_.method(b_.path(bnd.rust), "clone", {}), false));
  scopes_.emplace_back();
  Ids body;
  size_t i = 0;
  for (NodeId a : list_of(args, fld::arguments::args)) {
    std::string py(ident(a, fld::arg::arg));
    std::string rn = fresh(local_name(py) + "_");
    RId get = b_.method(b_.method(b_.path("a"), "get", {b_.int_lit_text(std::to_string(i++))}), "cloned", {});
    body.push_back(b_.let(rn, kNil, b_.method(get, "unwrap_or", {b_.path("Value::None")}), false));
    bind(py, {rn, Types::kDyn, Form::Place});
  }
  RId val = d_expr(slot(e, fld::Lambda::body));
  scopes_.pop_back();
  RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
  RId clo_body = b_.block(body, b_.call(b_.path("Ok"), {val}));
  // The closure's own `?` returns PyResult<Value>: say so for inference.
  RId clo = b_.closure({param}, clo_body, true);
  RId typed = b_.call("rt::dynamic::lambda", {clo});
  return b_.block(pre, b_.call("Value::func", {b_.str_lit("<lambda>"), typed}));
}

RId Lowerer::d_args(std::span<const uint32_t> args) {
  bool star = false;
  for (NodeId a : args) star |= kind(a) == Kind::Starred;
  Ids items;
  if (!star) {
    for (NodeId a : args) items.push_back(d_expr(a));
    return b_.ref(b_.array(items));
  }
  for (NodeId a : args) {
    bool s = kind(a) == Kind::Starred;
    items.push_back(b_.tuple({b_.bool_lit(s), d_expr(s ? slot(a, fld::Starred::value) : a)}));
  }
  return b_.ref(try_(b_.call(rt("dynamic::spread"), {b_.macro("vec", items, true)})));
}

RId Lowerer::d_call(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  auto args = list_of(e, fld::Call::args);
  bool starred = false;
  for (NodeId a : args) starred |= kind(a) == Kind::Starred;
  if (starred && kind(fn) == Kind::Name && (tm_.func_by_name.count(ident(fn, fld::Name::id)) || tm_.class_by_name.count(ident(fn, fld::Name::id)))) {
    fail(e, "call with *args");
    return b_.path("Value::None");
  }
  Ids kw;
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    if (kn == kNone) {
      fail(k, "call with **kwargs");
      return b_.path("Value::None");
    }
    kw.push_back(b_.tuple({b_.str_lit(m_.str(kn)), d_expr(slot(k, fld::keyword::value))}));
  }
  if (kind(fn) == Kind::Name) {
    std::string_view n = ident(fn, fld::Name::id);
    if (const Binding* bnd = lookup(n)) {
      if (!kw.empty()) {
        fail(e, "keywords in a call of a function value");
        return b_.path("Value::None");
      }
      return try_(b_.method(b_.path(bnd->rust), "call", {d_args(args)}));
    }
    auto uf = tm_.func_by_name.find(n);
    if (uf != tm_.func_by_name.end()) {
      const sema::Function& callee = tm_.funcs[uf->second];
      std::vector<RId> given(callee.params.size(), kNil);
      if (args.size() > given.size()) {
        fail(e, "too many arguments");
        return b_.path("Value::None");
      }
      for (size_t i = 0; i < args.size(); ++i) given[i] = d_expr(args[i]);
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        std::string_view kn = m_.str(slot(k, fld::keyword::arg));
        bool found = false;
        for (size_t i = 0; i < callee.params.size(); ++i)
          if (callee.vars[callee.params[i]].name == kn) {
            given[i] = d_expr(slot(k, fld::keyword::value));
            found = true;
          }
        if (!found) {
          fail(k, "unknown keyword argument");
          return b_.path("Value::None");
        }
      }
      for (size_t i = 0; i < given.size(); ++i) {
        if (given[i] != kNil) continue;
        NodeId d = callee.vars[callee.params[i]].default_value;
        if (d == kNone) {
          fail(e, "missing argument");
          return b_.path("Value::None");
        }
        if (kind(d) != Kind::Constant && kind(d) != Kind::UnaryOp) fail(d, "mutable default value");
        given[i] = d_expr(d);
      }
      return try_(b_.call(fn_rust_name(uf->second), Ids(given.begin(), given.end())));
    }
    auto cls = tm_.class_by_name.find(n);
    if (cls != tm_.class_by_name.end() && !d_is_exception_class(n)) return d_construct(e, cls->second);
    if (n == "print") {
      Ids items;
      for (NodeId x : args) {
        if (kind(x) == Kind::Starred) {
          fail(x, "print(*args)");
          continue;
        }
        items.push_back(b_.ref(d_expr(x)));
      }
      RId sep = b_.str_lit(" "), end = b_.str_lit("\n");
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        std::string_view kn = m_.str(slot(k, fld::keyword::arg));
        NodeId v = slot(k, fld::keyword::value);
        RId text = kind(v) == Kind::Constant && m_.constant(slot(v, fld::Constant::value)).tag == ast::Constant::Tag::Str
                       ? b_.str_lit(m_.constant(slot(v, fld::Constant::value)).text)
                       : b_.ref(b_.call(rt("dynamic::text"), {b_.ref(d_expr(v))}));
        if (kn == "sep") sep = text;
        else if (kn == "end") end = text;
        else fail(k, "print keyword");
      }
      return b_.block({b_.expr_stmt(b_.call(rt("print::print"), {b_.ref(b_.array(items)), sep, end}))}, b_.path("Value::None"));
    }
    if (d_is_exception_class(n)) {
      Ids a;
      for (NodeId x : args) a.push_back(d_expr(x));
      return b_.call(rt("dynamic::exception_value"), {b_.ref(b_.call(rt("dynamic::exception"), {b_.str_lit(n), b_.ref(b_.array(a))}))});
    }
    if (n == "issubclass" && args.size() == 2 && kind(args[0]) == Kind::Name && kind(args[1]) == Kind::Name &&
        tm_.class_by_name.count(ident(args[0], fld::Name::id))) {
      // Both classes are known statically: the answer is a constant.
      auto chain = d_class_mro(ident(args[0], fld::Name::id));
      bool sub = std::find(chain.begin(), chain.end(), std::string(ident(args[1], fld::Name::id))) != chain.end();
      return b_.call("Value::from", {b_.bool_lit(sub)});
    }
    if (n == "isinstance" && args.size() == 2) {
      Ids names;
      NodeId t = args[1];
      std::vector<NodeId> ts;
      if (kind(t) == Kind::Tuple) ts.assign(list_of(t, fld::Tuple::elts).begin(), list_of(t, fld::Tuple::elts).end());
      else ts.push_back(t);
      RId v = d_expr(args[0]);
      RId acc = kNil;
      for (NodeId x : ts) {
        if (kind(x) != Kind::Name) {
          fail(x, "isinstance with a computed class");
          return b_.path("Value::None");
        }
        RId test = b_.method(v, "is_instance", {b_.str_lit(ident(x, fld::Name::id))});
        acc = acc == kNil ? test : b_.binary(Op::Or, acc, test);
      }
      return b_.call("Value::from", {acc});
    }
    static const char* kDynBuiltins[] = {"len", "str", "repr", "int", "float", "bool", "abs", "round", "min", "max",
                                         "sum", "sorted", "reversed", "enumerate", "zip", "range", "list", "tuple",
                                         "set", "frozenset", "dict", "ord", "chr", "bin", "oct", "hex", "pow",
                                         "divmod", "any", "all", "format", "map", "filter", "next", "iter", "slice"};
    for (const char* b : kDynBuiltins) {
      if (n == b) return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(n), d_args(args), b_.ref(b_.array(kw))}));
    }
    std::string from = imported(n);
    if (from.find('.') != std::string::npos)
      return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(from), d_args(args), b_.ref(b_.array(kw))}));
    fail(e, "call of " + std::string(n));
    return b_.path("Value::None");
  }
  if (kind(fn) == Kind::Attribute) {
    NodeId recv = slot(fn, fld::Attribute::value);
    if (kind(recv) == Kind::Call && kind(slot(recv, fld::Call::func)) == Kind::Name &&
        ident(slot(recv, fld::Call::func), fld::Name::id) == "super")
      return d_super_call(e);
    if (kind(recv) == Kind::Name && !lookup(ident(recv, fld::Name::id))) {
      std::string mod = imported(ident(recv, fld::Name::id));
      if (!mod.empty() && mod.find('.') == std::string::npos)
        return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(mod + "." + std::string(ident(fn, fld::Attribute::attr))), d_args(args), b_.ref(b_.array(kw))}));
      std::string qual = std::string(ident(recv, fld::Name::id)) + "." + std::string(ident(fn, fld::Attribute::attr));
      if (qual == "dict.fromkeys" || qual == "str.maketrans")
        return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(qual), d_args(args), b_.ref(b_.array(kw))}));
      fail(e, "call of " + qual);
      return b_.path("Value::None");
    }
    RId r = d_expr(recv);
    return try_(b_.call(rt("dynamic::method"), {b_.ref(r), b_.str_lit(ident(fn, fld::Attribute::attr)), d_args(args), b_.ref(b_.array(kw))}));
  }
  RId f = d_expr(fn);
  return try_(b_.method(f, "call", {d_args(args)}));
}

RId Lowerer::d_expr(NodeId e) {
  switch (kind(e)) {
    case Kind::Constant: {
      const ast::Constant& c = m_.constant(slot(e, fld::Constant::value));
      switch (c.tag) {
        case ast::Constant::Tag::Int: {
          int64_t v;
          if (is_int_literal(e, &v)) return b_.call("Value::int", {b_.int_lit(v)});
          RId big = try_(b_.call(rt("int::Int::parse"), {b_.str_lit(c.text), b_.int_lit(10)}));
          return b_.call("Value::from", {big});
        }
        case ast::Constant::Tag::Float: return b_.call("Value::from", {b_.float_lit(c.number)});
        case ast::Constant::Tag::True: return b_.call("Value::from", {b_.bool_lit(true)});
        case ast::Constant::Tag::False: return b_.call("Value::from", {b_.bool_lit(false)});
        case ast::Constant::Tag::Str: return b_.call("Value::str", {b_.str_lit(c.text)});
        case ast::Constant::Tag::None: return b_.path("Value::None");
        default: fail(e, "constant"); return b_.path("Value::None");
      }
    }
    case Kind::Name: {
      std::string_view n = ident(e, fld::Name::id);
      if (const Binding* bnd = lookup(n)) return b_.method(b_.path(bnd->rust), "clone", {});
      auto uf = tm_.func_by_name.find(n);
      if (uf != tm_.func_by_name.end()) return d_func_value(uf->second);
      static const char* kValueBuiltins[] = {"len", "str", "int", "float", "abs", "sorted", "sum", "min", "max", "repr", "bool", "list", "tuple", "set"};
      for (const char* bname : kValueBuiltins)
        if (n == bname) {
          // A builtin used as a value (`key=len`, `map(str, xs)`).
          RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
          RId body = b_.call(rt("dynamic::builtin"), {b_.str_lit(n), b_.path("a"), b_.ref(b_.array({}))});
          return b_.call("Value::func", {b_.str_lit(n), b_.closure({param}, body)});
        }
      if (cur_ != 0 && tm_.funcs[0].find(n)) {
        // A module-level constant read from a function: its one binding,
        // when that is a literal, is inlined.
        NodeId only = kNone;
        int count = 0;
        for (NodeId st : list_of(m_.root(), fld::Module::body)) {
          NodeId t = kNone, v = kNone;
          if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1) {
            t = list_of(st, fld::Assign::targets)[0];
            v = slot(st, fld::Assign::value);
          } else if (kind(st) == Kind::AnnAssign) {
            t = slot(st, fld::AnnAssign::target);
            v = slot(st, fld::AnnAssign::value);
          }
          if (t != kNone && kind(t) == Kind::Name && ident(t, fld::Name::id) == n) {
            ++count;
            only = v;
          }
        }
        auto literal = [&](NodeId v) {
          if (v == kNone) return false;
          if (kind(v) == Kind::Constant) return true;
          int64_t x;
          if (is_int_literal(v, &x)) return true;
          if (kind(v) == Kind::Tuple) {
            for (NodeId el : list_of(v, fld::Tuple::elts))
              if (kind(el) != Kind::Constant) return false;
            return true;
          }
          return false;
        };
        if (count == 1 && literal(only) && tm_.funcs[0].find(n)->reassigned == false) return d_expr(only);
        // Otherwise the value the module body stored last (NameError before).
        return try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(n)}));
      } else if (cur_ != 0 && tm_.funcs[0].find(n)) fail(e, "module-level variable used in a function");
      else fail(e, "name " + std::string(n));
      return b_.path("Value::None");
    }
    case Kind::BinOp: {
      Kind op = Kind(slot(e, fld::BinOp::op));
      RId l = d_expr(slot(e, fld::BinOp::left));
      RId r = d_expr(slot(e, fld::BinOp::right));
      if (op == Kind::Mod) return try_(b_.call(rt("dynamic::percent"), {b_.ref(l), b_.ref(r)}));
      const char* m = binop_method(op);
      if (!m) {
        fail(e, "operator");
        return l;
      }
      return try_(b_.method(l, m, {b_.ref(r)}));
    }
    case Kind::UnaryOp: {
      Kind op = Kind(slot(e, fld::UnaryOp::op));
      NodeId on = slot(e, fld::UnaryOp::operand);
      if (op == Kind::Not) return b_.call("Value::from", {b_.unary(Op::Not, d_cond(on))});
      int64_t v;
      if (op == Kind::USub && is_int_literal(e, &v)) return b_.call("Value::int", {b_.int_lit(v)});
      RId x = d_expr(on);
      if (op == Kind::USub) return try_(b_.method(x, "neg", {}));
      if (op == Kind::UAdd) return try_(b_.method(x, "pos", {}));
      return try_(b_.method(x, "invert", {}));
    }
    case Kind::BoolOp: {
      bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
      auto values = list_of(e, fld::BoolOp::values);
      RId acc = d_expr(values.back());
      for (size_t i = values.size() - 1; i-- > 0;) {
        std::string tmp = fresh("v");
        RId test = b_.method(b_.path(tmp), "truthy", {});
        RId keep = b_.path(tmp);
        RId body = is_and ? b_.if_(test, b_.block({}, acc), b_.block({}, keep)) : b_.if_(test, b_.block({}, keep), b_.block({}, acc));
        acc = b_.block({b_.let(tmp, kNil, d_expr(values[i]), false)}, body);
      }
      return acc;
    }
    case Kind::Compare: return b_.call("Value::from", {d_compare(e)});
    case Kind::IfExp:
      return b_.if_(d_cond(slot(e, fld::IfExp::test)), b_.block({}, d_expr(slot(e, fld::IfExp::body))),
                    b_.block({}, d_expr(slot(e, fld::IfExp::orelse))));
    case Kind::Call: return d_call(e);
    case Kind::NamedExpr: {
      // `(x := v)`: { let t = v; x = t.clone(); t }
      std::string tmp = fresh("walrus");
      Ids st{b_.let(tmp, kNil, d_expr(slot(e, fld::NamedExpr::value)), false)};
      d_assign(slot(e, fld::NamedExpr::target), b_.method(b_.path(tmp), "clone", {}), st);
      return b_.block(st, b_.path(tmp));
    }
    case Kind::Attribute: {
      NodeId v = slot(e, fld::Attribute::value);
      std::string_view at = ident(e, fld::Attribute::attr);
      if (kind(v) == Kind::Name && !lookup(ident(v, fld::Name::id))) {
        std::string_view vn = ident(v, fld::Name::id);
        std::string mod = imported(vn);
        if (!mod.empty() && mod.find('.') == std::string::npos)
          return try_(b_.call(rt("dynamic::module_attr"), {b_.str_lit(mod + "." + std::string(at))}));
        if (vn == "str" || vn == "list" || vn == "dict" || vn == "set") {
          // An unbound method used as a value (`key=str.lower`).
          RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
          RId self0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")});
          RId rest = b_.ref(b_.index(b_.path("a"), b_.range(b_.int_lit_text("1"), kNil)));
          RId body = b_.call(rt("dynamic::method"), {b_.ref(self0), b_.str_lit(at), rest, b_.ref(b_.array({}))});
          return b_.call("Value::func", {b_.str_lit(std::string(vn) + "." + std::string(at)), b_.closure({param}, body)});
        }
        auto cls = tm_.class_by_name.find(vn);
        if (cls != tm_.class_by_name.end()) {
          for (NodeId st : list_of(tm_.classes[cls->second].node, fld::ClassDef::body))
            if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1 &&
                kind(list_of(st, fld::Assign::targets)[0]) == Kind::Name && ident(list_of(st, fld::Assign::targets)[0], fld::Name::id) == at)
              return d_expr(slot(st, fld::Assign::value));
        }
      }
      if (at == "__name__" && kind(v) == Kind::Subscript) {
        // `C.__mro__[i].__name__` / `C.__bases__[i].__name__` for a known class.
        NodeId tv = slot(v, fld::Subscript::value);
        int64_t idx;
        if (kind(tv) == Kind::Attribute && kind(slot(tv, fld::Attribute::value)) == Kind::Name &&
            is_int_literal(slot(v, fld::Subscript::slice), &idx) && idx >= 0) {
          std::string_view cn = ident(slot(tv, fld::Attribute::value), fld::Name::id);
          std::string_view which = ident(tv, fld::Attribute::attr);
          if (tm_.class_by_name.count(cn) && !lookup(cn) && (which == "__mro__" || which == "__bases__")) {
            auto chain = d_class_mro(cn);
            size_t i = static_cast<size_t>(idx) + (which == "__bases__" ? 1 : 0);
            if (which == "__bases__" && idx != 0) i = chain.size();
            if (i < chain.size()) return b_.call("Value::str", {b_.str_lit(chain[i])});
          }
        }
      }
      if (ident(e, fld::Attribute::attr) == "__name__" && kind(v) == Kind::Call && kind(slot(v, fld::Call::func)) == Kind::Name &&
          ident(slot(v, fld::Call::func), fld::Name::id) == "type" && list_of(v, fld::Call::args).size() == 1) {
        NodeId x = list_of(v, fld::Call::args)[0];
        if (kind(x) == Kind::Name)
          if (const Binding* eb = lookup("$exc:" + std::string(ident(x, fld::Name::id))))
            return b_.call("Value::str", {b_.method(b_.path(eb->rust), "class_name", {})});
        return b_.call("Value::str", {b_.method(d_expr(list_of(v, fld::Call::args)[0]), "type_name", {})});
      }
    }
      return try_(b_.call(rt("dynamic::attr"), {b_.ref(d_expr(slot(e, fld::Attribute::value))), b_.str_lit(ident(e, fld::Attribute::attr))}));
    case Kind::Subscript: {
      RId base = d_expr(slot(e, fld::Subscript::value));
      NodeId sl = slot(e, fld::Subscript::slice);
      if (kind(sl) == Kind::Slice) {
        Ids bounds;
        for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
          NodeId x = slot(sl, f);
          bounds.push_back(x == kNone ? b_.path("None") : try_(b_.call(rt("dynamic::opt_i64"), {b_.ref(d_expr(x))})));
        }
        return try_(b_.method(base, "getslice", bounds));
      }
      return try_(b_.method(base, "getitem", {b_.ref(d_expr(sl))}));
    }
    case Kind::List: case Kind::Tuple: case Kind::Set: {
      Ids items;
      for (NodeId x : list_of(e, fld::List::elts)) {
        if (kind(x) == Kind::Starred) {
          fail(x, "starred item in a display");
          return b_.path("Value::None");
        }
        items.push_back(d_expr(x));
      }
      RId v = b_.macro("vec", items, true);
      if (kind(e) == Kind::List) return b_.call("Value::list", {v});
      if (kind(e) == Kind::Tuple) return b_.call("Value::tuple", {v});
      return try_(b_.call(rt("dynamic::set_from"), {v}));
    }
    case Kind::Dict: {
      auto keys = m_.list(slot(e, fld::Dict::keys));
      auto values = list_of(e, fld::Dict::values);
      Ids pairs;
      bool merge = false;
      for (size_t i = 0; i < values.size(); ++i) merge |= keys[i] == kNone;
      for (size_t i = 0; i < values.size(); ++i) {
        if (merge)
          pairs.push_back(b_.tuple({keys[i] == kNone ? b_.path("None") : b_.call(b_.path("Some"), {d_expr(keys[i])}), d_expr(values[i])}));
        else
          pairs.push_back(b_.tuple({d_expr(keys[i]), d_expr(values[i])}));
      }
      return try_(b_.call(rt(merge ? "dynamic::dict_build" : "dynamic::dict_from"), {b_.macro("vec", pairs, true)}));
    }
    case Kind::JoinedStr: return d_fstring(e);
    case Kind::ListComp: case Kind::SetComp: case Kind::GeneratorExp: case Kind::DictComp: return d_comprehension(e);
    case Kind::Lambda: return d_lambda(e);
    default:
      fail(e, std::string(ast::kind_name(kind(e))) + " expression");
      return b_.path("Value::None");
  }
}

}  // namespace portalis::lower
