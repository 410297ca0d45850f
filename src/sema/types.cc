#include "sema/types.h"

namespace portalis::sema {

Types::Types() {
  for (TyKind k : {TyKind::Unknown, TyKind::Int, TyKind::Float, TyKind::Bool, TyKind::Str, TyKind::None, TyKind::Dyn})
    recs_.push_back({k, {}, 0});
  recs_.push_back({TyKind::Range, {kInt}, 0});
}

TypeId Types::intern(const TypeRec& r) {
  // Few distinct types per module: a linear scan beats a hash map here.
  for (size_t i = 0; i < recs_.size(); ++i)
    if (recs_[i].kind == r.kind && recs_[i].cls == r.cls && recs_[i].args == r.args) return static_cast<TypeId>(i);
  recs_.push_back(r);
  return static_cast<TypeId>(recs_.size() - 1);
}

TypeId Types::join(TypeId a, TypeId b) {
  if (a == b) return a;
  if (a == kUnknown) return b;
  if (b == kUnknown) return a;
  TyKind ka = kind(a), kb = kind(b);
  if (TypeId n = join_num(a, b); n != kUnknown) return n;  // int | float (types_num.cc)
  if ((ka == TyKind::BigInt && kb == TyKind::Float) || (ka == TyKind::Float && kb == TyKind::BigInt)) return kFloat;
  if ((ka == TyKind::BigInt && kb == TyKind::Int) || (ka == TyKind::Int && kb == TyKind::BigInt)) return ka == TyKind::BigInt ? a : b;
  if (ka == kb && (ka == TyKind::List || ka == TyKind::Set || ka == TyKind::Iter || ka == TyKind::FrozenSet)) {
    TypeId e = join(elem(a), elem(b));
    if (e == kDyn) return kDyn;
    return intern({ka, {e}, 0});
  }
  if (ka == kb && ka == TyKind::Dict) {
    TypeId k = join(get(a).args[0], get(b).args[0]);
    TypeId v = join(get(a).args[1], get(b).args[1]);
    if (k == kDyn || v == kDyn) return kDyn;
    return dict(k, v);
  }
  if (ka == kb && ka == TyKind::Tuple && get(a).args.size() == get(b).args.size()) {
    std::vector<TypeId> e;
    for (size_t i = 0; i < get(a).args.size(); ++i) {
      TypeId j = join(get(a).args[i], get(b).args[i]);
      if (j == kDyn) return kDyn;
      e.push_back(j);
    }
    return tuple(std::move(e));
  }
  // T joined with None is Optional[T] (sema/types_optional.cc).
  if (ka == TyKind::None || kb == TyKind::None || ka == TyKind::Optional || kb == TyKind::Optional) return join_optional(a, b);
  if (ka == TyKind::Class && kb == TyKind::Class) return join_class(a, b);
  return kDyn;
}

bool Types::is_copy(TypeId id) const {
  switch (kind(id)) {
    case TyKind::Int: case TyKind::Float: case TyKind::Bool: case TyKind::None: case TyKind::Num: return true;
    case TyKind::Optional: return is_copy(get(id).args[0]);
    case TyKind::Tuple:
      for (TypeId t : get(id).args)
        if (!is_copy(t)) return false;
      return true;
    default: return false;
  }
}

bool Types::has_unknown(TypeId id) const {
  if (kind(id) == TyKind::Unknown) return true;
  for (TypeId t : get(id).args)
    if (has_unknown(t)) return true;
  return false;
}

bool Types::has_dyn(TypeId id) const {
  if (kind(id) == TyKind::Dyn) return true;
  for (TypeId t : get(id).args)
    if (has_dyn(t)) return true;
  return false;
}

std::string Types::name(TypeId id) const {
  const TypeRec& r = get(id);
  auto args = [&]() {
    std::string s;
    for (size_t i = 0; i < r.args.size(); ++i) s += (i ? ", " : "") + name(r.args[i]);
    return s;
  };
  switch (r.kind) {
    case TyKind::Unknown: return "?";
    case TyKind::Int: return "int";
    case TyKind::BigInt: return "int(big)";
    case TyKind::Float: return "float";
    case TyKind::Bool: return "bool";
    case TyKind::Str: return "str";
    case TyKind::None: return "None";
    case TyKind::List: return "list[" + args() + "]";
    case TyKind::Set: return "set[" + args() + "]";
    case TyKind::Iter: return "Iterator[" + args() + "]";
    case TyKind::Dict: return "dict[" + args() + "]";
    case TyKind::Tuple: return "tuple[" + args() + "]";
    case TyKind::Class: return "class#" + std::to_string(r.cls);
    case TyKind::Func: return "function#" + std::to_string(r.cls);
    case TyKind::Range: return "range";
    case TyKind::Dyn: return "Any";
    case TyKind::Optional: return "Optional[" + args() + "]";
    case TyKind::Exc: return "BaseException";
    case TyKind::Num: return "int | float";
    case TyKind::FrozenSet: return "frozenset[" + args() + "]";
    case TyKind::TransTable: return "translation table";
  }
  return "?";
}

}  // namespace portalis::sema
