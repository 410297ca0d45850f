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
  NodeId fn = slot(e, fld::Call::func);
  auto args = list_of(e, fld::Call::args);
  bool starred = false;
  for (NodeId a : args) starred |= kind(a) == Kind::Starred;
  if (starred && kind(fn) == Kind::Name && tm_.func_by_name.count(ident(fn, fld::Name::id))) {
    fail(e, "call with *args");
    return b_.path("Value::None");
  }
  Ids kw;
  for (NodeId k : list_of(e, fld::Call::keywords)) {
    uint32_t kn = slot(k, fld::keyword::arg);
    if (kn == kNone) {
      fail(k, "call with **kwargs");
      return b_.path("Value::None");
    }
    kw.push_back(b_.tuple({b_.str_lit(m_.str(kn)), d_expr(slot(k, fld::keyword::value))}));
  }
  if (kind(fn) == Kind::Name) {
    std::string_view n = ident(fn, fld::Name::id);
    if (const Binding* bnd = lookup(n)) {
      if (!kw.empty()) {
        fail(e, "keywords in a call of a function value");
        return b_.path("Value::None");
      }
      return try_(b_.method(b_.path(bnd->rust), "call", {d_args(args)}));
    }
    auto uf = tm_.func_by_name.find(n);
    if (uf != tm_.func_by_name.end()) {
      const sema::Function& callee = tm_.funcs[uf->second];
      std::vector<RId> given(callee.params.size(), kNil);
      if (args.size() > given.size()) {
        fail(e, "too many arguments");
        return b_.path("Value::None");
      }
      for (size_t i = 0; i < args.size(); ++i) given[i] = d_expr(args[i]);
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        std::string_view kn = m_.str(slot(k, fld::keyword::arg));
        bool found = false;
        for (size_t i = 0; i < callee.params.size(); ++i)
          if (callee.vars[callee.params[i]].name == kn) {
            given[i] = d_expr(slot(k, fld::keyword::value));
            found = true;
          }
        if (!found) {
          fail(k, "unknown keyword argument");
          return b_.path("Value::None");
        }
      }
      for (size_t i = 0; i < given.size(); ++i) {
        if (given[i] != kNil) continue;
        NodeId d = callee.vars[callee.params[i]].default_value;
        if (d == kNone) {
          fail(e, "missing argument");
          return b_.path("Value::None");
        }
        if (kind(d) != Kind::Constant && kind(d) != Kind::UnaryOp) fail(d, "mutable default value");
        given[i] = d_expr(d);
      }
      return try_(b_.call(fn_rust_name(uf->second), Ids(given.begin(), given.end())));
    }
    auto cls = tm_.class_by_name.find(n);
    if (cls != tm_.class_by_name.end() && !d_is_exception_class(n)) return d_construct(e, cls->second);
    if (n == "print") {
      Ids items;
      for (NodeId x : args) {
        if (kind(x) == Kind::Starred) {
          fail(x, "print(*args)");
          continue;
        }
        items.push_back(b_.ref(d_expr(x)));
      }
      RId sep = b_.str_lit(" "), end = b_.str_lit("\n");
      for (NodeId k : list_of(e, fld::Call::keywords)) {
        std::string_view kn = m_.str(slot(k, fld::keyword::arg));
        NodeId v = slot(k, fld::keyword::value);
        RId text = kind(v) == Kind::Constant && m_.constant(slot(v, fld::Constant::value)).tag == ast::Constant::Tag::Str
                       ? b_.str_lit(m_.constant(slot(v, fld::Constant::value)).text)
                       : b_.ref(b_.call(rt("dynamic::text"), {b_.ref(d_expr(v))}));
        if (kn == "sep") sep = text;
        else if (kn == "end") end = text;
        else fail(k, "print keyword");
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
    if ((n == "type" || n == "hash") && args.size() == 1 && kw.empty())
      return try_(b_.call(rt(n == "type" ? "classes::class_of" : "classes::hash"), {b_.ref(d_expr(args[0]))}));
    static const char* kDynBuiltins[] = {"len", "str", "repr", "int", "float", "bool", "abs", "round", "min", "max",
                                         "sum", "sorted", "reversed", "enumerate", "zip", "range", "list", "tuple",
                                         "set", "frozenset", "dict", "ord", "chr", "bin", "oct", "hex", "pow",
                                         "divmod", "any", "all", "format", "map", "filter", "next", "iter", "slice"};
    for (const char* b : kDynBuiltins) {
      if (n == b) return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(n), d_args(args), b_.ref(b_.array(kw))}));
    }
    std::string from = imported(n);
    if (from.find('.') != std::string::npos)
      return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(from), d_args(args), b_.ref(b_.array(kw))}));
    fail(e, "call of " + std::string(n));
    return b_.path("Value::None");
  }
  if (kind(fn) == Kind::Attribute) {
    NodeId recv = slot(fn, fld::Attribute::value);
    if (kind(recv) == Kind::Call && kind(slot(recv, fld::Call::func)) == Kind::Name &&
        ident(slot(recv, fld::Call::func), fld::Name::id) == "super")
      return d_super_call(e);
    if (!kw.empty())
      if (RId r = d_method_kw(e); r != kNil) return r;
    if (kind(recv) == Kind::Name && !lookup(ident(recv, fld::Name::id))) {
      std::string mod = imported(ident(recv, fld::Name::id));
      if (!mod.empty() && mod.find('.') == std::string::npos)
        return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(mod + "." + std::string(ident(fn, fld::Attribute::attr))), d_args(args), b_.ref(b_.array(kw))}));
      std::string qual = std::string(ident(recv, fld::Name::id)) + "." + std::string(ident(fn, fld::Attribute::attr));
      if (qual == "dict.fromkeys" || qual == "str.maketrans")
        return try_(b_.call(rt("dynamic::builtin"), {b_.str_lit(qual), d_args(args), b_.ref(b_.array(kw))}));
      if (auto cls = tm_.class_by_name.find(ident(recv, fld::Name::id)); cls != tm_.class_by_name.end() && !d_is_exception_class(ident(recv, fld::Name::id)))
        return try_(b_.call(rt("dynamic::method"), {b_.ref(b_.call(type_fn(cls->second), {})), b_.str_lit(ident(fn, fld::Attribute::attr)), d_args(args), b_.ref(b_.array(kw))}));
      fail(e, "call of " + qual);
      return b_.path("Value::None");
    }
    RId r = d_expr(recv);
    return try_(b_.call(rt("dynamic::method"), {b_.ref(r), b_.str_lit(ident(fn, fld::Attribute::attr)), d_args(args), b_.ref(b_.array(kw))}));
  }
  RId f = d_expr(fn);
  return try_(b_.method(f, "call", {d_args(args)}));
}

}  // namespace portalis::lower
