// Single inheritance in the types: see infer_inherit.h.
#include "sema/infer_inherit.h"

#include <algorithm>

namespace portalis::sema {

namespace fld = ast::fld;
using ast::Kind;
using ast::NodeId;

TypeId Types::join_class(TypeId a, TypeId b) {
  // A Circle joined with a Rectangle is their nearest common base (a list of
  // shapes); classes without one stay apart (Dyn).
  auto chain = [&](uint32_t c) {
    std::vector<uint32_t> out;
    for (int k = static_cast<int>(c), depth = 0; k >= 0 && depth < 64; ++depth) {
      out.push_back(static_cast<uint32_t>(k));
      k = static_cast<size_t>(k) < class_base.size() ? class_base[static_cast<size_t>(k)] : -1;
    }
    return out;
  };
  std::vector<uint32_t> ca = chain(get(a).cls), cb = chain(get(b).cls);
  for (uint32_t x : ca)
    for (uint32_t y : cb)
      if (x == y) return cls(x);
  return kDyn;
}

std::vector<uint32_t> class_mro(const TypedModule& tm, uint32_t ci) {
  std::vector<uint32_t> out;
  for (int k = static_cast<int>(ci); k >= 0 && out.size() < 64; k = tm.classes[static_cast<uint32_t>(k)].base) {
    for (uint32_t seen : out)
      if (seen == static_cast<uint32_t>(k)) return out;
    out.push_back(static_cast<uint32_t>(k));
  }
  return out;
}

bool is_subclass(const TypedModule& tm, uint32_t sub, uint32_t sup) {
  for (uint32_t k : class_mro(tm, sub))
    if (k == sup) return true;
  return false;
}

namespace {

bool names_class(const TypedModule& tm, NodeId n) {
  const ast::Module& m = *tm.ast;
  return m.kind(n) == Kind::Name && tm.class_by_name.count(m.str(m.slot(n, fld::Name::id))) > 0;
}

}  // namespace

TypeId inherit_call_type(TypedModule& tm, uint32_t cur, NodeId call, std::string_view callee, size_t nargs) {
  const ast::Module& m = *tm.ast;
  auto args = m.list_of(call, fld::Call::args);
  if (!m.list_of(call, fld::Call::keywords).empty() || args.size() != nargs) return Types::kUnknown;
  if (callee == "super" && nargs == 0) {
    // Inside a method of a subclass: the base's methods, called on self.
    int ci = tm.funcs[cur].cls;
    if (ci < 0 || tm.classes[static_cast<uint32_t>(ci)].base < 0) return Types::kUnknown;
    return tm.types.cls(static_cast<uint32_t>(tm.classes[static_cast<uint32_t>(ci)].base));
  }
  if (callee == "isinstance" && nargs == 2 && names_class(tm, args[1])) return Types::kBool;
  if (callee == "issubclass" && nargs == 2 && names_class(tm, args[0]) && names_class(tm, args[1])) return Types::kBool;
  // `type(x)` only as `type(x) is C` (the lowering folds it); no static type of its own.
  if (callee == "type" && nargs == 1) return Types::kDyn;
  return Types::kUnknown;
}

TypeId inherit_attr_type(TypedModule& tm, NodeId attr) {
  const ast::Module& m = *tm.ast;
  if (m.str(m.slot(attr, fld::Attribute::attr)) != "__name__") return Types::kUnknown;
  NodeId on = m.slot(attr, fld::Attribute::value);
  if (names_class(tm, on)) return Types::kStr;
  if (m.kind(on) != Kind::Subscript) return Types::kUnknown;
  NodeId seq = m.slot(on, fld::Subscript::value), idx = m.slot(on, fld::Subscript::slice);
  // `-1` is a UnaryOp around the constant.
  if (m.kind(idx) == Kind::UnaryOp && Kind(m.slot(idx, fld::UnaryOp::op)) == Kind::USub) idx = m.slot(idx, fld::UnaryOp::operand);
  if (m.kind(seq) != Kind::Attribute || m.kind(idx) != Kind::Constant || !names_class(tm, m.slot(seq, fld::Attribute::value)))
    return Types::kUnknown;
  std::string_view which = m.str(m.slot(seq, fld::Attribute::attr));
  if ((which != "__mro__" && which != "__bases__") || m.constant(m.slot(idx, fld::Constant::value)).tag != ast::Constant::Tag::Int)
    return Types::kUnknown;
  return Types::kStr;
}

TypeId override_ret(TypedModule& tm, uint32_t ci, std::string_view name, TypeId ret) {
  // Every class of ci's hierarchy that has the method: the lowering's
  // dispatcher returns one type for them all (lower_static_inherit.cc).
  // An int in one and a float in another join as int | float.
  std::vector<uint32_t> mro = class_mro(tm, ci);
  if (mro.size() == 1 && std::none_of(tm.classes.begin(), tm.classes.end(), [&](const ClassInfo& c) { return c.base == static_cast<int>(ci); }))
    return ret;
  uint32_t root = mro.back();
  for (uint32_t k = 0; k < tm.classes.size(); ++k) {
    if (!is_subclass(tm, k, root)) continue;
    for (uint32_t c : class_mro(tm, k)) {
      auto it = tm.classes[c].methods.find(name);
      if (it == tm.classes[c].methods.end()) continue;
      ret = tm.types.join(ret, tm.funcs[it->second].ret);
      break;
    }
  }
  return ret;
}

}  // namespace portalis::sema
