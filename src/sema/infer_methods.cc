// Result types of the builtins and methods builtins.def marks Special and
// that are not typed in infer.cc: dict views and mutators, set methods,
// str.partition, float.as_integer_ratio, set(). The static lowering of the
// same calls is lower/lower_static_methods.cc.
#include "sema/infer.h"

namespace portalis::sema {

namespace {

TypeId elem_of(const Types& T, TypeId t) {
  const TypeRec& r = T.get(t);
  switch (r.kind) {
    case TyKind::List: case TyKind::Set: case TyKind::Iter: case TyKind::Range: return r.args.empty() ? Types::kInt : r.args[0];
    case TyKind::Str: return Types::kStr;
    case TyKind::Dict: return r.args[0];
    case TyKind::Unknown: return Types::kUnknown;
    default: return Types::kDyn;
  }
}

}  // namespace

TypeId special_call_type(Types& T, TypeId recv, std::string_view m, const std::vector<TypeId>& a, TypeId* refine_recv) {
  *refine_recv = Types::kUnknown;
  const TypeRec r = T.get(recv);
  switch (r.kind) {
    case TyKind::Unknown:
      // A builtin function (recv is no value): set(), set(iterable).
      if (m == "set") return T.set(a.empty() ? Types::kUnknown : elem_of(T, a[0]));
      if (TypeId x = builtin_call_more(T, m, a); x != Types::kDyn) return x;
      return Types::kDyn;
    case TyKind::Float:
      if (m == "as_integer_ratio" && a.empty()) return T.tuple({Types::kInt, Types::kInt});
      return Types::kDyn;
    case TyKind::Str:
      if ((m == "partition" || m == "rpartition") && a.size() == 1) return T.tuple({Types::kStr, Types::kStr, Types::kStr});
      if (m == "translate" && a.size() == 1 && T.kind(a[0]) == TyKind::TransTable) return Types::kStr;
      return Types::kDyn;
    case TyKind::Dict: {
      TypeId k = r.args[0], v = r.args[1];
      if (m == "keys" && a.empty()) return T.iter(k);
      if (m == "values" && a.empty()) return T.iter(v);
      if (m == "items" && a.empty()) return T.iter(T.tuple({k, v}));
      if (m == "pop" && a.size() == 1) return v;
      if (m == "pop" && a.size() == 2) return T.join(v, a[1]);
      if (m == "setdefault" && a.size() == 2) {
        *refine_recv = T.dict(a[0], a[1]);
        return T.join(v, a[1]);
      }
      if (m == "update" && a.size() == 1) {
        if (T.kind(a[0]) == TyKind::Dict) *refine_recv = a[0];
        return Types::kNone;
      }
      if (m == "popitem" && a.empty()) return T.tuple({k, v});
      if (m == "copy" && a.empty()) return recv;
      if (m == "clear" && a.empty()) return Types::kNone;
      return Types::kDyn;
    }
    case TyKind::Set: {
      TypeId el = r.args[0];
      if ((m == "add" || m == "discard" || m == "remove") && a.size() == 1) {
        if (m == "add") *refine_recv = T.set(a[0]);
        return Types::kNone;
      }
      if ((m == "union" || m == "intersection" || m == "difference" || m == "symmetric_difference") && a.size() == 1)
        return T.join(recv, T.set(elem_of(T, a[0])));
      if ((m == "issubset" || m == "issuperset" || m == "isdisjoint") && a.size() == 1) return Types::kBool;
      if (m == "update" && a.size() == 1) {
        *refine_recv = T.set(elem_of(T, a[0]));
        return Types::kNone;
      }
      if (m == "copy" && a.empty()) return recv;
      if (m == "clear" && a.empty()) return Types::kNone;
      if (m == "pop" && a.empty()) return el;
      return Types::kDyn;
    }
    default: return Types::kDyn;
  }
}

TypeId module_attr_type(std::string_view module, std::string_view attr) {
  if (module == "string") {
    for (std::string_view c : {"ascii_lowercase", "ascii_uppercase", "ascii_letters", "digits", "hexdigits", "octdigits",
                               "punctuation", "whitespace", "printable"})
      if (attr == c) return Types::kStr;
  }
  if (module == "math" && (attr == "pi" || attr == "e" || attr == "tau" || attr == "inf")) return Types::kFloat;
  if (module == "str" && (attr == "lower" || attr == "upper" || attr == "casefold" || attr == "title" || attr == "swapcase" ||
                          attr == "capitalize"))
    return Types::kDyn;
  return Types::kUnknown;
}

bool is_type_alias_stmt(const ast::Module& m, ast::NodeId s) {
  namespace fld = ast::fld;
  if (m.kind(s) != ast::Kind::Assign) return false;
  auto targets = m.list_of(s, fld::Assign::targets);
  if (targets.size() != 1 || m.kind(targets[0]) != ast::Kind::Name) return false;
  ast::NodeId v = m.slot(s, fld::Assign::value);
  if (m.kind(v) != ast::Kind::Subscript) return false;
  ast::NodeId base = m.slot(v, fld::Subscript::value);
  if (m.kind(base) != ast::Kind::Name) return false;
  std::string_view n = m.str(m.slot(base, fld::Name::id));
  for (std::string_view t : {"Dict", "List", "Tuple", "Set", "FrozenSet", "Optional", "Union", "Callable", "dict", "list", "tuple", "set"})
    if (n == t) return true;
  return false;
}

}  // namespace portalis::sema
