// More builtins in static functions: next(it[, default]) on a variable
// holding a generator expression. A generator expression is lowered eagerly
// (its items collected, then `into_iter()`), so a variable may hold one only
// where running it early cannot show: its body calls nothing that could
// print or change state, and the variables it reads do not change.
#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool pure_builtin(std::string_view n) {
  for (std::string_view b : {"len", "abs", "min", "max", "sum", "str", "int", "float", "bool", "range", "sorted", "ord", "chr",
                             "round", "repr", "any", "all", "enumerate", "zip", "reversed", "list", "set", "divmod", "pow"})
    if (n == b) return true;
  return false;
}
// Python's repr of a display of constants (`[1, "a"]`), or false where
// this does not know it (floats, non-ASCII text: the runtime's rules).
bool const_repr(const ast::Module& m, NodeId e, std::string& out, int depth) {
  if (depth > 32) return false;
  Kind k = m.kind(e);
  if (k == Kind::Constant) {
    const ast::Constant& c = m.constant(m.slot(e, fld::Constant::value));
    switch (c.tag) {
      case ast::Constant::Tag::Int: out += c.text; return true;
      case ast::Constant::Tag::True: out += "True"; return true;
      case ast::Constant::Tag::False: out += "False"; return true;
      case ast::Constant::Tag::None: out += "None"; return true;
      case ast::Constant::Tag::Str: {
        bool sq = c.text.find('\'') != std::string::npos, dq = c.text.find('"') != std::string::npos;
        char q = sq && !dq ? '"' : '\'';
        out += q;
        for (unsigned char ch : c.text) {
          if (ch >= 0x80) return false;
          if (ch == '\\' || ch == static_cast<unsigned char>(q)) out += '\\', out += static_cast<char>(ch);
          else if (ch == '\n') out += "\\n";
          else if (ch == '\r') out += "\\r";
          else if (ch == '\t') out += "\\t";
          else if (ch < 0x20 || ch == 0x7f) {
            static const char* hex = "0123456789abcdef";
            out += "\\x";
            out += hex[ch >> 4];
            out += hex[ch & 15];
          } else out += static_cast<char>(ch);
        }
        out += q;
        return true;
      }
      default: return false;
    }
  }
  if (k != Kind::List && k != Kind::Tuple) return false;
  auto elts = m.list_of(e, k == Kind::List ? fld::List::elts : fld::Tuple::elts);
  out += k == Kind::List ? '[' : '(';
  for (size_t i = 0; i < elts.size(); ++i) {
    if (i) out += ", ";
    if (!const_repr(m, elts[i], out, depth + 1)) return false;
  }
  if (k == Kind::Tuple && elts.size() == 1) out += ',';
  out += k == Kind::List ? ']' : ')';
  return true;
}

bool empty_display(const ast::Module& m, NodeId e) {
  Kind k = m.kind(e);
  if (k == Kind::List) return m.list_of(e, fld::List::elts).empty();
  if (k == Kind::Tuple) return m.list_of(e, fld::Tuple::elts).empty();
  return false;
}
}  // namespace

void Lowerer::s_iter_var_check(NodeId target, NodeId value) {
  s_table_var_check(target);
  if (kind(target) != Kind::Name || T.kind(tm_.type_of(target)) != TyKind::Iter) return;
  const sema::Function& fn = tm_.funcs[cur_];
  const sema::Var* v = fn.find(ident(target, fld::Name::id));
  if (!v || v->is_param || v->reassigned || v->decl_stmt == kNone || value == kNone || kind(value) != Kind::GeneratorExp) {
    fail(target, "a variable holding an iterator");
    return;
  }
  // Walk the generator expression: only pure calls, only unchanging variables.
  bool bad = false;  // one failure is enough: the rest of the walk is skipped
  ast::walk_pruned(m_, std::span<const uint32_t>(&value, 1), [&](NodeId n) {
    if (bad) return false;
    Kind k = kind(n);
    if (k == Kind::Call) {
      NodeId f = slot(n, fld::Call::func);
      bool ok = kind(f) == Kind::Name && pure_builtin(ident(f, fld::Name::id)) && !lookup(ident(f, fld::Name::id)) &&
                !tm_.func_by_name.count(ident(f, fld::Name::id));
      // str methods return new values
      if (kind(f) == Kind::Attribute && T.kind(tm_.type_of(slot(f, fld::Attribute::value))) == TyKind::Str) ok = true;
      if (!ok) {
        fail(n, "a call inside a generator expression held in a variable");
        return !(bad = true);
      }
    }
    if (k == Kind::Lambda || k == Kind::NamedExpr || k == Kind::Yield || k == Kind::Await) {
      fail(n, std::string(ast::kind_name(k)) + " inside a generator expression held in a variable");
      return !(bad = true);
    }
    if (k == Kind::Name) {
      const sema::Var* r = fn.find(ident(n, fld::Name::id));
      if (r && (r->mutated || r->reassigned) && r != v) {
        fail(n, "a generator expression over a variable that changes");
        bad = true;
      }
      return false;
    }
    return true;
  });
}

LE Lowerer::builtin_more(NodeId e, std::string_view n) {
  auto args = list_of(e, fld::Call::args);
  TypeId t = tm_.type_of(e);
  if (n == "next" && (args.size() == 1 || args.size() == 2) && list_of(e, fld::Call::keywords).empty()) {
    if (kind(args[0]) != Kind::Name || T.kind(tm_.type_of(args[0])) != TyKind::Iter) {
      fail(e, "next() of this value");
      return {b_.tuple({}), t, Form::Owned};
    }
    LE it = expr(args[0]);
    RId step = b_.method(it.id, "next", {});
    if (args.size() == 1) {
      RId err = b_.closure({}, b_.call("PyException::stop_iteration", {}));
      return {try_(b_.method(step, "ok_or_else", {err})), t, Form::Owned};
    }
    if (T.kind(t) == TyKind::Optional || T.has_dyn(t) || T.has_unknown(t) || T.elem(tm_.type_of(args[0])) != t) {
      fail(e, "next() with a default of another type");
      return {b_.tuple({}), t, Form::Owned};
    }
    // The default is evaluated before the call, as in Python.
    std::string d = fresh("dflt");
    RId let = b_.let(d, kNil, coerce(expr_as(args[1], t), t), false);
    return {b_.block({let}, b_.method(step, "unwrap_or", {b_.path(d)})), t, Form::Owned};
  }
  // str([1, "a"]): a display of constants of mixed types (no static type)
  // has a repr known here.
  if ((n == "str" || n == "repr") && args.size() == 1 && list_of(e, fld::Call::keywords).empty() &&
      (kind(args[0]) == Kind::List || kind(args[0]) == Kind::Tuple) && T.has_dyn(tm_.type_of(args[0]))) {
    std::string text;
    if (const_repr(m_, args[0], text, 0)) return {b_.str_lit(text), Types::kStr, Form::Borrowed};
  }
  if (n == "frozenset" && args.size() <= 1 && list_of(e, fld::Call::keywords).empty() && T.kind(t) == TyKind::FrozenSet &&
      !T.has_unknown(t) && !T.has_dyn(t)) {
    if (args.empty()) return {b_.call(b_.assoc_path(rust_type(t), "new"), {}), t, Form::Owned};
    TypeId el;
    bool by_ref;
    LE v = expr(args[0]);
    RId it = iter_of(v, &el, &by_ref);
    if (it == kNil || el != T.elem(t)) {
      fail(e, "frozenset() of " + T.name(v.ty));
      return {b_.tuple({}), t, Form::Owned};
    }
    return {b_.method_turbofish(it, "collect", {rust_type(t)}, {}), t, Form::Owned};
  }
  if (n == "len" && args.size() == 1 && T.kind(tm_.type_of(args[0])) == TyKind::FrozenSet) {
    LE v = expr(args[0]);
    return {b_.cast(b_.method(v.id, "len", {}), b_.ty("i64")), Types::kInt, Form::Owned};
  }
  // set() / set([]) whose elements nothing types: an empty set of ().
  if (n == "set" && args.size() <= 1 && list_of(e, fld::Call::keywords).empty() && (args.empty() || empty_display(m_, args[0])) &&
      (T.has_unknown(t) || T.has_dyn(t))) {
    TypeId st = T.set(Types::kNone);
    return {b_.call(b_.assoc_path(rust_type(st), "new"), {}), st, Form::Owned};
  }
  return {};
}

LE Lowerer::expr_as_more(NodeId e, TypeId want) {
  // `frozenset()` where what receives it knows the element type.
  if (kind(e) != Kind::Call || T.kind(want) != TyKind::FrozenSet || T.has_unknown(want) || T.has_dyn(want)) return {};
  NodeId fn = slot(e, fld::Call::func);
  if (kind(fn) != Kind::Name || ident(fn, fld::Name::id) != "frozenset" || lookup("frozenset") || tm_.func_by_name.count("frozenset")) return {};
  auto args = list_of(e, fld::Call::args);
  if (!list_of(e, fld::Call::keywords).empty() || args.size() > 1 || (args.size() == 1 && !empty_display(m_, args[0]))) return {};
  return {b_.call(b_.assoc_path(rust_type(want), "new"), {}), want, Form::Owned};
}

// A translation table (rt::pystr::TransTable) has no repr or == here: it may
// only be built into a variable and handed to translate().
bool Lowerer::s_table_use_ok(NodeId table_expr) {
  NodeId s = cur_stmt_;
  if (s != kNone && kind(s) == Kind::Assign && slot(s, fld::Assign::value) == table_expr && list_of(s, fld::Assign::targets).size() == 1 &&
      kind(list_of(s, fld::Assign::targets)[0]) == Kind::Name)
    return true;
  // args[0] of a `.translate()` call in the current statement
  bool found = false;
  ast::walk(m_, s, [&](NodeId n) {
    if (kind(n) == Kind::Call && kind(slot(n, fld::Call::func)) == Kind::Attribute && ident(slot(n, fld::Call::func), fld::Attribute::attr) == "translate") {
      auto a = list_of(n, fld::Call::args);
      if (a.size() == 1 && a[0] == table_expr) found = true;
    }
  });
  return found;
}

LE Lowerer::method_more(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  NodeId recv = slot(fn, fld::Attribute::value);
  std::string_view m = ident(fn, fld::Attribute::attr);
  auto args = list_of(e, fld::Call::args);
  TypeId t = tm_.type_of(e);
  if (!list_of(e, fld::Call::keywords).empty()) return {};
  for (NodeId a : args)
    if (kind(a) == Kind::Starred) return {};
  if (m == "maketrans" && T.kind(t) == TyKind::TransTable && kind(recv) == Kind::Name && ident(recv, fld::Name::id) == "str" && !lookup("str")) {
    if (!s_table_use_ok(e)) {
      fail(e, "a translation table used other than by translate()");
      return {b_.tuple({}), t, Form::Owned};
    }
    if (args.size() == 1) {
      // {"a": "4", ..}: the keys must be single characters (ValueError in Python): known here.
      if (kind(args[0]) != Kind::Dict) {
        fail(e, "str.maketrans() of a dict variable");
        return {b_.tuple({}), t, Form::Owned};
      }
      auto keys = list_of(args[0], fld::Dict::keys);
      auto vals = list_of(args[0], fld::Dict::values);
      Ids pairs;
      for (size_t i = 0; i < vals.size(); ++i) {
        NodeId k = i < keys.size() ? keys[i] : kNone;
        const ast::Constant* c = k != kNone && kind(k) == Kind::Constant ? &m_.constant(slot(k, fld::Constant::value)) : nullptr;
        if (!c || c->tag != ast::Constant::Tag::Str) {
          fail(k == kNone ? e : k, "str.maketrans() key that is not a string literal");
          return {b_.tuple({}), t, Form::Owned};
        }
        // the one code point of the key
        const std::string& s = c->text;
        uint32_t cp = 0;
        size_t len = s.empty() ? 0 : (static_cast<unsigned char>(s[0]) < 0x80 ? 1 : static_cast<unsigned char>(s[0]) < 0xE0 ? 2
                                      : static_cast<unsigned char>(s[0]) < 0xF0 ? 3 : 4);
        if (len == 0 || len != s.size()) {
          fail(k, "str.maketrans() key of other than one character");
          return {b_.tuple({}), t, Form::Owned};
        }
        cp = len == 1 ? static_cast<unsigned char>(s[0]) : static_cast<unsigned char>(s[0]) & (0x7F >> len);
        for (size_t j = 1; j < len; ++j) cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 0x3F);
        LE v = expr(vals[i]);
        if (T.kind(v.ty) != TyKind::Str) {
          fail(vals[i], "str.maketrans() value of type " + T.name(v.ty));
          return {b_.tuple({}), t, Form::Owned};
        }
        pairs.push_back(b_.tuple({b_.char_lit(cp), b_.call(b_.path("Some"), {as_str_ref(v)})}));
      }
      return {b_.call(rt("pystr::str_maketrans_pairs"), {b_.ref(b_.array(pairs))}), t, Form::Owned};
    }
    Ids a;
    for (NodeId x : args) a.push_back(as_str_ref(expr(x)));
    if (a.size() == 2) a.push_back(b_.str_lit(""));
    return {try_(b_.call(rt("pystr::str_maketrans"), a)), t, Form::Owned};
  }
  if (m == "translate" && args.size() == 1 && T.kind(tm_.type_of(recv)) == TyKind::Str && T.kind(tm_.type_of(args[0])) == TyKind::TransTable) {
    LE s = expr(recv);
    LE table = expr(args[0]);
    return {b_.call(rt("pystr::str_translate"), {as_str_ref(s), borrow(table)}), Types::kStr, Form::Owned};
  }
  return {};
}

void Lowerer::s_table_var_check(NodeId target) {
  // Every read of a table variable is translate()'s argument.
  if (kind(target) != Kind::Name || T.kind(tm_.type_of(target)) != TyKind::TransTable) return;
  std::string_view name = ident(target, fld::Name::id);
  const sema::Function& fn = tm_.funcs[cur_];
  const sema::Var* v = fn.find(name);
  if (!v || v->is_param || v->decl_stmt == kNone) {
    fail(target, "a variable holding a translation table");
    return;
  }
  size_t reads = 0, ok = 0;
  std::vector<NodeId> stack{fn.node == kNone ? m_.root() : fn.node};
  while (!stack.empty()) {
    NodeId n = stack.back();
    stack.pop_back();
    if (n == kNone) continue;
    Kind k = kind(n);
    if (k == Kind::Name && ident(n, fld::Name::id) == name) ++reads;
    if (k == Kind::Call && kind(slot(n, fld::Call::func)) == Kind::Attribute && ident(slot(n, fld::Call::func), fld::Attribute::attr) == "translate") {
      auto a = list_of(n, fld::Call::args);
      if (a.size() == 1 && kind(a[0]) == Kind::Name && ident(a[0], fld::Name::id) == name) ++ok;
    }
    for (size_t i = 0; i < ast::fields_of(k).size(); ++i) {
      ast::FieldType ft = ast::fields_of(k)[i].type;
      uint32_t c = slot(n, static_cast<uint32_t>(i));
      if (ft == ast::FieldType::Node || ft == ast::FieldType::OptNode) {
        if (c != kNone) stack.push_back(c);
      } else if (ft == ast::FieldType::List || ft == ast::FieldType::OptNodeList) {
        for (NodeId x : m_.list(c))
          if (x != kNone) stack.push_back(x);
      }
    }
  }
  // the binding itself is one Name (a Store); reassignments are more
  if (v->reassigned || reads != ok + 1) fail(target, "a translation table used other than by translate()");
}

}  // namespace portalis::lower
