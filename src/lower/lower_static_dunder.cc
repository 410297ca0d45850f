// Dunders of static classes (lower_static_class.cc): `__str__`/`__repr__`
// become the struct's `rt::native::ObjText` (so print, str(), f-strings and
// containers show instances as Python does; every static class gets one), `__eq__`/`__lt__` are called
// for `==`, `!=`, `<`, `>` between instances, `__len__` for len().
//
// The dunders are ordinary methods too (`C::dunder_str(&obj)`), and the
// handles' runtime class defines them under their Python names, so dynamic
// code sees the same behaviour.
#include "lower/lower_impl.h"

namespace portalis::lower {

void Lowerer::s_class_text(uint32_t ci, Ids& items) {
  const sema::ClassInfo& c = tm_.classes[ci];
  auto str_it = c.methods.find("__str__"), repr_it = c.methods.find("__repr__");
  // Every static class gets one: print(obj) must build even without them.
  std::string cname = s_class_name(ci);
  // A text dunder that can raise or returns something else than a str:
  // beyond this lowering, the class stays dynamic.
  for (auto it : {str_it, repr_it}) {
    if (it == c.methods.end()) continue;
    if (fallible_in_.count(it->second) || T.kind(tm_.funcs[it->second].ret) != TyKind::Str) {
      fail(tm_.funcs[it->second].node, it->first + " that may raise or return a non-str");
      class_failed_out.insert(ci);
      return;
    }
  }
  RId this_param = b_.param("this", b_.ty_ref(s_class_type(ci)));
  auto call = [&](uint32_t f) { return b_.call(cname + "::" + s_method_name(f), {b_.path("this")}); };
  Ids fns;
  // Without __repr__, Python shows `<__main__.C object at 0x..>`: an address
  // no program can rely on, so the text without it is as good.
  RId repr = repr_it != c.methods.end() ? call(repr_it->second)
             : c.dataclass ? s_dc_repr(ci)  // lower_static_dataclass.cc
                           : b_.call(b_.path("String::from"), {b_.str_lit("<__main__." + c.name + " object>")});
  fns.push_back(b_.fn("obj_repr", {this_param}, b_.ty("String"), b_.block({}, repr)));
  if (str_it != c.methods.end())
    fns.push_back(b_.fn("obj_str", {b_.param("this", b_.ty_ref(s_class_type(ci)))}, b_.ty("String"), b_.block({}, call(str_it->second))));
  if (c.dataclass) s_dc_eq_hash(ci, fns);
  items.push_back(b_.impl(cname, b_.ty("rt::native::ObjText"), fns));
  if (c.dataclass) s_dc_native(ci, items);
}

bool Lowerer::s_compare_dunder(NodeId e, Kind op, const LE& l, const LE& r, RId* out) {
  if (T.kind(l.ty) != TyKind::Class || !is_static_class(static_cast<int>(T.get(l.ty).cls))) return false;
  uint32_t ci = T.get(l.ty).cls;
  const sema::ClassInfo& c = tm_.classes[ci];
  bool eq = op == Kind::Eq || op == Kind::NotEq;
  bool has_eq = c.methods.count("__eq__") > 0;
  bool in = op == Kind::In || op == Kind::NotIn;
  if (eq && !has_eq && c.dataclass && l.ty == r.ty) {  // the generated __eq__ (lower_static_dataclass.cc)
    *out = b_.binary(op == Kind::Eq ? Op::Eq : Op::Ne, borrow(l), borrow(r));
    return true;
  }
  if (op == Kind::Is || op == Kind::IsNot || ((eq || in) && !has_eq)) return false;  // identity (lower_expr.cc)
  // a > b is b.__lt__(a) when a has no __gt__ (Python's reflected operand).
  const char* name = eq ? "__eq__" : (op == Kind::Lt || op == Kind::Gt) ? "__lt__" : nullptr;
  auto it = name ? c.methods.find(name) : c.methods.end();
  if (it == c.methods.end() || l.ty != r.ty || fallible_in_.count(it->second) || T.kind(tm_.funcs[it->second].ret) != TyKind::Bool ||
      tm_.funcs[it->second].params.size() != 1 || tm_.funcs[it->second].vars[tm_.funcs[it->second].params[0]].type != l.ty) {
    fail(e, "comparison of " + c.name + " instances");
    *out = b_.bool_lit(false);
    return true;
  }
  bool swap = op == Kind::Gt;
  const LE& a = swap ? r : l;
  const LE& b = swap ? l : r;
  RId call = b_.call(s_class_name(ci) + "::" + s_method_name(it->second), {borrow(a), owned(b)});
  *out = op == Kind::NotEq ? b_.unary(Op::Not, call) : call;
  return true;
}

bool Lowerer::s_len_dunder(NodeId e, const LE& a, LE* out) {
  if (T.kind(a.ty) != TyKind::Class || !is_static_class(static_cast<int>(T.get(a.ty).cls))) return false;
  uint32_t ci = T.get(a.ty).cls;
  auto it = tm_.classes[ci].methods.find("__len__");
  if (it == tm_.classes[ci].methods.end() || fallible_in_.count(it->second) || T.kind(tm_.funcs[it->second].ret) != TyKind::Int) return false;
  // Python checks len() >= 0 (ValueError): a negative length stays dynamic.
  (void)e;
  *out = {b_.call(s_class_name(ci) + "::" + s_method_name(it->second), {borrow(a)}), Types::kInt, Form::Owned};
  return true;
}

bool Lowerer::s_sort_dunder(NodeId e, TypeId el, const std::string& vec, RId* out) {
  // sorted() of instances: Python's sort is stable and asks only `<`, so a
  // stable sort_by ordering by __lt__ either way gives the same list.
  if (T.kind(el) != TyKind::Class || !is_static_class(static_cast<int>(T.get(el).cls))) return false;
  uint32_t ci = T.get(el).cls;
  auto it = tm_.classes[ci].methods.find("__lt__");
  if (it == tm_.classes[ci].methods.end() || fallible_in_.count(it->second) || T.kind(tm_.funcs[it->second].ret) != TyKind::Bool ||
      tm_.funcs[it->second].params.size() != 1 || tm_.funcs[it->second].vars[tm_.funcs[it->second].params[0]].type != el)
    return false;
  (void)e;
  std::string lt = s_class_name(ci) + "::" + s_method_name(it->second);
  auto less = [&](const char* x, const char* y) { return b_.call(lt, {b_.path(x), b_.method(b_.path(y), "clone", {})}); };
  RId ord = b_.if_(less("a", "b"), b_.block({}, b_.path("std::cmp::Ordering::Less")),
                   b_.if_(less("b", "a"), b_.block({}, b_.path("std::cmp::Ordering::Greater")), b_.block({}, b_.path("std::cmp::Ordering::Equal"))));
  *out = b_.method(b_.path(vec), "sort_by", {b_.closure({b_.pat_ident("a"), b_.pat_ident("b")}, ord)});
  return true;
}

}  // namespace portalis::lower
