// Result types of more builtin functions builtins.def marks Special:
// next(it[, default]). The static lowering is lower/lower_static_builtins.cc.
#include "sema/infer.h"

namespace portalis::sema {

TypeId builtin_call_more(Types& T, std::string_view n, const std::vector<TypeId>& a) {
  if (n == "next" && (a.size() == 1 || a.size() == 2)) {
    if (T.kind(a[0]) == TyKind::Unknown) return Types::kUnknown;
    if (T.kind(a[0]) != TyKind::Iter) return Types::kDyn;
    TypeId el = T.elem(a[0]);
    return a.size() == 1 ? el : T.join(el, a[1]);
  }
  return Types::kDyn;
}

}  // namespace portalis::sema
