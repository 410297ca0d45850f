// Module and function lowering: signatures, stubs, the program's main.
#include <algorithm>

#include "lower/lower_cache.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

const Binding* Lowerer::lookup(std::string_view n) const {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto f = it->find(n);
    if (f != it->end()) return &f->second;
  }
  return nullptr;
}

std::string Lowerer::local_name(std::string_view py) const {
  if (py == "_") return "_x";  // `_` is a pattern in Rust, a variable in Python
  std::string s = rust::snake_case(py);
  // `B` next to a variable `b` in the same function must stay distinct.
  if (s != py && cur_ < tm_.funcs.size() && tm_.funcs[cur_].find(s)) s += "_";
  return rust::escape_ident(s);
}

std::string Lowerer::fn_rust_name(uint32_t f) const {
  if (f == 0) return init_fn_ ? "py_init" : "main";
  if (tm_.funcs[f].parent >= 0)
    return fn_rust_name(static_cast<uint32_t>(tm_.funcs[f].parent)) + "_" + rust::escape_ident(rust::snake_case(tm_.funcs[f].name));
  if (tm_.funcs[f].cls >= 0) {
    // Methods: `<class>_<method>` with the dunder underscores dropped.
    std::string m = tm_.funcs[f].name;
    if (m.size() > 4 && m.rfind("__", 0) == 0 && m.compare(m.size() - 2, 2, "__") == 0) m = m.substr(2, m.size() - 4);
    // A property's setter/deleter shares the getter's Python name.
    for (NodeId d : list_of(tm_.funcs[f].node, fld::FunctionDef::decorator_list))
      if (kind(d) == Kind::Attribute && (ident(d, fld::Attribute::attr) == "setter" || ident(d, fld::Attribute::attr) == "deleter"))
        m += "_" + std::string(ident(d, fld::Attribute::attr));
    return rust::escape_ident(rust::snake_case(tm_.classes[tm_.funcs[f].cls].name) + "_" + rust::snake_case(m));
  }
  std::string n = rust::escape_ident(rust::snake_case(tm_.funcs[f].name));
  if (n == "main") n = "main_";  // the program's entry owns `main`
  return n;
}

void Lowerer::diag(NodeId n, DiagId id, std::string msg) {
  Diagnostic d;
  d.id = id;
  if (n != kNone && n < m_.node_count()) {
    d.line = m_.pos(n).lineno;
    d.column = m_.pos(n).col_offset + 1;
  }
  d.message = std::move(msg);
  out_.diagnostics.push_back(std::move(d));
}

RId Lowerer::rt(std::string_view path) {
  thread_local std::string buf;  // reused: most runtime paths are too long for the small-string buffer
  buf.assign("rt::").append(path);
  return b_.path(buf);
}

RId Lowerer::try_(RId e) {
  used_try_ = true;
  return b_.try_(e);
}

std::string Lowerer::docstring(std::span<const uint32_t> body) const {
  if (body.empty() || kind(body[0]) != Kind::Expr) return {};
  NodeId v = slot(body[0], fld::Expr::value);
  if (kind(v) != Kind::Constant) return {};
  const ast::Constant& c = m_.constant(slot(v, fld::Constant::value));
  if (c.tag != ast::Constant::Tag::Str) return {};
  // Strip the common indentation like inspect.cleandoc.
  std::string text = c.text;
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  size_t indent = std::string::npos;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t p = lines[i].find_first_not_of(' ');
    if (p != std::string::npos) indent = std::min(indent, p);
  }
  std::string outs;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string l = lines[i];
    if (i == 0) {
      size_t p = l.find_first_not_of(' ');
      l = p == std::string::npos ? "" : l.substr(p);
    } else if (indent != std::string::npos && l.size() >= indent) {
      l = l.substr(indent);
    }
    outs += l;
    if (i + 1 < lines.size()) outs += '\n';
  }
  while (!outs.empty() && (outs.back() == '\n' || outs.back() == ' ')) outs.pop_back();
  return outs;
}

RId Lowerer::rust_type(TypeId t) {
  const sema::TypeRec& r = T.get(t);
  switch (r.kind) {
    case TyKind::Int: return b_.ty("i64");
    case TyKind::BigInt: return b_.ty("rt::int::Int");
    case TyKind::Float: return b_.ty("f64");
    case TyKind::Bool: return b_.ty("bool");
    case TyKind::Str: return b_.ty("String");
    case TyKind::None: return b_.ty_tuple({});
    case TyKind::List: return b_.ty("Vec", {rust_type(r.args[0])});
    case TyKind::Tuple: {
      Ids e;
      for (TypeId a : r.args) e.push_back(rust_type(a));
      return b_.ty_tuple(e);
    }
    case TyKind::Dict: return b_.ty("rt::dict::Dict", {rust_type(r.args[0]), rust_type(r.args[1])});
    case TyKind::Set: return b_.ty("rt::dict::Set", {rust_type(r.args[0])});
    case TyKind::Class:
      if (is_static_class(static_cast<int>(r.cls))) return s_class_type(r.cls);
      return b_.ty(rust::camel_case(tm_.classes[r.cls].name));
    case TyKind::Optional: return b_.ty("Option", {rust_type(r.args[0])});
    case TyKind::Exc: return b_.ty("PyException");
    case TyKind::Num: return b_.ty("rt::num::Num");
    case TyKind::Func: return s_func_type(t);
    case TyKind::Iter: return b_.ty("std::vec::IntoIter", {rust_type(r.args[0])});  // a generator expression, collected
    case TyKind::FrozenSet: return b_.ty("rt::frozenset::FrozenSet", {rust_type(r.args[0])});
    case TyKind::TransTable: return b_.ty("rt::pystr::TransTable");
    default: return b_.ty("rt::value::Value");
  }
}

RId Lowerer::param_type(const sema::Var& v) {
  TyKind k = T.kind(v.type);
  if (v.cell) return b_.ty_ref(b_.ty("std::cell::Cell", {rust_type(v.type)}));
  if (k == TyKind::Str && !v.reassigned) return b_.ty_ref(b_.ty("str"));
  if (k == TyKind::List && !v.reassigned) {
    if (v.mutated) return b_.ty_ref(rust_type(v.type), true);
    return b_.ty_ref(b_.ty_slice(rust_type(T.elem(v.type))));
  }
  return rust_type(v.type);
}

RId Lowerer::ret_type(uint32_t f, bool fallible) {
  TypeId r = f == 0 ? Types::kNone : tm_.funcs[f].ret;
  RId t = T.kind(r) == TyKind::None ? kNil : rust_type(r);
  if (!fallible) return t;
  return b_.ty("PyResult", {t == kNil ? b_.ty_tuple({}) : t});
}

RId Lowerer::stub_function(uint32_t f, const std::string& what, NodeId where) {
  const sema::Function& fn = tm_.funcs[f];
  Ids params;
  bool dyn = is_dyn_fn(f);
  if (dyn && fn.cls >= 0 && !fn.is_static) params.push_back(b_.param("_self", b_.ty("Value")));
  // Dynamic functions: *args, keyword-only and **kwargs too (callers pass them).
  for (uint32_t p : dyn ? d_param_vars(f) : s_params(f))
    params.push_back(b_.param(rust::escape_ident("_" + rust::snake_case(fn.vars[p].name)), dyn ? b_.ty("Value") : param_type(s_cell_param(f, p))));
  std::string msg = what;
  if (where != kNone) msg += " at line " + std::to_string(m_.pos(where).lineno);
  RId err = b_.call(b_.path("Err"), {b_.call("PyException::not_implemented", {b_.str_lit(msg)})});
  RId body = b_.block({}, err);
  ++out_.stubs;
  fallible_out.insert(f);
  RId ret = dyn ? b_.ty("PyResult", {f == 0 ? b_.ty_tuple({}) : b_.ty("Value")}) : ret_type(f, true);
  return b_.fn(fn_rust_name(f), f == 0 ? Ids{} : params, ret, body, true,
               "Stub: not translated yet (" + what + ").");
}

void Lowerer::begin_function(uint32_t f) {
  cur_ = f;
  used_try_ = false;
  unsupported_.clear();
  scopes_.clear();
  scopes_.emplace_back();
  tmp_counter_ = 0;
}

RId Lowerer::function(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  begin_function(f);
  hoisted_.clear();
  for (auto& u : fn.unsupported) unsupported_.push_back({u.first, u.second});

  bool dynamic = (T.has_dyn(fn.ret) || (mixed() && mentions_class(fn.ret))) && f != 0;
  Ids params;
  if (fn.cls >= 0) s_self_param(f, params);
  for (uint32_t p : s_params(f)) {
    const sema::Var& v = fn.vars[p];
    if (T.has_dyn(v.type) || (mixed() && mentions_class(v.type))) dynamic = true;
    RId ty = param_type(s_cell_param(f, p));
    bool mut = v.reassigned && (T.is_copy(v.type) || T.kind(v.type) == TyKind::Str || T.kind(v.type) == TyKind::List ||
                                T.kind(v.type) == TyKind::BigInt);
    if (T.kind(v.type) == TyKind::Optional && (v.reassigned || v.mutated)) mut = true;
    if (v.cell) mut = false;  // a &Cell<T>: set() needs no mut
    std::string rn = local_name(v.name);
    params.push_back(b_.param(rn, ty, mut));
    Form form = Form::Place;
    const sema::TypeRec& r = T.get(b_.tree().node(ty).kind == rust::RKind::TyRef ? v.type : v.type);
    (void)r;
    if (b_.tree().node(ty).kind == rust::RKind::TyRef) form = (b_.tree().node(ty).flags & rust::kMut) ? Form::MutRef : Form::Borrowed;
    if (v.cell) form = Form::SCell;
    bind(v.name, {rn, v.type, form});
  }
  for (uint32_t i = 0; i < fn.vars.size(); ++i) {
    const sema::Var& v = fn.vars[i];
    if (v.is_param) continue;
    if (T.has_dyn(v.type) || (mixed() && mentions_class(v.type))) dynamic = true;
    bind(v.name, {local_name(v.name), v.type, v.cell ? Form::SCell : v.global_decl ? Form::Global : Form::Place});
    // A caught exception (`except E as e`) is declared by its handler.
    if (v.decl_block != kNone && v.decl_stmt == kNone && T.kind(v.type) != TyKind::Exc) hoisted_[v.decl_block].push_back(i);
  }
  if (dynamic) fail(fn.node == kNone ? m_.root() : fn.node, "values without a static type");
  // Decorators (functools.lru_cache, user wrappers) change what a call does;
  // the dynamic lowering applies them.
  if (fn.node != kNone && !list_of(fn.node, fld::FunctionDef::decorator_list).empty()) fail(fn.node, "decorated function");
  s_nested_checks(f);
  s_func_checks(f);
  s_cell_checks(f);
  s_global_checks(f);
  // A default that is not a constant is one object shared by every call
  // (`bucket=[]`): the dynamic lowering keeps that sharing.
  for (uint32_t p : s_params(f)) {
    NodeId d = fn.vars[p].default_value;
    if (d != kNone && kind(d) != Kind::Constant && kind(d) != Kind::UnaryOp) fail(d, "default value that is not a constant");
  }

  bool fallible = f == 0 || fallible_in_.count(f) > 0;
  RId body = kNil;
  std::string doc;
  if (unsupported_.empty()) {
    std::span<const uint32_t> stmts;
    ast::ListId list;
    if (fn.node == kNone) {
      list = slot(m_.root(), fld::Module::body);
      stmts = m_.list(list);
    } else {
      list = slot(fn.node, fld::FunctionDef::body);
      stmts = m_.list(list);
      doc = docstring(stmts);
    }
    // Module body: only the statements that run (defs are items; the main guard's body is inlined).
    std::vector<uint32_t> run;
    for (NodeId s : stmts) {
      Kind k = kind(s);
      if (fn.node == kNone && (k == Kind::FunctionDef || k == Kind::ClassDef || k == Kind::Import || k == Kind::ImportFrom)) continue;
      if (fn.node == kNone && sema::is_type_alias_stmt(m_, s)) continue;  // only annotations use it
      if (fn.node == kNone && s == tm_.main_guard) {
        for (NodeId g : list_of(s, fld::If::body)) run.push_back(g);
        continue;
      }
      run.push_back(s);
    }
    if (!doc.empty() && !run.empty()) run.erase(run.begin());
    Ids out;
    if (f == 0 && mixed()) register_exception_classes(out);
    s_cell_params(f, out);
    for (uint32_t v : hoisted_[list]) out.push_back(declare_hoisted(v));
    for (size_t i = 0; i < run.size(); ++i) {
      NodeId s = run[i];
      // A final `return x` becomes the tail expression.
      if (i + 1 == run.size() && kind(s) == Kind::Return && slot(s, fld::Return::value) != kNone && f != 0) {
        cur_stmt_ = s;
        LE v = expr_as(slot(s, fld::Return::value), fn.ret);
        RId val = moved(slot(s, fld::Return::value), v, fn.ret);
        RId tail = fallible ? b_.call(b_.path("Ok"), {val}) : val;
        body = b_.block(out, tail);
        break;
      }
      stmt(s, out);
    }
    if (body == kNil) {
      RId tail = kNil;
      bool ends_in_return = !run.empty() && kind(run.back()) == Kind::Return;
      if (T.kind(fn.ret) == TyKind::None || f == 0) {
        if (fallible && !ends_in_return) tail = b_.call(b_.path("Ok"), {b_.tuple({})});
      } else if (!ends_in_return && T.kind(fn.ret) == TyKind::Optional) {
        tail = fallible ? b_.call(b_.path("Ok"), {b_.path("None")}) : b_.path("None");
      } else if (!ends_in_return) {
        // Python would return None here; the inferred type says it never does.
        tail = b_.macro("unreachable", {b_.str_lit("function fell off its end")});
      }
      body = b_.block(out, tail);
    }
  }
  if (!unsupported_.empty()) {
    for (auto& u : unsupported_) diag(u.node, DiagId::Unsupported, "unsupported: " + u.what);
    static_failed_out.insert(f);
    static_fail_why[f] = unsupported_.front();
    return stub_function(f, unsupported_.front().what, unsupported_.front().node);
  }
  if (used_try_ && !fallible) fallible_out.insert(f);
  if (fallible) fallible_out.insert(f);
  // A static per-call-type copy is one Python function with its original:
  // not counted again (a dynamic copy is, so the share never overstates).
  if (dynamic) ++out_.functions_dynamic;
  else if (fn.copy_of < 0) ++out_.functions_static;
  return b_.fn(fn_name_override_.empty() ? fn_rust_name(f) : fn_name_override_, params, ret_type(f, fallible), body, true, doc);
}

void Lowerer::module() {
  Ids items;
  items.push_back(b_.inner_attr(
      "allow(unused_mut, unused_variables, unused_assignments, unused_parens, unused_imports, dead_code, "
      "non_snake_case, unreachable_code, clippy::all)"));
  items.push_back(b_.use(opts_.runtime_crate + " as rt"));
  items.push_back(b_.use(opts_.runtime_crate + "::exc::{PyException, PyResult}"));
  items.push_back(b_.use(opts_.runtime_crate + "::repr::{PyRepr, PyStr}"));
  for (const std::string& c : opts_.child_modules) items.push_back(b_.mod_decl(c, true));
  std::string mod_doc = docstring(list_of(m_.root(), fld::Module::body));
  if (!mod_doc.empty()) items.insert(items.begin() + 1, b_.comment(mod_doc));
  // Classes are dynamic in mixed modules too.
  bool some_dyn_class = false;
  for (uint32_t ci = 0; ci < tm_.classes.size(); ++ci) some_dyn_class |= !is_static_class(static_cast<int>(ci));
  bool dyn_items = dyn_ || (mixed() && (!dyn_fns_->empty() || some_dyn_class));
  if (!dyn_ && static_classes_ && !static_classes_->empty()) items.push_back(b_.use(opts_.runtime_crate + "::native::Obj"));
  // py_attr (lower_import.cc) hands out Values too.
  bool uses_values = dyn_items || (mixed() && !opts_.exports.empty());
  if (uses_values) items.push_back(b_.use(opts_.runtime_crate + "::value::{Class, Value}"));
  if (uses_values) items.push_back(b_.use("std::rc::Rc"));
  if (uses_values && !dyn_) items.push_back(b_.use(opts_.runtime_crate + "::value::{FromValue, ToValue}"));
  for (auto& c : tm_.classes) {
    if (is_static_class(static_cast<int>(tm_.class_by_name.at(c.name)))) {
      s_class(tm_.class_by_name.at(c.name), items);
      continue;
    }
    if (s_exc_class(tm_.class_by_name.at(c.name), items)) continue;  // lower_static_exc.cc
    // Dynamic mode knows exception classes whose body only names them.
    bool simple_exc = dyn_items;
    for (NodeId bn : list_of(c.node, fld::ClassDef::bases))
      if (kind(bn) != Kind::Name || !d_is_exception_class(ident(bn, fld::Name::id))) simple_exc = false;
    if (list_of(c.node, fld::ClassDef::bases).empty()) simple_exc = false;
    for (NodeId st : list_of(c.node, fld::ClassDef::body))
      if (kind(st) != Kind::Pass && !(kind(st) == Kind::Expr && kind(slot(st, fld::Expr::value)) == Kind::Constant)) simple_exc = false;
    if (simple_exc) {
      exception_classes_.insert(c.name);
      continue;
    }
    if (dyn_items) {
      // Every class gets its runtime class function (constructor calls name
      // it); one the dynamic mode cannot model raises when constructed.
      // Exception classes with a body derive from the runtime's exception
      // classes (runtime/src/exc_obj.rs).
      unit(items, [&] { d_class(tm_.class_by_name.at(c.name), items); });
      continue;
    }
    diag(c.node, DiagId::Unsupported, "unsupported: class " + c.name);
    ++out_.stubs;
  }
  for (uint32_t f = 1; f < tm_.funcs.size(); ++f) {
    if (tm_.funcs[f].cls >= 0) continue;
    if (tm_.funcs[f].parent >= 0) {
      unit(items, [&] { s_nested_item(f, items); });
      continue;
    }
    unit(items, [&] { items.push_back(is_dyn_fn(f) ? d_function(f) : function(f)); });
  }
  if (tm_.is_program) {
    unit(items, [&] { items.push_back(is_dyn_fn(0) ? d_function(0) : function(0)); });
    out_.has_main = true;
  }
  module_exports(items);
  out_.file = b_.file(items);
}

// Lowerer state that depends only on the typed module (built lazily by the
// first round that needs it; identical in every round and every mode).
struct ModuleFacts {
  std::vector<DScope> dscopes;
  std::map<NodeId, int> dscope_of;
  std::set<std::string> global_declared;
  std::set<std::string> kw_attrs;
  bool kw_attrs_ready = false;
  std::map<std::string, std::string> imports;
  bool imports_ready = false;
  std::set<std::string> typing_names;
  std::set<std::string> global_reads;
  bool global_reads_ready = false;
  std::set<std::string, std::less<>> mixed_reads;
  bool mixed_reads_ready = false;
};

void Lowerer::give_facts(ModuleFacts& f) {
  if (!dscopes_.empty() && f.dscopes.empty()) {
    f.dscopes = std::move(dscopes_);
    f.dscope_of = std::move(dscope_of_);
    f.global_declared = std::move(global_declared_);
  }
  if (kw_attrs_ready_ && !f.kw_attrs_ready) f.kw_attrs = std::move(kw_attrs_), f.kw_attrs_ready = true;
  if (imports_ready_ && !f.imports_ready) f.imports = std::move(imports_), f.imports_ready = true;
  if (!typing_names_.empty() && f.typing_names.empty()) f.typing_names = std::move(typing_names_);
  if (global_reads_ready_ && !f.global_reads_ready) f.global_reads = std::move(global_reads_), f.global_reads_ready = true;
  if (mixed_reads_ready_ && !f.mixed_reads_ready) f.mixed_reads = std::move(mixed_reads_), f.mixed_reads_ready = true;
}

void Lowerer::take_facts(ModuleFacts& f) {
  // Moved in and handed back by give_facts after the round.
  if (!f.dscopes.empty()) {
    dscopes_ = std::move(f.dscopes);
    dscope_of_ = std::move(f.dscope_of);
    global_declared_ = std::move(f.global_declared);
    f.dscopes.clear();
  }
  if (f.kw_attrs_ready) kw_attrs_ = std::move(f.kw_attrs), kw_attrs_ready_ = true, f.kw_attrs_ready = false;
  if (f.imports_ready) imports_ = std::move(f.imports), imports_ready_ = true, f.imports_ready = false;
  if (!f.typing_names.empty()) typing_names_ = std::move(f.typing_names), f.typing_names.clear();
  if (f.global_reads_ready) global_reads_ = std::move(f.global_reads), global_reads_ready_ = true, f.global_reads_ready = false;
  if (f.mixed_reads_ready) mixed_reads_ = std::move(f.mixed_reads), mixed_reads_ready_ = true, f.mixed_reads_ready = false;
}

namespace {

// Stubs the all-static lowering of the module surely has, counted without
// lowering anything: every class (only dynamic lowerings model classes) and
// every function that Lowerer::function() gives up on before its body (the
// same checks, in all-static mode where mentions_class does not apply).
size_t static_stub_floor(const sema::TypedModule& tm) {
  const ast::Module& m = *tm.ast;
  const Types& T = tm.types;
  size_t n = tm.classes.size();
  for (uint32_t f = 0; f < tm.funcs.size(); ++f) {
    const sema::Function& fn = tm.funcs[f];
    if (fn.cls >= 0 || fn.parent >= 0 || (f == 0 && !tm.is_program)) continue;
    bool gives_up = !fn.unsupported.empty() || (f != 0 && T.has_dyn(fn.ret));
    for (uint32_t p : fn.params) gives_up |= T.has_dyn(fn.vars[p].type);
    for (const sema::Var& v : fn.vars) gives_up |= !v.is_param && T.has_dyn(v.type);
    if (fn.node != kNone && !m.list_of(fn.node, fld::FunctionDef::decorator_list).empty()) gives_up = true;
    for (uint32_t p : fn.params) {
      NodeId d = fn.vars[p].default_value;
      if (d != kNone && m.kind(d) != Kind::Constant && m.kind(d) != Kind::UnaryOp) gives_up = true;
    }
    if (gives_up) ++n;
  }
  return n;
}

}  // namespace

LowerResult lower_module(const sema::TypedModule& tm, const lex::TokenBuffer* tokens, const LowerOptions& opts) {
  // Per function: static where the static lowering succeeds, dynamic
  // otherwise. Both sets are found by iteration (they only grow): which
  // functions can raise is only known after lowering their bodies, and a
  // function the static lowering gives up on (or whose signature a dynamic
  // caller cannot bridge) is lowered dynamically in the next round.
  std::set<uint32_t> fallible{0};
  std::set<uint32_t> dyn_fns;
  LowerResult mixed;
  ModuleFacts facts;
  std::map<uint32_t, Unsupported> why;  // first reason each function went dynamic
  // The rounds build into one tree: a unit whose inputs did not change keeps
  // its items from the round before (lower_cache.h).
  UnitCache cache;
  rust::Tree shared;
  std::set<uint32_t> static_classes = static_class_candidates(tm);  // only shrinks
  std::set<uint32_t> static_excs = static_exc_candidates(tm);       // only shrinks
  for (int round = 0; round < 32; ++round) {
    LowerResult out;
    out.tree = std::move(shared);
    std::set<uint32_t> fall_in = fallible;
    fall_in.insert(dyn_fns.begin(), dyn_fns.end());  // dynamic functions return PyResult
    Lowerer l(tm, tokens, opts, out, fall_in);
    l.set_mixed(&dyn_fns);
    l.set_cache(opts.reuse_units ? &cache : nullptr);
    l.set_static_classes(&static_classes);
    l.set_static_excs(&static_excs);
    l.take_facts(facts);
    l.module();
    l.give_facts(facts);
    bool changed = false;
    for (uint32_t f : l.fallible_out) changed |= fallible.insert(f).second;
    for (uint32_t f : l.static_failed_out) changed |= dyn_fns.insert(f).second;
    for (uint32_t f : l.force_dyn_out) changed |= dyn_fns.insert(f).second;
    for (auto& [f, w] : l.static_fail_why) why.emplace(f, w);
    for (uint32_t f : l.force_dyn_out) why.emplace(f, Unsupported{tm.funcs[f].node, "called with values a static signature cannot take"});
    {
      size_t classes_before = static_classes.size();
      changed |= drop_static_classes(tm, l, static_classes, dyn_fns, why);
      // Which classes are structs is read everywhere types are: nothing lowered before is reused.
      if (static_classes.size() != classes_before) cache.units.clear();
      if (drop_static_excs(tm, l, static_classes, static_excs, dyn_fns, why)) changed = true, cache.units.clear();
    }
    if (round == 0 && !changed && out.stubs == 0) return out;  // all static
    if (!changed || round == 31) {
      mixed = std::move(out);
      // A nested def is reported with the function around it: say why it was not static.
      for (uint32_t f : dyn_fns) {
        int p = tm.funcs[f].parent;
        auto pw = why.find(static_cast<uint32_t>(p)), cw = why.find(f);
        if (p >= 0 && pw != why.end() && cw != why.end() && pw->second.what.rfind("nested function " + tm.funcs[f].name + " ", 0) == 0)
          pw->second.what = "nested function " + tm.funcs[f].name + ": " + cw->second.what;
      }
      for (uint32_t f : dyn_fns) {
        if ((f == 0 && !tm.is_program) || tm.funcs[f].parent >= 0) continue;
        auto w = why.find(f);
        const sema::Function& fn = tm.funcs[f];
        std::string fname = f == 0 ? "the module body" : (fn.cls >= 0 ? tm.classes[fn.cls].name + "." : "") + fn.name;
        NodeId at = w == why.end() || w->second.node == kNone ? fn.node : w->second.node;
        Diagnostic d;
        d.id = DiagId::DynamicFallback;
        if (at != kNone && at < tm.ast->node_count()) {
          d.line = tm.ast->pos(at).lineno;
          d.column = tm.ast->pos(at).col_offset + 1;
        }
        d.message = fname + " is lowered dynamically: " + (w == why.end() ? "lowered dynamically" : w->second.what);
        mixed.diagnostics.push_back(std::move(d));
      }
      break;
    }
    shared = std::move(out.tree);
  }
  if (mixed.stubs == 0) return mixed;
  // Some functions are stubs in both modes: keep whichever translation has
  // fewest stubs: the whole module static, the mix, or the whole module
  // dynamic (ties: in that order).
  LowerResult dyn;
  std::set<uint32_t> all;
  for (uint32_t f = 0; f < tm.funcs.size(); ++f) all.insert(f);
  // Built into the mix's tree: the mix's units that met only dynamic
  // functions are the same in the all-dynamic lowering (is_dyn_fn is true
  // for every function there, and `mixed()` only matters for static ones).
  dyn.tree = std::move(mixed.tree);
  Lowerer d(tm, tokens, opts, dyn, all, true);
  // Its classes are all dynamic: the mix's units that met a static class differ.
  d.set_cache(opts.reuse_units && static_classes.empty() ? &cache : nullptr);
  d.take_facts(facts);
  d.module();
  d.give_facts(facts);
  auto pick_mixed = [&]() {
    mixed.tree = std::move(dyn.tree);
    return std::move(mixed);
  };
  // The all-static lowering is only finished (iterated until its fallible
  // set is stable) when it wins. It has at least static_stub_floor stubs; and
  // which functions it stubs does not depend on the fallible set (that only
  // adds `?` and `Ok`), so its first round already tells its stub count.
  if (static_stub_floor(tm) > mixed.stubs) return dyn.stubs < mixed.stubs ? std::move(dyn) : pick_mixed();
  fallible = {0};
  for (int round = 0; round < 16; ++round) {
    LowerResult out;
    Lowerer l(tm, tokens, opts, out, fallible);
    l.take_facts(facts);
    l.module();
    l.give_facts(facts);
    if (round == 0) {
      if (dyn.stubs < mixed.stubs && dyn.stubs < out.stubs) return dyn;
      if (out.stubs > mixed.stubs) return pick_mixed();
    }
    size_t before = fallible.size();
    fallible.insert(l.fallible_out.begin(), l.fallible_out.end());
    // Same work done as the mix: keep the typed stub signatures.
    if (fallible.size() == before || round == 15) return out;
  }
  return pick_mixed();  // not reached
}

}  // namespace portalis::lower
