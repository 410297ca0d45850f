// Static lowering of lists shared by closures that escape: a list local to
// a module function, changed by nested defs that the function hands out as
// function values (lower_static_fnvalue.cc), as in
//   def make_account(balance):
//       history = []
//       def deposit(amount): ...; history.append(...)
//       return deposit, report
// Python's closures share one list object, so Rust's do too: right after its
// `let`, the list becomes an Rc<RefCell<Vec<T>>>; each closure owns a clone
// of the Rc and lends the lifted fn (lower_static_closure.cc) a borrow of
// the Vec for the call (&mut for one that changes it). Kept narrow, so that
// a RefCell borrow can never meet another one: the enclosing function does
// nothing else with the list, and the nested defs reading it take and
// capture no function values or instances (which could call back into a
// closure holding the same list while it is borrowed).
#include "ast/walk.h"
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool mentions_func_or_class(const Types& T, TypeId t) {
  TyKind k = T.kind(t);
  if (k == TyKind::Func || k == TyKind::Class || k == TyKind::Dyn || k == TyKind::Unknown) return true;
  for (TypeId a : T.get(t).args)
    if (mentions_func_or_class(T, a)) return true;
  return false;
}

// Name nodes of the function's own scope (not inside nested defs): how many
// load n, and which nested defs are used other than by a call.
void scope_names(const ast::Module& m, NodeId def, std::string_view n, int* loads, std::set<std::string>* escaping) {
  std::set<NodeId> callees;
  ast::walk_pruned(m, m.list_of(def, fld::FunctionDef::body), [&](NodeId x) {
    Kind k = m.kind(x);
    if (k == Kind::FunctionDef || k == Kind::ClassDef) return false;
    if (k == Kind::Call) callees.insert(m.slot(x, fld::Call::func));
    if (k == Kind::Name) {
      std::string_view id = m.str(m.slot(x, fld::Name::id));
      if (Kind(m.slot(x, fld::Name::ctx)) == Kind::Load) {
        if (id == n) ++*loads;
        if (!callees.count(x)) escaping->insert(std::string(id));
      }
      return false;
    }
    return true;
  });
}
}  // namespace

bool Lowerer::s_shared_list(const sema::Var& v) {
  const sema::Function& fn = tm_.funcs[cur_];
  if (fn.node == kNone || fn.parent >= 0 || fn.nested.empty()) return false;
  auto key = std::make_pair(cur_, v.name);
  if (auto it = s_shared_cache_.find(key); it != s_shared_cache_.end()) return it->second;
  bool ok = T.kind(v.type) == TyKind::List && !mentions_func_or_class(T, v.type) && !v.is_param && !v.cell && !v.reassigned &&
            v.decl_stmt != kNone && v.decl_block == slot(fn.node, fld::FunctionDef::body) && kind(v.decl_stmt) == Kind::Assign &&
            list_of(v.decl_stmt, fld::Assign::targets).size() == 1;
  int loads = 0;
  std::set<std::string> escaping;
  if (ok) scope_names(m_, fn.node, v.name, &loads, &escaping);
  ok = ok && loads == 0;
  bool escapes = false;
  for (const auto& [name, g] : fn.nested) {
    const sema::Function& gf = tm_.funcs[g];
    bool captures = false;
    for (uint32_t c : gf.captures) captures |= gf.vars[c].name == v.name;
    if (!captures) continue;
    escapes |= escaping.count(name) > 0;
    for (uint32_t p : gf.params) ok = ok && !mentions_func_or_class(T, gf.vars[p].type);
    for (uint32_t c : gf.captures) ok = ok && !mentions_func_or_class(T, gf.vars[c].type);
    ok = ok && gf.vararg < 0 && gf.kwarg < 0 && gf.kwonly.empty() && gf.nested.empty();
  }
  ok = ok && escapes;
  s_shared_cache_[key] = ok;
  return ok;
}

void Lowerer::s_shared_decl(const Binding& b, const sema::Var& v, Ids& out) {
  if (!s_shared_list(v)) return;
  RId shared = b_.call("std::rc::Rc::new", {b_.call("std::cell::RefCell::new", {b_.path(b.rust)})});
  out.push_back(b_.let(b.rust, kNil, shared, false));
}

RId Lowerer::s_shared_capture(const Binding& b, const sema::Var& capture, Ids& lets) {
  std::string cap = fresh("cap");
  lets.push_back(b_.let(cap, kNil, b_.call("std::rc::Rc::clone", {b_.ref(b_.path(b.rust))}), false));
  // Deref coercion makes &mut RefMut<Vec<T>> a &mut Vec<T>, &Ref<Vec<T>> a &[T].
  if (capture.mutated) return b_.ref_mut(b_.method(b_.path(cap), "borrow_mut", {}));
  return b_.ref(b_.method(b_.path(cap), "borrow", {}));
}

}  // namespace portalis::lower
