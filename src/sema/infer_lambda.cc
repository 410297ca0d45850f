// Lambdas used as values (`fs = [lambda x, k=k: x * k for k in ks]`,
// `return lambda: n`): each gets a Function of its own, kept in
// TypedModule::lambdas (not funcs: its node is a Lambda, not a FunctionDef),
// so that a value holding it has a nominal function type whose parameter
// and result types inference can refine round after round, as it does for
// nested defs. The lowering makes it a Rust closure (lower_static_lambda.cc).
#include <set>

#include "ast/walk.h"
#include "sema/infer.h"

namespace portalis::sema {

using ast::Kind;
using ast::kNone;
using ast::NodeId;
namespace fld = ast::fld;

const Function* TypedModule::func_of(TypeId t) const {
  const TypeRec& r = types.get(t);
  if (r.kind != TyKind::Func || !r.args.empty()) return nullptr;
  if (r.cls & kLambdaFunc) {
    uint32_t li = r.cls & ~kLambdaFunc;
    return li < lambdas.size() ? &lambdas[li] : nullptr;
  }
  return r.cls < funcs.size() ? &funcs[r.cls] : nullptr;
}

bool lambda_value_ok(const ast::Module& m, NodeId lambda) {
  NodeId a = m.slot(lambda, fld::Lambda::args);
  return m.list_of(a, fld::arguments::posonlyargs).empty() && m.slot(a, fld::arguments::vararg) == kNone &&
         m.list_of(a, fld::arguments::kwonlyargs).empty() && m.slot(a, fld::arguments::kwarg) == kNone;
}

Function lambda_function(const ast::Module& m, NodeId lambda, uint32_t parent) {
  Function f;
  f.node = lambda;
  f.name = "lambda";
  f.parent = static_cast<int>(parent);
  NodeId a = m.slot(lambda, fld::Lambda::args);
  auto ps = m.list_of(a, fld::arguments::args);
  auto ds = m.list_of(a, fld::arguments::defaults);
  size_t first_default = ps.size() - std::min(ps.size(), ds.size());
  for (size_t i = 0; i < ps.size(); ++i) {
    Var v;
    v.name = std::string(m.str(m.slot(ps[i], fld::arg::arg)));
    v.is_param = true;
    if (i >= first_default) v.default_value = ds[i - first_default];
    auto id = static_cast<uint32_t>(f.vars.size());
    f.var_index.emplace(v.name, id);
    f.params.push_back(id);
    f.vars.push_back(std::move(v));
  }
  return f;
}

std::vector<std::string> lambda_free_names(const ast::Module& m, NodeId lambda) {
  std::set<std::string, std::less<>> own;
  for (NodeId p : m.list_of(m.slot(lambda, fld::Lambda::args), fld::arguments::args)) own.insert(std::string(m.str(m.slot(p, fld::arg::arg))));
  // Names bound inside the body (by comprehensions or inner lambdas) may be
  // read free too; the lowering captures whatever an enclosing scope binds.
  std::vector<std::string> out;
  std::set<std::string, std::less<>> seen;
  ast::walk(m, m.slot(lambda, fld::Lambda::body), [&](NodeId n) {
    if (m.kind(n) != Kind::Name || Kind(m.slot(n, fld::Name::ctx)) != Kind::Load) return;
    std::string_view id = m.str(m.slot(n, fld::Name::id));
    if (own.count(id) || !seen.insert(std::string(id)).second) return;
    out.emplace_back(id);
  });
  return out;
}

}  // namespace portalis::sema
