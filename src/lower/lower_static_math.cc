// `math.sqrt(x)` and friends in static code (types: sema/infer_math.cc):
// the runtime's rt::stdlib::math where Python raises (sqrt of a negative is
// a ValueError, not NaN), f64's own methods where it cannot.
#include "lower/lower_impl.h"
#include "sema/infer_math.h"

namespace portalis::lower {

LE Lowerer::s_math_call(NodeId e) {
  NodeId fn = slot(e, fld::Call::func);
  NodeId base = slot(fn, fld::Attribute::value);
  TypeId t = tm_.type_of(e);
  if (kind(base) != Kind::Name || ident(base, fld::Name::id) != "math" || lookup("math")) return {kNil, t, Form::Owned};
  const sema::MathFn* f = sema::find_math_fn(ident(fn, fld::Attribute::attr));
  auto args = list_of(e, fld::Call::args);
  if (!f || (t != Types::kFloat && t != Types::kInt) || args.size() != f->nargs || !list_of(e, fld::Call::keywords).empty())
    return {kNil, t, Form::Owned};
  Ids a;
  for (NodeId x : args) a.push_back(to_float(expr(x)));
  if (f->fallible) return {try_(b_.call(rt("stdlib::math::" + std::string(f->py)), a)), t, Form::Owned};
  Ids rest(a.begin() + 1, a.end());
  return {b_.method(a[0], f->f64_method, rest), t, Form::Owned};
}

}  // namespace portalis::lower
