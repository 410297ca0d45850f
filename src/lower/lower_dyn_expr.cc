// Dynamic mode: expressions, each a Value (operators are Value methods
// returning PyResult).
#include <algorithm>

#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::d_operand(NodeId e) {
  if (kind(e) == Kind::Name)
    if (const Binding* bnd = lookup(ident(e, fld::Name::id)); bnd && bnd->form == Form::Place) return b_.path(bnd->rust);
  return d_expr(e);
}

RId Lowerer::d_compare(NodeId e) {
  NodeId left = slot(e, fld::Compare::left);
  auto ops = m_.list(slot(e, fld::Compare::ops));
  auto comps = list_of(e, fld::Compare::comparators);
  RId acc = kNil;
  if (comps.size() == 1 && (Kind(ops[0]) == Kind::Is || Kind(ops[0]) == Kind::IsNot) && kind(left) == Kind::Call &&
      kind(slot(left, fld::Call::func)) == Kind::Name && ident(slot(left, fld::Call::func), fld::Name::id) == "type" &&
      list_of(left, fld::Call::args).size() == 1 && kind(comps[0]) == Kind::Name &&
      tm_.class_by_name.count(ident(comps[0], fld::Name::id)) && !lookup(ident(comps[0], fld::Name::id))) {
    // `type(x) is C` for a class of the module: compare class names.
    RId tn = b_.method(d_expr(list_of(left, fld::Call::args)[0]), "type_name", {});
    return b_.binary(Kind(ops[0]) == Kind::Is ? Op::Eq : Op::Ne, tn, b_.str_lit(ident(comps[0], fld::Name::id)));
  }
  for (size_t i = 0; i < comps.size(); ++i) {
    RId l = d_operand(i == 0 ? left : comps[i - 1]);
    RId r = d_operand(comps[i]);
    RId c;
    switch (Kind(ops[i])) {
      case Kind::Eq: c = b_.method(l, "py_eq", {b_.ref(r)}); break;
      case Kind::NotEq: c = b_.method(l, "py_ne", {b_.ref(r)}); break;
      case Kind::Lt: c = try_(b_.method(l, "lt", {b_.ref(r)})); break;
      case Kind::LtE: c = try_(b_.method(l, "le", {b_.ref(r)})); break;
      case Kind::Gt: c = try_(b_.method(l, "gt", {b_.ref(r)})); break;
      case Kind::GtE: c = try_(b_.method(l, "ge", {b_.ref(r)})); break;
      case Kind::In: c = try_(b_.method(r, "contains", {b_.ref(l)})); break;
      case Kind::NotIn: c = b_.unary(Op::Not, try_(b_.method(r, "contains", {b_.ref(l)}))); break;
      case Kind::Is: c = b_.method(l, "is", {b_.ref(r)}); break;
      case Kind::IsNot: c = b_.unary(Op::Not, b_.method(l, "is", {b_.ref(r)})); break;
      default: fail(e, "comparison"); c = b_.bool_lit(false); break;
    }
    acc = acc == kNil ? c : b_.binary(Op::And, acc, c);
  }
  return acc;
}

RId Lowerer::d_fstring(NodeId e) {
  std::string fmt;
  Ids args{kNil};
  for (NodeId v : list_of(e, fld::JoinedStr::values)) {
    if (kind(v) == Kind::Constant) {
      append_format_literal(fmt, m_.constant(slot(v, fld::Constant::value)).text);
      continue;
    }
    RId x = d_expr(slot(v, fld::FormattedValue::value));
    int64_t conv = static_cast<int32_t>(slot(v, fld::FormattedValue::conversion));
    NodeId spec = slot(v, fld::FormattedValue::format_spec);
    RId spec_text = kNil;
    if (spec != kNone) {
      // Nested fields in the spec (`{v:{w}}`) are formatted first.
      std::string sf;
      Ids sargs{kNil};
      for (NodeId p : list_of(spec, fld::JoinedStr::values)) {
        if (kind(p) == Kind::Constant) {
          for (char c : m_.constant(slot(p, fld::Constant::value)).text) {
            if (c == '{') sf += "{{";
            else if (c == '}') sf += "}}";
            else sf += c;
          }
        } else {
          sf += "{}";
          sargs.push_back(b_.method(d_expr(slot(p, fld::FormattedValue::value)), "py_str", {}));
        }
      }
      sargs[0] = b_.str_lit(sf);
      spec_text = sargs.size() == 1 ? sargs[0] : b_.ref(b_.macro("format", sargs));
    }
    if (conv == 'r' || conv == 'a') x = b_.call("Value::from", {b_.method(x, "py_repr", {})});
    else if (conv == 's') x = b_.call("Value::from", {b_.method(x, "py_str", {})});
    fmt += "{}";
    if (spec_text == kNil) args.push_back(b_.method(x, "py_str", {}));
    else args.push_back(try_(b_.call(rt("fmt::py_format"), {b_.ref(x), spec_text})));
  }
  args[0] = b_.str_lit(fmt);
  if (args.size() == 1) return b_.call("Value::str", {args[0]});
  return b_.call("Value::from", {b_.macro("format", args)});
}

RId Lowerer::d_comprehension(NodeId e) {
  Kind k = kind(e);
  auto gens = list_of(e, k == Kind::DictComp ? fld::DictComp::generators : fld::ListComp::generators);
  std::string acc = fresh("out");
  Ids cells;  // comprehension variables captured by lambdas (lower_dyn_closure.cc)
  scopes_.emplace_back();
  struct Level {
    std::string item;
    RId iter;
    Ids binds;
    Ids conds;
  };
  std::vector<Level> levels;
  for (NodeId g : gens) {
    Level lv;
    lv.iter = try_(b_.method(d_expr(slot(g, fld::comprehension::iter)), "iter", {}));
    lv.item = fresh("item");
    // Comprehension variables are local to it: fresh Rust names.
    std::vector<std::pair<NodeId, RId>> work{{slot(g, fld::comprehension::target), b_.path(lv.item)}};
    while (!work.empty()) {
      auto [t, val] = work.back();
      work.pop_back();
      if (kind(t) == Kind::Name) {
        std::string py(ident(t, fld::Name::id));
        if (d_comp_cell(e, py, val, lv.binds, cells)) continue;
        std::string rn = fresh(local_name(py) + "_");
        lv.binds.push_back(b_.let(rn, kNil, val, false));
        bind(py, {rn, Types::kDyn, Form::Place});
      } else if (kind(t) == Kind::Tuple || kind(t) == Kind::List) {
        auto elts = list_of(t, fld::Tuple::elts);
        std::string parts = fresh("parts");
        lv.binds.push_back(b_.let(parts, kNil, try_(b_.call(rt("dynamic::unpack"), {b_.ref(val), b_.int_lit_text(std::to_string(elts.size()))})), false));
        for (size_t i = elts.size(); i-- > 0;)
          work.push_back({elts[i], b_.method(b_.index(b_.path(parts), b_.int_lit_text(std::to_string(i))), "clone", {})});
      } else {
        fail(t, "comprehension target");
      }
    }
    for (NodeId c : list_of(g, fld::comprehension::ifs)) lv.conds.push_back(d_cond(c));
    levels.push_back(std::move(lv));
  }
  RId push;
  if (k == Kind::DictComp)
    push = b_.method(b_.path(acc), "push", {b_.tuple({d_expr(slot(e, fld::DictComp::key)), d_expr(slot(e, fld::DictComp::value))})});
  else
    push = b_.method(b_.path(acc), "push", {d_expr(slot(e, fld::ListComp::elt))});
  scopes_.pop_back();
  RId inner = b_.expr_stmt(push);
  for (size_t i = levels.size(); i-- > 0;) {
    Level& lv = levels[i];
    for (size_t c = lv.conds.size(); c-- > 0;) inner = b_.expr_stmt(b_.if_(lv.conds[c], b_.block({inner})));
    Ids body = lv.binds;
    body.push_back(inner);
    inner = b_.expr_stmt(b_.for_(b_.pat_ident(lv.item), lv.iter, b_.block(body)));
  }
  RId decl = b_.let(acc, kNil, b_.call("Vec::new", {}), true);
  RId result;
  if (k == Kind::DictComp) result = try_(b_.call(rt("dynamic::dict_from"), {b_.path(acc)}));
  else if (k == Kind::SetComp) result = try_(b_.call(rt("dynamic::set_from"), {b_.path(acc)}));
  else result = b_.call("Value::list", {b_.path(acc)});
  cells.push_back(decl);
  cells.push_back(inner);
  return b_.block(cells, result);
}

RId Lowerer::d_expr(NodeId e) {
  switch (kind(e)) {
    case Kind::Constant: {
      const ast::Constant& c = m_.constant(slot(e, fld::Constant::value));
      switch (c.tag) {
        case ast::Constant::Tag::Int: {
          int64_t v;
          if (is_int_literal(e, &v)) return b_.call("Value::int", {b_.int_lit(v)});
          RId big = try_(b_.call(rt("int::Int::parse"), {b_.str_lit(c.text), b_.int_lit(10)}));
          return b_.call("Value::from", {big});
        }
        case ast::Constant::Tag::Float: return b_.call("Value::from", {b_.float_lit(c.number)});
        case ast::Constant::Tag::True: return b_.call("Value::from", {b_.bool_lit(true)});
        case ast::Constant::Tag::False: return b_.call("Value::from", {b_.bool_lit(false)});
        case ast::Constant::Tag::Str: return b_.call("Value::str", {b_.str_lit(c.text)});
        case ast::Constant::Tag::None: return b_.path("Value::None");
        default: fail(e, "constant"); return b_.path("Value::None");
      }
    }
    case Kind::Name: {
      std::string_view n = ident(e, fld::Name::id);
      if (const Binding* bnd = lookup(n)) return d_read(*bnd, n);
      auto uf = tm_.func_by_name.find(n);
      if (uf != tm_.func_by_name.end()) return d_func_ref(uf->second);
      static const char* kValueBuiltins[] = {"len", "str", "int", "float", "abs", "sorted", "sum", "min", "max", "repr", "bool", "list", "tuple", "set", "pow", "dict"};
      for (const char* bname : kValueBuiltins)
        if (n == bname) {
          // A builtin used as a value (`key=len`, `map(str, xs)`).
          RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
          RId body = b_.call(rt("dynamic::builtin"), {b_.str_lit(n), b_.path("a"), b_.ref(b_.array({}))});
          return b_.call("Value::func", {b_.str_lit(n), b_.closure({param}, body)});
        }
      if (auto cls = tm_.class_by_name.find(n); cls != tm_.class_by_name.end() && !d_is_exception_class(n))
        return b_.call(type_fn(cls->second), {});  // a class used as a value
      if (std::string from = imported(n); !tm_.funcs[0].find(n))
        if (RId v = d_codebase_attr(from); v != kNil) return v;
      if (std::string from = imported(n); from.find('.') != std::string::npos && !tm_.funcs[0].find(n))
        // `from m import f` used as a value (`map(sqrt, xs)`, `defaultdict(Counter)`).
        return try_(b_.call(rt("dynamic::module_attr"), {b_.str_lit(from)}));
      if (cur_ != 0 && tm_.funcs[0].find(n)) {
        // A module-level constant read from a function: its one binding,
        // when that is a literal, is inlined.
        if (NodeId only = module_literal(n); only != kNone) return d_expr(only);
        // Otherwise the value the module body stored last (NameError before).
        return try_(b_.call(rt("dynamic::get_global"), {b_.str_lit(global_key(n))}));
      } else if (cur_ != 0 && tm_.funcs[0].find(n)) fail(e, "module-level variable used in a function");
      else if (RId c = d_exc_class_value(n); c != kNil) return c;
      else fail(e, "name " + std::string(n));
      return b_.path("Value::None");
    }
    case Kind::BinOp: {
      Kind op = Kind(slot(e, fld::BinOp::op));
      // Operands are only borrowed (`a.add(&b)`): a plain local is not cloned.
      RId l = d_operand(slot(e, fld::BinOp::left));
      RId r = d_operand(slot(e, fld::BinOp::right));
      if (op == Kind::Mod) return try_(b_.call(rt("dynamic::percent"), {b_.ref(l), b_.ref(r)}));
      const char* m = dyn_binop_method(op);
      if (!m) {
        fail(e, "operator");
        return l;
      }
      return try_(b_.method(l, m, {b_.ref(r)}));
    }
    case Kind::UnaryOp: {
      Kind op = Kind(slot(e, fld::UnaryOp::op));
      NodeId on = slot(e, fld::UnaryOp::operand);
      if (op == Kind::Not) return b_.call("Value::from", {b_.unary(Op::Not, d_cond(on))});
      int64_t v;
      if (op == Kind::USub && is_int_literal(e, &v)) return b_.call("Value::int", {b_.int_lit(v)});
      RId x = d_expr(on);
      if (op == Kind::USub) return try_(b_.method(x, "neg", {}));
      if (op == Kind::UAdd) return try_(b_.method(x, "pos", {}));
      return try_(b_.method(x, "invert", {}));
    }
    case Kind::BoolOp: {
      bool is_and = Kind(slot(e, fld::BoolOp::op)) == Kind::And;
      auto values = list_of(e, fld::BoolOp::values);
      RId acc = d_expr(values.back());
      for (size_t i = values.size() - 1; i-- > 0;) {
        std::string tmp = fresh("v");
        RId test = b_.method(b_.path(tmp), "truthy", {});
        RId keep = b_.path(tmp);
        RId body = is_and ? b_.if_(test, b_.block({}, acc), b_.block({}, keep)) : b_.if_(test, b_.block({}, keep), b_.block({}, acc));
        acc = b_.block({b_.let(tmp, kNil, d_expr(values[i]), false)}, body);
      }
      return acc;
    }
    case Kind::Compare: return b_.call("Value::from", {d_compare(e)});
    case Kind::IfExp:
      return b_.if_(d_cond(slot(e, fld::IfExp::test)), b_.block({}, d_expr(slot(e, fld::IfExp::body))),
                    b_.block({}, d_expr(slot(e, fld::IfExp::orelse))));
    case Kind::Call: return d_call(e);
    case Kind::NamedExpr: {
      // `(x := v)`: { let t = v; x = t.clone(); t }
      std::string tmp = fresh("walrus");
      Ids st{b_.let(tmp, kNil, d_expr(slot(e, fld::NamedExpr::value)), false)};
      d_assign(slot(e, fld::NamedExpr::target), b_.method(b_.path(tmp), "clone", {}), st);
      return b_.block(st, b_.path(tmp));
    }
    case Kind::Attribute: {
      NodeId v = slot(e, fld::Attribute::value);
      std::string_view at = ident(e, fld::Attribute::attr);
      if (kind(v) == Kind::Name && !lookup(ident(v, fld::Name::id))) {
        std::string_view vn = ident(v, fld::Name::id);
        std::string mod = imported(vn);
        if (RId cv = d_codebase_attr(mod + "." + std::string(at)); !mod.empty() && cv != kNil) return cv;
        if (!mod.empty() && mod.find('.') == std::string::npos)
          return try_(b_.call(rt("dynamic::module_attr"), {b_.str_lit(mod + "." + std::string(at))}));
        if (vn == "str" || vn == "list" || vn == "dict" || vn == "set") {
          // An unbound method used as a value (`key=str.lower`).
          RId param = b_.param("a", b_.ty_ref(b_.ty_slice(b_.ty("Value"))));
          RId self0 = b_.call(rt("dynamic::arg_or"), {b_.path("a"), b_.int_lit_text("0"), b_.path("Value::None")});
          RId rest = b_.ref(b_.index(b_.path("a"), b_.range(b_.int_lit_text("1"), kNil)));
          RId body = b_.call(rt("dynamic::method"), {b_.ref(self0), b_.str_lit(at), rest, b_.ref(b_.array({}))});
          return b_.call("Value::func", {b_.str_lit(std::string(vn) + "." + std::string(at)), b_.closure({param}, body)});
        }
        auto cls = tm_.class_by_name.find(vn);
        if (cls != tm_.class_by_name.end() && !d_is_exception_class(vn))  // `C.attr` on the class object
          return try_(b_.call(rt("dynamic::attr"), {b_.ref(b_.call(type_fn(cls->second), {})), b_.str_lit(at)}));
        if (cls != tm_.class_by_name.end()) {
          for (NodeId st : list_of(tm_.classes[cls->second].node, fld::ClassDef::body))
            if (kind(st) == Kind::Assign && list_of(st, fld::Assign::targets).size() == 1 &&
                kind(list_of(st, fld::Assign::targets)[0]) == Kind::Name && ident(list_of(st, fld::Assign::targets)[0], fld::Name::id) == at)
              return d_expr(slot(st, fld::Assign::value));
        }
      }
      if (kind(v) == Kind::Name)
        if (const Binding* eb = lookup("$exc:" + std::string(ident(v, fld::Name::id))))
          if (at == "value") return try_(b_.call(rt("gen::exc_attr"), {b_.ref(b_.path(eb->rust)), b_.str_lit(at)}));
      if (at == "__name__" && kind(v) == Kind::Subscript) {
        // `C.__mro__[i].__name__` / `C.__bases__[i].__name__` for a known class.
        NodeId tv = slot(v, fld::Subscript::value);
        int64_t idx;
        if (kind(tv) == Kind::Attribute && kind(slot(tv, fld::Attribute::value)) == Kind::Name &&
            is_int_literal(slot(v, fld::Subscript::slice), &idx) && idx >= 0) {
          std::string_view cn = ident(slot(tv, fld::Attribute::value), fld::Name::id);
          std::string_view which = ident(tv, fld::Attribute::attr);
          if (tm_.class_by_name.count(cn) && !lookup(cn) && (which == "__mro__" || which == "__bases__")) {
            auto chain = d_class_mro(cn);
            size_t i = static_cast<size_t>(idx) + (which == "__bases__" ? 1 : 0);
            if (which == "__bases__" && idx != 0) i = chain.size();
            if (i < chain.size()) return b_.call("Value::str", {b_.str_lit(chain[i])});
          }
        }
      }
      if (at == "__class__") return try_(b_.call(rt("classes::class_of"), {b_.ref(d_expr(v))}));
      if (ident(e, fld::Attribute::attr) == "__name__" && kind(v) == Kind::Call && kind(slot(v, fld::Call::func)) == Kind::Name &&
          ident(slot(v, fld::Call::func), fld::Name::id) == "type" && list_of(v, fld::Call::args).size() == 1) {
        NodeId x = list_of(v, fld::Call::args)[0];
        if (kind(x) == Kind::Name)
          if (const Binding* eb = lookup("$exc:" + std::string(ident(x, fld::Name::id))))
            return b_.call("Value::str", {b_.method(b_.path(eb->rust), "class_name", {})});
        return b_.call("Value::str", {b_.method(d_expr(list_of(v, fld::Call::args)[0]), "type_name", {})});
      }
    }
      return try_(b_.call(rt("dynamic::attr"), {b_.ref(d_expr(slot(e, fld::Attribute::value))), b_.str_lit(ident(e, fld::Attribute::attr))}));
    case Kind::Subscript: {
      RId base = d_expr(slot(e, fld::Subscript::value));
      NodeId sl = slot(e, fld::Subscript::slice);
      if (kind(sl) == Kind::Slice) {
        Ids bounds;
        for (uint32_t f : {fld::Slice::lower, fld::Slice::upper, fld::Slice::step}) {
          NodeId x = slot(sl, f);
          bounds.push_back(x == kNone ? b_.path("None") : try_(b_.call(rt("dynamic::opt_i64"), {b_.ref(d_expr(x))})));
        }
        return try_(b_.method(base, "getslice", bounds));
      }
      return try_(b_.method(base, "getitem", {b_.ref(d_expr(sl))}));
    }
    case Kind::List: case Kind::Tuple: case Kind::Set: {
      Ids items;
      bool star = false;
      for (NodeId x : list_of(e, fld::List::elts)) star |= kind(x) == Kind::Starred;
      if (!star)
        for (NodeId x : list_of(e, fld::List::elts)) items.push_back(d_expr(x));
      // `[*a, *b]`: the items spread at run time.
      RId v = star ? try_(b_.call(rt("dynamic::spread"), {d_spread_parts(list_of(e, fld::List::elts))})) : b_.macro("vec", items, true);
      if (kind(e) == Kind::List) return b_.call("Value::list", {v});
      if (kind(e) == Kind::Tuple) return b_.call("Value::tuple", {v});
      return try_(b_.call(rt("dynamic::set_from"), {v}));
    }
    case Kind::Dict: {
      auto keys = m_.list(slot(e, fld::Dict::keys));
      auto values = list_of(e, fld::Dict::values);
      Ids pairs;
      bool merge = false;
      for (size_t i = 0; i < values.size(); ++i) merge |= keys[i] == kNone;
      for (size_t i = 0; i < values.size(); ++i) {
        if (merge)
          pairs.push_back(b_.tuple({keys[i] == kNone ? b_.path("None") : b_.call(b_.path("Some"), {d_expr(keys[i])}), d_expr(values[i])}));
        else
          pairs.push_back(b_.tuple({d_expr(keys[i]), d_expr(values[i])}));
      }
      return try_(b_.call(rt(merge ? "dynamic::dict_build" : "dynamic::dict_from"), {b_.macro("vec", pairs, true)}));
    }
    case Kind::JoinedStr: return d_fstring(e);
    case Kind::GeneratorExp: return d_genexp(e);
    case Kind::ListComp: case Kind::SetComp: case Kind::DictComp: return d_comprehension(e);
    case Kind::Lambda: return d_lambda(e);
    default:
      fail(e, std::string(ast::kind_name(kind(e))) + " expression");
      return b_.path("Value::None");
  }
}

}  // namespace portalis::lower
