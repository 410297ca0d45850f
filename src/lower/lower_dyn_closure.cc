// Dynamic mode: nested functions, lambdas, closures, `nonlocal` and `global`.
//
// Python closures capture variables, not values: a nested function sees later
// rebindings of the enclosing variable, and `nonlocal x` rebinds it. A scope
// pass over the whole module (the job CPython's symtable does) finds which
// variables some closure captures. Those that can change live in a shared
// rt::closure::Cell in the function that owns them, and every closure clones
// the cell handle; parameters that are never rebound are cloned by value
// (a Value is a shared handle, so that is the same thing). A nested def or
// lambda becomes a `move` Rust closure in a Value::func. Names declared
// `global` go through the runtime's global table, in every function and in
// the module body alike.
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
constexpr const char* kArgs = "args__";  // the closure's argument slice (not a Python identifier in practice)

bool is_comp(Kind k) {
  return k == Kind::ListComp || k == Kind::SetComp || k == Kind::GeneratorExp || k == Kind::DictComp;
}
}  // namespace

void Lowerer::d_scopes() {
  if (!dscopes_.empty()) return;
  // Functions sema knows are Rust items; every other def is a closure.
  // (Flags by node id, and names as views of the module's strings below:
  // this pass visits every node of the module.)
  std::vector<char> sema_fn(m_.node_count(), 0);
  auto is_sema_fn = [&](NodeId n) { return n < sema_fn.size() && sema_fn[n]; };
  for (uint32_t f = 1; f < tm_.funcs.size(); ++f)
    if (tm_.funcs[f].parent < 0 && tm_.funcs[f].node < sema_fn.size()) sema_fn[tm_.funcs[f].node] = 1;
  auto open = [&](NodeId n, int parent, Kind k) {
    DScope s;
    s.node = n;
    s.parent = parent;
    s.kind = k;
    s.closure = (k == Kind::FunctionDef && !is_sema_fn(n)) || k == Kind::Lambda;
    dscopes_.push_back(std::move(s));
    int id = static_cast<int>(dscopes_.size()) - 1;
    dscope_of_[n] = id;
    return id;
  };
  struct Ref {
    int scope;
    std::string_view name;
    bool store;
  };
  std::vector<Ref> refs;
  std::vector<std::pair<NodeId, int>> stack;  // explicit stack: deep nesting must not overflow
  auto push = [&](NodeId n, int sc) {
    if (n != kNone) stack.push_back({n, sc});
  };
  auto push_list = [&](std::span<const uint32_t> l, int sc) {
    for (auto it = l.rbegin(); it != l.rend(); ++it) push(*it, sc);
  };
  auto bind_name = [&](int sc, std::string_view name, bool param) {
    DScope& s = dscopes_[static_cast<size_t>(sc)];
    std::string key(name);
    s.bound.insert(key);
    if (param) s.params.insert(std::move(key));
    else s.stored.insert(std::move(key));
    refs.push_back({sc, name, true});
  };
  auto params_of = [&](NodeId args, int sc) {
    for (uint32_t fl : {fld::arguments::posonlyargs, fld::arguments::args, fld::arguments::kwonlyargs})
      for (NodeId a : list_of(args, fl)) bind_name(sc, ident(a, fld::arg::arg), true);
    for (uint32_t fl : {fld::arguments::vararg, fld::arguments::kwarg})
      if (slot(args, fl) != kNone) bind_name(sc, ident(slot(args, fl), fld::arg::arg), true);
  };
  open(m_.root(), -1, Kind::Module);
  push_list(list_of(m_.root(), fld::Module::body), 0);
  while (!stack.empty()) {
    auto [n, sc] = stack.back();
    stack.pop_back();
    Kind k = kind(n);
    switch (k) {
      case Kind::FunctionDef: {
        // A module function is an item, not a variable of the module body.
        if (!is_sema_fn(n)) bind_name(sc, ident(n, fld::FunctionDef::name), false);
        NodeId args = slot(n, fld::FunctionDef::args);
        push_list(list_of(n, fld::FunctionDef::decorator_list), sc);
        push_list(list_of(args, fld::arguments::defaults), sc);
        push_list(list_of(args, fld::arguments::kw_defaults), sc);
        int f = open(n, sc, k);
        params_of(args, f);
        push_list(list_of(n, fld::FunctionDef::body), f);
        break;
      }
      case Kind::Lambda: {
        NodeId args = slot(n, fld::Lambda::args);
        push_list(list_of(args, fld::arguments::defaults), sc);
        push_list(list_of(args, fld::arguments::kw_defaults), sc);
        int f = open(n, sc, k);
        params_of(args, f);
        push(slot(n, fld::Lambda::body), f);
        break;
      }
      case Kind::ClassDef: {
        push_list(list_of(n, fld::ClassDef::bases), sc);
        push_list(list_of(n, fld::ClassDef::keywords), sc);
        push_list(list_of(n, fld::ClassDef::decorator_list), sc);
        int c = open(n, sc, k);
        push_list(list_of(n, fld::ClassDef::body), c);
        break;
      }
      case Kind::ListComp: case Kind::SetComp: case Kind::GeneratorExp: case Kind::DictComp: {
        auto gens = list_of(n, k == Kind::DictComp ? uint32_t{fld::DictComp::generators} : uint32_t{fld::ListComp::generators});
        // The first iterable is evaluated in the enclosing scope.
        if (!gens.empty()) push(slot(gens[0], fld::comprehension::iter), sc);
        int q = open(n, sc, k);
        for (size_t i = 0; i < gens.size(); ++i) {
          push(slot(gens[i], fld::comprehension::target), q);
          if (i > 0) push(slot(gens[i], fld::comprehension::iter), q);
          push_list(list_of(gens[i], fld::comprehension::ifs), q);
        }
        if (k == Kind::DictComp) {
          push(slot(n, fld::DictComp::key), q);
          push(slot(n, fld::DictComp::value), q);
        } else {
          push(slot(n, fld::ListComp::elt), q);
        }
        break;
      }
      case Kind::Name: {
        std::string_view id = ident(n, fld::Name::id);
        if (Kind(slot(n, fld::Name::ctx)) == Kind::Load) refs.push_back({sc, id, false});
        else bind_name(sc, id, false);
        break;
      }
      case Kind::Global:
        for (uint32_t sid : m_.list(slot(n, fld::Global::names))) {
          dscopes_[static_cast<size_t>(sc)].globals.insert(std::string(m_.str(sid)));
          if (sc != 0) global_declared_.insert(std::string(m_.str(sid)));
        }
        break;
      case Kind::Nonlocal:
        for (uint32_t sid : m_.list(slot(n, fld::Nonlocal::names))) {
          dscopes_[static_cast<size_t>(sc)].nonlocals.insert(std::string(m_.str(sid)));
          refs.push_back({sc, m_.str(sid), true});
        }
        break;
      case Kind::ExceptHandler:
        if (slot(n, fld::ExceptHandler::name) != kNone) bind_name(sc, m_.str(slot(n, fld::ExceptHandler::name)), false);
        push(slot(n, fld::ExceptHandler::type), sc);
        push_list(list_of(n, fld::ExceptHandler::body), sc);
        break;
      case Kind::NamedExpr: {
        // `:=` in a comprehension binds in the enclosing function.
        NodeId t = slot(n, fld::NamedExpr::target);
        int owner = sc;
        while (is_comp(dscopes_[static_cast<size_t>(owner)].kind)) owner = dscopes_[static_cast<size_t>(owner)].parent;
        if (kind(t) == Kind::Name) {
          bind_name(owner, ident(t, fld::Name::id), false);
          refs.push_back({sc, ident(t, fld::Name::id), true});
        }
        push(slot(n, fld::NamedExpr::value), sc);
        break;
      }
      case Kind::Import: case Kind::ImportFrom: case Kind::AsyncFunctionDef: break;  // imports stay module names
      default: {
        auto fs = ast::fields_of(k);
        for (size_t i = fs.size(); i-- > 0;) {
          uint32_t v = slot(n, static_cast<uint32_t>(i));
          if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) push(v, sc);
          else if (fs[i].type == ast::FieldType::List || fs[i].type == ast::FieldType::OptNodeList) push_list(m_.list(v), sc);
        }
      }
    }
  }
  auto is_local = [&](int sc, const std::string& n) {
    const DScope& s = dscopes_[static_cast<size_t>(sc)];
    if (sc == 0 && global_declared_.count(n)) return false;
    return s.bound.count(n) > 0 && !s.globals.count(n) && !s.nonlocals.count(n);
  };
  std::vector<std::set<std::string>> captured(dscopes_.size());
  std::string rname;
  for (const Ref& ref : refs) {
    rname.assign(ref.name);
    struct {
      int scope;
      const std::string& name;
      bool store;
    } r{ref.scope, rname, ref.store};
    const DScope& use = dscopes_[static_cast<size_t>(r.scope)];
    if (use.globals.count(r.name) || is_local(r.scope, r.name)) continue;
    int p = use.parent;
    while (p >= 0) {
      const DScope& s = dscopes_[static_cast<size_t>(p)];
      if (s.kind == Kind::ClassDef) {  // class bodies are not enclosing scopes for their methods
        p = s.parent;
        continue;
      }
      if (s.globals.count(r.name)) p = -1;
      if (p < 0 || is_local(p, r.name)) break;
      p = s.parent;
    }
    if (p < 0) continue;  // a global or a builtin
    // Only closures need anything: comprehensions run inline, and a module
    // function reads module variables from the global table.
    bool through_closure = false, through_item = false;
    for (int q = r.scope; q != p; q = dscopes_[static_cast<size_t>(q)].parent) {
      const DScope& s = dscopes_[static_cast<size_t>(q)];
      if (s.closure) through_closure = true;
      else if (s.kind == Kind::FunctionDef || s.kind == Kind::ClassDef) through_item = true;
    }
    if (through_item || !through_closure) continue;
    for (int q = r.scope; q != p; q = dscopes_[static_cast<size_t>(q)].parent)
      if (dscopes_[static_cast<size_t>(q)].closure) dscopes_[static_cast<size_t>(q)].captures.insert(r.name);
    captured[static_cast<size_t>(p)].insert(r.name);
    if (r.store) dscopes_[static_cast<size_t>(p)].rebound_inside.insert(r.name);
  }
  for (size_t p = 0; p < dscopes_.size(); ++p) {
    DScope& s = dscopes_[p];
    for (const std::string& n : captured[p]) {
      bool frozen = s.params.count(n) && !s.stored.count(n) && !s.rebound_inside.count(n);
      if (!frozen) s.cells.insert(n);
    }
  }
}

const DScope* Lowerer::d_scope(NodeId n) {
  d_scopes();
  auto it = dscope_of_.find(n);
  return it == dscope_of_.end() ? nullptr : &dscopes_[static_cast<size_t>(it->second)];
}

bool Lowerer::d_is_cell(NodeId scope_node, std::string_view name) {
  const DScope* s = d_scope(scope_node);
  return s && s->cells.count(std::string(name)) > 0;
}

bool Lowerer::d_global_declared(std::string_view name) {
  d_scopes();
  return global_declared_.count(std::string(name)) > 0;
}

bool Lowerer::d_prologue_owns(NodeId scope_node, std::string_view name) {
  const DScope* s = d_scope(scope_node);
  if (!s) return false;
  std::string n(name);
  if (scope_node == m_.root() && global_declared_.count(n)) return true;
  return s->cells.count(n) || s->globals.count(n);
}

RId Lowerer::d_read(const Binding& b, std::string_view py) {
  switch (b.form) {
    case Form::Cell: return b_.method(b_.path(b.rust), "get", {});
    case Form::Global: return try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(global_key(py))}));
    default: return b_.method(b_.path(b.rust), "clone", {});
  }
}

void Lowerer::d_write(const Binding& b, std::string_view py, RId value, Ids& out) {
  switch (b.form) {
    case Form::Cell: out.push_back(b_.expr_stmt(b_.method(b_.path(b.rust), "set", {value}))); break;
    case Form::Global: out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(py)), value}))); return;
    default: out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(b.rust), value))); break;
  }
  // The module body mirrors variables that functions read into the global table.
  if (cur_ == 0 && closure_depth_ == 0 && d_global_read(py))
    out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(py)), d_read(b, py)})));
}

void Lowerer::d_scope_prologue(NodeId scope_node, Ids& out) {
  const DScope* s = d_scope(scope_node);
  if (!s) return;
  bool module = scope_node == m_.root();
  std::set<std::string> names = s->bound;
  names.insert(s->globals.begin(), s->globals.end());
  // The module body sees every name a function declares global, even one
  // only a function binds (`global f` then `def f`).
  if (module) names.insert(global_declared_.begin(), global_declared_.end());
  for (const std::string& py : names) {
    auto& top = scopes_.back();
    auto it = top.find(py);
    if (module ? global_declared_.count(py) > 0 : s->globals.count(py) > 0) {
      bind(py, {py, Types::kDyn, Form::Global});
      continue;
    }
    if (s->cells.count(py)) {
      // A parameter moves into its cell; any other local starts unbound (None).
      std::string rn = it != top.end() ? it->second.rust : local_name(py);
      RId init = it != top.end() ? b_.path(rn) : b_.path("Value::None");
      out.push_back(b_.let(rn, kNil, b_.call(rt("closure::Cell::new"), {init}), false));
      bind(py, {rn, Types::kDyn, Form::Cell});
      continue;
    }
    if (it == top.end()) {
      // A local sema does not list (a nested def's name).
      std::string rn = local_name(py);
      out.push_back(b_.let(rn, b_.ty("Value"), b_.path("Value::None"), true));
      bind(py, {rn, Types::kDyn, Form::Place});
    }
  }
}

NodeId Lowerer::d_vararg(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.cls >= 0 || fn.node == kNone) return kNone;
  return slot(slot(fn.node, fld::FunctionDef::args), fld::arguments::vararg);
}

void Lowerer::d_def_stmt(NodeId s, Ids& out) {
  std::string name(ident(s, fld::FunctionDef::name));
  auto decs = list_of(s, fld::FunctionDef::decorator_list);
  if (cur_ == 0 && closure_depth_ == 0 && d_def_runs(s)) {
    // A decorated module function: the module body binds the decorated value
    // in the global table, where every use of the name looks. Library
    // decorators (functools.lru_cache, ...) are handled where the function is.
    RId v = d_func_value(tm_.func_by_name.at(name));
    for (size_t i = decs.size(); i-- > 0;) {
      NodeId callee = kind(decs[i]) == Kind::Call ? slot(decs[i], fld::Call::func) : decs[i];
      if (kind(callee) == Kind::Name && tm_.func_by_name.count(ident(callee, fld::Name::id))) v = d_decorate(decs[i], v, kNil);
    }
    out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(global_key(name)), v})));
    return;
  }
  const Binding* bnd = lookup(name);
  if (!bnd || !d_scope(s)) {
    fail(s, cur_ == 0 && closure_depth_ == 0 ? "function defined inside a module-level block" : "nested function " + name);
    return;
  }
  Binding target = *bnd;
  RId v = d_closure(s);
  for (size_t i = decs.size(); i-- > 0;) v = d_decorate(decs[i], v, kNil);
  d_write(target, name, v, out);
}

RId Lowerer::d_lambda(NodeId e) { return d_closure(e); }

RId Lowerer::d_closure(NodeId def) {
  const DScope* sc = d_scope(def);
  bool is_lambda = kind(def) == Kind::Lambda;
  NodeId args = slot(def, is_lambda ? uint32_t{fld::Lambda::args} : uint32_t{fld::FunctionDef::args});
  if (!sc) {
    fail(def, is_lambda ? "lambda" : "nested function");
    return b_.path("Value::None");
  }
  // Keyword-only or ** parameters: the closure takes keywords and binds its
  // arguments with the runtime binder (rt::args::bind).
  const bool by_binder = !list_of(args, fld::arguments::kwonlyargs).empty() || slot(args, fld::arguments::kwarg) != kNone;
  // Evaluated where the def runs: the captured handles, then the defaults.
  Ids pre;
  for (const std::string& c : sc->captures) {
    const Binding* b = lookup(c);
    if (!b || b->form == Form::Global) continue;
    pre.push_back(b_.let(b->rust, kNil, b_.method(b_.path(b->rust), "clone", {}), false));
  }
  // The caught exception of an enclosing handler (`type(e).__name__`, bare
  // `raise`): the `move` closure gets its own copy, never the handler's.
  std::set<std::string> exc_copied;
  for (auto& scope : scopes_)
    for (auto& [py, bnd] : scope)
      if (py.rfind("$exc", 0) == 0 && exc_copied.insert(bnd.rust).second)
        pre.push_back(b_.let(bnd.rust, kNil, b_.method(b_.path(bnd.rust), "clone", {}), false));
  std::vector<NodeId> pos;
  for (uint32_t fl : {fld::arguments::posonlyargs, fld::arguments::args})
    for (NodeId a : list_of(args, fl)) pos.push_back(a);
  auto defs = list_of(args, fld::arguments::defaults);
  size_t first_default = pos.size() - std::min(pos.size(), defs.size());
  std::vector<std::string> dnames(pos.size());
  for (size_t i = first_default; i < pos.size(); ++i) {
    dnames[i] = fresh("default");
    pre.push_back(b_.let(dnames[i], kNil, d_expr(defs[i - first_default]), false));
  }

  auto kwonly = list_of(args, fld::arguments::kwonlyargs);
  auto kwd = m_.list(slot(args, fld::arguments::kw_defaults));
  std::vector<std::string> kwdnames(kwonly.size());
  for (size_t k = 0; k < kwonly.size(); ++k)
    if (k < kwd.size() && kwd[k] != kNone) {
      kwdnames[k] = fresh("default");
      pre.push_back(b_.let(kwdnames[k], kNil, d_expr(kwd[k]), false));
    }

  NodeId saved_stmt = cur_stmt_;
  std::vector<std::string> saved_flags;
  saved_flags.swap(loop_flags_);  // break/continue inside belong to the closure's own loops
  ++closure_depth_;
  scopes_.emplace_back();
  Ids body;
  auto local = [&](const std::string& py, RId init) {
    std::string rn = local_name(py);
    if (sc->cells.count(py)) {
      body.push_back(b_.let(rn, kNil, b_.call(rt("closure::Cell::new"), {init}), false));
      bind(py, {rn, Types::kDyn, Form::Cell});
    } else {
      body.push_back(b_.let(rn, b_.ty("Value"), init, sc->stored.count(py) > 0));
      bind(py, {rn, Types::kDyn, Form::Place});
    }
  };
  NodeId va = slot(args, fld::arguments::vararg);
  if (by_binder) {
    // Slots in signature order: positional, *args, keyword-only, **kwargs.
    std::string name = is_lambda ? "<lambda>" : std::string(ident(def, fld::FunctionDef::name));
    std::string slots = fresh("bound");
    body.push_back(b_.let(slots, kNil, try_(b_.call(rt("args::bind"), {b_.str_lit(spec_of(m_, name, args)), b_.path(kArgs), b_.path("kw")})), true));
    size_t at = 0;
    auto take = [&](NodeId a, const std::string& dflt) {
      RId sl = b_.ref_mut(b_.path(slots));
      RId idx = b_.int_lit_text(std::to_string(at++));
      local(std::string(ident(a, fld::arg::arg)),
            dflt.empty() ? b_.call(rt("args::take"), {sl, idx}) : b_.call(rt("args::take_or"), {sl, idx, b_.method(b_.path(dflt), "clone", {})}));
    };
    for (size_t i = 0; i < pos.size(); ++i) take(pos[i], dnames[i]);
    if (va != kNone) take(va, "");
    for (size_t k = 0; k < kwonly.size(); ++k) take(kwonly[k], kwdnames[k]);
    if (NodeId kw = slot(args, fld::arguments::kwarg); kw != kNone) take(kw, "");
  } else {
    for (size_t i = 0; i < pos.size(); ++i) {
      RId dflt = dnames[i].empty() ? b_.path("Value::None") : b_.method(b_.path(dnames[i]), "clone", {});
      local(std::string(ident(pos[i], fld::arg::arg)),
            b_.call(rt("dynamic::arg_or"), {b_.path(kArgs), b_.int_lit_text(std::to_string(i)), dflt}));
    }
    if (va != kNone)
      local(std::string(ident(va, fld::arg::arg)), b_.call(rt("closure::rest_args"), {b_.path(kArgs), b_.int_lit_text(std::to_string(pos.size()))}));
  }
  for (const std::string& g : sc->globals) bind(g, {g, Types::kDyn, Form::Global});
  for (const std::string& py : sc->bound)
    if (!sc->params.count(py) && !sc->globals.count(py) && !sc->nonlocals.count(py)) local(py, b_.path("Value::None"));
  RId tail;
  if (is_lambda) {
    tail = b_.call(b_.path("Ok"), {d_expr(slot(def, fld::Lambda::body))});
  } else {
    auto stmts = list_of(def, fld::FunctionDef::body);
    size_t first = docstring(stmts).empty() ? 0 : 1;
    for (size_t i = first; i < stmts.size(); ++i) d_stmt(stmts[i], body);
    tail = b_.call(b_.path("Ok"), {b_.path("Value::None")});
  }
  scopes_.pop_back();
  --closure_depth_;
  loop_flags_.swap(saved_flags);
  cur_stmt_ = saved_stmt;

  std::string name = is_lambda ? "<lambda>" : std::string(ident(def, fld::FunctionDef::name));
  RId fv;
  if (by_binder) {
    // Value::func_kw's bound pins the closure's type for `?` inside.
    fv = b_.call("Value::func_kw", {b_.str_lit(name), b_.closure({b_.pat_ident(kArgs), b_.pat_ident("kw")}, b_.block(body, tail), true)});
  } else {
    RId param = b_.param(kArgs, b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    // rt::dynamic::lambda pins the closure's type, so `?` inside knows its error type.
    RId clo = b_.call(rt("dynamic::lambda"), {b_.closure({param}, b_.block(body, tail), true)});
    fv = b_.call("Value::func", {b_.str_lit(name), clo});
  }
  return pre.empty() ? fv : b_.block(pre, fv);
}

bool Lowerer::d_comp_cell(NodeId comp, std::string_view py, RId val, Ids& binds, Ids& decls) {
  if (!d_is_cell(comp, py)) return false;
  // Captured by a lambda in the comprehension: one cell for the whole loop,
  // so every closure sees the last value (Python's late binding).
  std::string rn = fresh(local_name(py) + "_");
  decls.push_back(b_.let(rn, kNil, b_.call(rt("closure::Cell::new"), {b_.path("Value::None")}), false));
  binds.push_back(b_.expr_stmt(b_.method(b_.path(rn), "set", {val})));
  bind(py, {rn, Types::kDyn, Form::Cell});
  return true;
}

}  // namespace portalis::lower
