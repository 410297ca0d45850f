// Dynamic mode: the fallback for modules the static lowering cannot type.
// Every Python value is the runtime's `Value` (shared, Python semantics),
// every operation a `Value` method or a `rt::dynamic` helper returning
// PyResult, so the output still compiles and behaves like CPython.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

const char* dyn_binop_method(Kind op) {
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

bool Lowerer::d_is_exception_class(std::string_view name) const {
  return is_builtin_exception(name) || exception_classes_.count(std::string(name)) > 0;
}

RId Lowerer::d_function(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  begin_function(f);
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
  NodeId scope_node = fn.node == kNone ? m_.root() : fn.node;
  const DScope* ds = d_scope(scope_node);
  for (uint32_t p : fn.params) {
    const sema::Var& v = fn.vars[p];
    std::string rn = local_name(v.name);
    // The scope pass sees stores sema's flag misses (in try/else bodies).
    params.push_back(b_.param(rn, b_.ty("Value"), v.reassigned || (ds && ds->stored.count(v.name))));
    bind(v.name, {rn, Types::kDyn, Form::Place});
  }
  d_extra_params(f, params);
  cm_fn_ = d_cm_kind(f) == 1;
  if (cm_fn_) params.push_back(b_.param("cm_body__", b_.ty_ref(b_.ty("dyn FnMut(Value) -> PyResult<()>"), true)));
  if (d_cm_kind(f) == 2) fail(fn.node, "contextmanager function of this shape (one `yield` in its body or a top-level try body)");
  Ids out;
  for (uint32_t i = 0; i < fn.vars.size(); ++i) {
    const sema::Var& v = fn.vars[i];
    if (v.is_param || d_prologue_owns(scope_node, v.name)) continue;
    std::string rn = local_name(v.name);
    bind(v.name, {rn, Types::kDyn, Form::Place});
    out.push_back(b_.let(rn, b_.ty("Value"), b_.path("Value::None"), true));
  }
  d_scope_prologue(scope_node, out);
  std::span<const uint32_t> stmts;
  std::string doc;
  std::vector<uint32_t> run;
  if (fn.node == kNone) {
    stmts = list_of(m_.root(), fld::Module::body);
    if (init_fn_) {
      RId first = b_.call(rt("dynamic::first_import"), {b_.str_lit(opts_.module_name)});
      out.insert(out.begin(), b_.expr_stmt(b_.if_(b_.unary(Op::Not, first), b_.block({b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {b_.tuple({})})))}), kNil)));
    }
    register_exception_classes(out);
  } else {
    stmts = list_of(fn.node, fld::FunctionDef::body);
    doc = docstring(stmts);
  }
  for (NodeId s : stmts) {
    Kind k = kind(s);
    if (fn.node == kNone && ((k == Kind::FunctionDef && !d_def_runs(s)) || k == Kind::ClassDef || k == Kind::Import || k == Kind::ImportFrom)) continue;
    if (fn.node == kNone && s == tm_.main_guard) {
      if (init_fn_) continue;  // imported: `__name__` is the module's name
      for (NodeId g : list_of(s, fld::If::body)) run.push_back(g);
      continue;
    }
    run.push_back(s);
  }
  if (!doc.empty() && !run.empty()) run.erase(run.begin());
  RId tail;
  if (fn.node != kNone && !cm_fn_ && d_is_generator(fn.node)) {
    tail = b_.call(b_.path("Ok"), {d_gen_body(run, out)});
  } else {
    for (NodeId s : run) d_stmt(s, out);
    tail = b_.call(b_.path("Ok"), {f == 0 ? b_.tuple({}) : b_.path("Value::None")});
  }
  RId body = b_.block(out, tail);
  if (!unsupported_.empty()) {
    for (auto& u : unsupported_) diag(u.node, DiagId::Unsupported, "unsupported: " + u.what);
    return stub_function(f, unsupported_.front().what, unsupported_.front().node);
  }
  ++out_.functions_dynamic;
  RId ret = b_.ty("PyResult", {f == 0 ? b_.ty_tuple({}) : b_.ty("Value")});
  if (f != 0) {
    int64_t max = d_cache_maxsize(f);
    if (max == kBadCache) return stub_function(f, "lru_cache with a computed maxsize", fn.node);
    if (max != kNotCached) return d_cache_wrap(f, params, ret, body);
  }
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
      d_write(*bnd, ident(target, fld::Name::id), value, out);
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
      if (fn.node == kNone || fn.parent >= 0) continue;
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
  return global_reads_.count(std::string(name)) > 0 || (init_fn_ && module_exported(name));
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
      if (cm_fn_ && kind(v) == Kind::Yield) {
        d_cm_yield(v, out);
        break;
      }
      RId x = d_expr(v);
      // print(...) as a statement: its call alone, not the block yielding None.
      const rust::RNode& xn = b_.tree().node(x);
      if (xn.kind == rust::RKind::Block && b_.tree().list(xn.list).size() == 1 && xn.a != kNil &&
          b_.tree().node(xn.a).kind == rust::RKind::Path)
        out.push_back(b_.tree().list(xn.list)[0]);
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
      const char* m = dyn_binop_method(op);
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
        RId cur = try_(b_.call(rt("dynamic::attr"), {b_.ref(b_.path(ot)), b_.str_lit(a)}));  // class attributes and properties too
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
        // rt::gen::each: lazy over iterators (an infinite generator stops at break).
        RId it = try_(b_.call(rt("gen::each"), {b_.ref(d_expr(slot(s, fld::For::iter)))}));
        std::string item = fresh("item");
        Ids body;
        d_assign(slot(s, fld::For::target), try_(b_.path(item)), body);
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
      if (d_jump(s, out)) break;
      NodeId v = slot(s, fld::Return::value);
      RId val = cur_ == 0 && closure_depth_ == 0 ? b_.tuple({}) : v == kNone ? b_.path("Value::None") : d_expr(v);
      out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Ok"), {val}))));
      break;
    }
    case Kind::Raise: out.push_back(b_.expr_stmt(d_raise(s))); break;
    case Kind::Try: d_try(s, out); break;
    case Kind::Match: d_match(s, out); break;
    case Kind::With: d_with(s, out); break;
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
        if (kind(t) == Kind::Attribute) {  // `del obj.attr` (a property's deleter)
          out.push_back(b_.expr_stmt(try_(b_.call(rt("classes::delattr"), {b_.ref(d_expr(slot(t, fld::Attribute::value))), b_.str_lit(ident(t, fld::Attribute::attr))}))));
          continue;
        }
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
      if (d_jump(s, out)) break;
      if (!loop_flags_.empty() && !loop_flags_.back().empty())
        out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(loop_flags_.back()), b_.bool_lit(true))));
      out.push_back(b_.expr_stmt(b_.break_()));
      break;
    case Kind::Continue:
      if (d_jump(s, out)) break;
      out.push_back(b_.expr_stmt(b_.continue_()));
      break;
    case Kind::Import: case Kind::ImportFrom: break;
    case Kind::FunctionDef: d_def_stmt(s, out); break;
    case Kind::Global: case Kind::Nonlocal: break;  // resolved by the scope pass (lower_dyn_closure.cc)
    default: fail(s, std::string(ast::kind_name(kind(s))) + " statement"); break;
  }
  if (out.size() > first) {
    std::string c = leading_comment(s);
    if (!c.empty()) b_.with_comment(out[first], c);
  }
}

}  // namespace portalis::lower
