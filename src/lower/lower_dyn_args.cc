// Dynamic mode: parameters beyond plain positional ones (*args, keyword-only,
// **kwargs, defaults) and the calls that bind arguments to them.
//
// A function's Rust parameters follow its Python signature: the positional
// parameters, then the *args tuple, the keyword-only ones, the **kwargs dict,
// all `Value`. A call of a module function known here is bound while
// translating (keywords in any order, defaults filled in, extras packed into
// the tuple and dict); a call with `*xs` or `**d`, and every call through a
// function value, binds at run time with `rt::args::bind` and the signature
// written out as Python spells it.
#include "lower/lower_impl.h"

namespace portalis::lower {

std::vector<uint32_t> Lowerer::d_param_vars(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  std::vector<uint32_t> out(fn.params.begin(), fn.params.end());
  if (fn.vararg >= 0) out.push_back(static_cast<uint32_t>(fn.vararg));
  out.insert(out.end(), fn.kwonly.begin(), fn.kwonly.end());
  if (fn.kwarg >= 0) out.push_back(static_cast<uint32_t>(fn.kwarg));
  return out;
}

bool Lowerer::d_plain_params(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  return fn.vararg < 0 && fn.kwarg < 0 && fn.kwonly.empty();
}

std::string Lowerer::d_sig_spec(uint32_t f) const {
  const sema::Function& fn = tm_.funcs[f];
  std::string s = fn.name + "(";
  bool first = true;
  auto item = [&](const std::string& t) {
    if (!first) s += ", ";
    first = false;
    s += t;
  };
  for (size_t i = 0; i < fn.params.size(); ++i) {
    const sema::Var& v = fn.vars[fn.params[i]];
    item(v.name + (v.default_value != kNone ? "=" : ""));
    if (fn.posonly > 0 && i + 1 == fn.posonly) item("/");
  }
  if (fn.vararg >= 0) item("*" + fn.vars[static_cast<uint32_t>(fn.vararg)].name);
  else if (!fn.kwonly.empty()) item("*");
  for (uint32_t k : fn.kwonly) item(fn.vars[k].name + (fn.vars[k].default_value != kNone ? "=" : ""));
  if (fn.kwarg >= 0) item("**" + fn.vars[static_cast<uint32_t>(fn.kwarg)].name);
  return s + ")";
}

RId Lowerer::d_default(uint32_t f, uint32_t var) {
  const sema::Var& v = tm_.funcs[f].vars[var];
  NodeId d = v.default_value;
  if (kind(d) == Kind::Constant) return d_expr(d);
  // Anything else is evaluated once and shared by later calls, as Python
  // evaluates defaults once when the `def` runs (`bucket=[]` keeps growing).
  std::string key = fn_rust_name(f) + "." + v.name;
  RId make = b_.closure({}, b_.call(b_.path("Ok"), {d_expr(d)}));
  return try_(b_.call(rt("args::default_once"), {b_.str_lit(key), make}));
}

void Lowerer::d_extra_params(uint32_t f, Ids& params) {
  const sema::Function& fn = tm_.funcs[f];
  if (d_plain_params(f)) return;
  auto vars = d_param_vars(f);
  for (size_t i = fn.params.size(); i < vars.size(); ++i) {
    const sema::Var& v = fn.vars[vars[i]];
    std::string rn = local_name(v.name);
    params.push_back(b_.param(rn, b_.ty("Value"), v.reassigned));
    bind(v.name, {rn, Types::kDyn, Form::Place});
  }
}

bool Lowerer::d_has_spread(NodeId call) const {
  for (NodeId a : list_of(call, fld::Call::args))
    if (kind(a) == Kind::Starred) return true;
  for (NodeId k : list_of(call, fld::Call::keywords))
    if (slot(k, fld::keyword::arg) == kNone) return true;
  return false;
}

RId Lowerer::d_kwargs(NodeId call) {
  auto kws = list_of(call, fld::Call::keywords);
  Ids pairs;
  bool spread = false;
  for (NodeId k : kws) {
    uint32_t kn = slot(k, fld::keyword::arg);
    spread |= kn == kNone;
    pairs.push_back(b_.tuple({b_.str_lit(kn == kNone ? std::string_view("**") : m_.str(kn)), d_expr(slot(k, fld::keyword::value))}));
  }
  if (!spread) return b_.ref(b_.array(pairs));
  RId owned = try_(b_.call(rt("args::kw_spread"), {b_.macro("vec", pairs, true)}));
  return b_.ref(b_.call(rt("args::kw_refs"), {b_.ref(owned)}));
}

RId Lowerer::d_call_value(RId callee, NodeId call) {
  auto args = list_of(call, fld::Call::args);
  if (list_of(call, fld::Call::keywords).empty()) return try_(b_.method(callee, "call", {d_args(args)}));
  return try_(b_.method(callee, "call_kw", {d_args(args), d_kwargs(call)}));
}

// The arguments bound at run time: `let mut b = bind(..)?;` then each
// parameter taken from its slot or given its default.
Ids Lowerer::d_bound_args(uint32_t f, const std::string& slots, size_t first) {
  const sema::Function& fn = tm_.funcs[f];
  Ids out;
  auto vars = d_param_vars(f);
  for (size_t i = 0; i < vars.size(); ++i) {
    RId sl = b_.ref_mut(b_.path(slots));
    RId idx = b_.int_lit_text(std::to_string(i + first));
    NodeId d = fn.vars[vars[i]].default_value;
    if (d == kNone) out.push_back(b_.call(rt("args::take"), {sl, idx}));
    else out.push_back(b_.call(rt("args::take_or"), {sl, idx, d_default(f, vars[i])}));
  }
  return out;
}

RId Lowerer::d_call_known(NodeId e, uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  auto args = list_of(e, fld::Call::args);
  auto kws = list_of(e, fld::Call::keywords);
  // A @contextmanager function takes the with body as its last argument
  // (lower_dyn_cm.cc); taken here so calls among the arguments do not see it.
  RId cm_arg = cm_extra_arg_;
  cm_extra_arg_ = kNil;
  if (cm_arg == kNil && d_cm_kind(f) != 0) {
    fail(e, "contextmanager function called outside `with f(...)`");
    return b_.path("Value::None");
  }
  if (d_decorated(f)) return d_call_value(d_func_ref(f), e);
  // A static callee is bridged with the arguments bound here; a call that
  // binds at run time needs the callee's dynamic form.
  bool bridge_spread = mixed() && !is_dyn_fn(f) && fn.vararg < 0 && fn.kwarg < 0 && cm_arg == kNil;
  if (mixed() && !is_dyn_fn(f) && d_has_spread(e) && !bridge_spread) force_dyn_out.insert(f);
  if (d_has_spread(e)) {
    std::string slots = fresh("bound");
    Ids pre{b_.let(slots, kNil, try_(b_.call(rt("args::bind"), {b_.str_lit(d_sig_spec(f)), d_args(args), d_kwargs(e)})), true)};
    Ids bound = d_bound_args(f, slots);
    // Bound at run time, then handed to the static function's Value bridge.
    if (bridge_spread) return b_.block(pre, d_call_static(f, std::vector<RId>(bound.begin(), bound.end())));
    if (cm_arg != kNil) bound.push_back(cm_arg);
    return b_.block(pre, try_(b_.call(fn_rust_name(f), bound)));
  }
  // Bound here: which argument expression feeds which parameter.
  size_t npos = fn.params.size();
  auto vars = d_param_vars(f);
  std::vector<NodeId> given(vars.size(), kNone);
  std::vector<NodeId> extra_pos;
  std::vector<NodeId> extra_kw;
  for (size_t i = 0; i < args.size(); ++i) {
    if (i < npos) given[i] = args[i];
    else if (fn.vararg >= 0) extra_pos.push_back(args[i]);
    else {
      fail(e, "too many arguments");
      return b_.path("Value::None");
    }
  }
  for (NodeId k : kws) {
    std::string_view kn = m_.str(slot(k, fld::keyword::arg));
    NodeId v = slot(k, fld::keyword::value);
    size_t at = vars.size();
    for (size_t i = fn.posonly; i < vars.size(); ++i) {
      uint32_t var = vars[i];
      if (static_cast<int>(var) == fn.vararg || static_cast<int>(var) == fn.kwarg) continue;
      if (fn.vars[var].name == kn) at = i;
    }
    if (at < vars.size()) {
      if (given[at] != kNone) {
        fail(k, "argument given twice");
        return b_.path("Value::None");
      }
      given[at] = v;
    } else if (fn.kwarg >= 0) {
      extra_kw.push_back(k);
    } else {
      fail(k, "unknown keyword argument");
      return b_.path("Value::None");
    }
  }
  // Python evaluates arguments left to right; when binding reorders them and
  // one could have effects, evaluate them into locals first in source order.
  std::vector<NodeId> source(args.begin(), args.end());
  for (NodeId k : kws) source.push_back(slot(k, fld::keyword::value));
  std::vector<NodeId> bound_order;
  for (size_t i = 0; i < vars.size(); ++i) {
    if (static_cast<int>(vars[i]) == fn.vararg) bound_order.insert(bound_order.end(), extra_pos.begin(), extra_pos.end());
    else if (static_cast<int>(vars[i]) == fn.kwarg)
      for (NodeId k : extra_kw) bound_order.push_back(slot(k, fld::keyword::value));
    else if (given[i] != kNone) bound_order.push_back(given[i]);
  }
  bool effects = false;
  if (bound_order != source)
    for (NodeId x : source) effects |= !(kind(x) == Kind::Constant || kind(x) == Kind::Name);
  std::map<NodeId, RId> value;
  Ids pre;
  for (NodeId x : source) {
    if (effects) {
      std::string t = fresh("arg");
      pre.push_back(b_.let(t, kNil, d_expr(x), false));
      value[x] = b_.path(t);
    } else {
      value[x] = d_expr(x);
    }
  }
  Ids out;
  for (size_t i = 0; i < vars.size(); ++i) {
    uint32_t var = vars[i];
    if (static_cast<int>(var) == fn.vararg) {
      Ids items;
      for (NodeId x : extra_pos) items.push_back(value[x]);
      out.push_back(b_.call("Value::tuple", {b_.macro("vec", items, true)}));
    } else if (static_cast<int>(var) == fn.kwarg) {
      Ids pairs;
      for (NodeId k : extra_kw) pairs.push_back(b_.tuple({b_.str_lit(m_.str(slot(k, fld::keyword::arg))), value[slot(k, fld::keyword::value)]}));
      out.push_back(b_.call(rt("args::kwargs_dict"), {b_.macro("vec", pairs, true)}));
    } else if (given[i] != kNone) {
      out.push_back(value[given[i]]);
    } else if (fn.vars[var].default_value != kNone) {
      out.push_back(d_default(f, var));
    } else {
      fail(e, "missing argument");
      return b_.path("Value::None");
    }
  }
  if (cm_arg != kNil) out.push_back(cm_arg);
  RId call = mixed() && !is_dyn_fn(f) ? d_call_static(f, std::vector<RId>(out.begin(), out.end()))
                                       : try_(b_.call(fn_rust_name(f), out));
  return pre.empty() ? call : b_.block(pre, call);
}

RId Lowerer::d_func_value(uint32_t f) {
  // A module function used as a value: a Value::func that binds whatever
  // positional and keyword arguments it is called with.
  if (mixed() && !is_dyn_fn(f)) force_dyn_out.insert(f);  // a function value takes Values
  if (d_cm_kind(f) != 0) fail(kNone, "contextmanager function used as a value");
  std::string slots = "bound";
  RId bind_call = try_(b_.call(rt("args::bind"), {b_.str_lit(d_sig_spec(f)), b_.path("a"), b_.path("kw")}));
  RId body = b_.block({b_.let(slots, kNil, bind_call, true)}, b_.call(fn_rust_name(f), d_bound_args(f, slots)));
  RId clo = b_.closure({b_.pat_ident("a"), b_.pat_ident("kw")}, body);
  return b_.call("Value::func_kw", {b_.str_lit(tm_.funcs[f].name), clo});
}

RId Lowerer::d_print_spread(NodeId call, RId sep, RId end) {
  RId vals = try_(b_.call(rt("dynamic::spread"), {d_spread_parts(list_of(call, fld::Call::args))}));
  return b_.block({b_.expr_stmt(b_.call(rt("args::print_values"), {b_.ref(vals), sep, end}))}, b_.path("Value::None"));
}

RId Lowerer::d_spread_parts(std::span<const uint32_t> items) {
  Ids parts;
  for (NodeId a : items) {
    bool s = kind(a) == Kind::Starred;
    parts.push_back(b_.tuple({b_.bool_lit(s), d_expr(s ? slot(a, fld::Starred::value) : a)}));
  }
  return b_.macro("vec", parts, true);
}

bool Lowerer::d_method_needs_kw(uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  if (!d_plain_params(f)) return true;
  if (fn.params.empty()) return false;
  // A plain method keeps its positional closure unless some call in the
  // module passes keywords to a method of that name (one walk per module).
  if (!kw_attrs_ready_) {
    kw_attrs_ready_ = true;
    for (NodeId n = 0; n < static_cast<NodeId>(m_.node_count()); ++n) {
      if (kind(n) != Kind::Call || list_of(n, fld::Call::keywords).empty()) continue;
      NodeId callee = slot(n, fld::Call::func);
      if (callee != kNone && kind(callee) == Kind::Attribute) kw_attrs_.insert(std::string(ident(callee, fld::Attribute::attr)));
    }
  }
  return kw_attrs_.count(fn.name) > 0;
}

RId Lowerer::d_method_kw_def(std::string_view py_name, uint32_t f) {
  const sema::Function& fn = tm_.funcs[f];
  std::string spec = d_sig_spec(f);
  size_t open = spec.find('(');
  spec.insert(open + 1, fn.params.empty() && d_plain_params(f) ? "self" : "self, ");
  std::string slots = "bound";
  RId bind_call = try_(b_.call(rt("args::bind"), {b_.str_lit(spec), b_.path("a"), b_.path("kw")}));
  Ids args{b_.call(rt("args::take"), {b_.ref_mut(b_.path(slots)), b_.int_lit_text("0")})};
  for (RId x : d_bound_args(f, slots, 1)) args.push_back(x);
  RId body = b_.block({b_.let(slots, kNil, bind_call, true)}, b_.call(fn_rust_name(f), args));
  RId clo = b_.closure({b_.pat_ident("a"), b_.pat_ident("kw")}, body);
  return b_.expr_stmt(b_.call(rt("args::def_method_kw"), {b_.ref(b_.path("c")), b_.str_lit(py_name), clo}));
}

}  // namespace portalis::lower
