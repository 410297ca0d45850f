// Dynamic mode: stdlib constructs that need the translator's help rather
// than a runtime function of the same name: `@lru_cache`/`@cache` on module
// functions (the body moves into a nested fn behind the runtime's cache),
// `f.cache_info()`/`f.cache_clear()`, `partial(user_function, ...)` (keyword
// arguments need the callee's parameter names) and dotted module functions
// (`itertools.chain.from_iterable`).
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool is_cache_decorator_name(std::string_view n) { return n == "lru_cache" || n == "cache"; }
}  // namespace

int64_t Lowerer::d_cache_maxsize(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (fn.node == kNone || fn.cls >= 0) return kNotCached;
  for (NodeId d : list_of(fn.node, fld::FunctionDef::decorator_list)) {
    NodeId callee = kind(d) == Kind::Call ? slot(d, fld::Call::func) : d;
    std::string name;
    if (kind(callee) == Kind::Name) {
      std::string from = imported(ident(callee, fld::Name::id));
      if (from != "functools.lru_cache" && from != "functools.cache") continue;
      name = from.substr(10);
    } else if (kind(callee) == Kind::Attribute && kind(slot(callee, fld::Attribute::value)) == Kind::Name &&
               imported(ident(slot(callee, fld::Attribute::value), fld::Name::id)) == "functools") {
      name = std::string(ident(callee, fld::Attribute::attr));
    }
    if (!is_cache_decorator_name(name)) continue;
    if (name == "cache" || kind(d) != Kind::Call) return name == "cache" ? -1 : 128;
    // lru_cache(maxsize) / lru_cache(maxsize=N): a literal int or None.
    NodeId v = kNone;
    auto args = list_of(d, fld::Call::args);
    if (!args.empty()) v = args[0];
    for (NodeId k : list_of(d, fld::Call::keywords))
      if (slot(k, fld::keyword::arg) != kNone && m_.str(slot(k, fld::keyword::arg)) == "maxsize") v = slot(k, fld::keyword::value);
    if (v == kNone) return 128;
    int64_t n;
    if (is_int_literal(v, &n)) return n < 0 ? 0 : n;
    if (kind(v) == Kind::Constant && m_.constant(slot(v, fld::Constant::value)).tag == ast::Constant::Tag::None) return -1;
    return kBadCache;
  }
  return kNotCached;
}

RId Lowerer::d_cache_wrap(uint32_t f, const Ids& params, RId ret, RId body) {
  // fn f(a: Value, ..) { fn uncached(..) {body} cached_call("f", max, vec![a..], |v| uncached(v[0].clone(), ..)) }
  const sema::Function& fn = tm_.funcs[f];
  Ids outer, keys, pass;
  for (size_t i = 0; i < fn.params.size(); ++i) {
    std::string rn = "arg" + std::to_string(i);
    outer.push_back(b_.param(rn, b_.ty("Value")));
    keys.push_back(b_.path(rn));
    pass.push_back(b_.method(b_.index(b_.path("v"), b_.int_lit_text(std::to_string(i))), "clone", {}));
  }
  RId inner = b_.fn("uncached", params, ret, body);
  RId clo = b_.closure({b_.param("v", b_.ty_ref(b_.ty_slice(b_.ty("Value"))))}, b_.call("uncached", pass));
  RId call = b_.call(rt("dynstd::functools::cached_call"),
                     {b_.str_lit(fn_rust_name(f)), b_.int_lit(d_cache_maxsize(f)), b_.macro("vec", keys, true), clo});
  RId wrapped = b_.block({inner}, call);
  return b_.fn(fn_rust_name(f), outer, ret, wrapped, true, docstring(list_of(fn.node, fld::FunctionDef::body)));
}

RId Lowerer::d_stdlib_call(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  auto args = list_of(e, fld::Call::args);
  auto kws = list_of(e, fld::Call::keywords);
  if (kind(fn) == Kind::Attribute) {
    NodeId recv = slot(fn, fld::Attribute::value);
    std::string_view attr = ident(fn, fld::Attribute::attr);
    // `fib.cache_info()` / `fib.cache_clear()` of a cached module function.
    if (kind(recv) == Kind::Name && !lookup(ident(recv, fld::Name::id)) && (attr == "cache_info" || attr == "cache_clear")) {
      auto uf = tm_.func_by_name.find(ident(recv, fld::Name::id));
      if (uf == tm_.func_by_name.end()) return kNil;
      int64_t max = d_cache_maxsize(uf->second);
      if (max == kNotCached || max == kBadCache) return kNil;
      if (attr == "cache_clear") return b_.call(rt("dynstd::functools::cache_clear"), {b_.str_lit(fn_rust_name(uf->second))});
      return try_(b_.call(rt("dynstd::functools::cache_info"), {b_.str_lit(fn_rust_name(uf->second)), b_.int_lit(max)}));
    }
    // `itertools.chain.from_iterable(x)`: a dotted function of an imported module.
    if (kind(recv) == Kind::Attribute && kind(slot(recv, fld::Attribute::value)) == Kind::Name) {
      NodeId base = slot(recv, fld::Attribute::value);
      std::string_view bn = ident(base, fld::Name::id);
      std::string mod = lookup(bn) ? std::string() : imported(bn);
      if (mod.empty() || mod.find('.') != std::string::npos) return kNil;
      Ids kw;
      for (NodeId k : kws) {
        if (slot(k, fld::keyword::arg) == kNone) return kNil;
        kw.push_back(b_.tuple({b_.str_lit(m_.str(slot(k, fld::keyword::arg))), d_expr(slot(k, fld::keyword::value))}));
      }
      std::string q = mod + "." + std::string(ident(recv, fld::Attribute::attr)) + "." + std::string(attr);
      return try_(b_.call(rt("dynamic::module_call"), {b_.str_lit(q), d_args(args), b_.ref(b_.array(kw))}));
    }
  }
  // partial(user_function, *fixed, **named): a closure calling it directly.
  bool is_partial = false;
  if (kind(fn) == Kind::Name && !lookup(ident(fn, fld::Name::id))) is_partial = imported(ident(fn, fld::Name::id)) == "functools.partial";
  if (kind(fn) == Kind::Attribute && kind(slot(fn, fld::Attribute::value)) == Kind::Name &&
      !lookup(ident(slot(fn, fld::Attribute::value), fld::Name::id)))
    is_partial = imported(ident(slot(fn, fld::Attribute::value), fld::Name::id)) == "functools" && ident(fn, fld::Attribute::attr) == "partial";
  if (!is_partial || args.empty() || kind(args[0]) != Kind::Name || lookup(ident(args[0], fld::Name::id))) return kNil;
  auto uf = tm_.func_by_name.find(ident(args[0], fld::Name::id));
  // *args/keyword-only/**kwargs callees go through the runtime's partial and
  // binder (the function value takes keywords).
  if (uf == tm_.func_by_name.end() || !d_plain_params(uf->second)) return kNil;
  const sema::Function& callee = tm_.funcs[uf->second];
  std::vector<RId> fixed(callee.params.size(), kNil);
  Ids pre;
  if (args.size() - 1 > fixed.size()) return kNil;
  auto hold = [&](size_t i, NodeId v) {
    std::string tmp = fresh("partial");
    pre.push_back(b_.let(tmp, kNil, d_expr(v), false));
    fixed[i] = b_.method(b_.path(tmp), "clone", {});
  };
  for (size_t i = 1; i < args.size(); ++i) {
    if (kind(args[i]) == Kind::Starred) return kNil;
    hold(i - 1, args[i]);
  }
  for (NodeId k : kws) {
    if (slot(k, fld::keyword::arg) == kNone) return kNil;
    std::string_view kn = m_.str(slot(k, fld::keyword::arg));
    bool found = false;
    for (size_t i = 0; i < callee.params.size(); ++i)
      if (callee.vars[callee.params[i]].name == kn) {
        hold(i, slot(k, fld::keyword::value));
        found = true;
      }
    if (!found) {
      fail(k, "unknown keyword argument");
      return b_.path("Value::None");
    }
  }
  // The remaining parameters come from the call, in order; a missing one
  // takes its default (a literal) or None.
  Ids pass;
  size_t next = 0;
  for (size_t i = 0; i < fixed.size(); ++i) {
    if (fixed[i] != kNil) {
      pass.push_back(fixed[i]);
      continue;
    }
    NodeId d = callee.vars[callee.params[i]].default_value;
    RId at = b_.int_lit_text(std::to_string(next++));
    if (d != kNone && (kind(d) == Kind::Constant || kind(d) == Kind::UnaryOp))
      pass.push_back(b_.call(rt("dynamic::arg_or"), {b_.path("a"), at, d_expr(d)}));
    else
      pass.push_back(b_.try_(b_.call(rt("dynstd::functools::partial_arg"),
                                     {b_.path("a"), at, b_.str_lit(callee.name), b_.str_lit(callee.vars[callee.params[i]].name)})));
  }
  RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
  RId body = b_.call(fn_rust_name(uf->second), pass);
  return b_.block(pre, b_.call("Value::func", {b_.str_lit(callee.name), b_.closure({param}, body, true)}));
}

}  // namespace portalis::lower
