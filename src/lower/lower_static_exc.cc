// User-defined exception classes in static functions.
//
// An exception class whose __init__ only calls `super().__init__(..)` and
// sets fields (`self.needed = needed`) becomes a Rust struct of those fields
// plus `C::init(class, ..) -> PyException`: the runtime's exception with the
// class name, its `args`, and the struct as payload. `raise C(..)` (or a
// subclass that inherits the __init__) calls it; body-less classes are a
// name and args as before (lower_static_try.cc). A handler for class C
// reads `e.field` from the payload when every class it catches shares one
// fields struct, and `e.args` as the tuple type sema found (infer_exc.cc).
// Hierarchies, multiple bases included, live in the runtime's class table
// (`register_class` at the start of main): `except ValueError` and
// `isinstance(e, C)` test by name through it.
//
// Dynamic code knows these classes only by name and args, so a class that
// dynamic code touches (or a relative of one) is lowered dynamically
// (drop_static_excs), as is one whose __init__ does anything else.
#include "ast/walk.h"
#include "lower/lower_impl.h"
#include "sema/infer_exc.h"

namespace portalis::lower {

namespace {

bool is_docstring_or_pass(const ast::Module& m, NodeId s) {
  return m.kind(s) == Kind::Pass || (m.kind(s) == Kind::Expr && m.kind(m.slot(s, fld::Expr::value)) == Kind::Constant);
}

// A class body of pass/docstrings only.
bool plain_body(const ast::Module& m, uint32_t ci, const sema::TypedModule& tm) {
  for (NodeId st : m.list_of(tm.classes[ci].node, fld::ClassDef::body))
    if (!is_docstring_or_pass(m, st)) return false;
  return true;
}

// Whether function f's own code reads an attribute other than `args` of
// an exception its handlers bind, or raises one by name.
bool reads_caught_fields(const sema::TypedModule& tm, uint32_t f) {
  const ast::Module& m = *tm.ast;
  bool found = false;
  auto visit = [&](NodeId n) {
    if (found || m.kind(n) != Kind::ExceptHandler || m.slot(n, fld::ExceptHandler::name) == kNone) return;
    std::string_view name = m.str(m.slot(n, fld::ExceptHandler::name));
    for (NodeId st : m.list_of(n, fld::ExceptHandler::body))
      ast::walk(m, st, [&](NodeId x) {
        auto is_name = [&](NodeId v) { return v != kNone && m.kind(v) == Kind::Name && m.str(m.slot(v, fld::Name::id)) == name; };
        if (m.kind(x) == Kind::Attribute && is_name(m.slot(x, fld::Attribute::value)) && m.str(m.slot(x, fld::Attribute::attr)) != "args")
          found = true;
        if (m.kind(x) == Kind::Raise && is_name(m.slot(x, fld::Raise::exc))) found = true;
      });
  };
  const sema::Function& fn = tm.funcs[f];
  if (fn.node != kNone) {
    ast::walk(m, fn.node, visit);
  } else {
    for (NodeId s : m.list_of(m.root(), fld::Module::body))
      if (m.kind(s) != Kind::FunctionDef && m.kind(s) != Kind::ClassDef) ast::walk(m, s, visit);
  }
  return found;
}

}  // namespace

std::set<uint32_t> static_exc_candidates(const sema::TypedModule& tm) {
  const ast::Module& m = *tm.ast;
  std::set<uint32_t> out;
  for (uint32_t ci = 0; ci < tm.classes.size(); ++ci) {
    const sema::ClassInfo& c = tm.classes[ci];
    if (!sema::is_exc_class(tm, ci) || c.methods.size() != 1 || !c.methods.count("__init__")) continue;
    if (!m.list_of(c.node, fld::ClassDef::decorator_list).empty() || !m.list_of(c.node, fld::ClassDef::keywords).empty()) continue;
    bool ok = true;
    for (NodeId st : m.list_of(c.node, fld::ClassDef::body))
      if (!is_docstring_or_pass(m, st) && m.kind(st) != Kind::FunctionDef) ok = false;
    // Bases: builtin exceptions, plain module exception classes, or candidates.
    for (NodeId bn : m.list_of(c.node, fld::ClassDef::bases)) {
      if (m.kind(bn) != Kind::Name) {
        ok = false;
        continue;
      }
      std::string_view n = m.str(m.slot(bn, fld::Name::id));
      auto b = tm.class_by_name.find(n);
      if (b == tm.class_by_name.end()) ok = ok && is_builtin_exception(n);
      else ok = ok && (out.count(b->second) || (plain_body(m, b->second, tm) && sema::is_exc_class(tm, b->second)));
    }
    const sema::Function& init = tm.funcs[c.methods.at("__init__")];
    if (!m.list_of(init.node, fld::FunctionDef::decorator_list).empty() || init.is_static || init.vararg >= 0 ||
        init.kwarg >= 0 || !init.kwonly.empty() || init.posonly > 0)
      ok = false;
    for (uint32_t p : init.params)
      if (init.vars[p].default_value != kNone) ok = false;
    if (ok) out.insert(ci);
  }
  return out;
}

bool drop_static_excs(const sema::TypedModule& tm, const Lowerer& l, const std::set<uint32_t>& static_classes,
                      std::set<uint32_t>& excs, std::set<uint32_t>& dyn_fns, std::map<uint32_t, Unsupported>& why) {
  bool changed = false;
  auto drop = [&](uint32_t ci, const std::string& reason) {
    if (!excs.erase(ci)) return;
    changed = true;
    uint32_t f = tm.classes[ci].methods.at("__init__");
    dyn_fns.insert(f);
    why.emplace(f, Unsupported{tm.funcs[f].node, reason});
  };
  for (uint32_t ci : l.exc_failed_out) drop(ci, "exception class " + tm.classes[ci].name + ": its __init__ is not static");
  // Dynamic code raises and reads these classes by name and args only.
  for (bool again = !excs.empty(); again && !excs.empty();) {
    again = false;
    for (uint32_t f = 0; f < tm.funcs.size(); ++f) {
      int cls = tm.funcs[f].cls;
      bool dynamic = dyn_fns.count(f) > 0 ||
                     (cls >= 0 && !static_classes.count(static_cast<uint32_t>(cls)) && !excs.count(static_cast<uint32_t>(cls)));
      if (!dynamic || (f == 0 && !tm.is_program)) continue;
      // A caught exception seen by dynamic code is an object with the args
      // only: reading a field of it, or raising it again by name, loses the
      // fields of any class lowered here.
      if (reads_caught_fields(tm, f))
        for (uint32_t ci : std::set<uint32_t>(excs))
          if (!tm.classes[ci].fields.empty()) {
            drop(ci, "a caught exception's fields used by dynamic " + (f == 0 ? std::string("<module>") : tm.funcs[f].name));
            again = true;
          }
      std::set<uint32_t> touched = classes_touched_by(tm, f);
      for (uint32_t ci : std::set<uint32_t>(excs))
        for (uint32_t t : touched)
          if (t != static_cast<uint32_t>(cls) && (sema::exc_derives(tm, t, ci) || sema::exc_derives(tm, ci, t))) {
            std::string fname = f == 0 ? "<module>" : tm.funcs[f].name;
            drop(ci, "exception class " + tm.classes[ci].name + " used by dynamic " + fname);
            again = true;
            break;
          }
    }
  }
  return changed;
}

bool Lowerer::s_static_exc(int ci) const {
  return ci >= 0 && !dyn_ && static_excs_ != nullptr && static_excs_->count(static_cast<uint32_t>(ci)) > 0;
}

bool Lowerer::s_exc_class(uint32_t ci, Ids& items) {
  if (!s_static_exc(static_cast<int>(ci))) return false;
  const sema::ClassInfo& c = tm_.classes[ci];
  exception_classes_.insert(c.name);
  uint32_t f = c.methods.at("__init__");
  const sema::Function& fn = tm_.funcs[f];
  begin_function(f);
  hoisted_.clear();
  Ids params{b_.param("class", b_.ty_ref(b_.ty("str")))};
  Ids ctor_args;
  for (uint32_t p : fn.params) {
    const sema::Var& v = fn.vars[p];
    if (T.has_dyn(v.type) || T.has_unknown(v.type) || !bridgeable(v.type)) fail(fn.node, "exception parameter " + v.name + " of type " + T.name(v.type));
    std::string rn = local_name(v.name);
    RId ty = param_type(v);
    params.push_back(b_.param(rn, ty, false));
    Form form = Form::Place;
    if (b_.tree().node(ty).kind == rust::RKind::TyRef) form = (b_.tree().node(ty).flags & rust::kMut) ? Form::MutRef : Form::Borrowed;
    bind(v.name, {rn, v.type, form});
    ctor_args.push_back(b_.call(b_.path("rt::value::ToValue::to_value"), {b_.ref(b_.path(rn))}));
  }
  for (auto& fd : c.fields)
    if (T.has_dyn(fd.second) || T.has_unknown(fd.second) || mentions_class(fd.second))
      fail(fn.node, "exception field " + fd.first + " of type " + T.name(fd.second));
  auto pos = list_of(slot(fn.node, fld::FunctionDef::args), fld::arguments::args);
  std::string self = pos.empty() ? "" : std::string(ident(pos[0], fld::arg::arg));
  // The body: the base's __init__ (args) and field stores, in order.
  Ids body;
  bool has_super = false;
  std::set<std::string> stored;
  const std::string exc = "exc";
  Ids stmts;
  for (NodeId s : list_of(fn.node, fld::FunctionDef::body)) {
    cur_stmt_ = s;
    if (is_docstring_or_pass(m_, s)) continue;
    if (NodeId call = sema::exc_super_init_call(tm_, f, s); call != kNone) {
      auto args = list_of(call, fld::Call::args);
      size_t first = kind(slot(slot(call, fld::Call::func), fld::Attribute::value)) == Kind::Name ? 1 : 0;
      if (!list_of(call, fld::Call::keywords).empty()) fail(call, "keywords to the base __init__");
      Ids vals;
      for (size_t i = first; i < args.size(); ++i) {
        if (kind(args[i]) == Kind::Starred) {
          fail(args[i], "starred argument to the base __init__");
          continue;
        }
        LE v = expr(args[i]);
        if (!bridgeable(v.ty)) fail(args[i], "exception argument of type " + T.name(v.ty));
        vals.push_back(b_.call(b_.path("rt::value::ToValue::to_value"), {borrow(v)}));
      }
      stmts.push_back(b_.expr_stmt(b_.call(rt("exc_fields::set_args"), {b_.ref_mut(b_.path(exc)), b_.macro("vec", vals, true)})));
      has_super = true;
      continue;
    }
    if (kind(s) == Kind::Assign && list_of(s, fld::Assign::targets).size() == 1) {
      NodeId t = list_of(s, fld::Assign::targets)[0];
      if (kind(t) == Kind::Attribute && kind(slot(t, fld::Attribute::value)) == Kind::Name && ident(slot(t, fld::Attribute::value), fld::Name::id) == self) {
        std::string name(ident(t, fld::Attribute::attr));
        TypeId ft = Types::kUnknown;
        for (auto& fd : c.fields)
          if (fd.first == name) ft = fd.second;
        if (ft == Types::kUnknown) {
          fail(t, "exception field " + name);
          continue;
        }
        LE v = expr_as(slot(s, fld::Assign::value), ft);
        RId val = coerce(v, ft);
        std::string local = "field_" + rust::snake_case(name);
        if (stored.insert(name).second) stmts.push_back(b_.let(local, rust_type(ft), val, true));
        else stmts.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.path(local), val)));
        continue;
      }
    }
    fail(s, "statement in an exception class's __init__");
  }
  cur_stmt_ = kNone;
  for (auto& fd : c.fields)
    if (!stored.count(fd.first)) fail(fn.node, "exception field " + fd.first + " not set by __init__");
  body.push_back(b_.let(exc, kNil, b_.call(rt("exc_fields::new"), {b_.path("class"), b_.macro("vec", has_super ? Ids{} : ctor_args, true)}), true));
  body.insert(body.end(), stmts.begin(), stmts.end());
  bool fallible = fallible_in_.count(f) > 0;
  RId result = b_.path(exc);
  if (!c.fields.empty()) {
    Ids inits;
    for (auto& fd : c.fields) inits.push_back(b_.field_init(rust::escape_ident(fd.first), b_.path("field_" + rust::snake_case(fd.first))));
    result = b_.method(result, "with_payload", {b_.struct_lit(s_class_name(ci), inits)});
  }
  if (!unsupported_.empty()) {
    for (auto& u : unsupported_) diag(u.node, DiagId::Unsupported, "unsupported: " + u.what);
    exc_failed_out.insert(ci);
    exception_classes_.erase(c.name);
    return false;  // lowered dynamically (d_class) this round: the next one drops the class
  }
  if (used_try_ || fallible) fallible_out.insert(f);
  RId ret = b_.ty("PyException");
  if (fallible) {
    ret = b_.ty("PyResult", {ret});
    result = b_.call(b_.path("Ok"), {result});
  }
  Ids fields;
  for (auto& fd : c.fields) fields.push_back(b_.field_def(rust::escape_ident(fd.first), rust_type(fd.second)));
  items.push_back(b_.struct_(s_class_name(ci), fields, "", "The fields of Python's exception class `" + c.name + "` (the payload of its PyException)."));
  RId init = b_.fn("init", params, ret, b_.block(body, result), true,
                   "Python's `" + c.name + "(...)`: the exception its `__init__` builds (`class` names the class raised).");
  items.push_back(b_.impl(s_class_name(ci), kNil, {init}));
  ++out_.functions_static;
  return true;
}

bool Lowerer::s_raise_exc(NodeId s, Ids& out) {
  NodeId x = slot(s, fld::Raise::exc);
  if (x == kNone || slot(s, fld::Raise::cause) != kNone) return false;
  if (kind(x) == Kind::Name) {
    // `raise e` of a caught exception.
    const Binding* b = lookup(ident(x, fld::Name::id));
    if (!b || T.kind(b->ty) != TyKind::Exc) return false;
    used_try_ = true;
    out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Err"), {b_.method(b_.path(b->rust), "clone", {})}))));
    return true;
  }
  if (kind(x) != Kind::Call || kind(slot(x, fld::Call::func)) != Kind::Name) return false;
  std::string_view n = ident(slot(x, fld::Call::func), fld::Name::id);
  auto it = tm_.class_by_name.find(n);
  if (lookup(n) || it == tm_.class_by_name.end()) return false;
  int owner = sema::exc_init_owner(tm_, it->second);
  if (owner == -1) return false;  // BaseException's __init__: a name and args
  if (owner < 0 || !s_static_exc(owner) || !d_is_exception_class(n)) {
    fail(s, "raise of " + std::string(n));
    return true;
  }
  used_try_ = true;
  call_self_arg_ = b_.str_lit(n);
  call_name_override_ = s_class_name(static_cast<uint32_t>(owner)) + "::init";
  LE made = call_user(x, tm_.classes[static_cast<uint32_t>(owner)].methods.at("__init__"));
  call_self_arg_ = kNil;
  call_name_override_.clear();
  out.push_back(b_.expr_stmt(b_.return_(b_.call(b_.path("Err"), {made.id}))));
  return true;
}

LE Lowerer::s_exc_attr(NodeId e) {
  // `type(e).__name__`
  if (NodeId xa = sema::exc_type_name_arg(m_, e); xa != kNone && T.kind(tm_.type_of(xa)) == TyKind::Exc) {
    LE v = expr(xa);
    return {b_.method(b_.method(v.id, "class_name", {}), "to_string", {}), Types::kStr, Form::Owned};
  }
  NodeId on = slot(e, fld::Attribute::value);
  if (T.kind(tm_.type_of(on)) != TyKind::Exc) return {kNil, Types::kUnknown, Form::Owned};
  TypeId t = tm_.type_of(e);
  std::string_view attr = ident(e, fld::Attribute::attr);
  NodeId h = kind(on) == Kind::Name ? sema::exc_binding_handler(s_exc_handlers_, ident(on, fld::Name::id)) : kNone;
  int ci = h == kNone ? -1 : sema::exc_handler_class(tm_, h);
  if (ci < 0 || T.has_dyn(t) || T.has_unknown(t)) {
    fail(e, "attribute " + std::string(attr) + " of an exception");
    return {b_.tuple({}), t, Form::Owned};
  }
  // Every class the handler catches must be one this lowering builds.
  for (uint32_t d = 0; d < tm_.classes.size(); ++d)
    if (sema::exc_derives(tm_, d, static_cast<uint32_t>(ci)) && !d_is_exception_class(tm_.classes[d].name)) {
      fail(e, "attribute " + std::string(attr) + " of " + tm_.classes[static_cast<uint32_t>(ci)].name + " (class " +
                  tm_.classes[d].name + " is dynamic)");
      return {b_.tuple({}), t, Form::Owned};
    }
  LE v = expr(on);
  if (attr == "args") {
    Ids elems;
    const sema::TypeRec& r = T.get(t);
    for (size_t i = 0; i < r.args.size(); ++i)
      elems.push_back(try_(b_.call_turbofish("rt::exc_fields::arg", {rust_type(r.args[i])}, {b_.ref(v.id), b_.int_lit_text(std::to_string(i))})));
    return {b_.tuple(elems), t, Form::Owned};
  }
  int owner = -1;
  sema::exc_field_type(const_cast<sema::TypedModule&>(tm_), static_cast<uint32_t>(ci), attr, &owner);
  if (owner < 0 || !s_static_exc(owner)) {
    fail(e, "attribute " + std::string(attr) + " of an exception");
    return {b_.tuple({}), t, Form::Owned};
  }
  RId fields = try_(b_.call_turbofish("rt::exc_fields::fields", {b_.ty(s_class_name(static_cast<uint32_t>(owner)))},
                                      {b_.ref(v.id), b_.str_lit(attr)}));
  RId read = b_.field(fields, rust::escape_ident(attr));
  return {T.is_copy(t) ? read : b_.method(read, "clone", {}), t, Form::Owned};
}

LE Lowerer::s_exc_call(NodeId e, std::string_view n) {
  auto args = list_of(e, fld::Call::args);
  if (n != "isinstance" || args.size() != 2 || lookup(n) || T.kind(tm_.type_of(args[0])) != TyKind::Exc) return {kNil, Types::kUnknown, Form::Owned};
  std::vector<NodeId> names;
  if (kind(args[1]) == Kind::Name) names.push_back(args[1]);
  else if (kind(args[1]) == Kind::Tuple)
    for (NodeId t : list_of(args[1], fld::Tuple::elts)) names.push_back(t);
  LE v = expr(args[0]);
  RId test = kNil;
  for (NodeId c : names) {
    std::string_view cn = kind(c) == Kind::Name ? ident(c, fld::Name::id) : std::string_view();
    if (cn.empty() || lookup(cn) || !(d_is_exception_class(cn) || tm_.class_by_name.count(cn))) {
      fail(c, "isinstance of an exception against a computed class");
      return {b_.bool_lit(false), Types::kBool, Form::Owned};
    }
    RId one = b_.method(v.id, "is_instance_of", {b_.str_lit(cn)});
    test = test == kNil ? one : b_.binary(Op::Or, test, one);
  }
  if (test == kNil) test = b_.bool_lit(false);
  return {test, Types::kBool, Form::Owned};
}

}  // namespace portalis::lower
