// `math` functions in static code: see infer_math.h.
#include "sema/infer_math.h"

namespace portalis::sema {

namespace fld = ast::fld;
using ast::Kind;

const MathFn* find_math_fn(std::string_view name) {
  // Those whose Python behaviour (a ValueError for a domain error) the
  // runtime's rt::stdlib::math reproduces, and plain f64 methods.
  static const MathFn table[] = {
      {"sqrt", 1, false, true, {}},   {"exp", 1, false, true, {}},    {"log", 1, false, true, {}},
      {"log2", 1, false, true, {}},   {"log10", 1, false, true, {}},  {"floor", 1, true, true, {}},
      {"ceil", 1, true, true, {}},    {"fabs", 1, false, false, "abs"}, {"sin", 1, false, false, "sin"},
      {"cos", 1, false, false, "cos"}, {"tan", 1, false, false, "tan"}, {"atan", 1, false, false, "atan"},
      {"hypot", 2, false, false, "hypot"}, {"atan2", 2, false, false, "atan2"},
  };
  for (const MathFn& f : table)
    if (f.py == name) return &f;
  return nullptr;
}

TypeId math_call_type(TypedModule& tm, uint32_t cur, ast::NodeId call, const std::vector<TypeId>& at) {
  const ast::Module& m = *tm.ast;
  ast::NodeId fn = m.slot(call, fld::Call::func);
  if (m.kind(fn) != Kind::Attribute) return Types::kUnknown;
  ast::NodeId base = m.slot(fn, fld::Attribute::value);
  if (m.kind(base) != Kind::Name || m.str(m.slot(base, fld::Name::id)) != "math") return Types::kUnknown;
  if (tm.funcs[cur].var_index.count("math") || tm.funcs[0].var_index.count("math")) return Types::kUnknown;
  const MathFn* f = find_math_fn(m.str(m.slot(fn, fld::Attribute::attr)));
  if (!f || at.size() != f->nargs || !m.list_of(call, fld::Call::keywords).empty()) return Types::kUnknown;
  for (TypeId t : at) {
    TyKind k = tm.types.kind(t);
    // floor/ceil of an int is the int itself (exactly, at any size): only floats here.
    if (f->int_result ? k != TyKind::Float : (k != TyKind::Int && k != TyKind::Float && k != TyKind::Bool && k != TyKind::Num))
      return Types::kUnknown;
  }
  return f->int_result ? Types::kInt : Types::kFloat;
}

}  // namespace portalis::sema
