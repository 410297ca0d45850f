// Classes in dynamic mode: a runtime Class per Python class (built once,
// cached by name), one Rust function per method taking `self` as a Value,
// dataclass __init__/__repr__/__eq__ generated from the annotated fields.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

bool Lowerer::d_is_dataclass(uint32_t ci) const {
  for (NodeId d : list_of(tm_.classes[ci].node, fld::ClassDef::decorator_list)) {
    NodeId n = kind(d) == Kind::Call ? slot(d, fld::Call::func) : d;
    if (kind(n) == Kind::Name && ident(n, fld::Name::id) == "dataclass") return true;
    if (kind(n) == Kind::Attribute && ident(n, fld::Attribute::attr) == "dataclass") return true;
  }
  return false;
}

bool Lowerer::d_is_frozen_dataclass(uint32_t ci) const { return d_dataclass_flag(ci, "frozen"); }

bool Lowerer::d_dataclass_flag(uint32_t ci, std::string_view flag) const {
  // `@dataclass(frozen=True)`, `@dataclass(order=True)`.
  for (NodeId d : list_of(tm_.classes[ci].node, fld::ClassDef::decorator_list)) {
    if (kind(d) != Kind::Call) continue;
    for (NodeId k : list_of(d, fld::Call::keywords)) {
      uint32_t a = slot(k, fld::keyword::arg);
      NodeId v = slot(k, fld::keyword::value);
      if (a != kNone && m_.str(a) == flag && kind(v) == Kind::Constant &&
          m_.constant(slot(v, fld::Constant::value)).tag == ast::Constant::Tag::True)
        return true;
    }
  }
  return false;
}

std::vector<std::pair<std::string, NodeId>> Lowerer::d_dataclass_fields(uint32_t ci) const {
  std::vector<std::pair<std::string, NodeId>> out;
  // Inherited dataclass fields come first.
  int base = -1;
  for (NodeId bn : list_of(tm_.classes[ci].node, fld::ClassDef::bases)) {
    if (kind(bn) != Kind::Name) continue;
    auto it = tm_.class_by_name.find(ident(bn, fld::Name::id));
    if (it != tm_.class_by_name.end()) base = static_cast<int>(it->second);
  }
  if (base >= 0 && d_is_dataclass(static_cast<uint32_t>(base))) out = d_dataclass_fields(static_cast<uint32_t>(base));
  for (NodeId st : list_of(tm_.classes[ci].node, fld::ClassDef::body)) {
    if (kind(st) != Kind::AnnAssign) continue;
    NodeId t = slot(st, fld::AnnAssign::target);
    if (kind(t) != Kind::Name) continue;
    std::string n(ident(t, fld::Name::id));
    NodeId ann = slot(st, fld::AnnAssign::annotation);
    if (kind(ann) == Kind::Name && ident(ann, fld::Name::id) == "ClassVar") continue;
    out.emplace_back(n, slot(st, fld::AnnAssign::value));
  }
  return out;
}

int Lowerer::d_find_method(int ci, std::string_view name) const {
  while (ci >= 0) {
    const sema::ClassInfo& c = tm_.classes[static_cast<uint32_t>(ci)];
    auto it = c.methods.find(name);
    if (it != c.methods.end()) return static_cast<int>(it->second);
    int base = -1;
    for (NodeId bn : list_of(c.node, fld::ClassDef::bases)) {
      if (kind(bn) != Kind::Name) continue;
      auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
      if (b != tm_.class_by_name.end()) base = static_cast<int>(b->second);
    }
    ci = base;
  }
  return -1;
}

void Lowerer::d_class(uint32_t ci, Ids& items, std::string force_fail) {
  const sema::ClassInfo& c = tm_.classes[ci];
  std::string snake = rust::snake_case(c.name);
  std::string make = "make_" + snake;
  bool dc = d_is_dataclass(ci);
  // The class object.
  Ids make_body;
  RId base = b_.path("None");
  for (NodeId bn : list_of(c.node, fld::ClassDef::bases)) {
    if (kind(bn) != Kind::Name) continue;
    auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
    if (b != tm_.class_by_name.end() && !exception_classes_.count(std::string(ident(bn, fld::Name::id))))
      base = b_.call(b_.path("Some"), {b_.call(class_fn(b->second), {})});
    else if (d_is_exception_class(ident(bn, fld::Name::id)))
      base = b_.call(b_.path("Some"), {b_.call(rt("exc_obj::exc_class"), {b_.str_lit(ident(bn, fld::Name::id))})});
  }
  make_body.push_back(b_.let("c", kNil, b_.call("Class::new", {b_.str_lit(c.name), base}), false));
  {
    // Class::new registers one base; `except` and isinstance test by name through all of them.
    Ids names;
    for (NodeId bn : list_of(c.node, fld::ClassDef::bases))
      if (kind(bn) == Kind::Name) names.push_back(b_.str_lit(ident(bn, fld::Name::id)));
    if (names.size() > 1) make_body.push_back(b_.expr_stmt(b_.call(rt("exc::register_class"), {b_.str_lit(c.name), b_.ref(b_.array(names))})));
  }
  // How a Rust closure `|a: &[Value]|` calls method f: a[0] is self (Method),
  // dropped (Static), the class object or an instance of it (Class), or the
  // class object before an explicit self (Unbound: `C.method(obj, ...)`).
  enum class Mode { Method, Static, Class, Unbound };
  auto closure_for = [&](uint32_t f, Mode mode) {
    const sema::Function& fn = tm_.funcs[f];
    Ids args;
    size_t first = 1;
    if (mode == Mode::Method) args.push_back(b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")}));
    if (mode == Mode::Class)
      args.push_back(b_.call(rt("classes::cls_of"), {b_.ref(b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")})), b_.path(type_fn(ci))}));
    if (mode == Mode::Unbound) {
      args.push_back(b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("1"), b_.path("Value::None")}));
      first = 2;
    }
    RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    if (!d_plain_params(f)) {
      // *args, keyword-only or **kwargs: the runtime binder fills the slots.
      RId bind = try_(b_.call(rt("args::bind_tail"), {b_.str_lit(d_sig_spec(f)), b_.path("a"), b_.int_lit_text(std::to_string(first))}));
      for (RId x : d_bound_args(f, "bound")) args.push_back(x);
      return b_.closure({param}, b_.block({b_.let("bound", kNil, bind, true)}, b_.call(fn_rust_name(f), args)));
    }
    for (size_t i = 0; i < fn.params.size(); ++i) {
      NodeId d = fn.vars[fn.params[i]].default_value;
      RId dflt = d == kNone ? b_.path("Value::None") : d_expr(d);
      args.push_back(b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text(std::to_string(i + first)), dflt}));
    }
    return b_.closure({param}, b_.call(fn_rust_name(f), args));
  };
  // The class object (`type_<name>()`): static and class methods, class attributes.
  Ids type_body;
  RId base_type = b_.path("None");
  for (NodeId bn : list_of(c.node, fld::ClassDef::bases)) {
    if (kind(bn) != Kind::Name) continue;
    auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
    if (b != tm_.class_by_name.end() && !exception_classes_.count(std::string(ident(bn, fld::Name::id))))
      base_type = b_.call(b_.path("Some"), {b_.ref(b_.call(type_fn(b->second), {}))});
  }
  type_body.push_back(b_.let("t", kNil, b_.call(rt("classes::new_type"), {b_.ref(b_.call(class_fn(ci), {})), base_type}), false));
  type_body.push_back(b_.let("m", kNil, b_.call(rt("classes::meta_of"), {b_.ref(b_.path("t"))}), false));
  auto meta_def = [&](std::string_view py_name, RId clo) {
    type_body.push_back(b_.expr_stmt(b_.method(b_.path("m"), "def_method", {b_.str_lit(py_name), clo})));
  };
  // What the class itself needs beyond its methods; a miss makes its
  // constructor raise NotImplementedError (the crate still builds).
  std::vector<Unsupported> class_fails;
  Ids class_consts;
  if (!force_fail.empty()) class_fails.push_back({c.node, force_fail});
  bool is_enum = false, int_enum = false;
  for (NodeId bn : list_of(c.node, fld::ClassDef::bases)) {
    std::string_view bname = kind(bn) == Kind::Name ? ident(bn, fld::Name::id) : kind(bn) == Kind::Attribute ? ident(bn, fld::Attribute::attr) : "";
    if (bname == "Enum" || bname == "IntEnum") is_enum = true;
    if (bname == "IntEnum") int_enum = true;
  }
  // Class-level assignments run, in order, on the class object; earlier
  // ones are visible by their bare names to later ones.
  Ids attr_body;
  if (!c.methods.empty()) cur_ = c.methods.begin()->second;  // module names read as from a method
  scopes_.clear();
  scopes_.emplace_back();
  unsupported_.clear();
  int64_t enum_next = 1;
  for (NodeId st : list_of(c.node, fld::ClassDef::body)) {
    Kind k = kind(st);
    if (k == Kind::FunctionDef || k == Kind::Pass || (k == Kind::Expr && kind(slot(st, fld::Expr::value)) == Kind::Constant)) continue;
    if (dc && k == Kind::AnnAssign) continue;
    NodeId target = kNone, value = kNone;
    if (k == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1) {
      target = list_of(st, fld::Assign::targets)[0];
      value = slot(st, fld::Assign::value);
    } else if (k == Kind::AnnAssign) {
      target = slot(st, fld::AnnAssign::target);
      value = slot(st, fld::AnnAssign::value);
    }
    if (target == kNone || kind(target) != Kind::Name || value == kNone) {
      class_fails.push_back({st, "class-level statement"});
      continue;
    }
    std::string name(ident(target, fld::Name::id));
    if (name == "__slots__") continue;  // instances keep a field dict anyway
    std::string rn = local_name(name);
    RId v;
    NodeId vf = kind(value) == Kind::Call ? slot(value, fld::Call::func) : kNone;
    if (is_enum && vf != kNone && kind(vf) == Kind::Name && ident(vf, fld::Name::id) == "auto") {
      v = b_.call("Value::int", {b_.int_lit(enum_next++)});
    } else {
      int64_t iv;
      if (is_enum && is_int_literal(value, &iv)) enum_next = iv + 1;
      v = d_expr(value);
    }
    attr_body.push_back(b_.let(rn, kNil, v, false));
    if (is_enum)
      attr_body.push_back(b_.expr_stmt(try_(b_.call(rt("classes::enum_member"), {b_.path("type_obj"), b_.ref(b_.call(class_fn(ci), {})), b_.str_lit(name), b_.method(b_.path(rn), "clone", {})}))));
    else
      attr_body.push_back(b_.expr_stmt(try_(b_.method(b_.path("type_obj"), "setattr", {b_.str_lit(name), b_.method(b_.path(rn), "clone", {})}))));
    bind(name, {rn, Types::kDyn, Form::Place});
    // Read through instances (`self.RATE`) and subclasses (`Sub.RATE`).
    // An instance reads through its own class object (a subclass may have
    // rebound the name); a class object through the defining class's.
    RId iparam = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    RId self0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")});
    RId own = b_.call(rt("classes::cls_of"), {b_.ref(self0), b_.path(type_fn(ci))});
    RId iread = b_.closure({iparam}, b_.call(rt("dynamic::attr"), {b_.ref(own), b_.str_lit(name)}));
    RId param = b_.param("_a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    RId read = b_.closure({param}, b_.call(rt("dynamic::attr"), {b_.ref(b_.call(type_fn(ci), {})), b_.str_lit(name)}));
    if (!is_enum) class_consts.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("@property:" + name), iread})));
    meta_def("@property:" + name, read);
  }
  for (auto& u : unsupported_) class_fails.push_back(u);
  unsupported_.clear();
  scopes_.clear();
  if (is_enum) type_body.push_back(b_.expr_stmt(b_.call(rt("classes::enum_setup"), {b_.ref(b_.path("t")), b_.ref(b_.call(class_fn(ci), {})), b_.bool_lit(int_enum)})));
  if (!attr_body.empty()) {
    RId param = b_.param("type_obj", b_.ty_ref(b_.ty("Value")));
    RId clo = b_.closure({param}, b_.block(attr_body, b_.call(b_.path("Ok"), {b_.tuple({})})));
    type_body.push_back(b_.expr_stmt(b_.call(rt("classes::init_attrs"), {b_.ref(b_.path("t")), clo})));
  }
  // Methods, in source order (a property's getter and setter share a name).
  std::set<std::string> setters;
  for (NodeId st : list_of(c.node, fld::ClassDef::body)) {
    if (kind(st) != Kind::FunctionDef) continue;
    for (NodeId d : list_of(st, fld::FunctionDef::decorator_list))
      if (kind(d) == Kind::Attribute && ident(d, fld::Attribute::attr) == "setter") setters.insert(std::string(ident(st, fld::FunctionDef::name)));
  }
  for (NodeId st : list_of(c.node, fld::ClassDef::body)) {
    if (kind(st) != Kind::FunctionDef) continue;
    uint32_t f = 0;
    for (uint32_t i = 1; i < tm_.funcs.size(); ++i)
      if (tm_.funcs[i].node == st) f = i;
    if (f == 0) continue;
    const sema::Function& fn = tm_.funcs[f];
    std::string mname = fn.name;
    enum class Deco { Plain, Property, Setter, Deleter, Static, ClassM } deco = Deco::Plain;
    for (NodeId d : list_of(fn.node, fld::FunctionDef::decorator_list)) {
      std::string_view dn = kind(d) == Kind::Name ? ident(d, fld::Name::id) : kind(d) == Kind::Attribute ? ident(d, fld::Attribute::attr) : "";
      if (dn == "property") deco = Deco::Property;
      else if (dn == "setter" && kind(d) == Kind::Attribute) deco = Deco::Setter;
      else if (dn == "deleter" && kind(d) == Kind::Attribute) deco = Deco::Deleter;
      else if (dn == "staticmethod") deco = Deco::Static;
      else if (dn == "classmethod") deco = Deco::ClassM;
      else if (dn == "abstractmethod") continue;  // checked at construction
      else class_fails.push_back({d, "method decorator"});
    }
    items.push_back(d_function(f));
    unsupported_.clear();
    auto put = [&](std::string key, Mode mode) {
      if (mode == Mode::Method && key.rfind("@", 0) != 0 && d_method_needs_kw(f)) {
        make_body.push_back(d_method_kw_def(key, f));  // keywords, *args, **kwargs (lower_dyn_args.cc)
        return;
      }
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit(key), closure_for(f, mode)})));
    };
    switch (deco) {
      case Deco::Plain:
        put(mname, Mode::Method);
        // `C.method(obj, ...)`; dunders stay off the class object (its own
        // `__repr__`/`__call__`/truthiness are the metaclass's).
        if (mname.rfind("__", 0) != 0) meta_def(mname, closure_for(f, Mode::Unbound));
        break;
      case Deco::Property:
        put("@property:" + mname, Mode::Method);
        if (!setters.count(mname)) {
          // Assigning a read-only property raises AttributeError.
          RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
          RId self0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")});
          RId err = b_.call(b_.path("Err"), {b_.call(rt("classes::no_setter"), {b_.ref(self0), b_.str_lit(mname)})});
          make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("@setter:" + mname), b_.call("rt::dynamic::lambda", {b_.closure({param}, err)})})));
        }
        break;
      case Deco::Setter: put("@setter:" + mname, Mode::Method); break;
      case Deco::Deleter: put("@deleter:" + mname, Mode::Method); break;
      case Deco::Static:
        put(mname, Mode::Static);
        meta_def(mname, closure_for(f, Mode::Static));
        break;
      case Deco::ClassM:
        put(mname, Mode::Class);
        meta_def(mname, closure_for(f, Mode::Class));
        break;
    }
  }
  make_body.push_back(b_.expr_stmt(b_.call(rt("classes::register_type"), {b_.str_lit(c.name), b_.path(type_fn(ci))})));
  make_body.insert(make_body.end(), class_consts.begin(), class_consts.end());
  if (!class_fails.empty()) {
    for (auto& u : class_fails) diag(u.node, DiagId::Unsupported, "unsupported: " + u.what);
    ++out_.stubs;
    std::string msg = class_fails.front().what + " at line " + std::to_string(m_.pos(class_fails.front().node).lineno);
    RId param = b_.param("_a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    RId err = b_.call(b_.path("Err"), {b_.call("PyException::not_implemented", {b_.str_lit(msg)})});
    make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__init__"), b_.call("rt::dynamic::lambda", {b_.closure({param}, err)})})));
    dc = false;
  }
  if (dc) {
    auto fields = d_dataclass_fields(ci);
    Ids names;
    for (auto& fd : fields) names.push_back(b_.str_lit(fd.first));
    RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
    RId self0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")});
    if (!c.methods.count("__init__")) {
      // __init__(self, f1, f2=default, ...): defaults are evaluated per call
      // (a fresh list each time, like default_factory).
      Ids body{b_.let("this", kNil, self0, false)};
      for (size_t i = 0; i < fields.size(); ++i) {
        NodeId d = fields[i].second;
        RId dflt = b_.path("Value::None");
        if (d != kNone) {
          if (kind(d) == Kind::Call && kind(slot(d, fld::Call::func)) == Kind::Name && ident(slot(d, fld::Call::func), fld::Name::id) == "field") {
            dflt = b_.call("Value::list", {b_.call("Vec::new", {})});
            for (NodeId kw : list_of(d, fld::Call::keywords)) {
              uint32_t kn = slot(kw, fld::keyword::arg);
              NodeId kv = slot(kw, fld::keyword::value);
              if (kn != kNone && m_.str(kn) == "default") dflt = d_expr(kv);
              else if (kn != kNone && m_.str(kn) == "compare") continue;  // used by __eq__/order below
              else if (kn != kNone && m_.str(kn) == "default_factory" && kind(kv) == Kind::Name && ident(kv, fld::Name::id) == "dict")
                dflt = try_(b_.call(rt("dynamic::dict_from"), {b_.call("Vec::new", {})}));
              else if (!(kn != kNone && m_.str(kn) == "default_factory" && kind(kv) == Kind::Name && ident(kv, fld::Name::id) == "list"))
                fail(d, "dataclass field()");
            }
          } else {
            dflt = d_expr(d);
          }
        }
        RId v = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text(std::to_string(i + 1)), dflt});
        body.push_back(b_.expr_stmt(try_(b_.method(b_.path("this"), "setattr", {b_.str_lit(fields[i].first), v}))));
      }
      if (c.methods.count("__post_init__"))
        body.push_back(b_.expr_stmt(try_(b_.method(b_.path("this"), "call_method", {b_.str_lit("__post_init__"), b_.ref(b_.array({}))}))));
      RId clo = b_.closure({param}, b_.block(body, b_.call(b_.path("Ok"), {b_.path("Value::None")})));
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__init__"), b_.call("rt::dynamic::lambda", {clo})})));
    }
    if (!c.methods.count("__repr__")) {
      RId clo = b_.closure({param}, b_.call(rt("dynamic::dataclass_repr"), {b_.ref(self0), b_.ref(b_.array(names))}));
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__repr__"), clo})));
    }
    // Fields with `field(compare=False)` take no part in ==/ordering.
    Ids cmp_names;
    for (auto& fd : fields) {
      bool compare = true;
      NodeId d = fd.second;
      if (d != kNone && kind(d) == Kind::Call && kind(slot(d, fld::Call::func)) == Kind::Name && ident(slot(d, fld::Call::func), fld::Name::id) == "field")
        for (NodeId kw : list_of(d, fld::Call::keywords)) {
          uint32_t kn = slot(kw, fld::keyword::arg);
          NodeId kv = slot(kw, fld::keyword::value);
          if (kn != kNone && m_.str(kn) == "compare" && kind(kv) == Kind::Constant &&
              m_.constant(slot(kv, fld::Constant::value)).tag == ast::Constant::Tag::False)
            compare = false;
        }
      if (compare) cmp_names.push_back(b_.str_lit(fd.first));
    }
    if (d_dataclass_flag(ci, "order")) {
      for (const char* op : {"__lt__", "__le__", "__gt__", "__ge__"}) {
        if (c.methods.count(op)) continue;
        RId other = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("1"), b_.path("Value::None")});
        RId clo = b_.closure({param}, b_.call(rt("dynamic::dataclass_order"), {b_.ref(self0), b_.ref(other), b_.ref(b_.array(cmp_names)), b_.str_lit(op)}));
        make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit(op), clo})));
      }
    }
    names = cmp_names;
    if (!c.methods.count("__eq__")) {
      RId other = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("1"), b_.path("Value::None")});
      RId clo = b_.closure({param}, b_.call(rt("dynamic::dataclass_eq"), {b_.ref(self0), b_.ref(other), b_.ref(b_.array(names))}));
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__eq__"), clo})));
    }
    if (d_is_frozen_dataclass(ci)) {
      RId clo = b_.closure({param}, b_.call(b_.path("Ok"), {b_.path("Value::None")}));
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__frozen__"), clo})));
    }
    if (!c.methods.count("__hash__") && !c.methods.count("__eq__")) {
      // Instances used as dict keys / set members hash by their fields.
      RId clo = b_.closure({param}, b_.call(rt("dynamic::dataclass_hash"), {b_.ref(self0), b_.ref(b_.array(names))}));
      make_body.push_back(b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__hash__"), clo})));
    }
  }
  RId rc_class = b_.ty("Rc", {b_.ty("Class")});
  items.push_back(b_.fn(make, {}, rc_class, b_.block(make_body, b_.path("c"))));
  RId cached = b_.call(rt("dynamic::class_cached"), {b_.str_lit(global_key(c.name)), b_.path(make)});
  items.push_back(b_.fn(class_fn(ci), {}, rc_class, b_.block({}, cached), true, "The runtime class of Python's `" + c.name + "`."));
  items.push_back(b_.fn("make_" + type_fn(ci), {}, b_.ty("Value"), b_.block(type_body, b_.path("t"))));
  RId tcached = b_.call(rt("classes::type_cached"), {b_.str_lit(c.name), b_.path("make_" + type_fn(ci))});
  items.push_back(b_.fn(type_fn(ci), {}, b_.ty("Value"), b_.block({}, tcached), true, "Python's class `" + c.name + "` as a value."));
}

RId Lowerer::d_construct(NodeId e, uint32_t ci) {
  auto args = list_of(e, fld::Call::args);
  for (NodeId bn : list_of(tm_.classes[ci].node, fld::ClassDef::bases)) {
    std::string_view bname = kind(bn) == Kind::Name ? ident(bn, fld::Name::id) : "";
    if (bname == "Enum" || bname == "IntEnum")  // `Color(1)`: the member with that value
      return try_(b_.method(b_.call(type_fn(ci), {}), "call", {d_args(args)}));
  }
  // An abstract method (`@abstractmethod`) not overridden: TypeError.
  std::vector<std::string> abstract;
  for (int k = static_cast<int>(ci); k >= 0;) {
    const sema::ClassInfo& kc = tm_.classes[static_cast<uint32_t>(k)];
    for (auto& [mn, mf] : kc.methods) {
      if (d_find_method(static_cast<int>(ci), mn) != static_cast<int>(mf)) continue;
      for (NodeId d : list_of(tm_.funcs[mf].node, fld::FunctionDef::decorator_list))
        if ((kind(d) == Kind::Name && ident(d, fld::Name::id) == "abstractmethod") ||
            (kind(d) == Kind::Attribute && ident(d, fld::Attribute::attr) == "abstractmethod"))
          abstract.push_back(mn);
    }
    int base = -1;
    for (NodeId bn : list_of(kc.node, fld::ClassDef::bases)) {
      if (kind(bn) != Kind::Name) continue;
      auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
      if (b != tm_.class_by_name.end()) base = static_cast<int>(b->second);
    }
    k = base;
  }
  if (!abstract.empty()) {
    Ids names;
    for (auto& a : abstract) names.push_back(b_.str_lit(a));
    return try_(b_.call(rt("classes::abstract_error"), {b_.str_lit(tm_.classes[ci].name), b_.ref(b_.array(names))}));
  }
  std::vector<std::string> names;
  std::vector<NodeId> defaults;
  int init = d_find_method(static_cast<int>(ci), "__init__");
  if (init >= 0) {
    const sema::Function& fn = tm_.funcs[static_cast<uint32_t>(init)];
    for (uint32_t p : fn.params) {
      names.push_back(fn.vars[p].name);
      defaults.push_back(fn.vars[p].default_value);
    }
  } else if (d_is_dataclass(ci)) {
    for (auto& fd : d_dataclass_fields(ci)) {
      names.push_back(fd.first);
      defaults.push_back(kNone);  // the generated __init__ applies them
    }
  }
  std::vector<RId> given(std::max(names.size(), args.size()), kNil);
  for (size_t i = 0; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred) {
      // `C(*xs)`: the spread list goes to __init__ as it is.
      if (!list_of(e, fld::Call::keywords).empty()) {
        fail(args[i], "*args with keywords in a constructor call");
        return b_.path("Value::None");
      }
      return try_(b_.call(rt("dynamic::construct"), {b_.ref(b_.call(class_fn(ci), {})), d_args(args)}));
    }
    given[i] = d_expr(args[i]);
  }
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    bool found = false;
    for (size_t i = 0; kn != kNone && i < names.size(); ++i)
      if (names[i] == m_.str(kn)) {
        given[i] = d_expr(slot(k, fld::keyword::value));
        found = true;
      }
    if (!found) {
      fail(k, "keyword argument to a constructor");
      return b_.path("Value::None");
    }
  }
  // Trailing omitted arguments are left to the method's defaults; holes in
  // the middle get their default here.
  size_t last = 0;
  for (size_t i = 0; i < given.size(); ++i)
    if (given[i] != kNil) last = i + 1;
  Ids out;
  for (size_t i = 0; i < last; ++i) {
    if (given[i] != kNil) {
      out.push_back(given[i]);
    } else if (i < defaults.size() && defaults[i] != kNone) {
      out.push_back(d_expr(defaults[i]));
    } else {
      fail(e, "missing constructor argument");
      return b_.path("Value::None");
    }
  }
  return try_(b_.call(rt("dynamic::construct"), {b_.ref(b_.call(class_fn(ci), {})), b_.ref(b_.array(out))}));
}

RId Lowerer::d_super_call(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  std::string_view m = ident(fn, fld::Attribute::attr);
  const sema::Function& cur = tm_.funcs[cur_];
  int base = -1;
  if (cur.cls >= 0)
    for (NodeId bn : list_of(tm_.classes[static_cast<uint32_t>(cur.cls)].node, fld::ClassDef::bases)) {
      if (kind(bn) != Kind::Name) continue;
      auto b = tm_.class_by_name.find(ident(bn, fld::Name::id));
      if (b != tm_.class_by_name.end()) base = static_cast<int>(b->second);
    }
  int target = d_find_method(base, m);
  const Binding* self = lookup("self");
  if (target < 0 && self && m == "__init__" && cur.cls >= 0 && list_of(e, fld::Call::keywords).empty()) {
    // An exception class's super().__init__(msg) reaches BaseException's.
    auto mro = d_class_mro(tm_.classes[static_cast<uint32_t>(cur.cls)].name);
    if (std::find(mro.begin(), mro.end(), "BaseException") != mro.end()) {
      Ids a;
      for (NodeId x : list_of(e, fld::Call::args)) a.push_back(d_expr(x));
      RId self_v = b_.method(b_.path(self->rust), "clone", {});
      return b_.block({b_.expr_stmt(try_(b_.call(rt("exc_obj::base_init"), {b_.ref(self_v), b_.ref(b_.array(a))})))}, b_.path("Value::None"));
    }
  }
  if (target < 0 || !self) {
    fail(e, "super() call");
    return b_.path("Value::None");
  }
  const sema::Function& tf = tm_.funcs[static_cast<uint32_t>(target)];
  // Keyword arguments go to the parameter of that name.
  std::vector<NodeId> by_kw(tf.params.size(), kNone);
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t a = slot(k, fld::keyword::arg);
    bool found = false;
    for (size_t i = 0; a != kNone && i < tf.params.size(); ++i)
      if (tf.vars[tf.params[i]].name == m_.str(a)) {
        by_kw[i] = slot(k, fld::keyword::value);
        found = true;
      }
    if (!found) {
      fail(e, "super() call");
      return b_.path("Value::None");
    }
  }
  Ids args{d_read(*self, "self")};
  auto given = list_of(e, fld::Call::args);
  for (size_t i = 0; i < tf.params.size(); ++i) {
    if (i < given.size()) args.push_back(d_expr(given[i]));
    else if (by_kw[i] != kNone) args.push_back(d_expr(by_kw[i]));
    else if (tf.vars[tf.params[i]].default_value != kNone) args.push_back(d_expr(tf.vars[tf.params[i]].default_value));
    else {
      fail(e, "missing argument to super()");
      return b_.path("Value::None");
    }
  }
  return try_(b_.call(fn_rust_name(static_cast<uint32_t>(target)), args));
}

RId Lowerer::d_method_kw(NodeId e) {
  // `obj.m(x, k=v)` where m is a method of the module's classes: the
  // keywords become positions (the method's Rust closure takes positional
  // arguments only) when obj turns out to be an instance or class object;
  // any other receiver (a list, a str) keeps the keyword call.
  NodeId fn = slot(e, fld::Call::func);
  NodeId recv = slot(fn, fld::Attribute::value);
  std::string_view m = ident(fn, fld::Attribute::attr);
  if (kind(recv) == Kind::Name && !lookup(ident(recv, fld::Name::id)) && !tm_.class_by_name.count(ident(recv, fld::Name::id))) return kNil;
  const sema::Function* callee = nullptr;
  for (const sema::ClassInfo& c : tm_.classes) {
    auto it = c.methods.find(m);
    if (it == c.methods.end()) continue;
    const sema::Function& f = tm_.funcs[it->second];
    if (callee) {
      if (f.params.size() != callee->params.size()) return kNil;
      for (size_t i = 0; i < f.params.size(); ++i)
        if (f.vars[f.params[i]].name != callee->vars[callee->params[i]].name) return kNil;
    }
    callee = &f;
  }
  if (!callee) return kNil;
  auto args = list_of(e, fld::Call::args);
  std::vector<NodeId> given(std::max(callee->params.size(), args.size()), kNone);
  for (size_t i = 0; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred) return kNil;
    given[i] = args[i];
  }
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    if (kn == kNone) return kNil;
    size_t i = 0;
    while (i < callee->params.size() && callee->vars[callee->params[i]].name != m_.str(kn)) ++i;
    if (i == callee->params.size() || given[i] != kNone) return kNil;
    given[i] = slot(k, fld::keyword::value);
  }
  size_t last = 0;
  for (size_t i = 0; i < given.size(); ++i)
    if (given[i] != kNone) last = i + 1;
  Ids pos;
  for (size_t i = 0; i < last; ++i) {
    NodeId x = given[i] != kNone ? given[i] : i < callee->params.size() ? callee->vars[callee->params[i]].default_value : kNone;
    if (x == kNone) return kNil;
    pos.push_back(d_expr(x));
  }
  Ids kw;
  for (NodeId k : list_of(e, fld::Call::keywords))
    kw.push_back(b_.tuple({b_.str_lit(m_.str(slot(k, fld::keyword::arg))), d_expr(slot(k, fld::keyword::value))}));
  std::string r = fresh("recv");
  RId as_obj = try_(b_.call(rt("dynamic::method"), {b_.ref(b_.path(r)), b_.str_lit(m), b_.ref(b_.array(pos)), b_.ref(b_.array({}))}));
  RId as_kw = try_(b_.call(rt("dynamic::method"), {b_.ref(b_.path(r)), b_.str_lit(m), d_args(args), b_.ref(b_.array(kw))}));
  RId test = b_.call(rt("classes::is_object"), {b_.ref(b_.path(r))});
  return b_.block({b_.let(r, kNil, d_expr(recv), false)}, b_.if_(test, b_.block({}, as_obj), b_.block({}, as_kw)));
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


}  // namespace portalis::lower
