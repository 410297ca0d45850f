// key= functions that are str methods (`sorted(words, key=str.lower)`,
// `key=str.casefold`): the runtime's str method applied to the element.
#include "lower/lower_impl.h"

namespace portalis::lower {

RId Lowerer::s_key_str_method(NodeId kf, RId x, TypeId el, TypeId* kt) {
  if (kind(kf) != Kind::Attribute || T.kind(el) != TyKind::Str) return kNil;
  NodeId base = slot(kf, fld::Attribute::value);
  if (kind(base) != Kind::Name || ident(base, fld::Name::id) != "str" || lookup("str") || tm_.func_by_name.count("str")) return kNil;
  std::string_view a = ident(kf, fld::Attribute::attr);
  if (a != "lower" && a != "upper" && a != "casefold" && a != "title" && a != "swapcase" && a != "capitalize") return kNil;
  *kt = Types::kStr;
  return b_.call(rt("pystr::str_" + std::string(a)), {b_.ref(x)});
}

}  // namespace portalis::lower
