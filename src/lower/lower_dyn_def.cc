// Dynamic mode: `def` as a statement that makes a value, which is what
// decorators and closures need.
//
// - A nested `def` becomes a `Value::func_kw` closure bound to a local. It
//   captures clones of the enclosing bindings (Values share their data),
//   binds its arguments at run time with `rt::args::bind`, and has its own
//   locals. Defaults are evaluated once, when the `def` runs.
// - A module function with a user-written decorator (`@logged`,
//   `@repeat(3)`) is decorated when its `def` runs in the module body; the
//   result lives in the runtime's global table and every use of the name
//   reads it from there. Decorators the translator does not know
//   (`functools.lru_cache`, ...) are left to the plain function as before.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {

bool is_user_decorator(const sema::TypedModule& tm, const ast::Module& m, NodeId d) {
  if (m.kind(d) == Kind::Call) d = m.slot(d, fld::Call::func);
  return m.kind(d) == Kind::Name && tm.func_by_name.count(m.str(m.slot(d, fld::Name::id))) > 0;
}

}  // namespace

bool Lowerer::d_decorated(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.cls >= 0 || fn.node == kNone) return false;
  for (NodeId d : list_of(fn.node, fld::FunctionDef::decorator_list))
    if (is_user_decorator(tm_, m_, d)) return true;
  return false;
}

bool Lowerer::d_def_runs(NodeId def) const {
  auto it = tm_.func_by_name.find(ident(def, fld::FunctionDef::name));
  return it != tm_.func_by_name.end() && tm_.funcs[it->second].node == def && d_decorated(it->second);
}

RId Lowerer::d_func_ref(uint32_t f) {
  if (d_decorated(f)) return try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(tm_.funcs[f].name)}));
  return d_func_value(f);
}

// `name(a, b=, *args, c=, **kw)` from the AST (nested functions have no
// sema signature).
static std::string spec_of(const ast::Module& m, std::string_view name, NodeId args) {
  std::string s = std::string(name) + "(";
  bool first = true;
  auto item = [&](const std::string& t) {
    if (!first) s += ", ";
    first = false;
    s += t;
  };
  auto posonly = m.list_of(args, fld::arguments::posonlyargs);
  auto pos = m.list_of(args, fld::arguments::args);
  size_t npos = posonly.size() + pos.size();
  size_t ndef = m.list_of(args, fld::arguments::defaults).size();
  size_t i = 0;
  for (NodeId a : posonly) {
    item(std::string(m.str(m.slot(a, fld::arg::arg))) + (i + ndef >= npos ? "=" : ""));
    ++i;
  }
  if (!posonly.empty()) item("/");
  for (NodeId a : pos) {
    item(std::string(m.str(m.slot(a, fld::arg::arg))) + (i + ndef >= npos ? "=" : ""));
    ++i;
  }
  NodeId va = m.slot(args, fld::arguments::vararg);
  auto kwonly = m.list_of(args, fld::arguments::kwonlyargs);
  auto kwd = m.list(m.slot(args, fld::arguments::kw_defaults));
  if (va != kNone) item("*" + std::string(m.str(m.slot(va, fld::arg::arg))));
  else if (!kwonly.empty()) item("*");
  for (size_t k = 0; k < kwonly.size(); ++k)
    item(std::string(m.str(m.slot(kwonly[k], fld::arg::arg))) + (k < kwd.size() && kwd[k] != kNone ? "=" : ""));
  NodeId kw = m.slot(args, fld::arguments::kwarg);
  if (kw != kNone) item("**" + std::string(m.str(m.slot(kw, fld::arg::arg))));
  return s + ")";
}

// Names a function body binds (its locals), not looking into nested
// functions, classes or lambdas beyond their own names.
static void collect_locals(const ast::Module& m, std::span<const uint32_t> body, std::vector<std::string>& out) {
  std::vector<NodeId> stack(body.rbegin(), body.rend());
  auto add = [&](std::string_view n) {
    for (auto& o : out)
      if (o == n) return;
    out.emplace_back(n);
  };
  std::vector<NodeId> targets;
  while (!stack.empty()) {
    NodeId s = stack.back();
    stack.pop_back();
    if (s == kNone) continue;
    switch (m.kind(s)) {
      case Kind::Assign: for (NodeId t : m.list_of(s, fld::Assign::targets)) targets.push_back(t); break;
      case Kind::AnnAssign: targets.push_back(m.slot(s, fld::AnnAssign::target)); break;
      case Kind::AugAssign: targets.push_back(m.slot(s, fld::AugAssign::target)); break;
      case Kind::For:
        targets.push_back(m.slot(s, fld::For::target));
        for (NodeId c : m.list_of(s, fld::For::body)) stack.push_back(c);
        for (NodeId c : m.list_of(s, fld::For::orelse)) stack.push_back(c);
        break;
      case Kind::While:
        for (NodeId c : m.list_of(s, fld::While::body)) stack.push_back(c);
        for (NodeId c : m.list_of(s, fld::While::orelse)) stack.push_back(c);
        break;
      case Kind::If:
        for (NodeId c : m.list_of(s, fld::If::body)) stack.push_back(c);
        for (NodeId c : m.list_of(s, fld::If::orelse)) stack.push_back(c);
        break;
      case Kind::Try:
        for (NodeId c : m.list_of(s, fld::Try::body)) stack.push_back(c);
        for (NodeId c : m.list_of(s, fld::Try::orelse)) stack.push_back(c);
        for (NodeId c : m.list_of(s, fld::Try::finalbody)) stack.push_back(c);
        for (NodeId h : m.list_of(s, fld::Try::handlers)) {
          uint32_t n = m.slot(h, fld::ExceptHandler::name);
          if (n != kNone) add(m.str(n));
          for (NodeId c : m.list_of(h, fld::ExceptHandler::body)) stack.push_back(c);
        }
        break;
      case Kind::FunctionDef: add(m.str(m.slot(s, fld::FunctionDef::name))); break;
      default: break;
    }
    while (!targets.empty()) {
      NodeId t = targets.back();
      targets.pop_back();
      Kind k = m.kind(t);
      if (k == Kind::Name) add(m.str(m.slot(t, fld::Name::id)));
      else if (k == Kind::Tuple || k == Kind::List)
        for (NodeId e : m.list_of(t, fld::Tuple::elts)) targets.push_back(e);
      else if (k == Kind::Starred) targets.push_back(m.slot(t, fld::Starred::value));
    }
  }
}

// Apply one decorator expression to `value` (a Value).
RId Lowerer::d_decorate(NodeId d, RId value, RId wrapped_name) {
  // `@functools.wraps(fn)` / `@wraps(fn)`: the wrapper takes fn's name.
  if (kind(d) == Kind::Call) {
    NodeId cf = slot(d, fld::Call::func);
    bool wraps = false;
    if (kind(cf) == Kind::Attribute && ident(cf, fld::Attribute::attr) == "wraps" && kind(slot(cf, fld::Attribute::value)) == Kind::Name)
      wraps = imported(ident(slot(cf, fld::Attribute::value), fld::Name::id)) == "functools";
    if (kind(cf) == Kind::Name && !lookup(ident(cf, fld::Name::id))) wraps |= imported(ident(cf, fld::Name::id)) == "functools.wraps";
    auto a = list_of(d, fld::Call::args);
    if (wraps && a.size() == 1) return try_(b_.call(rt("args::wraps"), {value, b_.ref(d_expr(a[0]))}));
  }
  (void)wrapped_name;
  RId dec = d_expr(d);
  return try_(b_.method(dec, "call", {b_.ref(b_.array({value}))}));
}

void Lowerer::d_def(NodeId s, Ids& out) {
  std::string_view name = ident(s, fld::FunctionDef::name);
  auto decorators = list_of(s, fld::FunctionDef::decorator_list);
  auto top = tm_.func_by_name.find(name);
  if (cur_ == 0 && top != tm_.func_by_name.end() && tm_.funcs[top->second].node == s) {
    // A decorated module function: decorate it now, keep the result global.
    RId v = d_func_value(top->second);
    for (size_t i = decorators.size(); i-- > 0;)
      if (is_user_decorator(tm_, m_, decorators[i])) v = d_decorate(decorators[i], v, kNil);
    out.push_back(b_.expr_stmt(b_.call(rt("dynamic::set_global"), {b_.str_lit(name), v})));
    return;
  }
  if (cur_ == 0) {
    fail(s, "function defined inside a module-level block");
    return;
  }
  NodeId args = slot(s, fld::FunctionDef::args);
  // What the closure captures: clones of every binding in reach.
  Ids pre;
  std::set<std::string> captured;
  for (auto& sc : scopes_)
    for (auto& [py, bnd] : sc)
      if (py != "$exc" && captured.insert(bnd.rust).second)
        pre.push_back(b_.let(bnd.rust, kNil, b_.method(b_.path(bnd.rust), "clone", {}), false));
  // Parameters in signature order, with defaults evaluated now.
  std::vector<NodeId> params;
  std::vector<NodeId> defaults;
  auto posonly = list_of(args, fld::arguments::posonlyargs);
  auto pos = list_of(args, fld::arguments::args);
  params.insert(params.end(), posonly.begin(), posonly.end());
  params.insert(params.end(), pos.begin(), pos.end());
  auto pdef = list_of(args, fld::arguments::defaults);
  defaults.assign(params.size(), kNone);
  for (size_t i = 0; i < pdef.size(); ++i) defaults[params.size() - pdef.size() + i] = pdef[i];
  if (slot(args, fld::arguments::vararg) != kNone) {
    params.push_back(slot(args, fld::arguments::vararg));
    defaults.push_back(kNone);
  }
  auto kwonly = list_of(args, fld::arguments::kwonlyargs);
  auto kwd = m_.list(slot(args, fld::arguments::kw_defaults));
  for (size_t k = 0; k < kwonly.size(); ++k) {
    params.push_back(kwonly[k]);
    defaults.push_back(k < kwd.size() ? kwd[k] : kNone);
  }
  if (slot(args, fld::arguments::kwarg) != kNone) {
    params.push_back(slot(args, fld::arguments::kwarg));
    defaults.push_back(kNone);
  }
  std::vector<std::string> dflt_names(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    if (defaults[i] == kNone) continue;
    dflt_names[i] = fresh("default");
    pre.push_back(b_.let(dflt_names[i], kNil, d_expr(defaults[i]), false));
  }
  // The body, in its own scope.
  auto saved_flags = std::move(loop_flags_);
  loop_flags_.clear();
  NodeId saved_stmt = cur_stmt_;
  scopes_.emplace_back();
  Ids body;
  std::string slots = fresh("bound");
  body.push_back(b_.let(slots, kNil, try_(b_.call(rt("args::bind"), {b_.str_lit(spec_of(m_, name, args)), b_.path("a"), b_.path("kw")})), true));
  std::vector<std::string> param_names;
  for (size_t i = 0; i < params.size(); ++i) {
    std::string py(ident(params[i], fld::arg::arg));
    param_names.push_back(py);
    std::string rn = local_name(py);
    RId sl = b_.ref_mut(b_.path(slots));
    RId idx = b_.int_lit_text(std::to_string(i));
    RId v = dflt_names[i].empty() ? b_.call(rt("args::take"), {sl, idx})
                                  : b_.call(rt("args::take_or"), {sl, idx, b_.method(b_.path(dflt_names[i]), "clone", {})});
    body.push_back(b_.let(rn, kNil, v, true));
    bind(py, {rn, Types::kDyn, Form::Place});
  }
  std::vector<std::string> locals;
  collect_locals(m_, list_of(s, fld::FunctionDef::body), locals);
  for (const std::string& l : locals) {
    if (std::find(param_names.begin(), param_names.end(), l) != param_names.end()) continue;
    std::string rn = local_name(l);
    body.push_back(b_.let(rn, b_.ty("Value"), b_.path("Value::None"), true));
    bind(l, {rn, Types::kDyn, Form::Place});
  }
  // A body that names the function itself (recursion) gets it as `me`.
  bool recursive = false;
  if (std::find(locals.begin(), locals.end(), std::string(name)) == locals.end() &&
      std::find(param_names.begin(), param_names.end(), std::string(name)) == param_names.end()) {
    std::vector<NodeId> stack(list_of(s, fld::FunctionDef::body).begin(), list_of(s, fld::FunctionDef::body).end());
    while (!stack.empty() && !recursive) {
      NodeId n = stack.back();
      stack.pop_back();
      if (n == kNone) continue;
      if (kind(n) == Kind::Name && ident(n, fld::Name::id) == name) recursive = true;
      auto fs = ast::fields_of(kind(n));
      for (size_t i = 0; i < fs.size(); ++i) {
        uint32_t v = slot(n, static_cast<uint32_t>(i));
        if (fs[i].type == ast::FieldType::Node || fs[i].type == ast::FieldType::OptNode) stack.push_back(v);
        else if (fs[i].type == ast::FieldType::List) for (NodeId c : m_.list(v)) stack.push_back(c);
      }
    }
  }
  if (recursive) {
    body.push_back(b_.let(local_name(name), kNil, b_.method(b_.path("me"), "clone", {}), false));
    bind(name, {local_name(name), Types::kDyn, Form::Place});
  }
  auto stmts = list_of(s, fld::FunctionDef::body);
  size_t first = docstring(stmts).empty() ? 0 : 1;
  for (size_t i = first; i < stmts.size(); ++i) d_stmt(stmts[i], body);
  scopes_.pop_back();
  cur_stmt_ = saved_stmt;
  loop_flags_ = std::move(saved_flags);
  RId tail = b_.call(b_.path("Ok"), {b_.path("Value::None")});
  RId clo = recursive ? b_.closure({b_.pat_ident("me"), b_.pat_ident("a"), b_.pat_ident("kw")}, b_.block(body, tail), true)
                      : b_.closure({b_.pat_ident("a"), b_.pat_ident("kw")}, b_.block(body, tail), true);
  RId v = b_.block(pre, recursive ? b_.call(rt("args::func_kw_rec"), {b_.str_lit(name), clo})
                                  : b_.call("Value::func_kw", {b_.str_lit(name), clo}));
  for (size_t i = decorators.size(); i-- > 0;) v = d_decorate(decorators[i], v, kNil);
  std::string rn = local_name(name);
  const Binding* existing = lookup(name);
  if (existing) {
    out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(existing->rust), v)));
  } else {
    out.push_back(b_.let(rn, kNil, v, false));
    bind(name, {rn, Types::kDyn, Form::Place});
  }
}

}  // namespace portalis::lower
