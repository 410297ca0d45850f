// Single inheritance for static classes (lower_static_class.cc): a Python
// class hierarchy (a root class and the classes deriving from it, several
// levels deep) becomes ONE Rust struct named after the root, holding the
// fields of every class in it plus `class_id`, the instance's class:
//
//   pub struct Shape { pub class_id: u32, pub name: String, pub radius: f64, .. }
//   impl Shape {
//       pub const SHAPE: u32 = 0; pub const CIRCLE: u32 = 1; ..
//       pub fn new_circle(radius: f64) -> Obj<Shape>        // Circle(radius)
//       pub fn circle_area(self_: &Obj<Shape>) -> f64       // Circle.area
//       pub fn area(self_: &Obj<Shape>) -> f64 {            // s.area(): by class
//           let class = self_.borrow().class_id;
//           match class { Shape::CIRCLE => Shape::circle_area(self_), .. }
//       }
//   }
//
// Why one struct rather than a trait per root with a struct per class and
// `Rc<RefCell<dyn ShapeMethods>>` values: a Python subclass instance IS a
// base instance everywhere (a list of shapes, a Square passed where a
// Rectangle is expected, `self` of an inherited method), and with one Rust
// type for the whole hierarchy none of that needs a coercion or a downcast;
// fields stay plain struct fields (a trait object would need an accessor per
// field), and every method keeps the `&Obj<C>` receiver of static classes,
// so a method may borrow its object mutably while a caller holds it (a
// `&self` trait method keeps the RefCell borrowed for the whole call).
// Overriding is the `match` on class_id (a vtable written out), the only
// cost is a struct as large as all the classes' fields together.
//
// Only what is sure to behave as in Python is static: single inheritance
// from a class of the module, methods and __init__/__str__/__repr__, the
// same signature in every override of a method; otherwise the whole
// hierarchy stays dynamic (lower_class.cc builds subclasses on their
// base's runtime class, so it is all or nothing).
#include "lower/lower_impl.h"
#include "sema/infer_inherit.h"
#include "sema/infer_exc.h"

namespace portalis::lower {

namespace {

bool has_subclass(const sema::TypedModule& tm, uint32_t ci) {
  for (const sema::ClassInfo& c : tm.classes)
    if (c.base == static_cast<int>(ci)) return true;
  return false;
}

}  // namespace

int inherit_root(const sema::TypedModule& tm, uint32_t ci) {
  // Exception classes are payload structs of their own (lower_static_exc.cc), never one hierarchy struct.
  if (sema::is_exc_class(tm, ci)) return -1;
  if (tm.classes[ci].base < 0 && !has_subclass(tm, ci)) return -1;
  return static_cast<int>(sema::class_mro(tm, ci).back());
}

std::vector<uint32_t> inherit_members(const sema::TypedModule& tm, uint32_t root) {
  std::vector<uint32_t> out;
  for (uint32_t k = 0; k < tm.classes.size(); ++k)
    if (sema::is_subclass(tm, k, root)) out.push_back(k);
  return out;
}

bool inherit_base_ok(const sema::TypedModule& tm, uint32_t ci) {
  // `class C(B):` with B a class of this module defined before C.
  const ast::Module& m = *tm.ast;
  auto bases = m.list_of(tm.classes[ci].node, fld::ClassDef::bases);
  return bases.size() == 1 && m.kind(bases[0]) == Kind::Name && tm.classes[ci].base >= 0 &&
         tm.classes[static_cast<uint32_t>(tm.classes[ci].base)].name == m.str(m.slot(bases[0], fld::Name::id)) &&
         !tm.classes[ci].dataclass && !sema::is_exc_class(tm, ci);
}

std::string inherit_problem(const sema::TypedModule& tm, uint32_t root) {
  // What keeps a whole hierarchy dynamic ("" when nothing does).
  std::map<std::string, TypeId, std::less<>> fields;
  for (uint32_t k : inherit_members(tm, root)) {
    const sema::ClassInfo& c = tm.classes[k];
    if (k != root && !inherit_base_ok(tm, k)) return "class " + c.name + " with bases beyond single inheritance";
    for (auto& [name, f] : c.methods) {
      (void)f;
      // ==, <, len() of instances are not dispatched by class (lower_static_dunder.cc).
      if (name == "__eq__" || name == "__lt__" || name == "__len__") return "method " + name + " in a class hierarchy";
    }
    for (auto& fd : c.fields) {
      if (fd.first == "class_id") return "a field named class_id";
      auto it = fields.find(fd.first);
      if (it != fields.end() && it->second != fd.second) return "field " + fd.first + " with different types in " + c.name;
      fields.emplace(fd.first, fd.second);
    }
  }
  return {};
}

std::vector<std::pair<uint32_t, std::string>> inherit_partial(const sema::TypedModule& tm, const std::set<uint32_t>& statics) {
  // Static members of hierarchies that are not static as a whole.
  std::vector<std::pair<uint32_t, std::string>> out;
  for (uint32_t ci : statics) {
    int root = inherit_root(tm, ci);
    if (root < 0) continue;
    std::string why = inherit_problem(tm, static_cast<uint32_t>(root));
    for (uint32_t k : inherit_members(tm, static_cast<uint32_t>(root)))
      if (why.empty() && !statics.count(k)) why = "class " + tm.classes[k].name + " of its hierarchy is dynamic";
    if (!why.empty()) out.emplace_back(ci, why);
  }
  return out;
}

int Lowerer::s_root(uint32_t ci) const { return inherit_root(tm_, ci); }

TypeId Lowerer::s_field_type(uint32_t ci, std::string_view name) const {
  for (uint32_t k : sema::class_mro(tm_, ci))
    for (auto& fd : tm_.classes[k].fields)
      if (fd.first == name) return fd.second;
  return Types::kUnknown;
}

namespace {

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The method class k runs for `name`: the first definition up its MRO (-1: none).
int resolve(const sema::TypedModule& tm, uint32_t k, std::string_view name) {
  for (uint32_t c : sema::class_mro(tm, k)) {
    auto it = tm.classes[c].methods.find(name);
    if (it != tm.classes[c].methods.end()) return static_cast<int>(it->second);
  }
  return -1;
}

}  // namespace

// Python takes defaults and keyword names from the method the instance's
// class runs, the dispatcher from the static class's: they must agree.
bool Lowerer::same_default(NodeId a, NodeId b) const {
  if (a == kNone || b == kNone) return a == b;
  if (kind(a) != Kind::Constant || kind(b) != Kind::Constant) return false;
  const ast::Constant &x = m_.constant(slot(a, fld::Constant::value)), &y = m_.constant(slot(b, fld::Constant::value));
  return x.tag == y.tag && x.text == y.text && (x.number == y.number || x.tag != ast::Constant::Tag::Float);
}

bool Lowerer::s_inherit_class(uint32_t ci, Ids& items) {
  int root_i = s_root(ci);
  if (root_i < 0) return false;
  if (static_cast<uint32_t>(root_i) != ci) return true;  // emitted with its root
  uint32_t root = ci;
  std::string sname = s_class_name(root);
  std::vector<uint32_t> members = inherit_members(tm_, root);
  auto class_const = [&](uint32_t k) { return sname + "::" + upper(rust::snake_case(tm_.classes[k].name)); };
  // The struct: class_id, then each class's fields in hierarchy order.
  Ids fields{b_.field_def("class_id", b_.ty("u32"))};
  std::set<std::string> seen;
  std::string names;
  for (uint32_t k : members) {
    names += (names.empty() ? "`" : ", `") + tm_.classes[k].name + "`";
    for (auto& fd : tm_.classes[k].fields)
      if (seen.insert(fd.first).second) fields.push_back(b_.field_def(rust::escape_ident(fd.first), rust_type(fd.second)));
  }
  std::string doc = docstring(list_of(tm_.classes[root].node, fld::ClassDef::body));
  items.push_back(b_.struct_(sname, fields, "Default",
                             (doc.empty() ? "" : doc + "\n\n") + "Python's classes " + names +
                                 " (one hierarchy): the fields of them all; class_id says which class an instance is."));
  Ids impl_items;
  for (uint32_t i = 0; i < members.size(); ++i)
    impl_items.push_back(b_.const_(upper(rust::snake_case(tm_.classes[members[i]].name)), b_.ty("u32"), b_.int_lit(i)));
  RId obj_ty = s_class_type(root);
  // Constructors: `C(...)` is new_c: a default struct of class C, then the
  // __init__ C resolves to.
  for (uint32_t k : members) {
    int init = resolve(tm_, k, "__init__");
    Ids params, args{b_.ref(b_.path("this"))};
    bool fallible = false;
    if (init >= 0) {
      const sema::Function& fn = tm_.funcs[static_cast<uint32_t>(init)];
      for (uint32_t p : fn.params) {
        std::string rn = rust::escape_ident(rust::snake_case(fn.vars[p].name));
        params.push_back(b_.param(rn, param_type(fn.vars[p])));
        args.push_back(b_.path(rn));
      }
      fallible = fallible_in_.count(static_cast<uint32_t>(init)) > 0;
    }
    Ids body{b_.let("this", kNil, b_.call("Obj::new", {b_.call(sname + "::default", {})}), false),
             b_.expr_stmt(b_.assign(Op::Assign, b_.field(b_.method(b_.path("this"), "borrow_mut", {}), "class_id"),
                                    b_.path(class_const(k))))};
    if (init >= 0) {
      RId call = b_.call(sname + "::" + s_method_name(static_cast<uint32_t>(init)), args);
      body.push_back(b_.expr_stmt(fallible ? b_.try_(call) : call));
    }
    RId ret = obj_ty, tail = b_.path("this");
    if (fallible) {
      ret = b_.ty("PyResult", {ret});
      tail = b_.call(b_.path("Ok"), {tail});
    }
    std::string ctor = k == root ? "new" : "new_" + rust::snake_case(tm_.classes[k].name);
    impl_items.push_back(b_.fn(ctor, params, ret, b_.block(body, tail), true, "Python's `" + tm_.classes[k].name + "(...)`."));
  }
  // Each class's own methods, in source order.
  for (uint32_t k : members) s_class_methods(k, impl_items);
  // Dispatchers: a method some class overrides runs by the instance's class.
  std::set<std::string> names_done;
  for (uint32_t k : members)
    for (auto& [name, f0] : tm_.classes[k].methods) {
      // Dunders run through ObjText below, __init__ through the constructors.
      if (name.rfind("__", 0) == 0 || !names_done.insert(name).second) continue;
      std::vector<std::pair<uint32_t, uint32_t>> arms;  // class, the method it runs
      std::set<uint32_t> impls;
      for (uint32_t j : members)
        if (int g = resolve(tm_, j, name); g >= 0) {
          arms.emplace_back(j, static_cast<uint32_t>(g));
          impls.insert(static_cast<uint32_t>(g));
        }
      if (impls.size() < 2) continue;
      const sema::Function& rep = tm_.funcs[f0];
      bool fallible = false;
      // One result type for all: an int from one and a float from another
      // come back as int | float (sema::override_ret computes the same).
      TypeId joined = Types::kUnknown;
      for (uint32_t g : impls) joined = T.join(joined, tm_.funcs[g].ret);
      for (uint32_t g : impls) {
        const sema::Function& fn = tm_.funcs[g];
        fallible |= fallible_in_.count(g) > 0;
        TyKind rk = T.kind(fn.ret);
        bool ret_ok = fn.ret == joined || s_upcast(fn.ret, joined) ||
                      (T.kind(joined) == TyKind::Num && (rk == TyKind::Int || rk == TyKind::Float || rk == TyKind::Bool));
        bool same = ret_ok && !T.has_dyn(joined) && fn.params.size() == rep.params.size() && fn.kwonly.empty() && fn.vararg < 0 && fn.kwarg < 0;
        for (size_t i = 0; same && i < fn.params.size(); ++i) {
          const sema::Var &a = fn.vars[fn.params[i]], &b = rep.vars[rep.params[i]];
          same = a.type == b.type && a.reassigned == b.reassigned && a.mutated == b.mutated && !a.cell && !b.cell &&
                 a.name == b.name && same_default(a.default_value, b.default_value);
        }
        if (!same) {
          fail(fn.node, "override of " + name + " with another signature");
          for (uint32_t j : members) class_failed_out.insert(j);
          return true;
        }
      }
      Ids params{b_.param("self_", b_.ty_ref(obj_ty))}, args{b_.path("self_")};
      for (uint32_t p : rep.params) {
        std::string rn = rust::escape_ident(rust::snake_case(rep.vars[p].name));
        params.push_back(b_.param(rn, param_type(rep.vars[p])));
        args.push_back(b_.path(rn));
      }
      Ids match_arms;
      for (size_t i = 0; i < arms.size(); ++i) {
        uint32_t g = arms[i].second;
        RId call = b_.call(sname + "::" + s_method_name(g), args);
        if (tm_.funcs[g].ret != joined) {
          if (fallible_in_.count(g)) call = b_.try_(call);
          call = coerce({call, tm_.funcs[g].ret, Form::Owned}, joined);
          if (fallible) call = b_.call(b_.path("Ok"), {call});
        } else if (fallible && !fallible_in_.count(g)) {
          call = b_.call(b_.path("Ok"), {call});
        }
        RId pat = i + 1 == arms.size() ? b_.pat_wild() : b_.pat_lit(b_.path(class_const(arms[i].first)));
        match_arms.push_back(b_.arm(pat, kNil, call));
      }
      RId ret = T.kind(joined) == TyKind::None ? kNil : rust_type(joined);
      if (fallible) ret = b_.ty("PyResult", {ret == kNil ? b_.ty_tuple({}) : ret});
      RId body = b_.block({b_.let("class", kNil, b_.field(b_.method(b_.path("self_"), "borrow", {}), "class_id"), false)},
                          b_.match(b_.path("class"), match_arms));
      impl_items.push_back(b_.fn(rust::escape_ident(rust::snake_case(name)), params, ret, body, true,
                                 "Python's `obj." + name + "(...)`: the method of obj's class."));
    }
  items.push_back(b_.impl(sname, kNil, impl_items));
  // Text: what str()/repr() of each class runs.
  Ids arms_str, arms_repr;
  for (size_t i = 0; i < members.size(); ++i) {
    uint32_t k = members[i];
    int s = resolve(tm_, k, "__str__"), r = resolve(tm_, k, "__repr__");
    for (int g : {s, r})
      if (g >= 0 && (fallible_in_.count(static_cast<uint32_t>(g)) || T.kind(tm_.funcs[static_cast<uint32_t>(g)].ret) != TyKind::Str)) {
        fail(tm_.funcs[static_cast<uint32_t>(g)].node, "__str__/__repr__ that may raise or return a non-str");
        for (uint32_t j : members) class_failed_out.insert(j);
        return true;
      }
    RId repr = r >= 0 ? b_.call(sname + "::" + s_method_name(static_cast<uint32_t>(r)), {b_.path("this")})
                      : b_.call(b_.path("String::from"), {b_.str_lit("<__main__." + tm_.classes[k].name + " object>")});
    RId str = s >= 0 ? b_.call(sname + "::" + s_method_name(static_cast<uint32_t>(s)), {b_.path("this")}) : repr;
    RId pat = i + 1 == members.size() ? b_.pat_wild() : b_.pat_lit(b_.path(class_const(k)));
    arms_str.push_back(b_.arm(pat, kNil, str));
    arms_repr.push_back(b_.arm(pat, kNil, repr));
  }
  auto text_fn = [&](const char* fname, Ids& arms) {
    RId body = b_.block({b_.let("class", kNil, b_.field(b_.method(b_.path("this"), "borrow", {}), "class_id"), false)},
                        b_.match(b_.path("class"), arms));
    return b_.fn(fname, {b_.param("this", b_.ty_ref(obj_ty))}, b_.ty("String"), body);
  };
  items.push_back(b_.impl(sname, b_.ty("rt::native::ObjText"), {text_fn("obj_repr", arms_repr), text_fn("obj_str", arms_str)}));
  return true;
}

bool Lowerer::s_inherit_method_call(NodeId e, LE* out) {
  NodeId fn = slot(e, fld::Call::func);
  NodeId recv = slot(fn, fld::Attribute::value);
  TypeId rt = tm_.type_of(recv);
  if (T.kind(rt) != TyKind::Class) return false;
  uint32_t ci = T.get(rt).cls;
  int root = s_root(ci);
  if (root < 0 || !is_static_class(static_cast<int>(ci))) return false;
  std::string_view m = ident(fn, fld::Attribute::attr);
  std::string sname = s_class_name(ci);
  int f = resolve(tm_, ci, m);
  bool is_super = kind(recv) == Kind::Call && kind(slot(recv, fld::Call::func)) == Kind::Name &&
                  ident(slot(recv, fld::Call::func), fld::Name::id) == "super";
  if (f < 0 || (m.size() > 4 && m.rfind("__", 0) == 0 && !is_super)) {
    fail(e, "method " + std::string(m) + " of " + tm_.classes[ci].name);
    *out = {b_.tuple({}), tm_.type_of(e), Form::Owned};
    return true;
  }
  RId self_arg = kNil;
  bool virtual_call = false, dispatch_fallible = false;
  if (is_super) {
    // super().m(...): the base's method, on this method's own instance.
    const sema::Function& cur = tm_.funcs[cur_];
    auto pos = list_of(slot(cur.node, fld::FunctionDef::args), fld::arguments::args);
    const Binding* self = (cur.node == kNone || pos.empty()) ? nullptr : lookup(ident(pos[0], fld::arg::arg));
    if (!self || !list_of(recv, fld::Call::args).empty()) {
      fail(e, "super() outside a method");
      *out = {b_.tuple({}), tm_.type_of(e), Form::Owned};
      return true;
    }
    self_arg = self->form == Form::Borrowed ? b_.path(self->rust) : b_.ref(b_.path(self->rust));
  } else {
    // Overridden below ci: the dispatcher, by the instance's class.
    for (uint32_t k : inherit_members(tm_, static_cast<uint32_t>(root)))
      if (sema::is_subclass(tm_, k, ci))
        if (int g = resolve(tm_, k, m); g >= 0 && g != f) virtual_call = true;
    if (virtual_call)
      for (uint32_t k : inherit_members(tm_, static_cast<uint32_t>(root)))
        if (int g = resolve(tm_, k, m); g >= 0) dispatch_fallible |= fallible_in_.count(static_cast<uint32_t>(g)) > 0;
    LE obj = expr(recv);
    self_arg = obj.form == Form::Borrowed ? obj.id : b_.ref(obj.id);
  }
  call_self_arg_ = self_arg;
  call_name_override_ = sname + "::" + (virtual_call ? rust::escape_ident(rust::snake_case(m)) : s_method_name(static_cast<uint32_t>(f)));
  LE r = call_user(e, static_cast<uint32_t>(f));
  call_self_arg_ = kNil;
  call_name_override_.clear();
  if (dispatch_fallible && !fallible_in_.count(static_cast<uint32_t>(f))) r.id = try_(r.id);
  if (virtual_call) {  // the dispatcher's one result type (sema's type of the call)
    TypeId joined = Types::kUnknown;
    for (uint32_t k : inherit_members(tm_, static_cast<uint32_t>(root)))
      if (int g = resolve(tm_, k, m); g >= 0) joined = T.join(joined, tm_.funcs[static_cast<uint32_t>(g)].ret);
    r.ty = joined;
  }
  TypeId want = tm_.type_of(e);
  if (r.ty != want && want != Types::kUnknown && !T.has_dyn(want)) r = {coerce(r, want), want, Form::Owned};
  *out = r;
  return true;
}

LE Lowerer::s_inherit_construct(NodeId e, uint32_t ci) {
  TypeId t = T.cls(ci);
  std::string ctor = s_class_name(ci) + "::" + (static_cast<int>(ci) == s_root(ci) ? "new" : "new_" + rust::snake_case(tm_.classes[ci].name));
  int init = resolve(tm_, ci, "__init__");
  if (init < 0) {
    if (!list_of(e, fld::Call::args).empty() || !list_of(e, fld::Call::keywords).empty()) {
      fail(e, "arguments to a class without __init__");
      return {b_.tuple({}), t, Form::Owned};
    }
    return {b_.call(ctor, {}), t, Form::Owned};
  }
  call_name_override_ = ctor;
  LE r = call_user(e, static_cast<uint32_t>(init));
  call_name_override_.clear();
  return {r.id, t, Form::Owned};
}

bool Lowerer::s_upcast(TypeId from, TypeId to) const {
  const sema::TypeRec &a = T.get(from), &b = T.get(to);
  if (from == to) return true;
  if (a.kind != b.kind || a.args.size() != b.args.size()) return false;
  if (a.kind == TyKind::Class)
    return is_static_class(static_cast<int>(a.cls)) && is_static_class(static_cast<int>(b.cls)) && s_root(a.cls) >= 0 &&
           sema::is_subclass(tm_, a.cls, b.cls);
  if (a.kind != TyKind::List && a.kind != TyKind::Tuple && a.kind != TyKind::Optional && a.kind != TyKind::Set && a.kind != TyKind::Dict)
    return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (!s_upcast(a.args[i], b.args[i])) return false;
  return true;
}

namespace {

// Whether every class up ci's chain has no base or one base of this module:
// then sema's chain is the whole MRO (not with `class C(A, B)` or `C(Exception)`).
bool plain_chain(const sema::TypedModule& tm, uint32_t ci) {
  for (uint32_t k : sema::class_mro(tm, ci))
    if (!tm.ast->list_of(tm.classes[k].node, fld::ClassDef::bases).empty() && !inherit_base_ok(tm, k)) return false;
  return true;
}

// The class a Name node names (-1: none, or a local shadows it).
int named_class(const sema::TypedModule& tm, NodeId n) {
  const ast::Module& m = *tm.ast;
  if (m.kind(n) != Kind::Name) return -1;
  auto it = tm.class_by_name.find(m.str(m.slot(n, fld::Name::id)));
  return it == tm.class_by_name.end() ? -1 : static_cast<int>(it->second);
}

}  // namespace

LE Lowerer::s_inherit_builtin(NodeId e, std::string_view n) {
  auto args = list_of(e, fld::Call::args);
  if (!list_of(e, fld::Call::keywords).empty() || args.size() != 2) return {kNil, Types::kBool, Form::Owned};
  if (n == "issubclass") {
    int a = named_class(tm_, args[0]), b = named_class(tm_, args[1]);
    if (a < 0 || b < 0 || lookup(ident(args[0], fld::Name::id)) || lookup(ident(args[1], fld::Name::id)) ||
        !plain_chain(tm_, static_cast<uint32_t>(a)))
      return {kNil, Types::kBool, Form::Owned};
    // Classes do not change at run time: the answer is known now.
    return {b_.bool_lit(sema::is_subclass(tm_, static_cast<uint32_t>(a), static_cast<uint32_t>(b))), Types::kBool, Form::Owned};
  }
  if (n != "isinstance") return {kNil, Types::kBool, Form::Owned};
  int c = named_class(tm_, args[1]);
  TypeId xt = tm_.type_of(args[0]);
  if (c < 0 || lookup(ident(args[1], fld::Name::id)) || T.kind(xt) != TyKind::Class) return {kNil, Types::kBool, Form::Owned};
  uint32_t xc = T.get(xt).cls;
  if (!is_static_class(static_cast<int>(xc)) || !plain_chain(tm_, xc)) return {kNil, Types::kBool, Form::Owned};
  LE x = expr(args[0]);
  int root = s_root(xc);
  if (root < 0 || s_root(static_cast<uint32_t>(c)) != root) {
    // A class outside x's hierarchy: x's static class says it.
    bool yes = sema::is_subclass(tm_, xc, static_cast<uint32_t>(c));
    return {b_.block({b_.let("_x", kNil, b_.ref(x.id), false)}, b_.bool_lit(yes)), Types::kBool, Form::Owned};
  }
  // The classes deriving from C (C included) that x may be.
  RId test = kNil;
  for (uint32_t k : inherit_members(tm_, static_cast<uint32_t>(root))) {
    if (!sema::is_subclass(tm_, k, static_cast<uint32_t>(c)) || !sema::is_subclass(tm_, k, xc)) continue;
    RId eq = b_.binary(Op::Eq, b_.path("class"), b_.path(s_class_name(k) + "::" + upper(rust::snake_case(tm_.classes[k].name))));
    test = test == kNil ? eq : b_.binary(Op::Or, test, eq);
  }
  if (test == kNil) test = b_.bool_lit(false);
  RId cls = b_.field(b_.method(x.id, "borrow", {}), "class_id");
  return {b_.block({b_.let("class", kNil, cls, false)}, test), Types::kBool, Form::Owned};
}

LE Lowerer::s_type_is(NodeId e) {
  // `type(x) is C` / `type(x) is not C` (also == / !=): x's class_id.
  auto ops = m_.list(slot(e, fld::Compare::ops));
  auto comps = list_of(e, fld::Compare::comparators);
  NodeId left = slot(e, fld::Compare::left);
  LE none{kNil, Types::kBool, Form::Owned};
  if (comps.size() != 1 || kind(left) != Kind::Call) return none;
  Kind op = Kind(ops[0]);
  if (op != Kind::Is && op != Kind::IsNot && op != Kind::Eq && op != Kind::NotEq) return none;
  NodeId fn = slot(left, fld::Call::func);
  auto args = list_of(left, fld::Call::args);
  if (kind(fn) != Kind::Name || ident(fn, fld::Name::id) != "type" || lookup("type") || args.size() != 1 ||
      !list_of(left, fld::Call::keywords).empty())
    return none;
  int c = named_class(tm_, comps[0]);
  TypeId xt = tm_.type_of(args[0]);
  if (c < 0 || lookup(ident(comps[0], fld::Name::id)) || T.kind(xt) != TyKind::Class || !is_static_class(static_cast<int>(T.get(xt).cls)))
    return none;
  uint32_t xc = T.get(xt).cls;
  bool negate = op == Kind::IsNot || op == Kind::NotEq;
  LE x = expr(args[0]);
  RId test;
  if (s_root(xc) < 0 || s_root(xc) != s_root(static_cast<uint32_t>(c))) {
    test = b_.block({b_.let("_x", kNil, b_.ref(x.id), false)}, b_.bool_lit(static_cast<uint32_t>(c) == xc && s_root(xc) < 0));
  } else {
    RId cls = b_.field(b_.method(x.id, "borrow", {}), "class_id");
    RId want = b_.path(s_class_name(xc) + "::" + upper(rust::snake_case(tm_.classes[static_cast<uint32_t>(c)].name)));
    test = b_.block({b_.let("class", kNil, cls, false)}, b_.binary(Op::Eq, b_.path("class"), want));
  }
  return {negate ? b_.unary(Op::Not, test) : test, Types::kBool, Form::Owned};
}

LE Lowerer::s_class_attr(NodeId e) {
  // Names of classes are known now: `C.__name__`, `C.__mro__[i].__name__`,
  // `C.__bases__[i].__name__` (i a constant) are string literals.
  LE none{kNil, Types::kStr, Form::Owned};
  if (ident(e, fld::Attribute::attr) != "__name__") return none;
  NodeId on = slot(e, fld::Attribute::value);
  auto lit = [&](const std::string& s) { return LE{b_.str_lit(s), Types::kStr, Form::Borrowed}; };
  if (int c = named_class(tm_, on); c >= 0 && !lookup(ident(on, fld::Name::id))) return lit(tm_.classes[static_cast<uint32_t>(c)].name);
  if (kind(on) != Kind::Subscript) return none;
  NodeId seq = slot(on, fld::Subscript::value);
  int64_t i = 0;
  if (kind(seq) != Kind::Attribute || !is_int_literal(slot(on, fld::Subscript::slice), &i)) return none;
  NodeId cn = slot(seq, fld::Attribute::value);
  int c = named_class(tm_, cn);
  if (c < 0 || lookup(ident(cn, fld::Name::id))) return none;
  std::string_view which = ident(seq, fld::Attribute::attr);
  std::vector<std::string> names;
  const sema::ClassInfo& ci = tm_.classes[static_cast<uint32_t>(c)];
  if (!plain_chain(tm_, static_cast<uint32_t>(c))) return none;
  if (which == "__mro__") {
    for (uint32_t k : sema::class_mro(tm_, static_cast<uint32_t>(c))) names.push_back(tm_.classes[k].name);
    names.push_back("object");
  } else if (which == "__bases__") {
    names.push_back(ci.base >= 0 ? tm_.classes[static_cast<uint32_t>(ci.base)].name : "object");
  } else {
    return none;
  }
  if (i < 0) i += static_cast<int64_t>(names.size());
  if (i < 0 || i >= static_cast<int64_t>(names.size())) return none;
  return lit(names[static_cast<size_t>(i)]);
}

}  // namespace portalis::lower
