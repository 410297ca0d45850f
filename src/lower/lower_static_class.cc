// Static classes: a Python class whose methods and users all lower
// statically becomes a Rust struct with typed fields plus an impl block.
//
// Instances have reference semantics in Python (aliasing, mutation through
// any alias), so an instance is an `Rc<RefCell<C>>`: cloning it aliases,
// `borrow()` reads a field and `borrow_mut()` stores one. Methods are
// associated functions taking `self_: &Rc<RefCell<C>>`; `C::new(..)` runs
// `__init__` on a default-valued struct.
//
// RefCell borrows are checked at run time, so no borrow may be alive while
// another one of the same object starts: a store evaluates its value into a
// local first, and a field read inside a statement that also calls the
// module's functions or stores fields is scoped (`{ let v = o.borrow().f.clone(); v }`),
// so its guard is gone before the call runs.
//
// A class stays dynamic (lower_class.cc) when anything about it is beyond
// this lowering: inheritance, decorators, class attributes, dunders other
// than __init__, a method that fails statically, or a dynamic function
// that touches its instances (there is no Value bridge for them).
#include <functional>

#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {

bool has_decorators(const ast::Module& m, NodeId def, uint32_t field) { return !m.list_of(def, field).empty(); }

bool type_mentions(const Types& T, TypeId t, uint32_t ci) {
  const sema::TypeRec& r = T.get(t);
  if (r.kind == TyKind::Class && r.cls == ci) return true;
  for (TypeId a : r.args)
    if (type_mentions(T, a, ci)) return true;
  return false;
}

bool type_bridgeable(const sema::TypedModule& tm, const std::set<uint32_t>& statics, TypeId t) {
  const sema::TypeRec& r = tm.types.get(t);
  switch (r.kind) {
    case TyKind::Int: case TyKind::Float: case TyKind::Bool: case TyKind::Str: case TyKind::None: case TyKind::Num: return true;
    case TyKind::Class: return statics.count(r.cls) > 0;
    case TyKind::List: case TyKind::Set: case TyKind::Dict: case TyKind::Tuple:
      if (r.kind == TyKind::Tuple && (r.args.empty() || r.args.size() > 6)) return false;
      for (TypeId a : r.args)
        if (!type_bridgeable(tm, statics, a)) return false;
      return true;
    default: return false;
  }
}

// Whether dynamic code can use the class's instances: every field and
// method signature converts to and from Value.
bool class_bridgeable(const sema::TypedModule& tm, const std::set<uint32_t>& statics, uint32_t ci) {
  if (inherit_root(tm, ci) >= 0) return false;  // hierarchies have no handles (lower_static_inherit.cc)
  const sema::ClassInfo& c = tm.classes[ci];
  if (c.dataclass) return false;  // the handles' class has no generated dunders (lower_static_dataclass.cc)
  for (auto& fd : c.fields)
    if (!type_bridgeable(tm, statics, fd.second)) return false;
  for (auto& [name, f] : c.methods) {
    const sema::Function& fn = tm.funcs[f];
    if (tm.types.kind(fn.ret) != TyKind::None && !type_bridgeable(tm, statics, fn.ret)) return false;
    for (uint32_t p : fn.params) {
      const sema::Var& v = fn.vars[p];
      TyKind k = tm.types.kind(v.type);
      if (!type_bridgeable(tm, statics, v.type)) return false;
      if ((k == TyKind::List || k == TyKind::Dict || k == TyKind::Set) && v.mutated) return false;
      NodeId d = v.default_value;
      if (d != kNone && tm.ast->kind(d) != Kind::Constant) return false;
    }
  }
  return true;
}

// What dynamic function f does with instances of static classes that the
// handles cannot do: the classes it must keep dynamic.
std::set<uint32_t> unbridged_uses(const sema::TypedModule& tm, const std::set<uint32_t>& statics, uint32_t f) {
  const ast::Module& m = *tm.ast;
  const Types& T = tm.types;
  std::set<uint32_t> touched = classes_touched_by(tm, f), out;
  for (uint32_t ci : touched)
    if (statics.count(ci) && !class_bridgeable(tm, statics, ci)) out.insert(ci);
  if (touched.empty()) return out;
  const sema::Function& fn = tm.funcs[f];
  std::vector<NodeId> roots;
  if (fn.node != kNone) roots.push_back(fn.node);
  else
    for (NodeId st : m.list_of(m.root(), fld::Module::body))
      if (m.kind(st) != Kind::FunctionDef && m.kind(st) != Kind::ClassDef) roots.push_back(st);
  // Container fields come to dynamic code as copies: only reads that
  // cannot change them or keep them are fine.
  std::set<NodeId> read_only, callee;
  for (NodeId root : roots)
    ast::walk(m, root, [&](NodeId n) {
      Kind k = m.kind(n);
      if (k == Kind::Subscript) read_only.insert(m.slot(n, fld::Subscript::value));
      if (k == Kind::For) read_only.insert(m.slot(n, fld::For::iter));
      if (k == Kind::comprehension) read_only.insert(m.slot(n, fld::comprehension::iter));
      if (k == Kind::Call) {
        NodeId fnode = m.slot(n, fld::Call::func);
        callee.insert(fnode);
        // Builtins that only read their argument (or copy it anyway).
        static const std::set<std::string_view> readers = {"len", "print", "sum", "min", "max", "sorted", "list", "tuple",
                                                           "set", "str", "repr", "any", "all", "enumerate"};
        if (m.kind(fnode) == Kind::Name && readers.count(m.str(m.slot(fnode, fld::Name::id))))
          for (NodeId a : m.list_of(n, fld::Call::args)) read_only.insert(a);
        // isinstance(x, C) tests the handle's class by name.
        if (m.kind(fnode) == Kind::Name && m.str(m.slot(fnode, fld::Name::id)) == "isinstance" && m.list_of(n, fld::Call::args).size() == 2)
          callee.insert(m.list_of(n, fld::Call::args)[1]);
      }
    });
  bool type_tests = false;
  for (NodeId root : roots)
    ast::walk(m, root, [&](NodeId n) {
      Kind k = m.kind(n);
      if (k == Kind::Name) {
        std::string_view id = m.str(m.slot(n, fld::Name::id));
        if (id == "type" || id == "issubclass" || id == "vars" || id == "getattr" || id == "setattr" ||
            id == "hasattr" || id == "delattr")
          type_tests = true;
        auto c = tm.class_by_name.find(id);
        if (c != tm.class_by_name.end() && statics.count(c->second) && !callee.count(n)) out.insert(c->second);
      }
      if (k == Kind::Attribute) {
        TypeId ot = tm.type_of(m.slot(n, fld::Attribute::value));
        if (T.kind(ot) != TyKind::Class || !statics.count(T.get(ot).cls)) return;
        TyKind fk = T.kind(tm.type_of(n));
        if ((fk == TyKind::List || fk == TyKind::Dict || fk == TyKind::Set || fk == TyKind::Tuple) && !read_only.count(n))
          out.insert(T.get(ot).cls);
      }
      if (k == Kind::Delete) type_tests = true;
    });
  if (type_tests)
    for (uint32_t ci : touched)
      if (statics.count(ci)) out.insert(ci);
  return out;
}

}  // namespace

bool s_is_static_dunder(std::string_view name) {
  // The dunders static classes lower: text, ==, <, len (lower_static_dunder.cc).
  return name == "__str__" || name == "__repr__" || name == "__eq__" || name == "__lt__" || name == "__len__";
}

std::set<uint32_t> static_class_candidates(const sema::TypedModule& tm) {
  const ast::Module& m = *tm.ast;
  const Types& T = tm.types;
  std::set<uint32_t> out;
  for (uint32_t ci = 0; ci < tm.classes.size(); ++ci) {
    const sema::ClassInfo& c = tm.classes[ci];
    bool dc = s_dataclass_shape(tm, ci);  // lower_static_dataclass.cc
    bool ok = (m.list_of(c.node, fld::ClassDef::bases).empty() || inherit_base_ok(tm, ci)) && (dc || !has_decorators(m, c.node, fld::ClassDef::decorator_list)) &&
              m.list_of(c.node, fld::ClassDef::keywords).empty();
    for (NodeId st : m.list_of(c.node, fld::ClassDef::body)) {
      Kind k = m.kind(st);
      if (dc && k == Kind::AnnAssign) continue;
      if (k == Kind::Pass || (k == Kind::Expr && m.kind(m.slot(st, fld::Expr::value)) == Kind::Constant)) continue;
      if (k != Kind::FunctionDef) ok = false;
    }
    for (auto& [name, f] : c.methods) {
      const sema::Function& fn = tm.funcs[f];
      if (has_decorators(m, fn.node, fld::FunctionDef::decorator_list) || fn.is_static) ok = false;
      if (name.size() > 4 && name.rfind("__", 0) == 0 && name != "__init__" && !s_is_static_dunder(name)) ok = false;
      if (name == "new") ok = false;  // the constructor's name
      // The first parameter is the instance (sema typed it).
      auto pos = m.list_of(m.slot(fn.node, fld::FunctionDef::args), fld::arguments::args);
      const sema::Var* self = pos.empty() ? nullptr : fn.find(m.str(m.slot(pos[0], fld::arg::arg)));
      if (!self || T.kind(self->type) != TyKind::Class || T.get(self->type).cls != ci) ok = false;
    }
    if (c.fields.empty() && c.methods.empty()) ok = false;  // a marker class: nothing to gain
    // A subclass (dynamic, as every subclass is for now) builds on its base's runtime class.
    for (uint32_t oi = 0; oi < tm.classes.size(); ++oi)
      for (NodeId bn : m.list_of(tm.classes[oi].node, fld::ClassDef::bases))
        if (m.kind(bn) == Kind::Name && m.str(m.slot(bn, fld::Name::id)) == c.name && !inherit_base_ok(tm, oi)) ok = false;
    for (auto& fd : c.fields)
      if (T.has_dyn(fd.second) || T.has_unknown(fd.second) || type_mentions(T, fd.second, ci)) ok = false;
    if (ok) out.insert(ci);
  }
  // Fields holding instances of a dynamic class keep the holder dynamic too.
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t ci : std::set<uint32_t>(out))
      for (auto& fd : tm.classes[ci].fields)
        for (uint32_t o = 0; o < tm.classes.size(); ++o)
          if (!out.count(o) && type_mentions(T, fd.second, o) && out.erase(ci)) changed = true;
    // A hierarchy is static as a whole or not at all.
    for (auto& [ci, why] : inherit_partial(tm, out)) changed |= out.erase(ci) > 0;
  }
  return out;
}

std::set<uint32_t> classes_touched_by(const sema::TypedModule& tm, uint32_t f) {
  // The classes whose name or instances appear in function f's own code.
  const ast::Module& m = *tm.ast;
  std::set<uint32_t> out;
  const sema::Function& fn = tm.funcs[f];
  // Each type is taken apart once (a module's nodes share few types).
  std::vector<bool> seen;
  std::function<void(TypeId)> note_type = [&](TypeId t) {
    if (t >= seen.size()) seen.resize(t + 1, false);
    if (seen[t]) return;
    seen[t] = true;
    const sema::TypeRec& r = tm.types.get(t);
    if (r.kind == TyKind::Class && r.cls < tm.classes.size()) out.insert(r.cls);
    for (TypeId a : r.args) note_type(a);
  };
  for (const sema::Var& v : fn.vars) note_type(v.type);
  note_type(fn.ret);
  auto visit = [&](NodeId n) {
    if (n < tm.owner.size() && tm.owner[n] != f) return;
    note_type(tm.type_of(n));
    if (m.kind(n) == Kind::Name) {
      auto it = tm.class_by_name.find(m.str(m.slot(n, fld::Name::id)));
      if (it != tm.class_by_name.end()) out.insert(it->second);
    }
  };
  if (fn.node != kNone) {
    ast::walk(m, fn.node, visit);
  } else {
    for (NodeId s : m.list_of(m.root(), fld::Module::body)) {
      Kind k = m.kind(s);
      if (k == Kind::FunctionDef || k == Kind::ClassDef) continue;
      ast::walk(m, s, visit);
    }
  }
  return out;
}

bool drop_static_classes(const sema::TypedModule& tm, const Lowerer& l, std::set<uint32_t>& static_classes,
                         std::set<uint32_t>& dyn_fns, std::map<uint32_t, Unsupported>& why) {
  bool changed = false;
  auto drop = [&](uint32_t ci, const std::string& reason) {
    if (!static_classes.erase(ci)) return;
    changed = true;
    for (auto& [name, f] : tm.classes[ci].methods) {
      dyn_fns.insert(f);
      why.emplace(f, Unsupported{tm.funcs[f].node, reason});
    }
  };
  for (uint32_t ci : l.class_failed_out) drop(ci, "class " + tm.classes[ci].name + " has a method lowered dynamically");
  // Nothing below can drop a class when none is left (the common case: a
  // module whose classes all have bases or decorators).
  if (static_classes.empty()) return changed;
  // Dynamic code reaches static instances through handles (rt::native),
  // except for what unbridged_uses finds.
  for (bool again = true; again;) {
    again = false;
    for (uint32_t f = 0; f < tm.funcs.size(); ++f) {
      int cls = tm.funcs[f].cls;
      bool dynamic = dyn_fns.count(f) > 0 || (cls >= 0 && !static_classes.count(static_cast<uint32_t>(cls)));
      if (!dynamic || (f == 0 && !tm.is_program)) continue;
      for (uint32_t ci : unbridged_uses(tm, static_classes, f)) {
        if (!static_classes.count(ci)) continue;
        std::string fname = f == 0 ? "<module>" : tm.funcs[f].name;
        drop(ci, "instances of " + tm.classes[ci].name + " used by dynamic " + fname);
        again = true;
      }
    }
    for (auto& [ci, reason] : inherit_partial(tm, static_classes)) {
      drop(ci, reason);
      again = true;
    }
    // A struct cannot hold instances of a dynamic class.
    for (uint32_t ci : std::set<uint32_t>(static_classes))
      for (auto& fd : tm.classes[ci].fields)
        for (uint32_t o = 0; o < tm.classes.size(); ++o)
          if (!static_classes.count(o) && type_mentions(tm.types, fd.second, o) && static_classes.count(ci)) {
            drop(ci, "class " + tm.classes[ci].name + " holds instances of dynamic " + tm.classes[o].name);
            again = true;
          }
  }
  return changed;
}

bool Lowerer::is_static_class(int ci) const {
  return ci >= 0 && !dyn_ && static_classes_ != nullptr && static_classes_->count(static_cast<uint32_t>(ci)) > 0;
}

// The methods class ci defines, in source order, into its impl.
void Lowerer::s_class_methods(uint32_t ci, Ids& impl_items) {
  const sema::ClassInfo& c = tm_.classes[ci];
  for (NodeId st : list_of(c.node, fld::ClassDef::body)) {
    if (kind(st) != Kind::FunctionDef) continue;
    auto m = c.methods.find(ident(st, fld::FunctionDef::name));
    if (m == c.methods.end() || tm_.funcs[m->second].node != st) continue;
    fn_name_override_ = s_method_name(m->second);
    impl_items.push_back(function(m->second));
    fn_name_override_.clear();
    if (static_failed_out.count(m->second)) class_failed_out.insert(ci);
  }
}

std::string Lowerer::s_class_name(uint32_t ci) const {
  int root = s_root(ci);  // a hierarchy is one struct, named after its root
  return rust::camel_case(tm_.classes[root >= 0 ? static_cast<uint32_t>(root) : ci].name);
}

RId Lowerer::s_class_type(uint32_t ci) { return b_.ty("Obj", {b_.ty(s_class_name(ci))}); }

std::string Lowerer::s_method_name(uint32_t f) const {
  const std::string& n = tm_.funcs[f].name;
  if (n == "__init__" && (tm_.funcs[f].cls < 0 || s_root(static_cast<uint32_t>(tm_.funcs[f].cls)) < 0)) return "init";
  // In a hierarchy's one impl, each class's method is prefixed by the class.
  int cls = tm_.funcs[f].cls;
  std::string pre = cls >= 0 && s_root(static_cast<uint32_t>(cls)) >= 0 ? rust::snake_case(tm_.classes[static_cast<uint32_t>(cls)].name) + "_" : "";
  if (n == "__init__" && !pre.empty()) return pre + "init";
  if (s_is_static_dunder(n)) return pre + "dunder_" + n.substr(2, n.size() - 4);
  return pre.empty() ? rust::escape_ident(rust::snake_case(n)) : pre + rust::snake_case(n);
}

void Lowerer::s_self_param(uint32_t f, Ids& params) {
  const sema::Function& fn = tm_.funcs[f];
  NodeId a = slot(fn.node, fld::FunctionDef::args);
  auto pos = list_of(a, fld::arguments::args);
  std::string py = pos.empty() ? "self" : std::string(ident(pos[0], fld::arg::arg));
  const sema::Var* v = fn.find(py);
  if (!v || T.kind(v->type) != TyKind::Class) {
    fail(fn.node, "method without an instance parameter");
    return;
  }
  params.push_back(b_.param("self_", b_.ty_ref(s_class_type(static_cast<uint32_t>(fn.cls)))));
  bind(py, {"self_", v->type, Form::Borrowed});
}

void Lowerer::s_class(uint32_t ci, Ids& items) {
  if (s_inherit_class(ci, items)) return;
  const sema::ClassInfo& c = tm_.classes[ci];
  Ids fields;
  for (auto& fd : c.fields) fields.push_back(b_.field_def(rust::escape_ident(fd.first), rust_type(fd.second)));
  std::string doc = docstring(list_of(c.node, fld::ClassDef::body));
  items.push_back(b_.struct_(s_class_name(ci), fields, "Default", doc.empty() ? "Python's class `" + c.name + "`." : doc));
  Ids impl_items;
  // `new`: the struct with default fields, then __init__ on it.
  if (c.dataclass) s_dc_new(ci, impl_items);  // the generated __init__ (lower_static_dataclass.cc)
  auto it = c.methods.find("__init__");
  Ids params, args{b_.ref(b_.path("this"))};
  bool fallible = false;
  if (it != c.methods.end()) {
    const sema::Function& init = tm_.funcs[it->second];
    for (uint32_t p : init.params) {
      std::string rn = local_name(init.vars[p].name);
      params.push_back(b_.param(rn, param_type(init.vars[p])));
      args.push_back(b_.path(rn));
    }
    fallible = fallible_in_.count(it->second) > 0;
  }
  RId make = b_.call("Obj::new", {b_.call(s_class_name(ci) + "::default", {})});
  Ids body{b_.let("this", kNil, make, false)};
  if (it != c.methods.end()) {
    RId call = b_.call(s_class_name(ci) + "::init", args);
    body.push_back(b_.expr_stmt(fallible ? b_.try_(call) : call));
  }
  RId ret = s_class_type(ci);
  RId tail = b_.path("this");
  if (fallible) {
    ret = b_.ty("PyResult", {ret});
    tail = b_.call(b_.path("Ok"), {tail});
  }
  if (!c.dataclass) impl_items.push_back(b_.fn("new", params, ret, b_.block(body, tail), true, "Python's `" + c.name + "(...)`."));
  s_class_methods(ci, impl_items);
  items.push_back(b_.impl(s_class_name(ci), kNil, impl_items));
  s_class_text(ci, items);
  // Dynamic functions of the module reach instances through handles.
  bool bridge = mixed() && !dyn_fns_->empty();
  for (uint32_t k = 0; k < tm_.classes.size(); ++k) bridge |= mixed() && !is_static_class(static_cast<int>(k));
  if (bridge && class_bridgeable(tm_, *static_classes_, ci)) s_class_bridge(ci, items);
}

void Lowerer::s_class_bridge(uint32_t ci, Ids& items) {
  // The runtime class of the handles: __init__ runs the static constructor,
  // properties read and write the struct's fields, methods convert their
  // arguments and call the static ones.
  const sema::ClassInfo& c = tm_.classes[ci];
  std::string cname = s_class_name(ci);
  RId obj_ty = s_class_type(ci);
  RId aparam = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
  auto arg = [&](size_t i) { return b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text(std::to_string(i)), b_.path("Value::None")}); };
  auto conv = [&](RId value, TypeId t) { return try_(b_.call(b_.assoc_path(rust_type(t), "from_value"), {b_.ref(value)})); };
  auto this_of = [&]() { return b_.let("this", kNil, conv(arg(0), T.cls(ci)), false); };
  // Converted arguments of method f (a[first..]), as its Rust parameters take them.
  auto call_args = [&](uint32_t f, size_t first, Ids& stmts, Ids& args) {
    const sema::Function& fn = tm_.funcs[f];
    for (size_t i = 0; i < fn.params.size(); ++i) {
      const sema::Var& v = fn.vars[fn.params[i]];
      NodeId d = v.default_value;
      RId dflt = d == kNone ? b_.path("Value::None") : d_expr(d);
      RId raw = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text(std::to_string(i + first)), dflt});
      std::string x = "x" + std::to_string(i);
      stmts.push_back(b_.let(x, rust_type(v.type), conv(raw, v.type), false));
      TyKind k = T.kind(v.type);
      args.push_back(((k == TyKind::Str || k == TyKind::List) && !v.reassigned) ? b_.ref(b_.path(x)) : b_.path(x));
    }
  };
  Ids body{b_.let("c", kNil, b_.call("Class::new", {b_.str_lit(c.name), b_.path("None")}), false)};
  auto def = [&](const std::string& key, RId block) {
    body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit(key), b_.closure({aparam}, block)})));
  };
  {
    Ids st, args;
    auto it = c.methods.find("__init__");
    if (it != c.methods.end()) call_args(it->second, 1, st, args);
    RId mk = b_.call(cname + "::new", args);
    if (it != c.methods.end() && fallible_in_.count(it->second)) mk = try_(mk);
    st.push_back(b_.let("this", kNil, mk, false));
    st.push_back(b_.expr_stmt(b_.call(rt("native::attach"), {b_.ref(arg(0)), b_.ref(b_.path("this"))})));
    def("__init__", b_.block(st, b_.call(b_.path("Ok"), {b_.path("Value::None")})));
  }
  for (auto& fd : c.fields) {
    std::string fname = rust::escape_ident(fd.first);
    RId read = b_.field(b_.method(b_.path("this"), "borrow", {}), fname);
    RId got = b_.let("v", kNil, b_.method(read, "to_value", {}), false);
    def("@property:" + fd.first, b_.block({this_of(), got}, b_.call(b_.path("Ok"), {b_.path("v")})));
    Ids st{this_of(), b_.let("v", rust_type(fd.second), conv(arg(1), fd.second), false)};
    st.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.field(b_.method(b_.path("this"), "borrow_mut", {}), fname), b_.path("v"))));
    def("@setter:" + fd.first, b_.block(st, b_.call(b_.path("Ok"), {b_.path("Value::None")})));
  }
  for (NodeId stn : list_of(c.node, fld::ClassDef::body)) {
    if (kind(stn) != Kind::FunctionDef) continue;
    auto m = c.methods.find(ident(stn, fld::FunctionDef::name));
    if (m == c.methods.end() || m->first == "__init__" || tm_.funcs[m->second].node != stn) continue;
    Ids st{this_of()}, args{b_.ref(b_.path("this"))};
    call_args(m->second, 1, st, args);
    RId call = b_.call(cname + "::" + s_method_name(m->second), args);
    if (fallible_in_.count(m->second)) call = try_(call);
    RId tail;
    if (T.kind(tm_.funcs[m->second].ret) == TyKind::None) {
      st.push_back(b_.expr_stmt(call));
      tail = b_.call(b_.path("Ok"), {b_.path("Value::None")});
    } else {
      tail = b_.call(b_.path("Ok"), {b_.method(call, "to_value", {})});
    }
    def(m->first, b_.block(st, tail));
  }
  RId rc_class = b_.ty("Rc", {b_.ty("Class")});
  std::string make = "make_" + rust::snake_case(c.name);
  items.push_back(b_.fn(make, {}, rc_class, b_.block(body, b_.path("c"))));
  RId cached = b_.call(rt("dynamic::class_cached"), {b_.str_lit(c.name), b_.path(make)});
  items.push_back(b_.fn(class_fn(ci), {}, rc_class, b_.block({}, cached), true,
                        "The runtime class of `" + c.name + "` handles (dynamic code's view of its instances)."));
  RId class_item = b_.fn("class", {}, rc_class, b_.block({}, b_.call(class_fn(ci), {})));
  items.push_back(b_.impl(cname, b_.ty("rt::native::Native"), {class_item}));
  (void)obj_ty;
}

bool Lowerer::s_conflicts(NodeId s) {
  // Whether statement s may borrow an instance mutably somewhere inside:
  // it calls the module's own functions/methods/constructors or stores
  // into fields.
  if (s == kNone) return true;
  auto hit = conflict_cache_.find(s);
  if (hit != conflict_cache_.end()) return hit->second;
  bool found = false;
  ast::walk(m_, s, [&](NodeId n) {
    if (found) return;
    Kind k = kind(n);
    if (k == Kind::Call) {
      NodeId fn = slot(n, fld::Call::func);
      if (kind(fn) == Kind::Name) {
        std::string_view id = ident(fn, fld::Name::id);
        if (tm_.func_by_name.count(id) || tm_.class_by_name.count(id)) found = true;
      } else if (kind(fn) == Kind::Attribute) {
        NodeId recv = slot(fn, fld::Attribute::value);
        if (T.kind(tm_.type_of(recv)) == TyKind::Class) found = true;
        if (kind(recv) == Kind::Attribute && T.kind(tm_.type_of(slot(recv, fld::Attribute::value))) == TyKind::Class) found = true;
      } else {
        found = true;
      }
    } else if (k == Kind::Assign || k == Kind::AugAssign || k == Kind::AnnAssign) {
      std::vector<NodeId> targets;
      if (k == Kind::Assign)
        for (NodeId t : list_of(n, fld::Assign::targets)) targets.push_back(t);
      else targets.push_back(slot(n, k == Kind::AugAssign ? fld::AugAssign::target : fld::AnnAssign::target));
      for (NodeId root : targets)
        ast::walk(m_, root, [&](NodeId t) {
          if (kind(t) == Kind::Attribute && T.kind(tm_.type_of(slot(t, fld::Attribute::value))) == TyKind::Class) found = true;
        });
    }
  });
  conflict_cache_[s] = found;
  return found;
}

LE Lowerer::s_attr(NodeId e) {
  NodeId on = slot(e, fld::Attribute::value);
  TypeId ot = tm_.type_of(on);
  TypeId t = tm_.type_of(e);
  if (T.kind(ot) != TyKind::Class || !is_static_class(static_cast<int>(T.get(ot).cls))) {
    fail(e, "attribute access on " + T.name(ot));
    return {b_.tuple({}), t, Form::Owned};
  }
  uint32_t ci = T.get(ot).cls;
  std::string_view name = ident(e, fld::Attribute::attr);
  bool is_field = s_field_type(ci, name) != Types::kUnknown;
  if (!is_field || T.has_dyn(t) || T.kind(t) == TyKind::Unknown) {
    fail(e, "attribute " + std::string(name) + " of " + tm_.classes[ci].name);
    return {b_.tuple({}), t, Form::Owned};
  }
  LE obj = expr(on);
  RId read = b_.field(b_.method(obj.id, "borrow", {}), rust::escape_ident(name));
  // A borrow of a local's RefCell cannot outlive a block's tail expression
  // (Rust 2021): reads through anything but a reference parameter are scoped.
  if (s_conflicts(cur_stmt_) || (obj.form != Form::Borrowed && obj.form != Form::MutRef)) {
    std::string v = fresh("field");
    RId val = T.is_copy(t) ? read : b_.method(read, "clone", {});
    return {b_.block({b_.let(v, kNil, val, false)}, b_.path(v)), t, Form::Owned};
  }
  return {read, t, T.is_copy(t) ? Form::Owned : Form::Place};
}

bool Lowerer::s_store(NodeId target, LE value, Ids& out) {
  NodeId on = slot(target, fld::Attribute::value);
  TypeId ot = tm_.type_of(on);
  if (T.kind(ot) != TyKind::Class || !is_static_class(static_cast<int>(T.get(ot).cls))) return false;
  uint32_t ci = T.get(ot).cls;
  std::string_view name = ident(target, fld::Attribute::attr);
  TypeId ft = s_field_type(ci, name);
  if (ft == Types::kUnknown) {
    fail(target, "store of attribute " + std::string(name));
    return true;
  }
  if (s_dc_store(ci, name, out)) return true;  // frozen dataclass (lower_static_dataclass.cc)
  // The value first: it may read this very object.
  std::string v = fresh("value");
  // `self.items = []`: the empty display takes the field's element type.
  bool open_elem = T.has_unknown(value.ty) && T.kind(value.ty) == T.kind(ft);
  RId val = open_elem && T.kind(ft) != TyKind::Tuple ? b_.call(b_.assoc_path(rust_type(ft), "new"), {}) : coerce(value, ft);
  // Only an empty display (`[]`, `{}`, `list()`) keeps an unknown element type.
  if (open_elem && T.kind(ft) != TyKind::List && T.kind(ft) != TyKind::Dict && T.kind(ft) != TyKind::Set) {
    fail(target, "a value of type " + T.name(value.ty) + " for a field of type " + T.name(ft));
    return true;
  }
  out.push_back(b_.let(v, rust_type(ft), val, false));
  LE obj = expr(on);
  RId place = b_.field(b_.method(obj.id, "borrow_mut", {}), rust::escape_ident(name));
  out.push_back(b_.expr_stmt(b_.assign(Op::Assign, place, b_.path(v))));
  return true;
}

bool Lowerer::s_aug_assign(NodeId s, Ids& out) {
  NodeId t = slot(s, fld::AugAssign::target);
  NodeId on = slot(t, fld::Attribute::value);
  TypeId ot = tm_.type_of(on);
  if (T.kind(ot) != TyKind::Class || !is_static_class(static_cast<int>(T.get(ot).cls))) return false;
  Kind op = Kind(slot(s, fld::AugAssign::op));
  NodeId vnode = slot(s, fld::AugAssign::value);
  LE cur = expr(t);
  LE val = expr(vnode);
  TyKind tk = T.kind(cur.ty);
  LE res;
  if ((tk == TyKind::Int || tk == TyKind::Float) && (T.kind(val.ty) == TyKind::Int || T.kind(val.ty) == TyKind::Float || T.kind(val.ty) == TyKind::Bool)) {
    TypeId rt = (tk == TyKind::Float || T.kind(val.ty) == TyKind::Float || op == Kind::Div) ? Types::kFloat : Types::kInt;
    if (rt != cur.ty) {
      fail(s, "augmented assignment changing a field's type");
      return true;
    }
    res = arith(op, cur, val, vnode, rt);
  } else if (tk == TyKind::Num) {  // int | float (lower_static_num.cc)
    res = num_arith(op, cur, val, vnode, op == Kind::Div ? Types::kFloat : T.num());
  } else if (tk == TyKind::Str && op == Kind::Add && T.kind(val.ty) == TyKind::Str) {
    std::string acc = fresh("text");
    res = {b_.block({b_.let(acc, kNil, owned(cur), true), b_.expr_stmt(b_.method(b_.path(acc), "push_str", {as_str_ref(val)}))}, b_.path(acc)),
           Types::kStr, Form::Owned};
  } else {
    fail(s, "augmented assignment of a " + T.name(cur.ty) + " field");
    return true;
  }
  return s_store(t, res, out);
}

bool Lowerer::s_call_hook(NodeId e, LE* result) {
  if (s_in_hook_) return false;
  NodeId fn = slot(e, fld::Call::func);
  NodeId recv = slot(fn, fld::Attribute::value);
  std::string_view m = ident(fn, fld::Attribute::attr);
  TypeId rt = tm_.type_of(recv);
  // `obj.method(...)`: the class's associated function with obj first.
  if (T.kind(rt) == TyKind::Class) {
    if (s_inherit_method_call(e, result)) return true;
    uint32_t ci = T.get(rt).cls;
    auto it = tm_.classes[ci].methods.find(m);
    if (!is_static_class(static_cast<int>(ci)) || it == tm_.classes[ci].methods.end()) {
      fail(e, "method " + std::string(m) + " of " + tm_.classes[ci].name);
      *result = {b_.tuple({}), tm_.type_of(e), Form::Owned};
      return true;
    }
    LE obj = expr(recv);
    RId self_arg = obj.form == Form::Borrowed ? obj.id : b_.ref(obj.id);
    call_self_arg_ = self_arg;
    call_name_override_ = s_class_name(ci) + "::" + s_method_name(it->second);
    *result = call_user(e, it->second);
    call_self_arg_ = kNil;
    call_name_override_.clear();
    return true;
  }
  // `obj.field.append(x)`: arguments first, then the field borrowed mutably.
  if (kind(recv) != Kind::Attribute) return false;
  TypeId ot = tm_.type_of(slot(recv, fld::Attribute::value));
  if (T.kind(ot) != TyKind::Class || !is_static_class(static_cast<int>(T.get(ot).cls))) return false;
  TyKind fk = T.kind(rt);
  bool mutating = (fk == TyKind::List && (m == "append" || m == "pop" || m == "extend" || m == "insert" || m == "sort" ||
                                          m == "reverse" || m == "clear" || m == "remove")) ||
                  ((fk == TyKind::Dict || fk == TyKind::Set) && (m == "pop" || m == "clear" || m == "update" || m == "setdefault" ||
                                                                 m == "add" || m == "discard" || m == "remove" || m == "popitem"));
  if (!mutating) return false;
  Ids stmts;
  for (NodeId a : list_of(e, fld::Call::args)) {
    LE v = expr(a);
    std::string tmp = fresh("arg");
    stmts.push_back(b_.let(tmp, kNil, owned(v), false));
    preset_[a] = {b_.path(tmp), v.ty, Form::Place};
  }
  LE obj = expr(slot(recv, fld::Attribute::value));
  preset_[recv] = {b_.field(b_.method(obj.id, "borrow_mut", {}), rust::escape_ident(ident(recv, fld::Attribute::attr))), rt, Form::Place};
  s_in_hook_ = true;
  LE call = call_method(e);
  s_in_hook_ = false;
  preset_.clear();
  std::string r = fresh("ret");
  stmts.push_back(b_.let(r, kNil, call.id, false));
  *result = {b_.block(stmts, b_.path(r)), call.ty, Form::Owned};
  return true;
}

LE Lowerer::s_construct(NodeId e, uint32_t ci) {
  if (s_root(ci) >= 0) return s_inherit_construct(e, ci);
  const sema::ClassInfo& c = tm_.classes[ci];
  if (c.dataclass) return s_dc_construct(e, ci);  // lower_static_dataclass.cc
  auto it = c.methods.find("__init__");
  TypeId t = T.cls(ci);
  if (it == c.methods.end()) {
    if (!list_of(e, fld::Call::args).empty() || !list_of(e, fld::Call::keywords).empty()) {
      fail(e, "arguments to a class without __init__");
      return {b_.tuple({}), t, Form::Owned};
    }
    return {b_.call(s_class_name(ci) + "::new", {}), t, Form::Owned};
  }
  call_name_override_ = s_class_name(ci) + "::new";
  LE r = call_user(e, it->second);
  call_name_override_.clear();
  return {r.id, t, Form::Owned};
}

}  // namespace portalis::lower
