// Dynamic mode: calls of builtins, user functions, classes and methods.
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::d_args(std::span<const uint32_t> args) {
  bool star = false;
  for (NodeId a : args) star |= kind(a) == Kind::Starred;
  Ids items;
  if (!star) {
    for (NodeId a : args) items.push_back(d_expr(a));
    return b_.ref(b_.array(items));
  }
  for (NodeId a : args) {
    bool s = kind(a) == Kind::Starred;
    items.push_back(b_.tuple({b_.bool_lit(s), d_expr(s ? slot(a, fld::Starred::value) : a)}));
  }
  return b_.ref(try_(b_.call(rt("dynamic::spread"), {b_.macro("vec", items, true)})));
}

RId Lowerer::d_call(NodeId e) {
  if (RId s = d_stdlib_call(e); s != kNil) return s;
  NodeId fn = slot(e, fld::Call::func);
  auto args = list_of(e, fld::Call::args);
  const bool no_keywords = list_of(e, fld::Call::keywords).empty();
  bool starred = false;
  for (NodeId a : args) starred |= kind(a) == Kind::Starred;
  if (kind(fn) == Kind::Name && !lookup(ident(fn, fld::Name::id)) && tm_.func_by_name.count(ident(fn, fld::Name::id)))
    return d_call_known(e, tm_.func_by_name.at(std::string(ident(fn, fld::Name::id))));
  bool double_star = false;  // `C(**d)`; `C(*xs)` is d_construct's
  for (NodeId k : list_of(e, fld::Call::keywords)) double_star |= slot(k, fld::keyword::arg) == kNone;
  if (double_star && kind(fn) == Kind::Name && tm_.class_by_name.count(ident(fn, fld::Name::id))) {
    fail(e, "call with **kwargs");
    return b_.path("Value::None");
  }
  if (kind(fn) == Kind::Name) {
    std::string_view n = ident(fn, fld::Name::id);
    if (const Binding* bnd = lookup(n)) {
      return d_call_value(d_read(*bnd, n), e);
    }
    auto cls = tm_.class_by_name.find(n);
    if (cls != tm_.class_by_name.end() && !d_is_exception_class(n)) return d_construct(e, cls->second);
    if (n == "print") {
      RId sep = b_.str_lit(" "), end = b_.str_lit("\n");
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        if (slot(k, fld::keyword::arg) == kNone) fail(k, "print(**kwargs)");
        std::string_view kn = slot(k, fld::keyword::arg) == kNone ? "" : m_.str(slot(k, fld::keyword::arg));
        NodeId v = slot(k, fld::keyword::value);
        RId text = kind(v) == Kind::Constant && m_.constant(slot(v, fld::Constant::value)).tag == ast::Constant::Tag::Str
                       ? b_.str_lit(m_.constant(slot(v, fld::Constant::value)).text)
                       : b_.ref(b_.call(rt("dynamic::text"), {b_.ref(d_expr(v))}));
        if (kn == "sep") sep = text;
        else if (kn == "end") end = text;
        else fail(k, "print keyword");
      }
      if (starred) return d_print_spread(e, sep, end);
      Ids items;
      for (NodeId x : args) {
        if (kind(x) == Kind::Starred) {
          fail(x, "print(*args)");
          continue;
        }
        items.push_back(b_.ref(d_expr(x)));
      }
      return b_.block({b_.expr_stmt(b_.call(rt("print::print"), {b_.ref(b_.array(items)), sep, end}))}, b_.path("Value::None"));
    }
    if (d_is_exception_class(n)) {
      Ids a;
      for (NodeId x : args) a.push_back(d_expr(x));
      return b_.call(rt("dynamic::exception_value"), {b_.ref(b_.call(rt("dynamic::exception"), {b_.str_lit(n), b_.ref(b_.array(a))}))});
    }
    if (n == "issubclass" && args.size() == 2 && kind(args[0]) == Kind::Name && kind(args[1]) == Kind::Name &&
        tm_.class_by_name.count(ident(args[0], fld::Name::id))) {
      // Both classes are known statically: the answer is a constant.
      auto chain = d_class_mro(ident(args[0], fld::Name::id));
      bool sub = std::find(chain.begin(), chain.end(), std::string(ident(args[1], fld::Name::id))) != chain.end();
      return b_.call("Value::from", {b_.bool_lit(sub)});
    }
    if (n == "isinstance" && args.size() == 2) {
      Ids names;
      NodeId t = args[1];
      std::vector<NodeId> ts;
      if (kind(t) == Kind::Tuple) ts.assign(list_of(t, fld::Tuple::elts).begin(), list_of(t, fld::Tuple::elts).end());
      else ts.push_back(t);
      RId v = d_expr(args[0]);
      RId acc = kNil;
      for (NodeId x : ts) {
        RId test = kind(x) != Kind::Name || lookup(ident(x, fld::Name::id))  // a class object computed at run time
                       ? try_(b_.call(rt("classes::isinstance"), {b_.ref(v), b_.ref(d_expr(x))}))
                       : b_.method(v, "is_instance", {b_.str_lit(ident(x, fld::Name::id))});
        acc = acc == kNil ? test : b_.binary(Op::Or, acc, test);
      }
      return b_.call("Value::from", {acc});
    }
    if ((n == "type" || n == "hash") && args.size() == 1 && no_keywords)
      return try_(b_.call(rt(n == "type" ? "classes::class_of" : "classes::hash"), {b_.ref(d_expr(args[0]))}));
    static const char* kDynBuiltins[] = {"len", "str", "repr", "int", "float", "bool", "abs", "round", "min", "max",
                                         "sum", "sorted", "reversed", "enumerate", "zip", "range", "list", "tuple",
                                         "set", "frozenset", "dict", "ord", "chr", "bin", "oct", "hex", "pow",
                                         "divmod", "any", "all", "format", "map", "filter", "next", "iter", "slice"};
    for (const char* b : kDynBuiltins) {
      if (n == b) return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(n), d_args(args), d_kwargs(e)}));
    }
    if (n == "issubclass" && args.size() == 2 && no_keywords) return d_issubclass(args[0], args[1]);
    std::string from = imported(n);
    if (RId v = d_codebase_attr(from); v != kNil) return d_call_value(v, e);
    if (from.find('.') != std::string::npos)
      return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(from), d_args(args), d_kwargs(e)}));
    fail(e, "call of " + std::string(n));
    return b_.path("Value::None");
  }
  if (kind(fn) == Kind::Attribute) {
    NodeId recv = slot(fn, fld::Attribute::value);
    if (kind(recv) == Kind::Call && kind(slot(recv, fld::Call::func)) == Kind::Name &&
        ident(slot(recv, fld::Call::func), fld::Name::id) == "super")
      return d_super_call(e);
    if (!no_keywords)
      if (RId r = d_method_kw(e); r != kNil) return r;
    // A module variable's method from a function (`log.append(x)`) goes
    // through its value below; other unbound names are modules or classes.
    if (kind(recv) == Kind::Name && !lookup(ident(recv, fld::Name::id)) &&
        !(cur_ != 0 && tm_.funcs[0].find(ident(recv, fld::Name::id)) && imported(ident(recv, fld::Name::id)).empty())) {
      std::string mod = imported(ident(recv, fld::Name::id));
      if (RId v = d_codebase_attr(mod + "." + std::string(ident(fn, fld::Attribute::attr))); !mod.empty() && v != kNil)
        return d_call_value(v, e);
      if (!mod.empty() && mod.find('.') == std::string::npos)
        return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(mod + "." + std::string(ident(fn, fld::Attribute::attr))), d_args(args), d_kwargs(e)}));
      std::string qual = std::string(ident(recv, fld::Name::id)) + "." + std::string(ident(fn, fld::Attribute::attr));
      if (qual == "dict.fromkeys" || qual == "str.maketrans")
        return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(qual), d_args(args), d_kwargs(e)}));
      if (auto cls = tm_.class_by_name.find(ident(recv, fld::Name::id)); cls != tm_.class_by_name.end() && !d_is_exception_class(ident(recv, fld::Name::id)))
        return try_(b_.call(rt("dynamic::method"), {b_.ref(b_.call(type_fn(cls->second), {})), b_.str_lit(ident(fn, fld::Attribute::attr)), d_args(args), d_kwargs(e)}));
      fail(e, "call of " + qual);
      return b_.path("Value::None");
    }
    RId r = d_expr(recv);
    return try_(b_.call(rt("dynamic::method"), {b_.ref(r), b_.str_lit(ident(fn, fld::Attribute::attr)), d_args(args), d_kwargs(e)}));
  }
  return d_call_value(d_expr(fn), e);
}

}  // namespace portalis::lower
