// @dataclass classes in static code (lower_static_class.cc makes the struct
// and the methods): the fields are the class body's annotations, in order;
// what the decorator generates is written here.
//
//  - `C::new(f1, f2, ..)` takes every field; a call `C(a, k=v)` binds its
//    arguments by position and keyword and fills the rest from the defaults
//    (constants, `field(default=..)`, `field(default_factory=list|dict|set)`).
//  - `__repr__`: `C(x=1, y='a')`, the fields' own reprs (nested instances too).
//  - `__eq__`: field by field (ObjText::obj_eq, so containers compare the
//    same way); `frozen=True` adds `__hash__` over the fields (dict keys)
//    and makes a field store raise FrozenInstanceError.
//
// Other shapes (a user __init__/__repr__/__eq__/__hash__, __post_init__,
// ClassVar, other decorator options, defaults beyond constants) keep the
// class dynamic (lower_class.cc), and so does use by dynamic code: the
// handles' runtime class has no generated dunders.
#include <algorithm>

#include "lower/lower_impl.h"
#include "sema/infer_exc.h"

namespace portalis::lower {

namespace {

bool is_dataclass_name(const ast::Module& m, NodeId n) {
  return (m.kind(n) == Kind::Name && m.str(m.slot(n, fld::Name::id)) == "dataclass") ||
         (m.kind(n) == Kind::Attribute && m.str(m.slot(n, fld::Attribute::attr)) == "dataclass");
}

bool is_const(const ast::Module& m, NodeId v) {
  if (m.kind(v) == Kind::UnaryOp && Kind(m.slot(v, fld::UnaryOp::op)) == Kind::USub) v = m.slot(v, fld::UnaryOp::operand);
  return m.kind(v) == Kind::Constant;
}

// `field(default_factory=list)` / `field(default=3)`: the factory's name or
// the default's node; false for other calls.
bool field_call(const ast::Module& m, NodeId v, std::string_view* factory, NodeId* dflt) {
  if (m.kind(v) != Kind::Call) return false;
  NodeId fn = m.slot(v, fld::Call::func);
  if (!((m.kind(fn) == Kind::Name && m.str(m.slot(fn, fld::Name::id)) == "field") ||
        (m.kind(fn) == Kind::Attribute && m.str(m.slot(fn, fld::Attribute::attr)) == "field")))
    return false;
  if (!m.list_of(v, fld::Call::args).empty()) return false;
  auto kws = m.list_of(v, fld::Call::keywords);
  if (kws.size() != 1 || m.slot(kws[0], fld::keyword::arg) == kNone) return false;
  std::string_view k = m.str(m.slot(kws[0], fld::keyword::arg));
  NodeId x = m.slot(kws[0], fld::keyword::value);
  if (k == "default_factory" && m.kind(x) == Kind::Name) {
    std::string_view f = m.str(m.slot(x, fld::Name::id));
    if (f != "list" && f != "dict" && f != "set") return false;
    *factory = f;
    return true;
  }
  if (k == "default" && is_const(m, x)) {
    *dflt = x;
    return true;
  }
  return false;
}

// The decorator's keyword `name` (true/false), or `dflt` when absent; -1 for anything else.
int decorator_flag(const ast::Module& m, NodeId dec, std::string_view name, int dflt) {
  if (m.kind(dec) != Kind::Call) return dflt;
  for (NodeId k : m.list_of(dec, fld::Call::keywords)) {
    if (m.slot(k, fld::keyword::arg) == kNone) return -1;
    if (m.str(m.slot(k, fld::keyword::arg)) != name) continue;
    NodeId v = m.slot(k, fld::keyword::value);
    if (m.kind(v) != Kind::Constant) return -1;
    const ast::Constant& c = m.constant(m.slot(v, fld::Constant::value));
    if (c.tag == ast::Constant::Tag::True) return 1;
    if (c.tag == ast::Constant::Tag::False) return 0;
    return -1;
  }
  return dflt;
}

}  // namespace

bool s_dataclass_shape(const sema::TypedModule& tm, uint32_t ci) {
  const ast::Module& m = *tm.ast;
  const sema::ClassInfo& c = tm.classes[ci];
  if (!c.dataclass || sema::is_exc_class(tm, ci)) return false;
  auto decs = m.list_of(c.node, fld::ClassDef::decorator_list);
  if (decs.size() != 1) return false;
  NodeId dec = decs[0];
  NodeId name = m.kind(dec) == Kind::Call ? m.slot(dec, fld::Call::func) : dec;
  if (!is_dataclass_name(m, name)) return false;
  if (m.kind(dec) == Kind::Call) {
    if (!m.list_of(dec, fld::Call::args).empty()) return false;
    for (NodeId k : m.list_of(dec, fld::Call::keywords)) {
      uint32_t kn = m.slot(k, fld::keyword::arg);
      if (kn == kNone || (m.str(kn) != "frozen" && m.str(kn) != "eq")) return false;
    }
    if (decorator_flag(m, dec, "frozen", 0) < 0 || decorator_flag(m, dec, "eq", 1) != 1) return false;
  }
  for (const char* own : {"__init__", "__repr__", "__str__", "__eq__", "__hash__", "__post_init__", "__setattr__", "__lt__"})
    if (c.methods.count(own)) return false;
  // The annotated names, in order, are exactly the struct's fields.
  size_t nf = 0;
  bool seen_default = false;
  for (NodeId st : m.list_of(c.node, fld::ClassDef::body)) {
    if (m.kind(st) != Kind::AnnAssign) continue;
    NodeId t = m.slot(st, fld::AnnAssign::target);
    if (m.kind(t) != Kind::Name) return false;
    NodeId ann = m.slot(st, fld::AnnAssign::annotation);
    NodeId base = m.kind(ann) == Kind::Subscript ? m.slot(ann, fld::Subscript::value) : ann;
    if ((m.kind(base) == Kind::Name && m.str(m.slot(base, fld::Name::id)) == "ClassVar") ||
        (m.kind(base) == Kind::Attribute && m.str(m.slot(base, fld::Attribute::attr)) == "ClassVar"))
      return false;
    NodeId v = m.slot(st, fld::AnnAssign::value);
    std::string_view factory;
    NodeId d = kNone;
    if (v != kNone && !is_const(m, v) && !field_call(m, v, &factory, &d)) return false;
    if (v == kNone && seen_default) return false;  // Python raises TypeError at class creation
    seen_default |= v != kNone;
    if (nf >= c.fields.size() || c.fields[nf].first != m.str(m.slot(t, fld::Name::id))) return false;
    ++nf;
  }
  return nf == c.fields.size() && nf > 0;
}

bool Lowerer::s_dc_frozen(uint32_t ci) const {
  const sema::ClassInfo& c = tm_.classes[ci];
  if (!c.dataclass) return false;
  auto decs = list_of(c.node, fld::ClassDef::decorator_list);
  return decs.size() == 1 && decorator_flag(m_, decs[0], "frozen", 0) == 1;
}

std::vector<NodeId> Lowerer::s_dc_defaults(uint32_t ci) const {
  // Per field: its AnnAssign value (kNone: no default).
  std::vector<NodeId> out;
  for (NodeId st : list_of(tm_.classes[ci].node, fld::ClassDef::body))
    if (kind(st) == Kind::AnnAssign) out.push_back(slot(st, fld::AnnAssign::value));
  return out;
}

void Lowerer::s_dc_new(uint32_t ci, Ids& impl_items) {
  const sema::ClassInfo& c = tm_.classes[ci];
  Ids params, body{b_.let("this", kNil, b_.call("Obj::new", {b_.call(s_class_name(ci) + "::default", {})}), false)};
  for (auto& fd : c.fields) {
    std::string rn = "f_" + rust::snake_case(fd.first);
    params.push_back(b_.param(rn, rust_type(fd.second)));
    RId place = b_.field(b_.method(b_.path("this"), "borrow_mut", {}), rust::escape_ident(fd.first));
    body.push_back(b_.expr_stmt(b_.assign(Op::Assign, place, b_.path(rn))));
  }
  impl_items.push_back(b_.fn("new", params, s_class_type(ci), b_.block(body, b_.path("this")), true,
                             "Python's `" + c.name + "(...)` (the dataclass's generated `__init__`)."));
}

LE Lowerer::s_dc_construct(NodeId e, uint32_t ci) {
  const sema::ClassInfo& c = tm_.classes[ci];
  TypeId t = T.cls(ci);
  auto args = list_of(e, fld::Call::args);
  auto kws = list_of(e, fld::Call::keywords);
  std::vector<NodeId> dflt = s_dc_defaults(ci);
  std::vector<NodeId> given(c.fields.size(), kNone);
  if (args.size() > c.fields.size()) {
    fail(e, "too many arguments to " + c.name);
    return {b_.tuple({}), t, Form::Owned};
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred) {
      fail(args[i], "*args to a dataclass");
      return {b_.tuple({}), t, Form::Owned};
    }
    given[i] = args[i];
  }
  for (NodeId k : kws) {
    uint32_t kn = slot(k, fld::keyword::arg);
    size_t i = 0;
    while (kn != kNone && i < c.fields.size() && c.fields[i].first != m_.str(kn)) ++i;
    if (kn == kNone || i == c.fields.size() || given[i] != kNone) {
      fail(k, "keyword argument to " + c.name);
      return {b_.tuple({}), t, Form::Owned};
    }
    given[i] = slot(k, fld::keyword::value);
  }
  // Arguments run in the call's order: keywords out of field order go to locals first.
  Ids stmts, call_args(c.fields.size(), kNil);
  bool in_order = true;
  for (size_t i = 0, last = 0; i < kws.size(); ++i) {
    NodeId v = slot(kws[i], fld::keyword::value);
    size_t at = std::find(given.begin(), given.end(), v) - given.begin();
    if (at < last) in_order = false;
    last = at;
  }
  auto arg_of = [&](NodeId v, TypeId ft) { return coerce(expr_as(v, ft), ft); };
  if (!in_order) {
    std::vector<NodeId> order(args.begin(), args.end());
    for (NodeId k : kws) order.push_back(slot(k, fld::keyword::value));
    for (NodeId v : order) {
      size_t i = std::find(given.begin(), given.end(), v) - given.begin();
      std::string tmp = fresh("arg");
      stmts.push_back(b_.let(tmp, rust_type(c.fields[i].second), arg_of(v, c.fields[i].second), false));
      call_args[i] = b_.path(tmp);
    }
  }
  for (size_t i = 0; i < c.fields.size(); ++i) {
    if (call_args[i] != kNil) continue;
    TypeId ft = c.fields[i].second;
    if (given[i] != kNone) {
      call_args[i] = arg_of(given[i], ft);
      continue;
    }
    NodeId d = i < dflt.size() ? dflt[i] : kNone;
    std::string_view factory;
    NodeId dv = kNone;
    if (d == kNone) {
      fail(e, "missing argument " + c.fields[i].first + " of " + c.name);
      return {b_.tuple({}), t, Form::Owned};
    }
    if (kind(d) == Kind::Call && field_call(m_, d, &factory, &dv)) {
      if (dv == kNone) {
        TyKind fk = T.kind(ft);
        if ((factory == "list" && fk != TyKind::List) || (factory == "dict" && fk != TyKind::Dict) || (factory == "set" && fk != TyKind::Set) ||
            T.has_unknown(ft)) {
          fail(d, "default_factory for a field of type " + T.name(ft));
          return {b_.tuple({}), t, Form::Owned};
        }
        call_args[i] = default_value(ft);
        if (fk == TyKind::List) call_args[i] = b_.call("Vec::new", {});
        continue;
      }
      d = dv;
    }
    call_args[i] = arg_of(d, ft);
  }
  RId call = b_.call(s_class_name(ci) + "::new", call_args);
  if (!stmts.empty()) call = b_.block(stmts, call);
  return {call, t, Form::Owned};
}

RId Lowerer::s_dc_repr(uint32_t ci) {
  // format!("C(x={}, y={})", repr(x), repr(y)) over one borrow of the object.
  const sema::ClassInfo& c = tm_.classes[ci];
  std::string fmt;
  append_format_literal(fmt, c.name + "(");
  Ids margs{kNil};
  for (size_t i = 0; i < c.fields.size(); ++i) {
    append_format_literal(fmt, (i ? ", " : "") + c.fields[i].first + "=");
    fmt += "{}";
    margs.push_back(b_.method(b_.field(b_.path("o"), rust::escape_ident(c.fields[i].first)), "py_repr", {}));
  }
  fmt += ")";
  margs[0] = b_.str_lit(fmt);
  return b_.block({b_.let("o", kNil, b_.method(b_.path("this"), "borrow", {}), false)}, b_.macro("format", margs));
}

void Lowerer::s_dc_eq_hash(uint32_t ci, Ids& fns) {
  const sema::ClassInfo& c = tm_.classes[ci];
  RId self_ty = b_.ty_ref(s_class_type(ci));
  // __eq__: the same object, or every field equal (Python compares the field tuples).
  RId eq = kNil;
  for (auto& fd : c.fields) {
    std::string f = rust::escape_ident(fd.first);
    RId x = b_.binary(Op::Eq, b_.field(b_.path("x"), f), b_.field(b_.path("y"), f));
    eq = eq == kNil ? x : b_.binary(Op::And, eq, x);
  }
  Ids st{b_.let("x", kNil, b_.method(b_.path("a"), "borrow", {}), false), b_.let("y", kNil, b_.method(b_.path("b"), "borrow", {}), false)};
  RId same = b_.call("Obj::is", {b_.path("a"), b_.path("b")});
  fns.push_back(b_.fn("obj_eq", {b_.param("a", self_ty), b_.param("b", self_ty)}, b_.ty("bool"),
                      b_.block({}, b_.binary(Op::Or, same, b_.block(st, eq)))));
  if (!s_dc_frozen(ci)) return;
  // __hash__ of a frozen dataclass: its fields' hashes (floats as numbers, so 1 and 1.0 agree).
  Ids hs{b_.let("o", kNil, b_.method(b_.path("this"), "borrow", {}), false)};
  for (auto& fd : c.fields) {
    RId v = b_.field(b_.path("o"), rust::escape_ident(fd.first));
    TyKind k = T.kind(fd.second);
    if (k == TyKind::Float) v = b_.call(rt("num::Num::Float"), {v});
    else if (k != TyKind::Int && k != TyKind::Str && k != TyKind::Bool && k != TyKind::Num && k != TyKind::Class) {
      fail(c.node, "hash of a " + T.name(fd.second) + " field");
      class_failed_out.insert(ci);
      return;
    }
    hs.push_back(b_.expr_stmt(b_.call("std::hash::Hash::hash", {b_.ref(v), b_.path("h")})));
  }
  RId hasher = b_.closure({b_.pat_ident("h")}, b_.block(hs));
  fns.push_back(b_.fn("obj_hash", {b_.param("this", self_ty)}, b_.ty("u64"), b_.block({}, b_.call(rt("native::hash_fields"), {hasher}))));
}

bool Lowerer::s_dc_store(uint32_t ci, std::string_view name, Ids& out) {
  // A store into a frozen dataclass's field raises (after the value ran).
  if (!s_dc_frozen(ci)) return false;
  out.push_back(b_.expr_stmt(try_(b_.call(rt("native::frozen_assign"), {b_.str_lit(name)}))));
  return true;
}

}  // namespace portalis::lower

namespace portalis::lower {

RId Lowerer::s_field_is(NodeId ln, NodeId rn, bool negate) {
  // A container field of a static instance lives in that instance alone
  // (stores take a copy), so `a.items is b.items` holds exactly when a is b.
  if (kind(ln) != Kind::Attribute || kind(rn) != Kind::Attribute || ident(ln, fld::Attribute::attr) != ident(rn, fld::Attribute::attr))
    return kNil;
  NodeId lo = slot(ln, fld::Attribute::value), ro = slot(rn, fld::Attribute::value);
  TypeId lt = tm_.type_of(lo);
  if (T.kind(lt) != TyKind::Class || lt != tm_.type_of(ro) || !is_static_class(static_cast<int>(T.get(lt).cls))) return kNil;
  TyKind fk = T.kind(tm_.type_of(ln));
  if (fk != TyKind::List && fk != TyKind::Dict && fk != TyKind::Set) return kNil;
  RId c = b_.call("Obj::is", {borrow(expr(lo)), borrow(expr(ro))});
  return negate ? b_.unary(Op::Not, c) : c;
}

}  // namespace portalis::lower

namespace portalis::lower {

void Lowerer::s_dc_native(uint32_t ci, Ids& items) {
  // The runtime's containers show a key in a KeyError through Value: a
  // dataclass's handles get a class whose __repr__ is the struct's (dynamic
  // code never holds these instances: class_bridgeable keeps such classes dynamic).
  const sema::ClassInfo& c = tm_.classes[ci];
  std::string cname = s_class_name(ci);
  RId value_ty = b_.ty("rt::value::Value");
  RId aparam = b_.param("a", b_.ty_ref(b_.ty_slice(value_ty)));
  RId arg0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit(0), b_.path("rt::value::Value::None")});
  RId this_ = b_.let("this", s_class_type(ci), b_.try_(b_.call("rt::value::FromValue::from_value", {b_.ref(arg0)})), false);
  RId text = b_.call("rt::native::ObjText::obj_repr", {b_.ref(b_.path("this"))});
  RId repr = b_.closure({aparam}, b_.block({this_}, b_.call(b_.path("Ok"), {b_.call("rt::value::Value::from", {text})})));
  Ids mk{b_.let("c", kNil, b_.call("rt::value::Class::new", {b_.str_lit(c.name), b_.path("None")}), false),
         b_.expr_stmt(b_.method(b_.path("c"), "def_method", {b_.str_lit("__repr__"), repr}))};
  RId make = b_.closure({}, b_.block(mk, b_.path("c")));
  RId rc_class = b_.ty("std::rc::Rc", {b_.ty("rt::value::Class")});
  RId body = b_.block({}, b_.call(rt("dynamic::class_cached"), {b_.str_lit(c.name), make}));
  items.push_back(b_.impl(cname, b_.ty("rt::native::Native"), {b_.fn("class", {}, rc_class, body)}));
}

}  // namespace portalis::lower

namespace portalis::lower {

bool Lowerer::s_field_item_store(NodeId target, LE value, Ids& out) {
  // `obj.tags[k] = v` / `obj.items[i] = v`: the store goes into the field
  // (borrowed mutably once the value and key are computed), not into a copy.
  NodeId bn = slot(target, fld::Subscript::value);
  if (kind(bn) != Kind::Attribute || kind(slot(target, fld::Subscript::slice)) == Kind::Slice) return false;
  NodeId on = slot(bn, fld::Attribute::value);
  TypeId ot = tm_.type_of(on);
  if (T.kind(ot) != TyKind::Class || !is_static_class(static_cast<int>(T.get(ot).cls))) return false;
  TypeId ft = tm_.type_of(bn);
  TyKind fk = T.kind(ft);
  if (fk != TyKind::List && fk != TyKind::Dict) return false;
  if (T.has_unknown(ft) || T.has_dyn(ft)) {
    fail(target, "item store into a field of type " + T.name(ft));
    return true;
  }
  std::string name = rust::escape_ident(ident(bn, fld::Attribute::attr));
  TypeId et = fk == TyKind::List ? T.elem(ft) : T.get(ft).args[1];
  std::string v = fresh("val"), k = fresh("key");
  out.push_back(b_.let(v, rust_type(et), coerce(value, et), false));
  NodeId key = slot(target, fld::Subscript::slice);
  if (fk == TyKind::Dict) {
    TypeId kt = T.get(ft).args[0];
    out.push_back(b_.let(k, rust_type(kt), coerce(expr_as(key, kt), kt), false));
    LE obj = expr(on);
    out.push_back(b_.expr_stmt(b_.method(b_.field(b_.method(obj.id, "borrow_mut", {}), name), "insert", {b_.path(k), b_.path(v)})));
    return true;
  }
  LE i = expr(key);
  if (T.kind(i.ty) != TyKind::Int && T.kind(i.ty) != TyKind::Bool) {
    fail(key, "index of type " + T.name(i.ty));
    return true;
  }
  out.push_back(b_.let(k, b_.ty("i64"), coerce(i, Types::kInt), false));
  LE obj = expr(on);
  RId len = b_.method(b_.field(b_.method(obj.id, "borrow", {}), name), "len", {});
  std::string at = fresh("i");
  out.push_back(b_.let(at, kNil, try_(b_.call(rt("slice::check_index"), {b_.path(k), len, b_.str_lit("list assignment index out of range")})), false));
  LE obj2 = expr(on);
  out.push_back(b_.expr_stmt(b_.assign(Op::Assign, b_.index(b_.field(b_.method(obj2.id, "borrow_mut", {}), name), b_.path(at)), b_.path(v))));
  return true;
}

}  // namespace portalis::lower
