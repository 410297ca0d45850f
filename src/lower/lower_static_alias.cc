// Python names share one list/dict/set object; the static lowering's
// variables own theirs (an assignment clones). Where the sharing shows in
// the output the function stays dynamic: `alias = items` with either name
// changed in place, `row = grid[0]` with row changed, and `[[0] * 3] * 2`
// (rows that are one list).
#include "lower/lower_impl.h"

namespace portalis::lower {

namespace {
bool shared_kind(TyKind k) { return k == TyKind::List || k == TyKind::Dict || k == TyKind::Set; }
}  // namespace

void Lowerer::s_alias_check(NodeId target, NodeId value) {
  s_iter_var_check(target, value);
  if (value == kNone || kind(target) != Kind::Name || !shared_kind(T.kind(tm_.type_of(value)))) return;
  // The variable the value reads: `items`, `grid[0]`, `grid[0][1]`.
  NodeId root = value;
  bool element = false;
  while (kind(root) == Kind::Subscript && kind(slot(root, fld::Subscript::slice)) != Kind::Slice) {
    root = slot(root, fld::Subscript::value);
    element = true;
  }
  if (kind(root) != Kind::Name) return;
  const sema::Function& fn = tm_.funcs[cur_];
  const sema::Var* to = fn.find(ident(target, fld::Name::id));
  const sema::Var* from = fn.find(ident(root, fld::Name::id));
  bool changed = (to && to->mutated) || (from && from->mutated);
  if (changed) fail(value, element ? "an element list shared with a variable that changes" : "a list shared by two names that changes");
}

bool Lowerer::s_repeat_shares(NodeId e, TypeId list_ty) {
  // `[[0] * 3] * 2`: every row is the same list in Python.
  if (!shared_kind(T.kind(T.elem(list_ty)))) return false;
  fail(e, "repetition of a list of containers (its items are one object)");
  return true;
}

}  // namespace portalis::lower
